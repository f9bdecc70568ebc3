"""What every store shares: the record type, the store protocol and the in-process locks.

Its own module so that every store module imports it and never another store module.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import os
import secrets
import threading
import weakref
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import attrs

from billing_sessions.errors import StoreError

__all__ = [
    "MAX_NONCE",
    "NONCE_FIELD",
    "POLL_INTERVAL",
    "PROCESS_SECRET",
    "SECRET_RECORD",
    "AsyncStore",
    "Capabilities",
    "KeyedStore",
    "LocalLocks",
    "LockTimeout",
    "Record",
    "SessionStore",
    "SharedStore",
    "SlotStore",
    "fsync_directory",
    "key_secret",
    "takes_ttl",
]

Record = dict[str, Any]
NONCE_FIELD = "nonce"
#: How often a waiting asyncio task tries a lock or an in-flight slot held by a thread or another process
#: (seconds): a thread cannot wake a task safely, so the task polls.
POLL_INTERVAL = 0.005


#: The key secret of this process's in-memory keys (``MemoryStore``, in-flight limits, login guards): account
#: keys are HMACs of the credentials under a store's secret, never a plain hash (see ``core.account_key``).
PROCESS_SECRET = secrets.token_bytes(32)
#: The record under which a store without its own ``key_secret()`` keeps one (see ``key_secret``).
SECRET_RECORD = "billing-sessions:key-secret"  # noqa: S105 - a record name, not a secret


def key_secret(store: Any) -> bytes:
    """The random secret account keys of ``store`` are keyed with: the store's own ``key_secret()`` where it
    has one (FileStore: a 0600 file beside it; RedisStore: a key set with ``SET NX``; MemoryStore: this
    process's), else one kept as a record of the store itself, made once under its lock."""
    if isinstance(store, KeyedStore):
        return bytes(store.key_secret())
    with store.lock(SECRET_RECORD, "login"):
        record = store.load(SECRET_RECORD) or {}
        value = record.get("secret")
        if isinstance(value, str) and len(value) == 64:
            with contextlib.suppress(ValueError):
                return bytes.fromhex(value)
        made = secrets.token_bytes(32)
        store.save(SECRET_RECORD, {"secret": made.hex()})
        return made


#: The largest nonce Gestix accepts (int64); a stored nonce at or above it is damage.
MAX_NONCE = 2**63 - 1


class LockTimeout(StoreError, TimeoutError):
    """A store lock was not free in time (also a ``TimeoutError``)."""


@runtime_checkable
class SessionStore(Protocol):
    """What a store must offer: the protocol ``MemoryStore``, ``FileStore`` and ``RedisStore`` implement, and
    the one a store of your own (a database, a secrets manager) implements to be passed as ``store=``.

    Keys are strings (``<provider>:<32 hex digits>``, never a credential; treat them as opaque). Records are
    small dicts of JSON values (a session: its token, when it was made and last used; a BILL v3 MFA trust
    under its own key), read back equal to what was saved. Three things per key: the record, the nonce
    high-water mark (Gestix) and locks by purpose (``"login"``, ``"write"``, ``"resolve"``).

    A store's exception that is not one of this package's becomes a ``StoreError`` naming the store and the
    call, the original error as its cause. Optional abilities are declared by the smaller protocols below
    (``SharedStore``, ``KeyedStore``, ``AsyncStore``, ``SlotStore``); a store that has none of them works.
    """

    #: True when calls do I/O: an ``AsyncSession`` then runs them in a worker thread (unless ``AsyncStore``).
    blocking: bool

    def load(self, key: str) -> Record | None:
        """The record saved under ``key``, or None (never saved, deleted, or expired)."""

    def save(self, key: str, record: Record) -> None:
        """Replace the record of ``key`` (the nonce high-water mark is kept).

        A store that can expire records takes a third parameter, ``ttl: float | None = None`` (found by its
        name): the seconds the record is still of use after this save (the session's idle lifetime, its own
        ``idle_timeout=``; an MFA trust's rest of 30 days); None: until replaced or deleted. It should drop
        the record after that. A store without the parameter is called without it and keeps records until
        they are replaced: the session checks a record's age itself."""

    def delete(self, key: str) -> None:
        """Forget the record of ``key``; nothing to forget is no error. The nonce high-water mark is kept:
        nonces never go back."""

    def allocate_nonce(self, key: str, floor: int) -> int:
        """Atomically return ``max(last + 1, floor)`` and remember it as the last nonce of ``key`` (start at
        0: the first is ``max(1, floor)``). Called under ``lock(key, "write")``; across processes for a
        shared store: never the same number twice for one key."""

    def lock(self, key: str, purpose: str) -> contextlib.AbstractContextManager[None]:
        """An exclusive lock on (``key``, ``purpose``) across threads and, for a shared store, processes;
        held across network calls (a login, a write until it is sent). Not re-entrant. A lock not free in
        time should raise ``LockTimeout``."""

    def alock(self, key: str, purpose: str) -> contextlib.AbstractAsyncContextManager[None]:
        """The same lock for asyncio tasks (a thread and a task never hold it at once); waiting never blocks
        the event loop. ``LocalLocks.ahold`` (with polling for a cross-process lock) is one way."""


@runtime_checkable
class SharedStore(Protocol):
    """A store that says whether other processes use its sessions. ``shared = False`` (``MemoryStore``):
    closing a BILL or BillingPlatform session logs it out by default. A store that does not say is shared."""

    shared: bool


@runtime_checkable
class KeyedStore(Protocol):
    """A store that keeps its own key secret (``FileStore``: a 0600 file; ``RedisStore``: a key set once).
    Without it, one is kept as a record of the store (``key_secret``)."""

    def key_secret(self) -> bytes:
        """32 random bytes, the same for every process using the store, made once."""


@runtime_checkable
class AsyncStore(Protocol):
    """A store with coroutine twins of the record and nonce calls: an ``AsyncSession`` awaits them instead of
    running the blocking calls in a worker thread (``RedisStore``: ``redis.asyncio``)."""

    async def aload(self, key: str) -> Record | None: ...

    async def asave(self, key: str, record: Record) -> None:
        """``save``'s twin; it takes ``ttl`` where ``save`` does."""

    async def adelete(self, key: str) -> None: ...

    async def aallocate_nonce(self, key: str, floor: int) -> int: ...


@runtime_checkable
class SlotStore(Protocol):
    """A store that takes the write lock and allocates the nonce together (``RedisStore``: one round trip);
    without it, a write slot is ``lock(key, "write")`` then ``allocate_nonce`` (``ordering.write_slot``)."""

    def write_slot(self, key: str, floor: int) -> contextlib.AbstractContextManager[int]: ...

    def awrite_slot(self, key: str, floor: int) -> contextlib.AbstractAsyncContextManager[int]: ...


@attrs.frozen
class Capabilities:
    """What a store offers beyond ``SessionStore``, found once per store (runtime protocol checks are
    slow)."""

    shared: bool
    keyed: bool
    asynchronous: bool
    slots: bool
    ttl: bool  # its save takes ttl= (see ``SessionStore.save``)

    @classmethod
    def of(cls, store: object) -> Capabilities:
        return cls(
            shared=store.shared if isinstance(store, SharedStore) else True,
            keyed=isinstance(store, KeyedStore),
            asynchronous=isinstance(store, AsyncStore),
            slots=isinstance(store, SlotStore),
            ttl=takes_ttl(getattr(store, "save", None)),
        )


def takes_ttl(call: object) -> bool:
    """Does ``call`` take a ``ttl`` argument (by name, or any keyword)?"""
    try:
        params = inspect.signature(call).parameters  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
    return "ttl" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())


def fsync_directory(directory: Path, *, best_effort: bool = False) -> None:
    """Make a rename or a new file's name in ``directory`` durable (power loss). ``best_effort``: where only
    power-loss safety is at stake (a replaced store file), a failure is ignored."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError:
        if not best_effort:
            raise


class LocalLocks:
    """In-process locks by name, one per name for threads and tasks alike.

    A thread waits on the name's ``threading.Lock``. A task first queues on an ``asyncio.Lock`` of its loop
    (one per loop: an ``asyncio.Lock`` binds to the loop that first waits on it), then takes the same
    ``threading.Lock`` without blocking the loop: so a thread and a task never hold one name at once.
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._threads: dict[str, threading.Lock] = {}
        self._tasks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, asyncio.Lock]] = (
            weakref.WeakKeyDictionary()
        )

    # Taken on every write: a plain lookup first; the guard (and a new lock object) only for a new name.
    def thread_lock(self, name: str) -> threading.Lock:
        lock = self._threads.get(name)
        if lock is None:
            with self._guard:
                lock = self._threads.setdefault(name, threading.Lock())
        return lock

    def task_lock(self, name: str) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        lock = self._tasks.get(loop, {}).get(name)
        if lock is None:
            with self._guard:
                lock = self._tasks.setdefault(loop, {}).setdefault(name, asyncio.Lock())
        return lock

    @contextlib.contextmanager
    def hold(self, name: str) -> Iterator[None]:
        with self.thread_lock(name):
            yield

    @contextlib.asynccontextmanager
    async def ahold(self, name: str) -> AsyncIterator[None]:
        async with self.task_lock(name):
            lock = self.thread_lock(name)
            # Held by a thread of this process: try again soon (a thread cannot set an asyncio.Event safely).
            while not lock.acquire(blocking=False):  # noqa: ASYNC110
                await asyncio.sleep(POLL_INTERVAL)
            try:
                yield
            finally:
                lock.release()
