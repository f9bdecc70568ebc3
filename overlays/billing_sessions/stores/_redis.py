"""``RedisStore``'s rules, for its sync and async I/O alike (``_async/redis_store.py`` is written once;
``_sync/redis_store.py`` is generated from it): the Lua scripts, key names, payloads, ttls, error wrapping,
the per-side clients and the one lock keeper thread. The public face is :mod:`billing_sessions.stores.redis`.
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
from collections.abc import Awaitable, Callable, Coroutine, Iterator, Mapping
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

#: Idle lifetimes (seconds) by key prefix, from the provider descriptions: the record expiry of a save that
#: carries no ttl (a direct call: sessions always carry their own).
IDLE_LIFETIMES: Mapping[str, float] = idle_lifetimes()
T = TypeVar("T")
#: One attempt to take a lock (its result, or None: not free yet), on each side.
SyncAttempt = Callable[[], T | None]
AsyncAttempt = Callable[[], Awaitable[T | None]]
_NOTHING = contextlib.nullcontext()

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


class RedisStoreBase:
    """What ``RedisStore`` decides, for its sync and async I/O alike. The per-side helpers come in pairs
    (``_scripts`` / ``_ascripts``, ...) that ``scripts/make_sync`` maps onto each other."""

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
        self._sync_scripts = _Scripts(client) if client is not None else None
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

    # -- locks

    def _px(self) -> int:
        return max(1, int(self.lock_timeout * 1000))

    def _timeout(self, purpose: str) -> LockTimeout:
        return LockTimeout(f"{self!r}: the {purpose} lock was not free within {self.wait_timeout} s")

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
        if self._sync_scripts is not None:
            self._sync_scripts.renew(keys=[name], args=[token, self._px()])
            return
        # Only a caller's asyncio client: renewed on the loop it belongs to (the one that took the lock).
        assert self._given_async is not None and self._loop is not None
        renewal = self._given_async.renew(keys=[name], args=[token, self._px()])
        asyncio.run_coroutine_threadsafe(renewal, self._loop).result(self.lock_timeout / 3)

    def _unheld(self, name: str, token: str) -> None:
        with self._guard:
            if self._held.get(name) == token:
                del self._held[name]

    # -- the per-side helpers of the I/O written once

    def _scripts(self) -> _Scripts:
        if self._sync_scripts is None:
            raise UsageError(
                "RedisStore: it was given only an asyncio client: pass client= (sync) too for a sync Session"
            )
        return self._sync_scripts

    def _ascripts(self) -> _Scripts:
        if self._given_async is not None:
            # An asyncio client serves one loop: its locks renew there.
            self._loop = asyncio.get_running_loop()
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

    def _owned_scripts(self) -> _Scripts | None:
        """The sync client to close: one this store made (it reconnects on the next call)."""
        return self._sync_scripts if self._owned else None

    def _aowned_scripts(self) -> _Scripts | None:
        """This loop's asyncio client to close, forgotten (the next call makes another)."""
        with self._guard:
            return self._aclients.pop(asyncio.get_running_loop(), None)

    def _on_cancel(self, release: Callable[[], None]) -> contextlib.AbstractContextManager[None]:
        return _NOTHING  # a thread's lock wait is never cancelled

    @contextlib.contextmanager
    def _aon_cancel(self, release: Callable[[], Coroutine[Any, Any, None]]) -> Iterator[None]:
        """A cancelled lock wait: its last ``SET`` may have got through, so ``release()`` runs as a task of
        its own (it deletes the lock only if it is ours)."""
        try:
            yield
        except asyncio.CancelledError:
            task = asyncio.get_running_loop().create_task(release())
            self._pending.add(task)
            task.add_done_callback(self._pending.discard)
            raise


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
