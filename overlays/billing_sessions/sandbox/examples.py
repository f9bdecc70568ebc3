"""The providers' specs as shipped in ``billing_sessions_generated.sandbox_models``, and the response examples
they carry."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

from billing_sessions.providers import PROVIDERS as REGISTRY

__all__ = ["PROVIDERS", "example", "header_examples", "response", "spec"]

PROVIDERS = tuple(REGISTRY)


@functools.cache
def spec(provider: str) -> dict[str, Any]:
    if provider not in PROVIDERS:
        raise ValueError(f"unknown provider {provider!r}; expected one of {', '.join(PROVIDERS)}")
    text = (
        resources.files("billing_sessions_generated.sandbox_models")
        .joinpath("specs", f"{provider}.yaml")
        .read_text("utf-8")
    )
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def _resolve(provider: str, node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec(provider)
        for part in str(node["$ref"])[2:].split("/"):
            target = target[part]
        node = target
    return node


def response(provider: str, path: str, method: str, status: int | str) -> dict[str, Any]:
    """The response object (``$ref`` resolved) documented for an operation and status."""
    operation = spec(provider)["paths"][path][method.lower()]
    resolved: dict[str, Any] = _resolve(provider, operation["responses"][str(status)])
    return resolved


def example(
    provider: str, path: str, method: str, status: int | str = 200, media_type: str | None = None
) -> Any:
    """The ``example`` of a documented response (first media type unless one is named)."""
    content: dict[str, Any] = response(provider, path, method, status).get("content", {})
    if not content:
        raise KeyError(f"{method.upper()} {path} {status} documents no body")
    media = content[media_type] if media_type else next(iter(content.values()))
    if "example" in media:
        return media["example"]
    named = media.get("examples", {})
    if named:
        return _resolve(provider, next(iter(named.values())))["value"]
    raise KeyError(f"{method.upper()} {path} {status} has no example")


def header_examples(provider: str, path: str, method: str, status: int | str = 200) -> dict[str, str]:
    """Example values of the response headers documented for an operation and status."""
    out: dict[str, str] = {}
    for name, header in response(provider, path, method, status).get("headers", {}).items():
        resolved = _resolve(provider, header)
        value = resolved.get("example", resolved.get("schema", {}).get("example"))
        if value is not None:
            out[name] = str(value)
    return out
