from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="SessionBody")


@_attrs_define
class SessionBody:
    """Form fields of the calls that take only the session (`Logout.json`, `GetSessionInfo.json`)."""

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        session_body = cls()

        return session_body
