from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlnyugtagetFejlec")


@_attrs_define
class XmlnyugtagetFejlec:
    """
    Attributes:
        nyugtaszam (str | Unset):
        rendeles_szam (str | Unset):
        hivas_azonosito (str | Unset):
        pdf_sablon (str | Unset): Receipt template: `A`, `N`, `J` or `L`.
    """

    nyugtaszam: str | Unset = UNSET
    rendeles_szam: str | Unset = UNSET
    hivas_azonosito: str | Unset = UNSET
    pdf_sablon: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nyugtaszam = self.nyugtaszam

        rendeles_szam = self.rendeles_szam

        hivas_azonosito = self.hivas_azonosito

        pdf_sablon = self.pdf_sablon

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if nyugtaszam is not UNSET:
            field_dict["nyugtaszam"] = nyugtaszam
        if rendeles_szam is not UNSET:
            field_dict["rendelesSzam"] = rendeles_szam
        if hivas_azonosito is not UNSET:
            field_dict["hivasAzonosito"] = hivas_azonosito
        if pdf_sablon is not UNSET:
            field_dict["pdfSablon"] = pdf_sablon

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nyugtaszam = d.pop("nyugtaszam", UNSET)

        rendeles_szam = d.pop("rendelesSzam", UNSET)

        hivas_azonosito = d.pop("hivasAzonosito", UNSET)

        pdf_sablon = d.pop("pdfSablon", UNSET)

        xmlnyugtaget_fejlec = cls(
            nyugtaszam=nyugtaszam,
            rendeles_szam=rendeles_szam,
            hivas_azonosito=hivas_azonosito,
            pdf_sablon=pdf_sablon,
        )

        xmlnyugtaget_fejlec.additional_properties = d
        return xmlnyugtaget_fejlec

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
