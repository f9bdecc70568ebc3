"""Connection pools shared by every session of the process: one bounded pool per host and settings.

A session (and its login client) used to build its own httpx transport: its own TLS context (~50 ms and
~850 KB each) and its own connection pool (a descriptor per account, at least). A platform with ten thousand
accounts on one host needs neither: requests of every account on that host go through one pool, keyed by
(kind, origin, transport settings[, event loop]), with one TLS context per TLS settings. Only connections
are shared: cookies, tokens and locks stay with each session's own client and auth, above the transport.

Each host's pool is split into ``SHARDS`` httpx transports; an account's requests (logins too) always go
through the same one (``shard``): httpcore's pool does work per waiting request for every connection it
holds, and one pool of 100 connections under 100 concurrent requests was measured several times slower
than a few smaller ones.

A pool is counted by the transports that lease it and closed when the last one is closed, so every
descriptor comes back once the sessions are closed. Async pools are per event loop (their connections
belong to the loop that opened them).
"""

from __future__ import annotations

import asyncio
import os
import ssl
import threading
import zlib
from typing import Any

import attrs
import httpx

__all__ = [
    "SHARDS",
    "TLS_OPTIONS",
    "Origin",
    "generation",
    "give_back",
    "lease",
    "open_pools",
    "origin",
    "shard",
]

#: Settings that make the TLS context (``http2`` too: httpcore sets ALPN on the context it is given).
TLS_OPTIONS = ("verify", "cert", "trust_env", "http2")

Origin = tuple[str, str, int | None]
#: Transports per host and settings; with the sessions' default limits (64 each) at most 256 connections.
SHARDS = 4


@attrs.define(eq=False)
class _Pool:
    transport: httpx.BaseTransport | httpx.AsyncBaseTransport
    settings: dict[str, Any]  # kept: a value keyed by id() must stay alive as long as its key
    users: int = 0


_guard = threading.Lock()
_pools: dict[tuple[Any, ...], _Pool] = {}
_contexts: dict[tuple[Any, ...], tuple[ssl.SSLContext, dict[str, Any]]] = {}


#: Bumped in a forked child, which must not use its parent's connections (gunicorn --preload, Celery):
#: transports that leased a pool before the fork lease a new one on their next request.
generation = 0


def _forked() -> None:
    global generation
    _pools.clear()  # dropped, not closed: closing would end the parent's TLS streams too
    generation += 1


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forked)


def _frozen(value: Any) -> Any:
    """A hashable stand-in for a setting: the value itself, a Limits' numbers, or its identity."""
    if isinstance(value, httpx.Limits):
        return ("limits", value.max_connections, value.max_keepalive_connections, value.keepalive_expiry)
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    try:
        hash(value)
    except TypeError:
        return ("id", id(value))
    return value


def _key(settings: dict[str, Any], names: Any = None) -> tuple[Any, ...]:
    return tuple(sorted((k, _frozen(v)) for k, v in settings.items() if names is None or k in names))


def origin(url: httpx.URL) -> Origin:
    return (url.scheme, url.host, url.port)


def _tls(settings: dict[str, Any]) -> dict[str, Any]:
    """The settings with one TLS context per TLS settings in place of verify/cert/trust_env."""
    if isinstance(settings.get("verify"), ssl.SSLContext) and "cert" not in settings:
        return settings  # the caller's own context: already shared by whoever made it
    key = _key(settings, TLS_OPTIONS)
    found = _contexts.get(key)
    if found is None:
        tls = {k: settings[k] for k in ("verify", "cert", "trust_env") if k in settings}
        found = _contexts[key] = (httpx.create_ssl_context(**tls), settings)
    rest = {k: v for k, v in settings.items() if k not in ("verify", "cert", "trust_env")}
    return {**rest, "verify": found[0]}


def _loop() -> asyncio.AbstractEventLoop:
    return asyncio.get_running_loop()


def shard(account: str) -> int:
    """The shard of an account's requests (stable across processes)."""
    return zlib.crc32(account.encode()) % SHARDS


def lease(
    asynchronous: bool, where: Origin, settings: dict[str, Any], shard: int = 0
) -> tuple[tuple[Any, ...], httpx.BaseTransport | httpx.AsyncBaseTransport]:
    """The shared transport for ``where`` with ``settings`` (made on first use); give it back with
    :func:`give_back` and the key returned."""
    loop = id(_loop()) if asynchronous else None
    key = (asynchronous, loop, where, _key(settings), shard % SHARDS)
    with _guard:
        pool = _pools.get(key)
        if pool is None:
            args = _tls(settings)
            kind = httpx.AsyncHTTPTransport if asynchronous else httpx.HTTPTransport
            pool = _pools[key] = _Pool(kind(**args), settings)
        pool.users += 1
        return key, pool.transport


def give_back(key: tuple[Any, ...]) -> httpx.BaseTransport | httpx.AsyncBaseTransport | None:
    """One user fewer; returns the transport to close when it was the last one."""
    with _guard:
        pool = _pools.get(key)
        if pool is None:
            return None
        pool.users -= 1
        if pool.users > 0:
            return None
        del _pools[key]
        return pool.transport


def open_pools() -> int:
    """How many shared pools are open (tests and benchmarks)."""
    with _guard:
        return len(_pools)
