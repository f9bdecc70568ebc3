from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamlaPpp")


@_attrs_define
class XmlszamlaPpp:
    """
    Attributes:
        vonalkod_prefix (str | Unset):
        vonalkod_postfix (str | Unset):
    """

    vonalkod_prefix: str | Unset = UNSET
    vonalkod_postfix: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vonalkod_prefix = self.vonalkod_prefix

        vonalkod_postfix = self.vonalkod_postfix

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if vonalkod_prefix is not UNSET:
            field_dict["vonalkodPrefix"] = vonalkod_prefix
        if vonalkod_postfix is not UNSET:
            field_dict["vonalkodPostfix"] = vonalkod_postfix

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        vonalkod_prefix = d.pop("vonalkodPrefix", UNSET)

        vonalkod_postfix = d.pop("vonalkodPostfix", UNSET)

        xmlszamla_ppp = cls(
            vonalkod_prefix=vonalkod_prefix,
            vonalkod_postfix=vonalkod_postfix,
        )

        xmlszamla_ppp.additional_properties = d
        return xmlszamla_ppp

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
