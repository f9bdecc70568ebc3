"""Gestix writes over a network that reorders requests, against servers that read the docs literally.

The sandbox's default Gestix is the docs' own: a nonce strictly above the last one of the same session, a
stale nonce answered with the bare ``400 INVALID_ARGUMENT "Invalid input"`` every invalid input gets. The
stricter readings (one sequence per account; a login ending the tokens before it) are switched on per test.
The rule under test: the default never fails a write that ``writes="strict"`` completes.
"""

from __future__ import annotations

import asyncio
import math
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billing_sessions import BillingSessionError, SessionExpired, gestix
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import FileStore, MemoryStore
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine

pytestmark = pytest.mark.anyio

WRITES = 160
WORKERS = 32


def _invoice(reference: str) -> DocumentInput:
    return DocumentInput(lines=[DocumentLine(article_code="A1", quantity=1.0)], reference=reference)


def _references() -> list[str]:
    return [f"r-{uuid.uuid4().hex}" for _ in range(WRITES)]


def _threads(s: gestix.Session, references: list[str]) -> Counter[int]:
    def write(reference: str) -> int:
        return int(create_invoice.sync_detailed(client=s.client, body=_invoice(reference)).status_code)

    with ThreadPoolExecutor(WORKERS) as pool:
        return Counter(pool.map(write, references))


async def _tasks(s: gestix.AsyncSession, references: list[str]) -> Counter[int]:
    todo = iter(references)
    codes: Counter[int] = Counter()

    async def worker() -> None:
        for reference in todo:
            codes[
                int(
                    (
                        await create_invoice.asyncio_detailed(client=s.client, body=_invoice(reference))
                    ).status_code
                )
            ] += 1

    await asyncio.gather(*(worker() for _ in range(WORKERS)))
    return codes


def _created_once(sb: Sandbox, references: list[str]) -> None:
    server = Counter(sb.state.references("gestix"))
    assert server == Counter(references)  # every write applied, none twice
    assert sb.state.counters("gestix")["duplicate_references"] == 0


@pytest.mark.parametrize("mode", ["pipelined", "strict"])
def test_32_threads_over_50_ms_with_jitter_fail_nothing(sb: Sandbox, mode: str) -> None:
    sb.state.set_latency(0.05, 0.01)
    references = _references()
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, writes=mode) as s:  # type: ignore[arg-type]
        codes = _threads(s, references)
        rejections = s.auth.nonce_rejections
    counters = sb.state.counters("gestix")
    assert codes == {201: WRITES}
    _created_once(sb, references)
    assert counters["nonce_rejections"] == rejections <= WRITES // 100  # at most 1% sent twice
    if mode == "pipelined":
        assert counters["max_in_flight"] > 8  # the writes overlapped on the wire
        assert counters["logins"] == 16  # one write session per concurrent writer, up to 16
    else:
        assert (counters["max_in_flight"], counters["logins"]) == (1, 1)


async def test_32_tasks_over_50_ms_with_jitter_fail_nothing(sb: Sandbox) -> None:
    sb.state.set_latency(0.05, 0.01)
    references = _references()
    async with gestix.AsyncSession(sb.base_url("gestix"), api_token=DEMO.gestix_api_token) as s:
        codes = await _tasks(s, references)
        rejections = s.auth.nonce_rejections
    assert codes == {201: WRITES}
    _created_once(sb, references)
    assert sb.state.counters("gestix")["nonce_rejections"] == rejections <= WRITES // 100
    assert sb.state.counters("gestix")["logins"] == 16


async def test_200_concurrent_writes_on_loopback_fail_nothing(sb: Sandbox) -> None:
    references = [f"r-{uuid.uuid4().hex}" for _ in range(200)]
    async with gestix.AsyncSession(sb.base_url("gestix"), api_token=DEMO.gestix_api_token) as s:
        answers = await asyncio.gather(
            *(create_invoice.asyncio_detailed(client=s.client, body=_invoice(r)) for r in references)
        )
    assert [a.status_code for a in answers] == [201] * 200
    server = Counter(sb.state.references("gestix"))
    assert server == Counter(references)


async def test_a_server_with_one_nonce_sequence_per_account_fails_nothing_and_is_noticed(sb: Sandbox) -> None:
    """Stricter than the docs: every token of the account shares one sequence, so write sessions collide.
    The first write refused on a session of its own and accepted alone proves it: one session from then."""
    sb.state.configure(gestix_nonce_scope="account")
    sb.state.set_latency(0.02, 0.005)
    references = _references()
    async with gestix.AsyncSession(sb.base_url("gestix"), api_token=DEMO.gestix_api_token) as s:
        codes = await _tasks(s, references)
        narrowed = s.auth.lanes.narrowed_until
    assert codes == {201: WRITES}
    _created_once(sb, references)
    assert narrowed == math.inf


def test_a_login_that_ends_the_earlier_tokens_fails_nothing(sb: Sandbox) -> None:
    """The docs do not say whether a new login ends the tokens before it; if it does, write sessions end each
    other. A refused write session narrows the writes to the shared one, which is re-established once."""
    sb.state.configure(gestix_login_ends_others=True)
    sb.state.set_latency(0.02, 0.005)
    references = _references()
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token) as s:
        codes = _threads(s, references)
    assert codes == {201: WRITES}
    _created_once(sb, references)


def test_a_shared_store_keeps_one_session_and_fails_nothing(sb: Sandbox, tmp_path: Path) -> None:
    sb.state.set_latency(0.02, 0.005)
    references = _references()
    store = FileStore(tmp_path / "sessions.json")
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=store) as s:
        codes = _threads(s, references)
        rejections = s.auth.nonce_rejections
    counters = sb.state.counters("gestix")
    assert codes == {201: WRITES}
    _created_once(sb, references)
    assert counters["logins"] == 1  # every process of the store shares the one session
    assert counters["nonce_rejections"] == rejections  # each refusal re-sent once, alone, and accepted
    assert counters["requests"] == 1 + WRITES + rejections


def test_a_genuinely_invalid_write_gets_its_400_and_is_never_applied(sb: Sandbox) -> None:
    """A 400 that was not an overtaking is sent again at most once (alone) and then returned as is."""
    sb.state.set_latency(0.01, 0.005)
    bad = DocumentInput(lines=[])
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=MemoryStore()) as s:
        with ThreadPoolExecutor(8) as pool:
            codes = Counter(
                pool.map(
                    lambda _: int(create_invoice.sync_detailed(client=s.client, body=bad).status_code),
                    range(16),
                )
            )
    assert codes == {400: 16}
    assert sb.state.counters("gestix")["writes_applied"] == 0


def test_write_sessions_is_checked() -> None:
    with pytest.raises(BillingSessionError, match="write_sessions"):
        gestix.Session("http://127.0.0.1:9", api_token="t", write_sessions=0)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    workers=st.integers(1, 12),
    scope=st.sampled_from(["session", "account"]),
    ends_others=st.booleans(),
    shared=st.booleans(),
    mode=st.sampled_from(["pipelined", "strict"]),
    jitter=st.sampled_from([0.0, 0.002, 0.004]),
)
def test_every_write_is_created_once_and_none_fails_whatever_the_server_reads_into_the_docs(
    sb: Sandbox,
    tmp_path: Path,
    workers: int,
    scope: str,
    ends_others: bool,
    shared: bool,
    mode: str,
    jitter: float,
) -> None:
    sb.state.reset()
    sb.state.configure(gestix_nonce_scope=scope, gestix_login_ends_others=ends_others)
    sb.state.set_latency(0.005, jitter)
    references = [f"r-{uuid.uuid4().hex}" for _ in range(24)]
    store = FileStore(tmp_path / f"{uuid.uuid4().hex}.json") if shared else MemoryStore()
    with gestix.Session(
        sb.base_url("gestix"),
        api_token=DEMO.gestix_api_token,
        store=store,
        writes=mode,  # type: ignore[arg-type]
    ) as s:

        def write(reference: str) -> int:
            return int(create_invoice.sync_detailed(client=s.client, body=_invoice(reference)).status_code)

        with ThreadPoolExecutor(workers) as pool:
            codes = Counter(pool.map(write, references))
    assert codes == {201: len(references)}
    _created_once(sb, references)


def test_a_write_whose_sessions_are_always_refused_gets_two_logins_then_an_error(sb: Sandbox) -> None:
    sb.state.configure(gestix_token_ttl=0.0)
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token) as s:
        with pytest.raises(SessionExpired):
            create_invoice.sync_detailed(client=s.client, body=_invoice("never"))
    counters = sb.state.counters("gestix")
    assert (counters["logins"], counters["writes_applied"]) == (2, 0)
