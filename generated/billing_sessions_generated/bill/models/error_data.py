from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ErrorData")


@_attrs_define
class ErrorData:
    """The `response_data` of an error envelope.

    Attributes:
        error_code (str): `BDC_1109` session invalid (sign in again and retry; assumed also `BDC_1361`, `BDC_1120`),
            `BDC_1101` wrong user name or password, `BDC_1102` invalid developer key, `BDC_1144` hourly limit, `BDC_1322`
            concurrency limit, `BDC_1001` system error, `BDC_1002` unknown error; other codes exist.
        error_message (str): Human-readable message.
    """

    error_code: str
    error_message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        error_message = self.error_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error_code": error_code,
                "error_message": error_message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error_code = d.pop("error_code")

        error_message = d.pop("error_message")

        error_data = cls(
            error_code=error_code,
            error_message=error_message,
        )

        error_data.additional_properties = d
        return error_data

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
