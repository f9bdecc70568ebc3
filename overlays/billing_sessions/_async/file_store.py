"""``FileStore``'s locks, written once: ``_sync/file_store.py`` is generated from this file
(``scripts/make_sync``); the lock files' rules are in ``billing_sessions.stores._file``. Only the locks: the
records and nonces are blocking file I/O with no asyncio twin to write (an ``AsyncSession`` runs them in a
worker thread), so they stay in ``stores/file.py``."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from billing_sessions.stores._file import FileLocksBase, _short
from billing_sessions.stores._sides import async_sleep
from billing_sessions.stores.base import LockTimeout


class AsyncFileLocks(FileLocksBase):
    """One side's half of ``FileStore``'s locks: every name differs from its generated twin's, since
    ``FileStore`` inherits both."""

    @asynccontextmanager
    async def _alocked(self, name: str) -> AsyncIterator[None]:
        async with self._locks.ahold(name):
            with self._errors(f"the {name} lock"):
                lock = self._file_lock(name)
            deadline = time.monotonic() + self._lock_timeout
            while True:
                try:
                    with self._errors(f"the {name} lock"):
                        lock.acquire(blocking=False)  # never a blocking flock: a task must not block its loop
                    break
                except LockTimeout:
                    if time.monotonic() >= deadline:
                        raise
                    await async_sleep(self._poll_interval)
            try:
                yield
            finally:
                lock.release()

    def alock(self, key: str, purpose: str) -> AbstractAsyncContextManager[None]:
        return self._alocked(f"{purpose}-{_short(key)}")
