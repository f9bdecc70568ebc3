from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Address")


@_attrs_define
class Address:
    """
    Attributes:
        line1 (str | Unset):
        line2 (str | Unset):
        city (str | Unset):
        state_or_province (str | Unset):
        zip_or_postal_code (str | Unset):
        country (str | Unset): ISO 3166-1 alpha-2.
    """

    line1: str | Unset = UNSET
    line2: str | Unset = UNSET
    city: str | Unset = UNSET
    state_or_province: str | Unset = UNSET
    zip_or_postal_code: str | Unset = UNSET
    country: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        line1 = self.line1

        line2 = self.line2

        city = self.city

        state_or_province = self.state_or_province

        zip_or_postal_code = self.zip_or_postal_code

        country = self.country

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if line1 is not UNSET:
            field_dict["line1"] = line1
        if line2 is not UNSET:
            field_dict["line2"] = line2
        if city is not UNSET:
            field_dict["city"] = city
        if state_or_province is not UNSET:
            field_dict["stateOrProvince"] = state_or_province
        if zip_or_postal_code is not UNSET:
            field_dict["zipOrPostalCode"] = zip_or_postal_code
        if country is not UNSET:
            field_dict["country"] = country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        line1 = d.pop("line1", UNSET)

        line2 = d.pop("line2", UNSET)

        city = d.pop("city", UNSET)

        state_or_province = d.pop("stateOrProvince", UNSET)

        zip_or_postal_code = d.pop("zipOrPostalCode", UNSET)

        country = d.pop("country", UNSET)

        address = cls(
            line1=line1,
            line2=line2,
            city=city,
            state_or_province=state_or_province,
            zip_or_postal_code=zip_or_postal_code,
            country=country,
        )

        return address
