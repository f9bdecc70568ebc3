"""Issue 23: many accounts in one process, measured against the sandbox in another process.

Each size runs in a fresh interpreter (``python bench_accounts.py URL N``, JSON on stdout), so that memory
and descriptors are the sessions' alone: N Gestix sessions (one shared MemoryStore, as a platform would have)
for N accounts, each after one call (its login and ``GET /status``). Reported per size: memory per open
session (RSS delta and Python allocations), descriptors with N sessions open and after they close, a new
session's login + first call against the same two requests by hand on one shared httpx client, and calls/s
across all N sessions from 32 threads.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from bench_common import ROOT, Admin, Row, row

#: Targets of issue 23.
KB_PER_SESSION = 32
MAX_FDS = 256
FIRST_CALL_RATIO = 3.0
WORKERS = 32
RAW_SAMPLE = 200  # accounts whose login + first call are made by hand (the baseline)
TRACED_SAMPLE = 300  # sessions whose Python allocations are traced (tracemalloc slows everything)


def _fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def _rss() -> int:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE")


def _base(url: str, n: int) -> str:
    from billing_sessions.sandbox.credentials import DEMO

    return f"{url}/api/{DEMO.account(n).gestix_account}/v4.0.0"


def _raw_ms(url: str, first: int) -> float:
    """Median ms of GET /helo + GET /status made by hand for new accounts, on one shared httpx client."""
    import httpx

    from billing_sessions.sandbox.credentials import DEMO

    times = []
    with httpx.Client() as client:
        client.get(_base(url, 0) + "/helo", headers={"Authorization": f"Bearer {DEMO.gestix_api_token}"})
        for n in range(first, first + RAW_SAMPLE):
            base, token = _base(url, n), DEMO.account(n).gestix_api_token
            start = time.perf_counter()
            answer = client.get(base + "/helo", headers={"Authorization": f"Bearer {token}"})
            xa = answer.json()["xa-token"]
            client.get(base + "/status", headers={"Authorization": f"Bearer {xa}"}).raise_for_status()
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def child(url: str, n: int) -> dict[str, Any]:
    from billing_sessions import gestix
    from billing_sessions.sandbox.credentials import DEMO
    from billing_sessions.stores import MemoryStore

    store = MemoryStore()

    def open_session(i: int) -> gestix.Session:
        return gestix.Session(_base(url, i), api_token=DEMO.account(i).gestix_api_token, store=store)

    with open_session(0) as warm:  # imports and first-use costs: not any one session's
        warm.status()
    raw_ms = _raw_ms(url, n + 1)
    gc.collect()
    fds_before, rss_before = _fds(), _rss()
    sessions, first_ms = [], []
    for i in range(1, n + 1):
        start = time.perf_counter()
        s = open_session(i)
        s.status()
        first_ms.append((time.perf_counter() - start) * 1000)
        sessions.append(s)
    gc.collect()
    rss_kb = (_rss() - rss_before) / n / 1024
    fds_open = _fds() - fds_before

    def work(part: list[gestix.Session]) -> int:
        for s in part:
            s.status()
        return len(part)

    calls = max(n, 2000)
    order = [sessions[i % n] for i in range(calls)]
    start = time.perf_counter()
    with ThreadPoolExecutor(WORKERS) as pool:
        done = sum(pool.map(work, [order[w::WORKERS] for w in range(WORKERS)]))
    per_s = done / (time.perf_counter() - start)
    fds_busy = _fds() - fds_before
    raw_per_s = _raw_calls(url, [(s.base_url, s.auth.token) for s in sessions], calls)
    for s in sessions:
        s.close()
    sessions.clear()
    gc.collect()
    fds_after = _fds() - fds_before

    tracemalloc.start()
    traced_before = tracemalloc.get_traced_memory()[0]
    sample = [open_session(i) for i in range(1, TRACED_SAMPLE + 1)]
    for s in sample:
        s.status()
    gc.collect()
    traced_kb = (tracemalloc.get_traced_memory()[0] - traced_before) / TRACED_SAMPLE / 1024
    tracemalloc.stop()
    for s in sample:
        s.close()
    return {
        "accounts": n,
        "rss_kb_per_session": round(rss_kb, 1),
        "traced_kb_per_session": round(traced_kb, 1),
        "fds_open": fds_open,
        "fds_busy": fds_busy,
        "fds_after_close": fds_after,
        "first_call_ms": round(statistics.median(first_ms), 3),
        "raw_ms": round(raw_ms, 3),
        "calls_per_s": round(per_s),
        "raw_calls_per_s": round(raw_per_s),
    }


def _raw_calls(url: str, accounts: list[tuple[str, Any]], calls: int) -> float:
    """Calls/s of the same GET /status calls made by hand on one shared httpx client from 32 threads."""
    import httpx

    limits = httpx.Limits(max_connections=100, max_keepalive_connections=100)
    order = [accounts[i % len(accounts)] for i in range(calls)]
    with httpx.Client(limits=limits) as client:

        def work(part: list[tuple[str, Any]]) -> int:
            for base, token in part:
                headers = {"Authorization": f"Bearer {token.value}"}
                client.get(base + "/status", headers=headers).raise_for_status()
            return len(part)

        start = time.perf_counter()
        with ThreadPoolExecutor(WORKERS) as pool:
            done = sum(pool.map(work, [order[w::WORKERS] for w in range(WORKERS)]))
        return done / (time.perf_counter() - start)


def many_accounts(url: str, admin: Admin, sizes: list[int]) -> list[Row]:
    rows: list[Row] = []
    for n in sizes:
        admin.reset(accounts=n + RAW_SAMPLE + 1)
        here = Path(__file__).resolve().parent
        done = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), url, str(n)],
            check=True,
            capture_output=True,
            text=True,
            cwd=here,
        )
        r = json.loads(done.stdout)
        memory = max(r["rss_kb_per_session"], r["traced_kb_per_session"])
        fds = max(r["fds_open"], r["fds_busy"])
        ratio = r["first_call_ms"] / r["raw_ms"]
        rows += [
            row(
                "many accounts",
                f"{n:,} Gestix sessions: memory per open session",
                f"{r['rss_kb_per_session']:.1f} KB RSS, {r['traced_kb_per_session']:.1f} KB Python",
                target=f"<= {KB_PER_SESSION} KB",
                kind="count",
                ok=memory <= KB_PER_SESSION,
                **r,
            ),
            row(
                "many accounts",
                f"{n:,} Gestix sessions: file descriptors",
                f"{r['fds_open']} open after one call each, {r['fds_busy']} under 32 workers, "
                f"{r['fds_after_close']} after close",
                target=f"<= {MAX_FDS}, 0 after close",
                kind="count",
                ok=fds <= MAX_FDS and r["fds_after_close"] <= 0,
            ),
            row(
                "many accounts",
                f"{n:,} Gestix sessions: a new session's login + first call",
                f"{r['first_call_ms']:.2f} ms vs {r['raw_ms']:.2f} ms by hand (x{ratio:.1f})",
                target=f"<= {FIRST_CALL_RATIO:g}x by hand",
                kind="time",
                ok=ratio <= FIRST_CALL_RATIO,
            ),
            row(
                "many accounts",
                f"{n:,} Gestix sessions: calls/s across all, {WORKERS} threads",
                f"{r['calls_per_s']:,}/s (by hand on one shared httpx client: {r['raw_calls_per_s']:,}/s)",
            ),
        ]
    return rows


def cluster_store(url: str, admin: Admin, writes: int) -> list[Row]:
    """Gestix writes on one session through a RedisStore on one Redis and on a 3-master Redis Cluster
    (both on loopback): ms per write, and the store's write slot (lock + nonce, release) alone."""
    from bench_multiprocess import _redis_server

    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))  # tests.redis_server: the tests' own redis-server helpers
    from billing_sessions import gestix
    from billing_sessions.redis_store import RedisStore
    from billing_sessions.sandbox.credentials import DEMO
    from billing_sessions_generated.gestix.api.invoices import create_invoice
    from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine
    from tests.redis_server import RedisCluster

    body = DocumentInput(lines=[DocumentLine(article_code="A", quantity=1.0)])
    figures: dict[str, tuple[float, float]] = {}
    with _redis_server() as single, RedisCluster() as cluster:
        for name, store in (
            ("one Redis", RedisStore(single.url, prefix="bench")),
            ("Redis Cluster, 3 masters", RedisStore(cluster.url, cluster=True, prefix="bench")),
        ):
            admin.reset()
            with gestix.Session(_base(url, 0), api_token=DEMO.gestix_api_token, store=store) as s:
                s.status()
                start = time.perf_counter()
                for _ in range(writes):
                    assert create_invoice.sync_detailed(client=s.client, body=body).status_code == 201
                per_write = (time.perf_counter() - start) * 1000 / writes
            start = time.perf_counter()
            for _ in range(writes):
                with store.write_slot("gestix:bench", 0):
                    pass
            per_slot = (time.perf_counter() - start) * 1000 / writes
            figures[name] = (per_write, per_slot)
            store.close()
    base_write, base_slot = figures["one Redis"]
    return [
        row(
            "cluster store",
            f"{name}: a Gestix write / the store's write slot alone",
            f"{write:.2f} ms (x{write / base_write:.2f}) / {slot:.3f} ms (x{slot / base_slot:.2f})",
            per_write_ms=round(write, 3),
            per_slot_ms=round(slot, 4),
        )
        for name, (write, slot) in figures.items()
    ]


if __name__ == "__main__":
    print(json.dumps(child(sys.argv[1], int(sys.argv[2]))))
