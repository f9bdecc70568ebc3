from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Xmlnyugtasendvalasz")


@_attrs_define
class Xmlnyugtasendvalasz:
    """Answer of the receipt e-mail operation.

    Attributes:
        sikeres (bool):
        hibakod (int | Unset):
        hibauzenet (str | Unset):
    """

    sikeres: bool
    hibakod: int | Unset = UNSET
    hibauzenet: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sikeres = self.sikeres

        hibakod = self.hibakod

        hibauzenet = self.hibauzenet

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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sikeres = d.pop("sikeres")

        hibakod = d.pop("hibakod", UNSET)

        hibauzenet = d.pop("hibauzenet", UNSET)

        xmlnyugtasendvalasz = cls(
            sikeres=sikeres,
            hibakod=hibakod,
            hibauzenet=hibauzenet,
        )

        xmlnyugtasendvalasz.additional_properties = d
        return xmlnyugtasendvalasz

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
