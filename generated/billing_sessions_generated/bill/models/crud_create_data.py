from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.entity_record_input import EntityRecordInput


T = TypeVar("T", bound="CrudCreateData")


@_attrs_define
class CrudCreateData:
    """The JSON document inside the `data` form field of a create call (sent as a string).

    Attributes:
        obj (EntityRecordInput): A new entity record: `entity` (the entity name, as in the path) plus the entity's own
            fields, which depend on the entity.
    """

    obj: EntityRecordInput
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        obj = self.obj.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "obj": obj,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entity_record_input import EntityRecordInput  # noqa: PLC0415

        d = dict(src_dict)
        obj = EntityRecordInput.from_dict(d.pop("obj"))

        crud_create_data = cls(
            obj=obj,
        )

        crud_create_data.additional_properties = d
        return crud_create_data

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
