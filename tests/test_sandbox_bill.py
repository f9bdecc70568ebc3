"""The sandbox's BILL v2 rules, driven with plain httpx: form bodies, 200 envelopes, idle expiry, PII."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from billing_sessions.sandbox import DEMO, Sandbox

LOGIN = {
    "userName": DEMO.bill_user_name,
    "password": DEMO.bill_password,
    "orgId": DEMO.bill_org_id,
    "devKey": DEMO.bill_dev_key,
}


@pytest.fixture
def client(sb: Sandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sb.base_url("bill")) as c:
        yield c


def login(client: httpx.Client) -> str:
    body = client.post("/Login.json", data=LOGIN).json()
    assert body["response_status"] == 0, body
    return str(body["response_data"]["sessionId"])


def call(client: httpx.Client, path: str, session: str | None, **form: str) -> dict[str, Any]:
    data = {"devKey": DEMO.bill_dev_key, **({"sessionId": session} if session else {}), **form}
    response = client.post(path, data=data)
    assert response.status_code == 200  # BILL answers errors as HTTP 200 envelopes
    body: dict[str, Any] = response.json()
    return body


def error_code(body: dict[str, Any]) -> str | None:
    if body["response_status"] == 0:
        assert body["response_message"] == "Success"
        return None
    assert (body["response_status"], body["response_message"]) == (1, "Error")
    assert body["response_data"]["error_message"]
    return str(body["response_data"]["error_code"])


def counters(sb: Sandbox) -> dict[str, int]:
    return sb.state.counters("bill")


# -- login -------------------------------------------------------------------------------------------------


def test_login_answers_the_session(sb: Sandbox, client: httpx.Client) -> None:
    body = client.post("/Login.json", data=LOGIN).json()
    assert body["response_status"] == 0
    data = body["response_data"]
    assert set(data) == {"sessionId", "orgId", "apiEndPoint", "usersId"}
    assert data["orgId"] == DEMO.bill_org_id
    assert data["apiEndPoint"] == sb.base_url("bill")
    c = counters(sb)
    assert (c["logins"], c["sessions_created"], c["login_failures"]) == (1, 1, 0)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"devKey": "wrong"}, "BDC_1102"),
        ({"password": "wrong"}, "BDC_1101"),
        ({"userName": "someone@example.com"}, "BDC_1101"),
        ({"orgId": "00801OTHER"}, "BDC_1123"),
        ({"devKey": ""}, "BDC_1108"),
        ({"password": ""}, "BDC_1108"),
    ],
)
def test_login_rejections(sb: Sandbox, client: httpx.Client, change: dict[str, str], code: str) -> None:
    response = client.post("/Login.json", data={**LOGIN, **change})
    assert response.status_code == 200
    body = response.json()
    assert error_code(body) == code
    assert "wrong" not in json.dumps(body)
    c = counters(sb)
    assert (c["logins"], c["login_failures"], c["sessions_created"]) == (0, 1, 0)


def test_login_delay_is_what_a_login_costs(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.configure(login_delay=0.2)
    started = time.monotonic()
    login(client)
    assert time.monotonic() - started >= 0.2


# -- PII in the query string -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["userName", "password", "devKey", "sessionId", "sessionid", "DEVKEY"])
def test_pii_in_the_query_string_is_refused_and_not_processed(
    sb: Sandbox, client: httpx.Client, name: str
) -> None:
    response = client.post("/Login.json", params={name: "x"}, data=LOGIN)
    assert response.status_code == 200
    body = response.json()
    assert error_code(body) == "BDC_1129"
    assert name in body["response_data"]["error_message"]
    c = counters(sb)
    assert (c["pii_refusals"], c["logins"], c["login_failures"], c["sessions_created"]) == (1, 0, 0, 0)


def test_a_refused_logout_leaves_the_session_alive(sb: Sandbox, client: httpx.Client) -> None:
    session = login(client)
    refused = client.post("/Logout.json", params={"sessionId": session}, data={"devKey": DEMO.bill_dev_key})
    assert error_code(refused.json()) == "BDC_1129"
    assert error_code(call(client, "/GetSessionInfo.json", session)) is None
    assert counters(sb)["logouts"] == 0
    assert counters(sb)["pii_refusals"] == 1


def test_other_query_parameters_are_fine(sb: Sandbox, client: httpx.Client) -> None:
    assert error_code(client.post("/Login.json", params={"trace": "1"}, data=LOGIN).json()) is None
    assert counters(sb)["pii_refusals"] == 0


# -- the session -------------------------------------------------------------------------------------------


def test_session_info(client: httpx.Client) -> None:
    body = call(client, "/GetSessionInfo.json", login(client))
    assert error_code(body) is None
    assert body["response_data"]["organizationId"] == DEMO.bill_org_id
    assert body["response_data"]["userId"]


@pytest.mark.parametrize("session", [None, "!unknown", ""])
def test_unknown_or_missing_sessions_are_bdc_1109(
    sb: Sandbox, client: httpx.Client, session: str | None
) -> None:
    body = call(client, "/GetSessionInfo.json", session)
    assert error_code(body) == "BDC_1109"
    assert body["response_data"]["error_message"] == "Session is invalid. Please log in."
    assert counters(sb)["expired_rejections"] == 0


def test_a_wrong_dev_key_on_a_live_session_is_bdc_1102(client: httpx.Client) -> None:
    session = login(client)
    body = client.post("/GetSessionInfo.json", data={"devKey": "wrong", "sessionId": session}).json()
    assert error_code(body) == "BDC_1102"


def test_idle_expiry_and_every_call_resets_the_timer(sb: Sandbox, client: httpx.Client) -> None:
    session = login(client)
    idle = sb.state.config.bill_idle
    for _ in range(3):
        sb.state.advance(idle - 1)
        assert error_code(call(client, "/GetSessionInfo.json", session)) is None
    sb.state.advance(idle)
    assert error_code(call(client, "/GetSessionInfo.json", session)) == "BDC_1109"
    assert error_code(call(client, "/Crud/Read/Customer.json", session, data='{"id": "x"}')) == "BDC_1109"
    c = counters(sb)
    assert (c["expired_rejections"], c["logins"]) == (2, 1)


def test_configured_idle(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.configure(bill_idle=60.0)
    session = login(client)
    sb.state.advance(60.0)
    assert error_code(call(client, "/GetSessionInfo.json", session)) == "BDC_1109"


def test_expire_all(sb: Sandbox, client: httpx.Client) -> None:
    session = login(client)
    sb.state.expire_all("bill")
    assert error_code(call(client, "/GetSessionInfo.json", session)) == "BDC_1109"
    assert counters(sb)["expired_rejections"] == 1


def test_logout_ends_the_session(sb: Sandbox, client: httpx.Client) -> None:
    session = login(client)
    body = call(client, "/Logout.json", session)
    assert error_code(body) is None
    assert body["response_data"] == {}
    assert error_code(call(client, "/GetSessionInfo.json", session)) == "BDC_1109"
    assert error_code(call(client, "/Logout.json", session)) == "BDC_1109"
    c = counters(sb)
    assert (c["logouts"], c["expired_rejections"]) == (1, 0)


# -- CRUD --------------------------------------------------------------------------------------------------


def test_read_the_seeded_customer(client: httpx.Client) -> None:
    body = call(client, "/Crud/Read/Customer.json", login(client), data='{"id": "0cu01EXAMPLECUST1"}')
    assert error_code(body) is None
    record = body["response_data"]
    assert (record["entity"], record["id"], record["name"]) == (
        "Customer",
        "0cu01EXAMPLECUST1",
        "Example Customer Ltd",
    )


def test_create_then_read(sb: Sandbox, client: httpx.Client) -> None:
    session = login(client)
    data = json.dumps({"obj": {"entity": "Vendor", "name": "Paper Co", "email": "ap@paper.example"}})
    created = call(client, "/Crud/Create/Vendor.json", session, data=data)
    assert error_code(created) is None
    record = created["response_data"]
    assert record["id"].startswith("009") and record["name"] == "Paper Co" and record["isActive"] == "1"
    assert record["createdTime"].endswith("+0000")
    read = call(client, "/Crud/Read/Vendor.json", session, data=json.dumps({"id": record["id"]}))
    assert read["response_data"] == record
    assert counters(sb)["writes_applied"] == 1


@pytest.mark.parametrize(
    ("path", "data", "code"),
    [
        ("/Crud/Read/Customer.json", '{"id": "nope"}', "BDC_1119"),
        ("/Crud/Read/Customer.json", "not json", "BDC_1122"),
        ("/Crud/Read/Customer.json", "", "BDC_1108"),
        ("/Crud/Read/Customer.json", "{}", "BDC_1117"),
        ("/Crud/Read/Customer.json", '{"id": 5}', "BDC_1117"),
        ("/Crud/Read/Cust-omer.json", '{"id": "x"}', "BDC_1114"),
        ("/Crud/Create/Customer.json", '{"obj": {"entity": "Vendor"}}', "BDC_1118"),
        ("/Crud/Create/Customer.json", '{"obj": {}}', "BDC_1117"),
        ("/Crud/Create/Customer.json", '{"obj": {"entity": null}}', "BDC_1117"),
    ],
)
def test_crud_errors(sb: Sandbox, client: httpx.Client, path: str, data: str, code: str) -> None:
    assert error_code(call(client, path, login(client), data=data)) == code
    assert counters(sb)["writes_applied"] == 0


def test_a_body_that_is_not_a_form_is_an_error_envelope(client: httpx.Client) -> None:
    response = client.post("/GetSessionInfo.json", json={"devKey": DEMO.bill_dev_key})
    assert response.status_code == 200
    assert error_code(response.json()) is not None


def test_other_methods_are_405(client: httpx.Client) -> None:
    assert client.get("/Login.json").status_code == 405


# -- concurrency limit -------------------------------------------------------------------------------------


def test_too_many_in_flight_is_bdc_1322(sb: Sandbox) -> None:
    sb.state.configure(bill_max_concurrent=1)
    sb.state.inject("bill", "slow", delay=0.5)  # the first request holds its slot for half a second

    async def scenario() -> list[dict[str, Any]]:
        async with httpx.AsyncClient(base_url=sb.base_url("bill")) as c:
            first = asyncio.create_task(c.post("/Login.json", data=LOGIN))
            await asyncio.sleep(0.2)
            second = await c.post("/Login.json", data=LOGIN)
            return [(await first).json(), second.json()]

    first, second = asyncio.run(scenario())
    assert error_code(first) is None
    assert error_code(second) == "BDC_1322"
    assert counters(sb)["max_in_flight"] == 2
