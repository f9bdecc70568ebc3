"""Fuzz: hypothesis-chosen hostile answers (statuses, headers, encodings, bodies: truncated, nested, huge,
wrong types) to every provider's login, a read and a write, sync and async, from a real loopback server.
Whatever comes back, the caller sees a value or the package's own error: a ``ProviderError`` or
``LoginError`` carrying the status, or a ``TransportError``. Anything else fails the test."""

from __future__ import annotations

import asyncio
import gzip
import json
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billing_sessions import BillingSessionError, LoginError, ProviderError, TransportError
from tests.hostile_server import HostileServer
from tests.test_hostile_answers import PROVIDERS, acalls, calls, make, seed, unseed

# Bodies a provider really sends (the parsers' happy paths), to be cut, nested into and mistyped.
VALID = [
    b'{"xa-token": "t0k"}',
    b'{"status": "ready", "server_time": "2026-11-30T10:00:00Z", "errors": [], '
    b'"versions": {"called_api_version": "v4", "current_api_version": "v4"}}',
    b'{"id": 1, "documentSeries": "A", "documentNumber": 1, "url": "https://x"}',
    b'{"code": "DB_TIMEOUT", "message": "m", "timestamp": "2026-11-30T10:00:00Z"}',
    b'{"response_status": 0, "response_message": "Success", "response_data": {"sessionId": "s", "orgId": "o",'
    b' "apiEndPoint": "https://x", "usersId": "u"}}',
    b'{"response_status": 0, "response_message": "Success", "response_data": {"id": "1", "name": "n"}}',
    b'{"response_status": 1, "response_message": "Error", "response_data": {"error_code": "BDC_1109",'
    b' "error_message": "Session is invalid."}}',
    b'{"loginResponse": [{"SessionID": "s", "ErrorCode": "0", "ErrorText": []}]}',
    b'{"queryResponse": [{"Id": "1"}]}',
    b'{"createResponse": [{"Id": "1", "ErrorCode": "0", "ErrorText": "", "ErrorElementField": ""}]}',
    b'{"access_token": "a", "token_type": "Bearer", "expires_in": 3600}',
    b'<?xml version="1.0" encoding="UTF-8"?><xmlszamlavalasz xmlns="http://www.szamlazz.hu/xmlszamlavalasz">'
    b"<sikeres>true</sikeres><szamlaszam>E-1</szamlaszam><pdf>JVBERi0=</pdf></xmlszamlavalasz>",
    b"xmlagentresponse=DONE;E-2026-1",
    b"%PDF-1.4 ...",
]
KEYS = [
    "xa-token", "status", "server_time", "versions", "errors", "id", "code", "message", "response_status",
    "response_data", "sessionId", "error_code", "loginResponse", "SessionID", "ErrorCode", "ErrorText",
    "queryResponse", "createResponse", "access_token", "expires_in", "token_type",
]  # fmt: skip

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
)
ODD = [b"", b"null", b"[]", b"{}", b"\xff\xfe{", '{"xa-token": "\u00e9"}'.encode("utf-16")]


def _huge(n: int) -> bytes:
    return b'{"queryResponse": [' + b'{"Id": "1"},' * (n * 20_000) + b"{}]}"


def _dump(value: Any) -> bytes:
    return json.dumps(value).encode()


bodies = st.one_of(
    st.sampled_from(VALID),
    st.tuples(st.sampled_from(VALID), st.integers(0, 200)).map(lambda t: t[0][: t[1]]),  # truncated
    st.integers(200, 150_000).map(lambda n: b"[" * n + b"]" * n),  # nested
    st.integers(200, 150_000).map(lambda n: b'{"response_data": ' + b"[" * n),  # nested and cut
    st.dictionaries(st.sampled_from(KEYS), json_values, max_size=5).map(_dump),  # the right keys, wrong types
    json_values.map(_dump),
    st.binary(max_size=64),
    st.sampled_from(ODD),
    st.integers(1, 4).map(_huge),
)
statuses = st.one_of(
    st.sampled_from([200, 201, 204, 299, 302, 400, 401, 403, 404, 409, 420, 429, 500, 502, 503, 520, 600]),
    st.integers(100, 999),
)
content_types = st.sampled_from(
    [None, "application/json", "application/json; charset=utf-16", "application/json; charset=bogus",
     "text/xml; charset=utf-8", "text/plain", "text/html", "application/pdf"]
)  # fmt: skip
encodings = st.sampled_from([None, "gzip", "gzip-broken", "deflate", "deflate-broken", "identity", "br", "x"])
lengths = st.sampled_from(["exact", "none", "short", "long", "bogus"])
extra_headers = st.lists(
    st.sampled_from(
        [
            ("Set-Cookie", b"JSESSIONID=abc123; Path=/; HttpOnly"),
            ("Set-Cookie", "JSESSIONID=caf\u00e9; Path=/".encode()),
            ("Set-Cookie", b"JSESSIONID=p1; Path=/; Secure; Partitioned"),
            ("Set-Cookie", b"=; ;;"),
            ("Retry-After", b"1"),
            ("Retry-After", b"nan"),
            ("Retry-After", b"1e400"),
            ("Retry-After", b"Wed, 21 Oct 2015 07:28:00 GMT"),
            ("Retry-After", b"soon"),
            ("szlahu_error_code", b"3"),
            ("szlahu_error", b"%ZZ%"),
            ("szlahu_down", b"1"),
            ("szlahu_szamlaszam", "E-\u00e9".encode()),
            ("Location", b"https://elsewhere.example/"),
            ("Transfer-Encoding", b"chunked"),
        ]
    ),
    max_size=3,
)


def _encode(body: bytes, encoding: str | None) -> tuple[bytes, str | None]:
    if encoding == "gzip":
        return gzip.compress(body), "gzip"
    if encoding == "gzip-broken":
        return gzip.compress(body)[:10] + b"not deflate", "gzip"
    if encoding == "deflate":
        return zlib.compress(body), "deflate"
    if encoding == "deflate-broken":
        return b"\x78\x9c broken", "deflate"
    return body, encoding


@st.composite
def answers(draw: st.DrawFn) -> bytes:
    status = draw(statuses)
    body, encoding = _encode(draw(bodies), draw(encodings))
    lines = [f"HTTP/1.1 {status} Whatever".encode()]
    content_type = draw(content_types)
    if content_type is not None:
        lines.append(b"Content-Type: " + content_type.encode())
    if encoding is not None:
        lines.append(b"Content-Encoding: " + encoding.encode())
    length = draw(lengths)
    if length != "none":
        value = {"exact": len(body), "short": max(0, len(body) - 5), "long": len(body) + 50}.get(length, "x1")
        lines.append(f"Content-Length: {value}".encode())
    lines += [name.encode() + b": " + value for name, value in draw(extra_headers)]
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def check(outcome: Callable[[], Any]) -> None:
    """The call returns, or raises the package's own error; a provider's answer is named by its status."""
    try:
        outcome()
    except TransportError:
        pass
    except (ProviderError, LoginError) as exc:
        if exc.status is None:
            raise AssertionError(f"{type(exc).__name__} without a status: {exc}") from exc
    except BillingSessionError as exc:
        raise AssertionError(f"a {type(exc).__name__} that names no status: {exc}") from exc


@pytest.fixture(scope="module")
def server() -> Iterator[HostileServer]:
    with HostileServer() as running:
        yield running


@pytest.fixture(scope="module")
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    running = asyncio.new_event_loop()
    yield running
    running.close()


@pytest.fixture(scope="module")
def sessions(server: HostileServer, loop: asyncio.AbstractEventLoop) -> Iterator[dict[str, tuple[Any, Any]]]:
    """One sync and one async session per provider, reused across examples (each example resets them)."""
    made = {p: (make(p, server.url), make(p, server.url, asynchronous=True)) for p in PROVIDERS}
    yield made
    for sync, asynchronous in made.values():
        sync.close()
        loop.run_until_complete(asynchronous.aclose())


FUZZ = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@pytest.mark.parametrize("provider", PROVIDERS)
@FUZZ
@given(answer=answers())
def test_every_hostile_answer_is_a_value_or_a_typed_error(
    provider: str,
    answer: bytes,
    server: HostileServer,
    sessions: dict[str, tuple[Any, Any]],
    loop: asyncio.AbstractEventLoop,
) -> None:
    server.answer = answer
    sync, asynchronous = sessions[provider]
    for kind in ("login", "read", "write"):
        for session in (sync, asynchronous):
            unseed(session)
            if kind != "login":
                seed(session)
        check(calls(provider, sync)[kind])
        acall = acalls(provider, asynchronous)[kind]
        check(lambda: loop.run_until_complete(acall()))  # noqa: B023 - called at once
