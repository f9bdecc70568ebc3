"""OpenTelemetry signals of the session events (extra ``otel``: ``opentelemetry-api`` only).

Imported when a session is made; ``opentelemetry`` only if installed and already imported by the
application (an SDK cannot be set up without it). Without an SDK (the API's default providers) nothing is
set up at all, so a session without listeners pays nothing per request.
"""

from __future__ import annotations

import sys
import threading
import weakref
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from opentelemetry.metrics import MeterProvider
    from opentelemetry.trace import Span, TracerProvider

NAME = "billing_sessions"
#: Seconds: lock waits range from nothing to a login's round trips.
WAIT_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

PROVIDER = "billing_sessions.provider"
OPERATION = "billing_sessions.operation"
REASON = "billing_sessions.reason"
ACCOUNT = "billing_sessions.account"
RESOLVED = "billing_sessions.resolved"  # a lost write's outcome was settled by looking it up
ERROR_TYPE = "error.type"  # semantic conventions


class SessionEvent(Protocol):
    """What is read of a ``telemetry.SessionEvent`` (not imported: that module imports this one)."""

    @property
    def kind(self) -> str: ...
    @property
    def provider(self) -> str: ...
    @property
    def operation(self) -> str: ...
    @property
    def reason(self) -> str | None: ...
    @property
    def error_type(self) -> str | None: ...
    @property
    def duration(self) -> float | None: ...
    @property
    def account(self) -> str: ...


def _sdk_configured(tracer_provider: Any, meter_provider: Any) -> tuple[bool, bool]:
    """Did the application install real providers? The API's defaults (proxies until an SDK is set, or
    no-ops) record nothing: then this library sets nothing up."""
    from opentelemetry import metrics, trace

    tracing = not isinstance(tracer_provider, trace.ProxyTracerProvider | trace.NoOpTracerProvider)
    # The API's default meter provider is a private proxy class; its name is the stable way to tell it.
    default_meter = type(meter_provider).__name__ == "_ProxyMeterProvider"
    metering = not (default_meter or isinstance(meter_provider, metrics.NoOpMeterProvider))
    return tracing, metering


def signals(tracer_provider: Any | None, meter_provider: Any | None) -> Signals | None:
    """The signals for one session, or None without OpenTelemetry or without anything listening."""
    given = tracer_provider is not None or meter_provider is not None
    if not given and "opentelemetry.trace" not in sys.modules and "opentelemetry.metrics" not in sys.modules:
        return None  # no SDK can have been set up without importing the API: spare the import
    try:
        from opentelemetry import metrics, trace
    except ImportError as exc:
        if given:
            from billing_sessions.errors import missing_extra

            raise missing_extra("otel", "tracer_provider / meter_provider", exc) from None
        return None
    tracer_provider = tracer_provider if tracer_provider is not None else trace.get_tracer_provider()
    meter_provider = meter_provider if meter_provider is not None else metrics.get_meter_provider()
    tracing, metering = _sdk_configured(tracer_provider, meter_provider)
    if not (tracing or metering):
        return None
    return Signals(tracer_provider if tracing else None, meter_provider if metering else None)


class _Instruments:
    """The metric instruments of one meter provider, made once (the SDK warns about duplicates)."""

    def __init__(self, meter_provider: MeterProvider) -> None:
        from billing_sessions import __version__

        meter = meter_provider.get_meter(NAME, __version__)
        self.logins = meter.create_counter(
            "billing_sessions.logins",
            unit="{login}",
            description="Logins, by reason: first, expired, idle, rejected",
        )
        self.resends = meter.create_counter(
            "billing_sessions.resends",
            unit="{request}",
            description="Requests re-sent after the session expired",
        )
        self.retries = meter.create_counter(
            "billing_sessions.retries", unit="{request}", description="Automatic retries, by reason"
        )
        self.nonce_rejections = meter.create_counter(
            "billing_sessions.nonce_rejections",
            unit="{request}",
            description="Writes whose nonce was rejected",
        )
        self.login_wait = meter.create_histogram(
            "billing_sessions.login_lock.wait_time",
            unit="s",
            description="Time waited for the account's login lock",
            explicit_bucket_boundaries_advisory=WAIT_BUCKETS,
        )
        self.write_wait = meter.create_histogram(
            "billing_sessions.write_order.wait_time",
            unit="s",
            description="Time a write waited for its turn in the account's nonce order",
            explicit_bucket_boundaries_advisory=WAIT_BUCKETS,
        )
        self.in_flight = meter.create_up_down_counter(
            "billing_sessions.requests.in_flight",
            unit="{request}",
            description="Requests on the wire to the provider (against its in-flight limit)",
        )


_instruments: weakref.WeakKeyDictionary[Any, _Instruments] = weakref.WeakKeyDictionary()
_guard = threading.Lock()


def _instruments_of(meter_provider: MeterProvider) -> _Instruments:
    with _guard:
        try:
            found = _instruments.get(meter_provider)
            if found is None:
                found = _instruments[meter_provider] = _Instruments(meter_provider)
        except TypeError:  # a provider that cannot be weakly referenced: instruments of its own
            found = _Instruments(meter_provider)
        return found


class Signals:
    """Spans (login, relogin, logout) and metrics for the sessions of one tracer / meter provider."""

    def __init__(self, tracer_provider: TracerProvider | None, meter_provider: MeterProvider | None) -> None:
        from billing_sessions import __version__

        self.tracer = tracer_provider.get_tracer(NAME, __version__) if tracer_provider is not None else None
        self.instruments = _instruments_of(meter_provider) if meter_provider is not None else None

    # -- spans

    def start(
        self, kind: str, provider: str, operation: str, reason: str | None, account: str
    ) -> Span | None:
        if self.tracer is None:
            return None
        attributes = {PROVIDER: provider, ACCOUNT: account}
        if operation:
            attributes[OPERATION] = operation
        if reason is not None:
            attributes[REASON] = reason
        return self.tracer.start_span(f"{provider} {kind}", attributes=attributes)

    def current(self, span: Span) -> AbstractContextManager[Any]:
        """The span as the current one: the login's HTTP spans (httpx instrumentation) become children."""
        from opentelemetry import trace

        return trace.use_span(span, end_on_exit=False, record_exception=False, set_status_on_exception=False)

    def end(self, span: Span, event: SessionEvent) -> None:
        from opentelemetry.trace import Status, StatusCode

        if event.reason is not None:
            span.set_attribute(REASON, event.reason)  # known only at the end for some spans (resolve)
        if event.kind == "resolve":
            span.set_attribute(RESOLVED, event.reason in ("found", "resent"))
        if event.error_type is not None:
            span.set_attribute(ERROR_TYPE, event.error_type)
            # No description: an exception message is not ours to export.
            span.set_status(Status(StatusCode.ERROR))
        span.end()

    # -- metrics

    def record(self, event: SessionEvent) -> None:
        m = self.instruments
        if m is None:
            return
        attributes = dict(_attributes(event))
        if event.kind in ("login", "relogin"):
            m.logins.add(1, attributes)
        elif event.kind == "resend":
            m.resends.add(1, attributes)
        elif event.kind == "retry":
            m.retries.add(1, attributes)
        elif event.kind == "nonce_rejected":
            m.nonce_rejections.add(1, attributes)
        elif event.kind == "lock_wait" and event.duration is not None:
            wait = m.write_wait if event.reason == "write" else m.login_wait
            wait.record(event.duration, account_attributes(event.provider, event.account))

    @staticmethod
    def attributes(provider: str, account: str) -> dict[str, str]:
        return account_attributes(provider, account)

    def in_flight(self, delta: int, attributes: dict[str, str]) -> None:
        if self.instruments is not None:
            self.instruments.in_flight.add(delta, attributes)


def account_attributes(provider: str, account: str) -> dict[str, str]:
    return {PROVIDER: provider, ACCOUNT: account}


def _attributes(event: SessionEvent) -> Iterator[tuple[str, str]]:
    yield PROVIDER, event.provider
    yield ACCOUNT, event.account
    if event.operation and event.kind in ("resend", "retry", "nonce_rejected"):
        yield OPERATION, event.operation
    if event.reason is not None:
        yield REASON, event.reason
    if event.error_type is not None:
        yield ERROR_TYPE, event.error_type
