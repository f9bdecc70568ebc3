from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EntityRecord")


@_attrs_define
class EntityRecord:
    """An entity record as BILL returns it: `entity` (the entity name) and `id`, plus the entity's own fields (e.g. `name`,
    `isActive`, `createdTime`, `updatedTime`), kept as open properties. Assumed: `entity` and `id` are always present.

        Attributes:
            entity (str): The entity name, e.g. `Customer`.
            id (str): The record's BILL id (its prefix depends on the entity, e.g. `0cu` for customers).
    """

    entity: str
    id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entity = self.entity

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entity": entity,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entity = d.pop("entity")

        id = d.pop("id")

        entity_record = cls(
            entity=entity,
            id=id,
        )

        entity_record.additional_properties = d
        return entity_record

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
