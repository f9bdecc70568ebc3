"""Session events for ``on_event`` hooks and OpenTelemetry (extra ``otel``), through one ``emit`` path.

Nothing here carries a secret or personal data: an event names the provider, a low-cardinality operation
(method and route, ids replaced by ``{id}``, never a query string), the outcome, the error's class, a reason
and a duration; accounts are told apart by the first 8 hex digits of the store key's hash at most.

A session gets a ``Telemetry`` only when someone listens: an ``on_event`` hook, tracer or meter providers
passed in, or a global OpenTelemetry SDK configured before the session was made. Otherwise the session's
``telemetry`` is None and the per-request path costs one attribute check.
"""

from __future__ import annotations

import contextlib
import logging
import re
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import TYPE_CHECKING, Any, Literal

import attrs
import httpx

from billing_sessions.redact import redact

if TYPE_CHECKING:
    from billing_sessions._otel import Signals

__all__ = [
    "NULL",
    "EventHook",
    "Kind",
    "Note",
    "Outcome",
    "SessionEvent",
    "Telemetry",
    "async_http_request_hook",
    "atimed_lock",
    "emit",
    "error_type",
    "http_request_hook",
    "in_flight",
    "issued",
    "observe",
    "observe_login",
    "operation",
    "session_telemetry",
    "timed_lock",
]

log = logging.getLogger("billing_sessions")

Kind = Literal[
    "login",
    "relogin",
    "logout",
    "mfa",
    "mfa_trust",
    "resend",
    "retry",
    "nonce_rejected",
    "lock_wait",
    "resolve",
]
Outcome = Literal["ok", "error"]


@attrs.frozen
class SessionEvent:
    """One session event, as ``on_event`` receives it.

    ``kind``: ``login`` (the first session), ``relogin`` (a session replaced: ``reason`` ``expired``, ``idle``
    or ``rejected``), ``logout``, ``resend`` (a request sent again after the session expired), ``retry``
    (``reason``: the HTTP status or the transport error's class), ``nonce_rejected`` (a Gestix write refused
    while a later one may have overtaken it: re-sent once, alone), ``lock_wait``
    (``reason``: ``login`` or ``write``; ``duration``: seconds waited for that lock), ``resolve`` (a write
    whose answer was lost, looked up by its own id: ``reason`` ``found``, ``resent`` or ``unknown``),
    ``mfa_trust`` (BILL v3: ``days_left`` until the remembered MFA trust expires; ``reason`` ``remembered``,
    a login it made trusted, or ``validated``, a new trust).
    """

    kind: Kind
    provider: str
    operation: str = ""  # "GET /status", "POST /rest/2.0/{entity}/{id}": the route, never ids or a query
    outcome: Outcome = "ok"
    error_type: str | None = None  # the error's class name (the nearest public one)
    reason: str | None = None
    duration: float | None = None  # seconds
    account: str = ""  # the store key's hash prefix: tells accounts apart, identifies nobody
    days_left: float | None = None  # mfa_trust: days until the remembered trust expires


EventHook = Callable[[SessionEvent], object]


@attrs.define
class Note:
    """What a timed block found out, for its event (``reason``)."""

    reason: str | None = None


_WORD = re.compile(r"[A-Za-z][A-Za-z_.-]{0,39}|v?[0-9]+(\.[0-9]+)+")


def operation(request: httpx.Request, base_path: str = "") -> str:
    """``METHOD /route`` for ``request``: the path under the session's base URL, segments that are not
    plain words or versions (record ids, numbers, anything long) replaced by ``{id}``, no query string."""
    path = request.url.path
    if base_path and path.startswith(base_path):
        path = path[len(base_path) :]
    segments = ["{id}" if s and not _WORD.fullmatch(s) else s for s in path.split("/")]
    return f"{request.method} {'/'.join(segments) or '/'}"


def error_type(exc: BaseException) -> str:
    """The class name a dashboard can group by: the nearest public class (not ``_GestixLoginError``)."""
    for cls in type(exc).__mro__:
        if not cls.__name__.startswith("_"):
            return cls.__name__
    return type(exc).__name__


class Telemetry:
    """One session's listeners: the ``on_event`` hook and the OpenTelemetry signals."""

    def __init__(
        self,
        provider: str,
        account: str,
        base_path: str,
        on_event: EventHook | None,
        otel: Signals | None,
    ) -> None:
        self.provider = provider
        self.account = account
        self.base_path = base_path
        self.on_event = on_event
        self.otel = otel  # an _otel.Signals, only when OpenTelemetry is installed and listened to
        self._attributes = otel.attributes(provider, account) if otel is not None else {}  # made once

    def __repr__(self) -> str:
        return f"Telemetry(provider={self.provider!r}, account={self.account!r})"

    def operation(self, request: httpx.Request | None) -> str:
        return "" if request is None else operation(request, self.base_path)

    def event(self, kind: Kind, request: httpx.Request | None = None, **fields: Any) -> SessionEvent:
        return SessionEvent(
            kind, self.provider, operation=self.operation(request), account=self.account, **fields
        )

    def emit(self, event: SessionEvent) -> None:
        """The one path every event takes: the hook, then the metrics. Neither can break the call."""
        if self.on_event is not None:
            try:
                self.on_event(event)
            except Exception as exc:  # a listener's bug must not fail a billing call
                log.warning("on_event hook raised %s for a %s event", type(exc).__name__, event.kind)
        if self.otel is not None:
            try:
                self.otel.record(event)
            except Exception as exc:
                log.warning("recording a %s event failed: %s", event.kind, type(exc).__name__)

    @contextlib.contextmanager
    def span(
        self, kind: Kind, request: httpx.Request | None = None, reason: str | None = None
    ) -> Iterator[Note]:
        """Time the block as one event (login, relogin, logout), as a span where OpenTelemetry listens. The
        block may set the yielded note's ``reason`` when it is only known at the end (``resolve``)."""
        note = Note(reason)
        op = self.operation(request)
        started = time.perf_counter()
        otel_span = self.otel.start(kind, self.provider, op, reason, self.account) if self.otel else None
        failure: BaseException | None = None
        try:
            if otel_span is None:
                yield note
            else:
                assert self.otel is not None
                with self.otel.current(otel_span):
                    yield note
        except BaseException as exc:
            failure = exc
            raise
        finally:
            event = SessionEvent(
                kind,
                self.provider,
                operation=op,
                outcome="ok" if failure is None else "error",
                error_type=None if failure is None else error_type(failure),
                reason=note.reason,
                duration=time.perf_counter() - started,
                account=self.account,
            )
            self.emit(event)
            if otel_span is not None and self.otel is not None:
                self.otel.end(otel_span, event)

    def in_flight(self, delta: int) -> None:
        if self.otel is not None:
            self.otel.in_flight(delta, self._attributes)


def session_telemetry(
    provider: str,
    key: str,
    base_path: str,
    on_event: EventHook | None = None,
    tracer_provider: Any | None = None,
    meter_provider: Any | None = None,
) -> Telemetry | None:
    """A ``Telemetry`` when something listens, else None (nothing to do per request)."""
    from billing_sessions import _otel

    signals = _otel.signals(tracer_provider, meter_provider)
    if on_event is None and signals is None:
        return None
    account = key.rpartition(":")[2][:8]
    return Telemetry(provider, account, base_path, on_event, signals)


# -- the calls the session mechanism makes: each a no-op without telemetry


class _Null(contextlib.AbstractContextManager[Any], contextlib.AbstractAsyncContextManager[Any]):
    def __enter__(self) -> Note:
        return Note()  # a note nobody reads: the block may still set its reason

    def __exit__(self, *exc: object) -> None:
        return None

    async def __aexit__(self, *exc: object) -> None:
        return None


NULL = _Null()


def observe(
    telemetry: Telemetry | None, kind: Kind, request: httpx.Request | None = None, reason: str | None = None
) -> contextlib.AbstractContextManager[Note]:
    """``with observe(t, "logout"): ...``: the block as one timed event (a span too, with OpenTelemetry)."""
    return NULL if telemetry is None else telemetry.span(kind, request, reason)


def observe_login(
    telemetry: Telemetry | None, stale: object, renewal: str | None, request: httpx.Request | None
) -> contextlib.AbstractContextManager[Any]:
    """A login: the first (``login``), or one replacing a session the provider rejected (``stale``), or
    one renewing a session about to expire or idle too long (``relogin``)."""
    if telemetry is None:
        return NULL
    if stale is not None:
        return telemetry.span("relogin", request, "rejected")
    if renewal is not None:
        return telemetry.span("relogin", request, renewal)
    return telemetry.span("login", request, "first")


def issued(telemetry: Telemetry | None, replaced: bool, request: httpx.Request) -> None:
    """A session the provider made by itself in an ordinary answer (Számla Agent's cookie): a ``login``, or
    a ``relogin`` (reason ``expired``) when it replaced the session the request carried."""
    if telemetry is not None:
        kind: Kind = "relogin" if replaced else "login"
        telemetry.emit(telemetry.event(kind, request, reason="expired" if replaced else "first"))


def emit(
    telemetry: Telemetry | None, kind: Kind, request: httpx.Request | None = None, **fields: Any
) -> None:
    """One event that is not timed (``resend``, ``retry``, ``nonce_rejected``)."""
    if telemetry is not None:
        telemetry.emit(telemetry.event(kind, request, **fields))


@contextlib.contextmanager
def _timed(
    telemetry: Telemetry, lock: contextlib.AbstractContextManager[None], purpose: str
) -> Iterator[None]:
    started = time.perf_counter()
    with lock:
        telemetry.emit(telemetry.event("lock_wait", reason=purpose, duration=time.perf_counter() - started))
        yield


@contextlib.asynccontextmanager
async def _atimed(
    telemetry: Telemetry, lock: contextlib.AbstractAsyncContextManager[None], purpose: str
) -> AsyncIterator[None]:
    started = time.perf_counter()
    async with lock:
        telemetry.emit(telemetry.event("lock_wait", reason=purpose, duration=time.perf_counter() - started))
        yield


def timed_lock(
    telemetry: Telemetry | None, purpose: str, lock: contextlib.AbstractContextManager[None]
) -> contextlib.AbstractContextManager[None]:
    """``lock``, its wait reported as a ``lock_wait`` event (``purpose``: ``login`` or ``write``)."""
    return lock if telemetry is None else _timed(telemetry, lock, purpose)


def atimed_lock(
    telemetry: Telemetry | None, purpose: str, lock: contextlib.AbstractAsyncContextManager[None]
) -> contextlib.AbstractAsyncContextManager[None]:
    """The asyncio twin of ``timed_lock``."""
    return lock if telemetry is None else _atimed(telemetry, lock, purpose)


def in_flight(telemetry: Telemetry | None) -> contextlib.AbstractContextManager[None]:
    """Around one attempt on the wire: the in-flight up-down counter."""
    return NULL if telemetry is None or telemetry.otel is None else _InFlight(telemetry)


class _InFlight(contextlib.AbstractContextManager[None]):
    def __init__(self, telemetry: Telemetry) -> None:
        self.telemetry = telemetry

    def __enter__(self) -> None:
        self.telemetry.in_flight(1)

    def __exit__(self, *exc: object) -> None:
        self.telemetry.in_flight(-1)


# -- for opentelemetry-instrumentation-httpx, whose HTTP spans record the full URL (Gestix puts the password
# in the /auth query string): HTTPXClientInstrumentor().instrument(request_hook=http_request_hook, ...)

_URL_ATTRIBUTES = ("http.url", "url.full")  # the old and the stable HTTP semantic conventions


def http_request_hook(span: Any, request: Any) -> None:
    """A ``request_hook`` for ``HTTPXClientInstrumentor``: the span's URL with credentials redacted."""
    url = redact(str(request.url))
    present = getattr(span, "attributes", None)  # an SDK span tells which convention is in use
    for name in _URL_ATTRIBUTES:
        if present is None or name in present:
            span.set_attribute(name, url)


async def async_http_request_hook(span: Any, request: Any) -> None:
    """The same, as the instrumentor's ``async_request_hook``."""
    http_request_hook(span, request)
