"""Benchmarks 1-5 of issue 7, each against the sandbox process, each compared with its baseline in one run.

Where latencies are compared, the variants are interleaved request by request (in a shuffled order), so
drift and other load on the machine hit both sides alike: the ratios are robust, the absolute times are not.
"""

from __future__ import annotations

import asyncio
import gc
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx

from bench_common import GESTIX_PATH, ROOT, Admin, Row, elapsed_ms, import_medians, percentile, row
from billing_sessions import gestix, szamla_agent
from billing_sessions.sandbox.credentials import DEMO
from billing_sessions.stores import FileStore, MemoryStore
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine, StatusResponse

TARGET_RATIO = 1.10
#: What the sandbox charges for each Számla Agent session it makes (a login round trip to a remote server).
LOGIN_COST = 0.05
FEJLEC = (
    "<fejlec><keltDatum>2026-11-23</keltDatum><teljesitesDatum>2026-11-23</teljesitesDatum>"
    "<fizetesiHataridoDatum>2026-12-01</fizetesiHataridoDatum><fizmod>Átutalás</fizmod><penznem>HUF</penznem>"
    "<szamlaNyelve>hu</szamlaNyelve></fejlec><elado/>"
)
TETEL = (
    "<tetel><megnevezes>Szolgáltatás</megnevezes><mennyiseg>1</mennyiseg><mennyisegiEgyseg>db</mennyisegiEgyseg>"
    "<nettoEgysegar>10000</nettoEgysegar><afakulcs>27</afakulcs><nettoErtek>10000</nettoErtek>"
    "<afaErtek>2700</afaErtek><bruttoErtek>12700</bruttoErtek></tetel>"
)
AGENT_XML = (
    '<?xml version="1.0" encoding="UTF-8"?><xmlszamla xmlns="http://www.szamlazz.hu/xmlszamla"><beallitasok>'
    "<szamlaagentkulcs/><eszamla>false</eszamla><szamlaLetoltes>false</szamlaLetoltes>"
    f"<valaszVerzio>1</valaszVerzio></beallitasok>{FEJLEC}<vevo><nev>Bench</nev><irsz>1011</irsz><telepules>Budapest</telepules>"
    f"<cim>Fő utca 1.</cim></vevo><tetelek>{TETEL}</tetelek></xmlszamla>"
)
INVOICE = DocumentInput(lines=[DocumentLine(article_code="BENCH", quantity=1.0)])
WARMUP = 100


# -- 1. overhead: gestix.Session vs raw httpx with a hand-set header


def _interleaved(
    calls: dict[str, Callable[[], object]], n: int, rng: random.Random
) -> dict[str, list[float]]:
    for _ in range(WARMUP):
        for fn in calls.values():
            fn()
    names = list(calls)
    samples: dict[str, list[float]] = {name: [] for name in names}
    _quiet_gc()
    try:
        for _ in range(n):
            rng.shuffle(names)
            for name in names:
                start = time.perf_counter()
                calls[name]()
                samples[name].append(elapsed_ms(start))
    finally:
        gc.unfreeze()
    return samples


async def _ainterleaved(
    calls: dict[str, Callable[[], Awaitable[object]]], n: int, rng: random.Random
) -> dict[str, list[float]]:
    for _ in range(WARMUP):
        for fn in calls.values():
            await fn()
    names = list(calls)
    samples: dict[str, list[float]] = {name: [] for name in names}
    _quiet_gc()
    try:
        for _ in range(n):
            rng.shuffle(names)
            for name in names:
                start = time.perf_counter()
                await calls[name]()
                samples[name].append(elapsed_ms(start))
    finally:
        gc.unfreeze()
    return samples


def _quiet_gc() -> None:
    """Everything imported so far out of the collector's sight: a full collection walking the modules of
    the sandbox, pydantic and matplotlib would land on whichever request is in flight."""
    gc.collect()
    gc.freeze()


def _overhead_row(mode: str, variant: str, got: list[float], raw: list[float]) -> Row:
    p50, p99 = statistics.median(got), percentile(got, 0.99)
    raw50, raw99 = statistics.median(raw), percentile(raw, 0.99)
    r50, r99 = p50 / raw50, p99 / raw99
    return row(
        f"overhead {mode}",
        variant,
        f"p50 {p50:.3f} vs {raw50:.3f} ms (x{r50:.3f}); p99 {p99:.3f} vs {raw99:.3f} ms (x{r99:.3f})",
        target=f"p50 and p99 ratio <= {TARGET_RATIO:.2f}",
        kind="time",
        ok=r50 <= TARGET_RATIO and r99 <= TARGET_RATIO,
        n=len(got),
        p50_ms=round(p50, 4),
        p99_ms=round(p99, 4),
        raw_p50_ms=round(raw50, 4),
        raw_p99_ms=round(raw99, 4),
        ratio_p50=round(r50, 3),
        ratio_p99=round(r99, 3),
    )


def overhead(url: str, admin: Admin, n: int) -> list[Row]:
    """Authenticated ``GET /status``, sync and async: the session's httpx client and the typed
    ``s.status()``, each against raw httpx with a hand-set ``Authorization`` header doing the same work."""
    base = url + GESTIX_PATH
    admin.reset()
    rng = random.Random(7)
    with gestix.Session(base, api_token=DEMO.gestix_api_token) as s, httpx.Client(base_url=base) as raw:
        s.status()
        assert s.auth.token is not None
        headers = {"Authorization": f"Bearer {s.auth.token.value}"}
        http = s.client.get_httpx_client()
        sync = _interleaved(
            {
                "raw": lambda: raw.get("/status", headers=headers).json(),
                "session": lambda: http.get("/status").json(),
                "raw typed": lambda: StatusResponse.from_dict(raw.get("/status", headers=headers).json()),
                "typed": s.status,
            },
            n,
            rng,
        )
    asyn = asyncio.run(_overhead_async(base, n, rng))
    rows = []
    for mode, samples in (("sync", sync), ("async", asyn)):
        rows.append(_overhead_row(mode, "s.client (httpx GET)", samples["session"], samples["raw"]))
        rows.append(_overhead_row(mode, "s.status() (typed)", samples["typed"], samples["raw typed"]))
    return rows


async def _overhead_async(base: str, n: int, rng: random.Random) -> dict[str, list[float]]:
    async with (
        gestix.AsyncSession(base, api_token=DEMO.gestix_api_token) as s,
        httpx.AsyncClient(base_url=base) as raw,
    ):
        await s.status()
        assert s.auth.token is not None
        headers = {"Authorization": f"Bearer {s.auth.token.value}"}
        http = s.client.get_async_httpx_client()

        async def raw_json() -> Any:
            return (await raw.get("/status", headers=headers)).json()

        async def session_json() -> Any:
            return (await http.get("/status")).json()

        async def raw_typed() -> StatusResponse:
            return StatusResponse.from_dict(await raw_json())

        return await _ainterleaved(
            {"raw": raw_json, "session": session_json, "raw typed": raw_typed, "typed": s.status}, n, rng
        )


# -- 2. session reuse: Számla Agent with a file store vs no stored cookie


def session_reuse(url: str, admin: Admin, n: int) -> list[Row]:
    """``n`` calls on one Session, the sandbox charging ``LOGIN_COST`` for each session it makes: with a file
    store the cookie is kept (and a second Session object on the same file reuses it too); without a stored
    cookie (``s.reset()`` before each call) every call makes a new session."""
    rows = []
    walls: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sessions.json"
        for variant in ("file store", "no stored cookie"):
            admin.reset(login_delay=LOGIN_COST)
            ok = 0
            store = FileStore(path) if variant == "file store" else MemoryStore()
            start = time.perf_counter()
            with szamla_agent.Session(url, agent_key=DEMO.szamla_agent_key, store=store) as s:
                for _ in range(n):
                    if variant == "no stored cookie":
                        s.reset()
                    ok += s.send("action-xmlagentxmlfile", AGENT_XML).ok
            walls[variant] = wall = time.perf_counter() - start
            counted = variant == "file store"
            if counted:  # another Session object (as another process would) finds the cookie in the file
                with szamla_agent.Session(url, agent_key=DEMO.szamla_agent_key, store=FileStore(path)) as s:
                    ok += s.send("action-xmlagentxmlfile", AGENT_XML).ok
                path.unlink()
            created = admin.counters("szamla_agent")["sessions_created"]
            calls = n + counted
            rows.append(
                row(
                    "session reuse",
                    variant,
                    f"{created} session(s) created, {ok}/{calls} ok, {wall:.2f} s"
                    + (f" (x{wall / walls['file store']:.1f})" if not counted else ""),
                    target="1 session (2 Session objects), every call ok" if counted else None,
                    kind="count" if counted else None,
                    ok=(created == 1 and ok == calls) if counted else None,
                    n=n,
                    login_cost_s=LOGIN_COST,
                    sessions_created=created,
                    calls_ok=ok,
                    wall_s=round(wall, 3),
                )
            )
    admin.reset()
    return rows


# -- 3. write throughput: 32 tasks vs 1 task


def write_throughput(url: str, admin: Admin, n: int) -> list[Row]:
    base = url + GESTIX_PATH
    rows = []
    rates: dict[int, float] = {}
    for tasks in (1, 32):
        admin.reset()
        wall, codes = asyncio.run(_writes(base, n, tasks))
        rates[tasks] = rate = n / wall
        c = admin.counters("gestix")
        created = codes.count(201)
        rows.append(
            row(
                "write throughput",
                f"{tasks} task" + ("s" if tasks > 1 else ""),
                f"{rate:.0f} writes/s, {c['nonce_rejections']} nonce rejections, {created}/{n} created"
                + (f" (x{rate / rates[1]:.2f} vs 1 task)" if tasks > 1 else ""),
                target="0 rejections, every write created",
                kind="count",
                ok=c["nonce_rejections"] == 0 and created == n == c["writes_applied"],
                n=n,
                tasks=tasks,
                writes_per_s=round(rate, 1),
                nonce_rejections=c["nonce_rejections"],
                writes_applied=c["writes_applied"],
                logins=c["logins"],
            )
        )
    return rows


async def _writes(base: str, n: int, tasks: int) -> tuple[float, list[int]]:
    async with gestix.AsyncSession(base, api_token=DEMO.gestix_api_token) as s:
        await s.status()
        queue = iter(range(n))
        codes: list[int] = []

        async def worker() -> None:
            for _ in queue:  # one shared iterator: the tasks take the next write as they get free
                codes.append(
                    (await create_invoice.asyncio_detailed(client=s.client, body=INVOICE)).status_code
                )

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(tasks)))
        return time.perf_counter() - start, codes


# -- 4. re-auth storm: n concurrent requests across one forced expiry


def reauth_storm(url: str, admin: Admin, n: int) -> list[Row]:
    """``n`` concurrent GETs on one AsyncSession, without and then across one forced expiry: every request
    that met the expiry is re-sent once, after a single login."""
    base = url + GESTIX_PATH
    rows = []
    p99s: list[float] = []
    for expire in (False, True):
        admin.reset()
        latencies, codes = asyncio.run(_storm(base, admin, n, expire=expire))
        c = admin.counters("gestix")
        logins = c["logins"] - 1  # the one before the storm
        p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
        p99s.append(p99)
        ok = codes.count(200)
        want = 1 if expire else 0
        rows.append(
            row(
                "re-auth storm",
                f"{n} concurrent, " + ("one forced expiry" if expire else "no expiry"),
                f"{logins} login(s), {ok}/{n} ok, p50 {p50:.0f} ms, p99 {p99:.0f} ms"
                + (f" (x{p99 / p99s[0]:.2f})" if expire else ""),
                target=f"{want} login(s), every request ok",
                kind="count",
                ok=logins == want and ok == n,
                n=n,
                logins=logins,
                expired_rejections=c["expired_rejections"],
                p50_ms=round(p50, 1),
                p99_ms=round(p99, 1),
                p99_ratio_vs_no_expiry=round(p99 / p99s[0], 2),
            )
        )
    return rows


async def _storm(base: str, admin: Admin, n: int, *, expire: bool) -> tuple[list[float], list[int]]:
    async with gestix.AsyncSession(base, api_token=DEMO.gestix_api_token) as s:
        await s.status()
        if expire:
            admin.post("expire", provider="gestix")
        http = s.client.get_async_httpx_client()
        codes: list[int] = []

        async def one() -> float:
            start = time.perf_counter()
            codes.append((await http.get("/status")).status_code)
            return elapsed_ms(start)

        return list(await asyncio.gather(*(one() for _ in range(n)))), codes


# -- 5. cold import and regenerate


def cold_import(runs: int) -> list[Row]:
    """Import time inside fresh interpreters (interpreter start-up excluded), interleaved, median of runs."""
    codes = {
        "httpx": "import httpx",
        "billing_sessions": "import billing_sessions",
        "all four providers": "from billing_sessions import gestix, szamla_agent, bill, billingplatform",
    }
    ms = import_medians(sys.executable, codes, runs)
    ratio = ms["billing_sessions"] / ms["httpx"]
    return [
        row(
            "cold import",
            "import billing_sessions",
            f"{ms['billing_sessions']:.0f} ms vs import httpx {ms['httpx']:.0f} ms (x{ratio:.2f}); "
            f"all four providers {ms['all four providers']:.0f} ms",
            runs=runs,
            ms=round(ms["billing_sessions"], 1),
            httpx_ms=round(ms["httpx"], 1),
            ratio=round(ratio, 2),
            all_providers_ms=round(ms["all four providers"], 1),
        )
    ]


def regenerate_time() -> list[Row]:
    """``scripts/regenerate --check``: the whole generation (into a temporary folder) plus the drift diff;
    the check rather than a real regenerate, so that generated/ is not rewritten under running tests."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "regenerate.py"), "--check"],
        check=False,
        capture_output=True,
    )
    wall = time.perf_counter() - start
    drift = "no drift" if done.returncode == 0 else "drift reported"
    return [
        row(
            "regenerate",
            "scripts/regenerate --check",
            f"{wall:.1f} s (4 providers, {drift})",
            wall_s=round(wall, 2),
            drift=done.returncode != 0,
        )
    ]
