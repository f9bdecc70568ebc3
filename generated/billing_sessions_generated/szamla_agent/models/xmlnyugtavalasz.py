from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xmlnyugtavalasz_nyugta import XmlnyugtavalaszNyugta


T = TypeVar("T", bound="Xmlnyugtavalasz")


@_attrs_define
class Xmlnyugtavalasz:
    """Answer of the receipt operations (create, reverse, query).

    Attributes:
        sikeres (bool):
        hibakod (int | Unset):
        hibauzenet (str | Unset):
        nyugta_pdf (str | Unset):
        nyugta (XmlnyugtavalaszNyugta | Unset):
    """

    sikeres: bool
    hibakod: int | Unset = UNSET
    hibauzenet: str | Unset = UNSET
    nyugta_pdf: str | Unset = UNSET
    nyugta: XmlnyugtavalaszNyugta | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sikeres = self.sikeres

        hibakod = self.hibakod

        hibauzenet = self.hibauzenet

        nyugta_pdf = self.nyugta_pdf

        nyugta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.nyugta, Unset):
            nyugta = self.nyugta.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sikeres": sikeres,
            }
        )
        if hibakod is not UNSET:
            field_dict["hibakod"] = hibakod
        if hibauzenet is not UNSET:
            field_dict["hibauzenet"] = hibauzenet
        if nyugta_pdf is not UNSET:
            field_dict["nyugtaPdf"] = nyugta_pdf
        if nyugta is not UNSET:
            field_dict["nyugta"] = nyugta

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlnyugtavalasz_nyugta import XmlnyugtavalaszNyugta  # noqa: PLC0415

        d = dict(src_dict)
        sikeres = d.pop("sikeres")

        hibakod = d.pop("hibakod", UNSET)

        hibauzenet = d.pop("hibauzenet", UNSET)

        nyugta_pdf = d.pop("nyugtaPdf", UNSET)

        _nyugta = d.pop("nyugta", UNSET)
        nyugta: XmlnyugtavalaszNyugta | Unset
        if isinstance(_nyugta, Unset):
            nyugta = UNSET
        else:
            nyugta = XmlnyugtavalaszNyugta.from_dict(_nyugta)

        xmlnyugtavalasz = cls(
            sikeres=sikeres,
            hibakod=hibakod,
            hibauzenet=hibauzenet,
            nyugta_pdf=nyugta_pdf,
            nyugta=nyugta,
        )

        xmlnyugtavalasz.additional_properties = d
        return xmlnyugtavalasz

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
