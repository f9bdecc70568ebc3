from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.szamla_cim import SzamlaCim
    from ..models.szamla_cimposta import SzamlaCimposta
    from ..models.szamla_fokonyvvevo import SzamlaFokonyvvevo


T = TypeVar("T", bound="SzamlaVevo")


@_attrs_define
class SzamlaVevo:
    """
    Attributes:
        nev (str):
        cim (SzamlaCim):
        adoszam (str):
        lokacio (int):
        private_person_indicator (bool):
        id (int | Unset):
        azonosito (str | Unset):
        postacim (SzamlaCimposta | Unset):
        email (str | Unset):
        csoportazonosito (str | Unset):
        adoszameu (str | Unset):
        fokonyv (SzamlaFokonyvvevo | Unset):
    """

    nev: str
    cim: SzamlaCim
    adoszam: str
    lokacio: int
    private_person_indicator: bool
    id: int | Unset = UNSET
    azonosito: str | Unset = UNSET
    postacim: SzamlaCimposta | Unset = UNSET
    email: str | Unset = UNSET
    csoportazonosito: str | Unset = UNSET
    adoszameu: str | Unset = UNSET
    fokonyv: SzamlaFokonyvvevo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nev = self.nev

        cim = self.cim.to_dict()

        adoszam = self.adoszam

        lokacio = self.lokacio

        private_person_indicator = self.private_person_indicator

        id = self.id

        azonosito = self.azonosito

        postacim: dict[str, Any] | Unset = UNSET
        if not isinstance(self.postacim, Unset):
            postacim = self.postacim.to_dict()

        email = self.email

        csoportazonosito = self.csoportazonosito

        adoszameu = self.adoszameu

        fokonyv: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fokonyv, Unset):
            fokonyv = self.fokonyv.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nev": nev,
                "cim": cim,
                "adoszam": adoszam,
                "lokacio": lokacio,
                "privatePersonIndicator": private_person_indicator,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if azonosito is not UNSET:
            field_dict["azonosito"] = azonosito
        if postacim is not UNSET:
            field_dict["postacim"] = postacim
        if email is not UNSET:
            field_dict["email"] = email
        if csoportazonosito is not UNSET:
            field_dict["csoportazonosito"] = csoportazonosito
        if adoszameu is not UNSET:
            field_dict["adoszameu"] = adoszameu
        if fokonyv is not UNSET:
            field_dict["fokonyv"] = fokonyv

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.szamla_cim import SzamlaCim  # noqa: PLC0415
        from ..models.szamla_cimposta import SzamlaCimposta  # noqa: PLC0415
        from ..models.szamla_fokonyvvevo import SzamlaFokonyvvevo  # noqa: PLC0415

        d = dict(src_dict)
        nev = d.pop("nev")

        cim = SzamlaCim.from_dict(d.pop("cim"))

        adoszam = d.pop("adoszam")

        lokacio = d.pop("lokacio")

        private_person_indicator = d.pop("privatePersonIndicator")

        id = d.pop("id", UNSET)

        azonosito = d.pop("azonosito", UNSET)

        _postacim = d.pop("postacim", UNSET)
        postacim: SzamlaCimposta | Unset
        if isinstance(_postacim, Unset):
            postacim = UNSET
        else:
            postacim = SzamlaCimposta.from_dict(_postacim)

        email = d.pop("email", UNSET)

        csoportazonosito = d.pop("csoportazonosito", UNSET)

        adoszameu = d.pop("adoszameu", UNSET)

        _fokonyv = d.pop("fokonyv", UNSET)
        fokonyv: SzamlaFokonyvvevo | Unset
        if isinstance(_fokonyv, Unset):
            fokonyv = UNSET
        else:
            fokonyv = SzamlaFokonyvvevo.from_dict(_fokonyv)

        szamla_vevo = cls(
            nev=nev,
            cim=cim,
            adoszam=adoszam,
            lokacio=lokacio,
            private_person_indicator=private_person_indicator,
            id=id,
            azonosito=azonosito,
            postacim=postacim,
            email=email,
            csoportazonosito=csoportazonosito,
            adoszameu=adoszameu,
            fokonyv=fokonyv,
        )

        szamla_vevo.additional_properties = d
        return szamla_vevo

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
