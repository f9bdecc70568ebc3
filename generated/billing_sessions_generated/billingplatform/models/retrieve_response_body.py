from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.record import Record


T = TypeVar("T", bound="RetrieveResponseBody")


@_attrs_define
class RetrieveResponseBody:
    """The answer of `GET /rest/2.0/{entity}/{id}`: the record, inside an array.

    Attributes:
        retrieve_response (list[Record]):
    """

    retrieve_response: list[Record]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        retrieve_response = []
        for retrieve_response_item_data in self.retrieve_response:
            retrieve_response_item = retrieve_response_item_data.to_dict()
            retrieve_response.append(retrieve_response_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "retrieveResponse": retrieve_response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.record import Record  # noqa: PLC0415

        d = dict(src_dict)
        retrieve_response = []
        _retrieve_response = d.pop("retrieveResponse")
        for retrieve_response_item_data in _retrieve_response:
            retrieve_response_item = Record.from_dict(retrieve_response_item_data)

            retrieve_response.append(retrieve_response_item)

        retrieve_response_body = cls(
            retrieve_response=retrieve_response,
        )

        retrieve_response_body.additional_properties = d
        return retrieve_response_body

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
