"""Retries that never duplicate a write, provider limits, deadlines, typed errors (sandbox faults)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from billing_sessions import (
    ProviderError,
    ProviderUnavailable,
    RateLimited,
    TransportError,
    bill,
    billingplatform,
    gestix,
    szamla_agent,
)
from billing_sessions.core import Token
from billing_sessions.retry import RetryPolicy, retry_after
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine
from tests.test_session_szamla_agent import ACTION, INVOICE


class FakeTime:
    """An injected clock and sleep: waiting advances the clock, no wall time passes."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def policy(self, **kwargs: object) -> RetryPolicy:
        return RetryPolicy(sleep=self.sleep, clock=self.clock, jitter=lambda: 1.0, **kwargs)  # type: ignore[arg-type]


def _gestix(sb: Sandbox, policy: RetryPolicy) -> gestix.Session:
    return gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, retry=policy)


def _invoice() -> DocumentInput:
    return DocumentInput(lines=[DocumentLine(article_code="A", quantity=1.0)])


def test_a_503_then_200_on_a_read_is_two_requests_and_success(sb: Sandbox) -> None:
    fake = FakeTime()
    with _gestix(sb, fake.policy()) as s:
        s.status()
        sb.state.inject("gestix", "503")
        s.status()
    assert sb.state.counters("gestix")["requests"] == 4  # helo, status, 503, status
    assert fake.sleeps == [0.5]


def test_a_write_is_not_retried_on_503(sb: Sandbox) -> None:
    fake = FakeTime()
    with _gestix(sb, fake.policy()) as s:
        s.status()
        sb.state.inject("gestix", "503")
        answer = create_invoice.sync_detailed(client=s.client, body=_invoice())
    assert answer.status_code == 503
    assert fake.sleeps == []
    assert sb.state.counters("gestix")["writes_applied"] == 0


def test_dropped_connection_after_the_write_reached_the_server(sb: Sandbox) -> None:
    fake = FakeTime()
    with _gestix(sb, fake.policy()) as s:
        s.status()
        sb.state.inject("gestix", "drop", after=True)
        with pytest.raises(TransportError) as caught:
            create_invoice.sync_detailed(client=s.client, body=_invoice())
    assert isinstance(caught.value, httpx.TransportError)
    assert caught.value.operation.startswith("POST ")
    counters = sb.state.counters("gestix")
    assert counters["writes_applied"] == 1
    assert counters["requests"] == 3  # helo, status, the write: no second attempt
    assert fake.sleeps == []


def test_a_refused_connection_is_retried_even_for_a_write() -> None:
    fake = FakeTime()
    with gestix.Session("http://127.0.0.1:9/api/x/v4.0.0", api_token="t", retry=fake.policy()) as s:
        s.auth._token = __import__("billing_sessions.core", fromlist=["Token"]).Token("tok", 0.0, 0.0)
        with pytest.raises(TransportError, match="not sent"):
            create_invoice.sync_detailed(client=s.client, body=_invoice())
    assert fake.sleeps == [0.5, 1.0]  # nothing reached a server, so re-sending cannot double-book


def test_429_with_retry_after_waits_then_succeeds(sb: Sandbox) -> None:
    fake = FakeTime()
    with _gestix(sb, fake.policy()) as s:
        s.status()
        sb.state.inject("gestix", "429", retry_after=1)
        s.status()
    assert fake.sleeps == [1.0]


def test_retry_after_as_an_http_date() -> None:
    headers = httpx.Headers({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
    assert retry_after(headers, 1445412480.0 - 30) == 30.0
    assert retry_after(httpx.Headers({"Retry-After": "soon"}), 0.0) is None


def test_deadline_bounds_retries_against_a_server_that_always_503s(sb: Sandbox) -> None:
    fake = FakeTime()
    with _gestix(sb, fake.policy(max_retries=50, deadline=2.0)) as s:
        s.status()
        sb.state.inject("gestix", "503", count=100)
        start = fake.now
        with pytest.raises(ProviderUnavailable) as caught:
            s.status()
    assert caught.value.status == 503
    assert fake.now - start <= 2.0
    assert 1 <= len(fake.sleeps) < 50


def test_with_options_turns_retries_off_for_a_block(sb: Sandbox) -> None:
    fake = FakeTime()
    with _gestix(sb, fake.policy()) as s:
        s.status()
        sb.state.inject("gestix", "503")
        with s.with_options(max_retries=0), pytest.raises(ProviderUnavailable):
            s.status()
        sb.state.inject("gestix", "503")
        s.status()  # outside the block the session's policy applies again
    assert fake.sleeps == [0.5]


def test_szamla_agent_is_never_retried(sb: Sandbox) -> None:
    fake = FakeTime()
    with szamla_agent.Session(
        sb.base_url("szamla_agent"), agent_key=DEMO.szamla_agent_key, retry=fake.policy()
    ) as s:
        sb.state.inject("szamla_agent", "503")
        with pytest.raises(szamla_agent.AgentError):
            s.send(ACTION, INVOICE.format(version=1))
        sb.state.set_down("szamla_agent", True)
        with pytest.raises(ProviderUnavailable) as caught:
            s.send(ACTION, INVOICE.format(version=1))
    assert caught.value.code == "1"
    assert "later" in type(caught.value).__doc__.lower()  # type: ignore[union-attr]
    assert sb.state.counters("szamla_agent")["requests"] == 2
    assert fake.sleeps == []


def _bill(sb: Sandbox, **kwargs: object) -> bill.Session:
    return bill.Session(
        sb.base_url("bill"),
        user_name=DEMO.bill_user_name,
        password=DEMO.bill_password,
        org_id=DEMO.bill_org_id,
        dev_key=DEMO.bill_dev_key,
        **kwargs,  # type: ignore[arg-type]
    )


def test_bill_keeps_at_most_3_requests_in_flight(sb: Sandbox) -> None:
    with _bill(sb) as s:
        s.session_info()
        sb.state.inject("bill", "slow", count=10, delay=0.1)
        start = threading.Barrier(10)

        def call(_: int) -> object:
            start.wait()
            return s.session_info()

        with ThreadPoolExecutor(10) as pool:
            assert len(list(pool.map(call, range(10)))) == 10
    assert sb.state.counters("bill")["max_in_flight"] == 3


def test_bill_threads_and_tasks_together_keep_at_most_3_in_flight(sb: Sandbox) -> None:
    """A sync and an async session of one account share one cap: threads and event loops together."""
    with _bill(sb) as s:
        s.session_info()
        sb.state.inject("bill", "slow", count=16, delay=0.1)

        async def tasks() -> int:
            async with bill.AsyncSession(
                sb.base_url("bill"),
                user_name=DEMO.bill_user_name,
                password=DEMO.bill_password,
                org_id=DEMO.bill_org_id,
                dev_key=DEMO.bill_dev_key,
            ) as a:
                answers = await asyncio.gather(*(a.session_info() for _ in range(8)))
            return len(answers)

        with ThreadPoolExecutor(9) as pool:
            from_loop = pool.submit(asyncio.run, tasks())
            from_threads = list(pool.map(lambda _: s.session_info(), range(8)))
            assert (from_loop.result(), len(from_threads)) == (8, 8)
    assert sb.state.counters("bill")["max_in_flight"] == 3


def test_bill_concurrency_limit_is_rate_limited_with_when_to_retry(sb: Sandbox) -> None:
    sb.state.configure(bill_max_concurrent=1)
    fake = FakeTime()
    with _bill(sb, max_in_flight=None, retry=fake.policy(max_retries=0)) as s:
        s.session_info()
        sb.state.inject("bill", "slow", count=4, delay=0.2)
        with ThreadPoolExecutor(4) as pool:
            futures = [pool.submit(s.create, "Customer", {"name": f"c{i}"}) for i in range(4)]
            errors = [f.exception() for f in futures]
    limited = [e for e in errors if isinstance(e, RateLimited)]
    assert limited
    assert limited[0].code == "BDC_1322"
    assert limited[0].retry_after == 2.0


def test_billingplatform_429_backs_off_then_succeeds(sb: Sandbox) -> None:
    fake = FakeTime()
    with billingplatform.Session(
        sb.base_url("billingplatform"),
        username=DEMO.bp_username,
        password=DEMO.bp_password,
        retry=fake.policy(),
    ) as s:
        s.query("SELECT Id FROM ACCOUNT")
        sb.state.inject("billingplatform", "429", retry_after=3)
        assert s.query("SELECT Id FROM ACCOUNT")
    assert fake.sleeps == [3.0]
    assert s.transport.limit is not None and s.transport.limit.limit == 8
    assert s.timeout.read is not None and s.timeout.read > 400


def test_gestix_db_timeout_is_retried_for_reads_only() -> None:
    session = gestix.Session("http://127.0.0.1:9/api/x/v4.0.0", api_token="t")
    answer = httpx.Response(400, json={"code": "DB_TIMEOUT", "message": "try again", "timestamp": "x"})
    get = httpx.Request("GET", "http://h/status")
    post = httpx.Request("POST", "http://h/invoices")
    assert session.provider.retry_answer(get, answer)
    assert session.provider.idempotent(get)
    assert not session.provider.idempotent(post)


def test_log_env_var_turns_on_redacted_logging(sb: Sandbox) -> None:
    code = (
        "from billing_sessions import gestix; import sys;"
        "s = gestix.Session(sys.argv[1], username='demo', password=sys.argv[2]); s.status()"
    )
    env = {"BILLING_SESSIONS_LOG": "debug", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", code, sb.base_url("gestix"), DEMO.gestix_password],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "logged in" in out.stderr
    assert "GET /status" in out.stderr or "/status" in out.stderr
    assert DEMO.gestix_password not in out.stderr


class _CutBody(httpx.SyncByteStream):
    """An answer whose connection drops after the headers and the first bytes."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"status": "o'
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")


def test_a_connection_dropped_mid_body_is_typed_and_retried_for_reads() -> None:
    fake = FakeTime()
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.method)
        return httpx.Response(200, headers={"content-type": "application/json"}, stream=_CutBody())

    transport = httpx.MockTransport(handler)
    with gestix.Session(
        "http://gestix.test/api/x/v4.0.0",
        api_token="t",
        retry=fake.policy(),
        httpx_args={"transport": transport},
    ) as s:
        s.auth._token = Token("tok", 0.0, 0.0)
        with pytest.raises(TransportError, match="sent, no answer"):
            s.status()
        assert calls == ["GET"] * 3  # a read: the first attempt and two retries
        calls.clear()
        with pytest.raises(TransportError):
            create_invoice.sync_detailed(client=s.client, body=_invoice())
        assert calls == ["POST"]  # a write that reached the server: never re-sent


def test_the_deadline_bounds_the_login_too(sb: Sandbox) -> None:
    fake = FakeTime()
    with _gestix(sb, fake.policy(max_retries=50, deadline=2.0)) as s:
        sb.state.inject("gestix", "503", count=100)  # the login itself meets the outage
        with pytest.raises(ProviderError) as caught:
            s.status()
    assert caught.value.status == 503
    assert fake.now - 1000.0 <= 2.0
    assert 1 <= len(fake.sleeps) < 50


def test_a_write_that_timed_out_connecting_says_it_was_not_sent() -> None:
    fake = FakeTime()
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.method)
        raise httpx.ConnectTimeout("timed out", request=request)

    with gestix.Session(
        "http://gestix.test/api/x/v4.0.0",
        api_token="t",
        retry=fake.policy(),
        httpx_args={"transport": httpx.MockTransport(handler)},
    ) as s:
        s.auth._token = Token("tok", 0.0, 0.0)
        with pytest.raises(TransportError, match="not sent"):
            create_invoice.sync_detailed(client=s.client, body=_invoice())
    assert calls == ["POST"] * 3  # retried as unsent, so the error must not say it may have been applied


def test_the_deadline_cuts_a_slow_read_short(sb: Sandbox) -> None:
    with _gestix(sb, RetryPolicy(max_retries=0)) as s:
        s.status()  # logged in, outside the deadline (a loaded machine may take longer than it)
        sb.state.inject("gestix", "slow", count=1, delay=1.5)
        with (
            s.with_options(retry=RetryPolicy(max_retries=0, deadline=0.3)),
            pytest.raises(TransportError, match="ReadTimeout"),
        ):
            s.status()
    # The sandbox is still sleeping on the abandoned request: let it finish before the next test.
    deadline = time.monotonic() + 10
    while sb.state.in_flight("gestix") and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sb.state.in_flight("gestix") == 0


def test_the_deadline_never_cuts_a_write_that_was_sent(sb: Sandbox) -> None:
    """A write cut off after sending would be in doubt: its read timeout is not shortened by the deadline."""
    with _gestix(sb, RetryPolicy(max_retries=0, deadline=0.5)) as s:
        s.status()
        sb.state.inject("gestix", "slow", count=1, delay=1.0)
        created = create_invoice.sync_detailed(client=s.client, body=_invoice())
    assert created.status_code == 201
    assert sb.state.counters("gestix")["writes_applied"] == 1


def test_a_with_options_view_keeps_its_options_in_a_thread_pool(sb: Sandbox) -> None:
    fake = FakeTime()
    with _gestix(sb, fake.policy()) as s, ThreadPoolExecutor(2) as pool:
        s.status()
        view = s.with_options(max_retries=0)
        sb.state.inject("gestix", "503")
        with pytest.raises(ProviderUnavailable):
            pool.submit(view.status).result()  # the options travel with the view's requests
        sb.state.inject("gestix", "503")
        with s.with_options(max_retries=0):  # a block's options stay in its thread (a ContextVar)
            pool.submit(s.status).result()  # retried under the session's own policy
        sb.state.inject("gestix", "503")
        s.status()  # the session itself is unchanged by a view
        view.close()  # closes only the view's client
        s.status()
        assert s.logins == 1 and view.logins == 1 and view.auth is s.auth
    assert fake.sleeps == [0.5, 0.5]


@pytest.mark.anyio
async def test_a_with_options_view_of_an_async_session(sb: Sandbox) -> None:
    fake = FakeTime()
    async with gestix.AsyncSession(
        sb.base_url("gestix"), api_token=DEMO.gestix_api_token, retry=fake.policy(async_sleep=_no_wait)
    ) as s:
        await s.status()
        view = s.with_options(retry=fake.policy(max_retries=0), timeout=5.0)
        assert isinstance(view, gestix.AsyncSession)
        sb.state.inject("gestix", "503")
        with pytest.raises(ProviderUnavailable):
            await view.status()
        sb.state.inject("gestix", "503")
        await s.status()
        await view.aclose()
    assert sb.state.counters("gestix")["logins"] == 1


async def _no_wait(seconds: float) -> None:
    pass
