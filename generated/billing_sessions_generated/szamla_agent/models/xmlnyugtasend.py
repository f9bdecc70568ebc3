from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xmlnyugtasend_beallitasok import XmlnyugtasendBeallitasok
    from ..models.xmlnyugtasend_email_kuldes import XmlnyugtasendEmailKuldes
    from ..models.xmlnyugtasend_fejlec import XmlnyugtasendFejlec


T = TypeVar("T", bound="Xmlnyugtasend")


@_attrs_define
class Xmlnyugtasend:
    """Request: e-mail a receipt. File part `action-szamla_agent_nyugta_send`.

    Attributes:
        beallitasok (XmlnyugtasendBeallitasok):
        fejlec (XmlnyugtasendFejlec):
        email_kuldes (XmlnyugtasendEmailKuldes | Unset):
    """

    beallitasok: XmlnyugtasendBeallitasok
    fejlec: XmlnyugtasendFejlec
    email_kuldes: XmlnyugtasendEmailKuldes | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        beallitasok = self.beallitasok.to_dict()

        fejlec = self.fejlec.to_dict()

        email_kuldes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.email_kuldes, Unset):
            email_kuldes = self.email_kuldes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "beallitasok": beallitasok,
                "fejlec": fejlec,
            }
        )
        if email_kuldes is not UNSET:
            field_dict["emailKuldes"] = email_kuldes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xmlnyugtasend_beallitasok import XmlnyugtasendBeallitasok  # noqa: PLC0415
        from ..models.xmlnyugtasend_email_kuldes import XmlnyugtasendEmailKuldes  # noqa: PLC0415
        from ..models.xmlnyugtasend_fejlec import XmlnyugtasendFejlec  # noqa: PLC0415

        d = dict(src_dict)
        beallitasok = XmlnyugtasendBeallitasok.from_dict(d.pop("beallitasok"))

        fejlec = XmlnyugtasendFejlec.from_dict(d.pop("fejlec"))

        _email_kuldes = d.pop("emailKuldes", UNSET)
        email_kuldes: XmlnyugtasendEmailKuldes | Unset
        if isinstance(_email_kuldes, Unset):
            email_kuldes = UNSET
        else:
            email_kuldes = XmlnyugtasendEmailKuldes.from_dict(_email_kuldes)

        xmlnyugtasend = cls(
            beallitasok=beallitasok,
            fejlec=fejlec,
            email_kuldes=email_kuldes,
        )

        xmlnyugtasend.additional_properties = d
        return xmlnyugtasend

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
