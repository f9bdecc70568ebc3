from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xmlnyugtacreate_beallitasok import XmlnyugtacreateBeallitasok
    from ..models.xmlnyugtacreate_fejlec import XmlnyugtacreateFejlec
    from ..models.xmlnyugtacreate_kifizetes import XmlnyugtacreateKifizetes
    from ..models.xmlnyugtacreate_tetel import XmlnyugtacreateTetel


T = TypeVar("T", bound="Xmlnyugtacreate")


@_attrs_define
class Xmlnyugtacreate:
    """Request: create a receipt (nyugta). File part `action-szamla_agent_nyugta_create`.

    Attributes:
        beallitasok (XmlnyugtacreateBeallitasok):
        fejlec (XmlnyugtacreateFejlec):
        tetelek (list[XmlnyugtacreateTetel]):
        kifizetesek (list[XmlnyugtacreateKifizetes] | Unset):
    """

    beallitasok: XmlnyugtacreateBeallitasok
    fejlec: XmlnyugtacreateFejlec
    tetelek: list[XmlnyugtacreateTetel]
    kifizetesek: list[XmlnyugtacreateKifizetes] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        beallitasok = self.beallitasok.to_dict()

        fejlec = self.fejlec.to_dict()

        tetelek = []
        for tetelek_item_data in self.tetelek:
            tetelek_item = tetelek_item_data.to_dict()
            tetelek.append(tetelek_item)

        kifizetesek: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.kifizetesek, Unset):
            kifizetesek = []
            for kifizetesek_item_data in self.kifizetesek:
                kifizetesek_item = kifizetesek_item_data.to_dict()
                kifizetesek.append(kifizetesek_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "beallitasok": beallitasok,
                "fejlec": fejlec,
                "tetelek": tetelek,
            }
        )
        if kifizetesek is not UNSET:
            field_dict["kifizetesek"] = kifizetesek

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlnyugtacreate_beallitasok import XmlnyugtacreateBeallitasok  # noqa: PLC0415
        from ..models.xmlnyugtacreate_fejlec import XmlnyugtacreateFejlec  # noqa: PLC0415
        from ..models.xmlnyugtacreate_kifizetes import XmlnyugtacreateKifizetes  # noqa: PLC0415
        from ..models.xmlnyugtacreate_tetel import XmlnyugtacreateTetel  # noqa: PLC0415

        d = dict(src_dict)
        beallitasok = XmlnyugtacreateBeallitasok.from_dict(d.pop("beallitasok"))

        fejlec = XmlnyugtacreateFejlec.from_dict(d.pop("fejlec"))

        tetelek = []
        _tetelek = d.pop("tetelek")
        for tetelek_item_data in _tetelek:
            tetelek_item = XmlnyugtacreateTetel.from_dict(tetelek_item_data)

            tetelek.append(tetelek_item)

        _kifizetesek = d.pop("kifizetesek", UNSET)
        kifizetesek: list[XmlnyugtacreateKifizetes] | Unset = UNSET
        if _kifizetesek is not UNSET:
            kifizetesek = []
            for kifizetesek_item_data in _kifizetesek:
                kifizetesek_item = XmlnyugtacreateKifizetes.from_dict(
                    kifizetesek_item_data
                )

                kifizetesek.append(kifizetesek_item)

        xmlnyugtacreate = cls(
            beallitasok=beallitasok,
            fejlec=fejlec,
            tetelek=tetelek,
            kifizetesek=kifizetesek,
        )

        xmlnyugtacreate.additional_properties = d
        return xmlnyugtacreate

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
