from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.logout_result import LogoutResult


T = TypeVar("T", bound="LogoutResponseBody")


@_attrs_define
class LogoutResponseBody:
    """The answer of `POST /rest/2.0/logout` (assumed form).

    Attributes:
        logout_response (list[LogoutResult]):
    """

    logout_response: list[LogoutResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        logout_response = []
        for logout_response_item_data in self.logout_response:
            logout_response_item = logout_response_item_data.to_dict()
            logout_response.append(logout_response_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "logoutResponse": logout_response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.logout_result import LogoutResult  # noqa: PLC0415

        d = dict(src_dict)
        logout_response = []
        _logout_response = d.pop("logoutResponse")
        for logout_response_item_data in _logout_response:
            logout_response_item = LogoutResult.from_dict(logout_response_item_data)

            logout_response.append(logout_response_item)

        logout_response_body = cls(
            logout_response=logout_response,
        )

        logout_response_body.additional_properties = d
        return logout_response_body

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
