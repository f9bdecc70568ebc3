"""Many accounts in one process (issue 23): sessions share one connection pool per host, and no request of
one account ever carries another's cookie or token; ``Registry`` / ``AsyncRegistry`` hand out sessions on
demand, reuse them, and close idle or surplus ones (least recently used first), never one in use."""

from __future__ import annotations

import asyncio
import os
import random
import ssl
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from billing_sessions import UsageError, bill, gestix, pools, szamla_agent
from billing_sessions.registry import AsyncRegistry, Registry
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import MemoryStore
from billing_sessions_generated.szamla_agent import models as m

pytestmark = pytest.mark.anyio

ACCOUNTS = 1000
THREADS = 32


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """A sandbox (so a host and port) of this module's own: its pool counts see no other test's sessions."""
    with Sandbox() as running:
        yield running


def _gestix_base(sb: Sandbox, n: int) -> str:
    return f"{sb.url}/api/{DEMO.account(n).gestix_account}/v4.0.0"


def _gestix(sb: Sandbox, n: int, **options: Any) -> gestix.Session:
    return gestix.Session(_gestix_base(sb, n), api_token=DEMO.account(n).gestix_api_token, **options)


def _taxpayer() -> m.Xmltaxpayer:
    return m.Xmltaxpayer(m.XmltaxpayerBeallitasok(), torzsszam="12345678")


def _check_credentials(sb: Sandbox) -> list[tuple[str, int, int | None]]:
    seen = sb.state.credentials_seen()
    assert [s for s in seen if s[2] is not None and s[2] != s[1]] == []
    assert sb.state.counters("gestix")["foreign_credentials"] == 0
    assert sb.state.counters("szamla_agent")["foreign_credentials"] == 0
    return seen


def test_a_thousand_accounts_from_32_threads_carry_only_their_own_credentials(sb: Sandbox) -> None:
    sb.state.configure(accounts=ACCOUNTS, record_credentials=True)
    store = MemoryStore()
    pools_before = pools.open_pools()
    # Even accounts on Gestix (a bearer token each), odd ones on the Számla Agent (a cookie each): one host.
    sessions: list[gestix.Session | szamla_agent.Session] = [
        _gestix(sb, n, store=store)
        if n % 2 == 0
        else szamla_agent.Session(
            sb.base_url("szamla_agent"), agent_key=DEMO.account(n).szamla_agent_key, store=store
        )
        for n in range(ACCOUNTS)
    ]
    calls = list(range(ACCOUNTS)) * 2  # two calls per account, in any order, often at once
    random.Random(23).shuffle(calls)

    def call(n: int) -> None:
        s = sessions[n]
        if isinstance(s, gestix.Session):
            s.status()
        else:
            assert s.query_taxpayer(_taxpayer()).answer.taxpayer_validity is True

    try:
        with ThreadPoolExecutor(THREADS) as pool:
            list(pool.map(call, calls))
        assert pools.open_pools() - pools_before == pools.SHARDS  # the host's pool, whatever the accounts
    finally:
        for s in sessions:
            s.close()
    assert pools.open_pools() == pools_before  # given back when the last session closed

    seen = _check_credentials(sb)
    half = ACCOUNTS // 2
    gestix_seen = [s for s in seen if s[0] == "gestix"]
    agent_seen = [s for s in seen if s[0] == "szamla_agent"]
    assert sorted(a for _, a, holder in gestix_seen if holder == a) == sorted(list(range(0, ACCOUNTS, 2)) * 2)
    # An account's first Agent call makes its cookie; the second carries it (and only it).
    assert sorted(a for _, a, holder in agent_seen if holder == a) == list(range(1, ACCOUNTS, 2))
    assert sorted(a for _, a, holder in agent_seen if holder is None) == list(range(1, ACCOUNTS, 2))
    assert sb.state.counters("gestix")["logins"] == half
    assert sb.state.counters("szamla_agent")["sessions_created"] == half


def test_sessions_lease_one_pool_per_host_and_the_last_one_closes_it(sb: Sandbox) -> None:
    sb.state.configure(accounts=20)
    before = pools.open_pools()
    sessions = [_gestix(sb, n) for n in range(1, 20)]
    for s in sessions:
        s.status()
    shards = [pools.shard(s.auth.key) for s in sessions]
    leased = [[t for _, t in s.transport._leases.values()] for s in sessions]
    logins = [
        [t for _, t in c._client._transport._leases.values()]
        for s in sessions
        for c in s.provider.login_clients
    ]
    assert all(len(transports) == 1 for transports in leased + logins)
    assert [t[0] for t in logins] == [t[0] for t in leased]  # an account's logins: its calls' pool
    by_shard = {shard: transports[0] for shard, transports in zip(shards, leased, strict=True)}
    assert all(by_shard[shard] is transports[0] for shard, transports in zip(shards, leased, strict=True))
    assert len(set(by_shard.values())) == len(by_shard) == pools.SHARDS  # 19 accounts, 4 transports
    assert pools.open_pools() == before + pools.SHARDS
    last = {shard: i for i, shard in enumerate(shards)}
    for i, s in enumerate(sessions):
        if i not in last.values():
            s.close()
    assert pools.open_pools() == before + pools.SHARDS  # still used: each shard by one session
    for i in last.values():
        sessions[i].status()
        sessions[i].close()
    assert pools.open_pools() == before


async def test_async_sessions_share_a_pool_and_keep_their_own_cookies(sb: Sandbox) -> None:
    sb.state.configure(accounts=100, record_credentials=True)
    before = pools.open_pools()
    store = MemoryStore()
    sessions = [
        szamla_agent.AsyncSession(
            sb.base_url("szamla_agent"), agent_key=DEMO.account(n).szamla_agent_key, store=store
        )
        for n in range(100)
    ]
    try:
        for _ in range(2):
            await asyncio.gather(*(s.query_taxpayer(_taxpayer()) for s in sessions))
        assert pools.open_pools() == before + pools.SHARDS
    finally:
        for s in sessions:
            await s.aclose()
    assert pools.open_pools() == before
    seen = _check_credentials(sb)
    assert sorted(a for _, a, holder in seen if holder == a) == list(range(100))
    assert sb.state.counters("szamla_agent")["sessions_created"] == 100


# -- Registry


def test_the_registry_opens_on_first_use_reuses_and_closes_the_least_recently_used(sb: Sandbox) -> None:
    sb.state.configure(accounts=6)
    with Registry(gestix.Session, max_open=3, idle=None) as registry:
        opened = []
        for n in (1, 2, 3, 1, 4, 5):
            with registry.use(base_url=_gestix_base(sb, n), api_token=DEMO.account(n).gestix_api_token) as s:
                s.status()
                opened.append(s)
        assert opened[0] is opened[3]  # reused
        assert len(registry) == 3 and registry.opened == 5 and registry.closed == 2
        assert [s._closed for s in opened] == [False, True, True, False, False, False]  # 2, 3: least recent
        with registry.use(base_url=_gestix_base(sb, 2), api_token=DEMO.account(2).gestix_api_token) as s:
            s.status()  # opened again: the registry's store still has its login
        assert registry.opened == 6
    assert all(s._closed for s in opened)
    assert sb.state.counters("gestix")["logins"] == 5  # one per account, none after a reopen
    assert DEMO.account(1).gestix_api_token not in repr(registry) and "open=0" in repr(registry)


def test_a_session_in_use_is_never_closed(sb: Sandbox) -> None:
    sb.state.configure(accounts=3)
    registry = Registry(gestix.Session, max_open=1)
    one = {"base_url": _gestix_base(sb, 1), "api_token": DEMO.account(1).gestix_api_token}
    two = {"base_url": _gestix_base(sb, 2), "api_token": DEMO.account(2).gestix_api_token}
    with registry.use(**one) as first:
        with registry.use(**two) as second:
            first.status()
            second.status()
        assert second._closed and not first._closed  # past the bound: the one not in use goes
        first.status()
        registry.close()  # closing the registry waits for the block, too
        assert not first._closed
        first.status()
    assert first._closed and len(registry) == 0
    with pytest.raises(UsageError, match="closed"), registry.use(**one):
        pass


def test_idle_sessions_close_on_the_next_use_or_sweep(sb: Sandbox) -> None:
    sb.state.configure(accounts=4)
    now = [0.0]
    registry = Registry(gestix.Session, idle=60.0, clock=lambda: now[0])
    account = [
        {"base_url": _gestix_base(sb, n), "api_token": DEMO.account(n).gestix_api_token} for n in range(4)
    ]
    with registry.use(**account[1]) as first:
        first.status()
    now[0] = 30.0
    with registry.use(**account[2]) as second:
        second.status()
    now[0] = 61.0
    with registry.use(**account[3]) as third:
        third.status()
    assert first._closed and not second._closed and len(registry) == 2
    now[0] = 200.0
    assert registry.sweep() == 2 and len(registry) == 0 and second._closed and third._closed


def test_the_registry_under_32_threads_with_a_small_bound(sb: Sandbox) -> None:
    sb.state.configure(accounts=200, record_credentials=True)
    registry = Registry(gestix.Session, max_open=50)
    uses = [n % 200 for n in range(1000)]
    random.Random(7).shuffle(uses)

    def use(n: int) -> None:
        with registry.use(base_url=_gestix_base(sb, n), api_token=DEMO.account(n).gestix_api_token) as s:
            s.status()

    with ThreadPoolExecutor(THREADS) as pool:
        list(pool.map(use, uses))  # a session closed while in use would fail its call here
    assert len(registry) <= 50 and registry.opened - registry.closed == len(registry)
    registry.close()
    assert len(registry) == 0 and registry.opened == registry.closed
    _check_credentials(sb)
    assert sb.state.counters("gestix")["logins"] == 200  # sessions reopened reuse the stored login


async def test_the_async_registry(sb: Sandbox) -> None:
    sb.state.configure(accounts=60, record_credentials=True)
    async with AsyncRegistry(szamla_agent.AsyncSession, max_open=20) as registry:

        async def use(n: int) -> None:
            async with registry.use(
                base_url=sb.base_url("szamla_agent"), agent_key=DEMO.account(n).szamla_agent_key
            ) as s:
                await s.query_taxpayer(_taxpayer())

        for _ in range(3):
            await asyncio.gather(*(use(n) for n in range(60)))
        assert len(registry) <= 20 and registry.opened > 60  # evicted and opened again
    assert len(registry) == 0 and registry.opened == registry.closed
    _check_credentials(sb)
    assert sb.state.counters("szamla_agent")["sessions_created"] == 60  # reopened: the stored cookie


def test_a_session_the_registry_closes_stays_logged_in_for_the_next(sb: Sandbox) -> None:
    account = {
        "user_name": DEMO.bill_user_name,
        "password": DEMO.bill_password,
        "org_id": DEMO.bill_org_id,
        "dev_key": DEMO.bill_dev_key,
    }
    with Registry(bill.Session, max_open=1) as registry:
        for timeout in (30.0, 31.0, 30.0):  # one account, three Session objects: each closes the last
            with registry.use(base_url=sb.base_url("bill"), timeout=timeout, **account) as s:
                s.session_info()
        assert registry.closed == 2
    counters = sb.state.counters("bill")
    assert counters["logins"] == 1 and counters["logouts"] == 0  # the registry's store keeps the session


def test_registry_usage_errors() -> None:
    with pytest.raises(ValueError, match="max_open"):
        Registry(gestix.Session, max_open=0)
    with pytest.raises(TypeError, match="session class"):
        Registry("gestix")  # type: ignore[arg-type]
    registry = Registry(gestix.Session, on_evnt=print)
    with (
        pytest.raises(TypeError, match="on_evnt"),
        registry.use(base_url="http://127.0.0.1:9", api_token="t"),
    ):
        pass
    with pytest.raises(TypeError, match="hashable"), registry.use(base_url=["x"]):
        pass


def test_a_forked_child_never_uses_its_parents_connections(sb: Sandbox) -> None:
    with _gestix(sb, 0) as s:
        s.status()
        parent = next(iter(s.transport._leases.values()))[1]
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: report, then leave at once (no pytest teardown in here)
            code = 1
            try:
                s.status()
                child = next(iter(s.transport._leases.values()))[1]
                code = 0 if child is not parent and pools.open_pools() == 1 else 2
            finally:
                os.write(write, bytes([code]))
                os._exit(0)
        os.close(write)
        _, status = os.waitpid(pid, 0)
        assert os.read(read, 1) == b"\x00" and status == 0
        os.close(read)
        s.status()  # the parent's pool is untouched
        assert next(iter(s.transport._leases.values()))[1] is parent


def test_one_tls_context_per_tls_settings_and_one_pool_per_settings() -> None:
    base = "https://gestix.invalid/api/03101176/v4.0.0"
    request = httpx.Request("GET", base + "/status")
    plain = [gestix.Session(base, api_token=f"t{n}") for n in range(8)]
    unverified = gestix.Session(base, api_token="t0", httpx_args={"verify": False})
    try:
        transports = [s.transport._sync_transport(request) for s in plain]
        contexts = {id(t._pool._ssl_context) for t in transports}  # type: ignore[attr-defined]
        assert len(contexts) == 1  # every shard of the host: one TLS context
        other = unverified.transport._sync_transport(request)
        assert other not in transports  # other TLS settings: another pool, and another context
        assert other._pool._ssl_context.verify_mode == ssl.CERT_NONE  # type: ignore[attr-defined]
        assert id(other._pool._ssl_context) not in contexts  # type: ignore[attr-defined]
    finally:
        for s in [*plain, unverified]:
            s.close()


def test_the_sandbox_knows_its_accounts_and_counts_a_foreign_token(sb: Sandbox) -> None:
    sb.state.configure(accounts=3)
    with httpx.Client() as http:

        def helo(n: int) -> str:
            headers = {"Authorization": f"Bearer {DEMO.account(n).gestix_api_token}"}
            answer = http.get(_gestix_base(sb, n) + "/helo", headers=headers)
            assert answer.status_code == 200
            token: str = answer.json()["xa-token"]
            return token

        first, second = helo(1), helo(2)
        status = _gestix_base(sb, 1) + "/status"
        assert http.get(status, headers={"Authorization": f"Bearer {first}"}).status_code == 200
        assert http.get(status, headers={"Authorization": f"Bearer {second}"}).status_code == 403
        wrong_key = {"Authorization": f"Bearer {DEMO.account(2).gestix_api_token}"}
        assert http.get(_gestix_base(sb, 1) + "/helo", headers=wrong_key).status_code == 403
        assert http.get(_gestix_base(sb, 3) + "/status").status_code == 404  # beyond `accounts`
    assert sb.state.counters("gestix")["foreign_credentials"] == 1
