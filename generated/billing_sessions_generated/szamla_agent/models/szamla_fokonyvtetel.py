from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SzamlaFokonyvtetel")


@_attrs_define
class SzamlaFokonyvtetel:
    """
    Attributes:
        arbevetel (str | Unset):
        afa (str | Unset):
        gazdasagiesemeny (str | Unset):
        gazdasagiesemenyafa (str | Unset):
        elszdattol (datetime.date | Unset):
        elszdatig (datetime.date | Unset):
    """

    arbevetel: str | Unset = UNSET
    afa: str | Unset = UNSET
    gazdasagiesemeny: str | Unset = UNSET
    gazdasagiesemenyafa: str | Unset = UNSET
    elszdattol: datetime.date | Unset = UNSET
    elszdatig: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        arbevetel = self.arbevetel

        afa = self.afa

        gazdasagiesemeny = self.gazdasagiesemeny

        gazdasagiesemenyafa = self.gazdasagiesemenyafa

        elszdattol: str | Unset = UNSET
        if not isinstance(self.elszdattol, Unset):
            elszdattol = self.elszdattol.isoformat()

        elszdatig: str | Unset = UNSET
        if not isinstance(self.elszdatig, Unset):
            elszdatig = self.elszdatig.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if arbevetel is not UNSET:
            field_dict["arbevetel"] = arbevetel
        if afa is not UNSET:
            field_dict["afa"] = afa
        if gazdasagiesemeny is not UNSET:
            field_dict["gazdasagiesemeny"] = gazdasagiesemeny
        if gazdasagiesemenyafa is not UNSET:
            field_dict["gazdasagiesemenyafa"] = gazdasagiesemenyafa
        if elszdattol is not UNSET:
            field_dict["elszdattol"] = elszdattol
        if elszdatig is not UNSET:
            field_dict["elszdatig"] = elszdatig

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        arbevetel = d.pop("arbevetel", UNSET)

        afa = d.pop("afa", UNSET)

        gazdasagiesemeny = d.pop("gazdasagiesemeny", UNSET)

        gazdasagiesemenyafa = d.pop("gazdasagiesemenyafa", UNSET)

        _elszdattol = d.pop("elszdattol", UNSET)
        elszdattol: datetime.date | Unset
        if isinstance(_elszdattol, Unset):
            elszdattol = UNSET
        else:
            elszdattol = datetime.date.fromisoformat(_elszdattol)

        _elszdatig = d.pop("elszdatig", UNSET)
        elszdatig: datetime.date | Unset
        if isinstance(_elszdatig, Unset):
            elszdatig = UNSET
        else:
            elszdatig = datetime.date.fromisoformat(_elszdatig)

        szamla_fokonyvtetel = cls(
            arbevetel=arbevetel,
            afa=afa,
            gazdasagiesemeny=gazdasagiesemeny,
            gazdasagiesemenyafa=gazdasagiesemenyafa,
            elszdattol=elszdattol,
            elszdatig=elszdatig,
        )

        szamla_fokonyvtetel.additional_properties = d
        return szamla_fokonyvtetel

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
