"""BILL v3 MFA trust: the identifier read as ``rememberMeId`` or ``mfaId`` (the sandbox answers either, chosen
by its config), ``mfaStatus`` typed, and the remembered trust's expiry said before it breaks: an ``mfa_trust``
event and metric (days left) at login, a WARNING at most once a day under 7 days, the CLI's ``days_left``."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from billing_sessions import bill_v3
from billing_sessions.sandbox import Sandbox
from billing_sessions.stores import FileStore, MemoryStore, SessionStore
from billing_sessions.telemetry import SessionEvent
from billing_sessions.testing import BillingSandbox
from billing_sessions_generated.bill_v3.api.mfa import validate_challenge
from billing_sessions_generated.bill_v3.models import ValidateRequest, ValidateResponse
from billing_sessions_generated.bill_v3.types import UNSET
from tests.test_cli import _isolated, cli_json  # noqa: F401 - the autouse fixture applies here too
from tests.test_cli_bill_v3 import account
from tests.test_telemetry import Otel

DAY = 86400.0


@pytest.fixture(autouse=True)
def _fresh_login_guard() -> Iterator[None]:
    bill_v3.LoginGuard.reset()
    yield
    bill_v3.LoginGuard.reset()


def _session(sb: Sandbox, store: SessionStore, **options: Any) -> bill_v3.Session:
    return bill_v3.Session(
        **BillingSandbox(sb).session_kwargs("bill_v3"),
        store=store,
        **options,
    )


def _make_trusted(sb: Sandbox, s: bill_v3.Session) -> float | None:
    challenge = s.mfa_challenge()
    return s.mfa_validate(challenge, sb.state.mfa_code() or "")


@pytest.mark.parametrize("name", ["rememberMeId", "mfaId"])
def test_the_trust_identifier_is_read_under_either_name(sb: Sandbox, name: str) -> None:
    sb.state.configure(bill_v3_trust_id_name=name)
    store = MemoryStore()
    with _session(sb, store) as s:
        until = _make_trusted(sb, s)
        assert until is not None and s.remembered_until() == until
    with _session(sb, store) as later:  # a new login sends the remembered id: trusted at once
        later.login()
        assert later.trusted and not later.trust_lost
    assert sb.state.counters("bill_v3")["mfa_texts"] == 1


def test_the_sandbox_answers_the_name_its_admin_api_chose(sb: Sandbox) -> None:
    with httpx.Client(base_url=sb.url) as admin:
        assert admin.post("/_sandbox/config", json={"bill_v3_trust_id_name": "mfaId"}).status_code == 200
        refused = admin.post("/_sandbox/config", json={"bill_v3_trust_id_name": "trustId"})
        assert refused.status_code == 400 and "rememberMeId, mfaId" in refused.text
    with _session(sb, MemoryStore()) as s:
        body = ValidateRequest(
            challenge_id=s.mfa_challenge(), token=sb.state.mfa_code() or "", remember_me=True
        )
        answer = validate_challenge.sync_detailed(client=s.client, body=body)
    assert isinstance(answer.parsed, ValidateResponse)
    assert isinstance(answer.parsed.mfa_id, str) and answer.parsed.remember_me_id is UNSET
    assert bill_v3.trust_id(answer.parsed) == answer.parsed.mfa_id


def test_mfa_status_is_typed(sb: Sandbox) -> None:
    with _session(sb, MemoryStore()) as s:
        assert s.session_info().mfa_status == "COMPLETE"


def _shorten(s: bill_v3.Session, days: float) -> None:
    """The remembered trust as if it had been obtained ``30 - days`` days ago."""
    keeper = s._v3.trust
    assert keeper is not None
    record = keeper.store.load(keeper.key)
    assert record is not None
    keeper.store.save(keeper.key, {**record, "until": time.time() + days * DAY})


def test_a_login_with_remembered_trust_says_how_many_days_are_left(sb: Sandbox) -> None:
    otel, store = Otel(), MemoryStore()
    with _session(sb, store, **otel.options()) as s:
        _make_trusted(sb, s)
    with _session(sb, store, **otel.options()) as later:
        later.login()
    trust = [e for e in otel.events if e.kind == "mfa_trust"]
    assert [e.reason for e in trust] == ["validated", "remembered"]
    assert all(e.days_left is not None and 29.9 < e.days_left <= 30 for e in trust)
    points = otel.metrics()["billing_sessions.mfa_trust.days_left"]
    assert len(points) == 1 and 29.9 < points[0][1] <= 30
    assert points[0][0]["billing_sessions.provider"] == "bill_v3"


def test_fewer_than_7_days_left_warns_once_a_day(sb: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    store = MemoryStore()
    events: list[SessionEvent] = []
    with _session(sb, store) as s:
        _make_trusted(sb, s)
        _shorten(s, 5)
    caplog.set_level(logging.WARNING, "billing_sessions")

    def login() -> None:
        with _session(sb, store, on_event=events.append) as later:
            later.login()
            later.auth.forget()  # the next one logs in again

    login()
    login()
    warnings = [r for r in caplog.records if "expires in" in r.getMessage()]
    assert len(warnings) == 1
    assert "4.9 days" in warnings[0].getMessage() or "5.0 days" in warnings[0].getMessage()
    assert "billing-sessions mfa bill-v3" in warnings[0].getMessage()
    assert [round(e.days_left or 0) for e in events if e.kind == "mfa_trust"] == [5, 5]
    keeper = bill_v3.TrustKeeper(store, _session(sb, store).auth.key)
    record = store.load(keeper.key)
    assert record is not None
    store.save(keeper.key, {**record, "warned": time.time() - DAY - 1})  # a day later
    login()
    assert len([r for r in caplog.records if "expires in" in r.getMessage()]) == 2


def test_plenty_of_days_left_does_not_warn(sb: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    store = MemoryStore()
    with _session(sb, store) as s:
        _make_trusted(sb, s)
    caplog.set_level(logging.WARNING, "billing_sessions")
    with _session(sb, store) as later:
        later.login()
    assert not [r for r in caplog.records if "expires in" in r.getMessage()]


def test_cli_status_shows_until_when_and_days_left(sb: Sandbox, tmp_path: Path) -> None:
    path, env = tmp_path / "sessions.json", account(sb)
    with _session(sb, FileStore(path)) as s:
        _make_trusted(sb, s)
        _shorten(s, 3)
    mfa = cli_json("status", "bill-v3", env=env, store=path)["status"]["mfa"]
    assert mfa["remembered_until"] and 2.9 <= mfa["days_left"] <= 3.0
    assert "billing-sessions mfa bill-v3" in mfa["renew"]


class _Watched(FileStore):
    """A FileStore noting the thread of every record call: the event loop's must never block on one."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.threads: list[int] = []

    def load(self, key: str) -> Any:
        self.threads.append(threading.get_ident())
        return super().load(key)

    def save(self, key: str, record: Any, *args: Any) -> None:
        self.threads.append(threading.get_ident())
        super().save(key, record, *args)

    def delete(self, key: str) -> None:
        self.threads.append(threading.get_ident())
        super().delete(key)


def _async_session(sb: Sandbox, store: SessionStore) -> bill_v3.AsyncSession:
    return bill_v3.AsyncSession(
        **BillingSandbox(sb).session_kwargs("bill_v3"),
        store=store,
        logout_on_close=False,
    )


async def _trust_lifecycle(sb: Sandbox, store: SessionStore) -> None:
    """MFA, a later login with the remembered trust, an expired one dropped, and the trust calls."""
    async with _async_session(sb, store) as s:
        challenge = await s.mfa_challenge()
        until = await s.mfa_validate(challenge, sb.state.mfa_code() or "")
        assert until is not None and await s.remembered_until() == until
        assert 29.9 < (await s.trust_days_left() or 0) <= 30
    async with _async_session(sb, store) as later:
        await later.login()  # sends the remembered trust
        assert later.trusted
        sb.state.advance(31 * DAY)  # the sandbox refuses the trust now; the store still holds it
        later.auth._token = None
        await later.auth.aforget()
        await later.login()
        assert not later.trusted and later.trust_lost and await later.remembered_until() is None
        challenge = await later.mfa_challenge()
        await later.mfa_validate(challenge, sb.state.mfa_code() or "")
        await later.forget_trust()
        assert await later.remembered_until() is None


@pytest.mark.anyio
async def test_async_trust_calls_never_block_the_event_loop_on_a_blocking_store(
    sb: Sandbox, tmp_path: Path
) -> None:
    store = _Watched(tmp_path / "sessions.json")
    await _trust_lifecycle(sb, store)
    assert store.threads and threading.get_ident() not in store.threads


@pytest.mark.anyio
async def test_async_trust_calls_use_the_stores_own_coroutines(
    sb: Sandbox, redis_url: str, redis_prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from billing_sessions.redis_store import RedisStore

    store = RedisStore(redis_url, prefix=redis_prefix)
    store.key_secret()  # keyed once, as a session does when it is made (before the loop runs anything)

    async def no_thread(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a worker thread for a store that has coroutines")

    monkeypatch.setattr(asyncio, "to_thread", no_thread)
    await _trust_lifecycle(sb, store)
    await store.aclose()
