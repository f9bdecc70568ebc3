from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SupplierInput")


@_attrs_define
class SupplierInput:
    """A supplier to create or update. Assumed field names. For `PUT /suppliers`, `id` or `entity_code` names the supplier
    to update.

        Attributes:
            name (str): Supplier name.
            id (int | Unset): The supplier's internal id (to name the supplier on update).
            entity_code (str | Unset): The supplier's code; assigned by Gestix when omitted on create (assumed).
            tax_id (str | Unset): Tax number (NIF in Portugal).
            email (str | Unset): E-mail address.
            phone (str | Unset): Phone number.
            address (str | Unset): Street address.
            postal_code (str | Unset): Postal code.
            city (str | Unset): City.
            country (str | Unset): Country, ISO 3166-1 alpha-2 code, e.g. `PT`.
    """

    name: str
    id: int | Unset = UNSET
    entity_code: str | Unset = UNSET
    tax_id: str | Unset = UNSET
    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    address: str | Unset = UNSET
    postal_code: str | Unset = UNSET
    city: str | Unset = UNSET
    country: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        id = self.id

        entity_code = self.entity_code

        tax_id = self.tax_id

        email = self.email

        phone = self.phone

        address = self.address

        postal_code = self.postal_code

        city = self.city

        country = self.country

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if entity_code is not UNSET:
            field_dict["entity_code"] = entity_code
        if tax_id is not UNSET:
            field_dict["tax_id"] = tax_id
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if address is not UNSET:
            field_dict["address"] = address
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        id = d.pop("id", UNSET)

        entity_code = d.pop("entity_code", UNSET)

        tax_id = d.pop("tax_id", UNSET)

        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        address = d.pop("address", UNSET)

        postal_code = d.pop("postal_code", UNSET)

        city = d.pop("city", UNSET)

        country = d.pop("country", UNSET)

        supplier_input = cls(
            name=name,
            id=id,
            entity_code=entity_code,
            tax_id=tax_id,
            email=email,
            phone=phone,
            address=address,
            postal_code=postal_code,
            city=city,
            country=country,
        )

        supplier_input.additional_properties = d
        return supplier_input

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
