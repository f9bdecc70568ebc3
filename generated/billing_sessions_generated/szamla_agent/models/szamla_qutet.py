from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.szamla_cimkek import SzamlaCimkek


T = TypeVar("T", bound="SzamlaQutet")


@_attrs_define
class SzamlaQutet:
    """
    Attributes:
        nev (str):
        afakulcs (float): VAT rate: a percentage (`27`, `5`) or a code (`AAM`, `TAM`, `EU`, `EUK`, `MAA`, ...).
        netto (float):
        afa (float):
        brutto (float):
        afalevon (int):
        afatipus (str | Unset): One of: `TAM`, `AAM`, `EU`, `EUK`, `MAA`, `F.AFA`, `K.AFA`, `ÁKK`, `TAHK`, `TEHK`,
            `EUT`, `EUKT`, `HO`, `EUE`, `EUFADE`, `EUFAD37`, `ATK`, `NAM`, `EAM`, `KBAUK`, `KBAET` (an open list: a value
            the provider adds later is kept as text).
        elszdattol (datetime.date | Unset):
        elszdatig (datetime.date | Unset):
        cimkek (SzamlaCimkek | Unset):
    """

    nev: str
    afakulcs: float
    netto: float
    afa: float
    brutto: float
    afalevon: int
    afatipus: str | Unset = UNSET
    elszdattol: datetime.date | Unset = UNSET
    elszdatig: datetime.date | Unset = UNSET
    cimkek: SzamlaCimkek | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nev = self.nev

        afakulcs = self.afakulcs

        netto = self.netto

        afa = self.afa

        brutto = self.brutto

        afalevon = self.afalevon

        afatipus = self.afatipus

        elszdattol: str | Unset = UNSET
        if not isinstance(self.elszdattol, Unset):
            elszdattol = self.elszdattol.isoformat()

        elszdatig: str | Unset = UNSET
        if not isinstance(self.elszdatig, Unset):
            elszdatig = self.elszdatig.isoformat()

        cimkek: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cimkek, Unset):
            cimkek = self.cimkek.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nev": nev,
                "afakulcs": afakulcs,
                "netto": netto,
                "afa": afa,
                "brutto": brutto,
                "afalevon": afalevon,
            }
        )
        if afatipus is not UNSET:
            field_dict["afatipus"] = afatipus
        if elszdattol is not UNSET:
            field_dict["elszdattol"] = elszdattol
        if elszdatig is not UNSET:
            field_dict["elszdatig"] = elszdatig
        if cimkek is not UNSET:
            field_dict["cimkek"] = cimkek

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.szamla_cimkek import SzamlaCimkek  # noqa: PLC0415

        d = dict(src_dict)
        nev = d.pop("nev")

        afakulcs = d.pop("afakulcs")

        netto = d.pop("netto")

        afa = d.pop("afa")

        brutto = d.pop("brutto")

        afalevon = d.pop("afalevon")

        afatipus = d.pop("afatipus", UNSET)

        _elszdattol = d.pop("elszdattol", UNSET)
        elszdattol: datetime.date | Unset
        if isinstance(_elszdattol, Unset):
            elszdattol = UNSET
        else:
            elszdattol = datetime.date.fromisoformat(_elszdattol)

        _elszdatig = d.pop("elszdatig", UNSET)
        elszdatig: datetime.date | Unset
        if isinstance(_elszdatig, Unset):
            elszdatig = UNSET
        else:
            elszdatig = datetime.date.fromisoformat(_elszdatig)

        _cimkek = d.pop("cimkek", UNSET)
        cimkek: SzamlaCimkek | Unset
        if isinstance(_cimkek, Unset):
            cimkek = UNSET
        else:
            cimkek = SzamlaCimkek.from_dict(_cimkek)

        szamla_qutet = cls(
            nev=nev,
            afakulcs=afakulcs,
            netto=netto,
            afa=afa,
            brutto=brutto,
            afalevon=afalevon,
            afatipus=afatipus,
            elszdattol=elszdattol,
            elszdatig=elszdatig,
            cimkek=cimkek,
        )

        szamla_qutet.additional_properties = d
        return szamla_qutet

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
