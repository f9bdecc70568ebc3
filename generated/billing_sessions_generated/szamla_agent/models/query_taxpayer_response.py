from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.query_taxpayer_response_result import QueryTaxpayerResponseResult
    from ..models.query_taxpayer_response_taxpayer_data import (
        QueryTaxpayerResponseTaxpayerData,
    )


T = TypeVar("T", bound="QueryTaxpayerResponse")


@_attrs_define
class QueryTaxpayerResponse:
    """Answer of the taxpayer query (`xmltaxpayer`): the NAV online invoice system's taxpayer answer,
    passed through. Assumed: the provider publishes no schema for it; these are the fields of NAV's
    `QueryTaxpayerResponse` (API 3.0) a web shop reads. Elements of NAV's other namespaces (`ns2:`,
    `ns3:`) are read by their local name; other elements are kept as text.

        Attributes:
            result (QueryTaxpayerResponseResult | Unset):
            info_date (str | Unset): When NAV last changed the taxpayer's data (an ISO date-time).
            taxpayer_validity (bool | Unset): Whether the tax number is valid.
            taxpayer_data (QueryTaxpayerResponseTaxpayerData | Unset):
    """

    result: QueryTaxpayerResponseResult | Unset = UNSET
    info_date: str | Unset = UNSET
    taxpayer_validity: bool | Unset = UNSET
    taxpayer_data: QueryTaxpayerResponseTaxpayerData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = self.result.to_dict()

        info_date = self.info_date

        taxpayer_validity = self.taxpayer_validity

        taxpayer_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.taxpayer_data, Unset):
            taxpayer_data = self.taxpayer_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if result is not UNSET:
            field_dict["result"] = result
        if info_date is not UNSET:
            field_dict["infoDate"] = info_date
        if taxpayer_validity is not UNSET:
            field_dict["taxpayerValidity"] = taxpayer_validity
        if taxpayer_data is not UNSET:
            field_dict["taxpayerData"] = taxpayer_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.query_taxpayer_response_result import QueryTaxpayerResponseResult  # noqa: PLC0415
        from ..models.query_taxpayer_response_taxpayer_data import (
            QueryTaxpayerResponseTaxpayerData,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _result = d.pop("result", UNSET)
        result: QueryTaxpayerResponseResult | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = QueryTaxpayerResponseResult.from_dict(_result)

        info_date = d.pop("infoDate", UNSET)

        taxpayer_validity = d.pop("taxpayerValidity", UNSET)

        _taxpayer_data = d.pop("taxpayerData", UNSET)
        taxpayer_data: QueryTaxpayerResponseTaxpayerData | Unset
        if isinstance(_taxpayer_data, Unset):
            taxpayer_data = UNSET
        else:
            taxpayer_data = QueryTaxpayerResponseTaxpayerData.from_dict(_taxpayer_data)

        query_taxpayer_response = cls(
            result=result,
            info_date=info_date,
            taxpayer_validity=taxpayer_validity,
            taxpayer_data=taxpayer_data,
        )

        query_taxpayer_response.additional_properties = d
        return query_taxpayer_response

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
