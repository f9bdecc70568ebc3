"""What observability costs per request (mock transport, as ``bench_hotpath``): a session made without the
``otel`` extra, one with the API but no SDK (the usual case), one with an ``on_event`` hook, and one with
the OpenTelemetry SDK recording spans and metrics in memory, interleaved call by call in one run.

Target: without the extra and without an SDK, the cost is within noise of the overhead row (the same
session, measured alongside as "baseline"): at most max(1 µs, 3 %) apart.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Any

import httpx

from bench_common import Row, row
from bench_hotpath import BASE, BODY, TOKEN, _answer, _per_call
from billing_sessions import gestix
from billing_sessions.stores import MemoryStore


@contextlib.contextmanager
def _without_otel() -> Iterator[None]:
    """As if the extra were not installed: ``import opentelemetry`` fails while the session is made."""
    saved = {name: mod for name, mod in sys.modules.items() if name.split(".")[0] == "opentelemetry"}
    for name in saved:
        del sys.modules[name]
    sys.modules["opentelemetry"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        del sys.modules["opentelemetry"]
        sys.modules.update(saved)


def _sdk() -> dict[str, Any]:
    from opentelemetry.sdk.metrics import MeterProvider
    from opentelemetry.sdk.metrics.export import InMemoryMetricReader
    from opentelemetry.sdk.trace import TracerProvider

    return {"tracer_provider": TracerProvider(), "meter_provider": MeterProvider([InMemoryMetricReader()])}


def _session(mock: httpx.MockTransport, **options: Any) -> gestix.Session:
    return gestix.Session(
        BASE, api_token=TOKEN, store=MemoryStore(), httpx_args={"transport": mock}, **options
    )


def telemetry_cost(n: int) -> list[Row]:
    mock = httpx.MockTransport(_answer)
    with _without_otel():
        no_extra = _session(mock)
    import opentelemetry.metrics
    import opentelemetry.trace  # noqa: F401 - the API loaded, as in an application that uses it

    variants = {
        "baseline": _session(mock),
        "no extra": no_extra,
        "API, no SDK": _session(mock),
        "on_event hook": _session(mock, on_event=lambda event: None),
        "SDK in memory": _session(mock, **_sdk()),
    }
    calls: dict[str, Callable[[], object]] = {}
    for name, s in variants.items():
        http = s.client.get_httpx_client()
        calls[f"{name} GET"] = lambda http=http: http.get("/status")  # type: ignore[misc]
        calls[f"{name} write"] = lambda http=http: http.post("/invoices", json=BODY)  # type: ignore[misc]
    try:
        us = _per_call(calls, n)
    finally:
        for s in variants.values():
            s.close()
    rows = []
    for what in ("GET", "write"):
        base = us[f"baseline {what}"]
        for name in ("no extra", "API, no SDK", "on_event hook", "SDK in memory"):
            value = us[f"{name} {what}"]
            delta = value - base
            off = name in ("no extra", "API, no SDK")
            rows.append(
                row(
                    "telemetry cost",
                    f"{name}, {what} (mock transport)",
                    f"{delta:+.1f} µs CPU per request vs the overhead row ({value:.0f} vs {base:.0f} µs)",
                    target="within noise: ≤ max(1 µs, 3 %)" if off else None,
                    kind="time" if off else None,
                    ok=abs(delta) <= max(1.0, 0.03 * base) if off else None,
                    us=round(value, 1),
                    us_baseline=round(base, 1),
                    us_delta=round(delta, 1),
                )
            )
    return rows
