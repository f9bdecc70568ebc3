from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlnyugtastFejlec")


@_attrs_define
class XmlnyugtastFejlec:
    """
    Attributes:
        nyugtaszam (str):
        pdf_sablon (str | Unset): Receipt template: `A`, `N`, `J` or `L`.
        hivas_azonosito (str | Unset):
    """

    nyugtaszam: str
    pdf_sablon: str | Unset = UNSET
    hivas_azonosito: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nyugtaszam = self.nyugtaszam

        pdf_sablon = self.pdf_sablon

        hivas_azonosito = self.hivas_azonosito

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nyugtaszam": nyugtaszam,
            }
        )
        if pdf_sablon is not UNSET:
            field_dict["pdfSablon"] = pdf_sablon
        if hivas_azonosito is not UNSET:
            field_dict["hivasAzonosito"] = hivas_azonosito

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nyugtaszam = d.pop("nyugtaszam")

        pdf_sablon = d.pop("pdfSablon", UNSET)

        hivas_azonosito = d.pop("hivasAzonosito", UNSET)

        xmlnyugtast_fejlec = cls(
            nyugtaszam=nyugtaszam,
            pdf_sablon=pdf_sablon,
            hivas_azonosito=hivas_azonosito,
        )

        xmlnyugtast_fejlec.additional_properties = d
        return xmlnyugtast_fejlec

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
