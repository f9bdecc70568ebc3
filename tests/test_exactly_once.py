"""Exactly-once writes against the sandbox: a write whose answer was lost is settled by its own id.

The lookups' pauses go through the retry policy's sleep, which here moves the sandbox clock instead of
waiting (the sandbox finds a new document by its id only ``szamla_query_delay`` seconds later, on its clock).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from collections.abc import Awaitable, Callable
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from billing_sessions import BillingSessionError, ProviderError, gestix, szamla_agent
from billing_sessions.redis_store import RedisStore
from billing_sessions.retry import RetryPolicy
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import FileStore, MemoryStore, SessionStore
from billing_sessions.telemetry import SessionEvent
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine
from billing_sessions_generated.szamla_agent import models as m
from tests import agent_models

SZAMLA = "szamla_agent"


def fake_time(sb: Sandbox) -> RetryPolicy:
    """A policy whose pauses move the sandbox clock (no real waiting); no retries."""

    async def asleep(seconds: float) -> None:
        sb.state.advance(seconds)

    return RetryPolicy(max_retries=0, sleep=sb.state.advance, async_sleep=asleep)


def agent(sb: Sandbox, **options: Any) -> szamla_agent.Session:
    options.setdefault("retry", fake_time(sb))
    return szamla_agent.Session(sb.base_url(SZAMLA), agent_key=DEMO.szamla_agent_key, **options)


def with_external_id(invoice: m.Xmlszamla, ident: str) -> m.Xmlszamla:
    invoice.beallitasok.szamla_kulso_azon = ident
    return invoice


def resolutions(events: list[SessionEvent]) -> list[str | None]:
    return [e.reason for e in events if e.kind == "resolve"]


# -- Számla Agent ------------------------------------------------------------------------------------------


def test_a_lost_answer_is_found_by_the_external_id(sb: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    spans = InMemorySpanExporter()
    tracing = TracerProvider()
    tracing.add_span_processor(SimpleSpanProcessor(spans))
    events: list[SessionEvent] = []
    invoice = with_external_id(agent_models.invoice(), "order-1001")
    with agent(sb, on_event=events.append, tracer_provider=tracing) as s:
        sb.state.inject(SZAMLA, "drop", after=True)  # the invoice is made; its answer never comes
        with caplog.at_level("INFO", logger="billing_sessions"):
            result = s.create_invoice(invoice)
    assert result.resolved and result.external_id == "order-1001"
    assert result.invoice_number is not None and result.gross_total == pytest.approx(2090.52)
    assert result.pdf is not None and result.pdf.startswith(b"%PDF")  # asked for: read back with it
    assert sb.state.references(SZAMLA) == {"order-1001": 1}
    assert sb.state.counters(SZAMLA)["writes_applied"] == 1
    assert resolutions(events) == ["found"]
    assert any("found by its external id" in r.getMessage() for r in caplog.records)
    (span,) = [x for x in spans.get_finished_spans() if x.name == "szamla_agent resolve"]
    assert span.attributes is not None
    assert span.attributes["billing_sessions.resolved"] is True
    assert span.attributes["billing_sessions.reason"] == "found"


def test_proven_absent_is_sent_again_once(sb: Sandbox) -> None:
    events: list[SessionEvent] = []
    with agent(sb, on_event=events.append) as s:
        sb.state.inject(SZAMLA, "drop")  # sent, dropped before it was applied
        result = s.create_invoice(agent_models.invoice())
    assert result.resolved and result.external_id is not None
    assert sb.state.references(SZAMLA) == {result.external_id: 1}
    assert resolutions(events) == ["resent"]


def test_a_lookup_that_settles_nothing_leaves_maybe_applied(sb: Sandbox) -> None:
    with agent(sb) as s:
        sb.state.inject(SZAMLA, "drop", after=True)
        sb.state.inject(SZAMLA, "500")  # the lookup fails too: nothing is known
        with pytest.raises(BillingSessionError) as caught:
            s.create_invoice(agent_models.invoice())
    assert caught.value.maybe_applied
    assert sb.state.counters(SZAMLA)["writes_applied"] == 1  # never sent again on a guess


def test_without_an_id_nothing_is_looked_up(sb: Sandbox) -> None:
    with agent(sb, external_ids="given") as s:
        sb.state.inject(SZAMLA, "drop", after=True)
        with pytest.raises(BillingSessionError) as caught:
            s.create_invoice(agent_models.invoice())
    assert caught.value.maybe_applied
    assert sb.state.counters(SZAMLA)["requests"] == 1
    assert sb.state.references(SZAMLA) == {}


def test_auto_ids_leave_the_callers_model_alone(sb: Sandbox) -> None:
    template = agent_models.invoice()
    with agent(sb) as s:
        first, second = s.create_invoice(template), s.create_invoice(template)
    assert not isinstance(template.beallitasok.szamla_kulso_azon, str)
    assert first.external_id and second.external_id and first.external_id != second.external_id
    assert not first.resolved
    assert sb.state.references(SZAMLA) == {first.external_id: 1, second.external_id: 1}


def test_a_bad_option_is_a_clear_error(sb: Sandbox) -> None:
    with pytest.raises(ValueError, match="external_ids must be one of auto, given"):
        agent(sb, external_ids="yes")


@pytest.mark.parametrize("kind", ["file", "redis"])
def test_two_workers_holding_one_lost_write_send_it_once(
    sb: Sandbox, tmp_path: Path, kind: str, request: pytest.FixtureRequest
) -> None:
    """Worker A's send was lost before it was applied; while A settles it (between two lookups), worker B,
    sharing the store, sends the same invoice and loses its answer too. Without the store's lock, B's own
    lookups would also find nothing and B would send it again: two invoices. With it: one."""
    invoice = with_external_id(agent_models.invoice(), "order-2002")
    events: list[SessionEvent] = []
    results: list[szamla_agent.AgentResult[Any]] = []
    second: list[threading.Thread] = []

    def store() -> SessionStore:  # one per worker, as two processes would have
        if kind == "file":
            return FileStore(tmp_path / "s.json")
        url, prefix = request.getfixturevalue("redis_url"), request.getfixturevalue("redis_prefix")
        return RedisStore(url, prefix=prefix)

    def worker_b() -> None:
        with agent(sb, store=store(), on_event=events.append) as b:
            results.append(b.create_invoice(invoice))

    def a_pauses(seconds: float) -> None:
        sb.state.advance(seconds)
        if not second:  # A holds the lock for order-2002 now: B's lost write arrives meanwhile
            seen = sb.state.counters(SZAMLA)["requests"]
            sb.state.inject(SZAMLA, "drop")
            second.append(threading.Thread(target=worker_b))
            second[0].start()
            while sb.state.counters(SZAMLA)["requests"] == seen:
                second[0].join(0.01)
            second[0].join(0.3)  # B is waiting for the lock A holds (it cannot finish before A)
            assert second[0].is_alive()

    policy = RetryPolicy(max_retries=0, sleep=a_pauses)
    with agent(sb, store=store(), on_event=events.append, retry=policy) as a:
        sb.state.inject(SZAMLA, "drop")
        results.append(a.create_invoice(invoice))
    second[0].join()
    assert sb.state.references(SZAMLA) == {"order-2002": 1}
    assert len(results) == 2 and len({r.invoice_number for r in results}) == 1
    assert all(r.resolved for r in results)
    assert sorted(resolutions(events), key=str) == ["found", "resent"]


def test_receipt_found_by_call_id_async(sb: Sandbox) -> None:
    receipt = agent_models.receipt()
    receipt.fejlec.hivas_azonosito = "call-7"

    async def run() -> szamla_agent.AgentResult[m.Xmlnyugtavalasz]:
        async with szamla_agent.AsyncSession(
            sb.base_url(SZAMLA), agent_key=DEMO.szamla_agent_key, retry=fake_time(sb)
        ) as s:
            sb.state.inject(SZAMLA, "500", after=True)
            return await s.create_receipt(receipt)

    result = asyncio.run(run())
    assert result.resolved and result.external_id == "call-7"
    nyugta = result.answer.nyugta
    assert isinstance(nyugta, m.XmlnyugtavalaszNyugta) and nyugta.alap.hivas_azonosito == "call-7"
    assert sb.state.references(SZAMLA) == {"call-7": 1}


# -- Gestix ------------------------------------------------------------------------------------------------


def document(number: int | None, reference: str) -> DocumentInput:
    body = DocumentInput(lines=[DocumentLine("A1", 1.0)], reference=reference)
    if number is not None:
        body.document_series, body.document_number = "WEB", number
    return body


def test_gestix_duplicate_after_a_lost_answer_is_the_first_writes_success(sb: Sandbox) -> None:
    events: list[SessionEvent] = []
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, on_event=events.append) as s:
        s.status()
        sb.state.inject("gestix", "drop", after=True)
        created = s.create_document(create_invoice, document(7, "sale-7"))
    assert created.resolved
    assert (created.document.document_series, created.document.document_number) == ("WEB", 7)
    assert sb.state.references("gestix") == {"sale-7": 1}
    assert resolutions(events) == ["resent"]


def test_gestix_a_used_number_on_the_first_send_is_an_error(sb: Sandbox) -> None:
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token) as s:
        s.create_document(create_invoice, document(8, "sale-8"))
        with pytest.raises(ProviderError) as caught:
            s.create_document(create_invoice, document(8, "sale-8b"))
        with pytest.raises(TypeError, match="create_document takes one of"):
            s.create_document(gestix, document(9, "x"))
    assert caught.value.status == 409 and caught.value.code == "DUPLICATE_ENTRY"
    assert not caught.value.maybe_applied


# -- the property: every fault, every write, sync and async ------------------------------------------------

FAULTS = {  # name -> (kind, after): what the sandbox does to the write
    "drop before apply": ("drop", False),
    "drop after apply": ("drop", True),
    "5xx after apply": ("500", True),
    "timeout": ("slow", True),
}
WRITES = (
    "invoice",
    "reversal",
    "receipt",
    "receipt reversal",
    "gestix document",
    "gestix generated function",
)
TIMEOUT = 0.5  # the sessions' read timeout; a "timeout" fault answers later


def _szamla_write(
    kind: str, s: szamla_agent.Session, ident: str | None, setup: szamla_agent.Session
) -> tuple[Any, Callable[[], Any]]:
    """(the model, a zero-argument call making it): reversals reverse a document ``setup`` made first."""
    if kind == "invoice":
        model: Any = agent_models.invoice()
        if ident:
            model.beallitasok.szamla_kulso_azon = ident
        return model, lambda: s.create_invoice(model)
    if kind == "reversal":
        number = setup.create_invoice(agent_models.invoice()).invoice_number
        assert number is not None
        model = agent_models.reversal(number)
        if ident:
            model.beallitasok.szamla_kulso_azon = ident
        return model, lambda: s.reverse_invoice(model)
    if kind == "receipt":
        model = agent_models.receipt(pdf=False)
        if ident:
            model.fejlec.hivas_azonosito = ident
        return model, lambda: s.create_receipt(model)
    made = setup.create_receipt(agent_models.receipt(pdf=False)).answer.nyugta
    assert isinstance(made, m.XmlnyugtavalaszNyugta)
    model = m.Xmlnyugtast(
        beallitasok=m.XmlnyugtastBeallitasok(pdf_letoltes=False),
        fejlec=m.XmlnyugtastFejlec(nyugtaszam=made.alap.nyugtaszam),
    )
    if ident:
        model.fejlec.hivas_azonosito = ident
    return model, lambda: s.reverse_receipt(model)


async def _aszamla_write(
    kind: str,
    s: szamla_agent.AsyncSession,
    ident: str | None,
    arm: Callable[[], None],
    setup: szamla_agent.Session,
) -> Any:
    """The asyncio twin of ``_szamla_write``, which also arms the fault and makes the write."""
    if kind == "invoice":
        model: Any = agent_models.invoice()
        if ident:
            model.beallitasok.szamla_kulso_azon = ident
        return await _faulted(arm, lambda: s.create_invoice(model))
    if kind == "reversal":
        number = setup.create_invoice(agent_models.invoice()).invoice_number
        assert number is not None
        model = agent_models.reversal(number)
        if ident:
            model.beallitasok.szamla_kulso_azon = ident
        return await _faulted(arm, lambda: s.reverse_invoice(model))
    if kind == "receipt":
        model = agent_models.receipt(pdf=False)
        if ident:
            model.fejlec.hivas_azonosito = ident
        return await _faulted(arm, lambda: s.create_receipt(model))
    made = setup.create_receipt(agent_models.receipt(pdf=False)).answer.nyugta
    assert isinstance(made, m.XmlnyugtavalaszNyugta)
    model = m.Xmlnyugtast(
        beallitasok=m.XmlnyugtastBeallitasok(pdf_letoltes=False),
        fejlec=m.XmlnyugtastFejlec(nyugtaszam=made.alap.nyugtaszam),
    )
    if ident:
        model.fejlec.hivas_azonosito = ident
    return await _faulted(arm, lambda: s.reverse_receipt(model))


async def _faulted(arm: Callable[[], None], call: Callable[[], Any]) -> Any:
    arm()
    return await call()


def _answered(response: Any) -> Any:
    """A generated function's answer as a call's outcome: a 5xx is in doubt (as docs/ says)."""
    if response.status_code >= 500:
        error = BillingSessionError(f"HTTP {response.status_code}")
        error.maybe_applied = True
        raise error
    assert response.status_code == 201, response
    return response.parsed


async def _created(answer: Awaitable[Any]) -> Any:
    return _answered(await answer)


def _outcome(call: Callable[[], Any]) -> tuple[Any, BillingSessionError | None]:
    try:
        return call(), None
    except BillingSessionError as exc:
        return None, exc


async def _aoutcome(call: Callable[[], Any]) -> tuple[Any, BillingSessionError | None]:
    try:
        return await call(), None
    except BillingSessionError as exc:
        return None, exc


@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize("write", WRITES)
@settings(
    max_examples=3,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(asynchronous=st.booleans(), ids=st.sampled_from(("auto", "caller", "none")))
def test_every_document_exists_once_whatever_the_network_did(
    sb: Sandbox, write: str, fault: str, asynchronous: bool, ids: str
) -> None:
    sb.state.reset()
    kind, after = FAULTS[fault]
    provider = "gestix" if write.startswith("gestix") else SZAMLA

    def arm() -> None:
        sb.state.inject(provider, kind, after=after, delay=2 * TIMEOUT)

    ident = "sale-1" if ids == "caller" else None
    # The session under test has a short read timeout (the "timeout" fault); what comes before the faulted
    # call (the session, documents to reverse) is made by a patient one sharing its store.
    store = MemoryStore()
    options: dict[str, Any] = {"retry": fake_time(sb), "timeout": TIMEOUT, "store": store}
    if provider == SZAMLA:
        options |= {"agent_key": DEMO.szamla_agent_key, "external_ids": "given" if ids == "none" else "auto"}
        with agent(sb, store=store) as setup:
            if asynchronous:

                async def run() -> tuple[Any, BillingSessionError | None]:
                    async with szamla_agent.AsyncSession(sb.base_url(SZAMLA), **options) as s:
                        return await _aoutcome(lambda: _aszamla_write(write, s, ident, arm, setup))

                result, error = asyncio.run(run())
            else:
                with szamla_agent.Session(sb.base_url(SZAMLA), **options) as s:
                    _, call = _szamla_write(write, s, ident, setup)
                    arm()
                    result, error = _outcome(call)
        made = sb.state.references(SZAMLA)
        resolvable = ids != "none"
        if result is not None:
            assert result.external_id is None or made[result.external_id] == 1
    else:
        number = None if ids == "none" else 41
        body = document(number, "sale-1")
        options |= {"api_token": DEMO.gestix_api_token}
        generated = write == "gestix generated function"
        with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=store) as patient:
            patient.status()  # logged in: the token is in the store
        if asynchronous:

            async def arun() -> tuple[Any, BillingSessionError | None]:
                async with gestix.AsyncSession(sb.base_url("gestix"), **options) as s:
                    arm()
                    if generated:
                        return await _aoutcome(
                            lambda: _created(create_invoice.asyncio_detailed(client=s.client, body=body))
                        )
                    return await _aoutcome(lambda: s.create_document(create_invoice, body))

            result, error = asyncio.run(arun())
        else:
            with gestix.Session(sb.base_url("gestix"), **options) as g:
                arm()
                if generated:
                    result, error = _outcome(
                        lambda: _answered(create_invoice.sync_detailed(client=g.client, body=body))
                    )
                else:
                    result, error = _outcome(lambda: g.create_document(create_invoice, body))
        made = sb.state.references("gestix")
        resolvable = number is not None
        if result is not None:
            assert made == {"sale-1": 1}
    # Every document made at most once; a call that could settle it returned it; any other said so.
    assert all(n == 1 for n in made.values()), made
    if resolvable:
        assert error is None, error
    else:
        assert error is None or error.maybe_applied, error
    if error is not None:
        assert not resolvable and error.maybe_applied


def test_the_store_lock_is_per_id(sb: Sandbox) -> None:
    """Settling one write never waits for another's: the lock is keyed by the document's id."""
    store = MemoryStore()
    with agent(sb, store=store) as s:
        with store.lock(f"{s.auth.key}:other-id", "resolve"):
            sb.state.inject(SZAMLA, "drop", after=True)
            assert s.create_invoice(agent_models.invoice()).resolved


# -- the sandbox's side -------------------------------------------------------------------------------------


def test_the_sandbox_finds_a_new_invoice_by_its_id_only_after_the_assumed_delay(sb: Sandbox) -> None:
    from billing_sessions.testing import BillingSandbox

    fixture = BillingSandbox(sb)
    with agent(sb, external_ids="given") as s:
        s.create_invoice(with_external_id(agent_models.invoice(), "order-3003"))
        query = m.Xmlszamlaxml(szamla_kulso_azon="order-3003")
        with pytest.raises(szamla_agent.AgentError) as caught:
            s.invoice_data(query)
        assert caught.value.code == "7"
        fixture.advance_clock(sb.state.config.szamla_query_delay)
        assert s.invoice_data(query).invoice_number is not None
    assert fixture.references(SZAMLA) == {"order-3003": 1}


def test_the_sandbox_keeps_gestix_numbers_unique_and_reads_documents_back(sb: Sandbox) -> None:
    from billing_sessions_generated.gestix.api.invoices import get_invoice
    from billing_sessions_generated.gestix.models import ApiError, DocumentCreated

    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token) as s:
        first = create_invoice.sync_detailed(client=s.client, body=document(5, "a"))
        again = create_invoice.sync_detailed(client=s.client, body=document(5, "b"))
        read = get_invoice.sync_detailed(client=s.client, document_series="WEB", document_number=5)
        missing = get_invoice.sync_detailed(client=s.client, document_series="WEB", document_number=6)
        numbered = create_invoice.sync_detailed(client=s.client, body=document(None, "c"))
    assert first.status_code == 201 and isinstance(first.parsed, DocumentCreated)
    assert again.status_code == 409 and isinstance(again.parsed, ApiError)
    assert again.parsed.code == "DUPLICATE_ENTRY"
    assert isinstance(read.parsed, DocumentCreated) and read.parsed.id == first.parsed.id
    assert missing.status_code == 404
    assert numbered.status_code == 201
    assert sb.state.references("gestix") == {"a": 1, "c": 1}


# -- across processes ----------------------------------------------------------------------------------------


def worker_a(base_url: str, store_path: str, held: Event, go: Event) -> str | None:
    """Another process holding the lost write ``order-4004``: it holds the settling lock, and (when told)
    makes the invoice, as a worker whose lookups proved it absent would, then lets go."""
    with szamla_agent.Session(base_url, agent_key=DEMO.szamla_agent_key, store=FileStore(store_path)) as s:
        with s.store.lock(f"{s.auth.key}:order-4004", "resolve"):
            held.set()
            assert go.wait(60)
            return s.create_invoice(with_external_id(agent_models.invoice(), "order-4004")).invoice_number


def _in_child(results: Queue[Any], *args: Any) -> None:
    try:
        results.put(worker_a(*args))
    except BaseException as exc:
        results.put(exc)


def test_a_worker_in_another_process_settles_first(sb: Sandbox, tmp_path: Path) -> None:
    """B's send of order-4004 is lost before it is applied while process A holds the settling lock for it. B
    waits; A makes the invoice and lets go; B then finds it instead of sending it again. (Without the lock,
    B's lookups would all find nothing before A made it, and B would make a second invoice.)"""
    ctx = multiprocessing.get_context("spawn")
    held, go, results = ctx.Event(), ctx.Event(), ctx.Queue()
    store_path = str(tmp_path / "s.json")
    child = ctx.Process(target=_in_child, args=(results, sb.base_url(SZAMLA), store_path, held, go))
    child.start()
    try:
        assert held.wait(60)
        outcome: list[Any] = []

        def worker_b() -> None:
            with agent(sb, store=FileStore(store_path)) as s:
                outcome.append(s.create_invoice(with_external_id(agent_models.invoice(), "order-4004")))

        seen = sb.state.counters(SZAMLA)["requests"]
        sb.state.inject(SZAMLA, "drop")
        b = threading.Thread(target=worker_b)
        b.start()
        while sb.state.counters(SZAMLA)["requests"] == seen:
            b.join(0.01)
        b.join(0.3)  # B's send was lost; B now waits for A's lock
        assert b.is_alive()
        go.set()
        made_by_a = results.get(timeout=60)
        b.join()
    finally:
        child.join(10)
        if child.is_alive():
            child.kill()
    assert isinstance(made_by_a, str)
    assert sb.state.references(SZAMLA) == {"order-4004": 1}
    assert outcome[0].resolved and outcome[0].invoice_number == made_by_a
