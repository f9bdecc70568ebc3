from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.write_result import WriteResult


T = TypeVar("T", bound="UpdateResponseBody")


@_attrs_define
class UpdateResponseBody:
    """The answer of an update call: one result per record (assumed form).

    Attributes:
        update_response (list[WriteResult]):
    """

    update_response: list[WriteResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        update_response = []
        for update_response_item_data in self.update_response:
            update_response_item = update_response_item_data.to_dict()
            update_response.append(update_response_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "updateResponse": update_response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.write_result import WriteResult  # noqa: PLC0415

        d = dict(src_dict)
        update_response = []
        _update_response = d.pop("updateResponse")
        for update_response_item_data in _update_response:
            update_response_item = WriteResult.from_dict(update_response_item_data)

            update_response.append(update_response_item)

        update_response_body = cls(
            update_response=update_response,
        )

        update_response_body.additional_properties = d
        return update_response_body

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
