from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XmlszamlaTransoflex")


@_attrs_define
class XmlszamlaTransoflex:
    """
    Attributes:
        azonosito (str | Unset):
        shipment_id (str | Unset):
        csomagszam (int | Unset):
        country_code (str | Unset):
        zip_ (str | Unset):
        service (str | Unset):
    """

    azonosito: str | Unset = UNSET
    shipment_id: str | Unset = UNSET
    csomagszam: int | Unset = UNSET
    country_code: str | Unset = UNSET
    zip_: str | Unset = UNSET
    service: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        azonosito = self.azonosito

        shipment_id = self.shipment_id

        csomagszam = self.csomagszam

        country_code = self.country_code

        zip_ = self.zip_

        service = self.service

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if azonosito is not UNSET:
            field_dict["azonosito"] = azonosito
        if shipment_id is not UNSET:
            field_dict["shipmentID"] = shipment_id
        if csomagszam is not UNSET:
            field_dict["csomagszam"] = csomagszam
        if country_code is not UNSET:
            field_dict["countryCode"] = country_code
        if zip_ is not UNSET:
            field_dict["zip"] = zip_
        if service is not UNSET:
            field_dict["service"] = service

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        azonosito = d.pop("azonosito", UNSET)

        shipment_id = d.pop("shipmentID", UNSET)

        csomagszam = d.pop("csomagszam", UNSET)

        country_code = d.pop("countryCode", UNSET)

        zip_ = d.pop("zip", UNSET)

        service = d.pop("service", UNSET)

        xmlszamla_transoflex = cls(
            azonosito=azonosito,
            shipment_id=shipment_id,
            csomagszam=csomagszam,
            country_code=country_code,
            zip_=zip_,
            service=service,
        )

        xmlszamla_transoflex.additional_properties = d
        return xmlszamla_transoflex

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
