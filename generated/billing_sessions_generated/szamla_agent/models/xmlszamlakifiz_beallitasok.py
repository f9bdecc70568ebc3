from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamlakifizBeallitasok")


@_attrs_define
class XmlszamlakifizBeallitasok:
    """
    Attributes:
        szamlaszam (str):
        additiv (bool): True keeps the earlier credit entries; false replaces them.
        adoszam (str | Unset):
        aggregator (str | Unset): Deprecated: the provider no longer reads it.
    """

    szamlaszam: str
    additiv: bool
    adoszam: str | Unset = UNSET
    aggregator: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        szamlaszam = self.szamlaszam

        additiv = self.additiv

        adoszam = self.adoszam

        aggregator = self.aggregator

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "szamlaszam": szamlaszam,
                "additiv": additiv,
            }
        )
        if adoszam is not UNSET:
            field_dict["adoszam"] = adoszam
        if aggregator is not UNSET:
            field_dict["aggregator"] = aggregator

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        szamlaszam = d.pop("szamlaszam")

        additiv = d.pop("additiv")

        adoszam = d.pop("adoszam", UNSET)

        aggregator = d.pop("aggregator", UNSET)

        xmlszamlakifiz_beallitasok = cls(
            szamlaszam=szamlaszam,
            additiv=additiv,
            adoszam=adoszam,
            aggregator=aggregator,
        )

        xmlszamlakifiz_beallitasok.additional_properties = d
        return xmlszamlakifiz_beallitasok

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
