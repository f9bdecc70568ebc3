"""The sandbox's ASGI app: the four providers, the admin API under ``/_sandbox``, the fault layer around all.

Admin API (JSON; same semantics as :class:`~billing_sessions.sandbox.state.SandboxState`):

- ``GET /_sandbox/`` or ``GET /_sandbox/counters``: ``{provider: {counter: n}}``;
- ``GET /_sandbox/status``: counters, clock offset, pending faults, down switches, live sessions, last nonce;
- ``POST /_sandbox/expire`` ``{"provider"?}``; ``POST /_sandbox/clock`` ``{"advance": seconds}``;
- ``POST /_sandbox/faults`` ``{"provider", "kind", "count"?, "after"?, "delay"?, "retry_after"?}``;
- ``POST /_sandbox/down`` ``{"provider", "down"}``; ``POST /_sandbox/reset``;
- ``POST /_sandbox/config`` ``{field: value}`` (until the next reset);
- ``POST /_sandbox/latency`` ``{"latency": seconds, "jitter"?: seconds, "fifo"?: bool}``: every provider
  request gets that round trip (half each way, each leg +- jitter/2, so requests sent close together may
  overtake each other unless ``fifo``) until the next reset;
- ``GET /_sandbox/mfa``: ``{"bill_v3": "123456"}``, the last MFA code texted per provider (or null).

Bad admin input answers 400 ``{"error": "..."}``.

The admin API refuses what a web page could send it (403 ``{"error": "..."}``): a request whose ``Host`` or
``Origin`` is not loopback (DNS rebinding, a cross-site form), and a POST with a body that is not
``application/json`` (a "simple" cross-site request). A sandbox bound beyond loopback takes an admin token
(``Authorization: Bearer <token>`` or ``X-Sandbox-Token``), which then admits any Host and Origin.
"""

from __future__ import annotations

import dataclasses
import hmac
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route

from billing_sessions.hosts import is_loopback
from billing_sessions.sandbox.bill import Bill
from billing_sessions.sandbox.bill_v3 import BillV3
from billing_sessions.sandbox.billingplatform import BillingPlatform
from billing_sessions.sandbox.common import json_response, parse_json
from billing_sessions.sandbox.examples import PROVIDERS
from billing_sessions.sandbox.faults import FaultLayer
from billing_sessions.sandbox.gestix import Gestix
from billing_sessions.sandbox.state import SandboxConfig, SandboxState
from billing_sessions.sandbox.szamla_agent import SzamlaAgent

__all__ = ["ADMIN", "AdminError", "Handler", "admin_routes", "create_app", "refused"]

ADMIN = "/_sandbox"

Handler = Callable[[SandboxState, dict[str, Any]], Any]


class AdminError(ValueError):
    pass


def _number(body: dict[str, Any], name: str, default: float | None = None) -> float | None:
    value = body.get(name, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise AdminError(f"{name} must be a number")
    return float(value)


def _expire(state: SandboxState, body: dict[str, Any]) -> Any:
    state.expire_all(body.get("provider"))
    return {"ok": True}


def _clock(state: SandboxState, body: dict[str, Any]) -> Any:
    seconds = _number(body, "advance")
    if seconds is None:
        raise AdminError("advance (seconds) is required")
    state.advance(seconds)
    return {"ok": True, "offset": state.offset}


def _faults(state: SandboxState, body: dict[str, Any]) -> Any:
    count = body.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int):
        raise AdminError("count must be an integer")
    state.inject(
        str(body.get("provider")),
        str(body.get("kind")),
        count,
        after=bool(body.get("after", False)),
        delay=_number(body, "delay", 0.0) or 0.0,
        retry_after=_number(body, "retry_after"),
    )
    return {"ok": True, "pending": state.pending_faults(str(body.get("provider")))}


def _down(state: SandboxState, body: dict[str, Any]) -> Any:
    state.set_down(str(body.get("provider")), bool(body.get("down", True)))
    return {"ok": True}


def _latency(state: SandboxState, body: dict[str, Any]) -> Any:
    latency = _number(body, "latency")
    if latency is None:
        raise AdminError("latency (seconds) is required")
    fifo = body.get("fifo", False)
    if not isinstance(fifo, bool):
        raise AdminError("fifo must be true or false")
    state.set_latency(latency, _number(body, "jitter", 0.0) or 0.0, fifo=fifo)
    config = state.config
    return {
        "ok": True,
        "latency": config.latency,
        "jitter": config.latency_jitter,
        "fifo": config.latency_fifo,
    }


def _reset(state: SandboxState, body: dict[str, Any]) -> Any:
    state.reset()
    return {"ok": True}


def _config(state: SandboxState, body: dict[str, Any]) -> Any:
    known = {f.name for f in dataclasses.fields(SandboxConfig)}
    unknown = set(body) - known
    if unknown:
        raise AdminError(f"unknown config fields: {', '.join(sorted(unknown))}")
    return dataclasses.asdict(state.configure(**body))


def _status(state: SandboxState) -> dict[str, Any]:
    return {
        "counters": state.all_counters(),
        "clock_offset": state.offset,
        "pending_faults": {p: state.pending_faults(p) for p in PROVIDERS},
        "down": [p for p in PROVIDERS if state.is_down(p)],
        "live_sessions": {p: state.live_sessions(p) for p in PROVIDERS},
        "last_nonce": state.last_nonce(),
        "config": dataclasses.asdict(state.config),
    }


def _host(value: str) -> str:
    """The host of a Host header (``127.0.0.1:8787``, ``[::1]:80``) or of an Origin (``http://host:port``)."""
    try:
        return urlsplit(value if "//" in value else f"//{value}").hostname or ""
    except ValueError:
        return ""


def refused(request: Request, token: str | None) -> str | None:
    """Why an admin request is refused (None: allowed): see the module docstring."""
    if token is not None:
        given = request.headers.get("x-sandbox-token") or request.headers.get("authorization", "")
        if hmac.compare_digest(given.removeprefix("Bearer ").encode(), token.encode()):
            return None
    if not is_loopback(_host(request.headers.get("host", ""))):
        return "the admin API answers loopback Host names only (or pass the admin token)"
    origin = request.headers.get("origin")
    if origin is not None and not is_loopback(_host(origin)):
        return "the admin API refuses cross-site requests (Origin is not loopback)"
    return None


def admin_routes(state: SandboxState, token: str | None = None) -> list[BaseRoute]:
    def guarded(
        endpoint: Callable[[Request], Awaitable[Response]],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def checked(request: Request) -> Response:
            why = refused(request, token)
            if why is not None:
                return json_response({"error": why}, 403)
            return await endpoint(request)

        return checked

    def post(handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            raw = await request.body()
            media = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if raw and media != "application/json":  # text/plain & co. are what a cross-site form can send
                return json_response({"error": "the body must be sent as application/json"}, 415)
            body = parse_json(raw) or {}
            if not isinstance(body, dict):
                return json_response({"error": "the body must be a JSON object"}, 400)
            try:
                return json_response(handler(state, body))
            except (ValueError, TypeError) as error:
                return json_response({"error": str(error)}, 400)

        return endpoint

    async def counters(request: Request) -> Response:
        return json_response(state.all_counters())

    async def status(request: Request) -> Response:
        return json_response(_status(state))

    async def mfa(request: Request) -> Response:
        return json_response({"bill_v3": state.mfa_code("bill_v3")})

    return [
        Route("/", guarded(counters), methods=["GET"]),
        Route("/counters", guarded(counters), methods=["GET"]),
        Route("/status", guarded(status), methods=["GET"]),
        Route("/mfa", guarded(mfa), methods=["GET"]),
        Route("/expire", guarded(post(_expire)), methods=["POST"]),
        Route("/clock", guarded(post(_clock)), methods=["POST"]),
        Route("/faults", guarded(post(_faults)), methods=["POST"]),
        Route("/down", guarded(post(_down)), methods=["POST"]),
        Route("/reset", guarded(post(_reset)), methods=["POST"]),
        Route("/config", guarded(post(_config)), methods=["POST"]),
        Route("/latency", guarded(post(_latency)), methods=["POST"]),
    ]


def create_app(state: SandboxState, admin_token: str | None = None) -> FaultLayer:
    """The whole sandbox as one ASGI app, bound to ``state``; ``admin_token`` admits admin requests from
    anywhere (a sandbox bound beyond loopback)."""
    # Providers get flat routes with full paths, not Mounts: a Mount's "{path:path}" tail does not match a
    # path parameter holding a newline (fuzzers send those), which would make such requests 404.
    routes: list[BaseRoute] = [Mount(ADMIN, routes=admin_routes(state, admin_token))]
    routes += SzamlaAgent(state).routes()
    bill = Bill(state)
    routes += bill.routes("/api/v2/dc2") + bill.routes("/api/v2")  # two API endpoints, one state
    routes += Gestix(state).routes("/api/{account}/v4.0.0")
    routes += BillV3(state).routes("/connect")
    routes += BillingPlatform(state).routes("/{org}")
    return FaultLayer(Starlette(routes=routes), state)
