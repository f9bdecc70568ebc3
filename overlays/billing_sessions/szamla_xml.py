"""One XML codec for every Számla Agent model, driven by the layout scripts/regenerate derives from the spec.

``to_xml(model)`` writes the elements in the spec's property order (the XSD sequence), the root in its
namespace; ``from_xml(data)`` recognises the root element and builds the generated model. Nothing here knows
one operation from another. Elements the spec does not know are kept as text (``additional_properties``);
values owned by the session (credentials, answer form) never enter a model: they are passed separately.
"""

from __future__ import annotations

import datetime
import math
import re
import xml.etree.ElementTree as ET
from typing import Any

from billing_sessions.errors import BillingSessionError
from szamla_agent_client import models
from szamla_agent_client.xml_layout import ROOTS, TYPES

__all__ = ["AgentXmlError", "from_xml", "parse_tree", "root_class", "to_xml"]

# field tuple positions (see generated xml_layout.py)
KEY, ELEMENT, KIND, ITEM, CLS, REQUIRED, OWNED, ENUM, LIMITS = range(9)

_CLASSES: dict[str, Any] = {name: getattr(models, name) for name in TYPES}
_BY_ELEMENT = {element: name for name, (element, _ns) in ROOTS.items()}
_BY_CLASS = {cls: name for name, cls in _CLASSES.items()}
_FIELDS = {name: {f[ELEMENT]: f for f in fields} for name, fields in TYPES.items()}
_KEYS = {name: frozenset(f[KEY] for f in fields) for name, fields in TYPES.items()}
_OWNED = frozenset(f[ELEMENT] for fields in TYPES.values() for f in fields if f[OWNED])
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
# A bare ``&`` (not an entity or character reference): the Agent has been seen sending them in URLs.
_BARE_AMP = re.compile(rb"&(?!(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_][\w.-]*);)")
_TRUE = {"true": True, "1": True, "false": False, "0": False}
# An XML element name without a namespace prefix (an ASCII NCName: what the Agent's XSDs use).
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")


class AgentXmlError(BillingSessionError, ValueError):
    """An XML document or model the spec does not allow. ``element`` names the element at fault;
    ``missing`` is True when a required element is absent (the Agent's code 7; else code 57)."""

    def __init__(self, message: str, *, element: str = "", missing: bool = False) -> None:
        super().__init__(f"szamla_agent: {message}", provider="szamla_agent")
        self.element = element
        self.missing = missing


# -- writing


def _text(value: Any, kind: str, element: str) -> str:
    if kind == "bool":
        return "true" if value else "false"
    if kind == "float":
        number = float(value)
        if not math.isfinite(number):
            raise AgentXmlError(f"{element} must be a finite number", element=element)
        return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
    return str(value).translate(_ESCAPE)


def _write(out: list[str], name: str, data: dict[str, Any], owned: dict[str, str]) -> None:
    for field in TYPES[name]:
        key, element, kind = field[KEY], field[ELEMENT], field[KIND]
        if field[OWNED]:
            if key in data:
                raise AgentXmlError(
                    f"{element} is filled in by the session: leave it out of the model", element=element
                )
            value = owned.get(key)
            if value is not None:
                out.append(f"<{element}>{_text(value, kind, element)}</{element}>")
            continue
        value = data.get(key)
        if value is None:
            continue
        if kind == "obj":
            out.append(f"<{element}>")
            _write(out, field[CLS], value, owned)
            out.append(f"</{element}>")
        elif kind in ("list", "many"):
            item, item_kind = field[ITEM]
            if kind == "list":
                out.append(f"<{element}>")
            for entry in value:
                out.append(f"<{item}>")
                if item_kind == "obj":
                    _write(out, field[CLS], entry, owned)
                else:
                    out.append(_text(entry, item_kind, item))
                out.append(f"</{item}>")
            if kind == "list":
                out.append(f"</{element}>")
        else:
            out.append(f"<{element}>{_text(value, kind, element)}</{element}>")
    known = _KEYS[name]
    for key, value in data.items():  # kept unknown elements, after the known ones
        if key not in known:
            if not isinstance(key, str) or not _NAME.fullmatch(key):  # it becomes markup: <key>...</key>
                raise AgentXmlError(f"{key!r} (in additional_properties) is not an XML element name")
            if key in _OWNED:
                raise AgentXmlError(
                    f"{key} is filled in by the session: leave it out of the model", element=key
                )
            out.append(f"<{key}>{_text(value, 'str', key)}</{key}>")


def to_xml(model: Any, owned: dict[str, str] | None = None) -> bytes:
    """The XML document of a generated Számla Agent model (UTF-8, with the XML declaration).

    ``owned``: values of the session-owned elements (``szamlaagentkulcs``, ``felhasznalo``, ``jelszo``,
    ``valaszVerzio``), written where the spec places them; a model carrying one is refused."""
    name = _BY_CLASS.get(type(model))
    if name is None or name not in ROOTS:
        raise AgentXmlError(f"{type(model).__name__} is not a Számla Agent document model")
    element, namespace = ROOTS[name]
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<{element} xmlns="{namespace}">']
    _write(out, name, model.to_dict(), owned or {})
    out.append(f"</{element}>")
    return "".join(out).encode("utf-8")


# -- reading


def parse_tree(data: bytes) -> ET.Element:
    """Parse with expat (no external entities, expansion bombs refused); bare ``&`` are read as text. A
    declared encoding expat cannot read (multi-byte ones such as ``shift_jis``, unknown names) is an
    ``AgentXmlError`` like any unreadable document."""
    try:
        return ET.fromstring(data)  # noqa: S314 - see the docstring
    except ET.ParseError:
        pass
    except (ValueError, LookupError) as exc:  # expat: "multi-byte encodings are not supported", codecs
        raise AgentXmlError(f"the XML declares an encoding that cannot be read ({exc})") from None
    try:
        return ET.fromstring(_BARE_AMP.sub(b"&amp;", data))  # noqa: S314
    except (ET.ParseError, ValueError, LookupError) as exc:
        raise AgentXmlError(f"the XML could not be read ({exc})") from None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _limits(value: Any, limits: tuple[Any, str | None], element: str) -> None:
    """The spec's ``minimum`` and ``pattern``, checked when reading strictly (the sandbox)."""
    minimum, pattern = limits
    if minimum is not None and value < minimum:
        raise AgentXmlError(f"{element} must be at least {minimum}", element=element)
    if pattern is not None and re.fullmatch(pattern.removeprefix("^").removesuffix("$"), value) is None:
        raise AgentXmlError(f"{element} does not match {pattern}", element=element)


def _leaf(text: str, kind: str, enum: tuple[str, ...], element: str) -> Any:
    if kind == "str":
        if enum and text not in enum:
            raise AgentXmlError(f"{element} must be one of {', '.join(enum)}", element=element)
        return text
    text = text.strip()
    try:
        if kind == "int":
            return int(text)
        if kind == "float":
            return float(text)
        if kind == "bool":
            return _TRUE[text]
        datetime.date.fromisoformat(text)  # a date: checked here, parsed by the model
    except (ValueError, KeyError):
        raise AgentXmlError(f"{element} has an invalid value", element=element) from None
    return text


def _read(node: ET.Element, name: str, owned: dict[str, str] | None, strict: bool) -> dict[str, Any]:
    known = _FIELDS[name]
    data: dict[str, Any] = {}
    for child in node:
        if not isinstance(child.tag, str):
            continue  # comments and processing instructions
        element = _local(child.tag)
        field = known.get(element)
        if field is None:
            if len(child) == 0 and element not in data:
                data[element] = child.text or ""  # unknown: kept as text
            continue
        key, kind = field[KEY], field[KIND]
        try:
            if field[OWNED]:
                if owned is not None:
                    owned[key] = (child.text or "").strip()
            elif kind == "obj":
                data[key] = _read(child, field[CLS], owned, strict)
            elif kind in ("list", "many"):
                item, item_kind = field[ITEM]
                entries = child if kind == "list" else [child]
                values = data.setdefault(key, [])
                for entry in entries:
                    if isinstance(entry.tag, str) and _local(entry.tag) == item:
                        if item_kind == "obj":
                            values.append(_read(entry, field[CLS], owned, strict))
                        else:
                            values.append(_leaf(entry.text or "", item_kind, field[ENUM], item))
            elif kind == "str" or (child.text is not None and child.text.strip()):  # empty: absent
                data[key] = _leaf(child.text or "", kind, field[ENUM], element)
                if strict and field[LIMITS] != (None, None):
                    _limits(data[key], field[LIMITS], element)
        except AgentXmlError:
            if strict or field[REQUIRED]:
                raise
    for field in TYPES[name]:
        if field[REQUIRED] and not field[OWNED] and field[KEY] not in data:
            raise AgentXmlError(f"missing element {field[ELEMENT]}", element=field[ELEMENT], missing=True)
    return data


def root_class(data: bytes) -> type[Any] | None:
    """The model class of a document's root element, or None when the spec has no such root."""
    name = _BY_ELEMENT.get(_local(parse_tree(data).tag))
    return None if name is None else _CLASSES[name]


def from_xml(data: bytes | str, *, owned: dict[str, str] | None = None, strict: bool = False) -> Any:
    """The generated model of an Agent XML document (request or answer), recognised by its root element.

    Unknown elements are kept as text; a value that cannot be read is dropped (``strict``: refused) unless
    its element is required. ``owned``: a dict that receives the session-owned values (never the model)."""
    tree = parse_tree(data.encode("utf-8") if isinstance(data, str) else data)
    element = _local(tree.tag)
    name = _BY_ELEMENT.get(element)
    if name is None:
        raise AgentXmlError(f"unknown root element {element}", element=element)
    values = _read(tree, name, owned, strict)
    try:
        return _CLASSES[name].from_dict(values)
    except (TypeError, ValueError, KeyError) as exc:  # e.g. a date the model cannot parse
        raise AgentXmlError(f"{element}: {exc}", element=element) from None
