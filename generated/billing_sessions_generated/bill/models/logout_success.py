from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.logout_data import LogoutData


T = TypeVar("T", bound="LogoutSuccess")


@_attrs_define
class LogoutSuccess:
    """A successful logout envelope.

    Attributes:
        response_status (Literal[0]): `0`: success.
        response_message (str): `Success`.
        response_data (LogoutData): The `response_data` of a successful logout. Assumed: an empty object (`{}`); any
            object is accepted.
    """

    response_status: Literal[0]
    response_message: str
    response_data: LogoutData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        response_status = self.response_status

        response_message = self.response_message

        response_data = self.response_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "response_status": response_status,
                "response_message": response_message,
                "response_data": response_data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.logout_data import LogoutData  # noqa: PLC0415

        d = dict(src_dict)
        response_status = cast(Literal[0], d.pop("response_status"))
        if response_status != 0:
            raise ValueError(
                f"response_status must match const 0, got '{response_status}'"
            )

        response_message = d.pop("response_message")

        response_data = LogoutData.from_dict(d.pop("response_data"))

        logout_success = cls(
            response_status=response_status,
            response_message=response_message,
            response_data=response_data,
        )

        logout_success.additional_properties = d
        return logout_success

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
