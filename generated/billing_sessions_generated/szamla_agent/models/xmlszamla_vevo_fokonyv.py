from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamlaVevoFokonyv")


@_attrs_define
class XmlszamlaVevoFokonyv:
    """
    Attributes:
        konyveles_datum (datetime.date | Unset):
        vevo_azonosito (str | Unset):
        vevo_fokonyvi_szam (str | Unset):
        folyamatos_telj (bool | Unset):
        elsz_datum_tol (datetime.date | Unset):
        elsz_datum_ig (datetime.date | Unset):
    """

    konyveles_datum: datetime.date | Unset = UNSET
    vevo_azonosito: str | Unset = UNSET
    vevo_fokonyvi_szam: str | Unset = UNSET
    folyamatos_telj: bool | Unset = UNSET
    elsz_datum_tol: datetime.date | Unset = UNSET
    elsz_datum_ig: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        konyveles_datum: str | Unset = UNSET
        if not isinstance(self.konyveles_datum, Unset):
            konyveles_datum = self.konyveles_datum.isoformat()

        vevo_azonosito = self.vevo_azonosito

        vevo_fokonyvi_szam = self.vevo_fokonyvi_szam

        folyamatos_telj = self.folyamatos_telj

        elsz_datum_tol: str | Unset = UNSET
        if not isinstance(self.elsz_datum_tol, Unset):
            elsz_datum_tol = self.elsz_datum_tol.isoformat()

        elsz_datum_ig: str | Unset = UNSET
        if not isinstance(self.elsz_datum_ig, Unset):
            elsz_datum_ig = self.elsz_datum_ig.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if konyveles_datum is not UNSET:
            field_dict["konyvelesDatum"] = konyveles_datum
        if vevo_azonosito is not UNSET:
            field_dict["vevoAzonosito"] = vevo_azonosito
        if vevo_fokonyvi_szam is not UNSET:
            field_dict["vevoFokonyviSzam"] = vevo_fokonyvi_szam
        if folyamatos_telj is not UNSET:
            field_dict["folyamatosTelj"] = folyamatos_telj
        if elsz_datum_tol is not UNSET:
            field_dict["elszDatumTol"] = elsz_datum_tol
        if elsz_datum_ig is not UNSET:
            field_dict["elszDatumIg"] = elsz_datum_ig

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _konyveles_datum = d.pop("konyvelesDatum", UNSET)
        konyveles_datum: datetime.date | Unset
        if isinstance(_konyveles_datum, Unset):
            konyveles_datum = UNSET
        else:
            konyveles_datum = datetime.date.fromisoformat(_konyveles_datum)

        vevo_azonosito = d.pop("vevoAzonosito", UNSET)

        vevo_fokonyvi_szam = d.pop("vevoFokonyviSzam", UNSET)

        folyamatos_telj = d.pop("folyamatosTelj", UNSET)

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

        xmlszamla_vevo_fokonyv = cls(
            konyveles_datum=konyveles_datum,
            vevo_azonosito=vevo_azonosito,
            vevo_fokonyvi_szam=vevo_fokonyvi_szam,
            folyamatos_telj=folyamatos_telj,
            elsz_datum_tol=elsz_datum_tol,
            elsz_datum_ig=elsz_datum_ig,
        )

        xmlszamla_vevo_fokonyv.additional_properties = d
        return xmlszamla_vevo_fokonyv

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
