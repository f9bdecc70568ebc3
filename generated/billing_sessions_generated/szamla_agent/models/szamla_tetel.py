from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.szamla_fokonyvtetel import SzamlaFokonyvtetel


T = TypeVar("T", bound="SzamlaTetel")


@_attrs_define
class SzamlaTetel:
    """
    Attributes:
        nev (str):
        mennyiseg (float):
        mennyisegiegyseg (str):
        nettoegysegar (float):
        afakulcs (float): VAT rate: a percentage (`27`, `5`) or a code (`AAM`, `TAM`, `EU`, `EUK`, `MAA`, ...).
        netto (float):
        afa (float):
        brutto (float):
        sztetordering (int):
        azonosito (str | Unset):
        afatipus (str | Unset): One of: `TAM`, `AAM`, `EU`, `EUK`, `MAA`, `F.AFA`, `K.AFA`, `ÁKK`, `TAHK`, `TEHK`,
            `EUT`, `EUKT`, `HO`, `EUE`, `EUFADE`, `EUFAD37`, `ATK`, `NAM`, `EAM`, `KBAUK`, `KBAET` (an open list: a value
            the provider adds later is kept as text).
        arresafaalap (float | Unset):
        megjegyzes (str | Unset):
        fokonyv (SzamlaFokonyvtetel | Unset):
    """

    nev: str
    mennyiseg: float
    mennyisegiegyseg: str
    nettoegysegar: float
    afakulcs: float
    netto: float
    afa: float
    brutto: float
    sztetordering: int
    azonosito: str | Unset = UNSET
    afatipus: str | Unset = UNSET
    arresafaalap: float | Unset = UNSET
    megjegyzes: str | Unset = UNSET
    fokonyv: SzamlaFokonyvtetel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nev = self.nev

        mennyiseg = self.mennyiseg

        mennyisegiegyseg = self.mennyisegiegyseg

        nettoegysegar = self.nettoegysegar

        afakulcs = self.afakulcs

        netto = self.netto

        afa = self.afa

        brutto = self.brutto

        sztetordering = self.sztetordering

        azonosito = self.azonosito

        afatipus = self.afatipus

        arresafaalap = self.arresafaalap

        megjegyzes = self.megjegyzes

        fokonyv: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fokonyv, Unset):
            fokonyv = self.fokonyv.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nev": nev,
                "mennyiseg": mennyiseg,
                "mennyisegiegyseg": mennyisegiegyseg,
                "nettoegysegar": nettoegysegar,
                "afakulcs": afakulcs,
                "netto": netto,
                "afa": afa,
                "brutto": brutto,
                "sztetordering": sztetordering,
            }
        )
        if azonosito is not UNSET:
            field_dict["azonosito"] = azonosito
        if afatipus is not UNSET:
            field_dict["afatipus"] = afatipus
        if arresafaalap is not UNSET:
            field_dict["arresafaalap"] = arresafaalap
        if megjegyzes is not UNSET:
            field_dict["megjegyzes"] = megjegyzes
        if fokonyv is not UNSET:
            field_dict["fokonyv"] = fokonyv

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.szamla_fokonyvtetel import SzamlaFokonyvtetel  # noqa: PLC0415

        d = dict(src_dict)
        nev = d.pop("nev")

        mennyiseg = d.pop("mennyiseg")

        mennyisegiegyseg = d.pop("mennyisegiegyseg")

        nettoegysegar = d.pop("nettoegysegar")

        afakulcs = d.pop("afakulcs")

        netto = d.pop("netto")

        afa = d.pop("afa")

        brutto = d.pop("brutto")

        sztetordering = d.pop("sztetordering")

        azonosito = d.pop("azonosito", UNSET)

        afatipus = d.pop("afatipus", UNSET)

        arresafaalap = d.pop("arresafaalap", UNSET)

        megjegyzes = d.pop("megjegyzes", UNSET)

        _fokonyv = d.pop("fokonyv", UNSET)
        fokonyv: SzamlaFokonyvtetel | Unset
        if isinstance(_fokonyv, Unset):
            fokonyv = UNSET
        else:
            fokonyv = SzamlaFokonyvtetel.from_dict(_fokonyv)

        szamla_tetel = cls(
            nev=nev,
            mennyiseg=mennyiseg,
            mennyisegiegyseg=mennyisegiegyseg,
            nettoegysegar=nettoegysegar,
            afakulcs=afakulcs,
            netto=netto,
            afa=afa,
            brutto=brutto,
            sztetordering=sztetordering,
            azonosito=azonosito,
            afatipus=afatipus,
            arresafaalap=arresafaalap,
            megjegyzes=megjegyzes,
            fokonyv=fokonyv,
        )

        szamla_tetel.additional_properties = d
        return szamla_tetel

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
