"""The sandbox under 200 concurrent connections (asyncio + httpx.AsyncClient): no errors, exact counters."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpx

from billing_sessions.sandbox import DEMO, Sandbox

CONNECTIONS = 200
PER_PROVIDER = 150  # bounded: 600 handled requests in the mixed round


def _limits() -> httpx.Limits:
    return httpx.Limits(max_connections=CONNECTIONS, max_keepalive_connections=CONNECTIONS)


def test_200_connections_held_open_at_once(sb: Sandbox) -> None:
    """200 requests held in flight together (a slow answer each): all answered, in_flight peaks at 200."""
    sb.state.inject("gestix", "slow", count=CONNECTIONS, delay=1.0)
    headers = {"Authorization": f"Bearer {DEMO.gestix_api_token}"}

    async def run() -> list[int]:
        async with httpx.AsyncClient(limits=_limits(), timeout=30.0) as client:
            url = sb.base_url("gestix") + "/helo"
            responses = await asyncio.gather(*(client.get(url, headers=headers) for _ in range(CONNECTIONS)))
            return [r.status_code for r in responses]

    statuses = asyncio.run(run())
    assert statuses == [200] * CONNECTIONS
    c = sb.state.counters("gestix")
    assert c["max_in_flight"] == CONNECTIONS
    assert (c["requests"], c["logins"], c["sessions_created"], c["in_flight"]) == (200, 200, 200, 0)
    assert c["faults_injected"] == CONNECTIONS


def test_a_bounded_mixed_load_over_200_connections(sb: Sandbox) -> None:
    """600 handled requests over the four providers, at most 200 at a time: zero errors, exact counters."""

    async def run() -> list[str]:
        errors: list[str] = []
        gate = asyncio.Semaphore(CONNECTIONS)
        async with httpx.AsyncClient(limits=_limits(), timeout=30.0) as client:
            gestix = sb.base_url("gestix")
            token = await client.get(
                gestix + "/helo", headers={"Authorization": f"Bearer {DEMO.gestix_api_token}"}
            )
            bearer = {"Authorization": f"Bearer {token.json()['xa-token']}"}
            bill = sb.base_url("bill")
            login = {
                "userName": DEMO.bill_user_name,
                "password": DEMO.bill_password,
                "orgId": DEMO.bill_org_id,
                "devKey": DEMO.bill_dev_key,
            }
            session = (await client.post(bill + "/Login.json", data=login)).json()["response_data"][
                "sessionId"
            ]
            bp = sb.base_url("billingplatform")
            credentials = {"username": DEMO.bp_username, "password": DEMO.bp_password}
            sid = (await client.post(bp + "/rest/2.0/login", json=credentials)).json()["loginResponse"][0][
                "SessionID"
            ]
            xml = (
                f"<xmlszamlapdf><szamlaagentkulcs>{DEMO.szamla_agent_key}</szamlaagentkulcs><szamlaszam>E-TST-2024-1</szamlaszam>"
                "<valaszVerzio>1</valaszVerzio></xmlszamlapdf>"
            ).encode()
            cookies: dict[str, str] = {}

            async def gestix_status() -> bool:
                r = await client.get(gestix + "/status", headers=bearer)
                return r.status_code == 200 and r.json()["errors"] == []

            async def bill_info() -> bool:
                form = {"devKey": DEMO.bill_dev_key, "sessionId": session}
                r = await client.post(bill + "/GetSessionInfo.json", data=form)
                return r.status_code == 200 and r.json()["response_status"] == 0

            async def bp_query() -> bool:
                r = await client.get(
                    bp + "/rest/2.0/query",
                    params={"sql": "SELECT Id FROM ACCOUNT"},
                    headers={"sessionid": sid},
                )
                return r.status_code == 200 and len(r.json()["queryResponse"]) == 3

            async def szamla_pdf() -> bool:
                files = {"action-szamla_agent_pdf": ("r.xml", xml, "text/xml")}
                r = await client.post(
                    sb.url + "/szamla/", files=files, headers={"Cookie": f"JSESSIONID={cookies['id']}"}
                )
                return (
                    r.status_code == 200
                    and r.content.startswith(b"%PDF-")
                    and "szlahu_error" not in r.headers
                )

            first = await client.post(
                sb.url + "/szamla/", files={"action-szamla_agent_pdf": ("r.xml", xml, "text/xml")}
            )
            cookies["id"] = first.cookies["JSESSIONID"]
            client.cookies.clear()

            async def guarded(name: str, call: Callable[[], Awaitable[bool]]) -> None:
                async with gate:
                    try:
                        if not await call():
                            errors.append(f"{name}: wrong answer")
                    except httpx.HTTPError as error:
                        errors.append(f"{name}: {type(error).__name__}")

            calls = [gestix_status, bill_info, bp_query, szamla_pdf]
            await asyncio.gather(*(guarded(c.__name__, c) for _ in range(PER_PROVIDER) for c in calls))
        return errors

    assert asyncio.run(run()) == []
    for provider in ("gestix", "szamla_agent", "bill", "billingplatform"):
        c = sb.state.counters(provider)
        assert c["requests"] == PER_PROVIDER + 1, provider  # one login (or first call) + the load
        assert (c["logins"], c["sessions_created"], c["in_flight"]) == (1, 1, 0), provider
        assert c["expired_rejections"] == c["login_failures"] == c["faults_injected"] == 0
        assert c["max_in_flight"] >= 1
