from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bill import Bill


T = TypeVar("T", bound="BillList")


@_attrs_define
class BillList:
    """
    Attributes:
        results (list[Bill]):
        next_page (str | Unset):
        prev_page (str | Unset):
    """

    results: list[Bill]
    next_page: str | Unset = UNSET
    prev_page: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        next_page = self.next_page

        prev_page = self.prev_page

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "results": results,
            }
        )
        if next_page is not UNSET:
            field_dict["nextPage"] = next_page
        if prev_page is not UNSET:
            field_dict["prevPage"] = prev_page

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bill import Bill  # noqa: PLC0415

        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = Bill.from_dict(results_item_data)

            results.append(results_item)

        next_page = d.pop("nextPage", UNSET)

        prev_page = d.pop("prevPage", UNSET)

        bill_list = cls(
            results=results,
            next_page=next_page,
            prev_page=prev_page,
        )

        bill_list.additional_properties = d
        return bill_list

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
