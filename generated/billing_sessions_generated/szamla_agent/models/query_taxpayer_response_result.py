from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueryTaxpayerResponseResult")


@_attrs_define
class QueryTaxpayerResponseResult:
    """
    Attributes:
        func_code (str): `OK` or `ERROR`.
        error_code (str | Unset):
        message (str | Unset):
    """

    func_code: str
    error_code: str | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        func_code = self.func_code

        error_code = self.error_code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "funcCode": func_code,
            }
        )
        if error_code is not UNSET:
            field_dict["errorCode"] = error_code
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        func_code = d.pop("funcCode")

        error_code = d.pop("errorCode", UNSET)

        message = d.pop("message", UNSET)

        query_taxpayer_response_result = cls(
            func_code=func_code,
            error_code=error_code,
            message=message,
        )

        query_taxpayer_response_result.additional_properties = d
        return query_taxpayer_response_result

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
