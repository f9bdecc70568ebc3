from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DocumentCreated")


@_attrs_define
class DocumentCreated:
    """A created document (invoice, order, receipt, purchase, purchase order, transfer order). Assumed: the field types.

    Attributes:
        id (int): The document's internal id.
        document_series (str): The document series, e.g. `2024A`.
        document_number (int): The document's number within its series.
        url (str): Where the document (PDF) can be downloaded.
    """

    id: int
    document_series: str
    document_number: int
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        document_series = self.document_series

        document_number = self.document_number

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "documentSeries": document_series,
                "documentNumber": document_number,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        document_series = d.pop("documentSeries")

        document_number = d.pop("documentNumber")

        url = d.pop("url")

        document_created = cls(
            id=id,
            document_series=document_series,
            document_number=document_number,
            url=url,
        )

        document_created.additional_properties = d
        return document_created

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
