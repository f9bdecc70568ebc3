"""The outermost ASGI layer: per-provider request counting and fault injection.

A fault applies to the next request of its provider. ``after=False`` answers the fault instead of handling
the request; ``after=True`` handles the request first (a write is applied, counters move) and then replaces
the answer. Kinds:

- ``"500"``, ``"502"``, ``"503"``, ``"429"``: that status, with the provider's error body (502 is a proxy's
  HTML page); ``Retry-After`` on 429/503 when ``retry_after`` is given;
- ``"drop"``: the connection is closed without a (complete) response: the client sees a transport error;
- ``"slow"``: wait ``delay`` seconds, then answer normally (with ``after=True``: handle, wait, answer);
- ``"malformed"``: HTTP 200 whose body is cut short (truncated JSON or XML, or a truncated real answer).

A provider switched down (``set_down``) answers 503 to everything (Számla Agent: ``szlahu_down``, code 1).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from billing_sessions.sandbox.state import Fault, SandboxState

__all__ = ["MALFORMED", "Answer", "FaultLayer", "provider_of"]

Answer = tuple[int, list[tuple[bytes, bytes]], bytes]


def provider_of(path: str) -> str | None:
    """Which provider a request path belongs to (``None``: the admin API or no provider)."""
    if path.startswith("/_sandbox"):
        return None
    if path == "/szamla" or path.startswith("/szamla/"):
        return "szamla_agent"
    if path == "/api/v2" or path.startswith("/api/v2/"):
        return "bill"
    if path == "/connect" or path.startswith("/connect/"):
        return "bill_v3"
    if path.startswith("/api/"):
        return "gestix"
    parts = path.split("/")
    if len(parts) > 2 and parts[1] and parts[2] in {"rest", "auth"}:
        return "billingplatform"
    return None


def _json(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode()


def _error_body(provider: str, status: int) -> tuple[bytes, bytes]:
    """(content type, body) of an injected error status, in the provider's own error form."""
    if status == 502:
        return b"text/html", b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    message = "Too many requests" if status == 429 else "Injected sandbox fault"
    if provider == "szamla_agent":
        return b"text/plain; charset=utf-8", f"[ERR] {message} ({status})".encode()
    if provider == "bill":
        code = "BDC_1144" if status == 429 else "BDC_1001"
        data = {"error_code": code, "error_message": message}
        envelope = {"response_status": 1, "response_message": "Error", "response_data": data}
        return b"application/json", _json(envelope)
    if provider == "bill_v3":
        code = "BDC_1144" if status == 429 else "BDC_1001"
        entry = {"code": code, "severity": "ERROR", "category": "SERVER", "message": message}
        return b"application/json", _json([entry])
    if provider == "billingplatform":
        error = "too_many_requests" if status == 429 else "server_error"
        return b"application/json", _json({"error": error, "message": message})
    code = "DB_TIMEOUT" if status in {503, 429} else "INTERNAL"
    return b"application/json", _json({"code": code, "message": message, "timestamp": "1970-01-01T00:00:00Z"})


MALFORMED: dict[str, tuple[bytes, bytes]] = {
    "gestix": (b"application/json", b'{"xa-token": "d2b1c0'),
    "szamla_agent": (
        b"text/xml; charset=utf-8",
        b'<?xml version="1.0" encoding="UTF-8"?><xmlszamlavalasz xmlns="http://www.szamlazz.hu/xmlszamlavalasz">'
        b"<sikeres>tr",
    ),
    "bill": (b"application/json", b'{"response_status": 0, "response_message": "Success", "response_da'),
    "billingplatform": (b"application/json", b'{"queryResponse": [{"Id": "1'),
    "bill_v3": (b"application/json", b'{"sessionId": "!0a1b'),
}


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class FaultLayer:
    """Wraps the Starlette app: counts each provider request (``requests``, ``in_flight``), injects faults."""

    def __init__(self, app: ASGIApp, state: SandboxState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        provider = provider_of(scope["path"]) if scope["type"] == "http" else None
        if provider is None:
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        legs = self.state.legs(provider, loop.time())
        if legs is not None:
            # call_at, not sleep: the arrival times are exact and in order, so the wake-ups are too.
            arrived = loop.create_future()
            loop.call_at(legs[0], arrived.set_result, None)
            await arrived
        self.state.enter(provider)
        left = False

        async def sending(message: Message) -> None:
            # Counted out before the last byte goes: a client holding its answer never sees itself in flight.
            nonlocal left
            if message["type"] == "http.response.start" and legs is not None:
                await asyncio.sleep(legs[1])  # the answer's way back
            if message["type"] == "http.response.body" and not message.get("more_body") and not left:
                left = True
                self.state.leave(provider)
            await send(message)

        try:
            if provider != "szamla_agent" and self.state.is_down(provider):
                # Számla Agent answers its own way (szlahu_down); the others are simply unavailable.
                await _send(sending, self._error(provider, Fault("503")))
                return
            fault = self.state.take_fault(provider)
            if fault is None:
                await self.app(scope, receive, sending)
            else:
                await self._faulty(provider, fault, scope, receive, sending)
        finally:
            if not left:
                self.state.leave(provider)

    async def _faulty(self, provider: str, fault: Fault, scope: Scope, receive: Receive, send: Send) -> None:
        if not fault.after:
            if fault.kind == "slow":
                await asyncio.sleep(fault.delay)
                await self.app(scope, receive, send)
            elif fault.kind == "drop":
                await _drop(receive, send)
            elif fault.kind == "malformed":
                media_type, body = MALFORMED[provider]
                await _send(send, (200, [(b"content-type", media_type)], body))
            else:
                await _send(send, self._error(provider, fault))
            return
        captured = await _capture(self.app, scope, receive)
        if fault.kind == "slow":
            await asyncio.sleep(fault.delay)
            await _send(send, captured)
        elif fault.kind == "drop":
            await _drop(receive, send)
        elif fault.kind == "malformed":
            _, headers, body = captured
            await _send(send, (200, headers, body[: max(1, len(body) // 2)]))
        else:
            await _send(send, self._error(provider, fault))

    @staticmethod
    def _error(provider: str, fault: Fault) -> Answer:
        status = int(fault.kind)
        media_type, body = _error_body(provider, status)
        headers = [(b"content-type", media_type)]
        if fault.retry_after is not None and status in {429, 503}:
            headers.append((b"retry-after", _seconds(fault.retry_after).encode()))
        return status, headers, body


async def _capture(app: ASGIApp, scope: Scope, receive: Receive) -> Answer:
    """Run ``app`` and collect its answer instead of sending it."""
    status = 500
    headers: list[tuple[bytes, bytes]] = []
    chunks: list[bytes] = []

    async def collect(message: Message) -> None:
        nonlocal status, headers
        if message["type"] == "http.response.start":
            status = message["status"]
            headers = [(bytes(k), bytes(v)) for k, v in message.get("headers", [])]
        elif message["type"] == "http.response.body":
            chunks.append(bytes(message.get("body", b"")))

    await app(scope, receive, collect)
    return status, headers, b"".join(chunks)


async def _send(send: Send, answer: Answer) -> None:
    status, headers, body = answer
    headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
    headers.append((b"content-length", str(len(body)).encode()))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _drop(receive: Receive, send: Send) -> None:
    """Close the connection without a response. Under uvicorn the transport is closed directly (the server
    then sees a client disconnect and logs nothing); elsewhere an incomplete response is sent instead."""
    cycle = getattr(receive, "__self__", None)
    transport = getattr(cycle, "transport", None)
    close: Callable[[], None] | None = getattr(transport, "close", None)
    if close is not None:
        close()
        for _ in range(5):  # let the event loop deliver connection_lost to the protocol
            if getattr(cycle, "disconnected", False):
                return
            await asyncio.sleep(0)
        return
    headers = [(b"content-type", b"application/json"), (b"content-length", b"1024")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b'{"dropped', "more_body": True})
