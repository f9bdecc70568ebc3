"""The overlay's own cost per request, without a network: gestix.Session vs raw httpx on a MockTransport.

Over loopback the overlay's microseconds drown in the round trip; here the transport answers at once, so
the difference is the session layer itself (auth flow, nonce, locks, retry wrapper). ``profile()`` prints
a pyinstrument profile of the same loop (``scripts/bench --profile``).
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections.abc import Callable

import httpx

from bench_common import GESTIX_PATH, Row, row
from billing_sessions import gestix
from billing_sessions.stores import MemoryStore

BASE = "http://sandbox.invalid" + GESTIX_PATH
TOKEN = "bench-token"  # noqa: S105 - a made-up token for a mock server
BODY = {"lines": [{"articleCode": "BENCH", "quantity": 1.0}]}


def _answer(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/helo"):
        return httpx.Response(200, json={"xa-token": TOKEN})
    if request.method == "POST":
        return httpx.Response(201, json={"id": 1})
    return httpx.Response(200, json={"status": "ok"})


def _per_call(calls: dict[str, Callable[[], object]], n: int) -> dict[str, float]:
    """Median CPU microseconds per call of this thread (other processes' load does not count), the
    variants interleaved call by call in a shuffled order."""
    for fn in calls.values():
        for _ in range(200):
            fn()
    rng = random.Random(7)
    names = list(calls)
    samples: dict[str, list[float]] = {name: [] for name in names}
    gc.collect()
    for _ in range(n):
        rng.shuffle(names)
        for name in names:
            start = time.thread_time()
            calls[name]()
            samples[name].append((time.thread_time() - start) * 1e6)
    return {name: statistics.median(values) for name, values in samples.items()}


def _calls(s: gestix.Session, raw: httpx.Client) -> dict[str, Callable[[], object]]:
    http = s.client.get_httpx_client()
    headers = {"Authorization": f"Bearer {TOKEN}"}
    nonce = iter(range(1, 10**9))
    return {
        "raw GET": lambda: raw.get("/status", headers=headers),
        "session GET": lambda: http.get("/status"),
        "raw write": lambda: raw.post(f"/invoices?nonce={next(nonce)}", headers=headers, json=BODY),
        "session write": lambda: http.post("/invoices", json=BODY),
    }


def overlay_cost(n: int) -> list[Row]:
    mock = httpx.MockTransport(_answer)
    with (
        gestix.Session(BASE, api_token=TOKEN, store=MemoryStore(), httpx_args={"transport": mock}) as s,
        httpx.Client(base_url=BASE, transport=mock) as raw,
    ):
        us = _per_call(_calls(s, raw), n)
    rows = []
    for what in ("GET", "write"):
        session, raw_us = us[f"session {what}"], us[f"raw {what}"]
        extra = session - raw_us
        rows.append(
            row(
                "overlay cost",
                f"{what} (mock transport)",
                f"+{extra:.1f} µs CPU per request ({session:.0f} vs {raw_us:.0f} µs)",
                us_session=round(session, 1),
                us_raw=round(raw_us, 1),
                us_extra=round(extra, 1),
            )
        )
    return rows


def profile(calls: int = 5000) -> str:
    """A pyinstrument profile of ``calls`` session GETs and ``calls`` writes on the mock transport."""
    from pyinstrument import Profiler

    mock = httpx.MockTransport(_answer)
    with gestix.Session(BASE, api_token=TOKEN, httpx_args={"transport": mock}) as s:
        fns = _calls(s, httpx.Client(base_url=BASE, transport=mock))
        out = []
        for name in ("session GET", "session write"):
            fns[name]()
            profiler = Profiler(interval=0.0001)
            profiler.start()
            for _ in range(calls):
                fns[name]()
            profiler.stop()
            out.append(f"== {name} x {calls}\n" + profiler.output_text(unicode=True, color=False))
    return "\n".join(out)
