from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Xmlszamlapdf")


@_attrs_define
class Xmlszamlapdf:
    """Request: the PDF of an invoice, by number, order number or external id. File part `action-szamla_agent_pdf`.

    Attributes:
        szamlaszam (str | Unset):
        rendeles_szam (str | Unset):
        szamla_kulso_azon (str | Unset): External id of the invoice (set it when issuing to query the invoice by it
            later).
    """

    szamlaszam: str | Unset = UNSET
    rendeles_szam: str | Unset = UNSET
    szamla_kulso_azon: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        szamlaszam = self.szamlaszam

        rendeles_szam = self.rendeles_szam

        szamla_kulso_azon = self.szamla_kulso_azon

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if szamlaszam is not UNSET:
            field_dict["szamlaszam"] = szamlaszam
        if rendeles_szam is not UNSET:
            field_dict["rendelesSzam"] = rendeles_szam
        if szamla_kulso_azon is not UNSET:
            field_dict["szamlaKulsoAzon"] = szamla_kulso_azon

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        szamlaszam = d.pop("szamlaszam", UNSET)

        rendeles_szam = d.pop("rendelesSzam", UNSET)

        szamla_kulso_azon = d.pop("szamlaKulsoAzon", UNSET)

        xmlszamlapdf = cls(
            szamlaszam=szamlaszam,
            rendeles_szam=rendeles_szam,
            szamla_kulso_azon=szamla_kulso_azon,
        )

        xmlszamlapdf.additional_properties = d
        return xmlszamlapdf

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
