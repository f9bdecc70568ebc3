from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamlastFejlec")


@_attrs_define
class XmlszamlastFejlec:
    """
    Attributes:
        szamlaszam (str):
        kelt_datum (datetime.date | Unset):
        teljesites_datum (datetime.date | Unset):
        megjegyzes (str | Unset):
        tipus (str | Unset):
        szamla_sablon (str | Unset): Invoice template: `SzlaMost`, `SzlaAlap`, `SzlaNoEnv`, `Szla8cm`, `SzlaTomb`,
            `SzlaFuvarlevelesAlap`.
    """

    szamlaszam: str
    kelt_datum: datetime.date | Unset = UNSET
    teljesites_datum: datetime.date | Unset = UNSET
    megjegyzes: str | Unset = UNSET
    tipus: str | Unset = UNSET
    szamla_sablon: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        szamlaszam = self.szamlaszam

        kelt_datum: str | Unset = UNSET
        if not isinstance(self.kelt_datum, Unset):
            kelt_datum = self.kelt_datum.isoformat()

        teljesites_datum: str | Unset = UNSET
        if not isinstance(self.teljesites_datum, Unset):
            teljesites_datum = self.teljesites_datum.isoformat()

        megjegyzes = self.megjegyzes

        tipus = self.tipus

        szamla_sablon = self.szamla_sablon

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "szamlaszam": szamlaszam,
            }
        )
        if kelt_datum is not UNSET:
            field_dict["keltDatum"] = kelt_datum
        if teljesites_datum is not UNSET:
            field_dict["teljesitesDatum"] = teljesites_datum
        if megjegyzes is not UNSET:
            field_dict["megjegyzes"] = megjegyzes
        if tipus is not UNSET:
            field_dict["tipus"] = tipus
        if szamla_sablon is not UNSET:
            field_dict["szamlaSablon"] = szamla_sablon

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        szamlaszam = d.pop("szamlaszam")

        _kelt_datum = d.pop("keltDatum", UNSET)
        kelt_datum: datetime.date | Unset
        if isinstance(_kelt_datum, Unset):
            kelt_datum = UNSET
        else:
            kelt_datum = datetime.date.fromisoformat(_kelt_datum)

        _teljesites_datum = d.pop("teljesitesDatum", UNSET)
        teljesites_datum: datetime.date | Unset
        if isinstance(_teljesites_datum, Unset):
            teljesites_datum = UNSET
        else:
            teljesites_datum = datetime.date.fromisoformat(_teljesites_datum)

        megjegyzes = d.pop("megjegyzes", UNSET)

        tipus = d.pop("tipus", UNSET)

        szamla_sablon = d.pop("szamlaSablon", UNSET)

        xmlszamlast_fejlec = cls(
            szamlaszam=szamlaszam,
            kelt_datum=kelt_datum,
            teljesites_datum=teljesites_datum,
            megjegyzes=megjegyzes,
            tipus=tipus,
            szamla_sablon=szamla_sablon,
        )

        xmlszamlast_fejlec.additional_properties = d
        return xmlszamlast_fejlec

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
