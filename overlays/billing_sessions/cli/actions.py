"""What ``status``, ``login``, ``logout``, ``forget`` and ``mfa`` do to one account; the CLI prints it.

A report holds what may be shown: times, kinds, short hashes and provider answers, never a secret.
"""

from __future__ import annotations

import os
import re
import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import typer

from billing_sessions import bill, bill_v3, billingplatform, gestix, szamla_agent
from billing_sessions.cli.accounts import (
    REDIS_SCHEMES,
    SECRETS,
    AnySession,
    ConfigError,
    ProviderName,
    credentials,
    describe,
    interactive,
    open_session,
    open_store,
    stored_token,
    when,
)
from billing_sessions.core import Token
from billing_sessions.redact import REDACTED, SECRET_NAMES, redact

__all__ = [
    "ACTIONS",
    "BP_PROBE",
    "SOURCES",
    "Report",
    "Secrets",
    "forget",
    "login",
    "logout",
    "mfa",
    "perform",
    "status",
]

#: The cheapest authenticated BillingPlatform call: one row of a table every tenant has.
BP_PROBE = "SELECT Id FROM ACCOUNT ORDER BY Id OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY"
SOURCES = {
    "reused": "reused the stored session",
    "login": "logged in (there was no stored session)",
    "re-login": "logged in again (the stored session had expired)",
    "stored": "a stored session (the Agent was not called)",
    "none": "no stored session",
}
Report = dict[str, Any]


class Secrets:
    """Every secret this run has seen, replaced in whatever is printed (messages should carry none anyway)."""

    def __init__(self) -> None:
        self.values: set[str] = set()

    def add(self, *values: str | None) -> None:
        self.values.update(v for v in values if v)

    def scrub(self, text: str) -> str:
        if self.values:
            # Whole values only (not inside a longer word): a short test secret must not garble the text.
            alternatives = "|".join(re.escape(v) for v in sorted(self.values, key=len, reverse=True))
            text = re.sub(rf"(?<![A-Za-z0-9])(?:{alternatives})(?![A-Za-z0-9])", REDACTED, text)
        return redact(text)

    def scrub_all(self, value: Any) -> Any:
        """The same for every string inside a JSON-able value (the JSON text itself stays valid)."""
        if isinstance(value, str):
            return self.scrub(value)
        if isinstance(value, dict):
            return {self.scrub(str(k)): self.scrub_all(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.scrub_all(v) for v in value]
        return value


def _prompt(label: str, hidden: bool) -> str:
    return str(typer.prompt(label, hide_input=hidden, err=True))  # err: stdout stays clean for --json


def perform(command: str, provider: ProviderName, store_spec: str | None, secrets: Secrets) -> Report:
    values = credentials(provider, os.environ, _prompt if interactive() else None)
    secrets.add(*(v for k, v in values.items() if k in SECRETS))
    if store_spec and store_spec.startswith(REDIS_SCHEMES):
        secrets.add(urlsplit(store_spec).password)
    store = open_store(store_spec)
    try:
        with open_session(provider, values, store) as s:
            before = stored_token(s)
            secrets.add(before.value if before else None, _remember_me_id(s))
            try:
                report = ACTIONS[command](s, before)
            finally:
                secrets.add(s.auth.token.value if s.auth.token else None)
            after = stored_token(s)
            secrets.add(after.value if after else None, _remember_me_id(s))
    finally:
        close = getattr(store, "close", None)
        if callable(close):
            close()
    return {"store": repr(store), **report}


def _remember_me_id(s: AnySession) -> str | None:
    """The stored BILL v3 ``rememberMeId`` (a secret): scrubbed from anything printed."""
    if not isinstance(s, bill_v3.Session):
        return None
    record = s.store.load(bill_v3.trust_key(s.auth.key)) or {}
    value = record.get("remember_me_id")
    return value if isinstance(value, str) else None


def _trust(s: bill_v3.Session) -> Report:
    """The session's MFA trust and until when the remembered one holds: only a person with the phone can
    renew it (``billing-sessions mfa bill-v3``), so monitoring reads ``days_left`` from ``--json``."""
    left = s.trust_days_left()
    report: Report = {
        "trusted": s.trusted,
        "remembered_until": when(s.remembered_until()),
        "days_left": None if left is None else round(left, 1),
    }
    if left is not None and left < bill_v3.WARN_DAYS:
        report["renew"] = f"fewer than {bill_v3.WARN_DAYS} days left: run `billing-sessions mfa bill-v3`"
    elif left is None:
        report["renew"] = "no remembered trust: run `billing-sessions mfa bill-v3` to make logins trusted"
    return report


def _source(s: AnySession, before: Token | None) -> str:
    if s.logins:
        return "re-login" if before is not None else "login"
    return "reused" if before is not None else "none"


def _session(s: AnySession, source: str) -> Report:
    return {"source": source, "logins": s.logins, **describe(stored_token(s))}


def _public(value: Any) -> Any:
    """A generated model as plain data, minus any field named like a credential."""
    data = value.to_dict() if hasattr(value, "to_dict") else value
    if isinstance(data, dict):
        names = {n.lower() for n in SECRET_NAMES}
        return {k: _public(v) for k, v in data.items() if str(k).lower() not in names}
    return data


def status(s: AnySession, before: Token | None) -> Report:
    if isinstance(s, szamla_agent.Session):
        # Provider rule: no needless Agent calls; the cookie is only a cache of the XML's credentials.
        source = "stored" if before is not None else "none"
        note = "not checked: the Agent is only called to do real work; it makes or renews the session then"
        return {
            "summary": SOURCES[source],
            "session": _session(s, source),
            "status": {"checked": False, "note": note},
        }
    result: Report
    if isinstance(s, gestix.Session):
        result = _public(s.status())
    elif isinstance(s, bill.Session):
        result = _public(s.session_info())
    elif isinstance(s, bill_v3.Session):
        result = {**_public(s.session_info()), "mfa": _trust(s)}
    else:
        result = {"checked_with": "GET /rest/2.0/query", "records": len(s.query(BP_PROBE))}
    source = _source(s, before)
    return {"summary": SOURCES[source], "session": _session(s, source), "status": result}


def login(s: AnySession, before: Token | None) -> Report:
    s.login()  # reuses a usable stored session without a call; `status` is the check
    source = _source(s, before)
    summary = SOURCES[source]
    if isinstance(s, szamla_agent.Session) and before is None:
        summary = "nothing to do: the Agent makes its session with the first real call"
    return {"summary": summary, "session": _session(s, source)}


def logout(s: AnySession, before: Token | None) -> Report:
    if before is None:
        return {
            "summary": "no stored session: nothing to log out",
            "provider_logout": False,
            "session": describe(None),
        }
    called = isinstance(s, bill.Session | bill_v3.Session) or (
        isinstance(s, billingplatform.Session) and before.kind == "session"
    )
    if called:
        s.provider.logout(before)  # a failure raises: the record is kept for another try
    s.auth.forget()
    summary = (
        "logged out and dropped the stored session" if called else "no provider logout: dropped the session"
    )
    return {"summary": summary, "provider_logout": called, "session": describe(None)}


def forget(s: AnySession, before: Token | None) -> Report:
    s.auth.forget()
    summary = "dropped the stored session" if before is not None else "no stored session"
    report: Report = {"summary": summary, "dropped": before is not None, "session": describe(None)}
    if isinstance(s, bill_v3.Session):  # the remembered MFA trust goes too: forget means forget
        report["dropped_mfa_trust"] = s.remembered_until() is not None
        s.forget_trust()
    return report


def mfa(s: AnySession, before: Token | None) -> Report:
    """BILL v3: text a code, ask for it without echo, validate with remember-me, keep the rememberMeId."""
    if not isinstance(s, bill_v3.Session):
        raise ConfigError("mfa: only bill-v3 has MFA-trusted sessions")
    challenge = s.mfa_challenge()
    code = _prompt("bill-v3: the 6-digit code texted to your MFA phone", True).strip()
    until = s.mfa_validate(challenge, code, remember=True, machine_name=socket.gethostname())
    source = _source(s, before)
    summary = f"this session is MFA-trusted; later logins are trusted until {when(until)}"
    return {"summary": summary, "mfa": _trust(s), "session": _session(s, source)}


ACTIONS: dict[str, Callable[[AnySession, Token | None], Report]] = {
    "status": status,
    "login": login,
    "logout": logout,
    "forget": forget,
    "mfa": mfa,
}
