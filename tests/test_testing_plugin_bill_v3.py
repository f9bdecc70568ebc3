"""The pytest plugin app teams use (``billing_sandbox``) knows BILL v3: session keywords and the MFA code."""

from __future__ import annotations

import pytest

from billing_sessions import bill_v3
from billing_sessions.testing import BillingSandbox


def test_bill_v3_session_kwargs_and_the_texted_code(billing_sandbox: BillingSandbox) -> None:
    kwargs = billing_sandbox.session_kwargs("bill_v3")
    assert kwargs["base_url"] == billing_sandbox.url + "/connect"
    with bill_v3.Session(**kwargs) as s:
        s.session_info()
        billing_sandbox.expire_sessions("bill_v3")
        challenge = s.mfa_challenge()  # healed: one re-login
        code = billing_sandbox.mfa_code()
        assert code is not None
        s.mfa_validate(challenge, code)
        assert s.trusted
    counters = billing_sandbox.counters("bill_v3")
    assert (counters["logins"], counters["mfa_texts"]) == (2, 1)


def test_an_unknown_provider_is_named(billing_sandbox: BillingSandbox) -> None:
    with pytest.raises(ValueError, match="bill_v3"):
        billing_sandbox.session_kwargs("bill_v4")


def test_the_fixture_chooses_the_trust_identifier_name(billing_sandbox: BillingSandbox) -> None:
    billing_sandbox.configure(bill_v3_trust_id_name="mfaId")  # as one production runbook reads it
    with bill_v3.Session(**billing_sandbox.session_kwargs("bill_v3")) as s:
        challenge = s.mfa_challenge()
        until = s.mfa_validate(challenge, billing_sandbox.mfa_code() or "")
        assert until is not None and s.remembered_until() == until
