"""Observability: on_event hooks and OpenTelemetry spans and metrics (SDK in-memory exporters), counted
against the sandbox, with nothing secret or personal in anything exported."""

from __future__ import annotations

import asyncio
import logging
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from opentelemetry import trace
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from billing_sessions import LoginError, bill, billingplatform, gestix, szamla_agent
from billing_sessions.retry import RetryPolicy
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.sandbox.state import SandboxState, Session
from billing_sessions.stores import MemoryStore
from billing_sessions.telemetry import SessionEvent, operation
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine
from tests.test_session_szamla_agent import ACTION, INVOICE

pytestmark = pytest.mark.anyio

#: Personal data beyond the secrets: account number, user name, org id, OAuth client id.
PERSONAL = {DEMO.gestix_account, DEMO.bill_user_name, DEMO.bill_org_id, DEMO.bp_client_id}
#: Short user names ("demo") would match any text: an attribute value must not *be* one.
USER_NAMES = {DEMO.gestix_username, DEMO.bp_username, DEMO.szamla_username}


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


class Otel:
    """An SDK tracer and meter provider with in-memory exporters, plus the on_event events."""

    def __init__(self) -> None:
        self.spans = InMemorySpanExporter()
        self.tracer_provider = TracerProvider()
        self.tracer_provider.add_span_processor(SimpleSpanProcessor(self.spans))
        self.reader = InMemoryMetricReader()
        self.meter_provider = MeterProvider(metric_readers=[self.reader])
        self.events: list[SessionEvent] = []

    def options(self) -> dict[str, Any]:
        return {
            "tracer_provider": self.tracer_provider,
            "meter_provider": self.meter_provider,
            "on_event": self.events.append,
        }

    def finished(self) -> tuple[ReadableSpan, ...]:
        return tuple(self.spans.get_finished_spans())

    def metrics(self) -> dict[str, list[tuple[dict[str, Any], Any]]]:
        """name -> [(attributes, value or histogram count)] of every data point."""
        found: dict[str, list[tuple[dict[str, Any], Any]]] = {}
        data = self.reader.get_metrics_data()
        for resource in data.resource_metrics if data is not None else ():
            for scope in resource.scope_metrics:
                for metric in scope.metrics:
                    for point in metric.data.data_points:
                        value = getattr(point, "value", None)
                        if value is None:
                            value = point.count  # type: ignore[union-attr]
                        found.setdefault(metric.name, []).append((dict(point.attributes or {}), value))
        return found

    def total(self, name: str, **attributes: Any) -> Any:
        wanted = {f"billing_sessions.{k}": v for k, v in attributes.items()}
        points = self.metrics().get(f"billing_sessions.{name}", [])
        return sum(v for a, v in points if wanted.items() <= a.items())

    def exported(self) -> str:
        """Everything that would leave the process: spans, metrics, events."""
        data = self.reader.get_metrics_data()
        parts = [span.to_json() for span in self.finished()]
        parts.append(data.to_json() if data is not None else "")
        parts += [repr(e) for e in self.events]
        return "\n".join(parts)

    def values(self) -> list[Any]:
        """Every attribute value and span name exported, one by one."""
        found: list[Any] = []
        for span in self.finished():
            found.append(span.name)
            found += list((span.attributes or {}).values())
            found += [v for e in span.events for v in (e.attributes or {}).values()]
        for points in self.metrics().values():
            found += [v for a, _ in points for v in a.values()]
        found += [v for e in self.events for v in attrs.asdict(e).values()]
        return found


@pytest.fixture
def otel() -> Otel:
    return Otel()


@pytest.fixture
def issued(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """Every token, session id and cookie the sandbox issues during the test."""
    tokens: set[str] = set()
    create_session = SandboxState.create_session

    def recording(self: SandboxState, *args: Any, **kwargs: Any) -> Session:
        session = create_session(self, *args, **kwargs)
        tokens.add(session.token)
        return session

    monkeypatch.setattr(SandboxState, "create_session", recording)
    return tokens


def _no_sleep() -> RetryPolicy:
    return RetryPolicy(sleep=lambda _: None, jitter=lambda: 0.0)


def _gestix(sb: Sandbox, otel: Otel, **kwargs: Any) -> gestix.Session:
    return gestix.Session(
        sb.base_url("gestix"), **{"api_token": DEMO.gestix_api_token, **kwargs}, **otel.options()
    )


def _bill(sb: Sandbox, otel: Otel, clock: Clock) -> bill.Session:
    return bill.Session(
        sb.base_url("bill"),
        user_name=DEMO.bill_user_name,
        password=DEMO.bill_password,
        org_id=DEMO.bill_org_id,
        dev_key=DEMO.bill_dev_key,
        clock=clock,
        **otel.options(),
    )


def _invoice(s: gestix.Session) -> None:
    body = DocumentInput(lines=[DocumentLine(article_code="A1", quantity=1.0)])
    assert create_invoice.sync_detailed(client=s.client, body=body).status_code == 201


def _every_flow(sb: Sandbox, otel: Otel) -> None:
    """Each provider's flows: logins of every reason, re-sends, retries, write order, logouts, failures."""
    with _gestix(sb, otel, retry=_no_sleep()) as g:
        g.status()
        _invoice(g)
        sb.state.expire_all("gestix")
        _invoice(g)  # 403: relogin (rejected) and one re-send
        sb.state.inject("gestix", "503")
        g.status()  # one retry
    with _gestix(sb, otel, api_token=None, username=DEMO.gestix_username, password=DEMO.gestix_password) as g:
        g.status()
    with pytest.raises(LoginError):
        _gestix(sb, otel, api_token=None, username=DEMO.gestix_username, password="wrong-password").status()
    agent_store = MemoryStore()  # shared by two Sessions: the second reuses the cookie, then meets it dead
    for _ in range(2):
        with szamla_agent.Session(
            sb.base_url("szamla_agent"), agent_key=DEMO.szamla_agent_key, store=agent_store, **otel.options()
        ) as z:
            z.send(ACTION, INVOICE.format(version=1))
            sb.state.expire_all("szamla_agent")
            z.send(ACTION, INVOICE.format(version=2))  # the Agent silently issues a new cookie
    clock = Clock()
    with _bill(sb, otel, clock) as b:
        b.session_info()
        clock.now += 34.5 * 60  # idle renewal before use
        sb.state.advance(34.5 * 60)
        b.create("Customer", {"name": "Jane Doe"})
    with billingplatform.Session(
        sb.base_url("billingplatform"), username=DEMO.bp_username, password=DEMO.bp_password, **otel.options()
    ) as p:
        record = p.query("SELECT Id, Name FROM ACCOUNT")[0]
        assert isinstance(record.id, str)
        p.retrieve("ACCOUNT", record.id)
        sb.state.expire_all("billingplatform")
        p.query("SELECT Id FROM ACCOUNT")
    oauth_clock = Clock()
    with billingplatform.Session(
        sb.base_url("billingplatform"),
        client_id=DEMO.bp_client_id,
        client_secret=DEMO.bp_client_secret,
        clock=oauth_clock,
        **otel.options(),
    ) as p:
        p.query("SELECT Id FROM ACCOUNT")
        oauth_clock.now += 86_400  # the token's expires_in has passed: renewed before use
        p.query("SELECT Id FROM ACCOUNT")


def test_every_flow_exports_no_secret_and_no_personal_data(sb: Sandbox, otel: Otel, issued: set[str]) -> None:
    _every_flow(sb, otel)
    text = otel.exported()
    secrets = DEMO.secrets() | PERSONAL | {"wrong-password", "Jane Doe"} | issued
    assert len(issued) >= 8 and len(otel.finished()) >= 8 and len(otel.events) >= 20
    assert [s for s in secrets if s in text] == []
    assert [v for v in otel.values() if v in USER_NAMES] == []


def test_every_flow_counts_what_the_sandbox_counts(sb: Sandbox, otel: Otel) -> None:
    _every_flow(sb, otel)
    for provider in ("gestix", "bill", "billingplatform"):
        counters = sb.state.counters(provider)
        assert otel.total("logins", provider=provider) == counters["logins"] + counters["login_failures"]
    assert otel.total("logins", provider="gestix", reason="first") == 3
    assert otel.total("logins", provider="gestix", reason="rejected") == 1
    assert otel.total("logins", provider="bill", reason="idle") == 1
    assert otel.total("logins", provider="billingplatform", reason="rejected") == 1
    assert otel.total("logins", provider="billingplatform", reason="expired") == 1
    # The Agent makes its session with the first call and replaces a dead one silently: counted as issued.
    created = sb.state.counters("szamla_agent")["sessions_created"]
    assert otel.total("logins", provider="szamla_agent", reason="first") == 1
    assert otel.total("logins", provider="szamla_agent", reason="expired") == 2
    assert created == 3
    assert otel.total("resends", provider="gestix") == sb.state.counters("gestix")["expired_rejections"] == 1
    assert otel.total("resends", provider="billingplatform") == 1
    assert otel.total("retries", provider="gestix", reason="503") == 1
    assert (  # one wait per attempt: a re-sent write takes its place in the order again
        otel.total("write_order.wait_time", provider="gestix")
        == sb.state.counters("gestix")["writes_applied"] + otel.total("resends", provider="gestix")
    )
    assert otel.total("requests.in_flight") == 0  # every attempt counted out again
    kinds = {(s.name, (s.attributes or {}).get("billing_sessions.reason")) for s in otel.finished()}
    assert {
        ("gestix login", "first"),
        ("gestix relogin", "rejected"),
        ("bill relogin", "idle"),
        ("bill logout", None),
        ("billingplatform relogin", "expired"),
        ("billingplatform logout", None),
    } <= kinds
    failed = [s for s in otel.finished() if s.status.status_code == trace.StatusCode.ERROR]
    assert [(s.name, (s.attributes or {}).get("error.type")) for s in failed] == [
        ("gestix login", "LoginError")
    ]
    assert sb.state.counters("bill")["logouts"] == otel.total("logins", provider="bill", reason="first") == 1


def test_login_span_is_a_child_of_the_callers_span(sb: Sandbox, otel: Otel) -> None:
    tracer = otel.tracer_provider.get_tracer("app")
    with tracer.start_as_current_span("handle order") as parent, _gestix(sb, otel) as s:
        s.status()
    login = next(span for span in otel.finished() if span.name == "gestix login")
    assert login.parent is not None and login.parent.span_id == parent.get_span_context().span_id
    assert login.attributes is not None and login.attributes["billing_sessions.operation"] == "GET /status"


def test_threads_meeting_one_expiry_one_relogin_counted(sb: Sandbox, otel: Otel) -> None:
    with _gestix(sb, otel) as s:
        s.status()
        sb.state.expire_all("gestix")
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda _: s.status(), range(8)))
    assert sb.state.counters("gestix")["logins"] == 2
    assert otel.total("logins", provider="gestix", reason="rejected") == 1
    rejected = sb.state.counters("gestix")["expired_rejections"]
    assert otel.total("resends", provider="gestix") == rejected >= 1
    waits = [e for e in otel.events if e.kind == "lock_wait" and e.reason == "login"]
    assert len(waits) == otel.total("login_lock.wait_time", provider="gestix") >= 2
    assert all(e.duration is not None and e.duration >= 0 for e in waits)


async def test_async_session_emits_the_same_events(sb: Sandbox, otel: Otel) -> None:
    async with billingplatform.AsyncSession(
        sb.base_url("billingplatform"), username=DEMO.bp_username, password=DEMO.bp_password, **otel.options()
    ) as p:
        await p.query("SELECT Id FROM ACCOUNT")
        sb.state.expire_all("billingplatform")
        await asyncio.gather(*(p.query("SELECT Id FROM ACCOUNT") for _ in range(5)))
    assert sb.state.counters("billingplatform")["logins"] == 2
    assert [e.kind for e in otel.events if e.kind in ("login", "relogin", "logout")] == [
        "login",
        "relogin",
        "logout",
    ]
    assert otel.total("resends") == sb.state.counters("billingplatform")["expired_rejections"]
    assert otel.total("requests.in_flight") == 0


def test_a_hook_that_raises_is_logged_and_never_breaks_the_call(
    sb: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(event: SessionEvent) -> None:
        raise RuntimeError("listener bug")

    caplog.set_level(logging.WARNING, logger="billing_sessions")
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, on_event=broken) as s:
        assert s.status().status
        _invoice(s)
    assert sb.state.counters("gestix")["writes_applied"] == 1
    assert any("on_event hook raised RuntimeError" in r.getMessage() for r in caplog.records)


def test_hook_without_opentelemetry_gets_typed_events(sb: Sandbox) -> None:
    events: list[SessionEvent] = []
    with bill.Session(
        sb.base_url("bill"),
        user_name=DEMO.bill_user_name,
        password=DEMO.bill_password,
        org_id=DEMO.bill_org_id,
        dev_key=DEMO.bill_dev_key,
        on_event=events.append,
    ) as b:
        b.session_info()
    login, logout = (e for e in events if e.kind != "lock_wait")
    assert (login.kind, login.provider, login.reason, login.outcome) == ("login", "bill", "first", "ok")
    assert login.operation == "POST /GetSessionInfo.json" and len(login.account) == 8
    assert (logout.kind, logout.outcome) == ("logout", "ok") and logout.duration is not None


def test_nothing_is_set_up_without_an_sdk_or_a_hook(sb: Sandbox) -> None:
    # The API is installed here but no SDK is configured globally: the API's proxies record nothing.
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token) as s:
        s.status()
        assert s.telemetry is None and s.auth.telemetry is None and s.transport.telemetry is None


def test_without_the_extra_sessions_work_and_providers_ask_for_it() -> None:
    code = """
import sys
sys.modules["opentelemetry"] = None  # not installed
from billing_sessions import MissingExtra, gestix
s = gestix.Session("http://127.0.0.1:9/api/1/v4.0.0", api_token="t")
assert s.telemetry is None
try:
    gestix.Session("http://127.0.0.1:9/api/1/v4.0.0", api_token="t", tracer_provider=object())
except MissingExtra as exc:
    print(exc)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install 'billing-sessions[otel]'" in out


@pytest.mark.parametrize(
    ("method", "url", "expected"),
    [
        ("GET", "http://h/api/03101176/v4.0.0/status", "GET /status"),
        ("GET", "http://h/demo/rest/2.0/ACCOUNT/1001", "GET /rest/2.0/ACCOUNT/{id}"),
        ("GET", "http://h/demo/rest/2.0/query?sql=SELECT+Name+FROM+ACCOUNT", "GET /rest/2.0/query"),
        ("POST", "http://h/api/v2/Crud/Read/Customer.json", "POST /Crud/Read/Customer.json"),
        ("POST", "http://h/api/03101176/v4.0.0/invoices?nonce=17", "POST /invoices"),
        ("GET", "http://h/demo/rest/2.0/ACCOUNT/a3f9c2e1-77", "GET /rest/2.0/ACCOUNT/{id}"),
    ],
)
def test_operation_is_a_route_without_ids_or_query(method: str, url: str, expected: str) -> None:
    base = httpx.URL(url).path.split("/rest")[0] if "/rest" in url else ""
    base = base or ("/api/03101176/v4.0.0" if "v4.0.0" in url else "/api/v2")
    assert operation(httpx.Request(method, url), base) == expected


def test_event_repr_and_fields_are_plain() -> None:
    event = SessionEvent(
        "retry", "gestix", operation="GET /status", reason="503", duration=0.5, account="ab12cd34"
    )
    assert attrs.asdict(event)["kind"] == "retry"
    assert "ab12cd34" in repr(event)


def test_demo_otel_prints_the_spans_and_metrics_and_no_secret() -> None:
    from typer.testing import CliRunner

    from billing_sessions.cli import app

    result = CliRunner().invoke(app, ["demo", "--otel"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    text = result.output
    assert "OpenTelemetry spans" in text and "OpenTelemetry metrics" in text
    for expected in ("gestix relogin", "bill logout", "login_lock.wait_time", "write_order.wait_time"):
        assert expected in text
    assert re.search(r"logins\s+│ provider=bill account=[0-9a-f]{8} reason=idle\s+│\s+1 │", text)
    assert [s for s in DEMO.secrets() | PERSONAL if s in text] == []


def test_httpx_instrumentation_with_the_hook_nests_http_spans_and_exports_no_secret(
    sb: Sandbox, otel: Otel, issued: set[str]
) -> None:
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    from billing_sessions.telemetry import async_http_request_hook, http_request_hook

    instrumentor = HTTPXClientInstrumentor()
    instrumentor.instrument(
        tracer_provider=otel.tracer_provider,
        request_hook=http_request_hook,
        async_request_hook=async_http_request_hook,
    )
    try:
        with _gestix(
            sb, otel, api_token=None, username=DEMO.gestix_username, password=DEMO.gestix_password
        ) as g:
            g.status()
            sb.state.expire_all("gestix")
            g.status()
    finally:
        instrumentor.uninstrument()
    spans = otel.finished()
    names = {span.context.span_id: span.name for span in spans if span.context is not None}
    parents = [(s.name, names.get(s.parent.span_id) if s.parent else None) for s in spans]
    assert ("POST", "gestix login") in parents and ("POST", "gestix relogin") in parents
    assert [p for p in parents if p[0] == "GET"] == [("GET", None)] * 3  # each attempt its own span
    text = otel.exported()
    assert len(issued) == 2
    assert [s for s in DEMO.secrets() | issued if s in text] == []


def test_the_observability_example_prints_the_spans_and_metrics() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "observability.md").read_text("utf-8")
    example = page.split("```python\n", 1)[1].split("```", 1)[0]
    assert len(example.strip().splitlines()) <= 16
    out = subprocess.run([sys.executable, "-c", example], capture_output=True, text=True, check=True).stdout
    for expected in ('"gestix login"', '"gestix relogin"', '"billing_sessions.logins"', "kind='resend'"):
        assert expected in out
    assert '"billing_sessions.reason": "rejected"' in out
    assert [s for s in DEMO.secrets() | PERSONAL if s in out] == []


def test_nonce_rejections_are_counted_by_operation(otel: Otel) -> None:
    from billing_sessions.telemetry import emit, session_telemetry

    telemetry = session_telemetry(
        "gestix", "gestix:" + "ab" * 16, "/api/1/v4.0.0", None, None, otel.meter_provider
    )
    request = httpx.Request("POST", "http://h/api/1/v4.0.0/invoices?nonce=17")
    emit(telemetry, "nonce_rejected", request)
    assert (
        otel.total("nonce_rejections", provider="gestix", operation="POST /invoices", account="abababab") == 1
    )


def test_a_global_sdk_set_before_the_session_is_used() -> None:
    code = """
import httpx
from opentelemetry import metrics, trace
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.metrics.export import InMemoryMetricReader
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from billing_sessions import gestix

spans, reader = InMemorySpanExporter(), InMemoryMetricReader()
tracing = TracerProvider()
tracing.add_span_processor(SimpleSpanProcessor(spans))
trace.set_tracer_provider(tracing)
metrics.set_meter_provider(MeterProvider(metric_readers=[reader]))

def answer(request):
    if request.url.path.endswith("/helo"):
        return httpx.Response(200, json={"xa-token": "t"})
    return httpx.Response(200, json={"status": "ok"})

mock = httpx.MockTransport(answer)
with gestix.Session("http://h/api/1/v4.0.0", api_token="a", httpx_args={"transport": mock}) as s:
    s.client.get_httpx_client().get("/status")
data = reader.get_metrics_data()
names = sorted(m.name for r in data.resource_metrics for sc in r.scope_metrics for m in sc.metrics)
print([span.name for span in spans.get_finished_spans()], names)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "['gestix login']" in out and "'billing_sessions.logins'" in out


def test_bill_v3_mfa_is_a_span_with_no_code_and_no_remember_id(
    sb: Sandbox, otel: Otel, issued: set[str]
) -> None:
    from billing_sessions import bill_v3

    bill_v3.LoginGuard.reset()
    store = MemoryStore()
    account: dict[str, Any] = {
        "username": DEMO.bill_user_name,
        "password": DEMO.bill_password,
        "organization_id": DEMO.bill_org_id,
        "dev_key": DEMO.bill_dev_key,
        "device": "ci-runner",
        "store": store,
        **otel.options(),
    }
    with bill_v3.Session(sb.base_url("bill_v3"), **account) as s:
        s.session_info()
        challenge = s.mfa_challenge()
        code = sb.state.mfa_code()
        assert code is not None
        s.mfa_validate(challenge, code, machine_name="ci")
    with bill_v3.Session(sb.base_url("bill_v3"), **account) as again:
        again.session_info()
        assert again.trusted  # the remembered trust came from the store
    mfa = [span for span in otel.finished() if span.name == "bill_v3 mfa"]
    assert sorted(str((span.attributes or {})["billing_sessions.reason"]) for span in mfa) == [
        "challenge",
        "validate",
    ]
    assert [e.kind for e in otel.events].count("mfa") == 2
    text = otel.exported()
    assert code not in text and re.search(r"rm[0-9a-f]{32}", text) is None
    assert [s for s in DEMO.secrets() | issued if s in text] == []


class _Watched(httpx.SyncByteStream, httpx.AsyncByteStream):
    """An answer body that notes the in-flight gauge while it is being read."""

    def __init__(self, stream: Any, otel: Otel, seen: list[Any]) -> None:
        self.stream, self.otel, self.seen = stream, otel, seen

    def __iter__(self) -> Any:
        self.seen.append(self.otel.total("requests.in_flight"))
        yield from self.stream

    async def __aiter__(self) -> Any:
        self.seen.append(self.otel.total("requests.in_flight"))
        async for chunk in self.stream:
            yield chunk

    def close(self) -> None:
        self.stream.close()

    async def aclose(self) -> None:
        await self.stream.aclose()


class _Watching(httpx.HTTPTransport):
    def __init__(self, otel: Otel, seen: list[Any]) -> None:
        super().__init__()
        self.otel, self.seen = otel, seen

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        response.stream = _Watched(response.stream, self.otel, self.seen)
        return response


class _AWatching(httpx.AsyncHTTPTransport):
    def __init__(self, otel: Otel, seen: list[Any]) -> None:
        super().__init__()
        self.otel, self.seen = otel, seen

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await super().handle_async_request(request)
        response.stream = _Watched(response.stream, self.otel, self.seen)
        return response


async def test_the_in_flight_gauge_covers_the_body_read_sync_and_async(sb: Sandbox, otel: Otel) -> None:
    seen: list[Any] = []
    with _gestix(sb, otel, httpx_args={"transport": _Watching(otel, seen)}) as s:
        s.status()
    async with gestix.AsyncSession(
        sb.base_url("gestix"),
        api_token=DEMO.gestix_api_token,
        httpx_args={"transport": _AWatching(otel, seen)},
        **otel.options(),
    ) as a:
        await a.status()
    # Every body (the logins' and the calls') was read while its request counted as in flight.
    assert seen == [1] * 4
    assert otel.total("requests.in_flight") == 0
