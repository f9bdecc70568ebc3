"""The sandbox's Gestix rules, driven with plain httpx: tokens, TTL, 403s, nonces, writes, PDFs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from billing_sessions.sandbox import DEMO, Sandbox

DOCUMENT = {"customer_code": "C0042", "lines": [{"article_code": "ART-001", "quantity": 2}]}


@pytest.fixture
def client(sb: Sandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sb.base_url("gestix")) as c:
        yield c


def helo(client: httpx.Client) -> str:
    response = client.get("/helo", headers={"Authorization": f"Bearer {DEMO.gestix_api_token}"})
    assert response.status_code == 200
    return str(response.json()["xa-token"])


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def write(client: httpx.Client, token: str, nonce: Any, path: str = "/invoices", **kw: Any) -> httpx.Response:
    params = {} if nonce is None else {"nonce": nonce}
    headers = {**bearer(token), **kw.pop("headers", {})}
    return client.post(path, params={**params, **kw.pop("params", {})}, headers=headers, **kw)


def counters(sb: Sandbox) -> dict[str, int]:
    return sb.state.counters("gestix")


# -- login -------------------------------------------------------------------------------------------------


def test_helo_exchanges_the_api_token(sb: Sandbox, client: httpx.Client) -> None:
    token = helo(client)
    assert len(token) >= 16
    c = counters(sb)
    assert (c["logins"], c["sessions_created"], c["login_failures"], c["requests"]) == (1, 1, 0, 1)


def test_helo_without_a_token_is_400_auth_failed(sb: Sandbox, client: httpx.Client) -> None:
    for headers in ({}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer"}):
        response = client.get("/helo", headers=headers)
        assert response.status_code == 400
        body = response.json()
        assert body["code"] == "AUTH_FAILED"
        assert body["message"] == "Missing or invalid apiToken"
        assert body["path"] == f"/api/{DEMO.gestix_account}/v4.0.0/helo"
        assert body["timestamp"].endswith("Z") and body["request_id"].startswith("req-")
    assert counters(sb)["login_failures"] == 3
    assert counters(sb)["logins"] == 0


def test_helo_with_a_wrong_token_is_403(sb: Sandbox, client: httpx.Client) -> None:
    response = client.get("/helo", headers=bearer("not-the-token"))
    assert response.status_code == 403
    assert response.json() == {"message": "Access denied / invalid token"}
    assert counters(sb)["login_failures"] == 1


def test_auth_with_username_and_password(sb: Sandbox, client: httpx.Client) -> None:
    params = {"username": DEMO.gestix_username, "password": DEMO.gestix_password}
    token = client.post("/auth", params=params).json()["xa-token"]
    status = client.get("/status", headers=bearer(token)).json()
    assert status["status"] == f"ready - login: {DEMO.gestix_username}, company: Demo"
    assert counters(sb)["logins"] == 1


def test_auth_rejections(sb: Sandbox, client: httpx.Client) -> None:
    missing = client.post("/auth", params={"username": DEMO.gestix_username})
    assert missing.status_code == 400
    assert missing.json()["code"] == "INVALID_ARGUMENT"
    assert missing.json()["message"] == "Invalid input"
    wrong = client.post("/auth", params={"username": DEMO.gestix_username, "password": "nope"})
    assert wrong.status_code == 400
    assert wrong.json()["code"] == "AUTH_FAILED"
    assert counters(sb)["login_failures"] == 2
    assert counters(sb)["logins"] == 0


def test_an_unknown_account_is_404(sb: Sandbox) -> None:
    response = httpx.get(sb.url + "/api/99999999/v4.0.0/helo", headers=bearer(DEMO.gestix_api_token))
    assert response.status_code == 404


# -- the session -------------------------------------------------------------------------------------------


def test_status_needs_a_live_token(sb: Sandbox, client: httpx.Client) -> None:
    token = helo(client)
    status = client.get("/status", headers=bearer(token))
    assert status.status_code == 200
    body = status.json()
    assert body["versions"] == {"called_api_version": "v4.0.0", "current_api_version": "v4.0.1"}
    assert body["errors"] == []
    assert body["server_time"].endswith("Z")
    for headers in ({}, bearer("forged"), {"Authorization": token}):
        denied = client.get("/status", headers=headers)
        assert denied.status_code == 403
        assert denied.json() == {"message": "Access denied"}
    assert counters(sb)["expired_rejections"] == 0  # unknown tokens are not "expired"


def test_tokens_expire_after_their_ttl_on_the_offset_clock(sb: Sandbox, client: httpx.Client) -> None:
    token = helo(client)
    sb.state.advance(sb.state.config.gestix_token_ttl - 5)
    assert (
        client.get("/status", headers=bearer(token)).status_code == 200
    )  # TTL, not idle: use does not extend
    sb.state.advance(5)
    assert client.get("/status", headers=bearer(token)).status_code == 403
    assert counters(sb)["expired_rejections"] == 1
    assert client.get("/status", headers=bearer(helo(client))).status_code == 200


def test_configured_ttl(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.configure(gestix_token_ttl=10.0)
    token = helo(client)
    sb.state.advance(10.0)
    assert client.get("/status", headers=bearer(token)).status_code == 403


def test_expire_all_kills_every_token(sb: Sandbox, client: httpx.Client) -> None:
    tokens = [helo(client) for _ in range(3)]
    sb.state.expire_all("gestix")
    assert all(client.get("/status", headers=bearer(t)).status_code == 403 for t in tokens)
    assert counters(sb)["expired_rejections"] == 3
    assert sb.state.live_sessions("gestix") == 0


# -- nonces ------------------------------------------------------------------------------------------------


def test_the_auth_check_comes_before_the_nonce_check(sb: Sandbox, client: httpx.Client) -> None:
    response = write(client, "forged", None, json=DOCUMENT)
    assert response.status_code == 403
    assert counters(sb)["nonce_rejections"] == 0


@pytest.mark.parametrize("nonce", [None, "", "0", "-1", "abc", "1.5", "+5", str(2**63), "1" * 20])
def test_invalid_nonces_are_400_invalid_argument(
    sb: Sandbox, client: httpx.Client, nonce: str | None
) -> None:
    response = write(client, helo(client), nonce, json=DOCUMENT)
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_ARGUMENT"
    assert counters(sb)["nonce_rejections"] == 1
    assert counters(sb)["writes_applied"] == 0
    assert sb.state.last_nonce() is None


def test_nonces_increase_per_session_and_a_stale_one_is_a_bare_invalid_input(
    sb: Sandbox, client: httpx.Client
) -> None:
    first = helo(client)
    assert write(client, first, 100, json=DOCUMENT).status_code == 201
    for stale in (100, 99, 1):
        rejected = write(client, first, stale, json=DOCUMENT)
        assert rejected.status_code == 400
        # The docs' one 400: the same answer as a missing nonce or an invalid body, naming no cause.
        assert (rejected.json()["code"], rejected.json()["message"]) == ("INVALID_ARGUMENT", "Invalid input")
    second = helo(client)  # a new session is a new sequence ("within the same session")
    assert write(client, second, 5, json=DOCUMENT).status_code == 201
    assert write(client, first, 101, json=DOCUMENT).status_code == 201  # the first token keeps its own
    c = counters(sb)
    assert (c["nonce_rejections"], c["writes_applied"], sb.state.last_nonce()) == (3, 3, 101)


def test_nonces_per_account_when_configured_stricter_than_the_docs(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.configure(gestix_nonce_scope="account")
    first = helo(client)
    assert write(client, first, 100, json=DOCUMENT).status_code == 201
    second = helo(client)  # a new token does not reset the sequence
    for stale in (100, 99, 1):
        assert write(client, second, stale, json=DOCUMENT).status_code == 400
    assert write(client, second, 101, json=DOCUMENT).status_code == 201
    assert write(client, first, 2**63 - 1, json=DOCUMENT).status_code == 201
    c = counters(sb)
    assert (c["nonce_rejections"], c["writes_applied"], sb.state.last_nonce()) == (3, 3, 2**63 - 1)


def test_a_login_may_end_the_tokens_before_it_when_configured(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.configure(gestix_login_ends_others=True)
    first = helo(client)
    second = helo(client)
    assert write(client, first, 1, json=DOCUMENT).status_code == 403
    assert write(client, second, 2, json=DOCUMENT).status_code == 201


def test_an_accepted_nonce_is_used_up_even_if_the_body_is_rejected(sb: Sandbox, client: httpx.Client) -> None:
    token = helo(client)
    assert write(client, token, 7, json={"lines": []}).status_code == 400
    assert write(client, token, 7, json=DOCUMENT).status_code == 400
    assert write(client, token, 8, json=DOCUMENT).status_code == 201


def test_helo_checks_an_optional_nonce_after_the_token(sb: Sandbox, client: httpx.Client) -> None:
    headers = bearer(DEMO.gestix_api_token)
    assert client.get("/helo", params={"nonce": 50}, headers=headers).status_code == 200
    assert sb.state.last_nonce() == 50
    assert client.get("/helo", params={"nonce": 50}, headers=headers).status_code == 400
    assert client.get("/helo", params={"nonce": 50}, headers=bearer("wrong")).status_code == 403
    assert counters(sb)["nonce_rejections"] == 1


# -- writes ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/invoices", "/orders", "/receipts", "/purchases", "/purchase_orders", "/transfer_orders"]
)
def test_every_document_endpoint_answers_201_document_created(
    sb: Sandbox, client: httpx.Client, path: str
) -> None:
    token = helo(client)
    body = write(client, token, 1, path, json=DOCUMENT).json()
    assert set(body) == {"id", "documentSeries", "documentNumber", "url"}
    assert body["documentNumber"] == 1
    assert body["url"].startswith(f"https://gestix.pt/docs/{DEMO.gestix_account}/")
    assert write(client, token, 2, path, json=DOCUMENT).json()["documentNumber"] == 2
    assert counters(sb)["writes_applied"] == 2


def test_print_1_answers_the_pdf(sb: Sandbox, client: httpx.Client) -> None:
    token = helo(client)
    pdf = write(client, token, 1, json=DOCUMENT, params={"print": 1})
    assert pdf.status_code == 201
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-1.4") and pdf.content.rstrip().endswith(b"%%EOF")
    assert (
        write(client, token, 2, json=DOCUMENT, params={"print": 0}).headers["content-type"]
        == "application/json"
    )
    assert write(client, token, 3, json=DOCUMENT, params={"print": 2}).status_code == 400
    assert counters(sb)["writes_applied"] == 2


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"lines": []},
        {"lines": [{"article_code": "A", "quantity": 0}]},
        {"lines": [{"article_code": "A", "quantity": "1"}]},
        {"customer_code": None, "lines": [{"article_code": "A", "quantity": 1}]},
        {"date": "15/11/2024", "lines": [{"article_code": "A", "quantity": 1}]},
    ],
)
def test_invalid_documents_are_400(sb: Sandbox, client: httpx.Client, body: dict[str, Any]) -> None:
    response = write(client, helo(client), 1, json=body)
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_ARGUMENT"
    assert counters(sb)["writes_applied"] == 0


def test_a_body_that_is_not_json_is_400(client: httpx.Client) -> None:
    response = write(client, helo(client), 1, content=b"<xml/>", headers={"content-type": "application/json"})
    assert response.status_code == 400


def test_customers_create_update_and_duplicates(sb: Sandbox, client: httpx.Client) -> None:
    token = helo(client)
    created = write(client, token, 1, "/customers", json={"name": "Ana", "tax_id": "123456789"})
    assert created.status_code == 201
    assert set(created.json()) == {"id", "entity_code"}
    code = created.json()["entity_code"]
    duplicate = write(client, token, 2, "/customers", json={"name": "Other", "tax_id": "123456789"})
    assert duplicate.status_code == 409
    assert duplicate.json()["code"] == "DUPLICATE_ENTRY"
    seeded = write(client, token, 3, "/customers", json={"name": "Copy", "entity_code": "C0042"})
    assert seeded.status_code == 409
    updated = client.put(
        "/customers", params={"nonce": 4}, headers=bearer(token), json={"entity_code": code, "name": "Ana B"}
    )
    assert updated.status_code == 201
    assert updated.json() == created.json()
    by_id = client.put(
        "/customers", params={"nonce": 5}, headers=bearer(token), json={"id": 4211, "name": "Demo"}
    )
    assert by_id.json() == {"id": 4211, "entity_code": "C0042"}
    unknown = client.put("/customers", params={"nonce": 6}, headers=bearer(token), json={"name": "Nobody"})
    assert unknown.status_code == 400
    assert counters(sb)["writes_applied"] == 3


def test_suppliers_articles_and_sms(sb: Sandbox, client: httpx.Client) -> None:
    token = helo(client)
    supplier = write(client, token, 1, "/suppliers", json={"name": "Fornecedor"})
    assert supplier.status_code == 201 and supplier.json()["entity_code"].startswith("F")
    article = write(client, token, 2, "/articles", json={"entity_code": "ART-9", "description": "Nine"})
    assert article.json()["entity_code"] == "ART-9"
    assert (
        write(
            client, token, 3, "/articles", json={"entity_code": "ART-9", "description": "Again"}
        ).status_code
        == 409
    )
    assert write(client, token, 4, "/articles", json={"description": "no code"}).status_code == 400
    put = client.put(
        "/articles",
        params={"nonce": 5},
        headers=bearer(token),
        json={"entity_code": "ART-001", "description": "x"},
    )
    assert put.status_code == 201
    sms = write(client, token, 6, "/sms", json={"to": "+351912345678", "message": "Olá"})
    assert sms.status_code == 201
    assert sms.json()["status"] == "queued"
    assert write(client, token, 7, "/sms", json={"to": "", "message": "x"}).status_code == 400
    assert counters(sb)["writes_applied"] == 4


def test_put_also_needs_a_nonce_and_a_token(sb: Sandbox, client: httpx.Client) -> None:
    body = {"entity_code": "C0042", "name": "x"}
    assert client.put("/customers", json=body, headers=bearer("forged")).status_code == 403
    assert client.put("/customers", json=body, headers=bearer(helo(client))).status_code == 400
    assert counters(sb)["nonce_rejections"] == 1


def test_other_methods_are_405_with_allow(client: httpx.Client) -> None:
    response = client.get("/customers")
    assert response.status_code == 405
    assert set(response.headers["allow"].replace(" ", "").split(",")) == {"POST", "PUT"}
