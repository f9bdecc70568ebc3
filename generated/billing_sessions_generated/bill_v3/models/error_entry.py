from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorEntry")


@_attrs_define
class ErrorEntry:
    """One error. `code` is absent for some field-validation errors. Seen extras (`params`, `detail`, `help`) are kept as
    open properties.

        Attributes:
            timestamp (str | Unset): When, as `yyyy-MM-dd'T'HH:mm:ss.SSSX`.
            code (str | Unset): The error code, `BDC_...`.
            severity (str | Unset): `ERROR`, `WARNING` or `INFORMATION`.
            category (str | Unset): `REQUEST`, `APPLICATION`, `SERVER` or `DOWNSTREAM`.
            message (str | Unset): Human-readable text (may contain raw placeholders such as `${paramName0}`).
    """

    timestamp: str | Unset = UNSET
    code: str | Unset = UNSET
    severity: str | Unset = UNSET
    category: str | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        timestamp = self.timestamp

        code = self.code

        severity = self.severity

        category = self.category

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if code is not UNSET:
            field_dict["code"] = code
        if severity is not UNSET:
            field_dict["severity"] = severity
        if category is not UNSET:
            field_dict["category"] = category
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        timestamp = d.pop("timestamp", UNSET)

        code = d.pop("code", UNSET)

        severity = d.pop("severity", UNSET)

        category = d.pop("category", UNSET)

        message = d.pop("message", UNSET)

        error_entry = cls(
            timestamp=timestamp,
            code=code,
            severity=severity,
            category=category,
            message=message,
        )

        error_entry.additional_properties = d
        return error_entry

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
