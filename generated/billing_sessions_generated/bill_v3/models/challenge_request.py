from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChallengeRequest")


@_attrs_define
class ChallengeRequest:
    """
    Attributes:
        use_backup (bool | Unset): Deprecated; only `false` is accepted since 2026-04-03.
    """

    use_backup: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        use_backup = self.use_backup

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if use_backup is not UNSET:
            field_dict["useBackup"] = use_backup

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        use_backup = d.pop("useBackup", UNSET)

        challenge_request = cls(
            use_backup=use_backup,
        )

        return challenge_request
