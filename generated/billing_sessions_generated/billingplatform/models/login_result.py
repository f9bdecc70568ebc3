from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LoginResult")


@_attrs_define
class LoginResult:
    """One login result. `ErrorCode` `"0"`: success, `SessionID` holds the session id. Any other value: failure (assumed
    form), `ErrorText` holds the reason and `SessionID` is absent or empty.

        Attributes:
            error_code (str): `"0"` on success; any other value is a failure.
            session_id (str | Unset): The session id to send as the `sessionid` header.
            error_text (list[str] | str | Unset): Error text of a result. Assumed: either a string (`" "` when there is no
                error) or an array of messages (`[]` in the documented login answer); accept both.
    """

    error_code: str
    session_id: str | Unset = UNSET
    error_text: list[str] | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        session_id = self.session_id

        error_text: list[str] | str | Unset
        if isinstance(self.error_text, Unset):
            error_text = UNSET
        elif isinstance(self.error_text, list):
            error_text = self.error_text

        else:
            error_text = self.error_text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ErrorCode": error_code,
            }
        )
        if session_id is not UNSET:
            field_dict["SessionID"] = session_id
        if error_text is not UNSET:
            field_dict["ErrorText"] = error_text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error_code = d.pop("ErrorCode")

        session_id = d.pop("SessionID", UNSET)

        def _parse_error_text(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemaserror_messages_type_0 = cast(list[str], data)

                return componentsschemaserror_messages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        error_text = _parse_error_text(d.pop("ErrorText", UNSET))

        login_result = cls(
            error_code=error_code,
            session_id=session_id,
            error_text=error_text,
        )

        login_result.additional_properties = d
        return login_result

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
