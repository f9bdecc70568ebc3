from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlnyugtacreateFejlec")


@_attrs_define
class XmlnyugtacreateFejlec:
    """
    Attributes:
        elotag (str):
        fizmod (str): Payment method as text (e.g. `Átutalás`, `Készpénz`, `Bankkártya`).
        penznem (str): Currency code (`HUF`, `EUR`, ...).
        hivas_azonosito (str | Unset):
        devizaarf (float | Unset):
        devizabank (str | Unset):
        megjegyzes (str | Unset):
        pdf_sablon (str | Unset): Receipt template: `A`, `N`, `J` or `L`.
        fokonyv_vevo (str | Unset):
        rendeles_szam (str | Unset):
    """

    elotag: str
    fizmod: str
    penznem: str
    hivas_azonosito: str | Unset = UNSET
    devizaarf: float | Unset = UNSET
    devizabank: str | Unset = UNSET
    megjegyzes: str | Unset = UNSET
    pdf_sablon: str | Unset = UNSET
    fokonyv_vevo: str | Unset = UNSET
    rendeles_szam: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        elotag = self.elotag

        fizmod = self.fizmod

        penznem = self.penznem

        hivas_azonosito = self.hivas_azonosito

        devizaarf = self.devizaarf

        devizabank = self.devizabank

        megjegyzes = self.megjegyzes

        pdf_sablon = self.pdf_sablon

        fokonyv_vevo = self.fokonyv_vevo

        rendeles_szam = self.rendeles_szam

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "elotag": elotag,
                "fizmod": fizmod,
                "penznem": penznem,
            }
        )
        if hivas_azonosito is not UNSET:
            field_dict["hivasAzonosito"] = hivas_azonosito
        if devizaarf is not UNSET:
            field_dict["devizaarf"] = devizaarf
        if devizabank is not UNSET:
            field_dict["devizabank"] = devizabank
        if megjegyzes is not UNSET:
            field_dict["megjegyzes"] = megjegyzes
        if pdf_sablon is not UNSET:
            field_dict["pdfSablon"] = pdf_sablon
        if fokonyv_vevo is not UNSET:
            field_dict["fokonyvVevo"] = fokonyv_vevo
        if rendeles_szam is not UNSET:
            field_dict["rendelesSzam"] = rendeles_szam

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        elotag = d.pop("elotag")

        fizmod = d.pop("fizmod")

        penznem = d.pop("penznem")

        hivas_azonosito = d.pop("hivasAzonosito", UNSET)

        devizaarf = d.pop("devizaarf", UNSET)

        devizabank = d.pop("devizabank", UNSET)

        megjegyzes = d.pop("megjegyzes", UNSET)

        pdf_sablon = d.pop("pdfSablon", UNSET)

        fokonyv_vevo = d.pop("fokonyvVevo", UNSET)

        rendeles_szam = d.pop("rendelesSzam", UNSET)

        xmlnyugtacreate_fejlec = cls(
            elotag=elotag,
            fizmod=fizmod,
            penznem=penznem,
            hivas_azonosito=hivas_azonosito,
            devizaarf=devizaarf,
            devizabank=devizabank,
            megjegyzes=megjegyzes,
            pdf_sablon=pdf_sablon,
            fokonyv_vevo=fokonyv_vevo,
            rendeles_szam=rendeles_szam,
        )

        xmlnyugtacreate_fejlec.additional_properties = d
        return xmlnyugtacreate_fejlec

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
