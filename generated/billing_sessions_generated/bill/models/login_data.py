from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LoginData")


@_attrs_define
class LoginData:
    """The `response_data` of a successful login.

    Attributes:
        session_id (str): The new API session id: send it as the `sessionId` form field of every later call. PII: never
            in a query string or in logs.
        org_id (str): The organization signed in to.
        api_end_point (str): The base URL to send this session's later calls to.
        users_id (str): The signed-in user's id.
    """

    session_id: str
    org_id: str
    api_end_point: str
    users_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        org_id = self.org_id

        api_end_point = self.api_end_point

        users_id = self.users_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sessionId": session_id,
                "orgId": org_id,
                "apiEndPoint": api_end_point,
                "usersId": users_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = d.pop("sessionId")

        org_id = d.pop("orgId")

        api_end_point = d.pop("apiEndPoint")

        users_id = d.pop("usersId")

        login_data = cls(
            session_id=session_id,
            org_id=org_id,
            api_end_point=api_end_point,
            users_id=users_id,
        )

        login_data.additional_properties = d
        return login_data

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
