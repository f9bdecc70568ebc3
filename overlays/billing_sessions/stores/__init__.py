"""Where sessions live between calls, threads and processes.

A store keeps, per account key (provider + a hash of the credentials, never the credentials):
the session record (token / session id / cookie, when it was made and last used) and the Gestix nonce
high-water mark. It also hands out the locks that make logins single-flight and writes ordered.

- ``MemoryStore``: one process. Locks are in-process (:mod:`billing_sessions.stores.memory`).
- ``FileStore(path)``: many processes on one machine, through one JSON file
  (:mod:`billing_sessions.stores.file`; Gestix nonces: :mod:`billing_sessions.stores.nonce_file`).
- ``RedisStore(url)`` (``pip install 'billing-sessions[redis]'``): many machines. Imported on first use, so
  ``import billing_sessions`` never imports redis. See :mod:`billing_sessions.stores.redis`.
- The protocol a store implements, and its optional abilities: :mod:`billing_sessions.stores.base`.

Every lock is one lock for the threads and the asyncio tasks of a process (and, for the shared stores, for
other processes): a sync ``Session`` and an ``AsyncSession`` sharing a store exclude each other too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from billing_sessions.stores.base import (
    NONCE_FIELD,
    AsyncStore,
    KeyedStore,
    LocalLocks,
    LockTimeout,
    Record,
    SessionStore,
    SharedStore,
    SlotStore,
)
from billing_sessions.stores.memory import MemoryStore

if TYPE_CHECKING:
    from billing_sessions.stores.file import FileStore
    from billing_sessions.stores.redis import RedisStore

__all__ = [
    "NONCE_FIELD",
    "AsyncStore",
    "FileStore",
    "KeyedStore",
    "LocalLocks",
    "LockTimeout",
    "MemoryStore",
    "Record",
    "RedisStore",
    "SessionStore",
    "SharedStore",
    "SlotStore",
]


def __getattr__(name: str) -> Any:
    # RedisStore is imported on first use, so that redis is imported only by those who use it. FileStore too:
    # its lock halves (_async/_sync file_store) import this package, which must not import them back.
    if name == "RedisStore":
        from billing_sessions.stores.redis import RedisStore

        return RedisStore
    if name == "FileStore":
        from billing_sessions.stores.file import FileStore

        return FileStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
