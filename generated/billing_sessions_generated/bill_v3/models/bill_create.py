from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoice import Invoice
    from ..models.line_item_create import LineItemCreate


T = TypeVar("T", bound="BillCreate")


@_attrs_define
class BillCreate:
    """
    Attributes:
        vendor_id (str):
        due_date (datetime.date):
        invoice (Invoice):
        bill_line_items (list[LineItemCreate]):
        description (str | Unset):
    """

    vendor_id: str
    due_date: datetime.date
    invoice: Invoice
    bill_line_items: list[LineItemCreate]
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        vendor_id = self.vendor_id

        due_date = self.due_date.isoformat()

        invoice = self.invoice.to_dict()

        bill_line_items = []
        for bill_line_items_item_data in self.bill_line_items:
            bill_line_items_item = bill_line_items_item_data.to_dict()
            bill_line_items.append(bill_line_items_item)

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "vendorId": vendor_id,
                "dueDate": due_date,
                "invoice": invoice,
                "billLineItems": bill_line_items,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice import Invoice  # noqa: PLC0415
        from ..models.line_item_create import LineItemCreate  # noqa: PLC0415

        d = dict(src_dict)
        vendor_id = d.pop("vendorId")

        due_date = datetime.date.fromisoformat(d.pop("dueDate"))

        invoice = Invoice.from_dict(d.pop("invoice"))

        bill_line_items = []
        _bill_line_items = d.pop("billLineItems")
        for bill_line_items_item_data in _bill_line_items:
            bill_line_items_item = LineItemCreate.from_dict(bill_line_items_item_data)

            bill_line_items.append(bill_line_items_item)

        description = d.pop("description", UNSET)

        bill_create = cls(
            vendor_id=vendor_id,
            due_date=due_date,
            invoice=invoice,
            bill_line_items=bill_line_items,
            description=description,
        )

        return bill_create
