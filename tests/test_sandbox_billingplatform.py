"""The sandbox's BillingPlatform rules with plain httpx: login, sessionid, OAuth, 401s, SQL, writes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from billing_sessions.sandbox import DEMO, Sandbox

UNAUTHORIZED = {"error": "unauthorized", "message": "Invalid session ID"}


@pytest.fixture
def client(sb: Sandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sb.base_url("billingplatform")) as c:
        yield c


def login(client: httpx.Client) -> dict[str, str]:
    response = client.post(
        "/rest/2.0/login", json={"username": DEMO.bp_username, "password": DEMO.bp_password}
    )
    assert response.status_code == 200
    return {"sessionid": response.json()["loginResponse"][0]["SessionID"]}


def oauth(client: httpx.Client) -> dict[str, str]:
    response = client.post(
        "/auth/1.0/authenticate",
        params={"grant_type": "client_credentials"},
        auth=(DEMO.bp_client_id, DEMO.bp_client_secret),
    )
    assert response.status_code == 200
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


def sql(client: httpx.Client, headers: dict[str, str], statement: str) -> httpx.Response:
    return client.get("/rest/2.0/query", params={"sql": statement}, headers=headers)


def counters(sb: Sandbox) -> dict[str, int]:
    return sb.state.counters("billingplatform")


# -- login, logout, OAuth ----------------------------------------------------------------------------------


def test_login_answers_a_session_id(sb: Sandbox, client: httpx.Client) -> None:
    response = client.post(
        "/rest/2.0/login", json={"username": DEMO.bp_username, "password": DEMO.bp_password}
    )
    result = response.json()["loginResponse"][0]
    assert (result["ErrorCode"], result["ErrorText"]) == ("0", [])
    assert len(result["SessionID"]) >= 16
    c = counters(sb)
    assert (c["logins"], c["sessions_created"]) == (1, 1)


def test_bad_credentials_are_401_with_an_error_code(sb: Sandbox, client: httpx.Client) -> None:
    response = client.post("/rest/2.0/login", json={"username": DEMO.bp_username, "password": "nope"})
    assert response.status_code == 401
    result = response.json()["loginResponse"][0]
    assert result["ErrorCode"] != "0"
    assert "SessionID" not in result
    assert counters(sb)["login_failures"] == 1


@pytest.mark.parametrize(
    "body",
    [{}, {"username": "demo"}, {"username": "demo", "password": 5}, {"username": "demo", "password": None}],
)
def test_malformed_login_is_400(sb: Sandbox, client: httpx.Client, body: dict[str, Any]) -> None:
    response = client.post("/rest/2.0/login", json={**body, **({"extra": 1} if not body else {})})
    assert response.status_code == 400
    assert response.json()["error"] == "bad_request"
    assert counters(sb)["logins"] == 0


def test_unknown_org_is_404(sb: Sandbox) -> None:
    response = httpx.post(
        sb.url + "/other/rest/2.0/login", json={"username": "demo", "password": "demo-password"}
    )
    assert response.status_code == 404


def test_logout_ends_the_session(sb: Sandbox, client: httpx.Client) -> None:
    headers = login(client)
    response = client.post("/rest/2.0/logout", headers=headers)
    assert response.status_code == 200
    assert response.json() == {"logoutResponse": [{"ErrorCode": "0", "ErrorText": " ", "Success": "true"}]}
    assert sql(client, headers, "SELECT Id FROM ACCOUNT").status_code == 401
    again = client.post("/rest/2.0/logout", headers=headers)
    assert (again.status_code, again.json()) == (401, UNAUTHORIZED)
    assert client.post("/rest/2.0/logout").status_code == 401
    c = counters(sb)
    assert (c["logouts"], c["expired_rejections"]) == (1, 0)


def test_oauth_client_credentials(sb: Sandbox, client: httpx.Client) -> None:
    response = client.post(
        "/auth/1.0/authenticate",
        params={"grant_type": "client_credentials"},
        auth=(DEMO.bp_client_id, DEMO.bp_client_secret),
    )
    token = response.json()
    assert (token["token_type"], token["expires_in"]) == ("Bearer", 3600)
    assert token["access_token"] and token["refresh_token"]
    headers = {"Authorization": f"Bearer {token['access_token']}"}
    assert sql(client, headers, "SELECT Id FROM ACCOUNT").status_code == 200
    assert client.post("/rest/2.0/logout", headers=headers).status_code == 401  # logout is for sessions
    assert counters(sb)["logins"] == 1


def test_oauth_rejections(sb: Sandbox, client: httpx.Client) -> None:
    grant = {"grant_type": "client_credentials"}
    wrong = client.post("/auth/1.0/authenticate", params=grant, auth=(DEMO.bp_client_id, "nope"))
    assert (wrong.status_code, wrong.json()["error"]) == (401, "unauthorized")
    missing = client.post("/auth/1.0/authenticate", params=grant)
    assert missing.status_code == 401
    garbage = client.post("/auth/1.0/authenticate", params=grant, headers={"Authorization": "Basic %%%"})
    assert garbage.status_code == 401
    bad_grant = client.post(
        "/auth/1.0/authenticate",
        params={"grant_type": "password"},
        auth=(DEMO.bp_client_id, DEMO.bp_client_secret),
    )
    assert (bad_grant.status_code, bad_grant.json()["error"]) == (400, "bad_request")
    c = counters(sb)
    assert (c["login_failures"], c["logins"]) == (3, 0)


# -- 401s and expiry ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers", [{}, {"sessionid": "forged"}, {"Authorization": "Bearer forged"}, {"Authorization": "Basic x"}]
)
def test_missing_or_unknown_sessions_are_401(client: httpx.Client, headers: dict[str, str]) -> None:
    for response in (
        sql(client, headers, "SELECT Id FROM ACCOUNT"),
        client.get("/rest/2.0/ACCOUNT/12345", headers=headers),
        client.post("/rest/2.0/ACCOUNT", json={"brmObjects": []}, headers=headers),
    ):
        assert (response.status_code, response.json()) == (401, UNAUTHORIZED)


def test_a_session_id_is_not_a_bearer_token(client: httpx.Client) -> None:
    session = login(client)["sessionid"]
    assert sql(client, {"Authorization": f"Bearer {session}"}, "SELECT Id FROM ACCOUNT").status_code == 401


def test_session_ttl_on_the_offset_clock(sb: Sandbox, client: httpx.Client) -> None:
    headers = login(client)
    ttl = sb.state.config.bp_session_ttl
    assert ttl is not None
    sb.state.advance(ttl - 1)
    assert sql(client, headers, "SELECT Id FROM ACCOUNT").status_code == 200
    sb.state.advance(1)
    assert sql(client, headers, "SELECT Id FROM ACCOUNT").status_code == 401
    assert counters(sb)["expired_rejections"] == 1


def test_sessions_without_ttl_never_expire(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.configure(bp_session_ttl=None)
    headers = login(client)
    sb.state.advance(365 * 24 * 3600)
    assert sql(client, headers, "SELECT Id FROM ACCOUNT").status_code == 200
    sb.state.expire_all("billingplatform")
    assert sql(client, headers, "SELECT Id FROM ACCOUNT").status_code == 401


def test_oauth_tokens_expire_after_bp_oauth_ttl(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.configure(bp_oauth_ttl=60)
    headers = oauth(client)
    sb.state.advance(59)
    assert sql(client, headers, "SELECT Id FROM ACCOUNT").status_code == 200
    sb.state.advance(1)
    response = sql(client, headers, "SELECT Id FROM ACCOUNT")
    assert (response.status_code, response.json()) == (401, UNAUTHORIZED)
    assert counters(sb)["expired_rejections"] == 1


# -- query and retrieve ------------------------------------------------------------------------------------


def test_query_selects_filters_orders_and_pages(client: httpx.Client) -> None:
    headers = login(client)
    everything = sql(client, headers, "SELECT * FROM ACCOUNT").json()["queryResponse"]
    assert {r["Id"] for r in everything} == {"12345", "12346", "12347"}
    one = sql(client, headers, "select Id, Name from account where Id = '12345'").json()
    assert one == {"queryResponse": [{"Id": "12345", "Name": "Acme Corporation"}]}
    active = sql(client, headers, "SELECT Id FROM ACCOUNT WHERE Status = 'ACTIVE' ORDER BY Id DESC").json()
    assert active["queryResponse"] == [{"Id": "12346"}, {"Id": "12345"}]
    page = "SELECT Id FROM ACCOUNT ORDER BY Id OFFSET 1 ROWS FETCH NEXT 1 ROWS ONLY"
    assert sql(client, headers, page).json()["queryResponse"] == [{"Id": "12346"}]
    both = "SELECT Id FROM ACCOUNT WHERE Status = 'ACTIVE' AND Name = 'Globex Ltd';"
    assert sql(client, headers, both).json()["queryResponse"] == [{"Id": "12346"}]
    assert sql(client, headers, "SELECT Id FROM INVOICE").json() == {"queryResponse": []}


@pytest.mark.parametrize("statement", ["", "DELETE FROM ACCOUNT", "SELECT FROM ACCOUNT", "SELECT Id FROM"])
def test_unparseable_sql_is_400(client: httpx.Client, statement: str) -> None:
    response = sql(client, login(client), statement)
    assert (response.status_code, response.json()["error"]) == (400, "bad_request")


def test_missing_sql_is_400(client: httpx.Client) -> None:
    assert client.get("/rest/2.0/query", headers=login(client)).status_code == 400


def test_retrieve(client: httpx.Client) -> None:
    headers = login(client)
    found = client.get("/rest/2.0/ACCOUNT/12345", headers=headers).json()
    assert found["retrieveResponse"][0]["BillingCycle"] == "MONTHLY"
    assert client.get("/rest/2.0/ACCOUNT/99999", headers=headers).json() == {"retrieveResponse": []}
    assert client.get("/rest/2.0/NOTHING/1", headers=headers).json() == {"retrieveResponse": []}


# -- writes ------------------------------------------------------------------------------------------------


def test_create_update_upsert_delete(sb: Sandbox, client: httpx.Client) -> None:
    headers = login(client)
    created = client.post(
        "/rest/2.0/ACCOUNT",
        json={"brmObjects": [{"Name": "Umbrella", "Status": "ACTIVE"}, {"Id": "1", "Name": "has an id"}]},
        headers=headers,
    ).json()["createResponse"]
    assert created[0]["ErrorCode"] == "0"
    assert created[1]["ErrorCode"] != "0" and created[1]["ErrorElementField"] == "Id"
    new_id = created[0]["Id"]
    statement = "SELECT Name FROM ACCOUNT WHERE Id = '%s'" % new_id  # noqa: S608, UP031 - BP SQL, no database
    assert sql(client, headers, statement).json()["queryResponse"] == [{"Name": "Umbrella"}]
    single = client.post("/rest/2.0/ACCOUNT", json={"brmObjects": {"Name": "Single"}}, headers=headers)
    assert single.json()["createResponse"][0]["ErrorCode"] == "0"

    updated = client.put(
        "/rest/2.0/ACCOUNT",
        json={"brmObjects": [{"Id": new_id, "Status": "INACTIVE"}, {"Id": "0"}]},
        headers=headers,
    ).json()["updateResponse"]
    assert [r["ErrorCode"] for r in updated] == ["0", "1"]
    assert client.get(f"/rest/2.0/ACCOUNT/{new_id}", headers=headers).json()["retrieveResponse"][0][
        "Status"
    ] == ("INACTIVE")

    upsert = {"brmObjects": [{"ExternalId": "CRM-1", "Name": "New"}], "externalIDFieldName": "ExternalId"}
    first = client.patch("/rest/2.0/ACCOUNT", json=upsert, headers=headers).json()["upsertResponse"][0]
    upsert["brmObjects"] = [{"ExternalId": "CRM-1", "Name": "Renamed"}]
    second = client.patch("/rest/2.0/ACCOUNT", json=upsert, headers=headers).json()["upsertResponse"][0]
    assert first["Id"] == second["Id"]
    assert client.get(f"/rest/2.0/ACCOUNT/{first['Id']}", headers=headers).json()["retrieveResponse"][0][
        "Name"
    ] == ("Renamed")

    deleted = client.request(
        "DELETE",
        "/rest/2.0/delete/ACCOUNT",
        json={"brmObjects": [{"Id": new_id}, {"Id": new_id}]},
        headers=headers,
    ).json()["deleteResponse"]
    assert [r["ErrorCode"] for r in deleted] == ["0", "1"]
    assert client.get(f"/rest/2.0/ACCOUNT/{new_id}", headers=headers).json() == {"retrieveResponse": []}
    assert counters(sb)["writes_applied"] == 6  # create x2, update, upsert x2, delete


@pytest.mark.parametrize(
    "body",
    [{}, {"brmObjects": 5}, {"brmObjects": [{"Id": 5}]}, {"brmObjects": {"Id": None}}, {"records": []}],
)
def test_malformed_writes_are_400(sb: Sandbox, client: httpx.Client, body: dict[str, Any]) -> None:
    headers = login(client)
    for method, path in (
        ("POST", "/rest/2.0/ACCOUNT"),
        ("PUT", "/rest/2.0/ACCOUNT"),
        ("DELETE", "/rest/2.0/delete/ACCOUNT"),
    ):
        response = client.request(method, path, json=body, headers=headers)
        assert (response.status_code, response.json()["error"]) == (400, "bad_request")
    patch = client.patch("/rest/2.0/ACCOUNT", json={"brmObjects": []}, headers=headers)
    assert patch.status_code == 400  # externalIDFieldName is required
    assert counters(sb)["writes_applied"] == 0


def test_the_auth_check_comes_before_body_validation(client: httpx.Client) -> None:
    assert client.post("/rest/2.0/ACCOUNT", content=b"not json").status_code == 401


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("POST", "/rest/2.0/query", "GET"),
        ("GET", "/rest/2.0/login", "POST"),
        ("DELETE", "/rest/2.0/logout", "POST"),
        ("GET", "/rest/2.0/delete/ACCOUNT", "DELETE"),
        ("DELETE", "/rest/2.0/ACCOUNT", "POST, PUT, PATCH"),
    ],
)
def test_fixed_paths_are_not_entities(
    sb: Sandbox, client: httpx.Client, method: str, path: str, allow: str
) -> None:
    response = client.request(method, path, headers=login(client))
    assert response.status_code == 405
    assert sorted(response.headers["allow"].split(", ")) == sorted(allow.split(", "))
    assert counters(sb)["writes_applied"] == 0
