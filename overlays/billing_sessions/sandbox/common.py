"""Small helpers shared by the provider modules."""

from __future__ import annotations

import asyncio
import json
import typing
from datetime import UTC, datetime
from typing import Any, TypeVar

from pydantic import BaseModel, RootModel, ValidationError
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from billing_sessions.sandbox.state import SandboxState

__all__ = [
    "INT64",
    "BodyError",
    "NotAllowed",
    "iso_now",
    "json_response",
    "login_delay",
    "parse_json",
    "pdf_bytes",
    "pdf_response",
    "validate_json",
]


class NotAllowed:
    """ASGI endpoint that answers 405 to every method: a ``Route`` holding it (no ``methods``) matches any
    method, so a fixed path can refuse what a templated route after it would otherwise take."""

    def __init__(self, response: Response) -> None:
        self.response = response

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.response(scope, receive, send)


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    if isinstance(body, BaseModel):
        body = body.model_dump(mode="json", by_alias=True, exclude_none=True)
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    return Response(raw, status_code=status, media_type="application/json", headers=headers)


def pdf_bytes(title: str) -> bytes:
    """A tiny but well-formed one-page PDF whose text is ``title``."""
    text = title.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1", "replace")
    stream = b"BT /F1 12 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += str(number).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objects) + 1).encode() + b"\n0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += b"trailer\n<< /Size " + str(len(objects) + 1).encode() + b" /Root 1 0 R >>\n"
    out += b"startxref\n" + str(xref).encode() + b"\n%%EOF\n"
    return bytes(out)


def pdf_response(title: str, headers: dict[str, str] | None = None, status: int = 200) -> Response:
    return Response(pdf_bytes(title), status_code=status, media_type="application/pdf", headers=headers)


def iso_now(state: SandboxState) -> str:
    """The sandbox's (offset) time as ``2024-11-15T10:30:00Z``."""
    return datetime.fromtimestamp(state.wall(), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


async def login_delay(state: SandboxState) -> None:
    """What each login attempt costs (``SandboxConfig.login_delay``; benchmarks)."""
    delay = state.config.login_delay
    if delay > 0:
        await asyncio.sleep(delay)


def parse_json(raw: bytes) -> Any:
    """The parsed JSON body, or ``None`` when it is not JSON."""
    try:
        return json.loads(raw) if raw else None
    except (ValueError, UnicodeDecodeError):
        return None


Model = TypeVar("Model", bound=BaseModel)
INT64 = (-(2**63), 2**63 - 1)


class BodyError(ValueError):
    """A request body that does not match its schema; the message names the place, never the value."""


def _models(annotation: Any) -> list[type[BaseModel]]:
    """The (non-root) models an annotation can hold, looking through unions, lists and root models."""
    if isinstance(annotation, type) and issubclass(annotation, RootModel):
        return _models(annotation.model_fields["root"].annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def _is_int(annotation: Any) -> bool:
    return annotation is int or int in typing.get_args(annotation)


def _problem_at(annotation: Any, value: Any, where: str) -> str | None:
    """What pydantic would let through but the spec forbids: an explicit ``null`` for a declared property (no
    spec property is nullable) or an integer outside int64 (every integer in the request bodies is int64)."""
    if isinstance(value, list):
        problems = (_problem_at(annotation, v, f"{where}[{i}]") for i, v in enumerate(value))
        return next((p for p in problems if p), None)
    if not isinstance(value, dict):
        return None
    for model in _models(annotation):
        for name, info in model.model_fields.items():
            key = info.alias or name
            if key not in value:
                continue
            item = value[key]
            if item is None:
                return f"{where}.{key}: must not be null"
            if _is_int(info.annotation) and isinstance(item, int) and not INT64[0] <= item <= INT64[1]:
                return f"{where}.{key}: out of the int64 range"
            found = _problem_at(info.annotation, item, f"{where}.{key}")
            if found:
                return found
    return None


def validate_json(model: type[Model], raw: bytes | str, where: str = "body") -> Model:
    """``raw`` validated against a generated model as the spec means it: JSON types strictly, no ``null``
    for a declared property (pydantic takes ``None`` for an optional field), int64 bounds."""
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise BodyError(f"{where}: not valid JSON") from None
    problem = _problem_at(model, data, where)
    if problem:
        raise BodyError(problem)
    try:
        return model.model_validate_json(raw, strict=True)
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join([where, *(str(p) for p in first["loc"])])
        raise BodyError(f"{place}: {first['msg']}") from None
