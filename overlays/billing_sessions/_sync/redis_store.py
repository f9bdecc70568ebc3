# Generated from _async/redis_store.py by scripts/make_sync: edit that file, not this one.
"""``RedisStore``'s I/O, written once: ``_sync/redis_store.py`` is generated from this file
(``scripts/make_sync``). What both share is in ``billing_sessions.stores._redis``; ``RedisStore`` inherits
both halves."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import cast

from billing_sessions.stores._redis import REDIS_ERRORS, RedisStoreBase, SyncAttempt, T, log
from billing_sessions.stores._sides import raise_if_cancelled, sleep
from billing_sessions.stores.base import Record


class SyncRedisStore(RedisStoreBase):
    """One side's half of ``RedisStore``'s I/O (sync: one thread-safe client; asyncio: one client per event
    loop): every name differs from its generated twin's, since ``RedisStore`` inherits both."""

    def load(self, key: str) -> Record | None:
        with self._errors("load"):
            return self._record(self._scripts().client.get(self._key(key, "session")))

    def save(self, key: str, record: Record, ttl: float | None = None) -> None:
        payload, px = self._payload(key, record, ttl)
        with self._errors("save"):
            self._scripts().client.set(self._key(key, "session"), payload, px=px)

    def delete(self, key: str) -> None:
        with self._errors("delete"):
            self._scripts().client.delete(self._key(key, "session"))

    def allocate_nonce(self, key: str, floor: int) -> int:
        args = [self._floor(floor)]
        with self._errors("nonce allocation"):
            return self._nonce(self._scripts().allocate(keys=[self._key(key, "nonce")], args=args))

    # -- locks

    def _poll(self, attempt: SyncAttempt[T], purpose: str) -> T:
        deadline, delay = time.monotonic() + self.wait_timeout, 0.001
        while True:
            with self._errors(f"the {purpose} lock"):
                got = attempt()
            if got is not None:
                return got
            raise_if_cancelled()
            if time.monotonic() >= deadline:
                raise self._timeout(purpose)
            sleep(delay)
            delay = min(delay * 2, self.poll_interval)

    def _release(self, name: str, token: str, purpose: str, *, held: bool = True) -> None:
        self._unheld(name, token)
        try:
            if not self._scripts().release(keys=[name], args=[token]) and held:
                log.warning("%r: the %s lock had expired before its release", self, purpose)
        except REDIS_ERRORS as exc:  # it expires by itself; the call's own outcome matters more
            log.warning("%r: could not release the %s lock (%s)", self, purpose, type(exc).__name__)

    @contextmanager
    def _locked(self, key: str, purpose: str) -> Iterator[None]:
        with self._locks.hold(f"{purpose}:{key}"):
            name, token = self._key(key, f"lock:{purpose}"), secrets.token_hex(16)
            client = self._scripts().client

            def attempt() -> bool | None:
                return cast(bool | None, client.set(name, token, nx=True, px=self._px())) or None

            with self._on_cancel(lambda: self._release(name, token, purpose, held=False)):
                self._poll(attempt, purpose)
            self._hold(name, token)
            try:
                yield
            finally:
                self._release(name, token, purpose)

    def lock(self, key: str, purpose: str) -> AbstractContextManager[None]:
        return self._locked(key, purpose)

    @contextmanager
    def write_slot(self, key: str, floor: int) -> Iterator[int]:
        """The write lock of ``key`` and the next nonce, taken in one script (one round trip)."""
        with self._locks.hold(f"write:{key}"):
            name, token = self._key(key, "lock:write"), secrets.token_hex(16)
            keys, args = [name, self._key(key, "nonce")], [token, self._px(), self._floor(floor)]
            scripts = self._scripts()
            with self._on_cancel(lambda: self._release(name, token, "write", held=False)):
                result = self._poll(lambda: scripts.slot(keys=keys, args=args), "write")
            self._hold(name, token)
            try:
                yield self._nonce(result)
            finally:
                self._release(name, token, "write")

    # -- connections

    def close(self) -> None:
        """Close the connections this store made (asyncio: the current event loop's); they reopen on the
        next call. A caller's client stays open."""
        scripts = self._owned_scripts()
        if scripts is not None:
            scripts.client.close()
