"""``Registry`` / ``AsyncRegistry``: the session of any of many accounts, on demand (platforms).

``with shops.use(agent_key=merchant.agent_key) as s: s.create_invoice(...)`` opens the account's session
on first use (with the registry's store, retry and telemetry options), reuses it after, and closes it when
it has been idle too long or when more than ``max_open`` sessions are open (least recently used first). A
session is never closed while a ``use`` block holds it: each block counts as one user, and a session past
the bound or its idle time is closed when its last user leaves. Sessions of one registry share one store
(default: one ``MemoryStore``), so a session closed and opened again reuses its login instead of making a
new one. Sessions share connections per host anyway (``pools``): an open session costs a few KB.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Hashable, Iterator
from typing import Any, Generic, TypeVar

import attrs

from billing_sessions.errors import UsageError
from billing_sessions.stores import MemoryStore

__all__ = ["DEFAULT_IDLE", "DEFAULT_MAX_OPEN", "AsyncRegistry", "Registry"]

log = logging.getLogger("billing_sessions")

S = TypeVar("S")
DEFAULT_MAX_OPEN = 1000
DEFAULT_IDLE = 600.0  # seconds


@attrs.define(eq=False)
class _Entry(Generic[S]):
    key: Hashable
    session: S
    users: int = 0
    last_used: float = 0.0


class _Registry(Generic[S]):
    def __init__(
        self,
        session: Callable[..., S],
        *,
        max_open: int = DEFAULT_MAX_OPEN,
        idle: float | None = DEFAULT_IDLE,
        clock: Callable[[], float] = time.monotonic,
        **options: Any,
    ) -> None:
        if not callable(session):
            raise TypeError(f"{type(self).__name__}() needs a session class, e.g. gestix.Session")
        if max_open < 1 or (idle is not None and idle <= 0):
            raise ValueError("max_open must be at least 1 and idle positive (None: no idle closing)")
        if options.get("store") is None:
            # One for all: a session opened again reuses its login. Shared like a FileStore's sessions (the
            # account's next session uses them): closing an idle session must not log the account out.
            store = options["store"] = MemoryStore()
            store.shared = True
        self.session = session
        self.max_open = max_open
        self.idle = idle
        self.clock = clock
        self.options = options
        self._entries: OrderedDict[Hashable, _Entry[S]] = OrderedDict()  # least recently used first
        self._lock = threading.Lock()  # never held while a session is made to talk or closed
        self._closed = False
        self.opened = 0  # sessions opened over the registry's life
        self.closed = 0  # sessions closed (idle, past the bound, or with the registry)

    def __repr__(self) -> str:
        name = getattr(self.session, "__module__", "") + "." + getattr(self.session, "__qualname__", "?")
        open_now = len(self._entries)  # no lock: a repr may be made while it is held
        return f"{type(self).__name__}({name}, open={open_now}, max_open={self.max_open})"

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    @staticmethod
    def _key(account: dict[str, Any]) -> Hashable:
        key = tuple(sorted(account.items()))
        try:
            hash(key)
        except TypeError:
            raise TypeError("the account's arguments must be hashable (strings, numbers)") from None
        return key

    def _acquire(self, account: dict[str, Any]) -> _Entry[S]:
        key = self._key(account)
        with self._lock:
            if self._closed:
                raise UsageError(f"{self!r} is closed: open a new registry")
            entry = self._entries.get(key)
            if entry is None:
                # Made under the lock: two first uses of one account get one session. A constructor only
                # checks its arguments and builds objects (no I/O): the first call logs in.
                entry = self._entries[key] = _Entry(key, self.session(**account, **self.options))
                self.opened += 1
            else:
                self._entries.move_to_end(key)
            entry.users += 1
            return entry

    def _release(self, entry: _Entry[S]) -> list[S]:
        """One user fewer; returns the sessions to close now (idle, past the bound, or all when closed)."""
        with self._lock:
            entry.users -= 1
            entry.last_used = self.clock()
            if entry.key in self._entries:
                self._entries.move_to_end(entry.key)
            return self._victims()

    def _victims(self) -> list[S]:
        now, excess = self.clock(), len(self._entries) - self.max_open
        if self._closed:
            excess = len(self._entries)
        keys = []
        for key, entry in self._entries.items():  # least recently used first; those in use are skipped
            if entry.users:
                continue
            stale = self.idle is not None and now - entry.last_used > self.idle
            if excess <= 0 and not stale:
                break  # the rest were used later still
            keys.append(key)
            excess -= 1
        self.closed += len(keys)
        return [self._entries.pop(key).session for key in keys]

    def _closing(self) -> list[S]:
        with self._lock:
            self._closed = True
            return self._victims()


class Registry(_Registry[S]):
    """``shops = Registry(szamla_agent.Session, store=RedisStore(url), max_open=2000)``, then per request
    ``with shops.use(agent_key=key) as s: ...``. Keyword options other than ``max_open``, ``idle`` (seconds
    unused before a session is closed; ``None``: never) and ``clock`` go to every session."""

    @contextlib.contextmanager
    def use(self, **account: Any) -> Iterator[S]:
        """The session of the account these arguments name (opened now if it is not open)."""
        entry = self._acquire(account)
        try:
            yield entry.session
        finally:
            self._close(self._release(entry))

    def sweep(self) -> int:
        """Close the sessions idle longer than ``idle`` now (``use`` does it too); returns how many."""
        with self._lock:
            victims = self._victims()
        self._close(victims)
        return len(victims)

    def _close(self, sessions: list[S]) -> None:
        for s in sessions:
            try:
                s.close()  # type: ignore[attr-defined]
            except Exception as exc:  # the request that happened to release it must not fail for this
                log.warning("closing an idle session failed (%s)", type(exc).__name__)

    def close(self) -> None:
        """Close every session now; one in use closes when its ``use`` block ends."""
        self._close(self._closing())

    def __enter__(self) -> Registry[S]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncRegistry(_Registry[S]):
    """The asyncio twin: ``async with shops.use(agent_key=key) as s: await s.create_invoice(...)``."""

    @contextlib.asynccontextmanager
    async def use(self, **account: Any) -> AsyncIterator[S]:
        """The session of the account these arguments name (opened now if it is not open)."""
        entry = self._acquire(account)
        try:
            yield entry.session
        finally:
            await asyncio.shield(self._aclose(self._release(entry)))

    async def sweep(self) -> int:
        """Close the sessions idle longer than ``idle`` now (``use`` does it too); returns how many."""
        with self._lock:
            victims = self._victims()
        await self._aclose(victims)
        return len(victims)

    async def _aclose(self, sessions: list[S]) -> None:
        for s in sessions:
            try:
                await s.aclose()  # type: ignore[attr-defined]
            except Exception as exc:
                log.warning("closing an idle session failed (%s)", type(exc).__name__)

    async def aclose(self) -> None:
        """Close every session now; one in use closes when its ``use`` block ends."""
        await self._aclose(self._closing())

    async def __aenter__(self) -> AsyncRegistry[S]:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
