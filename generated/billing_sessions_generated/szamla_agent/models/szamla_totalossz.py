from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SzamlaTotalossz")


@_attrs_define
class SzamlaTotalossz:
    """
    Attributes:
        netto (float):
        afa (float):
        brutto (float):
    """

    netto: float
    afa: float
    brutto: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        netto = self.netto

        afa = self.afa

        brutto = self.brutto

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "netto": netto,
                "afa": afa,
                "brutto": brutto,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        netto = d.pop("netto")

        afa = d.pop("afa")

        brutto = d.pop("brutto")

        szamla_totalossz = cls(
            netto=netto,
            afa=afa,
            brutto=brutto,
        )

        szamla_totalossz.additional_properties = d
        return szamla_totalossz

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
