from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="XmlnyugtacreateBeallitasok")


@_attrs_define
class XmlnyugtacreateBeallitasok:
    """
    Attributes:
        pdf_letoltes (bool): True asks for the receipt PDF in the answer.
    """

    pdf_letoltes: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pdf_letoltes = self.pdf_letoltes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pdfLetoltes": pdf_letoltes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pdf_letoltes = d.pop("pdfLetoltes")

        xmlnyugtacreate_beallitasok = cls(
            pdf_letoltes=pdf_letoltes,
        )

        xmlnyugtacreate_beallitasok.additional_properties = d
        return xmlnyugtacreate_beallitasok

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
