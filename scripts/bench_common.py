"""What every benchmark module shares: the sandbox process, its admin API, result rows, percentiles."""

from __future__ import annotations

import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from billing_sessions.sandbox.credentials import DEMO

ROOT = Path(__file__).resolve().parent.parent
GESTIX_PATH = f"/api/{DEMO.gestix_account}/v4.0.0"

#: One result: ``bench``, ``variant``, ``result`` (the table cell), ``target`` / ``kind`` / ``ok`` when the
#: row has a target (``kind`` "count" or "time": ``--quick`` fails on missed counts only), plus the figures.
Row = dict[str, Any]

_SERVE = (
    "import sys; from billing_sessions.sandbox.serve import run; "
    "sys.exit(run('127.0.0.1', 0, out=lambda line: print(line, flush=True)))"
)


def row(
    bench: str,
    variant: str,
    result: str,
    *,
    target: str | None = None,
    kind: str | None = None,
    ok: bool | None = None,
    **figures: Any,
) -> Row:
    return {
        "bench": bench,
        "variant": variant,
        "result": result,
        "target": target,
        "kind": kind,
        "ok": ok,
        **figures,
    }


@contextmanager
def sandbox_process() -> Iterator[str]:
    """The sandbox in a child process (client and server do not share a GIL); yields its URL."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _SERVE], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if "listening on " not in line:
            raise RuntimeError(f"the sandbox did not start: {line}{proc.stdout.read()}")
        yield line.split("listening on ", 1)[1].split()[0]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Admin:
    """The sandbox's admin API (``/_sandbox``): reset, configure, expire, counters."""

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

    def close(self) -> None:
        self.http.close()


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (``q`` in 0..1)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def elapsed_ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def machine() -> dict[str, Any]:
    """What the figures were measured on (no paths, no host name)."""
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": platform.platform(terse=True),
        "loadavg_1m_at_start": loadavg(),
    }


def loadavg() -> float | None:
    """The 1-minute load average: other work on the machine while the benchmarks ran."""
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    if sys.platform == "darwin":
        done = subprocess.run(
            ["sysctl", "-n", "machdep.cpu.brand_string"], capture_output=True, text=True, check=False
        )
        if done.stdout.strip():
            return done.stdout.strip()
    return platform.processor() or platform.machine()


def import_medians(python: str, codes: dict[str, str], runs: int) -> dict[str, float]:
    """Median milliseconds of each import statement inside fresh interpreters of ``python`` (interpreter
    start-up excluded), the statements interleaved run by run so that load on the machine hits all alike."""
    times: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(runs):
        for name, code in codes.items():
            timed = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
            out = subprocess.run([python, "-c", timed], check=True, capture_output=True, text=True)
            times[name].append(float(out.stdout) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}
