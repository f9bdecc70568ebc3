from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.szamla_alap import SzamlaAlap
    from ..models.szamla_cimkek import SzamlaCimkek
    from ..models.szamla_kifizetes import SzamlaKifizetes
    from ..models.szamla_osszegek import SzamlaOsszegek
    from ..models.szamla_qutet import SzamlaQutet
    from ..models.szamla_szallito import SzamlaSzallito
    from ..models.szamla_tetel import SzamlaTetel
    from ..models.szamla_vevo import SzamlaVevo


T = TypeVar("T", bound="Szamla")


@_attrs_define
class Szamla:
    """Answer of the invoice data query (`xmlszamlaxml`): the invoice as the provider keeps it.

    Attributes:
        szallito (SzamlaSzallito):
        alap (SzamlaAlap):
        vevo (SzamlaVevo):
        tetelek (list[SzamlaTetel]):
        osszegek (SzamlaOsszegek):
        qutetek (list[SzamlaQutet] | Unset):
        cimkek (SzamlaCimkek | Unset):
        kifizetesek (list[SzamlaKifizetes] | Unset):
        pdf (str | Unset):
    """

    szallito: SzamlaSzallito
    alap: SzamlaAlap
    vevo: SzamlaVevo
    tetelek: list[SzamlaTetel]
    osszegek: SzamlaOsszegek
    qutetek: list[SzamlaQutet] | Unset = UNSET
    cimkek: SzamlaCimkek | Unset = UNSET
    kifizetesek: list[SzamlaKifizetes] | Unset = UNSET
    pdf: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        szallito = self.szallito.to_dict()

        alap = self.alap.to_dict()

        vevo = self.vevo.to_dict()

        tetelek = []
        for tetelek_item_data in self.tetelek:
            tetelek_item = tetelek_item_data.to_dict()
            tetelek.append(tetelek_item)

        osszegek = self.osszegek.to_dict()

        qutetek: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.qutetek, Unset):
            qutetek = []
            for qutetek_item_data in self.qutetek:
                qutetek_item = qutetek_item_data.to_dict()
                qutetek.append(qutetek_item)

        cimkek: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cimkek, Unset):
            cimkek = self.cimkek.to_dict()

        kifizetesek: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.kifizetesek, Unset):
            kifizetesek = []
            for kifizetesek_item_data in self.kifizetesek:
                kifizetesek_item = kifizetesek_item_data.to_dict()
                kifizetesek.append(kifizetesek_item)

        pdf = self.pdf

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "szallito": szallito,
                "alap": alap,
                "vevo": vevo,
                "tetelek": tetelek,
                "osszegek": osszegek,
            }
        )
        if qutetek is not UNSET:
            field_dict["qutetek"] = qutetek
        if cimkek is not UNSET:
            field_dict["cimkek"] = cimkek
        if kifizetesek is not UNSET:
            field_dict["kifizetesek"] = kifizetesek
        if pdf is not UNSET:
            field_dict["pdf"] = pdf

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.szamla_alap import SzamlaAlap  # noqa: PLC0415
        from ..models.szamla_cimkek import SzamlaCimkek  # noqa: PLC0415
        from ..models.szamla_kifizetes import SzamlaKifizetes  # noqa: PLC0415
        from ..models.szamla_osszegek import SzamlaOsszegek  # noqa: PLC0415
        from ..models.szamla_qutet import SzamlaQutet  # noqa: PLC0415
        from ..models.szamla_szallito import SzamlaSzallito  # noqa: PLC0415
        from ..models.szamla_tetel import SzamlaTetel  # noqa: PLC0415
        from ..models.szamla_vevo import SzamlaVevo  # noqa: PLC0415

        d = dict(src_dict)
        szallito = SzamlaSzallito.from_dict(d.pop("szallito"))

        alap = SzamlaAlap.from_dict(d.pop("alap"))

        vevo = SzamlaVevo.from_dict(d.pop("vevo"))

        tetelek = []
        _tetelek = d.pop("tetelek")
        for tetelek_item_data in _tetelek:
            tetelek_item = SzamlaTetel.from_dict(tetelek_item_data)

            tetelek.append(tetelek_item)

        osszegek = SzamlaOsszegek.from_dict(d.pop("osszegek"))

        _qutetek = d.pop("qutetek", UNSET)
        qutetek: list[SzamlaQutet] | Unset = UNSET
        if _qutetek is not UNSET:
            qutetek = []
            for qutetek_item_data in _qutetek:
                qutetek_item = SzamlaQutet.from_dict(qutetek_item_data)

                qutetek.append(qutetek_item)

        _cimkek = d.pop("cimkek", UNSET)
        cimkek: SzamlaCimkek | Unset
        if isinstance(_cimkek, Unset):
            cimkek = UNSET
        else:
            cimkek = SzamlaCimkek.from_dict(_cimkek)

        _kifizetesek = d.pop("kifizetesek", UNSET)
        kifizetesek: list[SzamlaKifizetes] | Unset = UNSET
        if _kifizetesek is not UNSET:
            kifizetesek = []
            for kifizetesek_item_data in _kifizetesek:
                kifizetesek_item = SzamlaKifizetes.from_dict(kifizetesek_item_data)

                kifizetesek.append(kifizetesek_item)

        pdf = d.pop("pdf", UNSET)

        szamla = cls(
            szallito=szallito,
            alap=alap,
            vevo=vevo,
            tetelek=tetelek,
            osszegek=osszegek,
            qutetek=qutetek,
            cimkek=cimkek,
            kifizetesek=kifizetesek,
            pdf=pdf,
        )

        szamla.additional_properties = d
        return szamla

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
