"""Pipelined Gestix writes (the default) and the strict mode, against the sandbox with injected latency.

Every write carries a unique reference; the sandbox counts what it created per reference, so the client's
view (created / failed and in doubt / failed and refused) is checked against the server's, write by write.
"""

from __future__ import annotations

import asyncio
import itertools
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest

from billing_sessions import BillingSessionError, gestix
from billing_sessions.ordering import MAX_NONCE_RESENDS
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.testing import BillingSandbox
from gestix_client.api.invoices import create_invoice
from gestix_client.models import DocumentInput, DocumentLine

pytestmark = pytest.mark.anyio


def _invoice(reference: str) -> DocumentInput:
    return DocumentInput(lines=[DocumentLine(article_code="A1", quantity=1.0)], reference=reference)


@dataclass
class View:
    """What the client saw, per reference."""

    created: list[str] = field(default_factory=list)
    in_doubt: list[str] = field(default_factory=list)  # 5xx answers, errors with maybe_applied
    refused: list[str] = field(default_factory=list)  # 4xx answers, errors that prove nothing was applied

    def record(self, reference: str, status: int | None, error: BillingSessionError | None = None) -> None:
        if status == 201:
            self.created.append(reference)
        elif (status is not None and status >= 500) or (error is not None and error.maybe_applied):
            self.in_doubt.append(reference)
        else:
            self.refused.append(reference)

    def check_against(self, sb: Sandbox) -> Counter[str]:
        """The client's view matches the sandbox's: created once, refused never, in doubt at most once."""
        server = Counter(sb.state.references("gestix"))
        assert all(server[r] == 1 for r in self.created)
        assert all(server[r] == 0 for r in self.refused)
        assert all(server[r] <= 1 for r in self.in_doubt)
        assert set(server) <= set(self.created) | set(self.in_doubt)
        assert sb.state.counters("gestix")["duplicate_references"] == 0
        return server


async def _burst(
    s: gestix.AsyncSession, n: int, tasks: int, view: View, done: Callable[[], None] = lambda: None
) -> None:
    references = iter([f"ref-{uuid.uuid4().hex}" for _ in range(n)])

    async def worker() -> None:
        for reference in references:
            try:
                answer = await create_invoice.asyncio_detailed(client=s.client, body=_invoice(reference))
                view.record(reference, int(answer.status_code))
            except BillingSessionError as error:
                view.record(reference, None, error)
            done()

    await asyncio.gather(*(worker() for _ in range(tasks)))


@pytest.mark.parametrize("mode", ["pipelined", "strict"])
async def test_writes_under_latency_are_all_created_once(sb: Sandbox, mode: str) -> None:
    sb.state.set_latency(0.02, 0.005)
    view = View()
    async with gestix.AsyncSession(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, writes=mode) as s:  # type: ignore[arg-type]
        await s.status()
        await _burst(s, 200, 16, view)
        rejections = s.auth.nonce_rejections
    counters = sb.state.counters("gestix")
    assert len(view.created) == 200
    assert view.check_against(sb) == Counter(view.created)
    assert counters["writes_applied"] == 200
    assert counters["nonce_rejections"] == rejections <= 2  # at most 1% re-sent
    assert counters["requests"] == 202 + rejections  # login, status, every write once plus its re-sends
    if mode == "strict":
        assert counters["max_in_flight"] == 1  # one write on the wire at a time
    else:
        assert counters["max_in_flight"] > 4  # writes overlap while their answers travel


def test_threads_pipeline_too_and_lose_nothing(sb: Sandbox) -> None:
    sb.state.set_latency(0.01)
    view = View()
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token) as s:
        s.status()

        def write(i: int) -> None:
            reference = f"t-{i}"
            view.record(
                reference, create_invoice.sync_detailed(client=s.client, body=_invoice(reference)).status_code
            )

        with ThreadPoolExecutor(8) as pool:
            list(pool.map(write, range(80)))
    counters = sb.state.counters("gestix")
    assert len(view.created) == 80
    view.check_against(sb)
    assert counters["writes_applied"] == 80
    assert counters["max_in_flight"] > 1
    assert counters["nonce_rejections"] <= 1


async def test_faults_inside_a_pipelined_burst_of_200_keep_both_views_equal(sb: Sandbox) -> None:
    """Drops (before and after handling), 5xx after the write was applied, slow answers and one session
    expiry, all landing inside one burst of 200 pipelined writes from 16 tasks."""
    sb.state.set_latency(0.005, 0.002)
    view = View()
    plan: dict[int, Callable[[], None]] = {
        20: lambda: sb.state.inject("gestix", "drop", 2),
        50: lambda: sb.state.inject("gestix", "drop", 2, after=True),
        80: lambda: sb.state.inject("gestix", "500", 2, after=True),
        100: lambda: sb.state.inject("gestix", "slow", 3, after=True, delay=0.3),
        130: lambda: sb.state.expire_all("gestix"),
        160: lambda: sb.state.inject("gestix", "502", 1),
    }
    finished = itertools.count(1)

    def done() -> None:  # after so many writes finished, the next fault
        plan.pop(next(finished), lambda: None)()

    async with gestix.AsyncSession(sb.base_url("gestix"), api_token=DEMO.gestix_api_token) as s:
        await s.status()
        await _burst(s, 200, 16, view, done)
        reauths = s.auth.reauths
    counters = sb.state.counters("gestix")
    server = view.check_against(sb)
    assert len(view.created) + len(view.in_doubt) + len(view.refused) == 200
    assert plan == {}
    assert counters["faults_injected"] == 10
    assert sb.state.pending_faults("gestix") == 0
    assert len(view.in_doubt) == 7  # 2 + 2 drops, 2 + 1 5xx answers; slow answers arrive, late
    assert sum(server[r] for r in view.in_doubt) == 4  # applied: the 2 dropped and the 2 500s after handling
    assert view.refused == []
    assert counters["writes_applied"] == len(view.created) + 4 == 197
    assert counters["logins"] == 2  # the expiry cost one login, whatever the number of writes in flight
    assert reauths >= 1


async def test_a_transport_error_after_sending_is_never_resent_and_says_in_doubt(sb: Sandbox) -> None:
    async with gestix.AsyncSession(sb.base_url("gestix"), api_token=DEMO.gestix_api_token) as s:
        await s.status()
        sb.state.inject("gestix", "drop", after=True)
        with pytest.raises(BillingSessionError) as caught:
            await create_invoice.asyncio_detailed(client=s.client, body=_invoice("once"))
    assert caught.value.maybe_applied is True
    assert sb.state.references("gestix") == {"once": 1}
    assert sb.state.counters("gestix")["requests"] == 3  # helo, status, the one write


def test_a_nonce_the_server_rejects_is_resent_with_a_fresh_one(sb: Sandbox) -> None:
    frozen = 1_700_000_000.0  # the nonce floor stays put: each re-send gets exactly last + 1
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, clock=lambda: frozen) as s:
        s.status()
        assert sb.state.accept_nonce(
            DEMO.gestix_account, int(frozen * 1000) + 2
        )  # a later nonce got there first
        answer = create_invoice.sync_detailed(client=s.client, body=_invoice("ahead"))
        rejections = s.auth.nonce_rejections
    assert answer.status_code == 201
    assert sb.state.references("gestix") == {"ahead": 1}
    assert rejections == sb.state.counters("gestix")["nonce_rejections"] == 3
    assert sb.state.last_nonce() == int(frozen * 1000) + 3


def test_a_write_whose_nonce_keeps_being_rejected_gets_its_400_after_a_few_resends(sb: Sandbox) -> None:
    frozen = 1_700_000_000.0
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, clock=lambda: frozen) as s:
        s.status()
        assert sb.state.accept_nonce(DEMO.gestix_account, int(frozen * 1000) + 1000)  # far ahead
        answer = create_invoice.sync_detailed(client=s.client, body=_invoice("never"))
    assert answer.status_code == 400
    assert sb.state.references("gestix") == {}
    assert sb.state.counters("gestix")["nonce_rejections"] == 1 + MAX_NONCE_RESENDS


def test_the_write_mode_is_checked() -> None:
    with pytest.raises(BillingSessionError, match="writes must be one of"):
        gestix.Session("http://127.0.0.1:9", api_token="t", writes="eager")  # type: ignore[arg-type]


def test_latency_control_and_fifo_arrivals(sb: Sandbox) -> None:
    BillingSandbox(sb).set_latency(0.02, 0.01)
    assert (sb.state.config.latency, sb.state.config.latency_jitter) == (0.02, 0.01)
    legs = [sb.state.legs("gestix", 100.0) for _ in range(200)]
    arrivals = [leg[0] for leg in legs if leg is not None]
    assert len(arrivals) == 200
    assert all(b > a for a, b in itertools.pairwise(arrivals))  # never overtaken on the way in
    assert all(0.005 <= leg[1] <= 0.015 for leg in legs if leg is not None)
    with pytest.raises(ValueError, match="jitter"):
        sb.state.set_latency(0.01, 0.02)
    sb.state.reset()
    assert sb.state.legs("gestix", 100.0) is None


def test_a_callers_own_trace_still_sees_every_attempt_once(sb: Sandbox) -> None:
    events: list[str] = []
    frozen = 1_700_000_000.0
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, clock=lambda: frozen) as s:
        s.status()
        assert sb.state.accept_nonce(DEMO.gestix_account, int(frozen * 1000))  # the first attempt is rejected
        answer = s.client.get_httpx_client().post(
            "/invoices",
            json={"lines": [{"article_code": "A", "quantity": 1.0}], "reference": "traced"},
            extensions={"trace": lambda name, info: events.append(name)},
        )
    assert answer.status_code == 201
    assert events.count("http11.send_request_body.complete") == 2  # two attempts, each traced once
