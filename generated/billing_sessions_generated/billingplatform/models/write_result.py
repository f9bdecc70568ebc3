from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WriteResult")


@_attrs_define
class WriteResult:
    """The result for one submitted record, in submission order (assumed form). `ErrorCode` `"0"`: done, `Id` is the
    record's id. Otherwise `ErrorText` holds the reason and `ErrorElementField` the offending field.

        Attributes:
            error_code (str): `"0"` on success; any other value is a failure for this record.
            error_text (list[str] | str | Unset): Error text of a result. Assumed: either a string (`" "` when there is no
                error) or an array of messages (`[]` in the documented login answer); accept both.
            id (str | Unset): The id of the created or changed record.
            error_element_field (str | Unset): The field the error refers to (`" "` when none).
    """

    error_code: str
    error_text: list[str] | str | Unset = UNSET
    id: str | Unset = UNSET
    error_element_field: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error_code = self.error_code

        error_text: list[str] | str | Unset
        if isinstance(self.error_text, Unset):
            error_text = UNSET
        elif isinstance(self.error_text, list):
            error_text = self.error_text

        else:
            error_text = self.error_text

        id = self.id

        error_element_field = self.error_element_field

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ErrorCode": error_code,
            }
        )
        if error_text is not UNSET:
            field_dict["ErrorText"] = error_text
        if id is not UNSET:
            field_dict["Id"] = id
        if error_element_field is not UNSET:
            field_dict["ErrorElementField"] = error_element_field

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error_code = d.pop("ErrorCode")

        def _parse_error_text(data: object) -> list[str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemaserror_messages_type_0 = cast(list[str], data)

                return componentsschemaserror_messages_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str | Unset, data)

        error_text = _parse_error_text(d.pop("ErrorText", UNSET))

        id = d.pop("Id", UNSET)

        error_element_field = d.pop("ErrorElementField", UNSET)

        write_result = cls(
            error_code=error_code,
            error_text=error_text,
            id=id,
            error_element_field=error_element_field,
        )

        write_result.additional_properties = d
        return write_result

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
