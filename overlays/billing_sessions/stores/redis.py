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

from billing_sessions._async.redis_store import AsyncRedisStore
from billing_sessions._sync.redis_store import SyncRedisStore
from billing_sessions.stores._redis import IDLE_LIFETIMES
from billing_sessions.stores.base import MAX_NONCE

__all__ = ["IDLE_LIFETIMES", "MAX_NONCE", "RedisStore"]


class RedisStore(SyncRedisStore, AsyncRedisStore):
    """``RedisStore("redis://host:6379/0")``: sessions, nonces and locks for a fleet, in one Redis.

    ``ttl``: ``None`` for the time-to-live each save carries (a session's own ``idle_timeout=``, a BILL v3
    MFA trust's 30 days), a number of seconds for every record, or a mapping provider -> seconds (``None``:
    never) that overrides those. A save that carries none (a direct call) keeps :data:`IDLE_LIFETIMES`.
    """
