"""Real OS processes ("spawn") sharing one FileStore or RedisStore against the sandbox of this process.

4 processes x 50 Gestix writes: one login, no nonce rejected; 4 x 25 Számla Agent calls: one session; an
expiry in the middle: one more login for all of them; a restart with the clock an hour back still sends a
nonce above the stored one; a lock holder killed with SIGKILL does not block the others. Plus threads and
tasks of one process sharing a store: a sync and an async session never interleave their writes.
"""

from __future__ import annotations

import asyncio
import dataclasses
import multiprocessing
import os
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from multiprocessing.context import SpawnContext
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier, Event
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
import redis.cluster

from billing_sessions import bill_v3, gestix, szamla_agent
from billing_sessions.redis_store import RedisStore
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import FileStore, MemoryStore, SessionStore
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine

PROCESSES = 4
TIMEOUT = 60.0
AGENT_XML = """<?xml version="1.0" encoding="UTF-8"?>
<xmlszamla xmlns="http://www.szamlazz.hu/xmlszamla">
  <beallitasok><szamlaagentkulcs/><eszamla>false</eszamla><szamlaLetoltes>false</szamlaLetoltes>
  <valaszVerzio>1</valaszVerzio></beallitasok>
  <fejlec><keltDatum>2026-11-23</keltDatum><teljesitesDatum>2026-11-23</teljesitesDatum>
  <fizetesiHataridoDatum>2026-12-01</fizetesiHataridoDatum><fizmod>Átutalás</fizmod><penznem>HUF</penznem>
  <szamlaNyelve>hu</szamlaNyelve></fejlec><elado/>
  <vevo><nev>Teszt Kft.</nev><irsz>1011</irsz><telepules>Budapest</telepules><cim>Fő utca 1.</cim></vevo>
  <tetelek><tetel><megnevezes>Szolgáltatás</megnevezes><mennyiseg>1</mennyiseg><mennyisegiEgyseg>db</mennyisegiEgyseg>
  <nettoEgysegar>10000</nettoEgysegar><afakulcs>27</afakulcs><nettoErtek>10000</nettoErtek><afaErtek>2700</afaErtek>
  <bruttoErtek>12700</bruttoErtek></tetel></tetelek>
</xmlszamla>
"""


@dataclasses.dataclass(frozen=True)
class StoreSpec:
    """What a child process needs to open the same store (a store object itself is not sent)."""

    kind: str  # "file", "redis" or "cluster" (a Redis Cluster)
    target: str  # the file path or the Redis URL
    prefix: str = ""
    lock_timeout: float = 10.0

    def open(self, wait: float | None = None) -> SessionStore:
        if self.kind == "file":
            return FileStore(self.target, lock_timeout=60.0 if wait is None else wait)
        return RedisStore(
            self.target,
            cluster=self.kind == "cluster",
            prefix=self.prefix,
            lock_timeout=self.lock_timeout,
            wait_timeout=60.0 if wait is None else wait,
        )

    def stored_nonce(self, key: str) -> int:
        if self.kind == "file":
            last = FileStore(self.target).last_nonce(key)
            assert last is not None
            return last
        if self.kind == "cluster":
            raw = redis.cluster.RedisCluster.from_url(self.target).get(f"{self.prefix}:{{{key}}}:nonce")
        else:
            raw = redis.Redis.from_url(self.target).get(f"{self.prefix}:{key}:nonce")
        assert isinstance(raw, bytes)
        return int(raw)


@pytest.fixture(params=["file", "redis"])
def spec(request: pytest.FixtureRequest, tmp_path: Path) -> StoreSpec:
    if request.param == "file":
        return StoreSpec("file", str(tmp_path / "sessions.json"))
    url: str = request.getfixturevalue("redis_url")
    prefix: str = request.getfixturevalue("redis_prefix")
    return StoreSpec("redis", url, prefix, lock_timeout=1.0)


# -- what the child processes run (module level: "spawn" imports this module in the child)


def _child(results: Queue[tuple[str, int, Any]], fn: Callable[..., Any], *args: Any) -> None:
    try:
        results.put(("ok", os.getpid(), fn(*args)))
    except BaseException:
        results.put(("error", os.getpid(), traceback.format_exc()))


def _invoice(n: int) -> DocumentInput:
    return DocumentInput(lines=[DocumentLine(article_code=f"ART-{n}", quantity=1.0)])


def gestix_writes(
    spec: StoreSpec,
    base_url: str,
    writes: int,
    start: Barrier | None = None,
    middle: Barrier | None = None,
    go: Event | None = None,
    clock_offset: float = 0.0,
) -> dict[str, Any]:
    """``writes`` invoices on one session; at the half, wait for ``middle`` and ``go`` (parent expires)."""
    nonces: list[int] = []

    def seen(request: httpx.Request) -> None:
        if "nonce" in request.url.params:
            nonces.append(int(request.url.params["nonce"]))

    codes: Counter[int] = Counter()
    with gestix.Session(
        base_url,
        api_token=DEMO.gestix_api_token,
        store=spec.open(),
        clock=lambda: time.time() + clock_offset,
        httpx_args={"event_hooks": {"request": [seen]}},
    ) as s:
        if start is not None:
            start.wait(TIMEOUT)
        for i in range(writes):
            if middle is not None and go is not None and i == writes // 2:
                middle.wait(TIMEOUT)
                assert go.wait(TIMEOUT)
            codes[create_invoice.sync_detailed(client=s.client, body=_invoice(i)).status_code] += 1
        return {
            "codes": dict(codes),
            "logins": s.logins,
            "reauths": s.auth.reauths,
            "nonces": nonces,
            "key": s.auth.key,
        }


def pipelined_writes(
    spec: StoreSpec, base_url: str, writes: int, tasks: int, start: Barrier
) -> dict[str, Any]:
    """``writes`` invoices from ``tasks`` asyncio tasks on one AsyncSession, each with a unique reference."""

    async def main() -> dict[str, Any]:
        store = spec.open()
        codes: Counter[int] = Counter()
        numbers = iter(range(writes))
        async with gestix.AsyncSession(base_url, api_token=DEMO.gestix_api_token, store=store) as s:
            await s.status()
            start.wait(TIMEOUT)

            async def worker() -> None:
                for i in numbers:
                    body = DocumentInput(
                        lines=[DocumentLine(article_code="A", quantity=1.0)], reference=f"{os.getpid()}-{i}"
                    )
                    codes[
                        (await create_invoice.asyncio_detailed(client=s.client, body=body)).status_code
                    ] += 1

            await asyncio.gather(*(worker() for _ in range(tasks)))
            rejections = s.auth.nonce_rejections
        if isinstance(store, RedisStore):
            await store.aclose()
        return {"codes": dict(codes), "rejections": rejections}

    return asyncio.run(main())


def agent_calls(spec: StoreSpec, base_url: str, calls: int, start: Barrier) -> int:
    ok = 0
    with szamla_agent.Session(base_url, agent_key=DEMO.szamla_agent_key, store=spec.open()) as s:
        start.wait(TIMEOUT)
        for _ in range(calls):
            ok += s.send("action-xmlagentxmlfile", AGENT_XML).ok
    return ok


BILL_V3: dict[str, Any] = {
    "username": DEMO.bill_user_name,
    "password": DEMO.bill_password,
    "organization_id": DEMO.bill_org_id,
    "dev_key": DEMO.bill_dev_key,
    "device": "ci-fleet",
}


def bill_v3_calls(spec: StoreSpec, base_url: str, calls: int, start: Barrier) -> dict[str, Any]:
    with bill_v3.Session(base_url, store=spec.open(), logout_on_close=False, **BILL_V3) as s:
        start.wait(TIMEOUT)
        for _ in range(calls):
            s.session_info()
        return {"logins": s.logins, "trusted": s.trusted}


def hold_lock(spec: StoreSpec, key: str, held: Event) -> None:
    with spec.open().lock(key, "login"):
        held.set()
        time.sleep(TIMEOUT)  # until killed


# -- the parent side


@pytest.fixture
def ctx() -> SpawnContext:
    return multiprocessing.get_context("spawn")


def _run(
    ctx: SpawnContext, n: int, fn: Callable[..., Any], *args: Any, meanwhile: Callable[[], None] | None = None
) -> list[Any]:
    """Run ``fn(*args)`` in ``n`` new processes: their results, or the first child's traceback."""
    results: Queue[tuple[str, int, Any]] = ctx.Queue()
    processes = [ctx.Process(target=_child, args=(results, fn, *args)) for _ in range(n)]
    for p in processes:
        p.start()
    try:
        if meanwhile is not None:
            meanwhile()
        out = [results.get(timeout=TIMEOUT) for _ in processes]
    finally:
        for p in processes:
            p.join(10)
            if p.is_alive():
                p.kill()
                p.join()
    failures = [text for status, _, text in out if status != "ok"]
    assert not failures, failures[0]
    assert [p.exitcode for p in processes] == [0] * n
    return [value for _, _, value in out]


def test_4_processes_x_50_gestix_writes_log_in_once_and_no_nonce_is_rejected(
    sb: Sandbox, spec: StoreSpec, ctx: SpawnContext
) -> None:
    start = ctx.Barrier(PROCESSES)
    out = _run(ctx, PROCESSES, gestix_writes, spec, sb.base_url("gestix"), 50, start)
    counters = sb.state.counters("gestix")
    assert [r["codes"] for r in out] == [{201: 50}] * PROCESSES
    assert counters["nonce_rejections"] == 0
    assert counters["writes_applied"] == 200
    assert counters["logins"] == 1
    assert sum(r["logins"] for r in out) == 1
    nonces = sorted(n for r in out for n in r["nonces"])
    assert len(set(nonces)) == 200
    assert sb.state.last_nonce() == nonces[-1] == spec.stored_nonce(out[0]["key"])


def test_4_processes_x_8_tasks_write_over_a_reordering_network_across_an_expiry_and_fail_none(
    sb: Sandbox, spec: StoreSpec, ctx: SpawnContext
) -> None:
    """20 +- 5 ms with requests overtaking each other, the docs' nonce rule (per session) answered with the
    docs' bare 400, and every session expiring halfway: every write created once, two logins in all."""
    sb.state.set_latency(0.02, 0.005)
    start = ctx.Barrier(PROCESSES)

    def expire_halfway() -> None:
        while sb.state.counters("gestix")["writes_applied"] < 100:
            time.sleep(0.001)
        sb.state.expire_all("gestix")

    out = _run(
        ctx, PROCESSES, pipelined_writes, spec, sb.base_url("gestix"), 50, 8, start, meanwhile=expire_halfway
    )
    counters = sb.state.counters("gestix")
    references = sb.state.references("gestix")
    assert [r["codes"] for r in out] == [{201: 50}] * PROCESSES
    assert counters["writes_applied"] == len(references) == 200
    assert counters["duplicate_references"] == 0
    assert counters["expired_rejections"] >= 1  # the expiry did land in the middle
    assert counters["logins"] == 2
    # Each write the server refused (overtaken) was re-sent once, alone, and accepted.
    assert counters["nonce_rejections"] == sum(r["rejections"] for r in out)
    assert counters["max_in_flight"] > 1  # the writes overlapped on the wire


def test_4_processes_x_25_agent_calls_create_one_session(
    sb: Sandbox, spec: StoreSpec, ctx: SpawnContext
) -> None:
    start = ctx.Barrier(PROCESSES)
    out = _run(ctx, PROCESSES, agent_calls, spec, sb.base_url("szamla_agent"), 25, start)
    assert out == [25] * PROCESSES
    assert sb.state.counters("szamla_agent")["sessions_created"] == 1


def test_an_expiry_in_the_middle_costs_exactly_one_more_login_across_processes(
    sb: Sandbox, spec: StoreSpec, ctx: SpawnContext
) -> None:
    start, middle, go = ctx.Barrier(PROCESSES), ctx.Barrier(PROCESSES + 1), ctx.Event()

    def expire_when_all_are_halfway() -> None:
        middle.wait(TIMEOUT)  # every child has written 25 and waits
        assert sb.state.counters("gestix")["logins"] == 1
        sb.state.expire_all("gestix")
        go.set()

    out = _run(
        ctx,
        PROCESSES,
        gestix_writes,
        spec,
        sb.base_url("gestix"),
        50,
        start,
        middle,
        go,
        meanwhile=expire_when_all_are_halfway,
    )
    counters = sb.state.counters("gestix")
    assert [r["codes"] for r in out] == [{201: 50}] * PROCESSES
    assert counters["logins"] == 2
    assert sum(r["logins"] for r in out) == 2
    assert counters["expired_rejections"] == PROCESSES  # each process re-sent its first write once
    assert sum(r["reauths"] for r in out) == PROCESSES
    assert counters["nonce_rejections"] == 0
    assert counters["writes_applied"] == 200


def test_a_restart_with_the_clock_an_hour_back_sends_a_nonce_above_the_stored_one(
    sb: Sandbox, spec: StoreSpec, ctx: SpawnContext
) -> None:
    base = sb.base_url("gestix")
    (first,) = _run(ctx, 1, gestix_writes, spec, base, 5)
    stored = spec.stored_nonce(first["key"])
    assert stored == first["nonces"][-1] == sb.state.last_nonce()
    (second,) = _run(ctx, 1, gestix_writes, spec, base, 3, None, None, None, -3600.0)
    counters = sb.state.counters("gestix")
    assert second["codes"] == {201: 3}
    assert second["nonces"] == [stored + 1, stored + 2, stored + 3]  # the stored mark, not the clock
    assert counters["nonce_rejections"] == 0
    assert counters["logins"] == 1  # the new process reused the stored token


def test_a_lock_holder_killed_with_sigkill_does_not_block_the_others(
    spec: StoreSpec, ctx: SpawnContext
) -> None:
    held = ctx.Event()
    holder = ctx.Process(target=hold_lock, args=(spec, "gestix:k", held))
    holder.start()
    try:
        assert held.wait(TIMEOUT)
        refused = 0
        try:
            with spec.open(wait=0.2).lock("gestix:k", "login"):
                pass
        except TimeoutError:
            refused += 1
        assert refused == 1
    finally:
        holder.kill()
        holder.join(10)
    assert holder.exitcode == -9
    # The kernel drops a dead process's flock at once (one try, no wait, gets it); a Redis lock nobody
    # renews expires after its lock_timeout (1 s; the store waits up to 60 s for it).
    with spec.open(wait=0.0 if spec.kind == "file" else None).lock("gestix:k", "login"):
        pass


@pytest.fixture(params=["memory", "file", "redis"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SessionStore]:
    if request.param == "memory":
        yield MemoryStore()
    elif request.param == "file":
        yield FileStore(tmp_path / "sessions.json")
    else:
        store = RedisStore(
            request.getfixturevalue("redis_url"), prefix=request.getfixturevalue("redis_prefix")
        )
        yield store
        store.close()


@pytest.mark.anyio
async def test_a_sync_and_an_async_session_on_one_store_never_interleave_writes(
    sb: Sandbox, any_store: SessionStore
) -> None:
    base = sb.base_url("gestix")
    sync_codes: list[int] = []

    def sync_writer() -> None:
        with gestix.Session(base, api_token=DEMO.gestix_api_token, store=any_store) as s:
            sync_codes.extend(
                create_invoice.sync_detailed(client=s.client, body=_invoice(i)).status_code for i in range(30)
            )

    thread = threading.Thread(target=sync_writer)
    thread.start()
    async with gestix.AsyncSession(base, api_token=DEMO.gestix_api_token, store=any_store) as a:
        answers = await asyncio.gather(
            *(create_invoice.asyncio_detailed(client=a.client, body=_invoice(i)) for i in range(30))
        )
    await asyncio.to_thread(thread.join, 30)
    if isinstance(any_store, RedisStore):
        await any_store.aclose()
    counters = sb.state.counters("gestix")
    assert sync_codes + [r.status_code for r in answers] == [201] * 60
    assert counters["writes_applied"] == 60
    assert counters["duplicate_references"] == 0
    # The shared session, plus the write sessions of the async one for its concurrent writes (a process
    # store: nobody else's); the sync one writes one at a time on the shared session.
    assert 1 <= counters["logins"] <= 16


def test_4_processes_log_in_to_bill_v3_once_and_come_back_trusted_from_the_stored_trust(
    sb: Sandbox, spec: StoreSpec, ctx: SpawnContext
) -> None:
    with bill_v3.Session(sb.base_url("bill_v3"), store=spec.open(), logout_on_close=False, **BILL_V3) as s:
        s.mfa_validate(s.mfa_challenge(), sb.state.mfa_code() or "")
        s.auth.forget()  # the session goes; the remembered trust stays in the store
    start = ctx.Barrier(PROCESSES)
    out = _run(ctx, PROCESSES, bill_v3_calls, spec, sb.base_url("bill_v3"), 10, start)
    assert [r["trusted"] for r in out] == [True] * PROCESSES
    assert sum(r["logins"] for r in out) == 1
    counters = sb.state.counters("bill_v3")
    assert (counters["logins"], counters["mfa_texts"], counters["expired_rejections"]) == (2, 1, 0)
