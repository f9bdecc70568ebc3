from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ApiVersions")


@_attrs_define
class ApiVersions:
    """The API version the call used and the server's current API version.

    Attributes:
        called_api_version (str): The API version in the called URL, e.g. `v4.0.0`.
        current_api_version (str): The newest API version the server offers, e.g. `v4.0.1`.
    """

    called_api_version: str
    current_api_version: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        called_api_version = self.called_api_version

        current_api_version = self.current_api_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "called_api_version": called_api_version,
                "current_api_version": current_api_version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        called_api_version = d.pop("called_api_version")

        current_api_version = d.pop("current_api_version")

        api_versions = cls(
            called_api_version=called_api_version,
            current_api_version=current_api_version,
        )

        api_versions.additional_properties = d
        return api_versions

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
