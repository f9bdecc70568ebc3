from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ValidateRequest")


@_attrs_define
class ValidateRequest:
    """
    Attributes:
        challenge_id (str):
        token (str): The six-digit code from the SMS.
        remember_me (bool | Unset): True to get a `rememberMeId` valid 30 days.
        device (str | Unset): Device nickname; set with `rememberMe`.
        machine_name (str | Unset): Machine nickname; set with `rememberMe`.
    """

    challenge_id: str
    token: str
    remember_me: bool | Unset = UNSET
    device: str | Unset = UNSET
    machine_name: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        challenge_id = self.challenge_id

        token = self.token

        remember_me = self.remember_me

        device = self.device

        machine_name = self.machine_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "challengeId": challenge_id,
                "token": token,
            }
        )
        if remember_me is not UNSET:
            field_dict["rememberMe"] = remember_me
        if device is not UNSET:
            field_dict["device"] = device
        if machine_name is not UNSET:
            field_dict["machineName"] = machine_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        challenge_id = d.pop("challengeId")

        token = d.pop("token")

        remember_me = d.pop("rememberMe", UNSET)

        device = d.pop("device", UNSET)

        machine_name = d.pop("machineName", UNSET)

        validate_request = cls(
            challenge_id=challenge_id,
            token=token,
            remember_me=remember_me,
            device=device,
            machine_name=machine_name,
        )

        return validate_request
