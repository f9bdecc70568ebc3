"""gestix.Session / AsyncSession against the sandbox: tokens, nonces, re-auth, single-flight, no re-sends."""

from __future__ import annotations

import asyncio
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from billing_sessions import (
    BillingSessionError,
    LoginError,
    ProviderError,
    SessionExpired,
    TransportError,
    gestix,
)
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.sandbox.state import Session
from billing_sessions.stores import FileStore, MemoryStore
from billing_sessions_generated.gestix.api.entities import create_customer, update_customer
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import (
    CustomerInput,
    DocumentCreated,
    DocumentInput,
    DocumentLine,
    EntityCreated,
    StatusResponse,
)

pytestmark = pytest.mark.anyio


def _session(sb: Sandbox, **kwargs: object) -> gestix.Session:
    return gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, **kwargs)  # type: ignore[arg-type]


def _asession(sb: Sandbox, **kwargs: object) -> gestix.AsyncSession:
    return gestix.AsyncSession(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, **kwargs)  # type: ignore[arg-type]


def _invoice(n: int = 1) -> DocumentInput:
    return DocumentInput(lines=[DocumentLine(article_code=f"ART-{n}", quantity=1.0)])


def test_status_is_typed_and_the_session_is_reused(sb: Sandbox) -> None:
    with _session(sb) as s:
        for _ in range(3):
            status = s.status()
            assert isinstance(status, StatusResponse)
            assert status.versions.called_api_version == "v4.0.0"
    assert sb.state.counters("gestix")["logins"] == 1


def test_username_password_login(sb: Sandbox) -> None:
    with gestix.Session(
        sb.base_url("gestix"), username=DEMO.gestix_username, password=DEMO.gestix_password
    ) as s:
        assert isinstance(s.status(), StatusResponse)
    assert sb.state.counters("gestix")["logins"] == 1


def test_rejected_password_raises_login_error_after_one_attempt(sb: Sandbox) -> None:
    with (
        gestix.Session(sb.base_url("gestix"), username="demo", password="wrong") as s,
        pytest.raises(LoginError),
    ):
        s.status()
    counters = sb.state.counters("gestix")
    assert counters["logins"] == 0
    assert counters["requests"] == 1  # the login attempt only: nothing retried


def test_missing_credentials_is_a_clear_error() -> None:
    with pytest.raises(BillingSessionError, match="api_token"):
        gestix.Session("http://127.0.0.1:9")
    with pytest.raises(BillingSessionError, match="account"):
        gestix.Session(api_token="t")


def test_production_url_from_account() -> None:
    s = gestix.Session(account="03101176", api_token="t")
    assert s.base_url == "https://gestix.pt/api/03101176/v4.0.0"


def test_writes_carry_increasing_nonces_without_being_asked(sb: Sandbox) -> None:
    with _session(sb) as s:
        first = create_invoice.sync_detailed(client=s.client, body=_invoice())
        n1 = sb.state.last_nonce()
        created = create_customer.sync_detailed(client=s.client, body=CustomerInput(name="Ana"))
        n2 = sb.state.last_nonce()
        assert isinstance(created.parsed, EntityCreated)
        body = CustomerInput(name="Ana B", id=created.parsed.id)
        updated = update_customer.sync_detailed(client=s.client, body=body)
        n3 = sb.state.last_nonce()
    assert isinstance(first.parsed, DocumentCreated)
    assert (created.status_code, updated.status_code) == (201, 201)
    assert n1 is not None and n2 is not None and n3 is not None
    assert n1 < n2 < n3
    assert sb.state.counters("gestix")["nonce_rejections"] == 0


def test_expiry_means_one_relogin_and_a_fresh_nonce(sb: Sandbox) -> None:
    with _session(sb) as s:
        create_invoice.sync_detailed(client=s.client, body=_invoice())
        before = sb.state.last_nonce()
        sb.state.expire_all("gestix")
        again = create_invoice.sync_detailed(client=s.client, body=_invoice(2))
    counters = sb.state.counters("gestix")
    assert again.status_code == 201
    assert counters["logins"] == 2
    assert counters["nonce_rejections"] == 0
    assert counters["writes_applied"] == 2
    assert before is not None and (sb.state.last_nonce() or 0) > before


def test_relogins_reuse_one_login_client(sb: Sandbox) -> None:
    """A long-lived session that logs in again and again keeps one login connection pool, not one each."""
    with _session(sb) as s:
        for _ in range(5):
            s.status()
            sb.state.expire_all("gestix")
        s.status()
        assert (s.logins, len(s.provider.login_clients)) == (6, 1)


def test_a_login_that_cannot_connect_is_a_typed_transport_error() -> None:
    with gestix.Session("http://127.0.0.1:9", api_token="t", max_retries=0) as s:
        with pytest.raises(TransportError) as caught:
            s.status()
    assert isinstance(caught.value, httpx.TransportError)
    assert "not sent" in str(caught.value) and caught.value.operation == "GET /helo"


def test_transport_options_in_httpx_args_reach_the_session_transport(sb: Sandbox, tmp_path: Path) -> None:
    """``verify`` (like cert, http2, limits) configures the transport the session makes for its requests."""
    missing_ca = str(tmp_path / "no-such-ca.pem")
    with _session(sb, httpx_args={"verify": missing_ca}) as s, warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # httpx 0.28 prefers an SSLContext
        with pytest.raises(FileNotFoundError):
            s.status()
    assert sb.state.counters("gestix")["requests"] == 0


def test_an_explicit_proxy_goes_through_the_session_transport(sb: Sandbox) -> None:
    """With the proxy inside the session's transport, a dead proxy is a typed, counted TransportError."""
    with _session(sb, httpx_args={"proxy": "http://127.0.0.1:9"}, max_retries=0) as s:
        with pytest.raises(TransportError, match="not sent"):
            s.status()
    assert sb.state.counters("gestix")["requests"] == 0


def test_an_environment_proxy_goes_through_the_session_transport(
    sb: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    with _session(sb, max_retries=0) as s, pytest.raises(TransportError, match="not sent"):
        s.status()
    assert sb.state.counters("gestix")["requests"] == 0
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with _session(sb, max_retries=0) as s:
        s.status()
    assert sb.state.counters("gestix")["requests"] == 2  # /helo, /status: not through the dead proxy


def test_expiry_via_ttl_on_the_sandbox_clock(sb: Sandbox) -> None:
    with _session(sb) as s:
        s.status()
        sb.state.advance(sb.state.config.gestix_token_ttl + 1)
        s.status()
    assert sb.state.counters("gestix")["logins"] == 2


def test_100_threads_across_one_expiry_log_in_once(sb: Sandbox) -> None:
    with _session(sb) as s:
        s.status()
        sb.state.expire_all("gestix")
        barrier = threading.Barrier(20)

        def call(i: int) -> int:
            if i < 20:
                barrier.wait()
            return s.status().versions.called_api_version.count("v")

        with ThreadPoolExecutor(20) as pool:
            assert sum(pool.map(call, range(100))) == 100
    assert sb.state.counters("gestix")["logins"] == 2


async def test_100_tasks_across_one_expiry_log_in_once(sb: Sandbox) -> None:
    async with _asession(sb) as s:
        await s.status()
        sb.state.expire_all("gestix")
        results = await asyncio.gather(*(s.status() for _ in range(100)))
    assert len(results) == 100
    assert sb.state.counters("gestix")["logins"] == 2


def test_two_session_objects_on_one_store_share_one_login(sb: Sandbox) -> None:
    store = MemoryStore()
    with _session(sb, store=store) as a, _session(sb, store=store) as b:
        a.status()
        b.status()
        assert sb.state.counters("gestix")["logins"] == 1
        sb.state.expire_all("gestix")
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda i: (a if i % 2 else b).status(), range(40)))
    assert sb.state.counters("gestix")["logins"] == 2


async def test_200_concurrent_async_writes_are_never_rejected(sb: Sandbox) -> None:
    async with _asession(sb) as s:
        answers = await asyncio.gather(
            *(create_invoice.asyncio_detailed(client=s.client, body=_invoice(i)) for i in range(200))
        )
    counters = sb.state.counters("gestix")
    assert [a.status_code for a in answers] == [201] * 200
    assert counters["nonce_rejections"] == 0  # one write on the wire per session: none overtaken
    assert counters["writes_applied"] == 200
    assert counters["logins"] == 16  # the default write sessions of a process-local store


def test_concurrent_thread_writes_across_an_expiry(sb: Sandbox) -> None:
    with _session(sb) as s:
        s.status()

        def write(i: int) -> int:
            if i == 10:
                sb.state.expire_all("gestix")
            return create_invoice.sync_detailed(client=s.client, body=_invoice(i)).status_code

        with ThreadPoolExecutor(8) as pool:
            assert set(pool.map(write, range(40))) == {201}
        write_sessions = s.auth.lanes.open_lanes()
    counters = sb.state.counters("gestix")
    assert counters["writes_applied"] == 40
    # Up to 8 write sessions before the expiry; after it the writes narrow to the shared session: 1 login.
    assert counters["logins"] <= 8 + 1
    assert write_sessions == 1


def test_a_server_that_always_says_403_gets_two_logins_then_an_error(sb: Sandbox) -> None:
    sb.state.configure(gestix_token_ttl=0.0)
    with _session(sb) as s, pytest.raises(SessionExpired) as caught:
        s.status()
    assert caught.value.status == 403
    assert sb.state.counters("gestix")["logins"] == 2


def test_a_502_after_the_write_was_applied_is_reported_not_resent(sb: Sandbox) -> None:
    with _session(sb) as s:
        s.status()
        sb.state.inject("gestix", "502", after=True)
        answer = create_invoice.sync_detailed(client=s.client, body=_invoice())
    counters = sb.state.counters("gestix")
    assert answer.status_code == 502
    assert counters["writes_applied"] == 1
    assert counters["requests"] == 3  # helo, status, the one write


def test_a_dropped_connection_after_a_write_raises_and_is_not_resent(sb: Sandbox) -> None:
    with _session(sb) as s:
        s.status()
        sb.state.inject("gestix", "drop", after=True)
        with pytest.raises(httpx.TransportError):
            create_invoice.sync_detailed(client=s.client, body=_invoice())
        follow_up = create_invoice.sync_detailed(client=s.client, body=_invoice(2))
    counters = sb.state.counters("gestix")
    assert follow_up.status_code == 201
    assert counters["writes_applied"] == 2
    assert counters["nonce_rejections"] == 0


def test_a_malformed_answer_is_a_provider_error(sb: Sandbox) -> None:
    with _session(sb) as s:
        s.status()
        sb.state.inject("gestix", "malformed")
        with pytest.raises(ProviderError, match="malformed"):
            s.status()


def test_nonces_survive_a_restart_with_the_clock_set_back(sb: Sandbox, tmp_path: Path) -> None:
    store_path = tmp_path / "sessions.json"
    with _session(sb, store=FileStore(store_path)) as s:
        create_invoice.sync_detailed(client=s.client, body=_invoice())
    last = sb.state.last_nonce()
    an_hour_ago = time.time() - 3600
    with _session(sb, store=FileStore(store_path), clock=lambda: an_hour_ago) as s:
        answer = create_invoice.sync_detailed(client=s.client, body=_invoice(2))
    assert answer.status_code == 201
    assert last is not None and (sb.state.last_nonce() or 0) > last
    assert sb.state.counters("gestix")["nonce_rejections"] == 0
    assert sb.state.counters("gestix")["logins"] == 1  # the stored token was reused by the new session


def test_a_buffered_body_is_resent_byte_identical_after_expiry(sb: Sandbox) -> None:
    body = b'{"lines": [{"article_code": "BYTES-1", "quantity": 2.5}], "notes": "\\u00e1 exact"}'
    sent: list[tuple[bytes, str | None]] = []

    def capture(request: httpx.Request) -> None:  # a request hook sees each request as it goes out
        if request.url.path.endswith("/invoices"):
            sent.append((request.content, request.url.params.get("nonce")))

    with _session(sb, httpx_args={"event_hooks": {"request": [capture]}}) as s:
        s.status()
        sb.state.expire_all("gestix")
        answer = s.client.get_httpx_client().post(
            "/invoices", content=body, headers={"Content-Type": "application/json"}
        )
    assert answer.status_code == 201
    assert [content for content, _ in sent] == [body, body]
    assert sent[0][1] != sent[1][1]  # same bytes, fresh nonce
    assert sb.state.counters("gestix")["logins"] == 2
    assert sb.state.counters("gestix")["writes_applied"] == 1


def test_a_streamed_body_cannot_be_resent_and_says_so(sb: Sandbox) -> None:
    with _session(sb) as s:
        s.status()
        sb.state.expire_all("gestix")
        with pytest.raises(BillingSessionError, match="stream"):
            s.client.get_httpx_client().post(
                "/invoices", content=iter([b'{"lines": []}']), headers={"Content-Type": "application/json"}
            )
    assert sb.state.counters("gestix")["writes_applied"] == 0


def test_a_late_answer_for_a_replaced_token_does_not_bring_it_back(
    sb: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = MemoryStore()
    with _session(sb, store=store) as s:
        s.status()
        # Handled with the old token, answered late (1 s: longer than a re-login; on a machine slower than
        # that the answer comes first, and every assertion below holds all the same).
        sb.state.inject("gestix", "slow", after=True, delay=1.0)
        handled = threading.Event()
        use_session = sb.state.use_session

        def using(provider: str, token: str | None, kinds: tuple[str, ...] = ()) -> Session | None:
            found = use_session(provider, token, kinds)
            handled.set()
            return found

        monkeypatch.setattr(sb.state, "use_session", using)
        with ThreadPoolExecutor(1) as pool:
            late = pool.submit(s.status)
            assert handled.wait(10)  # the slow request has been handled; its answer is still held back
            sb.state.expire_all("gestix")
            s.status()  # 403, one re-login, re-sent with the new token
            late.result()
        assert s.auth.reauths == 1
        s.status()  # with the new token: no 403, no re-send
        assert s.auth.reauths == 1
        assert store.load(s.auth.key) is not None
        assert store.load(s.auth.key)["value"] == s.auth.token.value  # type: ignore[index, union-attr]
    assert sb.state.counters("gestix")["logins"] == 2
