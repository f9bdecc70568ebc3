from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SzamlaCim")


@_attrs_define
class SzamlaCim:
    """
    Attributes:
        irsz (str):
        telepules (str):
        cim (str):
        orszag (str | Unset):
    """

    irsz: str
    telepules: str
    cim: str
    orszag: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        irsz = self.irsz

        telepules = self.telepules

        cim = self.cim

        orszag = self.orszag

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "irsz": irsz,
                "telepules": telepules,
                "cim": cim,
            }
        )
        if orszag is not UNSET:
            field_dict["orszag"] = orszag

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        irsz = d.pop("irsz")

        telepules = d.pop("telepules")

        cim = d.pop("cim")

        orszag = d.pop("orszag", UNSET)

        szamla_cim = cls(
            irsz=irsz,
            telepules=telepules,
            cim=cim,
            orszag=orszag,
        )

        szamla_cim.additional_properties = d
        return szamla_cim

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
