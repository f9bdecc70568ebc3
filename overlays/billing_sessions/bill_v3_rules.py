"""BILL v3's rules that are not the session itself: error arrays and their typed errors, the login guard
(200 logins an hour per devKey; an account whose logins keep failing stops) and the remembered MFA trust.
:mod:`billing_sessions.bill_v3` uses them and re-exports the public names.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from typing import Any

import attrs
import httpx

from billing_sessions.errors import (
    BillingSessionError,
    ErrorEntry,
    LoginError,
    ProviderError,
    RateLimited,
    SessionExpired,
    UntrustedSession,
    login_error,
    status_error,
)
from billing_sessions.store_guard import guard
from billing_sessions.stores import SessionStore
from billing_sessions.stores.base import Record
from billing_sessions_generated.bill_v3.types import Response

__all__ = [
    "DAY",
    "FAILED_LOGINS_BEFORE_STOP",
    "LOGINS_PER_HOUR",
    "MFA_HINT",
    "NAME",
    "RATE_ERRORS",
    "REMEMBER_FOR",
    "SESSION_GONE",
    "TRUST_PREFIX",
    "UNTRUSTED",
    "WARN_DAYS",
    "LoginGuard",
    "Trust",
    "TrustKeeper",
    "days_left",
    "entries_of",
    "error_for",
    "expect",
    "result",
    "seconds_to_next_hour",
    "trust_key",
]

NAME = "bill_v3"
REMEMBER_FOR = 30 * 24 * 3600.0  # a rememberMeId lasts 30 days
DAY = 24 * 3600.0
WARN_DAYS = 7  # fewer days of remembered trust left than this: a WARNING (at most once a day)
LOGINS_PER_HOUR = 200  # provider limit per devKey
FAILED_LOGINS_BEFORE_STOP = 5  # consecutive failed logins of one account before this process stops trying
SESSION_GONE = "BDC_1109"
UNTRUSTED = "BDC_1361"
RATE_ERRORS = frozenset({"BDC_1144", "BDC_1322"})
MFA_HINT = (
    "make the session MFA-trusted: run `billing-sessions mfa bill-v3` (or mfa_challenge + mfa_validate)"
)
# Token.kind: the login answer's trust travels with the session (also to other users of the store).
TRUSTED, UNTRUSTED_KIND = "trusted", "session"


# -- errors -------------------------------------------------------------------------------------------------


def entries_of(response: httpx.Response) -> tuple[ErrorEntry, ...]:
    """Every entry of a v3 error array (an entry without ``code`` too); empty for anything else."""
    try:
        body = json.loads(response.content)
    except ValueError:
        return ()
    if isinstance(body, dict):
        body = [body]
    if not isinstance(body, list):
        return ()

    def text(entry: dict[str, Any], name: str) -> str | None:
        value = entry.get(name)
        return value if isinstance(value, str) else None

    return tuple(
        ErrorEntry(text(e, "code"), text(e, "severity"), text(e, "category"), text(e, "message"))
        for e in body
        if isinstance(e, dict) and ("code" in e or "message" in e)
    )


def seconds_to_next_hour(now: float) -> float:
    return 3600.0 - (now % 3600.0)


def error_for(response: httpx.Response, operation: str, *, login: bool = False) -> BillingSessionError:
    """The typed error of a v3 error answer, classified by code (whatever the HTTP status), entries kept."""
    entries = entries_of(response)
    status = response.status_code
    codes = [e.code for e in entries if e.code]
    code = codes[0] if codes else None
    first = entries[0] if entries else None
    detail = f"{first.code or ''} {first.message or ''}".strip() if first else f"HTTP {status}"
    more = f" (+{len(entries) - 1} more)" if len(entries) > 1 else ""
    text = f"{NAME}: {detail}{more}"
    error: BillingSessionError
    rate = next((c for c in codes if c in RATE_ERRORS), None)
    if rate is not None:
        limited = RateLimited(text, provider=NAME, status=status, operation=operation, code=rate)
        limited.retry_after = seconds_to_next_hour(time.time()) if rate == "BDC_1144" else 2.0
        error = limited
    elif UNTRUSTED in codes:
        error = UntrustedSession(
            f"{text}: {MFA_HINT}", provider=NAME, status=status, operation=operation, code=UNTRUSTED
        )
    elif SESSION_GONE in codes and not login:
        error = SessionExpired(text, provider=NAME, status=status, operation=operation, code=code)
    elif login:  # a 404 names the base URL; 429/5xx are the provider's failure, not the credentials'
        error = login_error(text, provider=NAME, status=status, operation=operation, code=code)
    else:
        error = status_error(text, provider=NAME, status=status, operation=operation, code=code)
    error.entries = entries
    return error


def expect(response: Response[Any], cls: type[Any], operation: str) -> Any:
    """The parsed success answer of type ``cls``, or the typed error of the raw answer."""
    if 200 <= int(response.status_code) < 300 and isinstance(response.parsed, cls):
        return response.parsed
    raw = httpx.Response(int(response.status_code), content=response.content)
    if 200 <= raw.status_code < 300 and not entries_of(raw):
        raise ProviderError(
            f"{NAME}: unexpected answer to {operation}",
            provider=NAME,
            status=raw.status_code,
            operation=operation,
        )
    raise error_for(raw, operation)


def result(response: Response[Any], operation: str = "") -> Any:
    """The parsed answer of a generated call made with ``client=s.client``; an error answer raises its typed
    error (``UntrustedSession`` for 403 ``BDC_1361``, ``RateLimited``, ...) with every entry kept."""
    parsed = response.parsed
    status = int(response.status_code)
    if 200 <= status < 300 and parsed is not None and not isinstance(parsed, list):
        return parsed
    raw = httpx.Response(status, content=response.content)
    operation = operation or "a generated call"
    if status >= 300 or entries_of(raw):
        raise error_for(raw, operation)
    raise ProviderError(f"{NAME}: unexpected answer to {operation}", provider=NAME, status=status)


# -- the login guard ----------------------------------------------------------------------------------------


class LoginGuard:
    """Keeps this process within BILL's 200 logins an hour per devKey, and stops an account whose logins keep
    failing (wrong password, locked user) before it burns that quota for every other user of the key."""

    _lock = threading.Lock()
    _attempts: dict[str, deque[float]] = {}  # noqa: RUF012 - process-wide on purpose
    _failures: dict[str, int] = {}  # noqa: RUF012

    @classmethod
    def before(cls, dev_key: str, account: str, now: float) -> None:
        with cls._lock:
            if cls._failures.get(account, 0) >= FAILED_LOGINS_BEFORE_STOP:
                raise LoginError(
                    f"{NAME}: {FAILED_LOGINS_BEFORE_STOP} logins in a row failed for this account; not trying"
                    " again in this process (BILL allows 200 logins an hour per devKey): fix the credentials",
                    provider=NAME,
                    operation="POST /v3/login",
                )
            attempts = cls._attempts.setdefault(dev_key, deque())
            while attempts and attempts[0] <= now - 3600.0:
                attempts.popleft()
            if len(attempts) >= LOGINS_PER_HOUR:
                error = RateLimited(
                    f"{NAME}: {LOGINS_PER_HOUR} logins in the last hour for this devKey: not logging in",
                    provider=NAME,
                    operation="POST /v3/login",
                    code="BDC_1144",
                )
                error.retry_after = attempts[0] + 3600.0 - now
                raise error
            attempts.append(now)

    @classmethod
    def after(cls, account: str, ok: bool) -> None:
        with cls._lock:
            cls._failures[account] = 0 if ok else cls._failures.get(account, 0) + 1

    @classmethod
    def reset(cls, account: str | None = None) -> None:
        """Forget failures (of one account, or all): after the credentials were fixed."""
        with cls._lock:
            if account is None:
                cls._failures.clear()
                cls._attempts.clear()
            else:
                cls._failures.pop(account, None)


# -- trust --------------------------------------------------------------------------------------------------


@attrs.frozen(repr=False)
class Trust:
    """A remembered MFA trust: the ``rememberMeId`` (a secret), its device and its end (epoch seconds)."""

    remember_me_id: str
    device: str
    until: float

    def __repr__(self) -> str:
        return f"Trust(device={self.device!r}, until={self.until:.0f}, remember_me_id=<redacted>)"


TRUST_PREFIX = "bill_v3-mfa-trust"


def trust_key(session_key: str) -> str:
    """The store key of an account's remembered trust, from its session key. Its own prefix: a store that
    expires records by provider (RedisStore: 35 minutes for sessions) keeps it for its 30 days instead."""
    return TRUST_PREFIX + session_key.removeprefix(NAME)


class TrustKeeper:
    """The account's ``rememberMeId`` in the session store, under its own key next to the session's. The
    ``a``-prefixed twins never block the event loop (``GuardedStore.acall``)."""

    def __init__(self, store: SessionStore, key: str) -> None:
        self.store = guard(store, NAME)
        self.key = trust_key(key)

    def load(self, now: float) -> Trust | None:
        return _trust(self.store.load(self.key), now)

    async def aload(self, now: float) -> Trust | None:
        return _trust(await self.store.acall("load", self.key), now)

    def save(self, trust: Trust) -> None:
        self.store.save(self.key, _trust_record(trust), REMEMBER_FOR)

    async def asave(self, trust: Trust) -> None:
        await self.store.acall("save", self.key, _trust_record(trust), REMEMBER_FOR)

    def warning_due(self, now: float) -> bool:
        """Is a "trust expires soon" warning due (none given in the last day, by any process sharing the
        store)? Marks it given when it is."""
        marked = _warned(self.store.load(self.key), now)
        if marked is not None:
            self.store.save(self.key, marked, _left(marked, now))
        return marked is not None

    async def awarning_due(self, now: float) -> bool:
        marked = _warned(await self.store.acall("load", self.key), now)
        if marked is not None:
            await self.store.acall("save", self.key, marked, _left(marked, now))
        return marked is not None

    def drop(self) -> None:
        self.store.delete(self.key)

    async def adrop(self) -> None:
        await self.store.acall("delete", self.key)


def _trust(record: Record | None, now: float) -> Trust | None:
    if not record or not isinstance(record.get("remember_me_id"), str):
        return None
    try:
        trust = Trust(str(record["remember_me_id"]), str(record["device"]), float(record["until"]))
    except (KeyError, TypeError, ValueError, OverflowError):  # OverflowError: a 400-digit "until"
        return None
    return trust if trust.until > now and trust.until != float("inf") else None


def _trust_record(trust: Trust) -> Record:
    return {"remember_me_id": trust.remember_me_id, "device": trust.device, "until": trust.until}


def _left(record: Record, now: float) -> float:
    """The rest of a trust record's 30 days (at least a second: a ttl is positive)."""
    try:
        return max(1.0, float(record["until"]) - now)
    except (KeyError, TypeError, ValueError, OverflowError):
        return REMEMBER_FOR


def _warned(record: Record | None, now: float) -> Record | None:
    """The record marked as warned now, when a warning is due (None: not due)."""
    if not record:
        return None
    warned = record.get("warned")
    if isinstance(warned, int | float) and now - warned < DAY:
        return None
    return {**record, "warned": now}


def days_left(until: float, now: float) -> float:
    """Days (with a fraction) until ``until``; 0 once past."""
    return max(0.0, (until - now) / DAY)
