"""RedisStore on a real 3-master Redis Cluster (every key of an account in one hash slot, so the write slot's
lock-and-nonce script runs on one node), and on a caller's own client: ``redis.Redis``, ``RedisCluster``, a
Sentinel master, and their asyncio twins. Against the sandbox, in threads, tasks and OS processes."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from multiprocessing.context import SpawnContext
from pathlib import Path

import pytest
import redis
import redis.asyncio
import redis.asyncio.cluster
import redis.cluster
import redis.sentinel

from billing_sessions import StoreError, UsageError, gestix
from billing_sessions.redis_store import RedisStore
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.store_base import LockTimeout
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine
from tests.redis_server import RedisCluster, RedisServer, _free_port, ping
from tests.test_multiprocess import PROCESSES, StoreSpec, _run, gestix_writes

pytestmark = pytest.mark.anyio


def _invoice(n: int) -> DocumentInput:
    return DocumentInput(lines=[DocumentLine(article_code=f"ART-{n}", quantity=1.0)])


def _writes(s: gestix.Session, n: int) -> list[int]:
    return [create_invoice.sync_detailed(client=s.client, body=_invoice(i)).status_code for i in range(n)]


def _slots(client: redis.cluster.RedisCluster, prefix: str) -> dict[str, int]:
    keys = [
        k.decode() for k in client.scan_iter(f"{prefix}:*", target_nodes=redis.cluster.RedisCluster.ALL_NODES)
    ]
    return {k: client.keyslot(k) for k in keys}  # type: ignore[no-untyped-call]


def test_writes_on_a_cluster_keep_every_key_of_an_account_in_one_slot(
    sb: Sandbox, redis_cluster: RedisCluster, redis_prefix: str
) -> None:
    store = RedisStore(redis_cluster.url, cluster=True, prefix=redis_prefix)
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=store) as s:
        assert _writes(s, 20) == [201] * 20
        key = s.auth.key
    counters = sb.state.counters("gestix")
    assert counters["logins"] == 1 and counters["nonce_rejections"] == 0 and counters["writes_applied"] == 20
    slots = _slots(redis.cluster.RedisCluster.from_url(redis_cluster.url), redis_prefix)
    secret = f"{redis_prefix}:key-secret"  # what account keys are keyed with: one key, its own slot
    assert sorted(slots) == [secret, f"{redis_prefix}:{{{key}}}:nonce", f"{redis_prefix}:{{{key}}}:session"]
    assert len({slot for name, slot in slots.items() if name != secret}) == 1
    assert "cluster=True" in repr(store)
    store.close()


async def test_async_writes_on_a_cluster(sb: Sandbox, redis_cluster: RedisCluster, redis_prefix: str) -> None:
    store = RedisStore(redis_cluster.url, cluster=True, prefix=redis_prefix)
    async with gestix.AsyncSession(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=store) as s:
        codes = await asyncio.gather(
            *(create_invoice.asyncio_detailed(client=s.client, body=_invoice(i)) for i in range(20))
        )
    await store.aclose()
    assert [c.status_code for c in codes] == [201] * 20
    counters = sb.state.counters("gestix")
    assert counters["logins"] == 1 and counters["nonce_rejections"] == 0


def test_accounts_spread_over_the_cluster_and_each_stays_in_one_slot(
    sb: Sandbox, redis_cluster: RedisCluster, redis_prefix: str
) -> None:
    sb.state.configure(accounts=12)
    store = RedisStore(redis_cluster.url, cluster=True, prefix=redis_prefix)
    keys = []
    for n in range(12):
        account = DEMO.account(n)
        base = f"{sb.url}/api/{account.gestix_account}/v4.0.0"
        with gestix.Session(base, api_token=account.gestix_api_token, store=store) as s:
            assert _writes(s, 2) == [201, 201]
            keys.append(s.auth.key)
    client = redis.cluster.RedisCluster.from_url(redis_cluster.url)
    slots = _slots(client, redis_prefix)
    assert all(
        slots[f"{redis_prefix}:{{{k}}}:nonce"] == slots[f"{redis_prefix}:{{{k}}}:session"] for k in keys
    )
    nodes = {client.get_node_from_key(f"{{{k}}}").name for k in keys}  # type: ignore[no-untyped-call]
    assert len(nodes) > 1  # the accounts live on several masters
    assert sb.state.counters("gestix")["logins"] == 12


def test_4_processes_x_50_writes_across_an_expiry_on_the_cluster(
    sb: Sandbox, redis_cluster: RedisCluster, redis_prefix: str
) -> None:
    ctx: SpawnContext = __import__("multiprocessing").get_context("spawn")
    spec = StoreSpec("cluster", redis_cluster.url, redis_prefix, lock_timeout=1.0)
    start, middle, go = ctx.Barrier(PROCESSES), ctx.Barrier(PROCESSES + 1), ctx.Event()

    def expire_when_all_are_halfway() -> None:
        middle.wait(60)
        assert sb.state.counters("gestix")["logins"] == 1
        sb.state.expire_all("gestix")
        go.set()

    args = (spec, sb.base_url("gestix"), 50, start, middle, go)
    out = _run(ctx, PROCESSES, gestix_writes, *args, meanwhile=expire_when_all_are_halfway)
    counters = sb.state.counters("gestix")
    assert [r["codes"] for r in out] == [{201: 50}] * PROCESSES  # 0 failures
    assert counters["logins"] == 2 and sum(r["logins"] for r in out) == 2
    assert counters["nonce_rejections"] == 0 and counters["writes_applied"] == 200
    assert sb.state.last_nonce() == spec.stored_nonce(out[0]["key"])


# -- a caller's own client


def test_a_callers_redis_client_and_cluster_client(
    sb: Sandbox, redis_url: str, redis_cluster: RedisCluster, redis_prefix: str
) -> None:
    for client in (redis.Redis.from_url(redis_url), redis.cluster.RedisCluster.from_url(redis_cluster.url)):
        sb.state.reset()
        store = RedisStore(client=client, prefix=redis_prefix)
        assert store.hash_tags is isinstance(client, redis.cluster.RedisCluster)
        with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=store) as s:
            assert _writes(s, 5) == [201] * 5
        store.close()
        assert client.ping()  # the caller's client is the caller's to close
        assert sb.state.counters("gestix")["logins"] == 1
        assert f"client={type(client).__name__}" in repr(store)


async def test_a_callers_asyncio_clients(
    sb: Sandbox, redis_url: str, redis_cluster: RedisCluster, redis_prefix: str
) -> None:
    clients = (
        redis.asyncio.Redis.from_url(redis_url),
        redis.asyncio.cluster.RedisCluster.from_url(redis_cluster.url),
    )
    for client in clients:
        sb.state.reset()
        store = RedisStore(client=client, prefix=redis_prefix)
        async with gestix.AsyncSession(
            sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=store
        ) as s:
            codes = await asyncio.gather(
                *(create_invoice.asyncio_detailed(client=s.client, body=_invoice(i)) for i in range(10))
            )
        assert [c.status_code for c in codes] == [201] * 10
        assert sb.state.counters("gestix")["logins"] == 1
        with pytest.raises(UsageError, match="client="):  # a sync session needs a sync client
            store.load("gestix:x")
        await client.aclose()


async def test_an_asyncio_client_alone_keeps_its_locks_renewed(redis_url: str, redis_prefix: str) -> None:
    client = redis.asyncio.Redis.from_url(redis_url)
    store = RedisStore(client=client, prefix=redis_prefix, lock_timeout=0.3)
    other = RedisStore(redis_url, prefix=redis_prefix, wait_timeout=0.0)
    async with store.alock("gestix:k", "login"):
        await asyncio.sleep(1.0)  # three lock timeouts: only renewal keeps it
        with pytest.raises(LockTimeout):
            await asyncio.to_thread(lambda: other.lock("gestix:k", "login").__enter__())
    with other.lock("gestix:k", "login"):  # released on exit
        pass
    await client.aclose()


def test_store_arguments_are_checked(redis_url: str) -> None:
    with pytest.raises(UsageError, match="URL, or client="):
        RedisStore()
    with pytest.raises(UsageError, match="not both"):
        RedisStore(redis_url, client=redis.Redis.from_url(redis_url))
    with pytest.raises(TypeError, match="client= must be one of"):
        RedisStore(client="redis://x")
    with pytest.raises(UsageError, match="hash_tags"):
        RedisStore(redis_url, cluster=True, hash_tags=False)
    assert RedisStore(redis_url).hash_tags is False  # a single Redis keeps its key names
    assert RedisStore(redis_url, hash_tags=True)._key("gestix:k", "nonce").endswith(":{gestix:k}:nonce")


async def test_a_sync_client_alone_tells_an_async_session_what_to_pass(
    sb: Sandbox, redis_url: str, redis_prefix: str
) -> None:
    store = RedisStore(client=redis.Redis.from_url(redis_url), prefix=redis_prefix)
    async with gestix.AsyncSession(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=store) as s:
        with pytest.raises(UsageError, match="aclient="):
            await create_invoice.asyncio_detailed(client=s.client, body=_invoice(1))
    assert sb.state.counters("gestix")["requests"] == 0  # nothing was sent


# -- Sentinel


@pytest.fixture(scope="module")
def sentinel(redis_server: RedisServer) -> Iterator[int]:
    """A redis-sentinel watching the test Redis as master ``mymaster``; yields its port."""
    executable = shutil.which("redis-server")
    assert executable is not None
    with tempfile.TemporaryDirectory(prefix="sentinel-test-") as tmp:
        port = _free_port()
        conf = Path(tmp) / "sentinel.conf"
        conf.write_text(
            f"port {port}\nbind 127.0.0.1\ndir {tmp}\n"
            f"sentinel monitor mymaster 127.0.0.1 {redis_server.port} 1\n"
        )
        process = subprocess.Popen(
            [executable, str(conf), "--sentinel"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            deadline = time.monotonic() + 10
            while not ping(port):
                assert time.monotonic() < deadline and process.poll() is None, "sentinel did not start"
                time.sleep(0.05)
            yield port
        finally:
            process.terminate()
            process.wait(10)


def test_a_sentinel_master(sb: Sandbox, sentinel: int, redis_prefix: str) -> None:
    master = redis.sentinel.Sentinel([("127.0.0.1", sentinel)]).master_for("mymaster")
    store = RedisStore(client=master, prefix=redis_prefix)
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=store) as s:
        assert _writes(s, 5) == [201] * 5
    assert sb.state.counters("gestix")["logins"] == 1


async def test_an_asyncio_sentinel_master(sb: Sandbox, sentinel: int, redis_prefix: str) -> None:
    master = redis.asyncio.sentinel.Sentinel([("127.0.0.1", sentinel)]).master_for("mymaster")
    store = RedisStore(client=master, prefix=redis_prefix)
    async with gestix.AsyncSession(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=store) as s:
        await s.status()
        code = (await create_invoice.asyncio_detailed(client=s.client, body=_invoice(1))).status_code
    assert code == 201 and sb.state.counters("gestix")["logins"] == 1
    await master.aclose()


def test_without_hash_tags_a_cluster_write_fails_as_a_store_error(
    redis_cluster: RedisCluster, redis_prefix: str
) -> None:
    store = RedisStore(redis_cluster.url, cluster=True, prefix=redis_prefix)
    store.hash_tags = False  # the key names of a single Redis: the lock and the nonce in different slots
    with pytest.raises(StoreError, match="RedisClusterException"), store.write_slot("gestix:k", 1):
        pass
    store.hash_tags = True
    with store.write_slot("gestix:k", 1) as nonce:
        assert nonce == 1
