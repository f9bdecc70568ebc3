from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SzamlaBank")


@_attrs_define
class SzamlaBank:
    """
    Attributes:
        nev (str | Unset):
        bankszamla (str | Unset):
    """

    nev: str | Unset = UNSET
    bankszamla: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nev = self.nev

        bankszamla = self.bankszamla

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if nev is not UNSET:
            field_dict["nev"] = nev
        if bankszamla is not UNSET:
            field_dict["bankszamla"] = bankszamla

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nev = d.pop("nev", UNSET)

        bankszamla = d.pop("bankszamla", UNSET)

        szamla_bank = cls(
            nev=nev,
            bankszamla=bankszamla,
        )

        szamla_bank.additional_properties = d
        return szamla_bank

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
