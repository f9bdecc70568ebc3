from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.xmltaxpayer_beallitasok import XmltaxpayerBeallitasok


T = TypeVar("T", bound="Xmltaxpayer")


@_attrs_define
class Xmltaxpayer:
    """Request: query a Hungarian taxpayer by the 8-digit tax registry number (from NAV). File part `action-
    szamla_agent_taxpayer`.

        Attributes:
            beallitasok (XmltaxpayerBeallitasok):
            torzsszam (str): The first 8 digits of the Hungarian tax number.
    """

    beallitasok: XmltaxpayerBeallitasok
    torzsszam: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        beallitasok = self.beallitasok.to_dict()

        torzsszam = self.torzsszam

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "beallitasok": beallitasok,
                "torzsszam": torzsszam,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmltaxpayer_beallitasok import XmltaxpayerBeallitasok  # noqa: PLC0415

        d = dict(src_dict)
        beallitasok = XmltaxpayerBeallitasok.from_dict(d.pop("beallitasok"))

        torzsszam = d.pop("torzsszam")

        xmltaxpayer = cls(
            beallitasok=beallitasok,
            torzsszam=torzsszam,
        )

        xmltaxpayer.additional_properties = d
        return xmltaxpayer

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
