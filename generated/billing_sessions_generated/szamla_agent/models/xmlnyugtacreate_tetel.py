from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xmlnyugtacreate_tetel_fokonyv import XmlnyugtacreateTetelFokonyv


T = TypeVar("T", bound="XmlnyugtacreateTetel")


@_attrs_define
class XmlnyugtacreateTetel:
    """
    Attributes:
        megnevezes (str):
        mennyiseg (float):
        mennyisegi_egyseg (str):
        netto_egysegar (float):
        afakulcs (str): VAT rate: a percentage (`27`, `5`) or a code (`AAM`, `TAM`, `EU`, `EUK`, `MAA`, ...).
        netto (float):
        afa (float):
        brutto (float):
        azonosito (str | Unset):
        fokonyv (XmlnyugtacreateTetelFokonyv | Unset):
        megjegyzes (str | Unset):
        torlo_kod (int | Unset):
    """

    megnevezes: str
    mennyiseg: float
    mennyisegi_egyseg: str
    netto_egysegar: float
    afakulcs: str
    netto: float
    afa: float
    brutto: float
    azonosito: str | Unset = UNSET
    fokonyv: XmlnyugtacreateTetelFokonyv | Unset = UNSET
    megjegyzes: str | Unset = UNSET
    torlo_kod: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        megnevezes = self.megnevezes

        mennyiseg = self.mennyiseg

        mennyisegi_egyseg = self.mennyisegi_egyseg

        netto_egysegar = self.netto_egysegar

        afakulcs = self.afakulcs

        netto = self.netto

        afa = self.afa

        brutto = self.brutto

        azonosito = self.azonosito

        fokonyv: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fokonyv, Unset):
            fokonyv = self.fokonyv.to_dict()

        megjegyzes = self.megjegyzes

        torlo_kod = self.torlo_kod

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "megnevezes": megnevezes,
                "mennyiseg": mennyiseg,
                "mennyisegiEgyseg": mennyisegi_egyseg,
                "nettoEgysegar": netto_egysegar,
                "afakulcs": afakulcs,
                "netto": netto,
                "afa": afa,
                "brutto": brutto,
            }
        )
        if azonosito is not UNSET:
            field_dict["azonosito"] = azonosito
        if fokonyv is not UNSET:
            field_dict["fokonyv"] = fokonyv
        if megjegyzes is not UNSET:
            field_dict["megjegyzes"] = megjegyzes
        if torlo_kod is not UNSET:
            field_dict["torloKod"] = torlo_kod

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlnyugtacreate_tetel_fokonyv import XmlnyugtacreateTetelFokonyv  # noqa: PLC0415

        d = dict(src_dict)
        megnevezes = d.pop("megnevezes")

        mennyiseg = d.pop("mennyiseg")

        mennyisegi_egyseg = d.pop("mennyisegiEgyseg")

        netto_egysegar = d.pop("nettoEgysegar")

        afakulcs = d.pop("afakulcs")

        netto = d.pop("netto")

        afa = d.pop("afa")

        brutto = d.pop("brutto")

        azonosito = d.pop("azonosito", UNSET)

        _fokonyv = d.pop("fokonyv", UNSET)
        fokonyv: XmlnyugtacreateTetelFokonyv | Unset
        if isinstance(_fokonyv, Unset):
            fokonyv = UNSET
        else:
            fokonyv = XmlnyugtacreateTetelFokonyv.from_dict(_fokonyv)

        megjegyzes = d.pop("megjegyzes", UNSET)

        torlo_kod = d.pop("torloKod", UNSET)

        xmlnyugtacreate_tetel = cls(
            megnevezes=megnevezes,
            mennyiseg=mennyiseg,
            mennyisegi_egyseg=mennyisegi_egyseg,
            netto_egysegar=netto_egysegar,
            afakulcs=afakulcs,
            netto=netto,
            afa=afa,
            brutto=brutto,
            azonosito=azonosito,
            fokonyv=fokonyv,
            megjegyzes=megjegyzes,
            torlo_kod=torlo_kod,
        )

        xmlnyugtacreate_tetel.additional_properties = d
        return xmlnyugtacreate_tetel

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
