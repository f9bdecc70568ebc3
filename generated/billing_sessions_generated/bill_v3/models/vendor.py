from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.vendor_address import VendorAddress


T = TypeVar("T", bound="Vendor")


@_attrs_define
class Vendor:
    """A vendor. BILL omits unpopulated keys.

    Attributes:
        id (str):
        name (str):
        archived (bool | Unset):
        short_name (str | Unset):
        account_type (str | Unset):
        email (str | Unset):
        phone (str | Unset):
        account_number (str | Unset):
        address (VendorAddress | Unset):
        bill_currency (str | Unset):
        auto_pay (bool | Unset):
        network_status (str | Unset): `NOT_CONNECTED`, `PENDING`, `CONNECTED` or `CONNECTED_RPPS`.
        created_time (str | Unset):
        updated_time (str | Unset):
    """

    id: str
    name: str
    archived: bool | Unset = UNSET
    short_name: str | Unset = UNSET
    account_type: str | Unset = UNSET
    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    account_number: str | Unset = UNSET
    address: VendorAddress | Unset = UNSET
    bill_currency: str | Unset = UNSET
    auto_pay: bool | Unset = UNSET
    network_status: str | Unset = UNSET
    created_time: str | Unset = UNSET
    updated_time: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        archived = self.archived

        short_name = self.short_name

        account_type = self.account_type

        email = self.email

        phone = self.phone

        account_number = self.account_number

        address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.address, Unset):
            address = self.address.to_dict()

        bill_currency = self.bill_currency

        auto_pay = self.auto_pay

        network_status = self.network_status

        created_time = self.created_time

        updated_time = self.updated_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
            }
        )
        if archived is not UNSET:
            field_dict["archived"] = archived
        if short_name is not UNSET:
            field_dict["shortName"] = short_name
        if account_type is not UNSET:
            field_dict["accountType"] = account_type
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if account_number is not UNSET:
            field_dict["accountNumber"] = account_number
        if address is not UNSET:
            field_dict["address"] = address
        if bill_currency is not UNSET:
            field_dict["billCurrency"] = bill_currency
        if auto_pay is not UNSET:
            field_dict["autoPay"] = auto_pay
        if network_status is not UNSET:
            field_dict["networkStatus"] = network_status
        if created_time is not UNSET:
            field_dict["createdTime"] = created_time
        if updated_time is not UNSET:
            field_dict["updatedTime"] = updated_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vendor_address import VendorAddress  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        archived = d.pop("archived", UNSET)

        short_name = d.pop("shortName", UNSET)

        account_type = d.pop("accountType", UNSET)

        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        account_number = d.pop("accountNumber", UNSET)

        _address = d.pop("address", UNSET)
        address: VendorAddress | Unset
        if isinstance(_address, Unset):
            address = UNSET
        else:
            address = VendorAddress.from_dict(_address)

        bill_currency = d.pop("billCurrency", UNSET)

        auto_pay = d.pop("autoPay", UNSET)

        network_status = d.pop("networkStatus", UNSET)

        created_time = d.pop("createdTime", UNSET)

        updated_time = d.pop("updatedTime", UNSET)

        vendor = cls(
            id=id,
            name=name,
            archived=archived,
            short_name=short_name,
            account_type=account_type,
            email=email,
            phone=phone,
            account_number=account_number,
            address=address,
            bill_currency=bill_currency,
            auto_pay=auto_pay,
            network_status=network_status,
            created_time=created_time,
            updated_time=updated_time,
        )

        vendor.additional_properties = d
        return vendor

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
