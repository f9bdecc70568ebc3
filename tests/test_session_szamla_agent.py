"""szamla_agent.Session / AsyncSession: one cookie made, stored, reused and replaced; typed errors."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from pathlib import Path

import pytest

from billing_sessions import BillingSessionError, ProviderError, ProviderUnavailable, szamla_agent
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import FileStore, MemoryStore
from billing_sessions_generated.szamla_agent.types import Response

pytestmark = pytest.mark.anyio

INVOICE = """<?xml version="1.0" encoding="UTF-8"?>
<xmlszamla xmlns="http://www.szamlazz.hu/xmlszamla">
  <beallitasok>
    <szamlaagentkulcs/>
    <eszamla>false</eszamla>
    <szamlaLetoltes>true</szamlaLetoltes>
    <valaszVerzio>{version}</valaszVerzio>
  </beallitasok>
  <fejlec>
    <keltDatum>2026-11-23</keltDatum><teljesitesDatum>2026-11-23</teljesitesDatum>
    <fizetesiHataridoDatum>2026-12-01</fizetesiHataridoDatum><fizmod>Átutalás</fizmod><penznem>HUF</penznem>
    <szamlaNyelve>hu</szamlaNyelve>
  </fejlec>
  <elado/>
  <vevo><nev>Teszt Kft.</nev><irsz>1011</irsz><telepules>Budapest</telepules><cim>Fő utca 1.</cim></vevo>
  <tetelek><tetel><megnevezes>Szolgáltatás</megnevezes><mennyiseg>1</mennyiseg><mennyisegiEgyseg>db</mennyisegiEgyseg>
    <nettoEgysegar>10000</nettoEgysegar><afakulcs>27</afakulcs><nettoErtek>10000</nettoErtek>
    <afaErtek>2700</afaErtek><bruttoErtek>12700</bruttoErtek></tetel></tetelek>
</xmlszamla>
"""
ACTION = "action-xmlagentxmlfile"


def _session(sb: Sandbox, **kwargs: object) -> szamla_agent.Session:
    return szamla_agent.Session(sb.base_url("szamla_agent"), agent_key=DEMO.szamla_agent_key, **kwargs)  # type: ignore[arg-type]


def test_pdf_invoice_and_one_session_for_many_calls(sb: Sandbox) -> None:
    with _session(sb) as s:
        answers = [s.send(ACTION, INVOICE.format(version=1)) for _ in range(3)]
    assert all(a.ok and a.pdf and a.pdf.startswith(b"%PDF") for a in answers)
    assert all(a.invoice_number for a in answers)
    assert len({a.invoice_number for a in answers}) == 3
    assert sb.state.counters("szamla_agent")["sessions_created"] == 1


def test_xml_answer_version_2(sb: Sandbox) -> None:
    with _session(sb) as s:
        answer = s.send(ACTION, INVOICE.format(version=2))
    assert answer.ok
    assert answer.xml is not None and "xmlszamlavalasz" in answer.xml
    assert answer.invoice_number
    assert answer.pdf is not None and answer.pdf.startswith(b"%PDF")


def test_a_second_session_object_reuses_the_cookie_from_the_file_store(sb: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "cookies.json"
    with _session(sb, store=FileStore(path)) as s:
        s.send(ACTION, INVOICE.format(version=1))
    assert DEMO.szamla_agent_key not in path.read_text()  # the store keys by a hash, never the credentials
    assert path.stat().st_mode & 0o777 == 0o600
    with _session(sb, store=FileStore(path)) as s:
        s.send(ACTION, INVOICE.format(version=1))
    assert sb.state.counters("szamla_agent")["sessions_created"] == 1


def test_idle_expiry_gets_a_new_cookie_that_replaces_the_stored_one(sb: Sandbox) -> None:
    store = MemoryStore()
    with _session(sb, store=store) as s:
        s.send(ACTION, INVOICE.format(version=1))
        sb.state.advance(91 * 60)
        s.send(ACTION, INVOICE.format(version=1))  # the server silently issues a new cookie
        s.send(ACTION, INVOICE.format(version=1))  # ... which is the one sent now
    assert sb.state.counters("szamla_agent")["sessions_created"] == 2


def test_reset_starts_a_new_session(sb: Sandbox) -> None:
    with _session(sb) as s:
        s.send(ACTION, INVOICE.format(version=1))
        s.reset()
        s.send(ACTION, INVOICE.format(version=1))
    assert sb.state.counters("szamla_agent")["sessions_created"] == 2


def test_concurrent_first_calls_create_one_session(sb: Sandbox) -> None:
    with _session(sb) as s, ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda _: s.send(ACTION, INVOICE.format(version=1)), range(24)))
    assert all(a.ok for a in answers)
    assert sb.state.counters("szamla_agent")["sessions_created"] == 1


async def test_async_concurrent_calls_create_one_session(sb: Sandbox) -> None:
    async with szamla_agent.AsyncSession(sb.base_url("szamla_agent"), agent_key=DEMO.szamla_agent_key) as s:
        answers = await asyncio.gather(*(s.send(ACTION, INVOICE.format(version=1)) for _ in range(24)))
    assert all(a.ok for a in answers)
    assert sb.state.counters("szamla_agent")["sessions_created"] == 1


async def test_async_reset_is_awaited_and_forgets_the_stored_cookie(sb: Sandbox, tmp_path: Path) -> None:
    store = FileStore(tmp_path / "sessions.json")
    url = sb.base_url("szamla_agent")
    async with szamla_agent.AsyncSession(url, agent_key=DEMO.szamla_agent_key, store=store) as s:
        await s.send(ACTION, INVOICE.format(version=1))
        assert store.load(s.auth.key) is not None
        await s.reset()
        assert store.load(s.auth.key) is None
        await s.send(ACTION, INVOICE.format(version=1))
    assert sb.state.counters("szamla_agent")["sessions_created"] == 2


def test_a_wrong_key_is_error_3_and_is_not_retried(sb: Sandbox) -> None:
    with szamla_agent.Session(sb.base_url("szamla_agent"), agent_key="wrong") as s:
        with pytest.raises(szamla_agent.AgentError) as caught:
            s.send(ACTION, INVOICE.format(version=1))
    assert caught.value.code == "3"
    assert "wrong" not in str(caught.value)
    assert sb.state.counters("szamla_agent")["requests"] == 1


def test_down_is_provider_unavailable_with_code_1_and_one_request(sb: Sandbox) -> None:
    sb.state.set_down("szamla_agent", True)
    with _session(sb) as s, pytest.raises(ProviderUnavailable) as caught:
        s.send(ACTION, INVOICE.format(version=1))
    assert caught.value.code == "1"
    assert sb.state.counters("szamla_agent")["requests"] == 1


def test_check_false_returns_the_failed_answer(sb: Sandbox) -> None:
    with szamla_agent.Session(sb.base_url("szamla_agent"), agent_key="wrong") as s:
        answer = s.send(ACTION, INVOICE.format(version=1), check=False)
    assert not answer.ok
    assert answer.error_code == "3"


def test_unknown_action_is_a_clear_error(sb: Sandbox) -> None:
    with _session(sb) as s, pytest.raises(BillingSessionError, match="unknown action"):
        s.send("action-nope", "<x/>")
    assert sb.state.counters("szamla_agent")["requests"] == 0


def test_fill_agent_key() -> None:
    assert "<szamlaagentkulcs>k&amp;1</szamlaagentkulcs>" in szamla_agent.fill_agent_key(INVOICE, "k&1")
    kept = "<beallitasok><szamlaagentkulcs>mine</szamlaagentkulcs></beallitasok>"
    assert szamla_agent.fill_agent_key(kept, "other") == kept


def test_a_corrupt_pdf_in_an_xml_answer_is_a_provider_error() -> None:
    # base64 cut short: its padding is wrong
    body = b"<xmlszamlavalasz><sikeres>true</sikeres><pdf>JVBERi0</pdf></xmlszamlavalasz>"
    answer: Response[None] = Response(
        status_code=HTTPStatus.OK, content=body, headers={"content-type": "text/xml"}, parsed=None
    )
    with pytest.raises(ProviderError, match="malformed"):
        szamla_agent.parse_response(answer)
