from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.login_result import LoginResult


T = TypeVar("T", bound="LoginResponseBody")


@_attrs_define
class LoginResponseBody:
    """The answer of `POST /rest/2.0/login`: one result. Assumed: a failed login (HTTP 200 or 401) uses the same envelope
    with an `ErrorCode` other than `"0"`.

        Attributes:
            login_response (list[LoginResult]):
    """

    login_response: list[LoginResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        login_response = []
        for login_response_item_data in self.login_response:
            login_response_item = login_response_item_data.to_dict()
            login_response.append(login_response_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "loginResponse": login_response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.login_result import LoginResult  # noqa: PLC0415

        d = dict(src_dict)
        login_response = []
        _login_response = d.pop("loginResponse")
        for login_response_item_data in _login_response:
            login_response_item = LoginResult.from_dict(login_response_item_data)

            login_response.append(login_response_item)

        login_response_body = cls(
            login_response=login_response,
        )

        login_response_body.additional_properties = d
        return login_response_body

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
