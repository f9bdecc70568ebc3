"""What every store shares: the record type, the store protocol and the in-process locks.

Its own module so that ``stores`` and ``redis_store`` both import it and never each other.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import threading
import weakref
from collections.abc import AsyncIterator, Iterator
from typing import Any, Protocol, runtime_checkable

from billing_sessions.errors import StoreError

Record = dict[str, Any]
NONCE_FIELD = "nonce"
#: How often a waiting asyncio task tries a lock held by a thread or another process (seconds).
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
    own = getattr(store, "key_secret", None)
    if own is not None:
        return bytes(own())
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
    """What the session layer needs from a store. Records are small JSON-able dicts.

    A store may also say ``shared = False`` (only ``MemoryStore`` does): then closing a BILL or
    BillingPlatform session logs it out by default. Any other store is taken as shared by several processes.
    """

    #: True when calls do I/O: the async path then runs them in a worker thread.
    blocking: bool

    def load(self, key: str) -> Record | None: ...

    def save(self, key: str, record: Record) -> None:
        """Replace the session record of ``key`` (the nonce high-water mark is kept)."""

    def delete(self, key: str) -> None:
        """Forget the session of ``key`` (the nonce high-water mark is kept: nonces never go back)."""

    def allocate_nonce(self, key: str, floor: int) -> int:
        """Atomically return ``max(last + 1, floor)`` and remember it as the last nonce of ``key``."""

    def lock(self, key: str, purpose: str) -> contextlib.AbstractContextManager[None]:
        """Exclusive lock for ``key`` across threads (and processes, for shared stores)."""

    def alock(self, key: str, purpose: str) -> contextlib.AbstractAsyncContextManager[None]:
        """The same lock for asyncio tasks; waiting never blocks the event loop.

        A store may also offer ``key_secret() -> bytes``: the random secret its account keys are keyed with,
        the same for every process using the store (without it, one is kept as a record: ``key_secret``)."""


#: Store calls a store may offer as coroutines too (``aload``, ...).
ASYNC_TWINS = frozenset({"load", "save", "delete", "allocate_nonce"})


async def acall(store: Any, name: str, *args: Any) -> Any:
    """``store.<name>(*args)`` from a task without blocking the event loop: the store's own coroutine where it
    has one (``aload`` for ``load``), else a worker thread for a blocking store, else the call itself."""
    twin = getattr(store, f"a{name}", None) if name in ASYNC_TWINS else None
    if twin is not None:
        return await twin(*args)
    call = getattr(store, name)
    if getattr(store, "blocking", True):
        return await asyncio.to_thread(call, *args)
    return call(*args)


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
