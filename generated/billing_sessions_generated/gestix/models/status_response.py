from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.api_error import ApiError
    from ..models.api_versions import ApiVersions


T = TypeVar("T", bound="StatusResponse")


@_attrs_define
class StatusResponse:
    """Session health, answered by `GET /status`.

    Attributes:
        status (str): Human-readable health summary, e.g. `ready - login: john, company: Demo`.
        server_time (datetime.datetime): The current server time (ISO 8601).
        versions (ApiVersions): The API version the call used and the server's current API version.
        errors (list[ApiError]): Recent errors in this session's context (may be empty).
    """

    status: str
    server_time: datetime.datetime
    versions: ApiVersions
    errors: list[ApiError]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        server_time = self.server_time.isoformat()

        versions = self.versions.to_dict()

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "server_time": server_time,
                "versions": versions,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.api_error import ApiError  # noqa: PLC0415
        from ..models.api_versions import ApiVersions  # noqa: PLC0415

        d = dict(src_dict)
        status = d.pop("status")

        server_time = datetime.datetime.fromisoformat(d.pop("server_time"))

        versions = ApiVersions.from_dict(d.pop("versions"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = ApiError.from_dict(errors_item_data)

            errors.append(errors_item)

        status_response = cls(
            status=status,
            server_time=server_time,
            versions=versions,
            errors=errors,
        )

        status_response.additional_properties = d
        return status_response

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
