from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.vendor_create_account_type import (
    VendorCreateAccountType,
    check_vendor_create_account_type,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address


T = TypeVar("T", bound="VendorCreate")


@_attrs_define
class VendorCreate:
    """
    Attributes:
        name (str):
        address (Address):
        short_name (str | Unset):
        account_type (VendorCreateAccountType | Unset):
        email (str | Unset):
        phone (str | Unset):
        account_number (str | Unset):
        bill_currency (str | Unset):
        auto_pay (bool | Unset): Assumed field name. True needs an MFA-trusted session (403 `BDC_1361`).
    """

    name: str
    address: Address
    short_name: str | Unset = UNSET
    account_type: VendorCreateAccountType | Unset = UNSET
    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    account_number: str | Unset = UNSET
    bill_currency: str | Unset = UNSET
    auto_pay: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        address = self.address.to_dict()

        short_name = self.short_name

        account_type: str | Unset = UNSET
        if not isinstance(self.account_type, Unset):
            account_type = self.account_type

        email = self.email

        phone = self.phone

        account_number = self.account_number

        bill_currency = self.bill_currency

        auto_pay = self.auto_pay

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "address": address,
            }
        )
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
        if bill_currency is not UNSET:
            field_dict["billCurrency"] = bill_currency
        if auto_pay is not UNSET:
            field_dict["autoPay"] = auto_pay

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        address = Address.from_dict(d.pop("address"))

        short_name = d.pop("shortName", UNSET)

        _account_type = d.pop("accountType", UNSET)
        account_type: VendorCreateAccountType | Unset
        if isinstance(_account_type, Unset):
            account_type = UNSET
        else:
            account_type = check_vendor_create_account_type(_account_type)

        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        account_number = d.pop("accountNumber", UNSET)

        bill_currency = d.pop("billCurrency", UNSET)

        auto_pay = d.pop("autoPay", UNSET)

        vendor_create = cls(
            name=name,
            address=address,
            short_name=short_name,
            account_type=account_type,
            email=email,
            phone=phone,
            account_number=account_number,
            bill_currency=bill_currency,
            auto_pay=auto_pay,
        )

        return vendor_create
