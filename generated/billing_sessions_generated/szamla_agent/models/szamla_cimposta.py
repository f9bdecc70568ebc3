from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SzamlaCimposta")


@_attrs_define
class SzamlaCimposta:
    """
    Attributes:
        nev (str | Unset):
        orszag (str | Unset):
        irsz (str | Unset):
        telepules (str | Unset):
        cim (str | Unset):
    """

    nev: str | Unset = UNSET
    orszag: str | Unset = UNSET
    irsz: str | Unset = UNSET
    telepules: str | Unset = UNSET
    cim: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nev = self.nev

        orszag = self.orszag

        irsz = self.irsz

        telepules = self.telepules

        cim = self.cim

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if nev is not UNSET:
            field_dict["nev"] = nev
        if orszag is not UNSET:
            field_dict["orszag"] = orszag
        if irsz is not UNSET:
            field_dict["irsz"] = irsz
        if telepules is not UNSET:
            field_dict["telepules"] = telepules
        if cim is not UNSET:
            field_dict["cim"] = cim

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nev = d.pop("nev", UNSET)

        orszag = d.pop("orszag", UNSET)

        irsz = d.pop("irsz", UNSET)

        telepules = d.pop("telepules", UNSET)

        cim = d.pop("cim", UNSET)

        szamla_cimposta = cls(
            nev=nev,
            orszag=orszag,
            irsz=irsz,
            telepules=telepules,
            cim=cim,
        )

        szamla_cimposta.additional_properties = d
        return szamla_cimposta

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
