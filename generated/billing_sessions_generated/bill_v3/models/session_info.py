from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionInfo")


@_attrs_define
class SessionInfo:
    """
    Attributes:
        organization_id (str | Unset):
        user_id (str | Unset):
        mfa_status (str | Unset): Assumed: the MFA status, `COMPLETE` or `INCOMPLETE`; whether it is the organization's
            set-up or this session's trust is unconfirmed (one production runbook checks `mfaStatus=COMPLETE` after
            validating a code). Any other text is kept as sent.
        trusted (bool | Unset): Assumed: whether this session is MFA-trusted.
    """

    organization_id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    mfa_status: str | Unset = UNSET
    trusted: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        organization_id = self.organization_id

        user_id = self.user_id

        mfa_status = self.mfa_status

        trusted = self.trusted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if organization_id is not UNSET:
            field_dict["organizationId"] = organization_id
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if mfa_status is not UNSET:
            field_dict["mfaStatus"] = mfa_status
        if trusted is not UNSET:
            field_dict["trusted"] = trusted

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        organization_id = d.pop("organizationId", UNSET)

        user_id = d.pop("userId", UNSET)

        mfa_status = d.pop("mfaStatus", UNSET)

        trusted = d.pop("trusted", UNSET)

        session_info = cls(
            organization_id=organization_id,
            user_id=user_id,
            mfa_status=mfa_status,
            trusted=trusted,
        )

        session_info.additional_properties = d
        return session_info

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
