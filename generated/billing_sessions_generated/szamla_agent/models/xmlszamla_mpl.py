from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamlaMpl")


@_attrs_define
class XmlszamlaMpl:
    """
    Attributes:
        vevokod (str):
        vonalkod (str):
        tomeg (str):
        kulonszolgaltatasok (str | Unset):
        erteknyilvanitas (float | Unset):
    """

    vevokod: str
    vonalkod: str
    tomeg: str
    kulonszolgaltatasok: str | Unset = UNSET
    erteknyilvanitas: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vevokod = self.vevokod

        vonalkod = self.vonalkod

        tomeg = self.tomeg

        kulonszolgaltatasok = self.kulonszolgaltatasok

        erteknyilvanitas = self.erteknyilvanitas

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vevokod": vevokod,
                "vonalkod": vonalkod,
                "tomeg": tomeg,
            }
        )
        if kulonszolgaltatasok is not UNSET:
            field_dict["kulonszolgaltatasok"] = kulonszolgaltatasok
        if erteknyilvanitas is not UNSET:
            field_dict["erteknyilvanitas"] = erteknyilvanitas

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        vevokod = d.pop("vevokod")

        vonalkod = d.pop("vonalkod")

        tomeg = d.pop("tomeg")

        kulonszolgaltatasok = d.pop("kulonszolgaltatasok", UNSET)

        erteknyilvanitas = d.pop("erteknyilvanitas", UNSET)

        xmlszamla_mpl = cls(
            vevokod=vevokod,
            vonalkod=vonalkod,
            tomeg=tomeg,
            kulonszolgaltatasok=kulonszolgaltatasok,
            erteknyilvanitas=erteknyilvanitas,
        )

        xmlszamla_mpl.additional_properties = d
        return xmlszamla_mpl

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
