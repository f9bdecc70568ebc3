from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xmlszamla_vevo_fokonyv import XmlszamlaVevoFokonyv


T = TypeVar("T", bound="XmlszamlaVevo")


@_attrs_define
class XmlszamlaVevo:
    """
    Attributes:
        nev (str):
        irsz (str):
        telepules (str):
        cim (str):
        orszag (str | Unset):
        email (str | Unset):
        send_email (bool | Unset):
        adoalany (int | Unset): Buyer's tax status: 7 business outside the EU, 6 business in the EU, 1 has a Hungarian
            tax number, 0 unknown, -1 no tax number.
        adoszam (str | Unset):
        csoportazonosito (str | Unset):
        adoszam_eu (str | Unset):
        postazasi_nev (str | Unset):
        postazasi_orszag (str | Unset):
        postazasi_irsz (str | Unset):
        postazasi_telepules (str | Unset):
        postazasi_cim (str | Unset):
        vevo_fokonyv (XmlszamlaVevoFokonyv | Unset):
        azonosito (str | Unset):
        alairo_neve (str | Unset):
        telefonszam (str | Unset):
        megjegyzes (str | Unset):
    """

    nev: str
    irsz: str
    telepules: str
    cim: str
    orszag: str | Unset = UNSET
    email: str | Unset = UNSET
    send_email: bool | Unset = UNSET
    adoalany: int | Unset = UNSET
    adoszam: str | Unset = UNSET
    csoportazonosito: str | Unset = UNSET
    adoszam_eu: str | Unset = UNSET
    postazasi_nev: str | Unset = UNSET
    postazasi_orszag: str | Unset = UNSET
    postazasi_irsz: str | Unset = UNSET
    postazasi_telepules: str | Unset = UNSET
    postazasi_cim: str | Unset = UNSET
    vevo_fokonyv: XmlszamlaVevoFokonyv | Unset = UNSET
    azonosito: str | Unset = UNSET
    alairo_neve: str | Unset = UNSET
    telefonszam: str | Unset = UNSET
    megjegyzes: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nev = self.nev

        irsz = self.irsz

        telepules = self.telepules

        cim = self.cim

        orszag = self.orszag

        email = self.email

        send_email = self.send_email

        adoalany = self.adoalany

        adoszam = self.adoszam

        csoportazonosito = self.csoportazonosito

        adoszam_eu = self.adoszam_eu

        postazasi_nev = self.postazasi_nev

        postazasi_orszag = self.postazasi_orszag

        postazasi_irsz = self.postazasi_irsz

        postazasi_telepules = self.postazasi_telepules

        postazasi_cim = self.postazasi_cim

        vevo_fokonyv: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vevo_fokonyv, Unset):
            vevo_fokonyv = self.vevo_fokonyv.to_dict()

        azonosito = self.azonosito

        alairo_neve = self.alairo_neve

        telefonszam = self.telefonszam

        megjegyzes = self.megjegyzes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nev": nev,
                "irsz": irsz,
                "telepules": telepules,
                "cim": cim,
            }
        )
        if orszag is not UNSET:
            field_dict["orszag"] = orszag
        if email is not UNSET:
            field_dict["email"] = email
        if send_email is not UNSET:
            field_dict["sendEmail"] = send_email
        if adoalany is not UNSET:
            field_dict["adoalany"] = adoalany
        if adoszam is not UNSET:
            field_dict["adoszam"] = adoszam
        if csoportazonosito is not UNSET:
            field_dict["csoportazonosito"] = csoportazonosito
        if adoszam_eu is not UNSET:
            field_dict["adoszamEU"] = adoszam_eu
        if postazasi_nev is not UNSET:
            field_dict["postazasiNev"] = postazasi_nev
        if postazasi_orszag is not UNSET:
            field_dict["postazasiOrszag"] = postazasi_orszag
        if postazasi_irsz is not UNSET:
            field_dict["postazasiIrsz"] = postazasi_irsz
        if postazasi_telepules is not UNSET:
            field_dict["postazasiTelepules"] = postazasi_telepules
        if postazasi_cim is not UNSET:
            field_dict["postazasiCim"] = postazasi_cim
        if vevo_fokonyv is not UNSET:
            field_dict["vevoFokonyv"] = vevo_fokonyv
        if azonosito is not UNSET:
            field_dict["azonosito"] = azonosito
        if alairo_neve is not UNSET:
            field_dict["alairoNeve"] = alairo_neve
        if telefonszam is not UNSET:
            field_dict["telefonszam"] = telefonszam
        if megjegyzes is not UNSET:
            field_dict["megjegyzes"] = megjegyzes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlszamla_vevo_fokonyv import XmlszamlaVevoFokonyv  # noqa: PLC0415

        d = dict(src_dict)
        nev = d.pop("nev")

        irsz = d.pop("irsz")

        telepules = d.pop("telepules")

        cim = d.pop("cim")

        orszag = d.pop("orszag", UNSET)

        email = d.pop("email", UNSET)

        send_email = d.pop("sendEmail", UNSET)

        adoalany = d.pop("adoalany", UNSET)

        adoszam = d.pop("adoszam", UNSET)

        csoportazonosito = d.pop("csoportazonosito", UNSET)

        adoszam_eu = d.pop("adoszamEU", UNSET)

        postazasi_nev = d.pop("postazasiNev", UNSET)

        postazasi_orszag = d.pop("postazasiOrszag", UNSET)

        postazasi_irsz = d.pop("postazasiIrsz", UNSET)

        postazasi_telepules = d.pop("postazasiTelepules", UNSET)

        postazasi_cim = d.pop("postazasiCim", UNSET)

        _vevo_fokonyv = d.pop("vevoFokonyv", UNSET)
        vevo_fokonyv: XmlszamlaVevoFokonyv | Unset
        if isinstance(_vevo_fokonyv, Unset):
            vevo_fokonyv = UNSET
        else:
            vevo_fokonyv = XmlszamlaVevoFokonyv.from_dict(_vevo_fokonyv)

        azonosito = d.pop("azonosito", UNSET)

        alairo_neve = d.pop("alairoNeve", UNSET)

        telefonszam = d.pop("telefonszam", UNSET)

        megjegyzes = d.pop("megjegyzes", UNSET)

        xmlszamla_vevo = cls(
            nev=nev,
            irsz=irsz,
            telepules=telepules,
            cim=cim,
            orszag=orszag,
            email=email,
            send_email=send_email,
            adoalany=adoalany,
            adoszam=adoszam,
            csoportazonosito=csoportazonosito,
            adoszam_eu=adoszam_eu,
            postazasi_nev=postazasi_nev,
            postazasi_orszag=postazasi_orszag,
            postazasi_irsz=postazasi_irsz,
            postazasi_telepules=postazasi_telepules,
            postazasi_cim=postazasi_cim,
            vevo_fokonyv=vevo_fokonyv,
            azonosito=azonosito,
            alairo_neve=alairo_neve,
            telefonszam=telefonszam,
            megjegyzes=megjegyzes,
        )

        xmlszamla_vevo.additional_properties = d
        return xmlszamla_vevo

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
