"""``RedisStore``'s I/O, written once: ``_sync/redis_store.py`` is generated from this file
(``scripts/make_sync``). What both share is in ``billing_sessions.stores._redis``; ``RedisStore`` inherits
both halves."""

from __future__ import annotations

import secrets
import time
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import cast

from billing_sessions.stores._redis import REDIS_ERRORS, AsyncAttempt, RedisStoreBase, T, log
from billing_sessions.stores._sides import araise_if_cancelled, async_sleep
from billing_sessions.stores.base import Record


class AsyncRedisStore(RedisStoreBase):
    """One side's half of ``RedisStore``'s I/O (sync: one thread-safe client; asyncio: one client per event
    loop): every name differs from its generated twin's, since ``RedisStore`` inherits both."""

    async def aload(self, key: str) -> Record | None:
        with self._errors("load"):
            return self._record(await self._ascripts().client.get(self._key(key, "session")))

    async def asave(self, key: str, record: Record, ttl: float | None = None) -> None:
        payload, px = self._payload(key, record, ttl)
        with self._errors("save"):
            await self._ascripts().client.set(self._key(key, "session"), payload, px=px)

    async def adelete(self, key: str) -> None:
        with self._errors("delete"):
            await self._ascripts().client.delete(self._key(key, "session"))

    async def aallocate_nonce(self, key: str, floor: int) -> int:
        args = [self._floor(floor)]
        with self._errors("nonce allocation"):
            return self._nonce(await self._ascripts().allocate(keys=[self._key(key, "nonce")], args=args))

    # -- locks

    async def _apoll(self, attempt: AsyncAttempt[T], purpose: str) -> T:
        deadline, delay = time.monotonic() + self.wait_timeout, 0.001
        while True:
            with self._errors(f"the {purpose} lock"):
                got = await attempt()
            if got is not None:
                return got
            araise_if_cancelled()
            if time.monotonic() >= deadline:
                raise self._timeout(purpose)
            await async_sleep(delay)
            delay = min(delay * 2, self.poll_interval)

    async def _arelease(self, name: str, token: str, purpose: str, *, held: bool = True) -> None:
        self._unheld(name, token)
        try:
            if not await self._ascripts().release(keys=[name], args=[token]) and held:
                log.warning("%r: the %s lock had expired before its release", self, purpose)
        except REDIS_ERRORS as exc:  # it expires by itself; the call's own outcome matters more
            log.warning("%r: could not release the %s lock (%s)", self, purpose, type(exc).__name__)

    @asynccontextmanager
    async def _alocked(self, key: str, purpose: str) -> AsyncIterator[None]:
        async with self._locks.ahold(f"{purpose}:{key}"):
            name, token = self._key(key, f"lock:{purpose}"), secrets.token_hex(16)
            client = self._ascripts().client

            async def attempt() -> bool | None:
                return cast(bool | None, await client.set(name, token, nx=True, px=self._px())) or None

            with self._aon_cancel(lambda: self._arelease(name, token, purpose, held=False)):
                await self._apoll(attempt, purpose)
            self._hold(name, token)
            try:
                yield
            finally:
                await self._arelease(name, token, purpose)

    def alock(self, key: str, purpose: str) -> AbstractAsyncContextManager[None]:
        return self._alocked(key, purpose)

    @asynccontextmanager
    async def awrite_slot(self, key: str, floor: int) -> AsyncIterator[int]:
        """The write lock of ``key`` and the next nonce, taken in one script (one round trip)."""
        async with self._locks.ahold(f"write:{key}"):
            name, token = self._key(key, "lock:write"), secrets.token_hex(16)
            keys, args = [name, self._key(key, "nonce")], [token, self._px(), self._floor(floor)]
            scripts = self._ascripts()
            with self._aon_cancel(lambda: self._arelease(name, token, "write", held=False)):
                result = await self._apoll(lambda: scripts.slot(keys=keys, args=args), "write")
            self._hold(name, token)
            try:
                yield self._nonce(result)
            finally:
                await self._arelease(name, token, "write")

    # -- connections

    async def aclose(self) -> None:
        """Close the connections this store made (asyncio: the current event loop's); they reopen on the
        next call. A caller's client stays open."""
        scripts = self._aowned_scripts()
        if scripts is not None:
            await scripts.client.aclose()
