"""Benchmark 7 (issue 14): Gestix writes over an injected round trip, strict and pipelined side by side.

For each latency (0, 20 and 50 ms, +-25 % jitter, set through the sandbox's admin API) and each setup
(1 task; 32 tasks on one AsyncSession; 4 processes x 8 tasks sharing a RedisStore, then a FileStore), the
same number of writes runs once in each mode. Each write carries a unique reference: the sandbox counts what
it created and any reference created twice. Re-sends are the sandbox's requests beyond one per write
(nonce rejections and expiries re-sent); nothing else re-sends a write.
"""

from __future__ import annotations

import asyncio
import dataclasses
import math
import multiprocessing
import os
import tempfile
import time
import traceback
import uuid
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from bench_common import GESTIX_PATH, Admin, Row, row
from bench_multiprocess import StoreSpec, _redis_server, gather
from billing_sessions import gestix
from billing_sessions.sandbox.credentials import DEMO

LATENCIES = (0.0, 0.02, 0.05)
QUICK_LATENCIES = (0.02,)  # --quick: the counts at one realistic round trip
MODES = ("strict", "pipelined")
PROCESSES = 4
TASKS_PER_PROCESS = 8
TIMEOUT = 600.0
#: At 50 ms: pipelined / strict writes/s, per setup (issue 14).
TARGETS = {"32 tasks": 8.0, "4 processes, RedisStore": 5.0}


async def _writes(
    base: str, mode: str, n: int, tasks: int, spec: StoreSpec | None, tag: str
) -> dict[str, Any]:
    from gestix_client.api.invoices import create_invoice
    from gestix_client.models import DocumentInput, DocumentLine

    store = spec.open() if spec is not None else None
    codes: dict[int, int] = {}
    async with gestix.AsyncSession(
        base,
        api_token=DEMO.gestix_api_token,
        writes=mode,  # type: ignore[arg-type]
        store=store,
    ) as s:
        await s.status()
        numbers = iter(range(n))

        async def worker() -> None:
            for i in numbers:
                body = DocumentInput(
                    lines=[DocumentLine(article_code="B", quantity=1.0)], reference=f"{tag}-{i}"
                )
                status = int((await create_invoice.asyncio_detailed(client=s.client, body=body)).status_code)
                codes[status] = codes.get(status, 0) + 1

        began = time.time()
        await asyncio.gather(*(worker() for _ in range(tasks)))
        ended = time.time()
    aclose = getattr(store, "aclose", None)
    if aclose is not None:
        await aclose()
    return {"codes": codes, "began": began, "ended": ended}


def _child(
    results: Queue[tuple[str, Any]], spec: StoreSpec, base: str, mode: str, n: int, start: Barrier
) -> None:
    try:
        start.wait(TIMEOUT)
        tag = f"p{os.getpid()}-{uuid.uuid4().hex[:6]}"
        results.put(("ok", asyncio.run(_writes(base, mode, n, TASKS_PER_PROCESS, spec, tag))))
    except BaseException:
        results.put(("error", traceback.format_exc()))


def _processes(spec: StoreSpec, base: str, mode: str, n: int) -> list[dict[str, Any]]:
    ctx = multiprocessing.get_context("spawn")
    results: Queue[tuple[str, Any]] = ctx.Queue()
    start = ctx.Barrier(PROCESSES)
    share = [n // PROCESSES + (1 if i < n % PROCESSES else 0) for i in range(PROCESSES)]
    procs = [ctx.Process(target=_child, args=(results, spec, base, mode, k, start)) for k in share]
    for p in procs:
        p.start()
    return gather(procs, results, TIMEOUT)


def _one(
    url: str, admin: Admin, setup: str, spec: StoreSpec | None, mode: str, latency: float, n: int
) -> Row:
    base = url + GESTIX_PATH
    admin.reset()
    admin.post("latency", latency=latency, jitter=latency / 4)
    if spec is None:
        tasks = 1 if setup == "1 task" else 32
        out = [asyncio.run(_writes(base, mode, n, tasks, None, uuid.uuid4().hex[:8]))]
    else:
        out = _processes(spec, base, mode, n)
    c = admin.counters("gestix")
    wall = max(r["ended"] for r in out) - min(r["began"] for r in out)
    rate = n / wall
    sessions = len(out)  # one status call per session
    resends = c["requests"] - c["logins"] - c["login_failures"] - sessions - n
    ok = c["writes_applied"] == n and c["duplicate_references"] == 0 and resends <= math.ceil(n / 100)
    ok = ok and sum(r["codes"].get(201, 0) for r in out) == n
    return row(
        f"latency {latency * 1000:.0f} ms",
        f"{setup}, {mode}",
        f"{rate:.0f} writes/s, {c['nonce_rejections']} nonce rejections, {resends} re-sent, "
        f"{c['writes_applied']}/{n} created, {c['duplicate_references']} duplicates",
        target=f"{n} created, 0 duplicates, <= 1% re-sent",
        kind="count",
        ok=ok,
        n=n,
        latency_ms=latency * 1000,
        setup=setup,
        mode=mode,
        writes_per_s=round(rate, 1),
        nonce_rejections=c["nonce_rejections"],
        resends=resends,
        created=c["writes_applied"],
        duplicates=c["duplicate_references"],
    )


def latency_table(url: str, admin: Admin, n: int, *, quick: bool = False) -> list[Row]:
    rows: list[Row] = []
    with _redis_server() as redis_server, tempfile.TemporaryDirectory() as tmp:
        setups: dict[str, StoreSpec | None] = {
            "1 task": None,
            "32 tasks": None,
            "4 processes, RedisStore": StoreSpec("redis", redis_server.url, f"bench-{uuid.uuid4().hex[:8]}"),
            "4 processes, FileStore": StoreSpec("file", os.fspath(Path(tmp) / "sessions.json")),
        }
        for latency in QUICK_LATENCIES if quick else LATENCIES:
            for setup, spec in setups.items():
                pair = {}
                for mode in MODES:
                    if spec is not None:  # a fresh store per run: no run inherits another's session
                        spec = dataclasses.replace(spec, prefix=f"bench-{uuid.uuid4().hex[:8]}")
                        if spec.kind == "file":
                            spec = dataclasses.replace(
                                spec, target=os.fspath(Path(tmp) / f"{uuid.uuid4().hex}.json")
                            )
                    pair[mode] = _one(url, admin, setup, spec, mode, latency, n)
                rows += pair.values()
                rows.append(_speedup(setup, latency, pair))
    return rows


def _speedup(setup: str, latency: float, pair: dict[str, Row]) -> Row:
    ratio = pair["pipelined"]["writes_per_s"] / pair["strict"]["writes_per_s"]
    wanted = TARGETS.get(setup) if latency == 0.05 else None
    return row(
        f"latency {latency * 1000:.0f} ms",
        f"{setup}, pipelined / strict",
        f"x{ratio:.1f}",
        target=f">= x{wanted:.0f}" if wanted is not None else None,
        kind="time" if wanted is not None else None,
        ok=ratio >= wanted if wanted is not None else None,
        latency_ms=latency * 1000,
        setup=setup,
        speedup=round(ratio, 2),
    )
