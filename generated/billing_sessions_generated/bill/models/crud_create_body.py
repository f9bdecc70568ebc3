from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CrudCreateBody")


@_attrs_define
class CrudCreateBody:
    """Form fields of `POST /Crud/Create/{entity}.json`.

    Attributes:
        data (str): A JSON document encoded as a string: `{"obj": {"entity": "<entity name>", ...}}` (see
            `crudCreateData`).
    """

    data: str

    def to_dict(self) -> dict[str, Any]:
        data = self.data

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        data = d.pop("data")

        crud_create_body = cls(
            data=data,
        )

        return crud_create_body
