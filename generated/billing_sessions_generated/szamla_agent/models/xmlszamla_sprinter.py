from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamlaSprinter")


@_attrs_define
class XmlszamlaSprinter:
    """
    Attributes:
        azonosito (str | Unset):
        feladokod (str | Unset):
        iranykod (str | Unset):
        csomagszam (int | Unset):
        vonalkod_postfix (str | Unset):
        szallitasi_ido (str | Unset):
    """

    azonosito: str | Unset = UNSET
    feladokod: str | Unset = UNSET
    iranykod: str | Unset = UNSET
    csomagszam: int | Unset = UNSET
    vonalkod_postfix: str | Unset = UNSET
    szallitasi_ido: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        azonosito = self.azonosito

        feladokod = self.feladokod

        iranykod = self.iranykod

        csomagszam = self.csomagszam

        vonalkod_postfix = self.vonalkod_postfix

        szallitasi_ido = self.szallitasi_ido

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if azonosito is not UNSET:
            field_dict["azonosito"] = azonosito
        if feladokod is not UNSET:
            field_dict["feladokod"] = feladokod
        if iranykod is not UNSET:
            field_dict["iranykod"] = iranykod
        if csomagszam is not UNSET:
            field_dict["csomagszam"] = csomagszam
        if vonalkod_postfix is not UNSET:
            field_dict["vonalkodPostfix"] = vonalkod_postfix
        if szallitasi_ido is not UNSET:
            field_dict["szallitasiIdo"] = szallitasi_ido

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        azonosito = d.pop("azonosito", UNSET)

        feladokod = d.pop("feladokod", UNSET)

        iranykod = d.pop("iranykod", UNSET)

        csomagszam = d.pop("csomagszam", UNSET)

        vonalkod_postfix = d.pop("vonalkodPostfix", UNSET)

        szallitasi_ido = d.pop("szallitasiIdo", UNSET)

        xmlszamla_sprinter = cls(
            azonosito=azonosito,
            feladokod=feladokod,
            iranykod=iranykod,
            csomagszam=csomagszam,
            vonalkod_postfix=vonalkod_postfix,
            szallitasi_ido=szallitasi_ido,
        )

        xmlszamla_sprinter.additional_properties = d
        return xmlszamla_sprinter

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
