from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xmlszamla_beallitasok import XmlszamlaBeallitasok
    from ..models.xmlszamla_elado import XmlszamlaElado
    from ..models.xmlszamla_fejlec import XmlszamlaFejlec
    from ..models.xmlszamla_fuvarlevel import XmlszamlaFuvarlevel
    from ..models.xmlszamla_tetel import XmlszamlaTetel
    from ..models.xmlszamla_vevo import XmlszamlaVevo


T = TypeVar("T", bound="Xmlszamla")


@_attrs_define
class Xmlszamla:
    """Request: issue an invoice (also pro forma, advance, final, corrective invoice). File part `action-xmlagentxmlfile`.

    Attributes:
        beallitasok (XmlszamlaBeallitasok):
        fejlec (XmlszamlaFejlec):
        elado (XmlszamlaElado):
        vevo (XmlszamlaVevo):
        tetelek (list[XmlszamlaTetel]):
        fuvarlevel (XmlszamlaFuvarlevel | Unset):
    """

    beallitasok: XmlszamlaBeallitasok
    fejlec: XmlszamlaFejlec
    elado: XmlszamlaElado
    vevo: XmlszamlaVevo
    tetelek: list[XmlszamlaTetel]
    fuvarlevel: XmlszamlaFuvarlevel | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        beallitasok = self.beallitasok.to_dict()

        fejlec = self.fejlec.to_dict()

        elado = self.elado.to_dict()

        vevo = self.vevo.to_dict()

        tetelek = []
        for tetelek_item_data in self.tetelek:
            tetelek_item = tetelek_item_data.to_dict()
            tetelek.append(tetelek_item)

        fuvarlevel: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fuvarlevel, Unset):
            fuvarlevel = self.fuvarlevel.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "beallitasok": beallitasok,
                "fejlec": fejlec,
                "elado": elado,
                "vevo": vevo,
                "tetelek": tetelek,
            }
        )
        if fuvarlevel is not UNSET:
            field_dict["fuvarlevel"] = fuvarlevel

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlszamla_beallitasok import XmlszamlaBeallitasok  # noqa: PLC0415
        from ..models.xmlszamla_elado import XmlszamlaElado  # noqa: PLC0415
        from ..models.xmlszamla_fejlec import XmlszamlaFejlec  # noqa: PLC0415
        from ..models.xmlszamla_fuvarlevel import XmlszamlaFuvarlevel  # noqa: PLC0415
        from ..models.xmlszamla_tetel import XmlszamlaTetel  # noqa: PLC0415
        from ..models.xmlszamla_vevo import XmlszamlaVevo  # noqa: PLC0415

        d = dict(src_dict)
        beallitasok = XmlszamlaBeallitasok.from_dict(d.pop("beallitasok"))

        fejlec = XmlszamlaFejlec.from_dict(d.pop("fejlec"))

        elado = XmlszamlaElado.from_dict(d.pop("elado"))

        vevo = XmlszamlaVevo.from_dict(d.pop("vevo"))

        tetelek = []
        _tetelek = d.pop("tetelek")
        for tetelek_item_data in _tetelek:
            tetelek_item = XmlszamlaTetel.from_dict(tetelek_item_data)

            tetelek.append(tetelek_item)

        _fuvarlevel = d.pop("fuvarlevel", UNSET)
        fuvarlevel: XmlszamlaFuvarlevel | Unset
        if isinstance(_fuvarlevel, Unset):
            fuvarlevel = UNSET
        else:
            fuvarlevel = XmlszamlaFuvarlevel.from_dict(_fuvarlevel)

        xmlszamla = cls(
            beallitasok=beallitasok,
            fejlec=fejlec,
            elado=elado,
            vevo=vevo,
            tetelek=tetelek,
            fuvarlevel=fuvarlevel,
        )

        xmlszamla.additional_properties = d
        return xmlszamla

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
