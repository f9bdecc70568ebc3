"""``MemoryStore``: sessions for one process (the default store)."""

from __future__ import annotations

import contextlib
import threading

from billing_sessions.stores.base import PROCESS_SECRET, LocalLocks, Record

__all__ = ["MemoryStore"]


class MemoryStore:
    """Sessions for one process (the default)."""

    blocking = False
    shared = False  # one process: closing a session may log it out

    def __init__(self) -> None:
        self._data: dict[str, Record] = {}
        self._nonces: dict[str, int] = {}
        self._guard = threading.Lock()
        self._locks = LocalLocks()

    def __repr__(self) -> str:
        return f"MemoryStore(accounts={len(self._data)})"

    def key_secret(self) -> bytes:
        """This process's secret: a MemoryStore lives and dies with the process."""
        return PROCESS_SECRET

    def load(self, key: str) -> Record | None:
        record = self._data.get(key)
        return dict(record) if record is not None else None

    def save(self, key: str, record: Record) -> None:  # no ttl: the session checks a record's age itself
        self._data[key] = dict(record)

    def delete(self, key: str) -> None:
        self._data.pop(key, None)

    def allocate_nonce(self, key: str, floor: int) -> int:
        with self._guard:
            nonce = max(self._nonces.get(key, 0) + 1, floor)
            self._nonces[key] = nonce
            return nonce

    def lock(self, key: str, purpose: str) -> contextlib.AbstractContextManager[None]:
        return self._locks.hold(f"{purpose}:{key}")

    def alock(self, key: str, purpose: str) -> contextlib.AbstractAsyncContextManager[None]:
        return self._locks.ahold(f"{purpose}:{key}")
