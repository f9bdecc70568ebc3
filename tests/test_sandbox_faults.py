"""Fault injection with plain httpx: every kind, before and after the request is handled, per provider."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

import httpx
import pytest

from billing_sessions.sandbox import DEMO, FAULT_KINDS, Sandbox

# One cheap, counted request per provider: (provider, request factory).
Call = Callable[[httpx.Client, Sandbox], httpx.Response]


def gestix_helo(client: httpx.Client, sb: Sandbox) -> httpx.Response:
    headers = {"Authorization": f"Bearer {DEMO.gestix_api_token}"}
    return client.get(sb.base_url("gestix") + "/helo", headers=headers)


def szamla_call(client: httpx.Client, sb: Sandbox) -> httpx.Response:
    key = f"<szamlaagentkulcs>{DEMO.szamla_agent_key}</szamlaagentkulcs>"
    xml = f"<xmlszamlapdf>{key}<valaszVerzio>1</valaszVerzio></xmlszamlapdf>"
    files = {"action-szamla_agent_pdf": ("r.xml", xml.encode(), "text/xml")}
    return client.post(sb.base_url("szamla_agent") + "/szamla/", files=files)


def bill_login(client: httpx.Client, sb: Sandbox) -> httpx.Response:
    form = {
        "userName": DEMO.bill_user_name,
        "password": DEMO.bill_password,
        "orgId": DEMO.bill_org_id,
        "devKey": DEMO.bill_dev_key,
    }
    return client.post(sb.base_url("bill") + "/Login.json", data=form)


def bp_login(client: httpx.Client, sb: Sandbox) -> httpx.Response:
    credentials = {"username": DEMO.bp_username, "password": DEMO.bp_password}
    return client.post(sb.base_url("billingplatform") + "/rest/2.0/login", json=credentials)


CALLS: dict[str, Call] = {
    "gestix": gestix_helo,
    "szamla_agent": szamla_call,
    "bill": bill_login,
    "billingplatform": bp_login,
}
PROVIDERS = list(CALLS)


@pytest.fixture
def client() -> httpx.Client:
    return httpx.Client(timeout=5.0)


def _logins(sb: Sandbox, provider: str) -> int:
    return sb.state.counters(provider)["logins"]


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_error_statuses_replace_the_answer(
    sb: Sandbox, client: httpx.Client, provider: str, status: int
) -> None:
    sb.state.inject(provider, str(status))
    with client:
        faulty = CALLS[provider](client, sb)
        normal = CALLS[provider](client, sb)
    assert faulty.status_code == status
    assert "retry-after" not in faulty.headers
    if status == 502:
        assert faulty.headers["content-type"].startswith("text/html")
    elif provider == "szamla_agent":
        assert faulty.text.startswith("[ERR]")
    elif provider == "bill":
        envelope = faulty.json()
        assert envelope["response_status"] == 1
        assert envelope["response_data"]["error_code"] == ("BDC_1144" if status == 429 else "BDC_1001")
    elif provider == "billingplatform":
        assert faulty.json()["error"] == ("too_many_requests" if status == 429 else "server_error")
    else:
        assert set(faulty.json()) >= {"code", "message", "timestamp"}
    assert normal.status_code == 200
    c = sb.state.counters(provider)
    assert (c["faults_injected"], c["requests"], c["logins"]) == (1, 2, 1)  # the faulty one was not handled


@pytest.mark.parametrize("kind", ["429", "503"])
def test_retry_after_when_given(sb: Sandbox, client: httpx.Client, kind: str) -> None:
    sb.state.inject("billingplatform", kind, retry_after=2)
    sb.state.inject("billingplatform", kind, retry_after=0.25)
    with client:
        assert bp_login(client, sb).headers["retry-after"] == "2"
        assert bp_login(client, sb).headers["retry-after"] == "0.25"


def test_no_retry_after_on_a_500(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.inject("bill", "500", retry_after=3)
    with client:
        assert "retry-after" not in bill_login(client, sb).headers


@pytest.mark.parametrize("provider", PROVIDERS)
def test_drop_closes_the_connection_without_an_answer(
    sb: Sandbox, client: httpx.Client, provider: str
) -> None:
    sb.state.inject(provider, "drop")
    with client:
        with pytest.raises(httpx.TransportError):
            CALLS[provider](client, sb)
        assert CALLS[provider](client, sb).status_code == 200  # the client reconnects
    assert _logins(sb, provider) == 1


@pytest.mark.parametrize("provider", PROVIDERS)
def test_drop_after_handling_applies_the_request(sb: Sandbox, client: httpx.Client, provider: str) -> None:
    sb.state.inject(provider, "drop", after=True)
    with client, pytest.raises(httpx.TransportError):
        CALLS[provider](client, sb)
    assert _logins(sb, provider) == 1
    assert sb.state.live_sessions(provider) == 1


def test_slow_delays_then_answers_normally(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.inject("gestix", "slow", delay=0.3)
    with client:
        started = time.monotonic()
        response = gestix_helo(client, sb)
        assert time.monotonic() - started >= 0.3  # a sleep of 0.3 s never ends sooner
        assert response.status_code == 200 and response.json()["xa-token"]
        assert sb.state.pending_faults("gestix") == 0
        gestix_helo(client, sb)  # the next request gets no fault: one injected in all
    assert sb.state.counters("gestix")["faults_injected"] == 1
    assert _logins(sb, "gestix") == 2


def test_slow_after_handling(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.inject("bill", "slow", after=True, delay=0.2)
    with client:
        started = time.monotonic()
        assert bill_login(client, sb).json()["response_status"] == 0
        assert time.monotonic() - started >= 0.2
    assert _logins(sb, "bill") == 1


def test_a_client_timeout_on_a_slow_answer(sb: Sandbox) -> None:
    sb.state.inject("billingplatform", "slow", delay=0.5)
    with httpx.Client(timeout=0.1) as short, pytest.raises(httpx.ReadTimeout):
        bp_login(short, sb)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_malformed_is_200_with_a_truncated_body(sb: Sandbox, client: httpx.Client, provider: str) -> None:
    sb.state.inject(provider, "malformed")
    with client:
        response = CALLS[provider](client, sb)
    assert response.status_code == 200
    if provider == "szamla_agent":
        assert response.headers["content-type"].startswith("text/xml")
        assert not response.text.rstrip().endswith(">")
        assert "szlahu_szamlaszam" not in response.headers
    else:
        assert response.headers["content-type"] == "application/json"
        with pytest.raises(json.JSONDecodeError):
            response.json()
    assert _logins(sb, provider) == 0


def test_malformed_after_handling_truncates_the_real_answer(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.inject("bill", "malformed", after=True)
    with client:
        response = bill_login(client, sb)
    assert response.status_code == 200
    assert response.text.startswith('{"response_status":0')
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert _logins(sb, "bill") == 1


def test_an_error_after_handling_applies_a_write(sb: Sandbox, client: httpx.Client) -> None:
    with client:
        token = gestix_helo(client, sb).json()["xa-token"]
        sb.state.inject("gestix", "500", after=True)
        url = sb.base_url("gestix") + "/invoices"
        body = {"lines": [{"article_code": "A", "quantity": 1}]}
        headers = {"Authorization": f"Bearer {token}"}
        failed = client.post(url, params={"nonce": 10}, json=body, headers=headers)
        assert failed.status_code == 500
        assert sb.state.last_nonce() == 10  # the write happened
        replay = client.post(url, params={"nonce": 10}, json=body, headers=headers)
        assert replay.status_code == 400  # a blind re-send with the same nonce is refused
    c = sb.state.counters("gestix")
    assert (c["writes_applied"], c["faults_injected"], c["nonce_rejections"]) == (1, 1, 1)


def test_count_applies_to_the_next_n_requests_in_order(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.inject("billingplatform", "503", count=2)
    sb.state.inject("billingplatform", "429")
    assert sb.state.pending_faults("billingplatform") == 3
    with client:
        statuses = [bp_login(client, sb).status_code for _ in range(4)]
    assert statuses == [503, 503, 429, 200]
    assert sb.state.counters("billingplatform")["faults_injected"] == 3
    assert sb.state.pending_faults("billingplatform") == 0


def test_faults_belong_to_one_provider(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.inject("gestix", "500")
    with client:
        assert bill_login(client, sb).status_code == 200
        assert gestix_helo(client, sb).status_code == 500
    assert sb.state.counters("bill")["faults_injected"] == 0


def test_admin_requests_are_never_faulted_nor_counted(sb: Sandbox, client: httpx.Client) -> None:
    for provider in PROVIDERS:
        sb.state.inject(provider, "drop")
    with client:
        assert client.get(sb.url + "/_sandbox/counters").status_code == 200
    assert all(sb.state.counters(p)["requests"] == 0 for p in PROVIDERS)


def test_reset_clears_pending_faults(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.inject("bill", "500", count=5)
    sb.state.reset()
    with client:
        assert bill_login(client, sb).status_code == 200


def test_fault_kinds_are_the_documented_ones() -> None:
    assert set(FAULT_KINDS) == {"500", "502", "503", "429", "drop", "slow", "malformed"}


@pytest.mark.parametrize("provider", ["gestix", "bill", "billingplatform"])
def test_a_provider_switched_down_answers_503(sb: Sandbox, client: httpx.Client, provider: str) -> None:
    sb.state.set_down(provider, True)
    with client:
        down = CALLS[provider](client, sb)
        sb.state.set_down(provider, False)
        up = CALLS[provider](client, sb)
    assert (down.status_code, up.status_code) == (503, 200)
    c = sb.state.counters(provider)
    assert (c["requests"], c["logins"], c["faults_injected"]) == (2, 1, 0)
