from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SzamlaFokonyvvevo")


@_attrs_define
class SzamlaFokonyvvevo:
    """
    Attributes:
        vevo (str | Unset):
        vevoazon (str | Unset):
        datum (datetime.date | Unset):
        folyamatostelj (bool | Unset):
        elsz_dat_tol (datetime.date | Unset):
        elsz_dat_ig (datetime.date | Unset):
    """

    vevo: str | Unset = UNSET
    vevoazon: str | Unset = UNSET
    datum: datetime.date | Unset = UNSET
    folyamatostelj: bool | Unset = UNSET
    elsz_dat_tol: datetime.date | Unset = UNSET
    elsz_dat_ig: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vevo = self.vevo

        vevoazon = self.vevoazon

        datum: str | Unset = UNSET
        if not isinstance(self.datum, Unset):
            datum = self.datum.isoformat()

        folyamatostelj = self.folyamatostelj

        elsz_dat_tol: str | Unset = UNSET
        if not isinstance(self.elsz_dat_tol, Unset):
            elsz_dat_tol = self.elsz_dat_tol.isoformat()

        elsz_dat_ig: str | Unset = UNSET
        if not isinstance(self.elsz_dat_ig, Unset):
            elsz_dat_ig = self.elsz_dat_ig.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if vevo is not UNSET:
            field_dict["vevo"] = vevo
        if vevoazon is not UNSET:
            field_dict["vevoazon"] = vevoazon
        if datum is not UNSET:
            field_dict["datum"] = datum
        if folyamatostelj is not UNSET:
            field_dict["folyamatostelj"] = folyamatostelj
        if elsz_dat_tol is not UNSET:
            field_dict["elszDatTol"] = elsz_dat_tol
        if elsz_dat_ig is not UNSET:
            field_dict["elszDatIg"] = elsz_dat_ig

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        vevo = d.pop("vevo", UNSET)

        vevoazon = d.pop("vevoazon", UNSET)

        _datum = d.pop("datum", UNSET)
        datum: datetime.date | Unset
        if isinstance(_datum, Unset):
            datum = UNSET
        else:
            datum = datetime.date.fromisoformat(_datum)

        folyamatostelj = d.pop("folyamatostelj", UNSET)

        _elsz_dat_tol = d.pop("elszDatTol", UNSET)
        elsz_dat_tol: datetime.date | Unset
        if isinstance(_elsz_dat_tol, Unset):
            elsz_dat_tol = UNSET
        else:
            elsz_dat_tol = datetime.date.fromisoformat(_elsz_dat_tol)

        _elsz_dat_ig = d.pop("elszDatIg", UNSET)
        elsz_dat_ig: datetime.date | Unset
        if isinstance(_elsz_dat_ig, Unset):
            elsz_dat_ig = UNSET
        else:
            elsz_dat_ig = datetime.date.fromisoformat(_elsz_dat_ig)

        szamla_fokonyvvevo = cls(
            vevo=vevo,
            vevoazon=vevoazon,
            datum=datum,
            folyamatostelj=folyamatostelj,
            elsz_dat_tol=elsz_dat_tol,
            elsz_dat_ig=elsz_dat_ig,
        )

        szamla_fokonyvvevo.additional_properties = d
        return szamla_fokonyvvevo

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
