from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamladbkdelFejlec")


@_attrs_define
class XmlszamladbkdelFejlec:
    """
    Attributes:
        szamlaszam (str | Unset):
        rendelesszam (str | Unset):
    """

    szamlaszam: str | Unset = UNSET
    rendelesszam: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        szamlaszam = self.szamlaszam

        rendelesszam = self.rendelesszam

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if szamlaszam is not UNSET:
            field_dict["szamlaszam"] = szamlaszam
        if rendelesszam is not UNSET:
            field_dict["rendelesszam"] = rendelesszam

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        szamlaszam = d.pop("szamlaszam", UNSET)

        rendelesszam = d.pop("rendelesszam", UNSET)

        xmlszamladbkdel_fejlec = cls(
            szamlaszam=szamlaszam,
            rendelesszam=rendelesszam,
        )

        xmlszamladbkdel_fejlec.additional_properties = d
        return xmlszamladbkdel_fejlec

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
