from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.xmlnyugtavalasz_afakulcsossz import XmlnyugtavalaszAfakulcsossz
    from ..models.xmlnyugtavalasz_totalossz import XmlnyugtavalaszTotalossz


T = TypeVar("T", bound="XmlnyugtavalaszOsszegek")


@_attrs_define
class XmlnyugtavalaszOsszegek:
    """
    Attributes:
        afakulcsossz (list[XmlnyugtavalaszAfakulcsossz]):
        totalossz (XmlnyugtavalaszTotalossz):
    """

    afakulcsossz: list[XmlnyugtavalaszAfakulcsossz]
    totalossz: XmlnyugtavalaszTotalossz
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        afakulcsossz = []
        for afakulcsossz_item_data in self.afakulcsossz:
            afakulcsossz_item = afakulcsossz_item_data.to_dict()
            afakulcsossz.append(afakulcsossz_item)

        totalossz = self.totalossz.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "afakulcsossz": afakulcsossz,
                "totalossz": totalossz,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlnyugtavalasz_afakulcsossz import XmlnyugtavalaszAfakulcsossz  # noqa: PLC0415
        from ..models.xmlnyugtavalasz_totalossz import XmlnyugtavalaszTotalossz  # noqa: PLC0415

        d = dict(src_dict)
        afakulcsossz = []
        _afakulcsossz = d.pop("afakulcsossz")
        for afakulcsossz_item_data in _afakulcsossz:
            afakulcsossz_item = XmlnyugtavalaszAfakulcsossz.from_dict(
                afakulcsossz_item_data
            )

            afakulcsossz.append(afakulcsossz_item)

        totalossz = XmlnyugtavalaszTotalossz.from_dict(d.pop("totalossz"))

        xmlnyugtavalasz_osszegek = cls(
            afakulcsossz=afakulcsossz,
            totalossz=totalossz,
        )

        xmlnyugtavalasz_osszegek.additional_properties = d
        return xmlnyugtavalasz_osszegek

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
