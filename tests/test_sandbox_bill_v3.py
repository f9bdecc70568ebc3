"""The sandbox's BILL v3 rules, driven with plain httpx: JSON login, header sessions, error arrays, idle
expiry on the sandbox clock, cursors, filters, MFA with the texted code on the admin API, trust, limits."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from billing_sessions.sandbox import DEMO, Sandbox

LOGIN = {
    "devKey": DEMO.bill_dev_key,
    "username": DEMO.bill_user_name,
    "password": DEMO.bill_password,
    "organizationId": DEMO.bill_org_id,
}
ADDRESS = {"line1": "1 Main St", "city": "Austin", "country": "US"}


@pytest.fixture
def client(sb: Sandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sb.base_url("bill_v3")) as c:
        yield c


def login(client: httpx.Client, **changes: Any) -> dict[str, Any]:
    response = client.post("/v3/login", json={**LOGIN, **changes})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def headers(session: str) -> dict[str, str]:
    return {"devKey": DEMO.bill_dev_key, "sessionId": session}


def codes(response: httpx.Response) -> list[str | None]:
    body = response.json()
    assert isinstance(body, list) and body, body
    assert all(e["severity"] == "ERROR" and e["message"] and e["timestamp"] for e in body)
    return [e.get("code") for e in body]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"devKey": "wrong"}, "BDC_1102"),
        ({"password": "wrong"}, "BDC_1101"),
        ({"organizationId": "00899OTHER"}, "BDC_1123"),
    ],
)
def test_login_rejections(sb: Sandbox, client: httpx.Client, change: dict[str, str], code: str) -> None:
    response = client.post("/v3/login", json={**LOGIN, **change})
    assert (response.status_code, codes(response)) == (400, [code])
    assert sb.state.counters("bill_v3")["login_failures"] == 1


def test_a_body_that_misses_a_field_is_an_entry_without_code(client: httpx.Client) -> None:
    response = client.post("/v3/login", json={k: v for k, v in LOGIN.items() if k != "username"})
    assert (response.status_code, codes(response)) == (400, [None])


def test_headers_carry_the_session_and_idle_expiry_runs_on_the_sandbox_clock(
    sb: Sandbox, client: httpx.Client
) -> None:
    session = login(client)["sessionId"]
    assert client.get("/v3/login/session", headers=headers(session)).json()["trusted"] is False
    wrong_key = client.get("/v3/login/session", headers={**headers(session), "devKey": "wrong"})
    assert (wrong_key.status_code, codes(wrong_key)) == (401, ["BDC_1102"])
    sb.state.advance(34 * 60)
    assert client.get("/v3/login/session", headers=headers(session)).status_code == 200  # resets the timer
    sb.state.advance(34 * 60)
    assert client.get("/v3/login/session", headers=headers(session)).status_code == 200
    sb.state.advance(35 * 60)
    gone = client.get("/v3/login/session", headers=headers(session))
    assert (gone.status_code, codes(gone)) == (401, ["BDC_1109"])
    assert sb.state.counters("bill_v3")["expired_rejections"] == 1


def test_logout_ends_the_session(sb: Sandbox, client: httpx.Client) -> None:
    session = login(client)["sessionId"]
    assert client.post("/v3/logout", headers=headers(session)).json() == {}
    assert client.get("/v3/login/session", headers=headers(session)).status_code == 401
    assert sb.state.counters("bill_v3")["logouts"] == 1


def test_cursor_pagination_filters_and_sort(client: httpx.Client) -> None:
    h = headers(login(client)["sessionId"])
    ids = {}
    for name in ("Beta", "Alpha", "Gamma", "Alder"):
        created = client.post("/v3/vendors", headers=h, json={"name": name, "address": ADDRESS})
        assert created.status_code == 201 and created.json()["id"].startswith("009")
        ids[name] = created.json()["id"]
    first = client.get("/v3/vendors", headers=h, params={"max": 2, "sort": "name:asc"}).json()
    assert [v["name"] for v in first["results"]] == ["Alder", "Alpha"] and "prevPage" not in first
    second = client.get(
        "/v3/vendors", headers=h, params={"max": 2, "sort": "name:asc", "page": first["nextPage"]}
    ).json()
    assert [v["name"] for v in second["results"]] == ["Beta", "Gamma"] and second["prevPage"]
    third = client.get(
        "/v3/vendors", headers=h, params={"max": 2, "sort": "name:asc", "page": second["nextPage"]}
    ).json()
    assert [v["name"] for v in third["results"]] == ["Happy Music Supplies"] and "nextPage" not in third
    starts = client.get("/v3/vendors", headers=h, params={"filters": "name:sw:Al", "sort": "name:desc"})
    assert [v["name"] for v in starts.json()["results"]] == ["Alpha", "Alder"]
    wanted = f'id:in:"{ids["Beta"]},{ids["Gamma"]}",archived:eq:false'
    listed = client.get("/v3/vendors", headers=h, params={"filters": wanted}).json()
    assert sorted(v["name"] for v in listed["results"]) == ["Beta", "Gamma"]


@pytest.mark.parametrize(
    "params",
    [
        {"max": 0},
        {"max": 101},
        {"max": "ten"},
        {"filters": "email:eq:x"},
        {"filters": "name:gt:A"},
        {"sort": "email:asc"},
        {"sort": "name:up"},
        {"page": "not-a-cursor"},
    ],
)
def test_bad_list_parameters_are_400(client: httpx.Client, params: dict[str, Any]) -> None:
    h = headers(login(client)["sessionId"])
    response = client.get("/v3/vendors", headers=h, params=params)
    assert response.status_code == 400 and len(codes(response)) == 1


def test_bills_need_a_known_vendor_and_sum_their_lines(client: httpx.Client) -> None:
    h = headers(login(client)["sessionId"])
    vendor = client.post("/v3/vendors", headers=h, json={"name": "Acme", "address": ADDRESS}).json()
    bill = {
        "vendorId": vendor["id"],
        "dueDate": "2026-12-31",
        "invoice": {"invoiceNumber": "INV-1", "invoiceDate": "2026-12-01"},
        "billLineItems": [{"amount": 100.5}, {"amount": 20.25, "description": "shipping"}],
    }
    created = client.post("/v3/bills", headers=h, json=bill)
    assert created.status_code == 201
    body = created.json()
    assert (body["amount"], body["vendorName"], body["paymentStatus"]) == (120.75, "Acme", "UNPAID")
    assert client.get(f"/v3/bills/{body['id']}", headers=h).json()["id"] == body["id"]
    by_vendor = client.get("/v3/bills", headers=h, params={"filters": f"vendorId:eq:{vendor['id']}"})
    assert [b["id"] for b in by_vendor.json()["results"]] == [body["id"]]
    unknown = client.post("/v3/bills", headers=h, json={**bill, "vendorId": "00901NOPE"})
    assert (unknown.status_code, codes(unknown)) == (404, ["BDC_1205"])


def test_mfa_code_on_the_admin_api_trust_and_remember_me(sb: Sandbox, client: httpx.Client) -> None:
    h = headers(login(client)["sessionId"])
    autopay = {"name": "Auto", "address": ADDRESS, "autoPay": True}
    refused = client.post("/v3/vendors", headers=h, json=autopay)
    assert (refused.status_code, codes(refused)) == (403, ["BDC_1361"])
    challenge = client.post("/v3/mfa/challenge", headers=h, json={}).json()["challengeId"]
    code = httpx.get(sb.url + "/_sandbox/mfa").json()["bill_v3"]
    assert code == sb.state.mfa_code() and len(code) == 6
    wrong = "000000" if code != "000000" else "111111"
    bad = client.post(
        "/v3/mfa/challenge/validate", headers=h, json={"challengeId": challenge, "token": wrong}
    )
    assert (bad.status_code, codes(bad)) == (400, ["BDC_1356"])
    validate = {"challengeId": challenge, "token": code, "rememberMe": True, "device": "laptop"}
    remember_me_id = client.post("/v3/mfa/challenge/validate", headers=h, json=validate).json()[
        "rememberMeId"
    ]
    assert client.post("/v3/vendors", headers=h, json=autopay).status_code == 201
    assert login(client, rememberMeId=remember_me_id, device="laptop")["trusted"] is True
    assert login(client, rememberMeId=remember_me_id, device="other")["trusted"] is False
    fresh = headers(login(client)["sessionId"])
    step_up = {"rememberMeId": remember_me_id, "device": "laptop"}
    assert client.post("/v3/mfa/step-up", headers=fresh, json=step_up).json() == {"trusted": True}
    sb.state.advance(30 * 86400 + 1)
    assert login(client, rememberMeId=remember_me_id, device="laptop")["trusted"] is False


def test_five_texts_a_minute_and_no_phone_on_file(sb: Sandbox, client: httpx.Client) -> None:
    h = headers(login(client)["sessionId"])
    answers = [client.post("/v3/mfa/challenge", headers=h).status_code for _ in range(6)]
    assert answers == [200] * 5 + [429]
    sb.state.advance(61)
    assert client.post("/v3/mfa/challenge", headers=h).status_code == 200
    sb.state.configure(bill_v3_mfa_phone=False)
    no_phone = client.post("/v3/mfa/challenge", headers=h)
    assert (no_phone.status_code, codes(no_phone)) == (400, ["BDC_1354"])
    assert sb.state.counters("bill_v3")["mfa_texts"] == 6


def test_login_and_request_quotas_answer_bdc_1144_with_retry_after(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.configure(bill_v3_logins_per_hour=2)
    login(client)
    h = headers(login(client)["sessionId"])
    third = client.post("/v3/login", json=LOGIN)
    assert (third.status_code, codes(third)) == (429, ["BDC_1144"])
    assert 0 < int(third.headers["Retry-After"]) <= 3601
    sb.state.configure(bill_v3_requests_per_hour=1)
    assert client.get("/v3/login/session", headers=h).status_code == 200
    over = client.get("/v3/login/session", headers=h)
    assert (over.status_code, codes(over)) == (429, ["BDC_1144"])


def test_unknown_paths_and_methods(client: httpx.Client) -> None:
    missing = client.get("/v3/payments")
    assert (missing.status_code, codes(missing)) == (404, ["BDC_1121"])
    method = client.delete("/v3/vendors")
    assert method.status_code == 405 and set(method.headers["Allow"].split(", ")) == {"GET", "HEAD", "POST"}
