from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bill_bill_line_items_item import BillBillLineItemsItem
    from ..models.bill_invoice import BillInvoice


T = TypeVar("T", bound="Bill")


@_attrs_define
class Bill:
    """A bill. BILL omits unpopulated keys.

    Attributes:
        id (str):
        archived (bool | Unset):
        vendor_id (str | Unset):
        vendor_name (str | Unset):
        amount (float | Unset):
        due_date (str | Unset):
        description (str | Unset):
        invoice (BillInvoice | Unset):
        bill_line_items (list[BillBillLineItemsItem] | Unset):
        payment_status (str | Unset):
        approval_status (str | Unset):
        created_time (str | Unset):
        updated_time (str | Unset):
    """

    id: str
    archived: bool | Unset = UNSET
    vendor_id: str | Unset = UNSET
    vendor_name: str | Unset = UNSET
    amount: float | Unset = UNSET
    due_date: str | Unset = UNSET
    description: str | Unset = UNSET
    invoice: BillInvoice | Unset = UNSET
    bill_line_items: list[BillBillLineItemsItem] | Unset = UNSET
    payment_status: str | Unset = UNSET
    approval_status: str | Unset = UNSET
    created_time: str | Unset = UNSET
    updated_time: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        archived = self.archived

        vendor_id = self.vendor_id

        vendor_name = self.vendor_name

        amount = self.amount

        due_date = self.due_date

        description = self.description

        invoice: dict[str, Any] | Unset = UNSET
        if not isinstance(self.invoice, Unset):
            invoice = self.invoice.to_dict()

        bill_line_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.bill_line_items, Unset):
            bill_line_items = []
            for bill_line_items_item_data in self.bill_line_items:
                bill_line_items_item = bill_line_items_item_data.to_dict()
                bill_line_items.append(bill_line_items_item)

        payment_status = self.payment_status

        approval_status = self.approval_status

        created_time = self.created_time

        updated_time = self.updated_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
            }
        )
        if archived is not UNSET:
            field_dict["archived"] = archived
        if vendor_id is not UNSET:
            field_dict["vendorId"] = vendor_id
        if vendor_name is not UNSET:
            field_dict["vendorName"] = vendor_name
        if amount is not UNSET:
            field_dict["amount"] = amount
        if due_date is not UNSET:
            field_dict["dueDate"] = due_date
        if description is not UNSET:
            field_dict["description"] = description
        if invoice is not UNSET:
            field_dict["invoice"] = invoice
        if bill_line_items is not UNSET:
            field_dict["billLineItems"] = bill_line_items
        if payment_status is not UNSET:
            field_dict["paymentStatus"] = payment_status
        if approval_status is not UNSET:
            field_dict["approvalStatus"] = approval_status
        if created_time is not UNSET:
            field_dict["createdTime"] = created_time
        if updated_time is not UNSET:
            field_dict["updatedTime"] = updated_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bill_bill_line_items_item import BillBillLineItemsItem  # noqa: PLC0415
        from ..models.bill_invoice import BillInvoice  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        archived = d.pop("archived", UNSET)

        vendor_id = d.pop("vendorId", UNSET)

        vendor_name = d.pop("vendorName", UNSET)

        amount = d.pop("amount", UNSET)

        due_date = d.pop("dueDate", UNSET)

        description = d.pop("description", UNSET)

        _invoice = d.pop("invoice", UNSET)
        invoice: BillInvoice | Unset
        if isinstance(_invoice, Unset):
            invoice = UNSET
        else:
            invoice = BillInvoice.from_dict(_invoice)

        _bill_line_items = d.pop("billLineItems", UNSET)
        bill_line_items: list[BillBillLineItemsItem] | Unset = UNSET
        if _bill_line_items is not UNSET:
            bill_line_items = []
            for bill_line_items_item_data in _bill_line_items:
                bill_line_items_item = BillBillLineItemsItem.from_dict(
                    bill_line_items_item_data
                )

                bill_line_items.append(bill_line_items_item)

        payment_status = d.pop("paymentStatus", UNSET)

        approval_status = d.pop("approvalStatus", UNSET)

        created_time = d.pop("createdTime", UNSET)

        updated_time = d.pop("updatedTime", UNSET)

        bill = cls(
            id=id,
            archived=archived,
            vendor_id=vendor_id,
            vendor_name=vendor_name,
            amount=amount,
            due_date=due_date,
            description=description,
            invoice=invoice,
            bill_line_items=bill_line_items,
            payment_status=payment_status,
            approval_status=approval_status,
            created_time=created_time,
            updated_time=updated_time,
        )

        bill.additional_properties = d
        return bill

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
