"""Typed Számla Agent operations against the sandbox, over real sockets: results, credentials, failures."""

from __future__ import annotations

import asyncio
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from billing_sessions import LoginError, ProviderError
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.sandbox.runner import ServerThread
from billing_sessions.stores import FileStore
from billing_sessions.szamla_agent import (
    AgentError,
    AgentLoginError,
    AgentXmlError,
    AsyncSession,
    Session,
    cookie_value,
    to_xml,
)
from billing_sessions_generated.szamla_agent import models as m
from tests.agent_models import invoice, item, payment, receipt, reversal

pytestmark = pytest.mark.anyio


def session(sb: Sandbox, **kwargs: object) -> Session:
    return Session(sb.base_url("szamla_agent"), agent_key=DEMO.szamla_agent_key, **kwargs)  # type: ignore[arg-type]


def counters(sb: Sandbox) -> dict[str, int]:
    return sb.state.counters("szamla_agent")


def test_an_invoice_is_created_paid_queried_and_reversed(sb: Sandbox) -> None:
    with session(sb) as s:
        model = invoice()
        gross = sum(t.brutto_ertek for t in model.tetelek)
        created = s.create_invoice(model)
        number = created.invoice_number
        assert number is not None and number.startswith("SBX-")
        assert created.answer.sikeres is True and created.answer.szamlaszam == number
        assert created.net_total == 1750.5 and created.gross_total == pytest.approx(gross, abs=0.01)
        assert created.outstanding == created.gross_total
        assert created.account_url and created.account_url.startswith("https://www.szamlazz.hu/")
        assert created.pdf is not None and created.pdf.startswith(b"%PDF")
        paid = s.register_payment(payment(number, 1000.0))
        assert paid.outstanding == pytest.approx(gross - 1000.0, abs=0.01)
        data = s.invoice_data(m.Xmlszamlaxml(szamlaszam=number))
        assert isinstance(data.answer, m.Szamla)
        assert [t.nev for t in data.answer.tetelek] == ["Kávé", "Tea", "Süti"]
        assert data.answer.vevo.nev == "Vevő Kft." and data.answer.alap.szamlaszam == number
        assert [k.osszeg for k in data.answer.kifizetesek] == [1000.0]  # type: ignore[union-attr]
        pdf = s.invoice_pdf(m.Xmlszamlapdf(szamlaszam=number))
        assert pdf.pdf is not None and pdf.pdf.startswith(b"%PDF")
        reversed_ = s.reverse_invoice(reversal(number))
        assert reversed_.gross_total == pytest.approx(-gross, abs=0.01) and reversed_.invoice_number != number
        with pytest.raises(AgentError) as again:
            s.reverse_invoice(reversal(number))
        assert again.value.code == "57" and not isinstance(again.value, LoginError)
        assert s.invoice_data(m.Xmlszamlaxml(szamlaszam=number)).answer.alap.sztornozott is True
    c = counters(sb)
    assert (c["writes_applied"], c["sessions_created"]) == (3, 1)  # invoice, payment, reversal


def test_invoice_numbers_are_issued_in_sequence_and_a_proforma_can_be_deleted(sb: Sandbox) -> None:
    with session(sb) as s:
        numbers = [s.create_invoice(invoice(pdf=False)).invoice_number for _ in range(3)]
        proforma = s.create_invoice(invoice(proforma=True)).invoice_number
        assert proforma is not None
        request = m.Xmlszamladbkdel(
            beallitasok=m.XmlszamladbkdelBeallitasok(), fejlec=m.XmlszamladbkdelFejlec(szamlaszam=proforma)
        )
        assert s.delete_proforma(request).answer.sikeres is True
        with pytest.raises(AgentError) as gone:
            s.delete_proforma(request)
        assert gone.value.code == "7"
    assert [int(str(n).rsplit("-", 1)[1]) for n in numbers] == [2, 3, 4]


async def test_async_receipts_and_taxpayer(sb: Sandbox) -> None:
    url = sb.base_url("szamla_agent")
    async with AsyncSession(url, agent_key=DEMO.szamla_agent_key) as s:
        created = await s.create_receipt(receipt())
        assert created.pdf is not None and created.pdf.startswith(b"%PDF")
        assert created.answer.nyugta is not None
        number = created.answer.nyugta.alap.nyugtaszam  # type: ignore[union-attr]
        fejlec = m.XmlnyugtagetFejlec(nyugtaszam=number)
        got = await s.get_receipt(m.Xmlnyugtaget(m.XmlnyugtagetBeallitasok(pdf_letoltes=False), fejlec))
        assert got.answer.nyugta.osszegek.totalossz.brutto == 1270.0  # type: ignore[union-attr]
        sent = await s.send_receipt(
            m.Xmlnyugtasend(m.XmlnyugtasendBeallitasok(), m.XmlnyugtasendFejlec(number))
        )
        assert sent.answer.sikeres is True
        storno = m.Xmlnyugtast(m.XmlnyugtastBeallitasok(pdf_letoltes=False), m.XmlnyugtastFejlec(number))
        reversed_ = await s.reverse_receipt(storno)
        assert reversed_.answer.nyugta.alap.tipus == "SN"  # type: ignore[union-attr]
        taxpayer = await s.query_taxpayer(m.Xmltaxpayer(m.XmltaxpayerBeallitasok(), torzsszam="12345678"))
        assert taxpayer.answer.taxpayer_validity is True
        assert taxpayer.answer.taxpayer_data.tax_number_detail.taxpayer_id == "12345678"  # type: ignore[union-attr]
    assert counters(sb)["writes_applied"] == 2


def test_user_name_and_password_go_into_the_xml(sb: Sandbox) -> None:
    with Session(
        sb.base_url("szamla_agent"), username=DEMO.szamla_username, password=DEMO.szamla_password
    ) as s:
        assert s.create_invoice(invoice(pdf=False)).invoice_number
        assert s.invoice_pdf(m.Xmlszamlapdf(szamlaszam="E-TST-2024-1")).pdf  # credentials at the root here
        raw = to_xml(invoice(pdf=False)).decode()
        assert s.send("action-xmlagentxmlfile", raw).ok  # the raw path fills them in too
    assert counters(sb)["login_failures"] == 0


def test_rejected_credentials_are_a_login_error_sent_once(sb: Sandbox) -> None:
    with Session(sb.base_url("szamla_agent"), username="demo", password="not-the-password") as s:
        with pytest.raises(AgentLoginError) as caught:
            s.create_invoice(invoice())
    assert isinstance(caught.value, LoginError) and isinstance(caught.value, ProviderError)
    assert caught.value.code == "3"
    assert "not-the-password" not in str(caught.value) + repr(caught.value.response)
    assert counters(sb)["requests"] == 1


def test_a_model_carrying_credentials_is_refused_before_sending(sb: Sandbox) -> None:
    model = invoice()
    model.beallitasok.additional_properties["jelszo"] = "hunter2"
    with session(sb) as s, pytest.raises(AgentXmlError, match="filled in by the session"):
        s.create_invoice(model)
    assert counters(sb)["requests"] == 0


def test_the_sandbox_checks_requests_against_the_spec(sb: Sandbox) -> None:
    bad_language = to_xml(invoice()).replace(
        b"<szamlaNyelve>hu</szamlaNyelve>", b"<szamlaNyelve>xx</szamlaNyelve>"
    )
    no_buyer_name = to_xml(invoice()).replace(b"<nev>Vev\xc5\x91 Kft.</nev>", b"")
    with session(sb) as s:
        with pytest.raises(AgentError) as invalid:
            s.send("action-xmlagentxmlfile", bad_language.decode())
        assert invalid.value.code == "57" and "szamlaNyelve" in str(invalid.value)
        with pytest.raises(AgentError) as missing:
            s.send("action-xmlagentxmlfile", no_buyer_name.decode())
        assert missing.value.code == "7" and "nev" in str(missing.value)
    assert counters(sb)["writes_applied"] == 0


def test_a_partitioned_cookie_is_kept() -> None:
    header = "JSESSIONID=AbC123; Path=/szamla; Secure; HttpOnly; Partitioned; SameSite=None; Foo"
    assert cookie_value(header, "JSESSIONID") == "AbC123"
    assert cookie_value('JSESSIONID="q"; Partitioned', "JSESSIONID") == "q"
    assert cookie_value("OTHER=1; Partitioned", "JSESSIONID") is None
    assert cookie_value("Partitioned", "JSESSIONID") is None


def test_the_sandbox_partitioned_cookie_makes_one_session(sb: Sandbox) -> None:
    with session(sb) as s:
        for _ in range(3):
            s.create_invoice(invoice(pdf=False))
    assert counters(sb)["sessions_created"] == 1


async def _not_an_answer(request: Request) -> Response:
    if request.url.path.startswith("/redirect/"):
        return Response(status_code=302, headers={"location": "https://www.szamlazz.hu/login"})
    return Response("<html><body>Bejelentkezés</body></html>".encode(), media_type="text/html")


@pytest.fixture(scope="module")
def odd_server() -> object:
    app = Starlette(routes=[Route("/{prefix}/szamla/", _not_an_answer, methods=["POST"])])
    with ServerThread(app) as server:
        yield server.url


@pytest.mark.parametrize("prefix", ["redirect", "html"])
def test_a_redirect_or_a_page_that_is_not_an_agent_answer_is_a_failure(odd_server: str, prefix: str) -> None:
    with Session(f"{odd_server}/{prefix}", agent_key="k") as s:
        with pytest.raises(AgentError) as caught:
            s.send("action-xmlagentxmlfile", to_xml(invoice()).decode())
        answer = s.send("action-xmlagentxmlfile", to_xml(invoice()).decode(), check=False)
        with pytest.raises(ProviderError):
            s.create_invoice(invoice())
    assert not answer.ok
    assert caught.value.status == (302 if prefix == "redirect" else 200)


def test_after_an_expiry_concurrent_callers_adopt_the_first_stored_cookie(
    sb: Sandbox, tmp_path: Path
) -> None:
    store = FileStore(tmp_path / "sessions.json")
    sessions = [session(sb, store=store) for _ in range(6)]
    try:
        for s in sessions:
            s.create_invoice(invoice(pdf=False))
        assert counters(sb)["sessions_created"] == 1
        sb.state.advance(91 * 60)  # the cookie every session holds is now dead at the server
        with ThreadPoolExecutor(6) as pool:
            list(pool.map(lambda s: s.create_invoice(invoice(pdf=False)), sessions))
        made = counters(sb)["sessions_created"]
        assert made >= 2  # the server issued new cookies: one per caller that met the expiry
        record = store.load(sessions[0].auth.key)
        assert record is not None
        held = {s.auth.token.value for s in sessions if s.auth.token is not None}
        assert held == {record["value"]}  # one cookie kept by all, the first one stored
        for s in sessions:
            s.create_invoice(invoice(pdf=False))
        assert counters(sb)["sessions_created"] == made  # and it is alive: no new session
    finally:
        for s in sessions:
            s.close()


async def test_async_callers_adopt_the_first_stored_cookie_too(sb: Sandbox, tmp_path: Path) -> None:
    store = FileStore(tmp_path / "sessions.json")
    url = sb.base_url("szamla_agent")
    sessions = [AsyncSession(url, agent_key=DEMO.szamla_agent_key, store=store) for _ in range(4)]
    try:
        for s in sessions:
            await s.create_invoice(invoice(pdf=False))
        sb.state.advance(91 * 60)
        await asyncio.gather(*(s.create_invoice(invoice(pdf=False)) for s in sessions))
        record = store.load(sessions[0].auth.key)
        assert record is not None and counters(sb)["sessions_created"] >= 2
        assert {s.auth.token.value for s in sessions if s.auth.token is not None} == {record["value"]}
    finally:
        for s in sessions:
            await s.aclose()


def test_threads_of_one_session_share_the_replacement(sb: Sandbox) -> None:
    with session(sb) as s, ThreadPoolExecutor(8) as pool:
        s.create_invoice(invoice(pdf=False))
        sb.state.advance(91 * 60)
        list(pool.map(lambda _: s.create_invoice(invoice(pdf=False)), range(8)))
        made = counters(sb)["sessions_created"]
        list(pool.map(lambda _: s.create_invoice(invoice(pdf=False)), range(8)))
    assert counters(sb)["sessions_created"] == made


def test_results_and_errors_carry_no_secret(sb: Sandbox) -> None:
    with session(sb) as s:
        result = s.create_invoice(invoice(item("Titok", 100.0)))
    assert DEMO.szamla_agent_key not in repr(result) + repr(result.response)
    with Session(sb.base_url("szamla_agent"), agent_key="wrong-key-123") as s:
        with pytest.raises(AgentLoginError) as caught:
            s.create_invoice(invoice())
    assert "wrong-key-123" not in str(caught.value) + repr(vars(caught.value))


def test_the_guide_typed_invoice_runs_as_written(capsys: pytest.CaptureFixture[str]) -> None:
    page = Path(__file__).resolve().parent.parent / "docs" / "szamla-invoices.md"
    blocks = [
        b
        for b in re.findall(r"```python\n(.*?)```", page.read_text("utf-8"), re.DOTALL)
        if "Xmlszamlast(" in b
    ]
    assert len(blocks) == 1
    exec(compile(blocks[0], "<docs typed invoice>", "exec"), {"__name__": "guide"})  # noqa: S102
    created, reversal_number = capsys.readouterr().out.split("\n")[:2]
    number, gross, outstanding, pdf_size = created.split()
    assert (gross, outstanding) == ("2540.0", "2540.0") and int(pdf_size) > 0
    assert reversal_number.startswith("SBX-") and reversal_number != number
