from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.szamla_bank import SzamlaBank
    from ..models.szamla_cim import SzamlaCim


T = TypeVar("T", bound="SzamlaSzallito")


@_attrs_define
class SzamlaSzallito:
    """
    Attributes:
        id (int):
        nev (str):
        cim (SzamlaCim):
        adoszam (str):
        postacim (SzamlaCim | Unset):
        csoportazonosito (str | Unset):
        adoszameu (str | Unset):
        bank (SzamlaBank | Unset):
    """

    id: int
    nev: str
    cim: SzamlaCim
    adoszam: str
    postacim: SzamlaCim | Unset = UNSET
    csoportazonosito: str | Unset = UNSET
    adoszameu: str | Unset = UNSET
    bank: SzamlaBank | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        nev = self.nev

        cim = self.cim.to_dict()

        adoszam = self.adoszam

        postacim: dict[str, Any] | Unset = UNSET
        if not isinstance(self.postacim, Unset):
            postacim = self.postacim.to_dict()

        csoportazonosito = self.csoportazonosito

        adoszameu = self.adoszameu

        bank: dict[str, Any] | Unset = UNSET
        if not isinstance(self.bank, Unset):
            bank = self.bank.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "nev": nev,
                "cim": cim,
                "adoszam": adoszam,
            }
        )
        if postacim is not UNSET:
            field_dict["postacim"] = postacim
        if csoportazonosito is not UNSET:
            field_dict["csoportazonosito"] = csoportazonosito
        if adoszameu is not UNSET:
            field_dict["adoszameu"] = adoszameu
        if bank is not UNSET:
            field_dict["bank"] = bank

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.szamla_bank import SzamlaBank  # noqa: PLC0415
        from ..models.szamla_cim import SzamlaCim  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        nev = d.pop("nev")

        cim = SzamlaCim.from_dict(d.pop("cim"))

        adoszam = d.pop("adoszam")

        _postacim = d.pop("postacim", UNSET)
        postacim: SzamlaCim | Unset
        if isinstance(_postacim, Unset):
            postacim = UNSET
        else:
            postacim = SzamlaCim.from_dict(_postacim)

        csoportazonosito = d.pop("csoportazonosito", UNSET)

        adoszameu = d.pop("adoszameu", UNSET)

        _bank = d.pop("bank", UNSET)
        bank: SzamlaBank | Unset
        if isinstance(_bank, Unset):
            bank = UNSET
        else:
            bank = SzamlaBank.from_dict(_bank)

        szamla_szallito = cls(
            id=id,
            nev=nev,
            cim=cim,
            adoszam=adoszam,
            postacim=postacim,
            csoportazonosito=csoportazonosito,
            adoszameu=adoszameu,
            bank=bank,
        )

        szamla_szallito.additional_properties = d
        return szamla_szallito

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
