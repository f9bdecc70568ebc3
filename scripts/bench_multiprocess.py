"""Benchmark 6: 4 real OS processes ("spawn") sharing one RedisStore, then one FileStore, writing to Gestix.

Each process opens its own Session on the shared store and, once all are ready, sends its share of the
writes: one login for all of them, nonces strictly increasing across processes (0 rejections).
The children are module-level functions: "spawn" imports this module in each child.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import queue
import sys
import tempfile
import time
import traceback
import uuid
from collections import Counter
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from bench_common import GESTIX_PATH, ROOT, Admin, Row, row
from billing_sessions import gestix
from billing_sessions.sandbox.credentials import DEMO
from billing_sessions.stores import FileStore, SessionStore

PROCESSES = 4
TIMEOUT = 120.0


@dataclasses.dataclass(frozen=True)
class StoreSpec:
    """What a child needs to open the shared store (a store object is not sent across processes)."""

    kind: str  # "redis" or "file"
    target: str  # the Redis URL or the file path
    prefix: str = ""

    def open(self) -> SessionStore:
        if self.kind == "file":
            return FileStore(self.target)
        from billing_sessions.redis_store import RedisStore

        return RedisStore(self.target, prefix=self.prefix)


def gestix_writer(spec: StoreSpec, base_url: str, writes: int, start: Barrier) -> dict[str, Any]:
    from billing_sessions_generated.gestix.api.invoices import create_invoice
    from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine

    body = DocumentInput(lines=[DocumentLine(article_code="BENCH", quantity=1.0)])
    codes: Counter[int] = Counter()
    with gestix.Session(base_url, api_token=DEMO.gestix_api_token, store=spec.open()) as s:
        start.wait(TIMEOUT)
        began = time.time()  # wall clock: comparable across processes
        for _ in range(writes):
            codes[create_invoice.sync_detailed(client=s.client, body=body).status_code] += 1
        return {"codes": dict(codes), "logins": s.logins, "began": began, "ended": time.time()}


def _child(
    results: Queue[tuple[str, Any]], spec: StoreSpec, base_url: str, writes: int, start: Barrier
) -> None:
    try:
        results.put(("ok", gestix_writer(spec, base_url, writes, start)))
    except BaseException:
        results.put(("error", traceback.format_exc()))


def gather(procs: list[Any], results: Queue[tuple[str, Any]], timeout: float = TIMEOUT) -> list[Any]:
    """Each started process's result from ``results``; a failure or a child that never reports raises."""
    out: list[tuple[str, Any]] = []
    deadline = time.monotonic() + timeout
    try:
        while len(out) < len(procs):
            try:
                out.append(results.get(timeout=1.0))
            except queue.Empty:
                # A child that died before reporting (an import error, a crash) must not cost the timeout.
                if time.monotonic() > deadline or not any(p.is_alive() for p in procs):
                    codes = [p.exitcode for p in procs]
                    raise RuntimeError(f"benchmark processes did not report (exit codes {codes})") from None
    finally:
        for p in procs:
            p.join(10)
            if p.is_alive():
                p.kill()
                p.join()
    errors = [value for status, value in out if status != "ok"]
    if errors:
        raise RuntimeError(f"a benchmark process failed:\n{errors[0]}")
    return [value for _, value in out]


def _run(spec: StoreSpec, base_url: str, writes: int) -> list[dict[str, Any]]:
    ctx = multiprocessing.get_context("spawn")
    results: Queue[tuple[str, Any]] = ctx.Queue()
    start = ctx.Barrier(PROCESSES)
    procs = [
        ctx.Process(target=_child, args=(results, spec, base_url, writes, start)) for _ in range(PROCESSES)
    ]
    for p in procs:
        p.start()
    return gather(procs, results)


def _redis_server() -> Any:
    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))  # tests.redis_server: the tests' own redis-server helper
    from tests.redis_server import RedisServer

    return RedisServer()


def multiprocess(url: str, admin: Admin, writes_per_process: int) -> list[Row]:
    base = url + GESTIX_PATH
    total = PROCESSES * writes_per_process
    rows = []
    with _redis_server() as redis_server, tempfile.TemporaryDirectory() as tmp:
        specs = {
            "RedisStore": StoreSpec("redis", redis_server.url, prefix=f"bench-{uuid.uuid4().hex[:8]}"),
            "FileStore": StoreSpec("file", os.fspath(Path(tmp) / "sessions.json")),
        }
        for name, spec in specs.items():
            admin.reset()
            out = _run(spec, base, writes_per_process)
            c = admin.counters("gestix")
            wall = max(r["ended"] for r in out) - min(r["began"] for r in out)
            created = sum(r["codes"].get(201, 0) for r in out)
            rate = total / wall
            rows.append(
                row(
                    "multi-process",
                    f"{PROCESSES} processes, {name}",
                    f"{rate:.0f} writes/s, {c['logins']} login, {c['nonce_rejections']} nonce rejections, "
                    f"{created}/{total} created",
                    target="1 login, 0 rejections, every write created",
                    kind="count",
                    ok=c["logins"] == 1
                    and c["nonce_rejections"] == 0
                    and created == total == c["writes_applied"],
                    n=total,
                    processes=PROCESSES,
                    writes_per_s=round(rate, 1),
                    logins=c["logins"],
                    nonce_rejections=c["nonce_rejections"],
                    writes_applied=c["writes_applied"],
                )
            )
    return rows
