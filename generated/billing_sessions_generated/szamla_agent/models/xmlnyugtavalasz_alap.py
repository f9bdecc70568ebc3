from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlnyugtavalaszAlap")


@_attrs_define
class XmlnyugtavalaszAlap:
    """
    Attributes:
        id (int):
        nyugtaszam (str):
        tipus (str): One of: `NY`, `SN` (an open list: a value the provider adds later is kept as text).
        stornozott (bool):
        kelt (datetime.date):
        fizmod (str):
        penznem (str):
        teszt (bool):
        hivas_azonosito (str | Unset):
        stornozott_nyugtaszam (str | Unset):
        devizabank (str | Unset):
        devizaarf (float | Unset):
        megjegyzes (str | Unset):
        fokonyv_vevo (str | Unset):
        rendeles_szam (str | Unset):
    """

    id: int
    nyugtaszam: str
    tipus: str
    stornozott: bool
    kelt: datetime.date
    fizmod: str
    penznem: str
    teszt: bool
    hivas_azonosito: str | Unset = UNSET
    stornozott_nyugtaszam: str | Unset = UNSET
    devizabank: str | Unset = UNSET
    devizaarf: float | Unset = UNSET
    megjegyzes: str | Unset = UNSET
    fokonyv_vevo: str | Unset = UNSET
    rendeles_szam: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        nyugtaszam = self.nyugtaszam

        tipus = self.tipus

        stornozott = self.stornozott

        kelt = self.kelt.isoformat()

        fizmod = self.fizmod

        penznem = self.penznem

        teszt = self.teszt

        hivas_azonosito = self.hivas_azonosito

        stornozott_nyugtaszam = self.stornozott_nyugtaszam

        devizabank = self.devizabank

        devizaarf = self.devizaarf

        megjegyzes = self.megjegyzes

        fokonyv_vevo = self.fokonyv_vevo

        rendeles_szam = self.rendeles_szam

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "nyugtaszam": nyugtaszam,
                "tipus": tipus,
                "stornozott": stornozott,
                "kelt": kelt,
                "fizmod": fizmod,
                "penznem": penznem,
                "teszt": teszt,
            }
        )
        if hivas_azonosito is not UNSET:
            field_dict["hivasAzonosito"] = hivas_azonosito
        if stornozott_nyugtaszam is not UNSET:
            field_dict["stornozottNyugtaszam"] = stornozott_nyugtaszam
        if devizabank is not UNSET:
            field_dict["devizabank"] = devizabank
        if devizaarf is not UNSET:
            field_dict["devizaarf"] = devizaarf
        if megjegyzes is not UNSET:
            field_dict["megjegyzes"] = megjegyzes
        if fokonyv_vevo is not UNSET:
            field_dict["fokonyvVevo"] = fokonyv_vevo
        if rendeles_szam is not UNSET:
            field_dict["rendelesSzam"] = rendeles_szam

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        nyugtaszam = d.pop("nyugtaszam")

        tipus = d.pop("tipus")

        stornozott = d.pop("stornozott")

        kelt = datetime.date.fromisoformat(d.pop("kelt"))

        fizmod = d.pop("fizmod")

        penznem = d.pop("penznem")

        teszt = d.pop("teszt")

        hivas_azonosito = d.pop("hivasAzonosito", UNSET)

        stornozott_nyugtaszam = d.pop("stornozottNyugtaszam", UNSET)

        devizabank = d.pop("devizabank", UNSET)

        devizaarf = d.pop("devizaarf", UNSET)

        megjegyzes = d.pop("megjegyzes", UNSET)

        fokonyv_vevo = d.pop("fokonyvVevo", UNSET)

        rendeles_szam = d.pop("rendelesSzam", UNSET)

        xmlnyugtavalasz_alap = cls(
            id=id,
            nyugtaszam=nyugtaszam,
            tipus=tipus,
            stornozott=stornozott,
            kelt=kelt,
            fizmod=fizmod,
            penznem=penznem,
            teszt=teszt,
            hivas_azonosito=hivas_azonosito,
            stornozott_nyugtaszam=stornozott_nyugtaszam,
            devizabank=devizabank,
            devizaarf=devizaarf,
            megjegyzes=megjegyzes,
            fokonyv_vevo=fokonyv_vevo,
            rendeles_szam=rendeles_szam,
        )

        xmlnyugtavalasz_alap.additional_properties = d
        return xmlnyugtavalasz_alap

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
