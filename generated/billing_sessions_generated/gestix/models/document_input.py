from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_line import DocumentLine


T = TypeVar("T", bound="DocumentInput")


@_attrs_define
class DocumentInput:
    """A document to create; shared by every document endpoint. Assumed field names: the
    provider's request schema is not in the documentation used here.

    Sales documents (invoices, orders, receipts) name the customer with `customer_id` or
    `customer_code`; purchase documents (purchases, purchase orders) name the supplier with
    `supplier_id` or `supplier_code`. Fields not modelled here (e.g. the warehouses of a
    transfer order) can be sent as additional properties.

        Attributes:
            lines (list[DocumentLine]): The document lines.
            customer_id (int | Unset): The customer's internal id (sales documents).
            customer_code (str | Unset): The customer's code (sales documents).
            supplier_id (int | Unset): The supplier's internal id (purchase documents).
            supplier_code (str | Unset): The supplier's code (purchase documents).
            date (datetime.date | Unset): Document date; defaults to today (assumed).
            document_series (str | Unset): The series to create the document in, e.g. `2024A`; with `documentNumber`, the
                document's own number. Assumed field name. A series and number already used answer 409 `DUPLICATE_ENTRY`: the
                SDK's `create_document` relies on this to create a document exactly once when an answer is lost. Omitted: Gestix
                picks the series and the next number.
            document_number (int | Unset): The document's number within `documentSeries` (send both or neither). Assumed
                field name.
            reference (str | Unset): Your own reference for the document, e.g. an order number.
            notes (str | Unset): Free-text notes printed on the document.
    """

    lines: list[DocumentLine]
    customer_id: int | Unset = UNSET
    customer_code: str | Unset = UNSET
    supplier_id: int | Unset = UNSET
    supplier_code: str | Unset = UNSET
    date: datetime.date | Unset = UNSET
    document_series: str | Unset = UNSET
    document_number: int | Unset = UNSET
    reference: str | Unset = UNSET
    notes: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        customer_id = self.customer_id

        customer_code = self.customer_code

        supplier_id = self.supplier_id

        supplier_code = self.supplier_code

        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.isoformat()

        document_series = self.document_series

        document_number = self.document_number

        reference = self.reference

        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lines": lines,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if customer_code is not UNSET:
            field_dict["customer_code"] = customer_code
        if supplier_id is not UNSET:
            field_dict["supplier_id"] = supplier_id
        if supplier_code is not UNSET:
            field_dict["supplier_code"] = supplier_code
        if date is not UNSET:
            field_dict["date"] = date
        if document_series is not UNSET:
            field_dict["documentSeries"] = document_series
        if document_number is not UNSET:
            field_dict["documentNumber"] = document_number
        if reference is not UNSET:
            field_dict["reference"] = reference
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_line import DocumentLine  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = DocumentLine.from_dict(lines_item_data)

            lines.append(lines_item)

        customer_id = d.pop("customer_id", UNSET)

        customer_code = d.pop("customer_code", UNSET)

        supplier_id = d.pop("supplier_id", UNSET)

        supplier_code = d.pop("supplier_code", UNSET)

        _date = d.pop("date", UNSET)
        date: datetime.date | Unset
        if isinstance(_date, Unset):
            date = UNSET
        else:
            date = datetime.date.fromisoformat(_date)

        document_series = d.pop("documentSeries", UNSET)

        document_number = d.pop("documentNumber", UNSET)

        reference = d.pop("reference", UNSET)

        notes = d.pop("notes", UNSET)

        document_input = cls(
            lines=lines,
            customer_id=customer_id,
            customer_code=customer_code,
            supplier_id=supplier_id,
            supplier_code=supplier_code,
            date=date,
            document_series=document_series,
            document_number=document_number,
            reference=reference,
            notes=notes,
        )

        document_input.additional_properties = d
        return document_input

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
