from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamlastBeallitasok")


@_attrs_define
class XmlszamlastBeallitasok:
    """
    Attributes:
        eszamla (bool):
        szamla_letoltes (bool): True asks for the invoice PDF in the answer.
        szamla_letoltes_pld (int | Unset):
        aggregator (str | Unset): Deprecated: the provider no longer reads it.
        guardian (bool | Unset):
        szamla_kulso_azon (str | Unset): External id of the invoice (set it when issuing to query the invoice by it
            later).
    """

    eszamla: bool
    szamla_letoltes: bool
    szamla_letoltes_pld: int | Unset = UNSET
    aggregator: str | Unset = UNSET
    guardian: bool | Unset = UNSET
    szamla_kulso_azon: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        eszamla = self.eszamla

        szamla_letoltes = self.szamla_letoltes

        szamla_letoltes_pld = self.szamla_letoltes_pld

        aggregator = self.aggregator

        guardian = self.guardian

        szamla_kulso_azon = self.szamla_kulso_azon

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eszamla": eszamla,
                "szamlaLetoltes": szamla_letoltes,
            }
        )
        if szamla_letoltes_pld is not UNSET:
            field_dict["szamlaLetoltesPld"] = szamla_letoltes_pld
        if aggregator is not UNSET:
            field_dict["aggregator"] = aggregator
        if guardian is not UNSET:
            field_dict["guardian"] = guardian
        if szamla_kulso_azon is not UNSET:
            field_dict["szamlaKulsoAzon"] = szamla_kulso_azon

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        eszamla = d.pop("eszamla")

        szamla_letoltes = d.pop("szamlaLetoltes")

        szamla_letoltes_pld = d.pop("szamlaLetoltesPld", UNSET)

        aggregator = d.pop("aggregator", UNSET)

        guardian = d.pop("guardian", UNSET)

        szamla_kulso_azon = d.pop("szamlaKulsoAzon", UNSET)

        xmlszamlast_beallitasok = cls(
            eszamla=eszamla,
            szamla_letoltes=szamla_letoltes,
            szamla_letoltes_pld=szamla_letoltes_pld,
            aggregator=aggregator,
            guardian=guardian,
            szamla_kulso_azon=szamla_kulso_azon,
        )

        xmlszamlast_beallitasok.additional_properties = d
        return xmlszamlast_beallitasok

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
