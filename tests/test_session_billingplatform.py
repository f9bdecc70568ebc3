"""billingplatform.Session / AsyncSession: sessionid header or OAuth bearer, 401 re-login, logout once."""

from __future__ import annotations

import asyncio
import time

import pytest

from billing_sessions import LoginError, billingplatform
from billing_sessions.sandbox import DEMO, Sandbox

pytestmark = pytest.mark.anyio


def _session(sb: Sandbox) -> billingplatform.Session:
    return billingplatform.Session(
        sb.base_url("billingplatform"), username=DEMO.bp_username, password=DEMO.bp_password
    )


def test_query_and_retrieve_then_logout_exactly_once(sb: Sandbox) -> None:
    s = _session(sb)
    with s:
        records = s.query("SELECT Id, Name FROM ACCOUNT")
        assert records
        first = records[0].id
        assert isinstance(first, str)
        again = s.retrieve("ACCOUNT", first)
        assert again[0].id == first
    s.close()
    counters = sb.state.counters("billingplatform")
    assert counters["logins"] == 1
    assert counters["logouts"] == 1


def test_a_401_means_one_relogin(sb: Sandbox) -> None:
    with _session(sb) as s:
        s.query("SELECT Id FROM ACCOUNT")
        sb.state.expire_all("billingplatform")
        s.query("SELECT Id FROM ACCOUNT")
    assert sb.state.counters("billingplatform")["logins"] == 2


def test_oauth_client_credentials(sb: Sandbox) -> None:
    with billingplatform.Session(
        sb.base_url("billingplatform"), client_id=DEMO.bp_client_id, client_secret=DEMO.bp_client_secret
    ) as s:
        assert s.query("SELECT Id FROM ACCOUNT")
    counters = sb.state.counters("billingplatform")
    assert counters["logins"] == 1
    assert counters["logouts"] == 0  # a bearer token has no logout


def test_bad_password_is_a_login_error_with_the_provider_text(sb: Sandbox) -> None:
    with billingplatform.Session(sb.base_url("billingplatform"), username="demo", password="wrong") as s:
        with pytest.raises(LoginError, match="ErrorCode") as caught:
            s.query("SELECT Id FROM ACCOUNT")
    assert "wrong" not in str(caught.value)
    assert sb.state.counters("billingplatform")["requests"] == 1


def test_bad_client_secret_is_a_login_error(sb: Sandbox) -> None:
    with (
        billingplatform.Session(
            sb.base_url("billingplatform"), client_id="sandbox-client", client_secret="x"
        ) as s,
        pytest.raises(LoginError),
    ):
        s.query("SELECT Id FROM ACCOUNT")


async def test_async_tasks_across_one_expiry_log_in_once(sb: Sandbox) -> None:
    async with billingplatform.AsyncSession(
        sb.base_url("billingplatform"), username=DEMO.bp_username, password=DEMO.bp_password
    ) as s:
        await s.query("SELECT Id FROM ACCOUNT")
        sb.state.expire_all("billingplatform")
        await asyncio.gather(*(s.query("SELECT Id FROM ACCOUNT") for _ in range(100)))
    counters = sb.state.counters("billingplatform")
    assert counters["logins"] == 2
    assert counters["logouts"] == 1


def test_a_token_expiry_is_on_the_session_clock(sb: Sandbox) -> None:
    """An injected clock a day ahead: a fresh OAuth token must not look expired on it (no login per call)."""
    with billingplatform.Session(
        sb.base_url("billingplatform"),
        client_id=DEMO.bp_client_id,
        client_secret=DEMO.bp_client_secret,
        clock=lambda: time.time() + 86_400,
    ) as s:
        for _ in range(3):
            s.query("SELECT Id FROM ACCOUNT")
    assert sb.state.counters("billingplatform")["logins"] == 1
