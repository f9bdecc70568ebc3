from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamlastVevo")


@_attrs_define
class XmlszamlastVevo:
    """
    Attributes:
        email (str | Unset):
        adoszam (str | Unset):
        adoszam_eu (str | Unset):
    """

    email: str | Unset = UNSET
    adoszam: str | Unset = UNSET
    adoszam_eu: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        adoszam = self.adoszam

        adoszam_eu = self.adoszam_eu

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if adoszam is not UNSET:
            field_dict["adoszam"] = adoszam
        if adoszam_eu is not UNSET:
            field_dict["adoszamEU"] = adoszam_eu

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email", UNSET)

        adoszam = d.pop("adoszam", UNSET)

        adoszam_eu = d.pop("adoszamEU", UNSET)

        xmlszamlast_vevo = cls(
            email=email,
            adoszam=adoszam,
            adoszam_eu=adoszam_eu,
        )

        xmlszamlast_vevo.additional_properties = d
        return xmlszamlast_vevo

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
