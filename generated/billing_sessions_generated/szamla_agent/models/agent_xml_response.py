from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentXmlResponse")


@_attrs_define
class AgentXmlResponse:
    """Documentation and sandbox model of the `xmlszamlavalasz` XML document (namespace
    `http://www.szamlazz.hu/xmlszamlavalasz`) returned with `valaszVerzio` 2 by the invoice
    operations. Not used by the operation directly: the operation returns the raw XML text
    (`agentXmlDocument`), whose elements map one-to-one onto these properties.

        Example:
            {'sikeres': True, 'szamlaszam': 'E-TST-2024-1', 'vevoifiokurl':
                'https://www.szamlazz.hu/szamla/?page=vevoifiok&vfk=Ab12Cd34', 'szamlanetto': 10000, 'szamlabrutto': 12700,
                'kintlevoseg': 12700, 'pdf': 'JVBERi0xLjQgLi4u'}

        Attributes:
            sikeres (bool): Whether the call succeeded (`true` / `false` in the XML).
            hibakod (int | Unset): Error code on failure (same codes as `szlahu_error_code`).
            hibauzenet (str | Unset): Error message on failure.
            szamlaszam (str | Unset): Invoice number.
            vevoifiokurl (str | Unset): URL of the customer's account page for the invoice.
            szamlanetto (float | Unset): Net total of the invoice.
            szamlabrutto (float | Unset): Gross total of the invoice.
            kintlevoseg (float | Unset): Outstanding (unpaid) amount of the invoice.
            pdf (str | Unset): The invoice PDF, base64-encoded, when PDF download was requested.
    """

    sikeres: bool
    hibakod: int | Unset = UNSET
    hibauzenet: str | Unset = UNSET
    szamlaszam: str | Unset = UNSET
    vevoifiokurl: str | Unset = UNSET
    szamlanetto: float | Unset = UNSET
    szamlabrutto: float | Unset = UNSET
    kintlevoseg: float | Unset = UNSET
    pdf: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sikeres = self.sikeres

        hibakod = self.hibakod

        hibauzenet = self.hibauzenet

        szamlaszam = self.szamlaszam

        vevoifiokurl = self.vevoifiokurl

        szamlanetto = self.szamlanetto

        szamlabrutto = self.szamlabrutto

        kintlevoseg = self.kintlevoseg

        pdf = self.pdf

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
        if szamlaszam is not UNSET:
            field_dict["szamlaszam"] = szamlaszam
        if vevoifiokurl is not UNSET:
            field_dict["vevoifiokurl"] = vevoifiokurl
        if szamlanetto is not UNSET:
            field_dict["szamlanetto"] = szamlanetto
        if szamlabrutto is not UNSET:
            field_dict["szamlabrutto"] = szamlabrutto
        if kintlevoseg is not UNSET:
            field_dict["kintlevoseg"] = kintlevoseg
        if pdf is not UNSET:
            field_dict["pdf"] = pdf

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sikeres = d.pop("sikeres")

        hibakod = d.pop("hibakod", UNSET)

        hibauzenet = d.pop("hibauzenet", UNSET)

        szamlaszam = d.pop("szamlaszam", UNSET)

        vevoifiokurl = d.pop("vevoifiokurl", UNSET)

        szamlanetto = d.pop("szamlanetto", UNSET)

        szamlabrutto = d.pop("szamlabrutto", UNSET)

        kintlevoseg = d.pop("kintlevoseg", UNSET)

        pdf = d.pop("pdf", UNSET)

        agent_xml_response = cls(
            sikeres=sikeres,
            hibakod=hibakod,
            hibauzenet=hibauzenet,
            szamlaszam=szamlaszam,
            vevoifiokurl=vevoifiokurl,
            szamlanetto=szamlanetto,
            szamlabrutto=szamlabrutto,
            kintlevoseg=kintlevoseg,
            pdf=pdf,
        )

        agent_xml_response.additional_properties = d
        return agent_xml_response

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
