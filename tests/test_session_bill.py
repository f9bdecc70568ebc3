"""bill.Session / AsyncSession: form-body sessions, 200 envelopes, idle renewal, logout, no PII in queries."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from billing_sessions import BillingSessionError, LoginError, ProviderError, TransportError, bill
from billing_sessions.core import Clock
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import FileStore, MemoryStore
from billing_sessions_generated.bill.api.crud import crud_read
from billing_sessions_generated.bill.models import CrudReadBody, CrudSuccess

pytestmark = pytest.mark.anyio


def _session(base_url: str, *, password: str = DEMO.bill_password, clock: Clock = time.time) -> bill.Session:
    return bill.Session(
        base_url,
        user_name=DEMO.bill_user_name,
        password=password,
        org_id=DEMO.bill_org_id,
        dev_key=DEMO.bill_dev_key,
        clock=clock,
    )


class FakeClock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def test_session_info_and_crud_with_one_login_and_a_logout(sb: Sandbox) -> None:
    with _session(sb.base_url("bill")) as s:
        info = s.session_info()
        created = s.create("Customer", {"name": "Ana"})
        read = s.read("Customer", created.id)
        assert info is not None
        assert read.id == created.id
    counters = sb.state.counters("bill")
    assert counters["logins"] == 1
    assert counters["logouts"] == 1
    assert counters["pii_refusals"] == 0


def _shared(sb: Sandbox, store: FileStore, **kwargs: Any) -> bill.Session:
    return bill.Session(
        sb.base_url("bill"),
        user_name=DEMO.bill_user_name,
        password=DEMO.bill_password,
        org_id=DEMO.bill_org_id,
        dev_key=DEMO.bill_dev_key,
        store=store,
        **kwargs,
    )


def test_closing_a_session_in_a_shared_store_does_not_log_the_others_out(sb: Sandbox, tmp_path: Path) -> None:
    store = FileStore(tmp_path / "sessions.json")
    with _shared(sb, store) as worker, _shared(sb, store) as other:
        worker.session_info()
        worker.close()  # a worker ends; the fleet's session lives on
        other.session_info()
    counters = sb.state.counters("bill")
    assert (counters["logins"], counters["logouts"], counters["expired_rejections"]) == (1, 0, 0)


def test_an_explicit_logout_leaves_a_newer_stored_session_alone(sb: Sandbox, tmp_path: Path) -> None:
    store = FileStore(tmp_path / "sessions.json")
    with _shared(sb, store, logout_on_close=True) as old:
        old.session_info()
        with _shared(sb, store, logout_on_close=False) as newer:
            newer.auth.forget()
            newer.session_info()  # logs in anew and stores its session over the old one
            old_token, new_token = old.auth.token, newer.auth.token
    assert old_token is not None and new_token is not None and old_token.value != new_token.value
    record = store.load(old.auth.key)
    assert record is not None and record["value"] == new_token.value
    assert sb.state.counters("bill")["logouts"] == 1


def test_any_generated_operation_gets_the_session_in_the_form_body(sb: Sandbox) -> None:
    with _session(sb.base_url("bill")) as s:
        created = s.create("Customer", {"name": "Ana"})
        answer = crud_read.sync_detailed(
            "Customer", client=s.client, body=CrudReadBody(data=f'{{"id": "{created.id}"}}')
        )
    assert isinstance(answer.parsed, CrudSuccess)
    assert sb.state.counters("bill")["pii_refusals"] == 0


def test_pii_in_a_query_string_is_refused_before_sending(sb: Sandbox) -> None:
    with _session(sb.base_url("bill")) as s, pytest.raises(BillingSessionError, match="query string"):
        s.client.get_httpx_client().post("/GetSessionInfo.json", params={"sessionId": "x"})
    assert sb.state.counters("bill")["pii_refusals"] == 0


def test_dead_session_envelope_means_one_relogin_and_one_resend(sb: Sandbox) -> None:
    with _session(sb.base_url("bill")) as s:
        s.session_info()
        sb.state.expire_all("bill")
        s.session_info()
    assert sb.state.counters("bill")["logins"] == 2


def test_server_side_idle_expiry_is_healed(sb: Sandbox) -> None:
    with _session(sb.base_url("bill")) as s:
        s.session_info()
        sb.state.advance(36 * 60)
        s.session_info()
    counters = sb.state.counters("bill")
    assert counters["logins"] == 2


def test_idle_session_is_renewed_before_use(sb: Sandbox) -> None:
    clock = FakeClock()
    with _session(sb.base_url("bill"), clock=clock) as s:
        s.session_info()
        clock.now += 34.5 * 60  # within the margin of the 35-minute idle limit
        sb.state.advance(34.5 * 60)
        s.session_info()
    counters = sb.state.counters("bill")
    assert counters["logins"] == 2
    assert counters["expired_rejections"] == 0  # renewed before use: no request met a dead session


def test_activity_keeps_the_session_alive(sb: Sandbox) -> None:
    clock = FakeClock()
    with _session(sb.base_url("bill"), clock=clock) as s:
        for _ in range(4):
            s.session_info()
            clock.now += 20 * 60
            sb.state.advance(20 * 60)
    assert sb.state.counters("bill")["logins"] == 1


def test_bad_password_is_a_login_error_after_one_attempt(sb: Sandbox) -> None:
    with (
        _session(sb.base_url("bill"), password="wrong") as s,
        pytest.raises(LoginError, match="BDC_1101") as caught,
    ):
        s.session_info()
    assert "wrong" not in str(caught.value)
    assert sb.state.counters("bill")["requests"] == 1


def test_an_error_envelope_is_a_provider_error_with_the_code(sb: Sandbox) -> None:
    with _session(sb.base_url("bill")) as s, pytest.raises(ProviderError) as caught:
        s.read("Customer", "does-not-exist")
    assert caught.value.code is not None and caught.value.code.startswith("BDC_")


def test_threads_across_one_expiry_log_in_once(sb: Sandbox) -> None:
    with _session(sb.base_url("bill")) as s:
        s.session_info()
        sb.state.expire_all("bill")
        with ThreadPoolExecutor(16) as pool:
            list(pool.map(lambda _: s.session_info(), range(100)))
    assert sb.state.counters("bill")["logins"] == 2


async def test_async_tasks_across_one_expiry_log_in_once_and_log_out(sb: Sandbox) -> None:
    async with bill.AsyncSession(
        sb.base_url("bill"),
        user_name=DEMO.bill_user_name,
        password=DEMO.bill_password,
        org_id=DEMO.bill_org_id,
        dev_key=DEMO.bill_dev_key,
    ) as s:
        await s.session_info()
        sb.state.expire_all("bill")
        await asyncio.gather(*(s.session_info() for _ in range(100)))
    counters = sb.state.counters("bill")
    assert counters["logins"] == 2
    assert counters["logouts"] == 1


def test_transport_errors_are_typed_and_still_httpx_errors() -> None:
    with _session("http://127.0.0.1:9/api/v2") as s, pytest.raises(TransportError) as caught:
        s.session_info()
    assert isinstance(caught.value, httpx.TransportError)
    assert caught.value.operation == "POST /api/v2/Login.json"


def test_steady_use_keeps_the_stored_session_fresh_for_a_second_session_object(sb: Sandbox) -> None:
    # Calls less than 30 s apart for longer than the idle limit: the stored last_used must still move on,
    # or another worker on the store takes the live session for idle and logs in again.
    clock, store = FakeClock(), MemoryStore()
    kwargs = dict(
        user_name=DEMO.bill_user_name,
        password=DEMO.bill_password,
        org_id=DEMO.bill_org_id,
        dev_key=DEMO.bill_dev_key,
        clock=clock,
        store=store,
        logout_on_close=False,
    )
    with bill.Session(sb.base_url("bill"), **kwargs) as first:  # type: ignore[arg-type]
        for _ in range(80):  # 80 x 29 s: about 39 minutes of activity
            first.session_info()
            clock.now += 29
            sb.state.advance(29)
        with bill.Session(sb.base_url("bill"), **kwargs) as second:  # type: ignore[arg-type]
            second.session_info()
        assert second.logins == 0
    assert sb.state.counters("bill")["logins"] == 1


def test_the_login_answers_api_endpoint_is_followed_for_the_rest_of_the_session(
    sb: Sandbox, tmp_path: Path
) -> None:
    sb.state.configure(bill_second_endpoint=True)  # sessions live on /api/v2/dc2 only
    store = FileStore(tmp_path / "sessions.json")
    with _shared(sb, store, logout_on_close=True) as s:
        s.session_info()
        created = s.create("Customer", {"name": "Ana"})
        assert s.read("Customer", created.id).id == created.id
        with _shared(sb, store) as other:  # another worker adopts the stored session and its endpoint
            other.session_info()
            assert other.logins == 0
    counters = sb.state.counters("bill")
    assert (counters["logins"], counters["expired_rejections"], counters["logouts"]) == (1, 0, 1)
    assert counters["requests"] == 1 + 3 + 1 + 1


def test_an_api_endpoint_equal_to_the_base_url_changes_nothing(sb: Sandbox) -> None:
    with _session(sb.base_url("bill") + "/") as s:
        s.session_info()
        token = s.auth.token
    assert token is not None and token.endpoint is None
