from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentLine")


@_attrs_define
class DocumentLine:
    """One line of a document. Assumed field names. `unit_price` and `tax_rate` default to the article's when omitted
    (assumed).

        Attributes:
            article_code (str): The article's code (`entity_code` of an article).
            quantity (float): Quantity, in the article's unit.
            description (str | Unset): Line text; defaults to the article's description.
            unit_price (float | Unset): Unit price without tax, in euros.
            tax_rate (float | Unset): VAT rate in percent, e.g. `23`.
    """

    article_code: str
    quantity: float
    description: str | Unset = UNSET
    unit_price: float | Unset = UNSET
    tax_rate: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        article_code = self.article_code

        quantity = self.quantity

        description = self.description

        unit_price = self.unit_price

        tax_rate = self.tax_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "article_code": article_code,
                "quantity": quantity,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if unit_price is not UNSET:
            field_dict["unit_price"] = unit_price
        if tax_rate is not UNSET:
            field_dict["tax_rate"] = tax_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        article_code = d.pop("article_code")

        quantity = d.pop("quantity")

        description = d.pop("description", UNSET)

        unit_price = d.pop("unit_price", UNSET)

        tax_rate = d.pop("tax_rate", UNSET)

        document_line = cls(
            article_code=article_code,
            quantity=quantity,
            description=description,
            unit_price=unit_price,
            tax_rate=tax_rate,
        )

        document_line.additional_properties = d
        return document_line

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
