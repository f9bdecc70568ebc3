"""Where a session may send its secrets: checks for URLs that come from an answer, a store or a setting."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

import httpx

__all__ = ["endpoint_problem", "hosts", "is_label", "is_loopback"]

#: A DNS label (RFC 1123): what a setting that becomes part of a host name may hold.
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def is_loopback(host: str) -> bool:
    """``localhost``, 127.0.0.0/8 or ::1 (brackets allowed): a host only this machine can be."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_label(value: str) -> bool:
    return _LABEL.fullmatch(value) is not None


def hosts(values: Iterable[str]) -> frozenset[str]:
    """An allow-list option: host names, compared lower-case."""
    if isinstance(values, str):
        values = [values]
    found = set()
    for value in values:
        if not isinstance(value, str) or not value or "/" in value or ":" in value.strip("[]"):
            raise ValueError(f"a host name is expected (like 'api.bill.com'), not {value!r}")
        found.add(value.lower().rstrip("."))
    return frozenset(found)


def endpoint_problem(endpoint: str, base_url: str, allowed: frozenset[str] = frozenset()) -> str | None:
    """Why a session must not send its secrets to ``endpoint``, an address a provider named (None: it may):
    it must be https (http only on loopback) and on the base URL's host or a host in ``allowed``."""
    try:
        url = httpx.URL(endpoint)
        base = httpx.URL(base_url).host.lower()
    except (httpx.InvalidURL, TypeError, ValueError):
        return "the endpoint is not a valid URL"
    host = url.host.lower().rstrip(".")
    if url.scheme not in {"http", "https"} or not host:
        return "the endpoint is not an absolute http(s) URL"
    if url.scheme == "http" and not is_loopback(host):
        return f"the endpoint on {host} is plain http (https only, except on loopback)"
    if host != base.rstrip(".") and host not in allowed:
        return f"the endpoint's host {host} is neither the base URL's nor one of the allowed hosts"
    return None
