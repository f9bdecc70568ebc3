from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.xmlnyugtast_beallitasok import XmlnyugtastBeallitasok
    from ..models.xmlnyugtast_fejlec import XmlnyugtastFejlec


T = TypeVar("T", bound="Xmlnyugtast")


@_attrs_define
class Xmlnyugtast:
    """Request: reverse a receipt. File part `action-szamla_agent_nyugta_storno`.

    Attributes:
        beallitasok (XmlnyugtastBeallitasok):
        fejlec (XmlnyugtastFejlec):
    """

    beallitasok: XmlnyugtastBeallitasok
    fejlec: XmlnyugtastFejlec
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        beallitasok = self.beallitasok.to_dict()

        fejlec = self.fejlec.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "beallitasok": beallitasok,
                "fejlec": fejlec,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlnyugtast_beallitasok import XmlnyugtastBeallitasok  # noqa: PLC0415
        from ..models.xmlnyugtast_fejlec import XmlnyugtastFejlec  # noqa: PLC0415

        d = dict(src_dict)
        beallitasok = XmlnyugtastBeallitasok.from_dict(d.pop("beallitasok"))

        fejlec = XmlnyugtastFejlec.from_dict(d.pop("fejlec"))

        xmlnyugtast = cls(
            beallitasok=beallitasok,
            fejlec=fejlec,
        )

        xmlnyugtast.additional_properties = d
        return xmlnyugtast

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
