from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SzamlaAlap")


@_attrs_define
class SzamlaAlap:
    """
    Attributes:
        id (int):
        szamlaszam (str):
        gazd_esem_azon (int):
        tipus (str):
        eszamla (int):
        kelt (datetime.date):
        telj (datetime.date):
        fizh (datetime.date):
        fizmod (str):
        fizmodunified (str): Payment method, unified: One of: `átutalás`, `készpénz`, `bankkártya`, `csekk`, `utánvét`,
            `ajándékutalvány`, `barion`, `barter`, `csoportos beszedés`, `OTP Simple`, `kompenzáció`, `kupon`, `PayPal`,
            `PayU`, `SZÉP kártya`, `utalvány`, `MasterCard Mobile`, `Borgun`, `EP kártya`, `térítésmentes`, `egyéb` (an open
            list: a value the provider adds later is kept as text).
        keszpenz (bool):
        nyelv (str): One of: `hu`, `en`, `de`, `it`, `ro`, `sk`, `hr`, `fr`, `es`, `cz`, `pl`, `bg`, `nl`, `ru`, `si`
            (an open list: a value the provider adds later is kept as text).
        devizanem (str):
        penzforg (bool):
        kata (bool):
        katafokonyv (bool):
        teszt (bool):
        forras (int | Unset):
        iktatoszam (str | Unset):
        hivszamlaszam (str | Unset):
        hivdijbekszam (str | Unset):
        rendelesszam (str | Unset):
        devizabank (str | Unset):
        devizaarf (float | Unset):
        megjegyzes (str | Unset):
        afatipus (str | Unset):
        email (str | Unset):
        sztornozott (bool | Unset):
    """

    id: int
    szamlaszam: str
    gazd_esem_azon: int
    tipus: str
    eszamla: int
    kelt: datetime.date
    telj: datetime.date
    fizh: datetime.date
    fizmod: str
    fizmodunified: str
    keszpenz: bool
    nyelv: str
    devizanem: str
    penzforg: bool
    kata: bool
    katafokonyv: bool
    teszt: bool
    forras: int | Unset = UNSET
    iktatoszam: str | Unset = UNSET
    hivszamlaszam: str | Unset = UNSET
    hivdijbekszam: str | Unset = UNSET
    rendelesszam: str | Unset = UNSET
    devizabank: str | Unset = UNSET
    devizaarf: float | Unset = UNSET
    megjegyzes: str | Unset = UNSET
    afatipus: str | Unset = UNSET
    email: str | Unset = UNSET
    sztornozott: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        szamlaszam = self.szamlaszam

        gazd_esem_azon = self.gazd_esem_azon

        tipus = self.tipus

        eszamla = self.eszamla

        kelt = self.kelt.isoformat()

        telj = self.telj.isoformat()

        fizh = self.fizh.isoformat()

        fizmod = self.fizmod

        fizmodunified = self.fizmodunified

        keszpenz = self.keszpenz

        nyelv = self.nyelv

        devizanem = self.devizanem

        penzforg = self.penzforg

        kata = self.kata

        katafokonyv = self.katafokonyv

        teszt = self.teszt

        forras = self.forras

        iktatoszam = self.iktatoszam

        hivszamlaszam = self.hivszamlaszam

        hivdijbekszam = self.hivdijbekszam

        rendelesszam = self.rendelesszam

        devizabank = self.devizabank

        devizaarf = self.devizaarf

        megjegyzes = self.megjegyzes

        afatipus = self.afatipus

        email = self.email

        sztornozott = self.sztornozott

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "szamlaszam": szamlaszam,
                "gazdEsemAzon": gazd_esem_azon,
                "tipus": tipus,
                "eszamla": eszamla,
                "kelt": kelt,
                "telj": telj,
                "fizh": fizh,
                "fizmod": fizmod,
                "fizmodunified": fizmodunified,
                "keszpenz": keszpenz,
                "nyelv": nyelv,
                "devizanem": devizanem,
                "penzforg": penzforg,
                "kata": kata,
                "katafokonyv": katafokonyv,
                "teszt": teszt,
            }
        )
        if forras is not UNSET:
            field_dict["forras"] = forras
        if iktatoszam is not UNSET:
            field_dict["iktatoszam"] = iktatoszam
        if hivszamlaszam is not UNSET:
            field_dict["hivszamlaszam"] = hivszamlaszam
        if hivdijbekszam is not UNSET:
            field_dict["hivdijbekszam"] = hivdijbekszam
        if rendelesszam is not UNSET:
            field_dict["rendelesszam"] = rendelesszam
        if devizabank is not UNSET:
            field_dict["devizabank"] = devizabank
        if devizaarf is not UNSET:
            field_dict["devizaarf"] = devizaarf
        if megjegyzes is not UNSET:
            field_dict["megjegyzes"] = megjegyzes
        if afatipus is not UNSET:
            field_dict["afatipus"] = afatipus
        if email is not UNSET:
            field_dict["email"] = email
        if sztornozott is not UNSET:
            field_dict["sztornozott"] = sztornozott

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        szamlaszam = d.pop("szamlaszam")

        gazd_esem_azon = d.pop("gazdEsemAzon")

        tipus = d.pop("tipus")

        eszamla = d.pop("eszamla")

        kelt = datetime.date.fromisoformat(d.pop("kelt"))

        telj = datetime.date.fromisoformat(d.pop("telj"))

        fizh = datetime.date.fromisoformat(d.pop("fizh"))

        fizmod = d.pop("fizmod")

        fizmodunified = d.pop("fizmodunified")

        keszpenz = d.pop("keszpenz")

        nyelv = d.pop("nyelv")

        devizanem = d.pop("devizanem")

        penzforg = d.pop("penzforg")

        kata = d.pop("kata")

        katafokonyv = d.pop("katafokonyv")

        teszt = d.pop("teszt")

        forras = d.pop("forras", UNSET)

        iktatoszam = d.pop("iktatoszam", UNSET)

        hivszamlaszam = d.pop("hivszamlaszam", UNSET)

        hivdijbekszam = d.pop("hivdijbekszam", UNSET)

        rendelesszam = d.pop("rendelesszam", UNSET)

        devizabank = d.pop("devizabank", UNSET)

        devizaarf = d.pop("devizaarf", UNSET)

        megjegyzes = d.pop("megjegyzes", UNSET)

        afatipus = d.pop("afatipus", UNSET)

        email = d.pop("email", UNSET)

        sztornozott = d.pop("sztornozott", UNSET)

        szamla_alap = cls(
            id=id,
            szamlaszam=szamlaszam,
            gazd_esem_azon=gazd_esem_azon,
            tipus=tipus,
            eszamla=eszamla,
            kelt=kelt,
            telj=telj,
            fizh=fizh,
            fizmod=fizmod,
            fizmodunified=fizmodunified,
            keszpenz=keszpenz,
            nyelv=nyelv,
            devizanem=devizanem,
            penzforg=penzforg,
            kata=kata,
            katafokonyv=katafokonyv,
            teszt=teszt,
            forras=forras,
            iktatoszam=iktatoszam,
            hivszamlaszam=hivszamlaszam,
            hivdijbekszam=hivdijbekszam,
            rendelesszam=rendelesszam,
            devizabank=devizabank,
            devizaarf=devizaarf,
            megjegyzes=megjegyzes,
            afatipus=afatipus,
            email=email,
            sztornozott=sztornozott,
        )

        szamla_alap.additional_properties = d
        return szamla_alap

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
