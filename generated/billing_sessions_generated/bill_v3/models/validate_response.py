from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ValidateResponse")


@_attrs_define
class ValidateResponse:
    """Assumed: the trust identifier comes as `rememberMeId` (BILL's pages and public clients) or as `mfaId` (one
    production integration's runbook: "copy the returned mfaId (this is the rememberMeId)"); a client reads either,
    `rememberMeId` first.

        Attributes:
            remember_me_id (str | Unset): Present when `rememberMe` was true (assumed absent otherwise). A secret.
            mfa_id (str | Unset): Assumed: the same identifier under the name one production runbook reads; sent back as
                `rememberMeId` at login. A secret.
    """

    remember_me_id: str | Unset = UNSET
    mfa_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        remember_me_id = self.remember_me_id

        mfa_id = self.mfa_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if remember_me_id is not UNSET:
            field_dict["rememberMeId"] = remember_me_id
        if mfa_id is not UNSET:
            field_dict["mfaId"] = mfa_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        remember_me_id = d.pop("rememberMeId", UNSET)

        mfa_id = d.pop("mfaId", UNSET)

        validate_response = cls(
            remember_me_id=remember_me_id,
            mfa_id=mfa_id,
        )

        validate_response.additional_properties = d
        return validate_response

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
