"""Reading a JSON answer the way the provider sent it, when the generated parser refuses one of its fields.

Every generated operation builds its answer model with ``answers.tolerant`` (scripts/regenerate): the
generated ``from_dict`` first; when that refuses a field (a missing "required" key, an object where a list
was promised, a date that does not parse), ``model`` below, which the session's transport hands to it,
builds the model field by field instead. A field that does not fit is kept as the provider sent it, a
missing one is UNSET, unknown keys stay in ``additional_properties``, and one WARNING names the field paths
(never their values). A body that is not a JSON object at all stays unreadable (a ``ProviderError``).
"""

from __future__ import annotations

import datetime
import importlib
import logging
import sys
import types
import typing
from typing import Any

import attrs

__all__ = ["PARSE_ERRORS", "model"]

log = logging.getLogger("billing_sessions")

#: What a generated parser raises on a field it cannot read.
PARSE_ERRORS = (KeyError, IndexError, TypeError, ValueError, AttributeError, RecursionError)
_MISS = object()


def model(cls: type[Any], data: dict[str, Any]) -> Any:
    """``cls`` built from ``data`` field by field (see the module docs); one WARNING for what did not fit."""
    problems: list[str] = []
    built = _build(cls, data, cls.__name__, problems)
    if problems:
        log.warning(
            "%s: %d field(s) of a %s answer do not fit the spec and are kept as sent: %s",
            _package(cls).rpartition(".")[2],
            len(problems),
            cls.__name__,
            ", ".join(dict.fromkeys(problems)),
        )
    return built


def _build(cls: type[Any], data: dict[str, Any], path: str, problems: list[str]) -> Any:
    try:
        return cls.from_dict(data)
    except PARSE_ERRORS:
        pass
    fields = {_plain(f.name): f for f in attrs.fields(cls) if f.init}
    hints = _hints(cls)
    arguments: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    for key, value in data.items():
        found = fields.get(_plain(key))
        if found is None:
            rest[key] = value
        else:
            arguments[found.name] = _convert(hints.get(found.name, Any), value, f"{path}.{key}", problems)
    unset = _unset(cls)
    for found in fields.values():
        if found.name not in arguments and found.default is attrs.NOTHING:
            arguments[found.name] = unset  # a "required" field the provider did not send: absent
    built = cls(**arguments)
    if hasattr(built, "additional_properties"):
        built.additional_properties = rest
    return built


def _convert(hint: Any, value: Any, path: str, problems: list[str]) -> Any:
    if value is None:
        return None
    for option in _options(hint):
        fitted = _fit(option, value, path, problems)
        if fitted is not _MISS:
            return fitted
    problems.append(path)
    return value  # kept as sent


def _fit(option: Any, value: Any, path: str, problems: list[str]) -> Any:
    origin = typing.get_origin(option)
    if option is Any:
        return value
    if origin is typing.Literal:
        return value if value in typing.get_args(option) else _MISS
    if origin is list:
        if not isinstance(value, list):
            return _MISS
        (item,) = typing.get_args(option) or (Any,)
        return [_convert(item, v, f"{path}[{i}]", problems) for i, v in enumerate(value)]
    if origin is dict:
        return value if isinstance(value, dict) else _MISS
    if not isinstance(option, type):
        return value
    if attrs.has(option) and hasattr(option, "from_dict"):
        return _build(option, value, path, problems) if isinstance(value, dict) else _MISS
    if option is datetime.datetime or option is datetime.date:
        if not isinstance(value, str):
            return _MISS
        try:
            parsed = datetime.datetime.fromisoformat(value)
        except ValueError:
            return _MISS
        return parsed if option is datetime.datetime else parsed.date()
    if option is bool:
        return value if isinstance(value, bool) else _MISS
    if option is int or option is float:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return value if number and (option is float or isinstance(value, int)) else _MISS
    return value if isinstance(value, option) else _MISS


def _options(hint: Any) -> list[Any]:
    """The members of a union, without ``Unset`` and ``None`` (both handled apart)."""
    union = typing.get_origin(hint) in (typing.Union, types.UnionType)
    members = typing.get_args(hint) if union else (hint,)
    return [m for m in members if m is not type(None) and getattr(m, "__name__", "") != "Unset"]


def _plain(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def _package(cls: type[Any]) -> str:
    """The generated client package of a model class (``billing_sessions_generated.gestix``)."""
    return cls.__module__.partition(".models")[0]


def _unset(cls: type[Any]) -> Any:
    """The ``UNSET`` of the generated package ``cls`` belongs to (each package has its own)."""
    return importlib.import_module(f"{_package(cls)}.types").UNSET


_HINTS: dict[type[Any], dict[str, Any]] = {}


def _hints(cls: type[Any]) -> dict[str, Any]:
    """The field types of a generated model; names imported only for type checking come from its package's
    ``models``. Nothing resolvable: every field is kept as sent."""
    found = _HINTS.get(cls)
    if found is None:
        namespace = {
            **vars(importlib.import_module(f"{_package(cls)}.models")),
            **vars(sys.modules[cls.__module__]),
        }
        try:
            found = typing.get_type_hints(cls, globalns=namespace)
        except Exception:  # a hint that does not resolve costs only the conversion
            found = {}
        _HINTS[cls] = found
    return found
