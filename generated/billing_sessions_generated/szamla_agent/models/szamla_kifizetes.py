from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SzamlaKifizetes")


@_attrs_define
class SzamlaKifizetes:
    """
    Attributes:
        datum (datetime.date):
        jogcim (str):
        osszeg (float):
        megjegyzes (str | Unset):
        bankszamlaszam (str | Unset):
        banktranzid (int | Unset):
        devizaarf (float | Unset):
    """

    datum: datetime.date
    jogcim: str
    osszeg: float
    megjegyzes: str | Unset = UNSET
    bankszamlaszam: str | Unset = UNSET
    banktranzid: int | Unset = UNSET
    devizaarf: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        datum = self.datum.isoformat()

        jogcim = self.jogcim

        osszeg = self.osszeg

        megjegyzes = self.megjegyzes

        bankszamlaszam = self.bankszamlaszam

        banktranzid = self.banktranzid

        devizaarf = self.devizaarf

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "datum": datum,
                "jogcim": jogcim,
                "osszeg": osszeg,
            }
        )
        if megjegyzes is not UNSET:
            field_dict["megjegyzes"] = megjegyzes
        if bankszamlaszam is not UNSET:
            field_dict["bankszamlaszam"] = bankszamlaszam
        if banktranzid is not UNSET:
            field_dict["banktranzid"] = banktranzid
        if devizaarf is not UNSET:
            field_dict["devizaarf"] = devizaarf

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        datum = datetime.date.fromisoformat(d.pop("datum"))

        jogcim = d.pop("jogcim")

        osszeg = d.pop("osszeg")

        megjegyzes = d.pop("megjegyzes", UNSET)

        bankszamlaszam = d.pop("bankszamlaszam", UNSET)

        banktranzid = d.pop("banktranzid", UNSET)

        devizaarf = d.pop("devizaarf", UNSET)

        szamla_kifizetes = cls(
            datum=datum,
            jogcim=jogcim,
            osszeg=osszeg,
            megjegyzes=megjegyzes,
            bankszamlaszam=bankszamlaszam,
            banktranzid=banktranzid,
            devizaarf=devizaarf,
        )

        szamla_kifizetes.additional_properties = d
        return szamla_kifizetes

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
