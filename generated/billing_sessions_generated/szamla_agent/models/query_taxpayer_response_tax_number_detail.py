from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueryTaxpayerResponseTaxNumberDetail")


@_attrs_define
class QueryTaxpayerResponseTaxNumberDetail:
    """
    Attributes:
        taxpayer_id (str): The 8-digit tax registry number.
        vat_code (str | Unset):
        county_code (str | Unset):
    """

    taxpayer_id: str
    vat_code: str | Unset = UNSET
    county_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        taxpayer_id = self.taxpayer_id

        vat_code = self.vat_code

        county_code = self.county_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taxpayerId": taxpayer_id,
            }
        )
        if vat_code is not UNSET:
            field_dict["vatCode"] = vat_code
        if county_code is not UNSET:
            field_dict["countyCode"] = county_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        taxpayer_id = d.pop("taxpayerId")

        vat_code = d.pop("vatCode", UNSET)

        county_code = d.pop("countyCode", UNSET)

        query_taxpayer_response_tax_number_detail = cls(
            taxpayer_id=taxpayer_id,
            vat_code=vat_code,
            county_code=county_code,
        )

        query_taxpayer_response_tax_number_detail.additional_properties = d
        return query_taxpayer_response_tax_number_detail

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
