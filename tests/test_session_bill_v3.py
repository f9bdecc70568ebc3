"""bill_v3.Session / AsyncSession: header sessions, 401 BDC_1109 healing, idle renewal, MFA trust kept in the
store, pagination, limits shared with v2, typed errors that keep every entry, no secret anywhere."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from billing_sessions import (
    LoginError,
    ProviderError,
    RateLimited,
    SessionExpired,
    UntrustedSession,
    bill,
    bill_v3,
)
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import FileStore, MemoryStore
from billing_sessions_generated.bill_v3.api.bills import list_bills
from billing_sessions_generated.bill_v3.api.vendors import create_vendor, list_vendors
from billing_sessions_generated.bill_v3.models import Address, Vendor, VendorCreate

pytestmark = pytest.mark.anyio
DAY = 86400.0


def _kwargs(**changes: Any) -> dict[str, Any]:
    return {
        "username": DEMO.bill_user_name,
        "password": DEMO.bill_password,
        "organization_id": DEMO.bill_org_id,
        "dev_key": DEMO.bill_dev_key,
        **changes,
    }


def _session(sb: Sandbox, **changes: Any) -> bill_v3.Session:
    return bill_v3.Session(sb.base_url("bill_v3"), **_kwargs(**changes))


class FakeClock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def _fresh_login_guard() -> Iterator[None]:
    bill_v3.LoginGuard.reset()
    yield
    bill_v3.LoginGuard.reset()


def _vendor(name: str, *, auto_pay: bool | None = None) -> VendorCreate:
    body = VendorCreate(name=name, address=Address(line1="1 Main St", city="Austin", country="US"))
    if auto_pay is not None:
        body.auto_pay = auto_pay
    return body


def _make_trusted(sb: Sandbox, s: bill_v3.Session) -> float | None:
    challenge = s.mfa_challenge()
    code = sb.state.mfa_code()
    assert code is not None
    return s.mfa_validate(challenge, code, device="ci-runner", machine_name="ci")


def test_session_info_with_one_login_headers_and_a_logout(sb: Sandbox) -> None:
    with _session(sb) as s:
        info = s.session_info()
        again = s.session_info()
        assert s.trusted is False
    assert info.organization_id == DEMO.bill_org_id and again.user_id == info.user_id
    counters = sb.state.counters("bill_v3")
    assert (counters["logins"], counters["logouts"], counters["requests"]) == (1, 1, 4)


def test_a_gone_session_means_one_relogin_and_one_resend_of_a_write(sb: Sandbox) -> None:
    with _session(sb) as s:
        s.session_info()
        sb.state.expire_all("bill_v3")
        created = create_vendor.sync_detailed(client=s.client, body=_vendor("After expiry"))
    assert created.status_code == 201
    counters = sb.state.counters("bill_v3")
    assert (counters["logins"], counters["expired_rejections"], counters["writes_applied"]) == (2, 1, 1)


def test_idle_session_is_renewed_before_use(sb: Sandbox) -> None:
    clock = FakeClock()
    with _session(sb, clock=clock) as s:
        s.session_info()
        clock.now += 34.5 * 60
        sb.state.advance(34.5 * 60)
        s.session_info()
    counters = sb.state.counters("bill_v3")
    assert (counters["logins"], counters["expired_rejections"]) == (2, 0)


def test_threads_and_session_objects_sharing_a_store_log_in_once(sb: Sandbox) -> None:
    store = MemoryStore()

    def work(_: int) -> None:
        with _session(sb, store=store, logout_on_close=False) as s:
            s.session_info()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(work, range(24)))
    assert sb.state.counters("bill_v3")["logins"] == 1


async def test_async_tasks_across_one_expiry_log_in_once_and_log_out(sb: Sandbox) -> None:
    async with bill_v3.AsyncSession(sb.base_url("bill_v3"), **_kwargs()) as s:
        await s.session_info()
        sb.state.expire_all("bill_v3")
        await asyncio.gather(*(s.session_info() for _ in range(30)))
        names = [v.name async for v in s.paginate(list_vendors, max_=1)]
    assert names == ["Happy Music Supplies"]
    counters = sb.state.counters("bill_v3")
    assert (counters["logins"], counters["logouts"]) == (2, 1)


def test_paginate_follows_next_page_with_typed_items_filters_and_sort(sb: Sandbox) -> None:
    with _session(sb) as s:
        for i in range(23):
            assert (
                create_vendor.sync_detailed(client=s.client, body=_vendor(f"Acme {i:02d}")).status_code == 201
            )
        everything = list(s.paginate(list_vendors, max_=5))
        acme = [v.name for v in s.paginate(list_vendors, max_=7, filters="name:sw:Acme", sort="name:desc")]
        bills = list(s.paginate(list_bills))
    assert len(everything) == 24 and all(isinstance(v, Vendor) for v in everything)
    assert len({v.id for v in everything}) == 24
    assert acme == [f"Acme {i:02d}" for i in reversed(range(23))]
    assert len(bills) == 1
    assert sb.state.counters("bill_v3")["requests"] >= 1 + 23 + 5 + 4 + 1


def test_a_bad_page_size_is_a_typed_error_keeping_a_code_less_entry(sb: Sandbox) -> None:
    with _session(sb) as s, pytest.raises(ProviderError) as caught:
        list(s.paginate(list_vendors, max_=101))
    assert caught.value.status == 400
    assert len(caught.value.entries) == 1
    entry = caught.value.entries[0]
    assert entry.code is None and entry.severity == "ERROR" and entry.message


def test_every_entry_of_an_error_array_is_kept_and_classified_by_code() -> None:
    body = [
        {"code": "BDC_1152", "severity": "ERROR", "category": "REQUEST", "message": "Invalid ${paramName0}."},
        {"message": "address: must not be null", "severity": "ERROR"},
        {"code": "BDC_1322", "severity": "ERROR", "category": "APPLICATION", "message": "Too many."},
    ]
    error = bill_v3.error_for(httpx.Response(400, json=body), "POST /v3/vendors")
    assert isinstance(error, RateLimited) and error.retry_after == 2.0
    assert [e.code for e in error.entries] == ["BDC_1152", None, "BDC_1322"]
    assert error.entries[1].message == "address: must not be null"
    assert "(+2 more)" in str(error)


def test_untrusted_session_error_says_how_to_make_it_trusted(sb: Sandbox) -> None:
    with _session(sb) as s:
        answer = create_vendor.sync_detailed(client=s.client, body=_vendor("Autopay", auto_pay=True))
        with pytest.raises(UntrustedSession) as caught:
            bill_v3.result(answer, "POST /v3/vendors")
    error = caught.value
    assert isinstance(error, ProviderError) and error.operation == "POST /v3/vendors"
    assert error.status == 403 and error.code == "BDC_1361"
    assert "billing-sessions mfa bill-v3" in str(error)
    assert [e.code for e in error.entries] == ["BDC_1361"]
    assert sb.state.counters("bill_v3")["writes_applied"] == 0


def test_mfa_makes_the_session_trusted_and_later_logins_trusted_across_store_users(
    sb: Sandbox, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = FileStore(tmp_path / "sessions.json")
    caplog.set_level(logging.DEBUG)
    with _session(sb, store=store, logout_on_close=True) as s:
        s.session_info()
        assert s.trusted is False
        until = _make_trusted(sb, s)
        assert s.trusted is True
        created = create_vendor.sync_detailed(client=s.client, body=_vendor("Autopay", auto_pay=True))
        assert created.status_code == 201
        assert until is not None and until > time.time() + 29 * DAY
        assert s.remembered_until() == pytest.approx(until)
    trust_record = store.load(bill_v3.trust_key(s.auth.key))
    assert trust_record is not None
    remember_me_id = trust_record["remember_me_id"]
    with _session(sb, store=FileStore(tmp_path / "sessions.json"), device="ci-runner") as later:
        later.session_info()
        assert later.trusted is True
        shown = [repr(later), repr(later.auth), repr(later.auth.token), repr(later.store)]
    assert all(remember_me_id not in text for text in shown)
    assert remember_me_id not in caplog.text
    assert sb.state.counters("bill_v3")["logins"] == 2
    assert sb.state.counters("bill_v3")["mfa_texts"] == 1


def test_an_expired_remembered_trust_is_dropped_and_reported_not_retried(
    sb: Sandbox, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = FileStore(tmp_path / "sessions.json")
    with _session(sb, store=store) as s:
        s.session_info()
        _make_trusted(sb, s)
    sb.state.advance(31 * DAY)
    caplog.set_level(logging.WARNING, logger="billing_sessions")
    with _session(sb, store=store, device="ci-runner") as later:
        later.session_info()
        later.session_info()
        assert later.trusted is False and later.trust_lost is True
        assert later.remembered_until() is None
    assert store.load(bill_v3.trust_key(later.auth.key)) is None
    assert "billing-sessions mfa bill-v3" in caplog.text
    assert sb.state.counters("bill_v3")["logins"] == 2  # the untrusted login was used, not retried
    assert sb.state.counters("bill_v3")["mfa_texts"] == 1  # the challenge is never sent automatically


def test_a_wrong_code_is_a_typed_error_and_the_session_stays_untrusted(sb: Sandbox) -> None:
    with _session(sb) as s:
        challenge = s.mfa_challenge()
        code = sb.state.mfa_code()
        wrong = "000000" if code != "000000" else "111111"
        with pytest.raises(ProviderError) as caught:
            s.mfa_validate(challenge, wrong)
        assert s.trusted is False
    assert caught.value.code == "BDC_1356" and caught.value.status == 400


async def test_async_mfa_and_remembered_trust(sb: Sandbox) -> None:
    store = MemoryStore()
    async with bill_v3.AsyncSession(sb.base_url("bill_v3"), **_kwargs(store=store)) as s:
        challenge = await s.mfa_challenge()
        code = sb.state.mfa_code()
        assert code is not None
        until = await s.mfa_validate(challenge, code)
        assert until is not None and s.trusted
    async with bill_v3.AsyncSession(sb.base_url("bill_v3"), **_kwargs(store=store)) as again:
        await again.session_info()
        assert again.trusted is True
    assert sb.state.counters("bill_v3")["logins"] == 2


def test_hourly_quota_is_rate_limited_with_retry_after(sb: Sandbox) -> None:
    sb.state.configure(bill_v3_requests_per_hour=2)
    with _session(sb) as s:
        s.session_info()  # login + this call
        with pytest.raises(RateLimited) as caught:
            s.session_info()
    assert caught.value.code == "BDC_1144" and caught.value.status == 429
    assert caught.value.retry_after is not None and 0 < caught.value.retry_after <= 3600


def test_the_login_quota_answer_is_rate_limited(sb: Sandbox) -> None:
    sb.state.configure(bill_v3_logins_per_hour=1)
    with _session(sb) as first:
        first.session_info()
    with _session(sb) as second, pytest.raises(RateLimited) as caught:
        second.session_info()
    assert caught.value.code == "BDC_1144" and caught.value.retry_after is not None


def test_logins_that_keep_failing_stop_before_burning_the_quota(sb: Sandbox) -> None:
    errors: list[str] = []
    with _session(sb, password="wrong-v3-password") as s:
        for _ in range(8):
            with pytest.raises(LoginError) as caught:
                s.session_info()
            errors.append(str(caught.value))
    assert sb.state.counters("bill_v3")["login_failures"] == bill_v3.FAILED_LOGINS_BEFORE_STOP
    assert "BDC_1101" in errors[0] and "fix the credentials" in errors[-1]
    assert all("wrong-v3-password" not in e for e in errors)


def test_a_session_rejected_right_after_a_fresh_login_is_session_expired(sb: Sandbox) -> None:
    with _session(sb) as s:
        s.session_info()
        sb.state.configure(bill_idle=0.0)  # every new session is dead on arrival
        sb.state.expire_all("bill_v3")
        with pytest.raises(SessionExpired):
            s.session_info()
    assert sb.state.counters("bill_v3")["logins"] == 2


def test_v2_and_v3_sessions_of_one_account_share_the_three_in_flight_cap(sb: Sandbox) -> None:
    sb.state.configure(bill_max_concurrent=3)
    sb.state.inject("bill", "slow", 40, delay=0.02)
    sb.state.inject("bill_v3", "slow", 40, delay=0.02)
    v2 = bill.Session(
        sb.base_url("bill"),
        user_name=DEMO.bill_user_name,
        password=DEMO.bill_password,
        org_id=DEMO.bill_org_id,
        dev_key=DEMO.bill_dev_key,
        max_retries=0,
    )
    with v2, _session(sb, max_retries=0) as v3:
        v2.session_info()
        v3.session_info()
        calls = [v2.session_info, v3.session_info] * 15
        with ThreadPoolExecutor(12) as pool:
            list(pool.map(lambda call: call(), calls))
    v2_counters, v3_counters = sb.state.counters("bill"), sb.state.counters("bill_v3")
    assert v2_counters["limit_rejections"] + v3_counters["limit_rejections"] == 0
    assert v2_counters["requests"] >= 16 and v3_counters["requests"] >= 16


def test_missing_credentials_are_a_clear_error() -> None:
    with pytest.raises(Exception, match="organization_id is required"):
        bill_v3.Session(username="u", password="p", dev_key="k")


def test_network_failures_at_login_do_not_count_as_failed_logins(sb: Sandbox) -> None:
    sb.state.inject("bill_v3", "503", bill_v3.FAILED_LOGINS_BEFORE_STOP + 1)
    with _session(sb, max_retries=0) as s:
        for _ in range(bill_v3.FAILED_LOGINS_BEFORE_STOP + 1):
            with pytest.raises(ProviderError):
                s.session_info()
        assert s.session_info().organization_id == DEMO.bill_org_id
    assert sb.state.counters("bill_v3")["logins"] == 1


def test_a_remembered_trust_in_redis_outlives_the_session_record(
    sb: Sandbox, redis_url: str, redis_prefix: str
) -> None:
    from billing_sessions.redis_store import RedisStore

    store = RedisStore(redis_url, prefix=redis_prefix)
    with _session(sb, store=store, logout_on_close=True) as s:
        _make_trusted(sb, s)
        key = s.auth.key
    assert store.ttl(key) == 35 * 60 and store.ttl(bill_v3.trust_key(key)) == 30 * DAY
    with _session(sb, store=RedisStore(redis_url, prefix=redis_prefix), device="ci-runner") as other:
        other.session_info()
        assert other.trusted is True
    assert sb.state.counters("bill_v3")["logins"] == 2


def test_a_wrong_base_url_is_named_not_a_login_error(sb: Sandbox) -> None:
    with bill_v3.Session(sb.url + "/nowhere", **_kwargs()) as s, pytest.raises(ProviderError) as caught:
        s.session_info()
    assert not isinstance(caught.value, LoginError) and "base URL" in str(caught.value)


def test_the_hourly_quota_is_never_retried_even_without_retry_after(sb: Sandbox) -> None:
    with _session(sb) as s:
        s.session_info()
        sb.state.inject("bill_v3", "429", 1)  # 429 BDC_1144, no Retry-After: a retry would succeed
        with pytest.raises(RateLimited) as caught:
            s.session_info()  # a read: 429 would otherwise be retried
        sb.state.inject("bill_v3", "503", 1)
        s.session_info()  # other answers are still retried
    assert caught.value.code == "BDC_1144"
    assert sb.state.counters("bill_v3")["faults_injected"] == 2


# -- renewal windows: advisory (try, keep the valid session on failure), mandatory (must succeed) ------------


def test_a_failed_early_renewal_keeps_the_still_valid_session(
    sb: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    clock = FakeClock()
    with _session(sb, clock=clock) as s:
        s.session_info()
        clock.now += 34.5 * 60  # 30 s of the 35 idle minutes left: the advisory window
        sb.state.advance(34.5 * 60)
        sb.state.inject("bill_v3", "503", 1)  # the early login fails (a POST: not retried)
        with caplog.at_level(logging.WARNING, "billing_sessions"):
            s.session_info()  # answered on the session that is still valid
        assert "renewing the session early failed" in caplog.text
        assert s.logins == 1
        s.session_info()  # used again: no second early login for the same session
    counters = sb.state.counters("bill_v3")
    assert (counters["logins"], counters["faults_injected"], counters["expired_rejections"]) == (1, 1, 0)


async def test_a_failed_early_renewal_keeps_the_session_async(sb: Sandbox) -> None:
    clock = FakeClock()
    async with bill_v3.AsyncSession(sb.base_url("bill_v3"), clock=clock, **_kwargs()) as s:
        await s.session_info()
        clock.now += 34.5 * 60
        sb.state.advance(34.5 * 60)
        sb.state.inject("bill_v3", "503", 1)
        await s.session_info()
        assert s.logins == 1
    assert sb.state.counters("bill_v3")["logins"] == 1


def test_a_rejected_password_in_the_advisory_window_is_tried_once(sb: Sandbox) -> None:
    clock = FakeClock()
    with _session(sb, clock=clock) as s:
        s.session_info()
        s.provider.password = "changed-elsewhere"  # type: ignore[attr-defined]
        clock.now += 34.5 * 60
        sb.state.advance(34.5 * 60)
        for _ in range(3):
            s.session_info()
        assert sb.state.counters("bill_v3")["login_failures"] == 1  # once, not once per call
        # Each use restarted the idle time; 5 s left of it: the mandatory window, the renewal must succeed.
        clock.now += 35 * 60 - 5
        sb.state.advance(35 * 60 - 5)
        with pytest.raises(LoginError):
            s.session_info()
        assert sb.state.counters("bill_v3")["login_failures"] == 2  # one attempt, no loop
        s.provider.password = DEMO.bill_password  # type: ignore[attr-defined]
        s.session_info()
        assert s.logins == 2


def test_a_failed_renewal_in_the_mandatory_window_fails_the_call(sb: Sandbox) -> None:
    clock = FakeClock()
    with _session(sb, clock=clock) as s:
        s.session_info()
        clock.now += 35 * 60 - 5
        sb.state.advance(35 * 60 - 5)
        sb.state.inject("bill_v3", "503", 1)
        with pytest.raises(ProviderError) as caught:
            s.session_info()
        assert caught.value.status == 503
        s.session_info()  # the next call renews
    assert sb.state.counters("bill_v3")["logins"] == 2
