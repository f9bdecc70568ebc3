# Generated from _async/file_store.py by scripts/make_sync: edit that file, not this one.
"""``FileStore``'s locks, written once: ``_sync/file_store.py`` is generated from this file
(``scripts/make_sync``); the lock files' rules are in ``billing_sessions.stores._file``. Only the locks: the
records and nonces are blocking file I/O with no asyncio twin to write (an ``AsyncSession`` runs them in a
worker thread), so they stay in ``stores/file.py``."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

from billing_sessions.stores._file import FileLocksBase, _short
from billing_sessions.stores._sides import sleep
from billing_sessions.stores.base import LockTimeout


class SyncFileLocks(FileLocksBase):
    """One side's half of ``FileStore``'s locks: every name differs from its generated twin's, since
    ``FileStore`` inherits both."""

    @contextmanager
    def _locked(self, name: str) -> Iterator[None]:
        with self._locks.hold(name):
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
                    sleep(self._poll_interval)
            try:
                yield
            finally:
                lock.release()

    def lock(self, key: str, purpose: str) -> AbstractContextManager[None]:
        return self._locked(f"{purpose}-{_short(key)}")
