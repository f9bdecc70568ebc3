from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamlaTetelFokonyv")


@_attrs_define
class XmlszamlaTetelFokonyv:
    """
    Attributes:
        gazdasagi_esem (str | Unset):
        gazdasagi_esem_afa (str | Unset):
        arbevetel_fokonyvi_szam (str | Unset):
        afa_fokonyvi_szam (str | Unset):
        elsz_datum_tol (datetime.date | Unset):
        elsz_datum_ig (datetime.date | Unset):
    """

    gazdasagi_esem: str | Unset = UNSET
    gazdasagi_esem_afa: str | Unset = UNSET
    arbevetel_fokonyvi_szam: str | Unset = UNSET
    afa_fokonyvi_szam: str | Unset = UNSET
    elsz_datum_tol: datetime.date | Unset = UNSET
    elsz_datum_ig: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gazdasagi_esem = self.gazdasagi_esem

        gazdasagi_esem_afa = self.gazdasagi_esem_afa

        arbevetel_fokonyvi_szam = self.arbevetel_fokonyvi_szam

        afa_fokonyvi_szam = self.afa_fokonyvi_szam

        elsz_datum_tol: str | Unset = UNSET
        if not isinstance(self.elsz_datum_tol, Unset):
            elsz_datum_tol = self.elsz_datum_tol.isoformat()

        elsz_datum_ig: str | Unset = UNSET
        if not isinstance(self.elsz_datum_ig, Unset):
            elsz_datum_ig = self.elsz_datum_ig.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if gazdasagi_esem is not UNSET:
            field_dict["gazdasagiEsem"] = gazdasagi_esem
        if gazdasagi_esem_afa is not UNSET:
            field_dict["gazdasagiEsemAfa"] = gazdasagi_esem_afa
        if arbevetel_fokonyvi_szam is not UNSET:
            field_dict["arbevetelFokonyviSzam"] = arbevetel_fokonyvi_szam
        if afa_fokonyvi_szam is not UNSET:
            field_dict["afaFokonyviSzam"] = afa_fokonyvi_szam
        if elsz_datum_tol is not UNSET:
            field_dict["elszDatumTol"] = elsz_datum_tol
        if elsz_datum_ig is not UNSET:
            field_dict["elszDatumIg"] = elsz_datum_ig

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gazdasagi_esem = d.pop("gazdasagiEsem", UNSET)

        gazdasagi_esem_afa = d.pop("gazdasagiEsemAfa", UNSET)

        arbevetel_fokonyvi_szam = d.pop("arbevetelFokonyviSzam", UNSET)

        afa_fokonyvi_szam = d.pop("afaFokonyviSzam", UNSET)

        _elsz_datum_tol = d.pop("elszDatumTol", UNSET)
        elsz_datum_tol: datetime.date | Unset
        if isinstance(_elsz_datum_tol, Unset):
            elsz_datum_tol = UNSET
        else:
            elsz_datum_tol = datetime.date.fromisoformat(_elsz_datum_tol)

        _elsz_datum_ig = d.pop("elszDatumIg", UNSET)
        elsz_datum_ig: datetime.date | Unset
        if isinstance(_elsz_datum_ig, Unset):
            elsz_datum_ig = UNSET
        else:
            elsz_datum_ig = datetime.date.fromisoformat(_elsz_datum_ig)

        xmlszamla_tetel_fokonyv = cls(
            gazdasagi_esem=gazdasagi_esem,
            gazdasagi_esem_afa=gazdasagi_esem_afa,
            arbevetel_fokonyvi_szam=arbevetel_fokonyvi_szam,
            afa_fokonyvi_szam=afa_fokonyvi_szam,
            elsz_datum_tol=elsz_datum_tol,
            elsz_datum_ig=elsz_datum_ig,
        )

        xmlszamla_tetel_fokonyv.additional_properties = d
        return xmlszamla_tetel_fokonyv

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
