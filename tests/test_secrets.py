"""Credentials, tokens, session ids and cookies never reach logs, reprs or exception messages."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from billing_sessions import BillingSessionError, bill, bill_v3, billingplatform, gestix, szamla_agent
from billing_sessions.redact import redact
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine
from tests.test_session_szamla_agent import ACTION, INVOICE


def _secrets(sessions: list[object]) -> set[str]:
    found = set(DEMO.secrets())
    for s in sessions:
        token = s.auth.token  # type: ignore[attr-defined]
        if token is not None:
            found.add(token.value)
    return found


def test_no_secret_in_debug_logs_reprs_or_errors(sb: Sandbox, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    sessions: list[object] = []
    errors: list[str] = []
    with gestix.Session(
        sb.base_url("gestix"), username=DEMO.gestix_username, password=DEMO.gestix_password
    ) as g:
        g.status()
        create_invoice.sync_detailed(client=g.client, body=DocumentInput(lines=[DocumentLine("A", 1.0)]))
        sessions.append(g)
        gestix_token = g.auth.token
    with szamla_agent.Session(sb.base_url("szamla_agent"), agent_key=DEMO.szamla_agent_key) as z:
        z.send(ACTION, INVOICE.format(version=1))
        sessions.append(z)
        szamla_cookie = z.auth.token
    with bill.Session(
        sb.base_url("bill"),
        user_name=DEMO.bill_user_name,
        password=DEMO.bill_password,
        org_id=DEMO.bill_org_id,
        dev_key=DEMO.bill_dev_key,
    ) as b:
        b.session_info()
        sessions.append(b)
        bill_session = b.auth.token
    v3_account: dict[str, Any] = {
        "username": DEMO.bill_user_name,
        "password": DEMO.bill_password,
        "organization_id": DEMO.bill_org_id,
        "dev_key": DEMO.bill_dev_key,
    }
    with bill_v3.Session(sb.base_url("bill_v3"), **v3_account) as v3:
        v3.mfa_validate(v3.mfa_challenge(), sb.state.mfa_code() or "")
        sessions.append(v3)
        record = v3.store.load(bill_v3.trust_key(v3.auth.key)) or {}
        remember_me_id = str(record["remember_me_id"])
    with bill_v3.Session(sb.base_url("bill_v3"), **v3_account, store=v3.store) as again:
        again.session_info()  # logs in with the rememberMeId
        sessions.append(again)
    with billingplatform.Session(
        sb.base_url("billingplatform"), username="demo", password=DEMO.bp_password
    ) as p:
        p.query("SELECT Id FROM ACCOUNT")
        sessions.append(p)
        bp_session = p.auth.token
    for bad in (
        lambda: gestix.Session(sb.base_url("gestix"), username="demo", password="hunter2-secret").status(),
        lambda: bill.Session(
            sb.base_url("bill"),
            user_name="x",
            password="hunter2-secret",
            org_id="o",
            dev_key=DEMO.bill_dev_key,
        ).session_info(),
    ):
        with pytest.raises(BillingSessionError) as caught:
            bad()
        errors.append(f"{caught.value!s} {caught.value!r}")
    secrets = _secrets(sessions) | {"hunter2-secret", remember_me_id}
    secrets |= {t.value for t in (gestix_token, szamla_cookie, bill_session, bp_session) if t is not None}
    lines = [r.getMessage() for r in caplog.records] + [repr(s) for s in sessions] + errors
    lines += [repr(t) for t in (gestix_token, szamla_cookie, bill_session, bp_session)]
    assert len(caplog.records) > 10
    leaks = [(secret, line) for line in lines for secret in secrets if secret and secret in line]
    assert leaks == []


def test_redact_query_and_headers() -> None:
    text = redact("POST http://h/auth?username=demo&password=s3cret 'Authorization: Bearer abc.def'")
    assert "s3cret" not in text and "demo" not in text and "abc.def" not in text
