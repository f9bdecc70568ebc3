from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xmlszamlast_beallitasok import XmlszamlastBeallitasok
    from ..models.xmlszamlast_elado import XmlszamlastElado
    from ..models.xmlszamlast_fejlec import XmlszamlastFejlec
    from ..models.xmlszamlast_vevo import XmlszamlastVevo


T = TypeVar("T", bound="Xmlszamlast")


@_attrs_define
class Xmlszamlast:
    """Request: reverse (storno) an invoice. File part `action-szamla_agent_st`.

    Attributes:
        beallitasok (XmlszamlastBeallitasok):
        fejlec (XmlszamlastFejlec):
        elado (XmlszamlastElado | Unset):
        vevo (XmlszamlastVevo | Unset):
    """

    beallitasok: XmlszamlastBeallitasok
    fejlec: XmlszamlastFejlec
    elado: XmlszamlastElado | Unset = UNSET
    vevo: XmlszamlastVevo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        beallitasok = self.beallitasok.to_dict()

        fejlec = self.fejlec.to_dict()

        elado: dict[str, Any] | Unset = UNSET
        if not isinstance(self.elado, Unset):
            elado = self.elado.to_dict()

        vevo: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vevo, Unset):
            vevo = self.vevo.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "beallitasok": beallitasok,
                "fejlec": fejlec,
            }
        )
        if elado is not UNSET:
            field_dict["elado"] = elado
        if vevo is not UNSET:
            field_dict["vevo"] = vevo

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlszamlast_beallitasok import XmlszamlastBeallitasok  # noqa: PLC0415
        from ..models.xmlszamlast_elado import XmlszamlastElado  # noqa: PLC0415
        from ..models.xmlszamlast_fejlec import XmlszamlastFejlec  # noqa: PLC0415
        from ..models.xmlszamlast_vevo import XmlszamlastVevo  # noqa: PLC0415

        d = dict(src_dict)
        beallitasok = XmlszamlastBeallitasok.from_dict(d.pop("beallitasok"))

        fejlec = XmlszamlastFejlec.from_dict(d.pop("fejlec"))

        _elado = d.pop("elado", UNSET)
        elado: XmlszamlastElado | Unset
        if isinstance(_elado, Unset):
            elado = UNSET
        else:
            elado = XmlszamlastElado.from_dict(_elado)

        _vevo = d.pop("vevo", UNSET)
        vevo: XmlszamlastVevo | Unset
        if isinstance(_vevo, Unset):
            vevo = UNSET
        else:
            vevo = XmlszamlastVevo.from_dict(_vevo)

        xmlszamlast = cls(
            beallitasok=beallitasok,
            fejlec=fejlec,
            elado=elado,
            vevo=vevo,
        )

        xmlszamlast.additional_properties = d
        return xmlszamlast

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
