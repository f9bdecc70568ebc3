from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlnyugtavalaszKifizetes")


@_attrs_define
class XmlnyugtavalaszKifizetes:
    """
    Attributes:
        fizetoeszkoz (str):
        osszeg (float):
        leiras (str | Unset):
    """

    fizetoeszkoz: str
    osszeg: float
    leiras: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fizetoeszkoz = self.fizetoeszkoz

        osszeg = self.osszeg

        leiras = self.leiras

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fizetoeszkoz": fizetoeszkoz,
                "osszeg": osszeg,
            }
        )
        if leiras is not UNSET:
            field_dict["leiras"] = leiras

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fizetoeszkoz = d.pop("fizetoeszkoz")

        osszeg = d.pop("osszeg")

        leiras = d.pop("leiras", UNSET)

        xmlnyugtavalasz_kifizetes = cls(
            fizetoeszkoz=fizetoeszkoz,
            osszeg=osszeg,
            leiras=leiras,
        )

        xmlnyugtavalasz_kifizetes.additional_properties = d
        return xmlnyugtavalasz_kifizetes

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
