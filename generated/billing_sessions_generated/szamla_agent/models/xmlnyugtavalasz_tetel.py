from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xmlnyugtavalasz_fokonyvtetel import XmlnyugtavalaszFokonyvtetel


T = TypeVar("T", bound="XmlnyugtavalaszTetel")


@_attrs_define
class XmlnyugtavalaszTetel:
    """
    Attributes:
        megnevezes (str):
        netto_egysegar (float):
        mennyiseg (float):
        mennyisegi_egyseg (str):
        netto (float):
        afakulcs (float): VAT rate: a percentage (`27`, `5`) or a code (`AAM`, `TAM`, `EU`, `EUK`, `MAA`, ...).
        afa (float):
        brutto (float):
        azonosito (str | Unset):
        afatipus (str | Unset): One of: `TAM`, `AAM`, `EU`, `EUK`, `MAA`, `F.AFA`, `K.AFA`, `ÁKK`, `TAHK`, `TEHK`,
            `EUT`, `EUKT`, `HO`, `EUE`, `EUFADE`, `EUFAD37`, `ATK`, `NAM`, `EAM`, `KBAUK`, `KBAET` (an open list: a value
            the provider adds later is kept as text).
        fokonyv (XmlnyugtavalaszFokonyvtetel | Unset):
    """

    megnevezes: str
    netto_egysegar: float
    mennyiseg: float
    mennyisegi_egyseg: str
    netto: float
    afakulcs: float
    afa: float
    brutto: float
    azonosito: str | Unset = UNSET
    afatipus: str | Unset = UNSET
    fokonyv: XmlnyugtavalaszFokonyvtetel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        megnevezes = self.megnevezes

        netto_egysegar = self.netto_egysegar

        mennyiseg = self.mennyiseg

        mennyisegi_egyseg = self.mennyisegi_egyseg

        netto = self.netto

        afakulcs = self.afakulcs

        afa = self.afa

        brutto = self.brutto

        azonosito = self.azonosito

        afatipus = self.afatipus

        fokonyv: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fokonyv, Unset):
            fokonyv = self.fokonyv.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "megnevezes": megnevezes,
                "nettoEgysegar": netto_egysegar,
                "mennyiseg": mennyiseg,
                "mennyisegiEgyseg": mennyisegi_egyseg,
                "netto": netto,
                "afakulcs": afakulcs,
                "afa": afa,
                "brutto": brutto,
            }
        )
        if azonosito is not UNSET:
            field_dict["azonosito"] = azonosito
        if afatipus is not UNSET:
            field_dict["afatipus"] = afatipus
        if fokonyv is not UNSET:
            field_dict["fokonyv"] = fokonyv

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlnyugtavalasz_fokonyvtetel import XmlnyugtavalaszFokonyvtetel  # noqa: PLC0415

        d = dict(src_dict)
        megnevezes = d.pop("megnevezes")

        netto_egysegar = d.pop("nettoEgysegar")

        mennyiseg = d.pop("mennyiseg")

        mennyisegi_egyseg = d.pop("mennyisegiEgyseg")

        netto = d.pop("netto")

        afakulcs = d.pop("afakulcs")

        afa = d.pop("afa")

        brutto = d.pop("brutto")

        azonosito = d.pop("azonosito", UNSET)

        afatipus = d.pop("afatipus", UNSET)

        _fokonyv = d.pop("fokonyv", UNSET)
        fokonyv: XmlnyugtavalaszFokonyvtetel | Unset
        if isinstance(_fokonyv, Unset):
            fokonyv = UNSET
        else:
            fokonyv = XmlnyugtavalaszFokonyvtetel.from_dict(_fokonyv)

        xmlnyugtavalasz_tetel = cls(
            megnevezes=megnevezes,
            netto_egysegar=netto_egysegar,
            mennyiseg=mennyiseg,
            mennyisegi_egyseg=mennyisegi_egyseg,
            netto=netto,
            afakulcs=afakulcs,
            afa=afa,
            brutto=brutto,
            azonosito=azonosito,
            afatipus=afatipus,
            fokonyv=fokonyv,
        )

        xmlnyugtavalasz_tetel.additional_properties = d
        return xmlnyugtavalasz_tetel

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
