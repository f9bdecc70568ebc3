from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LoginRequest")


@_attrs_define
class LoginRequest:
    """
    Attributes:
        username (str): The user's sign-in e-mail address (or a sync token's name).
        password (str): The password (or the sync token). BILL's reference marks it optional for Accountant Console
            sign-in with `consoleApiToken`, not covered here.
        organization_id (str): The organization (starts with `008`).
        remember_me_id (str | Unset): The remember-me MFA id (30 days) from `validateChallenge`; send with `device`.
        device (str | Unset): The device nickname the `rememberMeId` was made for.
    """

    username: str
    password: str
    organization_id: str
    remember_me_id: str | Unset = UNSET
    device: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        organization_id = self.organization_id

        remember_me_id = self.remember_me_id

        device = self.device

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "password": password,
                "organizationId": organization_id,
            }
        )
        if remember_me_id is not UNSET:
            field_dict["rememberMeId"] = remember_me_id
        if device is not UNSET:
            field_dict["device"] = device

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        password = d.pop("password")

        organization_id = d.pop("organizationId")

        remember_me_id = d.pop("rememberMeId", UNSET)

        device = d.pop("device", UNSET)

        login_request = cls(
            username=username,
            password=password,
            organization_id=organization_id,
            remember_me_id=remember_me_id,
            device=device,
        )

        return login_request
