from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.query_taxpayer_response_tax_number_detail import (
        QueryTaxpayerResponseTaxNumberDetail,
    )


T = TypeVar("T", bound="QueryTaxpayerResponseTaxpayerData")


@_attrs_define
class QueryTaxpayerResponseTaxpayerData:
    """
    Attributes:
        taxpayer_name (str):
        taxpayer_short_name (str | Unset):
        tax_number_detail (QueryTaxpayerResponseTaxNumberDetail | Unset):
        incorporation (str | Unset): `ORGANIZATION`, `SELF_EMPLOYED` or `TAXABLE_PERSON`.
    """

    taxpayer_name: str
    taxpayer_short_name: str | Unset = UNSET
    tax_number_detail: QueryTaxpayerResponseTaxNumberDetail | Unset = UNSET
    incorporation: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        taxpayer_name = self.taxpayer_name

        taxpayer_short_name = self.taxpayer_short_name

        tax_number_detail: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tax_number_detail, Unset):
            tax_number_detail = self.tax_number_detail.to_dict()

        incorporation = self.incorporation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "taxpayerName": taxpayer_name,
            }
        )
        if taxpayer_short_name is not UNSET:
            field_dict["taxpayerShortName"] = taxpayer_short_name
        if tax_number_detail is not UNSET:
            field_dict["taxNumberDetail"] = tax_number_detail
        if incorporation is not UNSET:
            field_dict["incorporation"] = incorporation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.query_taxpayer_response_tax_number_detail import (
            QueryTaxpayerResponseTaxNumberDetail,  # noqa: PLC0415
        )

        d = dict(src_dict)
        taxpayer_name = d.pop("taxpayerName")

        taxpayer_short_name = d.pop("taxpayerShortName", UNSET)

        _tax_number_detail = d.pop("taxNumberDetail", UNSET)
        tax_number_detail: QueryTaxpayerResponseTaxNumberDetail | Unset
        if isinstance(_tax_number_detail, Unset):
            tax_number_detail = UNSET
        else:
            tax_number_detail = QueryTaxpayerResponseTaxNumberDetail.from_dict(
                _tax_number_detail
            )

        incorporation = d.pop("incorporation", UNSET)

        query_taxpayer_response_taxpayer_data = cls(
            taxpayer_name=taxpayer_name,
            taxpayer_short_name=taxpayer_short_name,
            tax_number_detail=tax_number_detail,
            incorporation=incorporation,
        )

        query_taxpayer_response_taxpayer_data.additional_properties = d
        return query_taxpayer_response_taxpayer_data

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
