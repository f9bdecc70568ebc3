from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xmlnyugtavalasz_alap import XmlnyugtavalaszAlap
    from ..models.xmlnyugtavalasz_kifizetes import XmlnyugtavalaszKifizetes
    from ..models.xmlnyugtavalasz_osszegek import XmlnyugtavalaszOsszegek
    from ..models.xmlnyugtavalasz_tetel import XmlnyugtavalaszTetel


T = TypeVar("T", bound="XmlnyugtavalaszNyugta")


@_attrs_define
class XmlnyugtavalaszNyugta:
    """
    Attributes:
        alap (XmlnyugtavalaszAlap):
        tetelek (list[XmlnyugtavalaszTetel]):
        osszegek (XmlnyugtavalaszOsszegek):
        kifizetesek (list[XmlnyugtavalaszKifizetes] | Unset):
    """

    alap: XmlnyugtavalaszAlap
    tetelek: list[XmlnyugtavalaszTetel]
    osszegek: XmlnyugtavalaszOsszegek
    kifizetesek: list[XmlnyugtavalaszKifizetes] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        alap = self.alap.to_dict()

        tetelek = []
        for tetelek_item_data in self.tetelek:
            tetelek_item = tetelek_item_data.to_dict()
            tetelek.append(tetelek_item)

        osszegek = self.osszegek.to_dict()

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
                "alap": alap,
                "tetelek": tetelek,
                "osszegek": osszegek,
            }
        )
        if kifizetesek is not UNSET:
            field_dict["kifizetesek"] = kifizetesek

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlnyugtavalasz_alap import XmlnyugtavalaszAlap  # noqa: PLC0415
        from ..models.xmlnyugtavalasz_kifizetes import XmlnyugtavalaszKifizetes  # noqa: PLC0415
        from ..models.xmlnyugtavalasz_osszegek import XmlnyugtavalaszOsszegek  # noqa: PLC0415
        from ..models.xmlnyugtavalasz_tetel import XmlnyugtavalaszTetel  # noqa: PLC0415

        d = dict(src_dict)
        alap = XmlnyugtavalaszAlap.from_dict(d.pop("alap"))

        tetelek = []
        _tetelek = d.pop("tetelek")
        for tetelek_item_data in _tetelek:
            tetelek_item = XmlnyugtavalaszTetel.from_dict(tetelek_item_data)

            tetelek.append(tetelek_item)

        osszegek = XmlnyugtavalaszOsszegek.from_dict(d.pop("osszegek"))

        _kifizetesek = d.pop("kifizetesek", UNSET)
        kifizetesek: list[XmlnyugtavalaszKifizetes] | Unset = UNSET
        if _kifizetesek is not UNSET:
            kifizetesek = []
            for kifizetesek_item_data in _kifizetesek:
                kifizetesek_item = XmlnyugtavalaszKifizetes.from_dict(
                    kifizetesek_item_data
                )

                kifizetesek.append(kifizetesek_item)

        xmlnyugtavalasz_nyugta = cls(
            alap=alap,
            tetelek=tetelek,
            osszegek=osszegek,
            kifizetesek=kifizetesek,
        )

        xmlnyugtavalasz_nyugta.additional_properties = d
        return xmlnyugtavalasz_nyugta

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
