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
from pathlib import Path

import pytest

from billing_sessions import BillingSessionError, gestix
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import FileStore
from billing_sessions.testing import BillingSandbox
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine

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
    # logins (one per write session), status, every write once plus its re-sends
    assert counters["requests"] == counters["logins"] + 201 + rejections
    assert counters["logins"] == (1 if mode == "strict" else 16)  # 16 tasks, 16 write sessions
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
    # 16 write sessions, then one login after the expiry, whatever the number of writes in flight: a refused
    # write session narrows the writes to the shared one (an expiry and a login ending the others look alike)
    assert counters["logins"] == 16 + 1
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


def _ahead(sb: Sandbox, nonce: int) -> None:
    """Another writer's later nonce got there first (one sequence per account, stricter than the docs)."""
    sb.state.configure(gestix_nonce_scope="account")
    assert sb.state.accept_nonce(DEMO.gestix_account, nonce)


def test_a_refusal_nothing_could_have_overtaken_is_the_answer_sent_once(sb: Sandbox) -> None:
    frozen = 1_700_000_000.0
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, clock=lambda: frozen) as s:
        s.status()
        _ahead(sb, int(frozen * 1000))
        answer = create_invoice.sync_detailed(client=s.client, body=_invoice("behind"))
        rejections = s.auth.nonce_rejections
    assert answer.status_code == 400  # this process drew no later nonce and shares the session with none
    assert rejections == 0
    assert sb.state.counters("gestix")["requests"] == 3  # helo, status, the write once


@pytest.mark.parametrize("ahead", [0, 1])
def test_a_refusal_that_may_mean_overtaken_is_resent_alone_once(
    sb: Sandbox, tmp_path: Path, ahead: int
) -> None:
    """A shared store: another process may have drawn a later nonce. The re-send holds the account's write
    slot until answered, so its answer is final: 201 if the refusal was an overtaking, else the 400."""
    frozen = 1_700_000_000.0  # the nonce floor stays put: the re-send gets exactly last + 1
    store = FileStore(tmp_path / "s.json")
    with gestix.Session(
        sb.base_url("gestix"), api_token=DEMO.gestix_api_token, clock=lambda: frozen, store=store
    ) as s:
        s.status()
        _ahead(sb, int(frozen * 1000) + ahead)
        answer = create_invoice.sync_detailed(client=s.client, body=_invoice("ahead"))
        rejections = s.auth.nonce_rejections
    counters = sb.state.counters("gestix")
    assert rejections == 1
    assert counters["requests"] == 4  # helo, status, the write twice
    if ahead:
        assert (answer.status_code, counters["nonce_rejections"]) == (400, 2)
        assert sb.state.references("gestix") == {}
    else:
        assert (answer.status_code, counters["nonce_rejections"]) == (201, 1)
        assert sb.state.references("gestix") == {"ahead": 1}


def test_the_write_mode_is_checked() -> None:
    with pytest.raises(BillingSessionError, match="writes must be one of"):
        gestix.Session("http://127.0.0.1:9", api_token="t", writes="eager")  # type: ignore[arg-type]


def test_latency_control_overtaking_and_fifo_arrivals(sb: Sandbox) -> None:
    BillingSandbox(sb).set_latency(0.02, 0.01)
    assert (sb.state.config.latency, sb.state.config.latency_jitter) == (0.02, 0.01)
    legs = [sb.state.legs("gestix", 100.0 + i * 0.001) for i in range(200)]
    arrivals = [leg[0] for leg in legs if leg is not None]
    assert len(arrivals) == 200
    assert any(b < a for a, b in itertools.pairwise(arrivals))  # overtaken on the way in, as on a network
    assert all(0.005 <= leg[1] <= 0.015 for leg in legs if leg is not None)
    BillingSandbox(sb).set_latency(0.02, 0.01, fifo=True)
    fifo = [leg[0] for leg in (sb.state.legs("gestix", 100.0 + i * 0.001) for i in range(200)) if leg]
    assert all(b > a for a, b in itertools.pairwise(fifo))  # never overtaken on the way in
    with pytest.raises(ValueError, match="jitter"):
        sb.state.set_latency(0.01, 0.02)
    sb.state.reset()
    assert sb.state.legs("gestix", 100.0) is None


def test_a_callers_own_trace_still_sees_every_attempt_once(sb: Sandbox, tmp_path: Path) -> None:
    events: list[str] = []
    frozen = 1_700_000_000.0
    store = FileStore(tmp_path / "s.json")
    with gestix.Session(
        sb.base_url("gestix"), api_token=DEMO.gestix_api_token, clock=lambda: frozen, store=store
    ) as s:
        s.status()
        _ahead(sb, int(frozen * 1000))  # the first attempt is refused, the one sent alone accepted
        answer = s.client.get_httpx_client().post(
            "/invoices",
            json={"lines": [{"article_code": "A", "quantity": 1.0}], "reference": "traced"},
            extensions={"trace": lambda name, info: events.append(name)},
        )
    assert answer.status_code == 201
    assert events.count("http11.send_request_body.complete") == 2  # two attempts, each traced once
