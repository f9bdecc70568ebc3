from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LoginBody")


@_attrs_define
class LoginBody:
    """Form fields of `POST /Login.json`.

    Attributes:
        user_name (str): The user's sign-in e-mail address, or the token name for token-based sign-in. PII: never in a
            query string.
        password (str): The user's password, or the API token for token-based sign-in. PII: never in a query string.
        org_id (str): The organization to sign in to (an id starting with `008`).
        mfa_id (str | Unset): Optional: the remember-me id of an MFA-trusted device (from the MFA flow), to create an
            MFA-trusted session. Send together with `deviceId`.
        device_id (str | Unset): Optional: the name of the MFA-trusted device that `mfaId` belongs to. Send together
            with `mfaId`.
    """

    user_name: str
    password: str
    org_id: str
    mfa_id: str | Unset = UNSET
    device_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        user_name = self.user_name

        password = self.password

        org_id = self.org_id

        mfa_id = self.mfa_id

        device_id = self.device_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "userName": user_name,
                "password": password,
                "orgId": org_id,
            }
        )
        if mfa_id is not UNSET:
            field_dict["mfaId"] = mfa_id
        if device_id is not UNSET:
            field_dict["deviceId"] = device_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_name = d.pop("userName")

        password = d.pop("password")

        org_id = d.pop("orgId")

        mfa_id = d.pop("mfaId", UNSET)

        device_id = d.pop("deviceId", UNSET)

        login_body = cls(
            user_name=user_name,
            password=password,
            org_id=org_id,
            mfa_id=mfa_id,
            device_id=device_id,
        )

        return login_body
