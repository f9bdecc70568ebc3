"""Each generated client, called over a real socket, parses what its spec promises into typed models.

The server here answers with the specs' own examples (no provider logic): spec and client must agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

import httpx
import pytest

from billing_sessions.sandbox.runner import ServerThread
from billing_sessions_generated.bill import Client as BillClient
from billing_sessions_generated.bill.api.session import login as bill_login
from billing_sessions_generated.bill.models import ErrorEnvelope, LoginBody, LoginSuccess
from billing_sessions_generated.billingplatform import Client as BPClient
from billing_sessions_generated.billingplatform.api.session import login as bp_login
from billing_sessions_generated.billingplatform.models import LoginRequest, LoginResponseBody
from billing_sessions_generated.gestix import AuthenticatedClient as GestixClient
from billing_sessions_generated.gestix.api.session import get_status, helo
from billing_sessions_generated.gestix.models import SessionToken, StatusResponse
from billing_sessions_generated.szamla_agent import AuthenticatedClient as SzamlaClient
from billing_sessions_generated.szamla_agent.api.agent import agent_call
from billing_sessions_generated.szamla_agent.models import AgentRequest
from billing_sessions_generated.szamla_agent.types import File
from tests import example_server


@pytest.fixture(scope="module")
def servers() -> Iterator[dict[str, str]]:
    providers = ("gestix", "szamla_agent", "bill", "billingplatform")
    threads = {p: ServerThread(example_server.app(p)).start() for p in providers}
    yield {p: t.url + example_server.base_path(p) for p, t in threads.items()}
    for thread in threads.values():
        thread.stop()


def test_gestix_login_and_status(servers: dict[str, str]) -> None:
    with GestixClient(base_url=servers["gestix"], token="api-token") as client:
        token = helo.sync_detailed(client=client).parsed
        assert isinstance(token, SessionToken) and token.xa_token
        status = get_status.sync_detailed(client=client).parsed
    assert isinstance(status, StatusResponse)
    assert status.versions.current_api_version.startswith("v4")
    assert isinstance(status.errors, list)


def test_bill_login_union_success_and_error(servers: dict[str, str]) -> None:
    body = LoginBody(user_name="u", password="p", org_id="o")
    with BillClient(base_url=servers["bill"]) as client:
        ok = bill_login.sync_detailed(client=client, body=body).parsed
    assert isinstance(ok, LoginSuccess) and ok.response_data.session_id
    error = bill_login._parse_response(client=BillClient(base_url="http://unused"), response=_bill_error())
    assert isinstance(error, ErrorEnvelope) and error.response_data.error_code.startswith("BDC_")


def _bill_error() -> httpx.Response:
    envelope = {
        "response_status": 1,
        "response_message": "Error",
        "response_data": {"error_code": "BDC_1101", "error_message": "Invalid username or password."},
    }
    return httpx.Response(200, json=envelope)


def test_billingplatform_login(servers: dict[str, str]) -> None:
    with BPClient(base_url=servers["billingplatform"]) as client:
        parsed = bp_login.sync_detailed(client=client, body=LoginRequest(username="u", password="p")).parsed
    assert isinstance(parsed, LoginResponseBody)
    assert parsed.login_response[0].session_id
    assert parsed.login_response[0].error_code == "0"


def test_szamla_agent_pdf_and_headers(servers: dict[str, str]) -> None:
    xml = File(payload=BytesIO(b"<xmlszamla/>"), file_name="a.xml", mime_type="text/xml")
    with SzamlaClient(base_url=servers["szamla_agent"], token="unused") as client:
        response = agent_call.sync_detailed(client=client, body=AgentRequest(action_xmlagentxmlfile=xml))
    assert isinstance(response.parsed, File)
    assert response.parsed.payload.read().startswith(b"%PDF")
    assert response.headers["SZLAHU_SZAMLASZAM"]  # case-insensitive
    assert "szlahu_down" in response.headers
