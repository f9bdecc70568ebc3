from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamlakifizKifizetes")


@_attrs_define
class XmlszamlakifizKifizetes:
    """
    Attributes:
        datum (datetime.date):
        jogcim (str):
        osszeg (float):
        leiras (str | Unset):
    """

    datum: datetime.date
    jogcim: str
    osszeg: float
    leiras: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        datum = self.datum.isoformat()

        jogcim = self.jogcim

        osszeg = self.osszeg

        leiras = self.leiras

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "datum": datum,
                "jogcim": jogcim,
                "osszeg": osszeg,
            }
        )
        if leiras is not UNSET:
            field_dict["leiras"] = leiras

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        datum = datetime.date.fromisoformat(d.pop("datum"))

        jogcim = d.pop("jogcim")

        osszeg = d.pop("osszeg")

        leiras = d.pop("leiras", UNSET)

        xmlszamlakifiz_kifizetes = cls(
            datum=datum,
            jogcim=jogcim,
            osszeg=osszeg,
            leiras=leiras,
        )

        xmlszamlakifiz_kifizetes.additional_properties = d
        return xmlszamlakifiz_kifizetes

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
