"""The stores at write speed and when damaged: FileStore nonces without an fsync per write (yet never reused
after a crash), RedisStore in one script per write and without worker or per-lock threads, a cancelled lock
wait that leaves nothing behind; damaged nonces and records recovered; every store failure a StoreError."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import filelock
import pytest
import redis

from billing_sessions import StoreError, gestix, nonce_file
from billing_sessions.redis_store import MAX_NONCE, RedisStore
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.store_base import LockTimeout
from billing_sessions.stores import FileStore
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine

KEY = "gestix:k"
DEEP = b"[" * 100_000 + b"]" * 100_000


def _invoice() -> DocumentInput:
    return DocumentInput(lines=[DocumentLine(article_code="A", quantity=1.0)])


@pytest.fixture
def fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The fsync calls made (observed, then done for real)."""
    calls: list[int] = []
    real = os.fsync

    def counting(fd: int) -> None:
        calls.append(fd)
        real(fd)

    monkeypatch.setattr(os, "fsync", counting)
    return calls


# -- FileStore


def test_file_nonces_need_no_fsync_per_write(tmp_path: Path, fsyncs: list[int]) -> None:
    store = FileStore(tmp_path / "s.json")
    got = [store.allocate_nonce(KEY, 1_700_000_000_000) for _ in range(200)]
    assert got == list(range(1_700_000_000_000, 1_700_000_000_200))
    assert store.last_nonce(KEY) == got[-1]
    assert len(fsyncs) <= 2  # the reservation (and the new file's directory): once, not per nonce
    assert FileStore(tmp_path / "s.json").allocate_nonce(KEY, 0) == got[-1] + 1  # another store object


def test_after_a_reboot_nonces_start_above_the_durable_reservation(tmp_path: Path) -> None:
    if nonce_file.boot_id() is None:
        pytest.skip("no boot id on this system: every nonce is fsynced instead")
    store = FileStore(tmp_path / "s.json")
    store.allocate_nonce(KEY, 1000)
    path = tmp_path / f"s.json.nonce-{KEY.replace(':', '_')}"
    state = json.loads(path.read_bytes())
    assert state["reserved"] == 1000 + nonce_file.RESERVE
    # What an OS crash can leave: the durable reservation, an older "last", another boot.
    path.write_bytes(json.dumps({"last": 900, "reserved": state["reserved"], "boot": "earlier"}).encode())
    assert store.allocate_nonce(KEY, 0) == state["reserved"] + 1


@pytest.mark.parametrize(
    "content", [b'{"last": "12x", "reserved": 5}', b"\x00" * 40, DEEP, b'{"last": 9223372036854775807}']
)
def test_a_damaged_nonce_file_is_logged_and_the_clock_takes_over(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    store = FileStore(tmp_path / "s.json")
    store.allocate_nonce(KEY, 5)
    (tmp_path / f"s.json.nonce-{KEY.replace(':', '_')}").write_bytes(content)
    with caplog.at_level(logging.WARNING, "billing_sessions.stores"):
        assert store.allocate_nonce(KEY, 1_700_000_000_000) == 1_700_000_000_000
    assert store.allocate_nonce(KEY, 0) == 1_700_000_000_001
    assert sum("damaged" in r.getMessage() for r in caplog.records) == 1


def test_a_json_nonce_at_the_int64_top_is_damage_not_a_dead_end(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({KEY: {"nonce": MAX_NONCE}}))
    with caplog.at_level(logging.WARNING, "billing_sessions.stores"):
        assert FileStore(path).allocate_nonce(KEY, 1_700_000_000_000) == 1_700_000_000_000
    assert any("2**63-1" in r.getMessage() for r in caplog.records)


def test_a_json_nonce_of_an_older_store_is_carried_over(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({KEY: {"nonce": 1_800_000_000_000}}))
    assert FileStore(path).allocate_nonce(KEY, 1_700_000_000_000) == 1_800_000_000_001


def test_a_deeply_nested_store_file_reads_as_empty(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(DEEP)
    store = FileStore(path)
    with caplog.at_level(logging.WARNING, "billing_sessions.stores"):
        assert store.load(KEY) is None
    assert any("corrupt" in r.getMessage() for r in caplog.records)
    store.save(KEY, {"value": "v"})  # and the next write repairs it
    assert store.load(KEY) == {"value": "v"}


def test_file_store_failures_are_store_errors_with_the_cause(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    with pytest.raises(StoreError) as refused:
        FileStore(tmp_path / "a-file" / "s.json")  # its directory is a file
    assert isinstance(refused.value.__cause__, OSError)
    store = FileStore(tmp_path / "s.json")
    (tmp_path / f"s.json.nonce-{KEY.replace(':', '_')}").mkdir()  # the nonce file is a directory
    with pytest.raises(StoreError) as caught:
        store.allocate_nonce(KEY, 1)
    assert isinstance(caught.value.__cause__, OSError)


def test_a_file_lock_timeout_is_a_store_error_and_a_timeout_error(tmp_path: Path) -> None:
    held, done = threading.Event(), threading.Event()
    holder = FileStore(tmp_path / "s.json")

    def hold() -> None:
        with holder.lock(KEY, "write"):
            held.set()
            done.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    try:
        assert held.wait(5)
        with (
            pytest.raises(LockTimeout) as caught,
            FileStore(tmp_path / "s.json", lock_timeout=0.1).lock(KEY, "write"),
        ):
            pass
    finally:
        done.set()
        thread.join(5)
    assert isinstance(caught.value, StoreError)
    assert isinstance(caught.value, TimeoutError)
    assert isinstance(caught.value.__cause__, filelock.Timeout)


# -- RedisStore


@pytest.fixture
def store(redis_url: str, redis_prefix: str) -> Iterator[RedisStore]:
    store = RedisStore(redis_url, prefix=redis_prefix)
    yield store
    store.close()


@pytest.mark.parametrize("damaged", [str(MAX_NONCE), "99999999999999999999", "abc", "-5", "007"])
def test_a_damaged_redis_nonce_is_logged_and_the_clock_takes_over(
    store: RedisStore, redis_url: str, caplog: pytest.LogCaptureFixture, damaged: str
) -> None:
    redis.Redis.from_url(redis_url).set(f"{store.prefix}:{KEY}:nonce", damaged)
    with caplog.at_level(logging.WARNING, "billing_sessions.stores"):
        assert store.allocate_nonce(KEY, 1_700_000_000_000) == 1_700_000_000_000
    assert store.allocate_nonce(KEY, 0) == 1_700_000_000_001
    assert sum("damaged" in r.getMessage() for r in caplog.records) == 1


def test_a_deeply_nested_redis_record_reads_as_none(
    store: RedisStore, redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    redis.Redis.from_url(redis_url).set(f"{store.prefix}:{KEY}:session", DEEP)
    with caplog.at_level(logging.WARNING, "billing_sessions.stores"):
        assert store.load(KEY) is None
    assert any("corrupt" in r.getMessage() for r in caplog.records)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_redis_failures_are_store_errors_with_the_cause() -> None:
    store = RedisStore(f"redis://127.0.0.1:{_closed_port()}/0", wait_timeout=0.1)
    calls: list[Callable[[], Any]] = [
        lambda: store.load(KEY),
        lambda: store.save(KEY, {"value": "v"}),
        lambda: store.allocate_nonce(KEY, 1),
        lambda: store.lock(KEY, "login").__enter__(),
    ]
    for call in calls:
        with pytest.raises(StoreError) as caught:
            call()
        assert isinstance(caught.value.__cause__, redis.RedisError)

    async def async_calls() -> None:
        with pytest.raises(StoreError) as caught:
            await store.aload(KEY)
        assert isinstance(caught.value.__cause__, redis.RedisError)
        with pytest.raises(StoreError):
            async with store.alock(KEY, "write"):
                pass
        await store.aclose()

    asyncio.run(async_calls())


def test_no_thread_per_lock(store: RedisStore) -> None:
    others = {t for t in threading.enumerate() if t.name == "billing-sessions-locks"}  # other stores' keepers

    def keepers() -> int:
        return sum(t.name == "billing-sessions-locks" and t not in others for t in threading.enumerate())

    most = 0

    def hold(i: int) -> None:
        nonlocal most
        with store.lock(f"gestix:{i % 4}", "write"):
            most = max(most, keepers())

    threads = [threading.Thread(target=hold, args=(i,)) for i in range(40)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert most == 1  # one keeper for every lock this store holds


def test_a_cancelled_lock_wait_leaves_no_lock_behind(store: RedisStore, redis_url: str) -> None:
    lock_key = f"{store.prefix}:{KEY}:lock:write"
    raw = redis.Redis.from_url(redis_url)

    async def main() -> None:
        holder = RedisStore(redis_url, prefix=store.prefix)  # another process, as far as locks go
        async with holder.alock(KEY, "write"):
            waiter = asyncio.create_task(_hold(store))
            await asyncio.sleep(0.05)  # the waiter is polling
            waiter.cancel()
            with pytest.raises(asyncio.CancelledError):
                await waiter
        await asyncio.sleep(0.05)
        await holder.aclose()
        await store.aclose()

    asyncio.run(main())
    assert raw.exists(lock_key) == 0
    assert store._pending == set()


async def _hold(store: RedisStore) -> None:
    async with store.alock(KEY, "write"):
        pass


def test_a_write_on_redis_is_one_script_to_take_lock_and_nonce_and_one_to_release(
    sb: Sandbox, store: RedisStore, redis_url: str
) -> None:
    raw = redis.Redis.from_url(redis_url)
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=store) as s:
        s.status()
        create_invoice.sync_detailed(client=s.client, body=_invoice())  # the scripts are loaded now
        raw.config_resetstat()
        for _ in range(20):
            assert create_invoice.sync_detailed(client=s.client, body=_invoice()).status_code == 201
        stats = raw.info("commandstats")
    scripts = sum(v["calls"] for k, v in stats.items() if k in {"cmdstat_evalsha", "cmdstat_eval"})
    assert scripts == 40  # per write: the slot (lock + nonce), the release


def test_async_sessions_on_redis_use_no_worker_threads(
    sb: Sandbox, store: RedisStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    offloaded: list[str] = []
    real = asyncio.to_thread

    async def counting(fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        offloaded.append(getattr(fn, "__name__", "?"))
        return await real(fn, *args, **kwargs)

    monkeypatch.setattr(asyncio, "to_thread", counting)

    async def main() -> None:
        async with gestix.AsyncSession(
            sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=store
        ) as s:
            await s.status()
            for _ in range(10):
                answer = await create_invoice.asyncio_detailed(client=s.client, body=_invoice())
                assert answer.status_code == 201
        await store.aclose()

    asyncio.run(main())
    assert offloaded == []
    assert sb.state.counters("gestix")["writes_applied"] == 10
