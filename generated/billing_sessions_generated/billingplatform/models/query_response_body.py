from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.record import Record


T = TypeVar("T", bound="QueryResponseBody")


@_attrs_define
class QueryResponseBody:
    """The answer of `GET /rest/2.0/query`: the matching records with the selected fields.

    Attributes:
        query_response (list[Record]):
    """

    query_response: list[Record]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        query_response = []
        for query_response_item_data in self.query_response:
            query_response_item = query_response_item_data.to_dict()
            query_response.append(query_response_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "queryResponse": query_response,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.record import Record  # noqa: PLC0415

        d = dict(src_dict)
        query_response = []
        _query_response = d.pop("queryResponse")
        for query_response_item_data in _query_response:
            query_response_item = Record.from_dict(query_response_item_data)

            query_response.append(query_response_item)

        query_response_body = cls(
            query_response=query_response,
        )

        query_response_body.additional_properties = d
        return query_response_body

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
