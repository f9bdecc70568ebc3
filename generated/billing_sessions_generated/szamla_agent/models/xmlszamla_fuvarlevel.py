from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xmlszamla_mpl import XmlszamlaMpl
    from ..models.xmlszamla_ppp import XmlszamlaPpp
    from ..models.xmlszamla_sprinter import XmlszamlaSprinter
    from ..models.xmlszamla_transoflex import XmlszamlaTransoflex


T = TypeVar("T", bound="XmlszamlaFuvarlevel")


@_attrs_define
class XmlszamlaFuvarlevel:
    """
    Attributes:
        uticel (str | Unset):
        futar_szolgalat (str | Unset):
        vonalkod (str | Unset):
        megjegyzes (str | Unset):
        tof (XmlszamlaTransoflex | Unset):
        ppp (XmlszamlaPpp | Unset):
        sprinter (XmlszamlaSprinter | Unset):
        mpl (XmlszamlaMpl | Unset):
    """

    uticel: str | Unset = UNSET
    futar_szolgalat: str | Unset = UNSET
    vonalkod: str | Unset = UNSET
    megjegyzes: str | Unset = UNSET
    tof: XmlszamlaTransoflex | Unset = UNSET
    ppp: XmlszamlaPpp | Unset = UNSET
    sprinter: XmlszamlaSprinter | Unset = UNSET
    mpl: XmlszamlaMpl | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uticel = self.uticel

        futar_szolgalat = self.futar_szolgalat

        vonalkod = self.vonalkod

        megjegyzes = self.megjegyzes

        tof: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tof, Unset):
            tof = self.tof.to_dict()

        ppp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ppp, Unset):
            ppp = self.ppp.to_dict()

        sprinter: dict[str, Any] | Unset = UNSET
        if not isinstance(self.sprinter, Unset):
            sprinter = self.sprinter.to_dict()

        mpl: dict[str, Any] | Unset = UNSET
        if not isinstance(self.mpl, Unset):
            mpl = self.mpl.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if uticel is not UNSET:
            field_dict["uticel"] = uticel
        if futar_szolgalat is not UNSET:
            field_dict["futarSzolgalat"] = futar_szolgalat
        if vonalkod is not UNSET:
            field_dict["vonalkod"] = vonalkod
        if megjegyzes is not UNSET:
            field_dict["megjegyzes"] = megjegyzes
        if tof is not UNSET:
            field_dict["tof"] = tof
        if ppp is not UNSET:
            field_dict["ppp"] = ppp
        if sprinter is not UNSET:
            field_dict["sprinter"] = sprinter
        if mpl is not UNSET:
            field_dict["mpl"] = mpl

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlszamla_mpl import XmlszamlaMpl  # noqa: PLC0415
        from ..models.xmlszamla_ppp import XmlszamlaPpp  # noqa: PLC0415
        from ..models.xmlszamla_sprinter import XmlszamlaSprinter  # noqa: PLC0415
        from ..models.xmlszamla_transoflex import XmlszamlaTransoflex  # noqa: PLC0415

        d = dict(src_dict)
        uticel = d.pop("uticel", UNSET)

        futar_szolgalat = d.pop("futarSzolgalat", UNSET)

        vonalkod = d.pop("vonalkod", UNSET)

        megjegyzes = d.pop("megjegyzes", UNSET)

        _tof = d.pop("tof", UNSET)
        tof: XmlszamlaTransoflex | Unset
        if isinstance(_tof, Unset):
            tof = UNSET
        else:
            tof = XmlszamlaTransoflex.from_dict(_tof)

        _ppp = d.pop("ppp", UNSET)
        ppp: XmlszamlaPpp | Unset
        if isinstance(_ppp, Unset):
            ppp = UNSET
        else:
            ppp = XmlszamlaPpp.from_dict(_ppp)

        _sprinter = d.pop("sprinter", UNSET)
        sprinter: XmlszamlaSprinter | Unset
        if isinstance(_sprinter, Unset):
            sprinter = UNSET
        else:
            sprinter = XmlszamlaSprinter.from_dict(_sprinter)

        _mpl = d.pop("mpl", UNSET)
        mpl: XmlszamlaMpl | Unset
        if isinstance(_mpl, Unset):
            mpl = UNSET
        else:
            mpl = XmlszamlaMpl.from_dict(_mpl)

        xmlszamla_fuvarlevel = cls(
            uticel=uticel,
            futar_szolgalat=futar_szolgalat,
            vonalkod=vonalkod,
            megjegyzes=megjegyzes,
            tof=tof,
            ppp=ppp,
            sprinter=sprinter,
            mpl=mpl,
        )

        xmlszamla_fuvarlevel.additional_properties = d
        return xmlszamla_fuvarlevel

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
