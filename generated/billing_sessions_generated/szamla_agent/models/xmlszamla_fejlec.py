from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.xmlszamla_fejlec_szamla_nyelve import (
    XmlszamlaFejlecSzamlaNyelve,
    check_xmlszamla_fejlec_szamla_nyelve,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamlaFejlec")


@_attrs_define
class XmlszamlaFejlec:
    """
    Attributes:
        teljesites_datum (datetime.date):
        fizetesi_hatarido_datum (datetime.date):
        fizmod (str): Payment method as text (e.g. `Átutalás`, `Készpénz`, `Bankkártya`).
        penznem (str): Currency code (`HUF`, `EUR`, ...).
        szamla_nyelve (XmlszamlaFejlecSzamlaNyelve):
        kelt_datum (datetime.date | Unset):
        megjegyzes (str | Unset):
        arfolyam_bank (str | Unset):
        arfolyam (float | Unset):
        rendeles_szam (str | Unset):
        dijbekero_szamlaszam (str | Unset):
        elolegszamla (bool | Unset):
        vegszamla (bool | Unset):
        eloleg_szamlaszam (str | Unset):
        helyesbitoszamla (bool | Unset):
        helyesbitett_szamlaszam (str | Unset):
        dijbekero (bool | Unset):
        szallitolevel (bool | Unset):
        logo_extra (str | Unset):
        szamlaszam_elotag (str | Unset):
        fizetendo_korrekcio (float | Unset):
        fizetve (bool | Unset):
        arres_afa (bool | Unset):
        eus_afa (bool | Unset):
        szamla_sablon (str | Unset): Invoice template: `SzlaMost`, `SzlaAlap`, `SzlaNoEnv`, `Szla8cm`, `SzlaTomb`,
            `SzlaFuvarlevelesAlap`.
        simple_items (bool | Unset):
        elonezetpdf (bool | Unset): Only a preview PDF: no invoice is created.
    """

    teljesites_datum: datetime.date
    fizetesi_hatarido_datum: datetime.date
    fizmod: str
    penznem: str
    szamla_nyelve: XmlszamlaFejlecSzamlaNyelve
    kelt_datum: datetime.date | Unset = UNSET
    megjegyzes: str | Unset = UNSET
    arfolyam_bank: str | Unset = UNSET
    arfolyam: float | Unset = UNSET
    rendeles_szam: str | Unset = UNSET
    dijbekero_szamlaszam: str | Unset = UNSET
    elolegszamla: bool | Unset = UNSET
    vegszamla: bool | Unset = UNSET
    eloleg_szamlaszam: str | Unset = UNSET
    helyesbitoszamla: bool | Unset = UNSET
    helyesbitett_szamlaszam: str | Unset = UNSET
    dijbekero: bool | Unset = UNSET
    szallitolevel: bool | Unset = UNSET
    logo_extra: str | Unset = UNSET
    szamlaszam_elotag: str | Unset = UNSET
    fizetendo_korrekcio: float | Unset = UNSET
    fizetve: bool | Unset = UNSET
    arres_afa: bool | Unset = UNSET
    eus_afa: bool | Unset = UNSET
    szamla_sablon: str | Unset = UNSET
    simple_items: bool | Unset = UNSET
    elonezetpdf: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        teljesites_datum = self.teljesites_datum.isoformat()

        fizetesi_hatarido_datum = self.fizetesi_hatarido_datum.isoformat()

        fizmod = self.fizmod

        penznem = self.penznem

        szamla_nyelve: str = self.szamla_nyelve

        kelt_datum: str | Unset = UNSET
        if not isinstance(self.kelt_datum, Unset):
            kelt_datum = self.kelt_datum.isoformat()

        megjegyzes = self.megjegyzes

        arfolyam_bank = self.arfolyam_bank

        arfolyam = self.arfolyam

        rendeles_szam = self.rendeles_szam

        dijbekero_szamlaszam = self.dijbekero_szamlaszam

        elolegszamla = self.elolegszamla

        vegszamla = self.vegszamla

        eloleg_szamlaszam = self.eloleg_szamlaszam

        helyesbitoszamla = self.helyesbitoszamla

        helyesbitett_szamlaszam = self.helyesbitett_szamlaszam

        dijbekero = self.dijbekero

        szallitolevel = self.szallitolevel

        logo_extra = self.logo_extra

        szamlaszam_elotag = self.szamlaszam_elotag

        fizetendo_korrekcio = self.fizetendo_korrekcio

        fizetve = self.fizetve

        arres_afa = self.arres_afa

        eus_afa = self.eus_afa

        szamla_sablon = self.szamla_sablon

        simple_items = self.simple_items

        elonezetpdf = self.elonezetpdf

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "teljesitesDatum": teljesites_datum,
                "fizetesiHataridoDatum": fizetesi_hatarido_datum,
                "fizmod": fizmod,
                "penznem": penznem,
                "szamlaNyelve": szamla_nyelve,
            }
        )
        if kelt_datum is not UNSET:
            field_dict["keltDatum"] = kelt_datum
        if megjegyzes is not UNSET:
            field_dict["megjegyzes"] = megjegyzes
        if arfolyam_bank is not UNSET:
            field_dict["arfolyamBank"] = arfolyam_bank
        if arfolyam is not UNSET:
            field_dict["arfolyam"] = arfolyam
        if rendeles_szam is not UNSET:
            field_dict["rendelesSzam"] = rendeles_szam
        if dijbekero_szamlaszam is not UNSET:
            field_dict["dijbekeroSzamlaszam"] = dijbekero_szamlaszam
        if elolegszamla is not UNSET:
            field_dict["elolegszamla"] = elolegszamla
        if vegszamla is not UNSET:
            field_dict["vegszamla"] = vegszamla
        if eloleg_szamlaszam is not UNSET:
            field_dict["elolegSzamlaszam"] = eloleg_szamlaszam
        if helyesbitoszamla is not UNSET:
            field_dict["helyesbitoszamla"] = helyesbitoszamla
        if helyesbitett_szamlaszam is not UNSET:
            field_dict["helyesbitettSzamlaszam"] = helyesbitett_szamlaszam
        if dijbekero is not UNSET:
            field_dict["dijbekero"] = dijbekero
        if szallitolevel is not UNSET:
            field_dict["szallitolevel"] = szallitolevel
        if logo_extra is not UNSET:
            field_dict["logoExtra"] = logo_extra
        if szamlaszam_elotag is not UNSET:
            field_dict["szamlaszamElotag"] = szamlaszam_elotag
        if fizetendo_korrekcio is not UNSET:
            field_dict["fizetendoKorrekcio"] = fizetendo_korrekcio
        if fizetve is not UNSET:
            field_dict["fizetve"] = fizetve
        if arres_afa is not UNSET:
            field_dict["arresAfa"] = arres_afa
        if eus_afa is not UNSET:
            field_dict["eusAfa"] = eus_afa
        if szamla_sablon is not UNSET:
            field_dict["szamlaSablon"] = szamla_sablon
        if simple_items is not UNSET:
            field_dict["simpleItems"] = simple_items
        if elonezetpdf is not UNSET:
            field_dict["elonezetpdf"] = elonezetpdf

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        teljesites_datum = datetime.date.fromisoformat(d.pop("teljesitesDatum"))

        fizetesi_hatarido_datum = datetime.date.fromisoformat(
            d.pop("fizetesiHataridoDatum")
        )

        fizmod = d.pop("fizmod")

        penznem = d.pop("penznem")

        szamla_nyelve = check_xmlszamla_fejlec_szamla_nyelve(d.pop("szamlaNyelve"))

        _kelt_datum = d.pop("keltDatum", UNSET)
        kelt_datum: datetime.date | Unset
        if isinstance(_kelt_datum, Unset):
            kelt_datum = UNSET
        else:
            kelt_datum = datetime.date.fromisoformat(_kelt_datum)

        megjegyzes = d.pop("megjegyzes", UNSET)

        arfolyam_bank = d.pop("arfolyamBank", UNSET)

        arfolyam = d.pop("arfolyam", UNSET)

        rendeles_szam = d.pop("rendelesSzam", UNSET)

        dijbekero_szamlaszam = d.pop("dijbekeroSzamlaszam", UNSET)

        elolegszamla = d.pop("elolegszamla", UNSET)

        vegszamla = d.pop("vegszamla", UNSET)

        eloleg_szamlaszam = d.pop("elolegSzamlaszam", UNSET)

        helyesbitoszamla = d.pop("helyesbitoszamla", UNSET)

        helyesbitett_szamlaszam = d.pop("helyesbitettSzamlaszam", UNSET)

        dijbekero = d.pop("dijbekero", UNSET)

        szallitolevel = d.pop("szallitolevel", UNSET)

        logo_extra = d.pop("logoExtra", UNSET)

        szamlaszam_elotag = d.pop("szamlaszamElotag", UNSET)

        fizetendo_korrekcio = d.pop("fizetendoKorrekcio", UNSET)

        fizetve = d.pop("fizetve", UNSET)

        arres_afa = d.pop("arresAfa", UNSET)

        eus_afa = d.pop("eusAfa", UNSET)

        szamla_sablon = d.pop("szamlaSablon", UNSET)

        simple_items = d.pop("simpleItems", UNSET)

        elonezetpdf = d.pop("elonezetpdf", UNSET)

        xmlszamla_fejlec = cls(
            teljesites_datum=teljesites_datum,
            fizetesi_hatarido_datum=fizetesi_hatarido_datum,
            fizmod=fizmod,
            penznem=penznem,
            szamla_nyelve=szamla_nyelve,
            kelt_datum=kelt_datum,
            megjegyzes=megjegyzes,
            arfolyam_bank=arfolyam_bank,
            arfolyam=arfolyam,
            rendeles_szam=rendeles_szam,
            dijbekero_szamlaszam=dijbekero_szamlaszam,
            elolegszamla=elolegszamla,
            vegszamla=vegszamla,
            eloleg_szamlaszam=eloleg_szamlaszam,
            helyesbitoszamla=helyesbitoszamla,
            helyesbitett_szamlaszam=helyesbitett_szamlaszam,
            dijbekero=dijbekero,
            szallitolevel=szallitolevel,
            logo_extra=logo_extra,
            szamlaszam_elotag=szamlaszam_elotag,
            fizetendo_korrekcio=fizetendo_korrekcio,
            fizetve=fizetve,
            arres_afa=arres_afa,
            eus_afa=eus_afa,
            szamla_sablon=szamla_sablon,
            simple_items=simple_items,
            elonezetpdf=elonezetpdf,
        )

        xmlszamla_fejlec.additional_properties = d
        return xmlszamla_fejlec

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
