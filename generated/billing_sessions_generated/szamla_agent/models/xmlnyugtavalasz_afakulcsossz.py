from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlnyugtavalaszAfakulcsossz")


@_attrs_define
class XmlnyugtavalaszAfakulcsossz:
    """
    Attributes:
        afakulcs (float): VAT rate: a percentage (`27`, `5`) or a code (`AAM`, `TAM`, `EU`, `EUK`, `MAA`, ...).
        netto (float):
        afa (float):
        brutto (float):
        afatipus (str | Unset): One of: `TAM`, `AAM`, `EU`, `EUK`, `MAA`, `F.AFA`, `K.AFA`, `ÁKK`, `TAHK`, `TEHK`,
            `EUT`, `EUKT`, `HO`, `EUE`, `EUFADE`, `EUFAD37`, `ATK`, `NAM`, `EAM`, `KBAUK`, `KBAET` (an open list: a value
            the provider adds later is kept as text).
    """

    afakulcs: float
    netto: float
    afa: float
    brutto: float
    afatipus: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        afakulcs = self.afakulcs

        netto = self.netto

        afa = self.afa

        brutto = self.brutto

        afatipus = self.afatipus

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "afakulcs": afakulcs,
                "netto": netto,
                "afa": afa,
                "brutto": brutto,
            }
        )
        if afatipus is not UNSET:
            field_dict["afatipus"] = afatipus

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        afakulcs = d.pop("afakulcs")

        netto = d.pop("netto")

        afa = d.pop("afa")

        brutto = d.pop("brutto")

        afatipus = d.pop("afatipus", UNSET)

        xmlnyugtavalasz_afakulcsossz = cls(
            afakulcs=afakulcs,
            netto=netto,
            afa=afa,
            brutto=brutto,
            afatipus=afatipus,
        )

        xmlnyugtavalasz_afakulcsossz.additional_properties = d
        return xmlnyugtavalasz_afakulcsossz

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
