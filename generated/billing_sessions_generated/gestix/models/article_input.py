from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ArticleInput")


@_attrs_define
class ArticleInput:
    """An article (product or service) to create or update. Assumed field names. `entity_code` is the article code; on `PUT
    /articles` it names the article to update.

        Attributes:
            entity_code (str): The article code.
            description (str): Article description.
            id (int | Unset): The article's internal id (alternative way to name it on update).
            type_ (str | Unset): `product` or `service` (assumed values).
            unit (str | Unset): Unit of measure, e.g. `UN` or `H`.
            unit_price (float | Unset): Sale price without tax, in euros.
            tax_rate (float | Unset): VAT rate in percent, e.g. `23`.
            barcode (str | Unset): EAN or other barcode.
    """

    entity_code: str
    description: str
    id: int | Unset = UNSET
    type_: str | Unset = UNSET
    unit: str | Unset = UNSET
    unit_price: float | Unset = UNSET
    tax_rate: float | Unset = UNSET
    barcode: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entity_code = self.entity_code

        description = self.description

        id = self.id

        type_ = self.type_

        unit = self.unit

        unit_price = self.unit_price

        tax_rate = self.tax_rate

        barcode = self.barcode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entity_code": entity_code,
                "description": description,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if unit is not UNSET:
            field_dict["unit"] = unit
        if unit_price is not UNSET:
            field_dict["unit_price"] = unit_price
        if tax_rate is not UNSET:
            field_dict["tax_rate"] = tax_rate
        if barcode is not UNSET:
            field_dict["barcode"] = barcode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entity_code = d.pop("entity_code")

        description = d.pop("description")

        id = d.pop("id", UNSET)

        type_ = d.pop("type", UNSET)

        unit = d.pop("unit", UNSET)

        unit_price = d.pop("unit_price", UNSET)

        tax_rate = d.pop("tax_rate", UNSET)

        barcode = d.pop("barcode", UNSET)

        article_input = cls(
            entity_code=entity_code,
            description=description,
            id=id,
            type_=type_,
            unit=unit,
            unit_price=unit_price,
            tax_rate=tax_rate,
            barcode=barcode,
        )

        article_input.additional_properties = d
        return article_input

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
