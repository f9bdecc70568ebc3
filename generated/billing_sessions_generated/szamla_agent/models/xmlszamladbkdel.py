from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.xmlszamladbkdel_beallitasok import XmlszamladbkdelBeallitasok
    from ..models.xmlszamladbkdel_fejlec import XmlszamladbkdelFejlec


T = TypeVar("T", bound="Xmlszamladbkdel")


@_attrs_define
class Xmlszamladbkdel:
    """Request: delete a pro forma invoice (díjbekérő). File part `action-szamla_agent_dijbekero_torlese`.

    Attributes:
        beallitasok (XmlszamladbkdelBeallitasok):
        fejlec (XmlszamladbkdelFejlec):
    """

    beallitasok: XmlszamladbkdelBeallitasok
    fejlec: XmlszamladbkdelFejlec
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
        from ..models.xmlszamladbkdel_beallitasok import XmlszamladbkdelBeallitasok  # noqa: PLC0415
        from ..models.xmlszamladbkdel_fejlec import XmlszamladbkdelFejlec  # noqa: PLC0415

        d = dict(src_dict)
        beallitasok = XmlszamladbkdelBeallitasok.from_dict(d.pop("beallitasok"))

        fejlec = XmlszamladbkdelFejlec.from_dict(d.pop("fejlec"))

        xmlszamladbkdel = cls(
            beallitasok=beallitasok,
            fejlec=fejlec,
        )

        xmlszamladbkdel.additional_properties = d
        return xmlszamladbkdel

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
