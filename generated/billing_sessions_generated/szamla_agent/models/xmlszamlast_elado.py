from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamlastElado")


@_attrs_define
class XmlszamlastElado:
    """
    Attributes:
        email_replyto (str | Unset):
        email_targy (str | Unset):
        email_szoveg (str | Unset):
    """

    email_replyto: str | Unset = UNSET
    email_targy: str | Unset = UNSET
    email_szoveg: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email_replyto = self.email_replyto

        email_targy = self.email_targy

        email_szoveg = self.email_szoveg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email_replyto is not UNSET:
            field_dict["emailReplyto"] = email_replyto
        if email_targy is not UNSET:
            field_dict["emailTargy"] = email_targy
        if email_szoveg is not UNSET:
            field_dict["emailSzoveg"] = email_szoveg

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email_replyto = d.pop("emailReplyto", UNSET)

        email_targy = d.pop("emailTargy", UNSET)

        email_szoveg = d.pop("emailSzoveg", UNSET)

        xmlszamlast_elado = cls(
            email_replyto=email_replyto,
            email_targy=email_targy,
            email_szoveg=email_szoveg,
        )

        xmlszamlast_elado.additional_properties = d
        return xmlszamlast_elado

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
