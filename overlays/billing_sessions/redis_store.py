"""``RedisStore``: sessions shared by the processes of many machines through one Redis (redis-py).

Keys, per account key (``<provider>:<hash of the credentials>``, never the credentials):

- ``<prefix>:<account>:session``: the session record as JSON. It expires ``ttl`` seconds after it was last
  saved; by default that is the provider's idle lifetime where it has one (Számla Agent 90 min, BILL 35 min),
  so a record never outlives the provider's idle expiry. Providers without one keep it until replaced.
- ``<prefix>:<account>:nonce``: the Gestix nonce high-water mark. Never expires. Allocation is one Lua script
  on the server (``max(last + 1, floor)``, exact for every 64-bit value), so it is atomic across machines.
- ``<prefix>:<account>:lock:<purpose>``: the login and write locks, redis-py locks with a timeout of
  ``lock_timeout`` seconds that their holder renews every third of it while it holds them: a holder that
  dies frees the lock after at most ``lock_timeout``, a live one keeps it however long its request takes.

Sync and async: the data calls (load/save/delete/allocate_nonce) are short round trips on the thread-safe
sync client; ``blocking = True`` makes the async session run them in a worker thread
(``asyncio.to_thread``), as the store protocol is synchronous. ``alock`` waits on a ``redis.asyncio`` lock:
waiting (up to ``wait_timeout``) is a coroutine, never a parked thread, and a cancelled wait leaves nothing
behind to release. The asyncio client is per event loop (its connections belong to one loop); ``aclose()``
closes the current loop's.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import weakref
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any, cast
from urllib.parse import urlsplit, urlunsplit

from billing_sessions.errors import missing_extra

try:
    import redis
    import redis.asyncio
    from redis.exceptions import LockError, RedisError
except ImportError as exc:  # pragma: no cover - exercised in the lean-install test
    raise missing_extra("redis", "RedisStore", exc) from None

from billing_sessions.store_base import LocalLocks, Record

log = logging.getLogger("billing_sessions.stores")

#: Idle lifetimes (seconds) of the providers that have one: the default record expiry.
IDLE_LIFETIMES: Mapping[str, float] = {
    "szamla_agent": 90 * 60.0,
    "bill": 35 * 60.0,
    "bill_v3": 35 * 60.0,
    "bill_v3-mfa-trust": 30 * 86400.0,  # a remembered MFA trust (rememberMeId) lasts 30 days
}
MAX_NONCE = 2**63 - 1

# KEYS[1]: the nonce key; ARGV[1]: the floor, a decimal string. INCR keeps the server's exact 64-bit integer;
# the floor is compared as a string (length, then digits), never as a Lua number (a double).
ALLOCATE = """
redis.call('INCR', KEYS[1])
local n = redis.call('GET', KEYS[1])
local floor = ARGV[1]
local above = #floor > #n
if #floor == #n then
  for i = 1, #n do
    local a, b = string.byte(floor, i), string.byte(n, i)
    if a ~= b then
      above = a > b
      break
    end
  end
end
if above then
  redis.call('SET', KEYS[1], floor)
  return floor
end
return n
"""


class RedisStore:
    """``RedisStore("redis://host:6379/0")``: sessions, nonces and locks for a fleet, in one Redis.

    ``ttl``: ``None`` for the providers' idle lifetimes (:data:`IDLE_LIFETIMES`), a number of seconds for
    every record, or a mapping provider -> seconds (``None``: never) that overrides the defaults.
    """

    blocking = True
    shared = True  # other processes use the same session: closing one does not log it out

    def __init__(
        self,
        url: str,
        *,
        prefix: str = "billing-sessions",
        ttl: float | Mapping[str, float | None] | None = None,
        lock_timeout: float = 10.0,
        wait_timeout: float = 60.0,
        poll_interval: float = 0.01,
    ) -> None:
        if lock_timeout <= 0 or wait_timeout < 0 or poll_interval <= 0:
            raise ValueError("lock_timeout and poll_interval must be positive, wait_timeout not negative")
        self.url = url
        self.prefix = prefix
        self.lock_timeout = lock_timeout
        self.wait_timeout = wait_timeout
        self.poll_interval = poll_interval
        self._ttl = _ttls(ttl)
        self._client: redis.Redis = redis.Redis.from_url(url)
        self._allocate = self._client.register_script(ALLOCATE)
        self._aclients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, redis.asyncio.Redis] = (
            weakref.WeakKeyDictionary()
        )
        self._guard = threading.Lock()
        self._locks = LocalLocks()

    def __repr__(self) -> str:
        return f"RedisStore({_redacted(self.url)!r}, prefix={self.prefix!r})"

    # -- keys

    def _key(self, key: str, what: str) -> str:
        return f"{self.prefix}:{key}:{what}"

    def ttl(self, key: str) -> float | None:
        """Seconds a record of account ``key`` lives after it was saved (``None``: until replaced)."""
        if isinstance(self._ttl, float):
            return self._ttl
        return self._ttl.get(key.split(":", 1)[0])

    # -- records and nonces (sync client; the async session runs these in a worker thread)

    def load(self, key: str) -> Record | None:
        raw = self._client.get(self._key(key, "session"))
        if raw is None:
            return None
        try:
            record = json.loads(cast(bytes, raw))
            if not isinstance(record, dict):
                raise ValueError("not a record")
        except ValueError as exc:
            log.warning("session store %r: the record is corrupt (%s): ignoring it", self, type(exc).__name__)
            return None
        return cast(Record, record) or None

    def save(self, key: str, record: Record) -> None:
        ttl = self.ttl(key)
        payload = json.dumps(record, sort_keys=True)
        self._client.set(self._key(key, "session"), payload, px=max(1, int(ttl * 1000)) if ttl else None)

    def delete(self, key: str) -> None:
        self._client.delete(self._key(key, "session"))

    def allocate_nonce(self, key: str, floor: int) -> int:
        floor = max(int(floor), 0)
        if floor > MAX_NONCE:
            raise ValueError(f"a nonce floor above {MAX_NONCE} cannot be stored")
        return int(cast(bytes, self._allocate(keys=[self._key(key, "nonce")], args=[str(floor)])))

    # -- locks

    @contextlib.contextmanager
    def _locked(self, key: str, purpose: str) -> Iterator[None]:
        with self._locks.hold(f"{purpose}:{key}"):
            lock = self._client.lock(
                self._key(key, f"lock:{purpose}"),
                timeout=self.lock_timeout,
                sleep=self.poll_interval,
                blocking_timeout=self.wait_timeout,
                thread_local=False,  # the keeper thread renews it
            )
            if not lock.acquire():
                raise TimeoutError(f"{self!r}: the {purpose} lock was not free within {self.wait_timeout} s")
            done = threading.Event()
            keeper = threading.Thread(target=self._keep, args=(lock, done), name="billing-sessions-lock")
            keeper.daemon = True
            keeper.start()
            try:
                yield
            finally:
                done.set()
                keeper.join()
                try:
                    lock.release()
                except LockError:
                    log.warning("%r: the %s lock had expired before its release", self, purpose)
                except RedisError as exc:  # it expires by itself; the call's own outcome matters more
                    log.warning("%r: could not release the %s lock (%s)", self, purpose, type(exc).__name__)

    def _keep(self, lock: Any, done: threading.Event) -> None:
        while not done.wait(self.lock_timeout / 3):
            try:
                lock.reacquire()
            except (LockError, RedisError) as exc:
                log.warning("%r: could not renew a lock (%s)", self, type(exc).__name__)
                return

    @contextlib.asynccontextmanager
    async def _alocked(self, key: str, purpose: str) -> AsyncIterator[None]:
        async with self._locks.ahold(f"{purpose}:{key}"):
            lock = self._aclient().lock(
                self._key(key, f"lock:{purpose}"),
                timeout=self.lock_timeout,
                sleep=self.poll_interval,
                blocking_timeout=self.wait_timeout,
                thread_local=False,
            )
            if not await lock.acquire():
                raise TimeoutError(f"{self!r}: the {purpose} lock was not free within {self.wait_timeout} s")
            keeper = asyncio.create_task(self._akeep(lock))
            try:
                yield
            finally:
                keeper.cancel()  # a renewal racing the release is harmless: both check the lock's token
                try:
                    await lock.release()
                except LockError:
                    log.warning("%r: the %s lock had expired before its release", self, purpose)
                except RedisError as exc:
                    log.warning("%r: could not release the %s lock (%s)", self, purpose, type(exc).__name__)

    async def _akeep(self, lock: Any) -> None:
        while True:
            await asyncio.sleep(self.lock_timeout / 3)
            try:
                await lock.reacquire()
            except (LockError, RedisError) as exc:
                log.warning("%r: could not renew a lock (%s)", self, type(exc).__name__)
                return

    def lock(self, key: str, purpose: str) -> contextlib.AbstractContextManager[None]:
        return self._locked(key, purpose)

    def alock(self, key: str, purpose: str) -> contextlib.AbstractAsyncContextManager[None]:
        return self._alocked(key, purpose)

    # -- connections

    def _aclient(self) -> redis.asyncio.Redis:
        loop = asyncio.get_running_loop()
        with self._guard:
            client = self._aclients.get(loop)
            if client is None:
                client = redis.asyncio.Redis.from_url(self.url)
                self._aclients[loop] = client
            return client

    def close(self) -> None:
        """Close the sync connections (they reopen on the next call)."""
        self._client.close()

    async def aclose(self) -> None:
        """Close this event loop's asyncio connections."""
        with self._guard:
            client = self._aclients.pop(asyncio.get_running_loop(), None)
        if client is not None:
            await client.aclose()


def _ttls(ttl: float | Mapping[str, float | None] | None) -> float | dict[str, float | None]:
    """One ttl for every provider, or one per provider (``None``: never expires)."""
    if ttl is None:
        ttls: float | dict[str, float | None] = dict(IDLE_LIFETIMES)
    elif isinstance(ttl, Mapping):
        ttls = {**IDLE_LIFETIMES, **ttl}
    else:
        ttls = float(ttl)
    values = ttls.values() if isinstance(ttls, dict) else [ttls]
    if any(v is not None and not v > 0 for v in values):
        raise ValueError("a ttl must be positive (None: the record never expires)")
    return ttls


def _redacted(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None and parts.username is None:
        return url
    host = parts.hostname or ""
    netloc = f"***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))
