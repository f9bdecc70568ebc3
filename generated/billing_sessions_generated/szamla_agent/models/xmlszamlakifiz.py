from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xmlszamlakifiz_beallitasok import XmlszamlakifizBeallitasok
    from ..models.xmlszamlakifiz_kifizetes import XmlszamlakifizKifizetes


T = TypeVar("T", bound="Xmlszamlakifiz")


@_attrs_define
class Xmlszamlakifiz:
    """Request: register payments (credit entries, at most 5) on an invoice. File part `action-szamla_agent_kifiz`.

    Attributes:
        beallitasok (XmlszamlakifizBeallitasok):
        kifizetes (list[XmlszamlakifizKifizetes] | Unset):
    """

    beallitasok: XmlszamlakifizBeallitasok
    kifizetes: list[XmlszamlakifizKifizetes] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        beallitasok = self.beallitasok.to_dict()

        kifizetes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.kifizetes, Unset):
            kifizetes = []
            for kifizetes_item_data in self.kifizetes:
                kifizetes_item = kifizetes_item_data.to_dict()
                kifizetes.append(kifizetes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "beallitasok": beallitasok,
            }
        )
        if kifizetes is not UNSET:
            field_dict["kifizetes"] = kifizetes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlszamlakifiz_beallitasok import XmlszamlakifizBeallitasok  # noqa: PLC0415
        from ..models.xmlszamlakifiz_kifizetes import XmlszamlakifizKifizetes  # noqa: PLC0415

        d = dict(src_dict)
        beallitasok = XmlszamlakifizBeallitasok.from_dict(d.pop("beallitasok"))

        _kifizetes = d.pop("kifizetes", UNSET)
        kifizetes: list[XmlszamlakifizKifizetes] | Unset = UNSET
        if _kifizetes is not UNSET:
            kifizetes = []
            for kifizetes_item_data in _kifizetes:
                kifizetes_item = XmlszamlakifizKifizetes.from_dict(kifizetes_item_data)

                kifizetes.append(kifizetes_item)

        xmlszamlakifiz = cls(
            beallitasok=beallitasok,
            kifizetes=kifizetes,
        )

        xmlszamlakifiz.additional_properties = d
        return xmlszamlakifiz

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
