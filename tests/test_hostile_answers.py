"""Hostile answers become the package's typed errors (issue 16): nested JSON, broken gzip, non-standard
statuses, non-ASCII cookies, logins answered 5xx or 302, trickled bodies, credentials on errors."""

from __future__ import annotations

import asyncio
import gzip
import socket
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from billing_sessions import (
    BillingSessionError,
    LoginError,
    ProviderError,
    ProviderUnavailable,
    TransportError,
    bill,
    billingplatform,
    gestix,
    szamla_agent,
)
from billing_sessions.core import Token
from billing_sessions.retry import RetryPolicy
from billing_sessions_generated.billingplatform.api.data import create as bp_create
from billing_sessions_generated.billingplatform.models import BrmRequest, Record
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.api.session import get_status
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine
from tests.hostile_server import HostileServer, json_answer, raw
from tests.test_session_szamla_agent import ACTION, INVOICE

SECRET = "hostile-secret-0d4f9a"  # every credential below: none may show up on an error
STATUS = b'{"status": "ready", "server_time": "2026-11-30T10:00:00Z", "errors": [], '
STATUS += b'"versions": {"called_api_version": "v4", "current_api_version": "v4"}}'
CREATED = b'{"id": 1, "documentSeries": "A", "documentNumber": 1, "url": "https://x"}'
NESTED = b"[" * 100_000 + b"]" * 100_000
PROVIDERS = ("gestix", "szamla_agent", "bill", "billingplatform")


def _no_sleep(seconds: float) -> None:
    pass


async def _ano_sleep(seconds: float) -> None:
    pass


POLICY = RetryPolicy(sleep=_no_sleep, async_sleep=_ano_sleep)


def make(provider: str, url: str, *, asynchronous: bool = False, **options: Any) -> Any:
    """A session of ``provider`` against the hostile server, with credentials that must never leak."""
    options = {"retry": POLICY, "timeout": 10.0, **options}
    if provider in {"bill", "billingplatform"}:
        options.setdefault("logout_on_close", False)  # close() must not talk to the hostile server
    if provider == "gestix":
        module: Any = gestix
        args: dict[str, Any] = {"username": "user-" + SECRET, "password": SECRET}
        base = url + "/api/1/v4.0.0"
    elif provider == "szamla_agent":
        module, args, base = szamla_agent, {"agent_key": SECRET}, url
    elif provider == "bill":
        module, base = bill, url + "/api/v2"
        args = {"user_name": "u-" + SECRET, "password": SECRET, "org_id": "o", "dev_key": "dk-" + SECRET}
    else:
        module, base = billingplatform, url + "/org"
        args = {"username": "u-" + SECRET, "password": SECRET}
    cls = module.AsyncSession if asynchronous else module.Session
    return cls(base, **args, **options)


def seed(session: Any) -> None:
    """Store a live session so that calls go straight to the operation (no login)."""
    now = time.time()
    session.auth._token = None
    session.store.save(session.auth.key, Token("sess-" + SECRET, now, now).to_record())


def unseed(session: Any) -> None:
    session.auth._token = None
    session.store.delete(session.auth.key)


def _invoice() -> DocumentInput:
    return DocumentInput(lines=[DocumentLine(article_code="A", quantity=1.0)])


def _bp_body() -> BrmRequest:
    return BrmRequest(brm_objects=Record.from_dict({"Name": "x"}))


def calls(provider: str, session: Any) -> dict[str, Callable[[], Any]]:
    """The login, a read and a write of ``provider`` (sync session)."""
    if provider == "gestix":
        return {
            "login": session.login,
            "read": session.status,
            "write": lambda: create_invoice.sync_detailed(client=session.client, body=_invoice()),
        }
    if provider == "szamla_agent":
        xml = INVOICE.format(version=2)
        return {
            "login": lambda: session.send(ACTION, xml),
            "read": lambda: session.send("action-szamla_agent_xml", xml),
            "write": lambda: session.send(ACTION, xml),
        }
    if provider == "bill":
        return {
            "login": session.login,
            "read": lambda: session.read("Customer", "1"),
            "write": lambda: session.create("Customer", {"name": "x"}),
        }
    return {
        "login": session.login,
        "read": lambda: session.query("SELECT Id FROM ACCOUNT"),
        "write": lambda: bp_create.sync_detailed("ACCOUNT", client=session.client, body=_bp_body()),
    }


def acalls(provider: str, session: Any) -> dict[str, Callable[[], Any]]:
    """The same for an async session (each returns a coroutine)."""
    if provider == "gestix":
        return {
            "login": session.login,
            "read": session.status,
            "write": lambda: create_invoice.asyncio_detailed(client=session.client, body=_invoice()),
        }
    if provider == "szamla_agent":
        xml = INVOICE.format(version=2)
        return {
            "login": lambda: session.send(ACTION, xml),
            "read": lambda: session.send("action-szamla_agent_xml", xml),
            "write": lambda: session.send(ACTION, xml),
        }
    if provider == "bill":
        return {
            "login": session.login,
            "read": lambda: session.read("Customer", "1"),
            "write": lambda: session.create("Customer", {"name": "x"}),
        }
    return {
        "login": session.login,
        "read": lambda: session.query("SELECT Id FROM ACCOUNT"),
        "write": lambda: bp_create.asyncio_detailed("ACCOUNT", client=session.client, body=_bp_body()),
    }


@pytest.fixture
def server() -> Iterator[HostileServer]:
    with HostileServer() as running:
        yield running


# -- item 1: deeply nested JSON


@pytest.mark.parametrize("provider", ["gestix", "bill", "billingplatform"])
@pytest.mark.parametrize("kind", ["login", "read", "write"])
def test_deeply_nested_json_is_a_provider_error(server: HostileServer, provider: str, kind: str) -> None:
    server.answer = json_answer(201 if kind == "write" and provider == "gestix" else 200, NESTED)
    with make(provider, server.url, max_retries=0) as s:
        if kind != "login":
            seed(s)
        with pytest.raises(ProviderError) as caught:
            calls(provider, s)[kind]()
    assert caught.value.status in {200, 201}
    assert caught.value.maybe_applied is (kind == "write")


def test_deeply_nested_json_from_a_generated_function_is_a_provider_error(server: HostileServer) -> None:
    server.answer = json_answer(200, NESTED)
    with make("gestix", server.url, max_retries=0) as s:
        seed(s)
        with pytest.raises(ProviderError) as caught:
            get_status.sync_detailed(client=s.client)
    assert caught.value.status == 200 and not caught.value.maybe_applied


# -- item 2: a broken Content-Encoding


def _gzip_answer(status: int, body: bytes) -> bytes:
    return raw(status, [("Content-Type", "application/json"), ("Content-Encoding", "gzip")], body)


def test_a_broken_gzip_read_is_retried_then_a_provider_error(server: HostileServer) -> None:
    server.answer = _gzip_answer(200, b"this is not gzip")
    with make("gestix", server.url) as s:
        seed(s)
        with pytest.raises(ProviderError) as caught:
            s.status()
    assert caught.value.status == 200 and not caught.value.maybe_applied
    assert server.requests == 3  # the first attempt and the policy's 2 retries


def test_a_broken_gzip_write_is_not_resent_and_may_be_applied(server: HostileServer) -> None:
    server.answer = _gzip_answer(201, gzip.compress(CREATED)[:12] + b"not deflate data")
    with make("gestix", server.url) as s:
        seed(s)
        with pytest.raises(ProviderError) as caught:
            create_invoice.sync_detailed(client=s.client, body=_invoice())
    assert caught.value.status == 201 and caught.value.maybe_applied
    assert server.requests == 1


@pytest.mark.anyio
async def test_a_broken_gzip_is_typed_on_the_async_path_too(server: HostileServer) -> None:
    server.answer = _gzip_answer(200, b"\x1f\x8b broken")
    async with make("bill", server.url, asynchronous=True, max_retries=0) as s:
        seed(s)
        with pytest.raises(ProviderError) as caught:
            await s.read("Customer", "1")
    assert caught.value.status == 200


# -- item 3: statuses outside the standard


@pytest.mark.parametrize("status", [299, 420, 520, 600])
def test_a_non_standard_status_is_a_provider_error(server: HostileServer, status: int) -> None:
    server.answer = json_answer(status, b"{}")
    with make("gestix", server.url, max_retries=0) as s:
        seed(s)
        with pytest.raises(ProviderError) as read:
            get_status.sync_detailed(client=s.client)
        with pytest.raises(ProviderError) as write:
            create_invoice.sync_detailed(client=s.client, body=_invoice())
    assert read.value.status == write.value.status == status
    assert not read.value.maybe_applied and write.value.maybe_applied


@pytest.mark.parametrize("status", [299, 520])
def test_a_non_standard_status_from_the_agent_is_a_provider_error(server: HostileServer, status: int) -> None:
    server.answer = raw(status, [("Content-Type", "text/plain")], b"?")
    with make("szamla_agent", server.url) as s, pytest.raises(ProviderError) as caught:
        s.send(ACTION, INVOICE.format(version=2))
    assert caught.value.status == status


# -- item 4: a Set-Cookie that cannot be sent back


@pytest.mark.parametrize("provider", ["gestix", "billingplatform"])
def test_a_non_ascii_cookie_does_not_poison_later_calls(server: HostileServer, provider: str) -> None:
    body = STATUS if provider == "gestix" else b'{"queryResponse": []}'
    cookie = ("Set-Cookie", "tracker=caf\u00e9; Path=/".encode())
    server.script = [json_answer(200, body, cookie)]
    server.answer = json_answer(200, body, ("Set-Cookie", "plain=ok; Path=/"))
    with make(provider, server.url) as s:
        seed(s)
        read = calls(provider, s)["read"]
        read()
        read()  # today: UnicodeEncodeError before sending
        read()
    assert server.requests == 3


# -- item 11: a login answered 5xx or 302 is not a LoginError


# The Számla Agent has no login: its first call makes the session, and its answers are issue 16 items 8-10.
@pytest.mark.parametrize("provider", ["gestix", "bill", "billingplatform"])
@pytest.mark.parametrize("status", [500, 502, 503, 302])
def test_a_login_answered_5xx_or_302_is_not_a_login_error(
    server: HostileServer, provider: str, status: int
) -> None:
    headers: list[tuple[str, str | bytes]] = [("Location", "https://elsewhere.example/")]
    if provider == "bill":  # BILL's own envelope, a system error
        error = b'{"response_status": 1, "response_message": "Error", "response_data": '
        error += b'{"error_code": "BDC_1001", "error_message": "System error"}}'
        server.answer = raw(status, [*headers, ("Content-Type", "application/json")], error)
    elif provider == "billingplatform":
        error = b'{"loginResponse": [{"ErrorCode": "500", "ErrorText": "down", "SessionID": ""}]}'
        server.answer = raw(status, [*headers, ("Content-Type", "application/json")], error)
    else:
        server.answer = raw(status, [*headers, ("Content-Type", "text/html")], b"<html>gateway</html>")
    with make(provider, server.url, max_retries=0) as s, pytest.raises(ProviderError) as caught:
        calls(provider, s)["login"]()
    assert not isinstance(caught.value, LoginError)
    assert caught.value.status == status
    if status == 503:
        assert isinstance(caught.value, ProviderUnavailable)


def test_bill_system_error_on_login_is_unavailable_but_bad_credentials_stay_login_errors(
    server: HostileServer,
) -> None:
    def envelope(code: str) -> bytes:
        body = b'{"response_status": 1, "response_message": "Error", "response_data": {"error_code": "'
        return json_answer(200, body + code.encode() + b'", "error_message": "m"}}')

    server.script = [envelope("BDC_1001"), envelope("BDC_1101")]
    with make("bill", server.url) as s:
        with pytest.raises(ProviderUnavailable):
            s.login()
        with pytest.raises(LoginError):
            s.login()


# -- item 12: the deadline bounds a trickled body


@pytest.mark.parametrize("asynchronous", [False, True])
def test_the_deadline_bounds_an_answer_that_trickles_in(server: HostileServer, asynchronous: bool) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
    server.answer = server.trickle(head, body_length=100, interval=0.1)  # 10 s in all
    policy = RetryPolicy(deadline=0.5, sleep=_no_sleep, async_sleep=_ano_sleep)

    async def aread() -> None:
        async with make("gestix", server.url, asynchronous=True, retry=policy) as s:
            seed(s)
            await s.status()

    def read() -> None:
        with make("gestix", server.url, retry=policy) as s:
            seed(s)
            s.status()

    with pytest.raises(TransportError) as caught:
        asyncio.run(aread()) if asynchronous else read()
    assert "deadline" in str(caught.value)
    assert server.sent < 100 and server.requests == 1  # cut off, and no retry once the deadline passed


# -- item 13: no credential on an error's attributes


def _closing(conn: socket.socket) -> None:
    conn.close()  # the request arrived; no answer


def _attributes(exc: BaseException | None) -> Iterator[str]:
    """Everything an error chain exposes: attributes, and the request's URL, headers and body."""
    while exc is not None:
        yield repr(vars(exc))
        request = getattr(exc, "_request", None)
        if request is not None:
            yield str(request.url)
            yield repr(request.headers.raw)
            yield repr(getattr(request, "_content", b""))
        exc = exc.__cause__ or exc.__context__


@pytest.mark.parametrize("provider", PROVIDERS)
def test_no_credential_on_a_transport_error(server: HostileServer, provider: str) -> None:
    server.answer = _closing
    with make(provider, server.url) as s:
        for name, call in calls(provider, s).items():
            if name != "login":
                seed(s)
            with pytest.raises(TransportError) as caught:
                call()
            assert caught.value.request.url.path  # a request is still there, redacted
            leaks = [text for text in _attributes(caught.value) if SECRET in text]
            assert leaks == [], f"{provider} {name}: {leaks[0][:200]}"


def test_no_credential_on_a_refused_login() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    with make("gestix", f"http://127.0.0.1:{port}", max_retries=0) as s:
        with pytest.raises(TransportError) as caught:
            s.login()
    assert "password=%3Credacted%3E" in str(caught.value.request.url)
    assert [text for text in _attributes(caught.value) if SECRET in text] == []


# -- the package's hierarchy, always


def test_errors_are_the_package_own(server: HostileServer) -> None:
    server.answer = raw(200, [("Content-Type", "application/json")], b'{"xa-token": ', length=False)
    with make("gestix", server.url) as s, pytest.raises(BillingSessionError):
        s.login()


@pytest.mark.parametrize("asynchronous", [False, True])
def test_the_deadline_bounds_an_explicit_login(server: HostileServer, asynchronous: bool) -> None:
    server.answer = lambda conn: time.sleep(3.0)  # the request arrives; no answer for 3 s
    policy = RetryPolicy(max_retries=5, deadline=0.5, sleep=_no_sleep, async_sleep=_ano_sleep)

    async def alogin() -> None:
        async with make("gestix", server.url, asynchronous=True, retry=policy) as s:
            await s.login()

    def login() -> None:
        with make("gestix", server.url, retry=policy) as s:
            s.login()

    with pytest.raises(TransportError):
        asyncio.run(alogin()) if asynchronous else login()
    assert server.requests == 1  # the first attempt used the whole deadline: no retry
