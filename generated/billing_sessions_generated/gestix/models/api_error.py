from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiError")


@_attrs_define
class ApiError:
    """The error body of every 400 and 409 (and the items of `statusResponse.errors`).

    Attributes:
        code (str): Machine-readable error code. Known codes:

            - `INVALID_ARGUMENT`: invalid or missing input (fix the request);
            - `AUTH_FAILED`: wrong credentials or API token;
            - `DB_TIMEOUT`: transient database timeout (retry after a short delay);
            - `DUPLICATE_ENTRY`: the record already exists (409).

            Other codes may appear: treat this as an open string.
        message (str): Human-readable message, e.g. `Invalid input`.
        timestamp (datetime.datetime): When the error happened (ISO 8601).
        path (str | Unset): The request path that failed.
        request_id (str | Unset): The server's id for the request, for support.
    """

    code: str
    message: str
    timestamp: datetime.datetime
    path: str | Unset = UNSET
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        timestamp = self.timestamp.isoformat()

        path = self.path

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
                "timestamp": timestamp,
            }
        )
        if path is not UNSET:
            field_dict["path"] = path
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        path = d.pop("path", UNSET)

        request_id = d.pop("request_id", UNSET)

        api_error = cls(
            code=code,
            message=message,
            timestamp=timestamp,
            path=path,
            request_id=request_id,
        )

        api_error.additional_properties = d
        return api_error

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
