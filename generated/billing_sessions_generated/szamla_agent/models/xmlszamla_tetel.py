from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xmlszamla_tetel_fokonyv import XmlszamlaTetelFokonyv


T = TypeVar("T", bound="XmlszamlaTetel")


@_attrs_define
class XmlszamlaTetel:
    """
    Attributes:
        megnevezes (str):
        mennyiseg (float):
        mennyisegi_egyseg (str):
        netto_egysegar (float):
        afakulcs (str): VAT rate: a percentage (`27`, `5`) or a code (`AAM`, `TAM`, `EU`, `EUK`, `MAA`, ...).
        netto_ertek (float):
        afa_ertek (float):
        brutto_ertek (float):
        azonosito (str | Unset):
        arres_afa_alap (float | Unset):
        megjegyzes (str | Unset):
        tetel_fokonyv (XmlszamlaTetelFokonyv | Unset):
        torlo_kod (int | Unset):
    """

    megnevezes: str
    mennyiseg: float
    mennyisegi_egyseg: str
    netto_egysegar: float
    afakulcs: str
    netto_ertek: float
    afa_ertek: float
    brutto_ertek: float
    azonosito: str | Unset = UNSET
    arres_afa_alap: float | Unset = UNSET
    megjegyzes: str | Unset = UNSET
    tetel_fokonyv: XmlszamlaTetelFokonyv | Unset = UNSET
    torlo_kod: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        megnevezes = self.megnevezes

        mennyiseg = self.mennyiseg

        mennyisegi_egyseg = self.mennyisegi_egyseg

        netto_egysegar = self.netto_egysegar

        afakulcs = self.afakulcs

        netto_ertek = self.netto_ertek

        afa_ertek = self.afa_ertek

        brutto_ertek = self.brutto_ertek

        azonosito = self.azonosito

        arres_afa_alap = self.arres_afa_alap

        megjegyzes = self.megjegyzes

        tetel_fokonyv: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tetel_fokonyv, Unset):
            tetel_fokonyv = self.tetel_fokonyv.to_dict()

        torlo_kod = self.torlo_kod

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "megnevezes": megnevezes,
                "mennyiseg": mennyiseg,
                "mennyisegiEgyseg": mennyisegi_egyseg,
                "nettoEgysegar": netto_egysegar,
                "afakulcs": afakulcs,
                "nettoErtek": netto_ertek,
                "afaErtek": afa_ertek,
                "bruttoErtek": brutto_ertek,
            }
        )
        if azonosito is not UNSET:
            field_dict["azonosito"] = azonosito
        if arres_afa_alap is not UNSET:
            field_dict["arresAfaAlap"] = arres_afa_alap
        if megjegyzes is not UNSET:
            field_dict["megjegyzes"] = megjegyzes
        if tetel_fokonyv is not UNSET:
            field_dict["tetelFokonyv"] = tetel_fokonyv
        if torlo_kod is not UNSET:
            field_dict["torloKod"] = torlo_kod

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlszamla_tetel_fokonyv import XmlszamlaTetelFokonyv  # noqa: PLC0415

        d = dict(src_dict)
        megnevezes = d.pop("megnevezes")

        mennyiseg = d.pop("mennyiseg")

        mennyisegi_egyseg = d.pop("mennyisegiEgyseg")

        netto_egysegar = d.pop("nettoEgysegar")

        afakulcs = d.pop("afakulcs")

        netto_ertek = d.pop("nettoErtek")

        afa_ertek = d.pop("afaErtek")

        brutto_ertek = d.pop("bruttoErtek")

        azonosito = d.pop("azonosito", UNSET)

        arres_afa_alap = d.pop("arresAfaAlap", UNSET)

        megjegyzes = d.pop("megjegyzes", UNSET)

        _tetel_fokonyv = d.pop("tetelFokonyv", UNSET)
        tetel_fokonyv: XmlszamlaTetelFokonyv | Unset
        if isinstance(_tetel_fokonyv, Unset):
            tetel_fokonyv = UNSET
        else:
            tetel_fokonyv = XmlszamlaTetelFokonyv.from_dict(_tetel_fokonyv)

        torlo_kod = d.pop("torloKod", UNSET)

        xmlszamla_tetel = cls(
            megnevezes=megnevezes,
            mennyiseg=mennyiseg,
            mennyisegi_egyseg=mennyisegi_egyseg,
            netto_egysegar=netto_egysegar,
            afakulcs=afakulcs,
            netto_ertek=netto_ertek,
            afa_ertek=afa_ertek,
            brutto_ertek=brutto_ertek,
            azonosito=azonosito,
            arres_afa_alap=arres_afa_alap,
            megjegyzes=megjegyzes,
            tetel_fokonyv=tetel_fokonyv,
            torlo_kod=torlo_kod,
        )

        xmlszamla_tetel.additional_properties = d
        return xmlszamla_tetel

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
