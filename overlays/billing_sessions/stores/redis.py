"""``RedisStore``: sessions shared by the processes of many machines through one Redis (redis-py).

Keys, per account key (``<provider>:<hash of the credentials>``, never the credentials):

- ``<prefix>:<account>:session``: the session record as JSON. It expires ``ttl`` seconds after it was last
  saved; by default that is the time-to-live the session passes with each save, its idle lifetime where it
  has one (Számla Agent 90 min, BILL 35 min or the session's ``idle_timeout=``), so a record never outlives
  the provider's idle expiry. Providers without one keep it until replaced.
- ``<prefix>:<account>:nonce``: the Gestix nonce high-water mark. Never expires. Allocation is one Lua script
  on the server (``max(last + 1, floor)``, exact for every 64-bit value), so it is atomic across machines. A
  stored value that is not a number below 2**63 - 1 is damage: logged, and the clock takes over.
- ``<prefix>:<account>:lock:<purpose>``: the login and write locks: a random token set with ``NX`` and a
  timeout of ``lock_timeout`` seconds, released by a compare-and-delete script. While any lock is held, one
  keeper thread per store renews them all every third of the timeout (no thread per lock): a holder that
  dies frees the lock after at most ``lock_timeout``, a live one keeps it however long its request takes.

A Gestix write takes the write lock and its nonce in one script (``write_slot``): one round trip, plus one
to release. Sync sessions use the thread-safe sync client; ``AsyncSession`` uses ``redis.asyncio`` (one
client per event loop) for records, nonces and locks: no worker threads. A lock wait polls (1 ms, doubling
up to ``poll_interval``) until ``wait_timeout``; a cancelled wait deletes the lock if its ``SET`` got through.
Every Redis failure is a ``StoreError`` with the redis-py error as its cause; ``aclose()`` closes the
current loop's client.

Redis Cluster: ``RedisStore(url, cluster=True)`` (or a ``RedisCluster`` client) puts the account key in a
hash tag, ``<prefix>:{<account>}:session``, so that every key of one account lives in one hash slot and each
Lua script (which touches only the keys of one account) runs on one node. A single Redis keeps the key names
without braces unless ``hash_tags=True`` (processes of one fleet must agree on the names: a fleet moving
to a cluster starts with fresh keys). ``RedisStore(client=...)`` takes the caller's own client instead of a
URL: ``redis.Redis``, ``redis.cluster.RedisCluster``, a Sentinel ``master_for(...)`` client, or their
``redis.asyncio`` twins (``aclient=`` for the asyncio one when both are given); the store does not close
a client it was given. Valkey speaks the same protocol and works as Redis does.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import threading
import time
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import Any, TypeVar, cast
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from billing_sessions.errors import StoreError, UsageError, missing_extra
from billing_sessions.providers import idle_lifetimes

try:
    import redis
    import redis.asyncio
    import redis.asyncio.cluster
    import redis.cluster
    from redis.exceptions import RedisClusterException, RedisError
except ImportError as exc:  # pragma: no cover - exercised in the lean-install test
    raise missing_extra("redis", "RedisStore", exc) from None

from billing_sessions.stores.base import MAX_NONCE, LocalLocks, LockTimeout, Record

log = logging.getLogger("billing_sessions.stores")

__all__ = ["IDLE_LIFETIMES", "MAX_NONCE", "RedisStore"]

#: Idle lifetimes (seconds) by key prefix, from the provider descriptions: the record expiry of a save that
#: carries no ttl (a direct call: sessions always carry their own).
IDLE_LIFETIMES: Mapping[str, float] = idle_lifetimes()
T = TypeVar("T")

# KEYS[n]: the nonce key; ARGV[n]: the floor, a decimal string. Returns {nonce, damaged}. INCR keeps the
# server's exact 64-bit integer; values are compared as strings (length, then digits), never as Lua numbers.
_ALLOCATE = """
local function below(a, b)
  if #a ~= #b then return #a < #b end
  return a < b
end
local function allocate(key, floor)
  local n = redis.call('GET', key)
  local damaged = 0
  if n and (not string.match(n, '^[0-9]+$') or string.match(n, '^0[0-9]') or not below(n, 'MAX_NONCE')) then
    damaged = 1
    redis.call('SET', key, '0')
  end
  redis.call('INCR', key)
  n = redis.call('GET', key)
  if below(n, floor) then
    redis.call('SET', key, floor)
    n = floor
  end
  return {n, damaged}
end
""".replace("MAX_NONCE", str(MAX_NONCE))

ALLOCATE = _ALLOCATE + "return allocate(KEYS[1], ARGV[1])"
# KEYS: lock, nonce; ARGV: token, lock timeout (ms), floor. The write lock and the next nonce, or nil.
SLOT = (
    _ALLOCATE
    + """
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return false
end
return allocate(KEYS[2], ARGV[3])
"""
)
RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0"
RENEW = """
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
"""


#: What redis-py raises: a cluster's own errors (cross-slot, no node for a slot) are not RedisErrors.
REDIS_ERRORS = (RedisError, RedisClusterException)
SYNC_CLIENTS = (redis.Redis, redis.cluster.RedisCluster)  # a Sentinel master_for() client is a redis.Redis
ASYNC_CLIENTS = (redis.asyncio.Redis, redis.asyncio.cluster.RedisCluster)
CLUSTER_CLIENTS = (redis.cluster.RedisCluster, redis.asyncio.cluster.RedisCluster)


class _Scripts:
    """The Lua scripts registered on one client (sync, or asyncio for one loop)."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.allocate = client.register_script(ALLOCATE)
        self.slot = client.register_script(SLOT)
        self.release = client.register_script(RELEASE)
        self.renew = client.register_script(RENEW)


class RedisStore:
    """``RedisStore("redis://host:6379/0")``: sessions, nonces and locks for a fleet, in one Redis.

    ``ttl``: ``None`` for the time-to-live each save carries (a session's own ``idle_timeout=``, a BILL v3
    MFA trust's 30 days), a number of seconds for every record, or a mapping provider -> seconds (``None``:
    never) that overrides those. A save that carries none (a direct call) keeps :data:`IDLE_LIFETIMES`.
    """

    blocking = True
    shared = True  # other processes use the same session: closing one does not log it out

    def __init__(
        self,
        url: str | None = None,
        *,
        cluster: bool = False,
        client: Any = None,
        aclient: Any = None,
        hash_tags: bool | None = None,
        prefix: str = "billing-sessions",
        ttl: float | Mapping[str, float | None] | None = None,
        lock_timeout: float = 10.0,
        wait_timeout: float = 60.0,
        poll_interval: float = 0.01,
    ) -> None:
        if lock_timeout <= 0 or wait_timeout < 0 or poll_interval <= 0:
            raise ValueError("lock_timeout and poll_interval must be positive, wait_timeout not negative")
        if isinstance(client, ASYNC_CLIENTS) and aclient is None:
            client, aclient = None, client  # an asyncio client given as client=
        if (url is None) == (client is None and aclient is None):
            raise UsageError("RedisStore: pass a URL, or client= (and/or aclient=), not both")
        for given, kinds, what in ((client, SYNC_CLIENTS, "client"), (aclient, ASYNC_CLIENTS, "aclient")):
            if given is not None and not isinstance(given, kinds):
                names = ", ".join(f"{k.__module__}.{k.__name__}" for k in kinds)
                raise TypeError(f"RedisStore: {what}= must be one of {names}, not {type(given).__name__}")
        self.url = url
        self.cluster = cluster or isinstance(client or aclient, CLUSTER_CLIENTS)
        #: Account keys in hash tags (one slot per account): on a cluster always, elsewhere when asked.
        self.hash_tags = self.cluster if hash_tags is None else hash_tags
        if self.cluster and not self.hash_tags:
            raise UsageError(
                "RedisStore: a Redis Cluster needs hash_tags (every key of an account in one slot)"
            )
        self.prefix = prefix
        self.lock_timeout = lock_timeout
        self.wait_timeout = wait_timeout
        self.poll_interval = poll_interval
        self._ttl = _ttls(ttl)
        self._ttl_given = frozenset(ttl) if isinstance(ttl, Mapping) else frozenset()
        self._owned = url is not None  # a caller's client is the caller's to close
        if url is not None:
            client = (redis.cluster.RedisCluster if self.cluster else redis.Redis).from_url(url)
        self._client: Any = client
        self._scripts = _Scripts(client) if client is not None else None
        self._given_async = _Scripts(aclient) if aclient is not None else None
        self._aclients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Scripts] = (
            weakref.WeakKeyDictionary()
        )
        self._guard = threading.Lock()
        self._locks = LocalLocks()
        self._held: dict[str, str] = {}  # lock key -> token, renewed by the keeper thread
        self._loop: asyncio.AbstractEventLoop | None = None  # the loop of a caller's asyncio client
        self._keeper: threading.Thread | None = None
        self._pending: set[asyncio.Task[None]] = set()  # releases after a cancelled wait
        self._secret: bytes | None = None

    def __repr__(self) -> str:
        if self.url is None:
            given = type(self._client if self._given_async is None else self._given_async.client).__name__
            return f"RedisStore(client={given}, prefix={self.prefix!r})"
        cluster = ", cluster=True" if self.cluster else ""
        return f"RedisStore({_redacted(self.url)!r}{cluster}, prefix={self.prefix!r})"

    # -- keys

    def key_secret(self) -> bytes:
        """The random secret account keys are keyed with (``core.account_key``): ``<prefix>:key-secret``, set
        once with ``SET NX`` by the first process, read by every other one."""
        if self._secret is None:
            name = f"{self.prefix}:key-secret"
            with self._errors("reading the key secret"):
                if self._client is None and self._given_async is not None:
                    raw = _read_once(self._given_async.client, name)
                else:
                    self._client.set(name, secrets.token_hex(32), nx=True)
                    raw = self._client.get(name)
            try:
                secret = bytes.fromhex(cast(bytes, raw).decode("ascii"))
            except (AttributeError, UnicodeDecodeError, ValueError):
                secret = b""
            if len(secret) != 32:
                raise StoreError(
                    f"session store {self!r}: {name} is damaged: delete it (sessions log in again)"
                )
            self._secret = secret
        return self._secret

    def _key(self, key: str, what: str) -> str:
        return f"{self.prefix}:{{{key}}}:{what}" if self.hash_tags else f"{self.prefix}:{key}:{what}"

    @property
    def _sync(self) -> _Scripts:
        if self._scripts is None:
            raise UsageError(
                "RedisStore: it was given only an asyncio client: pass client= (sync) too for a sync Session"
            )
        return self._scripts

    def ttl(self, key: str, given: float | None = None) -> float | None:
        """Seconds a record of account ``key`` lives after it was saved (``None``: until replaced): the
        ``ttl=`` this store was made with where it names one, else the one the save carries (``given``: a
        session's idle lifetime), else the default of :data:`IDLE_LIFETIMES` (a save without one)."""
        if isinstance(self._ttl, float):
            return self._ttl
        provider = key.split(":", 1)[0]
        if provider in self._ttl_given:
            return self._ttl[provider]
        return given if given is not None else self._ttl.get(provider)

    @contextlib.contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        try:
            yield
        except REDIS_ERRORS as exc:
            raise StoreError(f"session store {self!r}: {what} failed ({type(exc).__name__})") from exc

    # -- records and nonces

    def _record(self, raw: Any) -> Record | None:
        if raw is None:
            return None
        try:
            record = json.loads(cast(bytes, raw))
            if not isinstance(record, dict):
                raise ValueError("not a record")
        except (ValueError, RecursionError) as exc:
            log.warning("session store %r: the record is corrupt (%s): ignoring it", self, type(exc).__name__)
            return None
        return cast(Record, record) or None

    def _payload(self, key: str, record: Record, given: float | None) -> tuple[str, int | None]:
        ttl = self.ttl(key, given)
        return json.dumps(record, sort_keys=True), max(1, int(ttl * 1000)) if ttl else None

    def _nonce(self, result: Any) -> int:
        raw, damaged = cast(list[bytes], result)
        if damaged:
            log.warning("session store %r: a stored nonce was damaged: the clock takes over", self)
        return int(raw)

    @staticmethod
    def _floor(floor: int) -> str:
        floor = max(int(floor), 0)
        if floor > MAX_NONCE:
            raise ValueError(f"a nonce floor above {MAX_NONCE} cannot be stored")
        return str(floor)

    def load(self, key: str) -> Record | None:
        with self._errors("load"):
            return self._record(self._sync.client.get(self._key(key, "session")))

    def save(self, key: str, record: Record, ttl: float | None = None) -> None:
        payload, px = self._payload(key, record, ttl)
        with self._errors("save"):
            self._sync.client.set(self._key(key, "session"), payload, px=px)

    def delete(self, key: str) -> None:
        with self._errors("delete"):
            self._sync.client.delete(self._key(key, "session"))

    def allocate_nonce(self, key: str, floor: int) -> int:
        args = [self._floor(floor)]
        with self._errors("nonce allocation"):
            return self._nonce(self._sync.allocate(keys=[self._key(key, "nonce")], args=args))

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

    def _px(self) -> int:
        return max(1, int(self.lock_timeout * 1000))

    def _timeout(self, purpose: str) -> LockTimeout:
        return LockTimeout(f"{self!r}: the {purpose} lock was not free within {self.wait_timeout} s")

    def _poll(self, attempt: Callable[[], T | None], purpose: str) -> T:
        deadline, delay = time.monotonic() + self.wait_timeout, 0.001
        while True:
            with self._errors(f"the {purpose} lock"):
                got = attempt()
            if got is not None:
                return got
            if time.monotonic() >= deadline:
                raise self._timeout(purpose)
            time.sleep(delay)
            delay = min(delay * 2, self.poll_interval)

    async def _apoll(self, attempt: Callable[[], Awaitable[T | None]], purpose: str) -> T:
        deadline, delay = time.monotonic() + self.wait_timeout, 0.001
        task = asyncio.current_task()
        while True:
            with self._errors(f"the {purpose} lock"):
                got = await attempt()
            if got is not None:
                return got
            if task is not None and task.cancelling():  # a cancel redis-py swallowed mid-command
                raise asyncio.CancelledError
            if time.monotonic() >= deadline:
                raise self._timeout(purpose)
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.poll_interval)

    def _hold(self, name: str, token: str) -> None:
        with self._guard:
            self._held[name] = token
            if self._keeper is None:
                self._keeper = threading.Thread(target=self._keep, name="billing-sessions-locks", daemon=True)
                self._keeper.start()

    def _keep(self) -> None:
        """The one renewal thread of this store: runs while any lock is held, then ends."""
        while True:
            time.sleep(self.lock_timeout / 3)
            with self._guard:
                held = dict(self._held)
                if not held:
                    self._keeper = None
                    return
            for name, token in held.items():
                try:
                    self._renew(name, token)
                except Exception as exc:  # the keeper must outlive any one failure
                    log.warning("%r: could not renew a lock (%s)", self, type(exc).__name__)

    def _renew(self, name: str, token: str) -> None:
        if self._scripts is not None:
            self._scripts.renew(keys=[name], args=[token, self._px()])
            return
        # Only a caller's asyncio client: renewed on the loop it belongs to (the one that took the lock).
        assert self._given_async is not None and self._loop is not None
        renewal = self._given_async.renew(keys=[name], args=[token, self._px()])
        asyncio.run_coroutine_threadsafe(renewal, self._loop).result(self.lock_timeout / 3)

    def _unheld(self, name: str, token: str) -> None:
        with self._guard:
            if self._held.get(name) == token:
                del self._held[name]

    def _release(self, name: str, token: str, purpose: str) -> None:
        self._unheld(name, token)
        try:
            if not self._sync.release(keys=[name], args=[token]):
                log.warning("%r: the %s lock had expired before its release", self, purpose)
        except REDIS_ERRORS as exc:  # it expires by itself; the call's own outcome matters more
            log.warning("%r: could not release the %s lock (%s)", self, purpose, type(exc).__name__)

    async def _arelease(self, name: str, token: str, purpose: str, *, held: bool = True) -> None:
        self._unheld(name, token)
        try:
            if not await self._ascripts().release(keys=[name], args=[token]) and held:
                log.warning("%r: the %s lock had expired before its release", self, purpose)
        except REDIS_ERRORS as exc:
            log.warning("%r: could not release the %s lock (%s)", self, purpose, type(exc).__name__)

    def _release_soon(self, name: str, token: str, purpose: str) -> None:
        """After a cancelled wait: the last ``SET`` may have got through; delete the lock if it is ours."""
        task = asyncio.get_running_loop().create_task(self._arelease(name, token, purpose, held=False))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    @contextlib.contextmanager
    def _locked(self, key: str, purpose: str) -> Iterator[None]:
        with self._locks.hold(f"{purpose}:{key}"):
            name, token = self._key(key, f"lock:{purpose}"), secrets.token_hex(16)
            client = self._sync.client
            self._poll(lambda: client.set(name, token, nx=True, px=self._px()) or None, purpose)
            self._hold(name, token)
            try:
                yield
            finally:
                self._release(name, token, purpose)

    @contextlib.asynccontextmanager
    async def _alocked(self, key: str, purpose: str) -> AsyncIterator[None]:
        async with self._locks.ahold(f"{purpose}:{key}"):
            name, token = self._key(key, f"lock:{purpose}"), secrets.token_hex(16)
            client = self._ascripts().client

            async def attempt() -> bool | None:
                return cast(bool | None, await client.set(name, token, nx=True, px=self._px())) or None

            try:
                await self._apoll(attempt, purpose)
            except asyncio.CancelledError:
                self._release_soon(name, token, purpose)
                raise
            self._hold(name, token)
            try:
                yield
            finally:
                await self._arelease(name, token, purpose)

    def lock(self, key: str, purpose: str) -> contextlib.AbstractContextManager[None]:
        return self._locked(key, purpose)

    def alock(self, key: str, purpose: str) -> contextlib.AbstractAsyncContextManager[None]:
        return self._alocked(key, purpose)

    @contextlib.contextmanager
    def write_slot(self, key: str, floor: int) -> Iterator[int]:
        """The write lock of ``key`` and the next nonce, taken in one script (one round trip)."""
        with self._locks.hold(f"write:{key}"):
            name, token = self._key(key, "lock:write"), secrets.token_hex(16)
            keys, args = [name, self._key(key, "nonce")], [token, self._px(), self._floor(floor)]
            scripts = self._sync
            nonce = self._nonce(self._poll(lambda: scripts.slot(keys=keys, args=args), "write"))
            self._hold(name, token)
            try:
                yield nonce
            finally:
                self._release(name, token, "write")

    @contextlib.asynccontextmanager
    async def awrite_slot(self, key: str, floor: int) -> AsyncIterator[int]:
        async with self._locks.ahold(f"write:{key}"):
            name, token = self._key(key, "lock:write"), secrets.token_hex(16)
            keys, args = [name, self._key(key, "nonce")], [token, self._px(), self._floor(floor)]
            scripts = self._ascripts()
            try:
                result = await self._apoll(lambda: scripts.slot(keys=keys, args=args), "write")
            except asyncio.CancelledError:
                self._release_soon(name, token, "write")
                raise
            self._hold(name, token)
            try:
                yield self._nonce(result)
            finally:
                await self._arelease(name, token, "write")

    # -- connections

    def _ascripts(self) -> _Scripts:
        if self._given_async is not None:
            self._loop = (
                asyncio.get_running_loop()
            )  # an asyncio client serves one loop: its locks renew there
            return self._given_async
        if self.url is None:
            raise UsageError(
                "RedisStore: it was given only a sync client: pass aclient= (redis.asyncio) too for an "
                "AsyncSession"
            )
        loop = asyncio.get_running_loop()
        with self._guard:
            scripts = self._aclients.get(loop)
            if scripts is None:
                kind = redis.asyncio.cluster.RedisCluster if self.cluster else redis.asyncio.Redis
                scripts = self._aclients[loop] = _Scripts(kind.from_url(self.url))
            return scripts

    def close(self) -> None:
        """Close the sync connections (they reopen on the next call); a caller's client stays open."""
        if self._owned and self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        """Close this event loop's asyncio connections; a caller's client stays open."""
        with self._guard:
            scripts = self._aclients.pop(asyncio.get_running_loop(), None)
        if scripts is not None:
            await scripts.client.aclose()


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
    """The URL without its user name and password, in the netloc or in the query (``?password=``)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "<a redis URL that cannot be parsed>"
    if parts.password is not None or parts.username is not None:
        host = parts.hostname or ""
        parts = parts._replace(netloc=f"***@{host}" + (f":{port}" if port else ""))
    if parts.query:
        query = [
            (k, "***" if k.lower() in {"password", "username"} else v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
        ]
        parts = parts._replace(query=urlencode(query, safe="*"))
    return urlunsplit(parts)


def _read_once(client: Any, name: str) -> Any:
    """Set-if-absent and read ``name`` through a caller's asyncio client, from a synchronous call (a session
    is keyed when it is made): on a loop of its own in a worker thread, whose connections are then dropped
    so that none is later used on the caller's loop."""

    async def read() -> Any:
        try:
            await client.set(name, secrets.token_hex(32), nx=True)
            return await client.get(name)
        finally:
            pool = getattr(client, "connection_pool", None)
            if pool is None:  # a cluster client: closed nodes reconnect on their next command
                await client.aclose()
            else:
                await pool.disconnect()
                for sentinel in getattr(getattr(pool, "sentinel_manager", None), "sentinels", ()):
                    await sentinel.connection_pool.disconnect()

    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(asyncio.run(read()))
        except Exception as exc:  # raised again in the caller's thread, where _errors types it
            outcome.append(exc)

    worker = threading.Thread(target=run, name="redis-key-secret")
    worker.start()
    worker.join()
    if isinstance(outcome[0], Exception):
        raise outcome[0]
    return outcome[0]
