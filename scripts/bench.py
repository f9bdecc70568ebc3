"""Benchmarks on the sandbox over loopback, measured side by side in one run.

    scripts/bench            full counts; writes benchmarks/results.json and benchmarks/results.png
    scripts/bench --quick    small counts (CI): exits 1 when a COUNT target (logins, rejections) is missed

The sandbox runs in its own process (``billing-sessions sandbox``), so client and server do not share a GIL.
Times are reported, never asserted: only counts decide the exit code.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks"
BIN = Path(sys.executable).parent
ACCOUNT = "03101176"
API_TOKEN = "sandbox-gestix-api-token"  # noqa: S105 - the sandbox's public demo token
AGENT_KEY = "sandbox-agent-key"
XML = (
    '<?xml version="1.0" encoding="UTF-8"?><xmlszamla xmlns="http://www.szamlazz.hu/xmlszamla"><beallitasok>'
    "<szamlaagentkulcs/><valaszVerzio>1</valaszVerzio></beallitasok><fejlec><keltDatum>2026-11-23</keltDatum>"
    "</fejlec><vevo><nev>Bench</nev></vevo><tetelek><tetel><megnevezes>x</megnevezes><mennyiseg>1</mennyiseg>"
    "</tetel></tetelek></xmlszamla>"
)

Row = dict[str, Any]


@contextmanager
def sandbox_process() -> Iterator[str]:
    """``billing-sessions sandbox --port 0`` in a child process; yields its URL."""
    proc = subprocess.Popen(
        [str(BIN / "billing-sessions"), "sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        url = line.split("listening on ", 1)[1].split()[0]
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class Admin:
    def __init__(self, url: str) -> None:
        self.http = httpx.Client(base_url=url + "/_sandbox")

    def post(self, what: str, **body: Any) -> None:
        self.http.post(f"/{what}", json=body).raise_for_status()

    def counters(self, provider: str) -> dict[str, int]:
        counters: dict[str, int] = self.http.get("/counters").json()[provider]
        return counters

    def reset(self, **config: Any) -> None:
        self.post("reset")
        if config:
            self.post("config", **config)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(fn: Callable[[], object], n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def overhead(url: str, admin: Admin, n: int) -> list[Row]:
    """Authenticated GET /status: through gestix.Session vs raw httpx with a hand-set header."""
    from billing_sessions import gestix

    base = f"{url}/api/{ACCOUNT}/v4.0.0"
    admin.reset()
    rows: list[Row] = []
    with gestix.Session(base, api_token=API_TOKEN) as s, httpx.Client(base_url=base) as raw:
        s.status()
        token = s.auth.token
        assert token is not None
        headers = {"Authorization": f"Bearer {token.value}"}
        session_http = s.client.get_httpx_client()
        samples: dict[str, list[float]] = {"raw": [], "session": [], "typed": []}
        calls = {
            "raw": lambda: raw.get("/status", headers=headers).json(),
            "session": lambda: session_http.get("/status").json(),
            "typed": s.status,
        }
        for _ in range(5):  # interleaved rounds: drift hits all three alike
            for name, fn in calls.items():
                samples[name] += timed(fn, n // 5)
    for name in ("session", "typed"):
        rows.append(_ratio_row("overhead sync", name, samples[name], samples["raw"]))
    rows += asyncio.run(_overhead_async(base, n))
    return rows


async def _overhead_async(base: str, n: int) -> list[Row]:
    from billing_sessions import gestix

    async with gestix.AsyncSession(base, api_token=API_TOKEN) as s, httpx.AsyncClient(base_url=base) as raw:
        await s.status()
        token = s.auth.token
        assert token is not None
        headers = {"Authorization": f"Bearer {token.value}"}
        http = s.client.get_async_httpx_client()
        samples: dict[str, list[float]] = {"raw": [], "session": []}
        for _ in range(5):
            for name in samples:
                for _ in range(n // 5):
                    start = time.perf_counter()
                    if name == "raw":
                        (await raw.get("/status", headers=headers)).json()
                    else:
                        (await http.get("/status")).json()
                    samples[name].append((time.perf_counter() - start) * 1000)
    return [_ratio_row("overhead async", "session", samples["session"], samples["raw"])]


def _ratio_row(bench: str, name: str, got: list[float], raw: list[float]) -> Row:
    p50, raw50 = statistics.median(got), statistics.median(raw)
    return {
        "bench": bench,
        "variant": name,
        "n": len(got),
        "p50_ms": round(p50, 3),
        "p99_ms": round(percentile(got, 0.99), 3),
        "raw_p50_ms": round(raw50, 3),
        "raw_p99_ms": round(percentile(raw, 0.99), 3),
        "ratio_p50": round(p50 / raw50, 3),
        "target": "ratio_p50 <= 1.10" if name == "session" else "report",
    }


def session_reuse(url: str, admin: Admin, n: int) -> list[Row]:
    """Számla Agent calls with a stored cookie (FileStore) vs a fresh session per call; login costs 20 ms."""
    from billing_sessions import szamla_agent
    from billing_sessions.stores import FileStore

    rows = []
    for variant in ("file store", "no stored cookie"):
        admin.reset(login_delay=0.02)
        with tempfile.TemporaryDirectory() as tmp:
            store = FileStore(Path(tmp) / "s.json")
            start = time.perf_counter()
            with szamla_agent.Session(url, agent_key=AGENT_KEY, store=store) as s:
                for _ in range(n):
                    if variant == "no stored cookie":
                        s.reset()
                    s.send("action-xmlagentxmlfile", XML)
            wall = time.perf_counter() - start
        created = admin.counters("szamla_agent")["sessions_created"]
        rows.append(
            {
                "bench": "session reuse",
                "variant": variant,
                "n": n,
                "sessions_created": created,
                "wall_s": round(wall, 3),
                "target": "file store: sessions_created == 1",
            }
        )
    return rows


def write_throughput(url: str, admin: Admin, n: int) -> list[Row]:
    from billing_sessions import gestix
    from gestix_client.api.invoices import create_invoice
    from gestix_client.models import DocumentInput, DocumentLine

    base = f"{url}/api/{ACCOUNT}/v4.0.0"
    body = DocumentInput(lines=[DocumentLine(article_code="B", quantity=1.0)])
    rows = []
    for tasks in (1, 32):
        admin.reset()

        async def run(tasks: int = tasks) -> float:
            async with gestix.AsyncSession(base, api_token=API_TOKEN) as s:
                await s.status()
                queue = iter(range(n))

                async def worker() -> None:
                    for _ in queue:
                        await create_invoice.asyncio_detailed(client=s.client, body=body)

                start = time.perf_counter()
                await asyncio.gather(*(worker() for _ in range(tasks)))
                return time.perf_counter() - start

        wall = asyncio.run(run())
        c = admin.counters("gestix")
        rows.append(
            {
                "bench": "write throughput",
                "variant": f"{tasks} task(s)",
                "n": n,
                "writes_per_s": round(n / wall, 1),
                "writes_applied": c["writes_applied"],
                "nonce_rejections": c["nonce_rejections"],
                "target": "nonce_rejections == 0",
            }
        )
    return rows


def reauth_storm(url: str, admin: Admin, n: int) -> list[Row]:
    from billing_sessions import gestix

    base = f"{url}/api/{ACCOUNT}/v4.0.0"
    admin.reset()

    async def run() -> list[float]:
        async with gestix.AsyncSession(
            base, api_token=API_TOKEN, httpx_args={"limits": httpx.Limits(max_connections=100)}
        ) as s:
            await s.status()
            admin.post("expire", provider="gestix")

            async def one() -> float:
                start = time.perf_counter()
                await s.status()
                return (time.perf_counter() - start) * 1000

            return await asyncio.gather(*(one() for _ in range(n)))

    latencies = asyncio.run(run())
    c = admin.counters("gestix")
    return [
        {
            "bench": "re-auth storm",
            "variant": f"{n} concurrent",
            "n": n,
            "logins_after_expiry": c["logins"] - 1,
            "p50_ms": round(statistics.median(latencies), 1),
            "p99_ms": round(percentile(latencies, 0.99), 1),
            "target": "logins_after_expiry == 1",
        }
    ]


def cold_import(repeat: int) -> list[Row]:
    def median_of(code: str) -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times)

    base = median_of("pass")
    ours = median_of("import billing_sessions") - base
    httpx_ms = median_of("import httpx") - base
    full = median_of("from billing_sessions import gestix, szamla_agent, bill, billingplatform") - base
    return [
        {
            "bench": "cold import",
            "variant": "import billing_sessions",
            "ms": round(ours, 1),
            "httpx_ms": round(httpx_ms, 1),
            "ratio": round(ours / httpx_ms, 2),
            "all_providers_ms": round(full, 1),
            "target": "report",
        }
    ]


def regenerate_time() -> list[Row]:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "regenerate.py"), "--check"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return [
        {
            "bench": "regenerate",
            "variant": "scripts/regenerate --check",
            "wall_s": round(time.perf_counter() - start, 2),
            "target": "report",
        }
    ]


def failures(rows: list[Row]) -> list[str]:
    """The count targets (never the times) that a run missed."""
    missed = []
    for r in rows:
        if r["bench"] == "write throughput" and r["nonce_rejections"] != 0:
            missed.append(f"{r['variant']}: {r['nonce_rejections']} nonce rejections")
        if r["bench"] == "re-auth storm" and r["logins_after_expiry"] != 1:
            missed.append(f"re-auth storm: {r['logins_after_expiry']} logins")
        if r["bench"] == "session reuse" and r["variant"] == "file store" and r["sessions_created"] != 1:
            missed.append(f"session reuse: {r['sessions_created']} sessions")
    return missed


def plot(rows: list[Row], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    over = [r for r in rows if r["bench"].startswith("overhead")]
    fig, axes = plt.subplots(1, 2, figsize=(11, 4))
    labels = [f"{r['bench'].split()[1]}\n{r['variant']}" for r in over]
    axes[0].bar(labels, [r["ratio_p50"] for r in over], color="#4c72b0")
    axes[0].axhline(1.10, color="red", linestyle="--", label="target 1.10")
    axes[0].set_title("p50 latency vs raw httpx (GET /status)")
    axes[0].legend()
    writes = [r for r in rows if r["bench"] == "write throughput"]
    axes[1].bar([r["variant"] for r in writes], [r["writes_per_s"] for r in writes], color="#55a868")
    axes[1].set_title("Gestix writes/s (ordered nonces, 0 rejections)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="billing-sessions benchmarks")
    parser.add_argument(
        "--quick", action="store_true", help="small counts; exit 1 when a count target is missed"
    )
    args = parser.parse_args(argv)
    n = (
        {"overhead": 200, "reuse": 40, "writes": 100, "storm": 200, "imports": 3}
        if args.quick
        else {"overhead": 3000, "reuse": 1000, "writes": 1000, "storm": 1000, "imports": 15}
    )
    rows: list[Row] = []
    with sandbox_process() as url:
        admin = Admin(url)
        rows += overhead(url, admin, n["overhead"])
        rows += session_reuse(url, admin, n["reuse"])
        rows += write_throughput(url, admin, n["writes"])
        rows += reauth_storm(url, admin, n["storm"])
    rows += cold_import(n["imports"])
    if not args.quick:
        rows += regenerate_time()
    for r in rows:
        print(json.dumps(r))
    missed = failures(rows)
    if not args.quick:
        OUT.mkdir(exist_ok=True)
        machine = {
            "python": platform.python_version(),
            "platform": platform.platform(terse=True),
            "cpus": os.cpu_count(),
        }
        (OUT / "results.json").write_text(json.dumps({"machine": machine, "rows": rows}, indent=2) + "\n")
        plot(rows, OUT / "results.png")
    for m in missed:
        print(f"MISSED: {m}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
