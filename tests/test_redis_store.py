"""RedisStore against a real redis-server: exact atomic nonces, records with the providers' idle lifetimes,
locks that exclude threads, tasks and store objects, renew themselves while held and free themselves when
their holder is gone; sessions over it against the sandbox."""

from __future__ import annotations

import asyncio
import itertools
import logging
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billing_sessions import gestix
from billing_sessions.redis_store import IDLE_LIFETIMES, MAX_NONCE, RedisStore
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.testing import BillingSandbox
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine

floors = st.lists(st.integers(min_value=0, max_value=2**62), min_size=1, max_size=40)


@pytest.fixture
def store(redis_url: str, redis_prefix: str) -> Iterator[RedisStore]:
    s = RedisStore(redis_url, prefix=redis_prefix)
    yield s
    s.close()


def _raw(redis_url: str) -> redis.Redis:
    return redis.Redis.from_url(redis_url)


def test_importing_the_package_never_imports_redis() -> None:
    code = (
        "import sys, billing_sessions, billing_sessions.stores, billing_sessions.gestix\n"
        "import billing_sessions.szamla_agent, billing_sessions.bill, billing_sessions.billingplatform\n"
        "before = sorted(m for m in sys.modules if m == 'redis' or m.startswith('redis.'))\n"
        "from billing_sessions.stores import RedisStore\n"
        "print(len(before), RedisStore.__module__, 'redis' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "billing_sessions.stores.redis", "True"]  # stores/ is a package


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=floors)
def test_nonces_strictly_increase_whatever_the_clock(redis_url: str, values: list[int]) -> None:
    prefix = f"prop-{time.monotonic_ns()}"
    store = RedisStore(redis_url, prefix=prefix)
    got = [store.allocate_nonce("gestix:k", floor) for floor in values]
    reopened = RedisStore(redis_url, prefix=prefix).allocate_nonce("gestix:k", 0)
    assert all(b > a for a, b in itertools.pairwise(got))
    assert all(n >= f for n, f in zip(got, values, strict=True))
    assert got[0] == max(1, values[0])
    assert reopened == got[-1] + 1


def test_nonces_are_exact_up_to_the_top_of_int64(store: RedisStore) -> None:
    # A Lua number is a double: 2**62 + 1 would round. The script keeps every digit.
    assert store.allocate_nonce("gestix:k", 2**62 + 1) == 2**62 + 1
    assert store.allocate_nonce("gestix:k", 0) == 2**62 + 2
    assert store.allocate_nonce("gestix:k", MAX_NONCE - 1) == MAX_NONCE - 1
    assert store.allocate_nonce("gestix:k", 5) == MAX_NONCE
    with pytest.raises(ValueError, match="cannot be stored"):
        store.allocate_nonce("gestix:other", MAX_NONCE + 1)


def test_frozen_and_stepped_back_clock(store: RedisStore) -> None:
    frozen = [store.allocate_nonce("gestix:k", 1_700_000_000_000) for _ in range(5)]
    back = store.allocate_nonce("gestix:k", 1_700_000_000_000 - 3_600_000)
    assert frozen == list(range(1_700_000_000_000, 1_700_000_000_005))
    assert back == 1_700_000_000_005


def test_threads_on_two_store_objects_never_get_the_same_nonce(redis_url: str, redis_prefix: str) -> None:
    stores = [RedisStore(redis_url, prefix=redis_prefix) for _ in range(2)]
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda i: stores[i % 2].allocate_nonce("gestix:k", 0), range(400)))
    assert len(set(got)) == 400
    assert sorted(got) == list(range(1, 401))


def test_records_and_the_nonce_are_kept_apart(store: RedisStore, redis_url: str) -> None:
    store.save("gestix:a", {"value": "1", "created": 1.0})
    store.save("gestix:b", {"value": "2"})
    n = store.allocate_nonce("gestix:a", 10)
    assert store.load("gestix:a") == {"value": "1", "created": 1.0}
    store.save("gestix:a", {"value": "3"})  # replacing the record keeps the nonce
    store.delete("gestix:a")
    assert store.load("gestix:a") is None
    assert store.load("gestix:b") == {"value": "2"}
    assert store.allocate_nonce("gestix:a", 0) == n + 1
    keys = sorted(k.decode() for k in _raw(redis_url).scan_iter(f"{store.prefix}:*"))
    assert keys == [f"{store.prefix}:gestix:a:nonce", f"{store.prefix}:gestix:b:session"]


def test_records_expire_with_the_providers_idle_lifetime(store: RedisStore, redis_url: str) -> None:
    raw = _raw(redis_url)
    for account in ("szamla_agent:x", "bill:x", "gestix:x", "billingplatform:x"):
        store.save(account, {"value": "v"})
    store.allocate_nonce("gestix:x", 1)
    p = store.prefix
    assert IDLE_LIFETIMES == {
        "szamla_agent": 5400.0,
        "bill": 2100.0,
        "bill_v3": 2100.0,
        "bill_v3-mfa-trust": 30 * 86400.0,
    }
    assert 5_399_000 < raw.pttl(f"{p}:szamla_agent:x:session") <= 5_400_000
    assert 2_099_000 < raw.pttl(f"{p}:bill:x:session") <= 2_100_000
    assert raw.pttl(f"{p}:gestix:x:session") == -1  # no idle lifetime: kept until replaced
    assert raw.pttl(f"{p}:billingplatform:x:session") == -1
    assert raw.pttl(f"{p}:gestix:x:nonce") == -1  # the nonce never expires


def test_a_short_ttl_drops_the_record_but_never_the_nonce(redis_url: str, redis_prefix: str) -> None:
    store = RedisStore(redis_url, prefix=redis_prefix, ttl=1.0)
    store.save("gestix:k", {"value": "v"})
    n = store.allocate_nonce("gestix:k", 100)
    assert store.load("gestix:k") == {"value": "v"}
    raw = _raw(redis_url)
    for _ in range(1000):  # until Redis expires the record (no fixed sleep: it may come late on a busy box)
        if not raw.exists(f"{redis_prefix}:gestix:k:session"):
            break
        time.sleep(0.01)
    assert store.load("gestix:k") is None
    assert store.allocate_nonce("gestix:k", 0) == n + 1


def test_ttl_per_provider_overrides_the_defaults(redis_url: str, redis_prefix: str) -> None:
    store = RedisStore(redis_url, prefix=redis_prefix, ttl={"gestix": 60.0, "bill": None})
    assert (store.ttl("gestix:k"), store.ttl("bill:k"), store.ttl("szamla_agent:k")) == (60.0, None, 5400.0)
    store.save("gestix:k", {"value": "v"})
    assert 59_000 < _raw(redis_url).pttl(f"{redis_prefix}:gestix:k:session") <= 60_000
    with pytest.raises(ValueError, match="positive"):
        RedisStore(redis_url, ttl=0)


def test_a_corrupt_record_is_logged_and_read_as_none(
    store: RedisStore, redis_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    _raw(redis_url).set(f"{store.prefix}:gestix:k:session", b'{"value": "v"')
    with caplog.at_level(logging.WARNING, "billing_sessions.stores"):
        assert store.load("gestix:k") is None
    assert len([r for r in caplog.records if "corrupt" in r.getMessage()]) == 1


def test_repr_never_shows_the_password() -> None:
    store = RedisStore("redis://user:s3cret@redis.internal:6380/2", prefix="p")
    assert "s3cret" not in repr(store)
    assert repr(store) == "RedisStore('redis://***@redis.internal:6380/2', prefix='p')"


def test_the_lock_excludes_other_store_objects_and_is_renewed_while_held(
    redis_url: str, redis_prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = RedisStore(redis_url, prefix=redis_prefix, lock_timeout=1.0)
    other = RedisStore(redis_url, prefix=redis_prefix, wait_timeout=0.1)
    held, done, outlived = threading.Event(), threading.Event(), threading.Event()
    renewals = 0
    renew = holder._renew

    def counting(name: str, token: str) -> None:  # the keeper thread renews every third of the timeout
        nonlocal renewals
        renew(name, token)
        renewals += 1
        if renewals == 4:  # at least 4/3 of the lock timeout since it was taken: only renewing kept it
            outlived.set()

    monkeypatch.setattr(holder, "_renew", counting)

    def hold() -> None:
        with holder.lock("gestix:k", "write"):
            held.set()
            done.wait(30)

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(5)
    assert outlived.wait(30)
    refused = 0
    try:
        with other.lock("gestix:k", "write"):
            pass
    except TimeoutError:
        refused += 1
    assert 0 < _raw(redis_url).pttl(f"{redis_prefix}:gestix:k:lock:write") <= 1000
    done.set()
    thread.join(5)
    with other.lock("gestix:k", "write"):
        pass
    assert refused == 1
    assert _raw(redis_url).exists(f"{redis_prefix}:gestix:k:lock:write") == 0


def test_a_lock_whose_holder_is_gone_frees_itself_within_the_lock_timeout(
    store: RedisStore, redis_url: str
) -> None:
    # A holder that died holds a lock nobody renews: what a SIGKILLed process leaves behind.
    name = f"{store.prefix}:gestix:k:lock:login"
    orphan = _raw(redis_url).lock(name, timeout=0.5)
    assert orphan.acquire(blocking=False)
    impatient = RedisStore(redis_url, prefix=store.prefix, wait_timeout=0)
    with pytest.raises(TimeoutError), impatient.lock("gestix:k", "login"):
        pass  # not taken from a holder while its lock is live
    with store.lock("gestix:k", "login"):  # waits (up to wait_timeout, 60 s) for the orphan's to expire
        assert _raw(redis_url).get(name) != orphan.local.token
    assert not orphan.owned()


def test_a_write_slot_whose_nonce_cannot_be_read_releases_its_lock_on_both_sides(
    store: RedisStore, redis_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sync twin used to leave the lock to expire; both are now generated from one form."""

    def unreadable(result: object) -> int:
        raise ValueError("not a nonce")

    monkeypatch.setattr(store, "_nonce", unreadable)
    name = f"{store.prefix}:gestix:k:lock:write"
    with pytest.raises(ValueError, match="not a nonce"), store.write_slot("gestix:k", 1):
        pass
    assert _raw(redis_url).exists(name) == 0

    async def main() -> None:
        with pytest.raises(ValueError, match="not a nonce"):
            async with store.awrite_slot("gestix:k", 1):
                pass
        await store.aclose()

    asyncio.run(main())
    assert _raw(redis_url).exists(name) == 0


@pytest.mark.anyio
async def test_alock_excludes_tasks_and_threads_of_one_process(store: RedisStore) -> None:
    inside, most, entered = 0, 0, 0
    guard = threading.Lock()

    def enter() -> None:
        nonlocal inside, most, entered
        with guard:
            inside += 1
            entered += 1
            most = max(most, inside)

    def leave() -> None:
        nonlocal inside
        with guard:
            inside -= 1

    def thread_worker() -> None:
        for _ in range(5):
            with store.lock("gestix:k", "write"):
                enter()
                time.sleep(0.003)
                leave()

    async def task_worker() -> None:
        async with store.alock("gestix:k", "write"):
            enter()
            await asyncio.sleep(0.003)
            leave()

    threads = [threading.Thread(target=thread_worker) for _ in range(2)]
    for t in threads:
        t.start()
    await asyncio.gather(*(task_worker() for _ in range(20)))
    for t in threads:
        await asyncio.to_thread(t.join, 10)
    await store.aclose()
    assert (entered, most) == (30, 1)


def _invoice(n: int) -> DocumentInput:
    return DocumentInput(lines=[DocumentLine(article_code=f"ART-{n}", quantity=1.0)])


@pytest.mark.anyio
async def test_async_sessions_on_one_redis_store_log_in_once_and_never_reuse_a_nonce(
    sb: Sandbox, store: RedisStore
) -> None:
    base = sb.base_url("gestix")
    async with (
        gestix.AsyncSession(base, api_token=DEMO.gestix_api_token, store=store) as a,
        gestix.AsyncSession(base, api_token=DEMO.gestix_api_token, store=store) as b,
    ):
        answers = await asyncio.gather(
            *(
                create_invoice.asyncio_detailed(client=(a, b)[i % 2].client, body=_invoice(i))
                for i in range(60)
            )
        )
        sb.state.expire_all("gestix")
        again = await asyncio.gather(
            *(
                create_invoice.asyncio_detailed(client=(a, b)[i % 2].client, body=_invoice(i))
                for i in range(20)
            )
        )
    await store.aclose()
    counters = sb.state.counters("gestix")
    assert [r.status_code for r in answers + again] == [201] * 80
    assert counters["nonce_rejections"] == 0
    assert counters["writes_applied"] == 80
    assert counters["logins"] == 2
    assert a.logins + b.logins == 2


def test_a_sessions_own_idle_timeout_reaches_the_key_expiry(
    sb: Sandbox, store: RedisStore, redis_url: str
) -> None:
    from billing_sessions import bill_v3

    bill_v3.LoginGuard.reset()
    with bill_v3.Session(
        **BillingSandbox(sb).session_kwargs("bill_v3"),
        store=store,
        idle_timeout=600.0,  # not BILL's 35 minutes: the store hears it with each save
        logout_on_close=False,
    ) as s:
        s.session_info()
        key = s.auth.key
    assert 599_000 < _raw(redis_url).pttl(f"{store.prefix}:{key}:session") <= 600_000
    bill_v3.LoginGuard.reset()
