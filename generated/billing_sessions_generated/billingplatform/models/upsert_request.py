from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.record import Record


T = TypeVar("T", bound="UpsertRequest")


@_attrs_define
class UpsertRequest:
    """Body of the upsert call: the records under `brmObjects` and the name of the field used to match existing records
    (assumed form).

        Attributes:
            brm_objects (list[Record] | Record): One record or an array of records to write.
            external_id_field_name (str): API name of the entity field that identifies a record externally.
    """

    brm_objects: list[Record] | Record
    external_id_field_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        brm_objects: dict[str, Any] | list[dict[str, Any]]
        if isinstance(self.brm_objects, list):
            brm_objects = []
            for componentsschemasbrm_objects_type_0_item_data in self.brm_objects:
                componentsschemasbrm_objects_type_0_item = (
                    componentsschemasbrm_objects_type_0_item_data.to_dict()
                )
                brm_objects.append(componentsschemasbrm_objects_type_0_item)

        else:
            brm_objects = self.brm_objects.to_dict()

        external_id_field_name = self.external_id_field_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "brmObjects": brm_objects,
                "externalIDFieldName": external_id_field_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.record import Record  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_brm_objects(data: object) -> list[Record] | Record:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemasbrm_objects_type_0 = []
                _componentsschemasbrm_objects_type_0 = data
                for (
                    componentsschemasbrm_objects_type_0_item_data
                ) in _componentsschemasbrm_objects_type_0:
                    componentsschemasbrm_objects_type_0_item = Record.from_dict(
                        componentsschemasbrm_objects_type_0_item_data
                    )

                    componentsschemasbrm_objects_type_0.append(
                        componentsschemasbrm_objects_type_0_item
                    )

                return componentsschemasbrm_objects_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemasbrm_objects_type_1 = Record.from_dict(data)

            return componentsschemasbrm_objects_type_1

        brm_objects = _parse_brm_objects(d.pop("brmObjects"))

        external_id_field_name = d.pop("externalIDFieldName")

        upsert_request = cls(
            brm_objects=brm_objects,
            external_id_field_name=external_id_field_name,
        )

        upsert_request.additional_properties = d
        return upsert_request

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
