"""Security (issue 26), answers: whatever a provider (or whoever answers in its place) sends, no secret goes
to a host the caller did not name, no bad value outlives one call, nothing escapes untyped. Real loopback
servers (tests/hostile_server.py), no mocks."""

from __future__ import annotations

import asyncio
import json
import tracemalloc
import zlib
from pathlib import Path
from typing import Any

import pytest

from billing_sessions import (
    BillingSessionError,
    ProviderError,
    RateLimited,
    TransportError,
    UsageError,
    bill,
    bill_v3,
    billingplatform,
    gestix,
)
from billing_sessions.bill_v3_rules import LoginGuard, TrustKeeper
from billing_sessions.core import Token
from billing_sessions.retry import MAX_RETRY_AFTER, retry_after
from billing_sessions.stores import FileStore, MemoryStore
from billing_sessions.szamla_xml import AgentXmlError, from_xml, to_xml
from billing_sessions_generated.bill_v3.api.vendors import list_vendors
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine
from billing_sessions_generated.szamla_agent.models import (
    Xmlszamlast,
    XmlszamlastBeallitasok,
    XmlszamlastFejlec,
)
from tests.hostile_server import HostileServer, json_answer, raw
from tests.test_hostile_answers import POLICY, SECRET, make, seed
from tests.test_session_szamla_agent import ACTION, INVOICE

BILL_SESSION = "bill-session-" + SECRET
STATUS = b'{"status": "ready", "server_time": "2026-11-30T10:00:00Z", "errors": [], '
STATUS += b'"versions": {"called_api_version": "v4", "current_api_version": "v4"}}'


def bill_login(endpoint: str) -> bytes:
    data = {"sessionId": BILL_SESSION, "orgId": "o", "apiEndPoint": endpoint, "usersId": "u"}
    body = {"response_status": 0, "response_message": "Success", "response_data": data}
    return json_answer(200, json.dumps(body).encode())


BILL_INFO = json_answer(200, b'{"response_status": 0, "response_message": "Success", "response_data": {}}')


def elsewhere(server: HostileServer) -> str:
    """The same loopback server under another host name: for the session, another host."""
    return server.url.replace("127.0.0.1", "localhost")


# -- BILL v2 apiEndPoint: https on the base URL's host (or api_hosts=), checked at login and when loaded


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://attacker.example:8080/api/v2",  # plain http, another host
        "https://attacker.example/api/v2",  # another host
        "/api/v2",  # relative: used to break the session for good (UnsupportedProtocol)
        "https://[::1",  # not a URL: used to raise httpx.InvalidURL on every call and on close()
        "ftp://127.0.0.1/api/v2",
    ],
)
def test_a_bill_endpoint_the_caller_did_not_name_is_refused_at_login_and_never_stored(
    endpoint: str, tmp_path: Path
) -> None:
    with HostileServer() as server:
        server.answer = bill_login(endpoint)
        store = FileStore(tmp_path / "s.json")
        session = make("bill", server.url, store=store)
        with pytest.raises(ProviderError) as caught:
            session.session_info()
        assert "apiEndPoint" in str(caught.value)
        assert not caught.value.maybe_applied
        assert store.load(session.auth.key) is None
        assert server.requests == 1  # the login; nothing was sent anywhere with the session
        session.close()  # never fails


def test_a_write_whose_login_named_a_bad_endpoint_is_not_in_doubt() -> None:
    with HostileServer() as server:
        server.answer = bill_login("https://attacker.example/api/v2")
        session = make("bill", server.url)
        with pytest.raises(ProviderError) as caught:
            session.create("Customer", {"name": "x"})  # the login came first: the write never left
        assert not caught.value.maybe_applied
        assert server.requests == 1
        session.close()


def test_a_bill_endpoint_on_another_host_gets_nothing_unless_allowed() -> None:
    with HostileServer() as server, HostileServer() as other:
        target = elsewhere(other) + "/api/v2"
        server.answer = bill_login(target)
        other.answer = BILL_INFO
        session = make("bill", server.url)
        with pytest.raises(ProviderError):
            session.session_info()
        session.close()
        assert other.requests == 0
        allowed = make("bill", server.url, api_hosts=["localhost"])
        allowed.session_info()
        allowed.close()
        assert other.requests == 1
        assert BILL_SESSION.encode() in other.received[0]


def test_a_planted_bill_endpoint_in_a_store_is_dropped_and_a_fresh_login_made(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "s.json")
    with HostileServer() as server, HostileServer() as attacker:
        attacker.answer = BILL_INFO
        session = make("bill", server.url, store=store)
        now = 1e12
        planted = Token("planted-" + SECRET, now, now, endpoint=elsewhere(attacker) + "/api/v2")
        store.save(session.auth.key, planted.to_record())
        session.auth.clock = lambda: now
        server.script = [bill_login(server.url + "/api/v2")]
        server.answer = BILL_INFO
        session.session_info()
        session.close()
        assert attacker.requests == 0
        assert server.requests == 2  # a fresh login, then the call
        stored = store.load(session.auth.key)
        assert stored is not None
        assert stored["value"] == BILL_SESSION
        assert stored["endpoint"] is None


def test_api_hosts_must_be_host_names() -> None:
    with pytest.raises(UsageError):
        bill.Session("https://api.bill.com/api/v2", user_name="u", password="p", org_id="o", dev_key="d",
                     api_hosts=["https://evil.example/"])  # fmt: skip


# -- header-safe tokens


def _login_answers(provider: str, value: str) -> bytes:
    if provider == "gestix":
        return json_answer(200, json.dumps({"xa-token": value}).encode())
    if provider == "bill_v3":
        body = {"organizationId": "o", "sessionId": value, "trusted": False, "userId": "u"}
        return json_answer(200, json.dumps(body).encode())
    if provider == "billingplatform":
        body = {"loginResponse": [{"SessionID": value, "ErrorCode": "0", "ErrorText": []}]}
        return json_answer(200, json.dumps(body).encode())
    token = {"access_token": value, "token_type": "Bearer", "expires_in": 3600, "refresh_token": "r"}
    return json_answer(200, json.dumps(token).encode())


def _session(provider: str, url: str, *, asynchronous: bool = False, **options: Any) -> Any:
    if provider == "bill_v3":
        LoginGuard.reset()
        args: dict[str, Any] = {"username": "u", "password": SECRET, "organization_id": "o"}
        args["dev_key"] = "dk-" + SECRET
        cls = bill_v3.AsyncSession if asynchronous else bill_v3.Session
        return cls(url + "/connect", retry=POLICY, logout_on_close=False, **args, **options)
    if provider == "billingplatform-oauth":
        return billingplatform.Session(
            url + "/org", client_id="c", client_secret=SECRET, retry=POLICY, logout_on_close=False, **options
        )
    return make(provider, url, **options)


@pytest.mark.parametrize("provider", ["gestix", "bill_v3", "billingplatform", "billingplatform-oauth"])
@pytest.mark.parametrize("bad", ["tok\r\nX-Injected: 1", "tok\x00en", "tök", "tok en", "t" * 9000])
def test_a_token_no_header_can_carry_is_a_provider_error_at_login_and_never_stored(
    provider: str, bad: str
) -> None:
    with HostileServer() as server:
        server.answer = _login_answers(provider, bad)
        session = _session(provider, server.url)
        with pytest.raises(ProviderError):
            session.login()
        assert session.store.load(session.auth.key) is None
        assert session.auth.token is None
        session.close()


@pytest.mark.parametrize("provider", ["gestix", "bill_v3", "billingplatform"])
def test_a_bad_stored_token_is_dropped_and_a_fresh_login_made(provider: str, tmp_path: Path) -> None:
    store = FileStore(tmp_path / "s.json")
    with HostileServer() as server:
        session = _session(provider, server.url, store=store)
        now = 1e12
        session.auth.clock = lambda: now
        store.save(session.auth.key, Token("planted\r\nX-Injected: 1", now, now).to_record())
        server.script = [_login_answers(provider, "fresh-" + SECRET)]
        server.answer = json_answer(200, b"{}")
        session.login()
        assert server.requests == 1  # the stored token was not used: a login was made
        stored = store.load(session.auth.key)
        assert stored is not None
        assert stored["value"] == "fresh-" + SECRET
        session.close()


@pytest.mark.parametrize(
    "record",
    [
        {"value": "v", "created": 10**400, "last_used": 1.0},  # too large for a float: was OverflowError
        {"value": "v", "created": "nan", "last_used": "nan"},  # NaN would dodge every idle rule
        {"value": "v", "created": 1.0, "last_used": 1.0, "expires": "inf"},
    ],
)
def test_a_stored_record_with_unusable_numbers_is_no_session(record: dict[str, Any]) -> None:
    assert Token.from_record(record) is None


def test_a_header_with_a_control_character_is_never_sent_and_never_in_doubt() -> None:
    with HostileServer() as server:
        server.answer = json_answer(201, b"{}")
        session = make("gestix", server.url, max_retries=0)
        seed(session)
        client = session.client.get_httpx_client()
        with pytest.raises(TransportError) as caught:
            client.post("/invoices", headers={"X-Reference": "a\r\nX-Injected: 1"}, content=b"{}")
        assert "not sent" in str(caught.value)
        assert not caught.value.maybe_applied
        assert server.requests == 0
        session.close()


def test_a_url_no_transport_serves_is_never_sent_and_never_in_doubt() -> None:
    with HostileServer() as server:
        session = make("gestix", server.url)
        seed(session)
        with pytest.raises(TransportError) as caught:
            session.client.get_httpx_client().post("ftp://127.0.0.1/invoices", content=b"{}")
        assert not caught.value.maybe_applied
        assert "not sent" in str(caught.value)
        session.close()


# -- bounded numbers


@pytest.mark.parametrize(
    "value",
    ["Fri, 31 Dec 99999999999 23:59:59 GMT", "1e400", "nan", "inf", "99999999999999999999", "-5e400"],
)
def test_an_absurd_retry_after_is_ignored(value: str) -> None:
    hinted = retry_after({"retry-after": value}, 1_700_000_000.0)
    assert hinted is None or 0.0 <= hinted <= MAX_RETRY_AFTER


def test_a_rate_limit_with_a_year_99999999999_retry_after_is_typed() -> None:
    with HostileServer() as server:
        server.answer = json_answer(429, b"{}", ("Retry-After", "Fri, 31 Dec 99999999999 23:59:59 GMT"))
        session = make("billingplatform", server.url)
        seed(session)
        with pytest.raises(RateLimited) as caught:
            session.query("SELECT Id FROM ACCOUNT")
        assert caught.value.retry_after is None
        session.close()


def test_a_400_digit_expires_in_is_clamped_and_a_negative_one_refused() -> None:
    query = json_answer(200, b'{"queryResponse": []}')
    huge = b'{"access_token": "t-' + SECRET.encode() + b'", "token_type": "Bearer", "expires_in": '
    with HostileServer() as server:
        server.script = [json_answer(200, huge + b"9" * 400 + b', "refresh_token": "r"}')]
        server.answer = query
        session = _session("billingplatform-oauth", server.url)
        assert session.query("SELECT Id FROM ACCOUNT") == []
        assert session.auth.token is not None
        session.close()
        server.script = [json_answer(200, huge + b'-5, "refresh_token": "r"}')]
        session = _session("billingplatform-oauth", server.url)
        with pytest.raises(ProviderError):
            session.login()
        session.close()


# -- encodings of Számla answers


def _agent_xml(encoding: str) -> bytes:
    declaration = f'<?xml version="1.0" encoding="{encoding}"?>'
    body = declaration + "<xmlszamlavalasz><sikeres>true</sikeres></xmlszamlavalasz>"
    return raw(200, [("Content-Type", "application/xml")], body.encode())


@pytest.mark.parametrize("encoding", ["shift_jis", "big5", "no-such-encoding"])
def test_an_agent_answer_in_an_unreadable_encoding_is_a_provider_error(encoding: str) -> None:
    xml = INVOICE.format(version=2)
    with HostileServer() as server:
        server.answer = _agent_xml(encoding)
        session = make("szamla_agent", server.url)
        with pytest.raises(ProviderError) as created:
            session.send(ACTION, xml)  # creates an invoice: the answer came, the invoice may exist
        assert created.value.maybe_applied
        with pytest.raises(ProviderError) as read:
            session.send("action-szamla_agent_xml", xml)
        assert not read.value.maybe_applied

        async def main() -> None:
            async with make("szamla_agent", server.url, asynchronous=True) as s:
                with pytest.raises(ProviderError) as caught:
                    await s.send(ACTION, xml)
                assert caught.value.maybe_applied

        asyncio.run(main())
        session.close()
    with pytest.raises(AgentXmlError):
        from_xml(_agent_xml(encoding).partition(b"\r\n\r\n")[2])


# -- settings that become markup or hosts


@pytest.mark.parametrize(
    "key", ["a><szamlaagentkulcs>x</szamlaagentkulcs><b", "x y", "1abc", "a/b", "", "ns:name"]
)
def test_an_additional_property_that_is_no_element_name_is_refused(key: str) -> None:
    header = XmlszamlastFejlec(szamlaszam="E-1")
    header.additional_properties[key] = "v"
    model = Xmlszamlast(
        beallitasok=XmlszamlastBeallitasok(eszamla=False, szamla_letoltes=False), fejlec=header
    )
    with pytest.raises(AgentXmlError):
        to_xml(model)


@pytest.mark.parametrize("env", ["evil.example#", "evil.example/", "a.b", "x@y", "", "-my"])
def test_billingplatform_env_must_be_one_dns_label(env: str) -> None:
    with pytest.raises(UsageError):
        billingplatform.Session(org="acme", env=env, username="u", password="p")


@pytest.mark.parametrize("org", ["acme/../x", "acme?x=1", "acme#", "..", "a b"])
def test_billingplatform_org_must_be_one_path_segment(org: str) -> None:
    with pytest.raises(UsageError):
        billingplatform.Session(org=org, username="u", password="p")


@pytest.mark.parametrize("account", ["031/../x", "0310#", "0310?x=1", "a@b", " 0310", "０３１"])
def test_gestix_account_must_be_letters_and_digits(account: str) -> None:
    with pytest.raises(UsageError):
        gestix.Session(account=account, api_token="t")


def test_the_hosted_urls_still_work() -> None:
    with gestix.Session(account="03101176", api_token="t") as g:
        assert g.base_url == "https://gestix.pt/api/03101176/v4.0.0"
    with billingplatform.Session(org="acme.co", env="sandbox", username="u", password="p") as s:
        assert s.base_url == "https://sandbox.billingplatform.com/acme.co"


# -- bounded work: answer sizes and pagination


def _gzip_bomb(size: int) -> bytes:
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1024 * 1024)
    parts = [squeeze.compress(block) for _ in range(size // len(block))]
    return b"".join([*parts, squeeze.flush()])


def test_a_decompression_bomb_is_stopped_while_it_is_read() -> None:
    bomb = _gzip_bomb(96 * 1024 * 1024)  # ~96 KB on the wire
    with HostileServer() as server:
        server.answer = raw(200, [("Content-Type", "application/json"), ("Content-Encoding", "gzip")], bomb)
        session = make("billingplatform", server.url, max_retries=0)
        seed(session)
        tracemalloc.start()
        try:
            with pytest.raises(ProviderError) as caught:
                session.query("SELECT Id FROM ACCOUNT")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert "max_answer_bytes" in str(caught.value)
        assert peak < 48 * 1024 * 1024  # the 16 MiB cap, not the 96 MiB it inflates to
        session.close()


def test_an_answer_over_the_cap_is_refused_and_a_write_says_maybe_applied() -> None:
    body = b'{"id": 1, "pad": "' + b"x" * 300_000 + b'"}'
    with HostileServer() as server:
        server.answer = json_answer(201, body)
        session = make("gestix", server.url, max_answer_bytes=100_000)
        seed(session)
        with pytest.raises(ProviderError) as caught:
            create_invoice.sync_detailed(
                client=session.client, body=DocumentInput(lines=[DocumentLine("A", 1.0)])
            )
        assert caught.value.maybe_applied
        session.close()
        server.answer = json_answer(200, STATUS[:-1] + b', "pad": "' + b"x" * 300_000 + b'"}')
        roomy = make("gestix", server.url, max_answer_bytes=None)
        seed(roomy)
        assert roomy.status().status == "ready"
        roomy.close()
    with pytest.raises(UsageError):
        make("gestix", "http://127.0.0.1:1", max_answer_bytes=0)


def _page(items: int, cursor: str | None) -> bytes:
    body: dict[str, Any] = {"results": [{"id": f"v{i}", "name": "V"} for i in range(items)]}
    if cursor is not None:
        body["nextPage"] = cursor
    return json_answer(200, json.dumps(body).encode())


@pytest.mark.parametrize(
    ("pages", "requests"),
    [
        ([_page(1, "c1"), _page(1, "c2")], 3),  # c1, c2, then c1 again (the answer below)
        ([_page(1, "c1")], 2),  # c1 answered with c1
        ([_page(0, "c1")], 1),  # an empty page with a cursor
    ],
)
def test_paginate_ends_with_an_error_on_a_repeated_cursor_or_an_empty_page(
    pages: list[bytes], requests: int
) -> None:
    with HostileServer() as server:
        session = _session("bill_v3", server.url)
        seed(session)
        server.script = list(pages)
        server.answer = _page(1, "c1")
        with pytest.raises(ProviderError) as caught:
            list(session.paginate(list_vendors))
        assert "stopped paginating" in str(caught.value)
        assert server.requests == requests
        session.close()

        async def main() -> None:
            async with _session("bill_v3", server.url, asynchronous=True) as s:
                seed(s)
                with pytest.raises(ProviderError):
                    async for _ in s.paginate(list_vendors):
                        pass

        server.script = list(pages)
        asyncio.run(main())


# -- redirects the caller lets httpx follow


@pytest.mark.parametrize(
    ("provider", "secrets"),
    [
        ("bill_v3", (b"devkey", b"sessionid")),
        ("billingplatform", (b"sessionid",)),
        ("gestix", (b"authorization",)),
    ],
)
def test_a_redirect_to_another_host_goes_without_the_secret_headers(
    provider: str, secrets: tuple[bytes, ...]
) -> None:
    with HostileServer() as server, HostileServer() as other:
        server.answer = raw(302, [("Location", elsewhere(other) + "/landed")], b"")
        other.answer = json_answer(200, b"{}")
        session = _session(provider, server.url)
        seed(session)
        response = session.client.get_httpx_client().get("/anything", follow_redirects=True)
        assert response.status_code == 200
        assert other.requests == 1
        head = other.received[0].partition(b"\r\n\r\n")[0].lower()
        for name in secrets:
            assert name + b":" not in head
        assert SECRET.encode() not in other.received[0]
        assert b"sess-" not in head  # the seeded session id
        sent = server.received[0].lower()
        assert secrets[0] + b":" in sent  # the provider's own host did get them
        session.close()


def test_a_redirect_to_another_host_that_would_carry_the_body_is_not_followed() -> None:
    with HostileServer() as server, HostileServer() as other:
        server.answer = raw(307, [("Location", elsewhere(other) + "/api/v2/GetSessionInfo.json")], b"")
        session = make("bill", server.url)
        seed(session)
        client = session.client.get_httpx_client()
        with pytest.raises(BillingSessionError) as caught:
            client.post("/GetSessionInfo.json", data={"data": "{}"}, follow_redirects=True)
        assert not caught.value.maybe_applied
        assert other.requests == 0  # the form body holds devKey and sessionId
        session.close()


def test_a_redirect_within_the_same_host_keeps_the_session() -> None:
    with HostileServer() as server:
        server.script = [raw(302, [("Location", server.url + "/org/landed")], b"")]
        server.answer = json_answer(200, b"{}")
        session = _session("billingplatform", server.url)
        seed(session)
        assert session.client.get_httpx_client().get("/x", follow_redirects=True).status_code == 200
        assert b"sessionid: sess-" in server.received[1].lower()
        session.close()


@pytest.mark.parametrize("until", [10**400, "inf", "nan"])
def test_a_stored_mfa_trust_with_an_unusable_end_is_no_trust(until: Any) -> None:
    store = MemoryStore()
    keeper = TrustKeeper(store, "bill_v3:account")
    store.save(keeper.key, {"remember_me_id": "r", "device": "d", "until": until})
    assert keeper.load(1_700_000_000.0) is None
