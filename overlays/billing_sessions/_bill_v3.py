"""BILL v3's session rules (``billing_sessions.bill_v3`` is the public face; the answers and the trust are in
``bill_v3_rules``): the provider, pagination and the options both session classes share. The session
classes are written once, in ``_async/bill_v3.py``; ``_sync/bill_v3.py`` is generated from it."""

from __future__ import annotations

import datetime
import difflib
import functools
import inspect
import json
import logging
import sys
import time
import types
from collections.abc import Callable
from typing import Any, Protocol, Unpack

import httpx

from billing_sessions._bill import bill_account_key
from billing_sessions._session import _Base
from billing_sessions.bill_v3_rules import (
    MFA_HINT,
    NAME,
    REMEMBER_FOR,
    SESSION_GONE,
    TRUSTED,
    UNTRUSTED_KIND,
    WARN_DAYS,
    LoginGuard,
    Trust,
    TrustKeeper,
    days_left,
    entries_of,
    error_for,
    expect,
)
from billing_sessions.core import PLACEHOLDER_TOKEN, Provider, Token, account_key, require
from billing_sessions.errors import LoginError, ProviderError, UsageError
from billing_sessions.session import SessionOptions
from billing_sessions.stores.base import PROCESS_SECRET
from billing_sessions_generated.bill_v3 import AuthenticatedClient, Client
from billing_sessions_generated.bill_v3.api.session import login, logout
from billing_sessions_generated.bill_v3.models import (
    ChallengeResponse,
    LoginRequest,
    LoginResponse,
    ValidateRequest,
    ValidateResponse,
)
from billing_sessions_generated.bill_v3.types import UNSET, Response

log = logging.getLogger("billing_sessions")


DEFAULT_BASE_URL = "https://gateway.prod.bill.com/connect"
SANDBOX_BASE_URL = "https://gateway.stage.bill.com/connect"
IDLE_TIMEOUT = 35 * 60.0
MAX_IN_FLIGHT = 3  # provider limit: 3 requests in flight per devKey per org, v2 and v3 together
DEFAULT_DEVICE = "billing-sessions"
SECRET_FIELDS = frozenset({"devKey", "sessionId", "password", "rememberMeId"})
_UNUSED = PLACEHOLDER_TOKEN  # the logout client's auth header is dropped: the session goes in headers


# -- the provider -------------------------------------------------------------------------------------------


def _with_headers(request: httpx.Request, headers: dict[str, str]) -> httpx.Request:
    if SECRET_FIELDS & set(request.url.params.keys()):
        raise UsageError(
            f"{NAME}: devKey, sessionId, password and rememberMeId must never be sent in a query string",
            provider=NAME,
            operation=f"{request.method} {request.url.path}",
        )
    request.headers.pop("Authorization", None)
    request.headers.update(headers)
    return request


class _BillV3(Provider):
    name = NAME

    def __init__(
        self,
        username: str | None,
        password: str | None,
        organization_id: str | None,
        dev_key: str | None,
        remember_me_id: str | None,
        device: str | None,
        idle_timeout: float,
        max_in_flight: int | None,
    ) -> None:
        self.username = require(username, "username", self.name)
        self.password = require(password, "password", self.name)
        self.organization_id = require(organization_id, "organization_id", self.name)
        self.dev_key = require(dev_key, "dev_key", self.name)
        self.remember_me_id = remember_me_id
        self.device = device or DEFAULT_DEVICE
        self.idle_timeout = idle_timeout
        self.max_in_flight = max_in_flight
        super().__init__()
        self.wall: Callable[[], float] = time.time
        self.trust_lost = False  # a remembered trust was refused at login (expired): dropped, reported

    @functools.cached_property
    def trust(self) -> TrustKeeper:
        """The account's remembered MFA trust, in the session's store."""
        return TrustKeeper(self.connection.store, self.connection.key)

    def concurrency_scope(self) -> tuple[str, ...]:
        return (self.dev_key, self.organization_id)  # BILL: 3 requests in flight per devKey per org

    def concurrency_key(self, base_url: str) -> str:
        return bill_account_key(self.dev_key, self.organization_id)  # shared with v2 sessions

    def credentials(self) -> tuple[str, ...]:
        return (self.username, self.password, self.organization_id, self.dev_key)

    def idempotent(self, request: httpx.Request) -> bool:
        return request.method == "GET"

    def retry_answer(self, request: httpx.Request, response: httpx.Response) -> bool:
        return response.status_code >= 400 and any(e.code == "BDC_1322" for e in entries_of(response))

    def final_answer(self, request: httpx.Request, response: httpx.Response) -> bool:
        # The hourly quota clears at the top of the hour: a retry now only spends more of it.
        return response.status_code >= 400 and any(e.code == "BDC_1144" for e in entries_of(response))

    def apply(self, request: httpx.Request, token: Token | None, nonce: int | None) -> httpx.Request:
        headers = {"devKey": self.dev_key}
        if token is not None:
            headers["sessionId"] = token.value
        return _with_headers(request, headers)

    def prepare_login(self, request: httpx.Request, token: Token | None) -> httpx.Request:
        if token is not None:  # logout
            return self.apply(request, token, None)
        body = json.loads(request.content)
        body["devKey"] = self.dev_key  # session-owned: not in the generated LoginRequest
        headers = httpx.Headers(request.headers)
        headers.pop("Content-Length", None)
        headers.pop("Authorization", None)
        content = json.dumps(body).encode()
        return httpx.Request(
            request.method, request.url, headers=headers, content=content, extensions=request.extensions
        )

    def is_expired(self, response: httpx.Response) -> bool:
        return response.status_code == 401 and any(e.code == SESSION_GONE for e in entries_of(response))

    # -- login

    def _given(self) -> Trust | None:
        """A ``remember_me_id=`` the caller passed (it has no known age), else None: the store's is used."""
        return Trust(self.remember_me_id, self.device, float("inf")) if self.remember_me_id else None

    def _remembered(self) -> Trust | None:
        return self._given() or self.trust.load(self.wall())

    async def _aremembered(self) -> Trust | None:
        return self._given() or await self.trust.aload(self.wall())

    def _login_body(self, trust: Trust | None) -> LoginRequest:
        body = LoginRequest(
            username=self.username, password=self.password, organization_id=self.organization_id
        )
        if trust is not None:
            body.remember_me_id, body.device = trust.remember_me_id, trust.device
        return body

    def _key_id(self) -> str:
        return account_key(self.name, "devKey", (self.dev_key,), PROCESS_SECRET)

    def _account(self) -> str:
        return account_key(self.name, "login", self.credentials(), PROCESS_SECRET)

    def _token(self, response: Response[Any], trust: Trust | None) -> tuple[Token, bool]:
        """The login answer's session, and whether the remembered trust it was sent with was refused (expired
        or revoked: the caller drops a stored one; never retried in a loop)."""
        answer: LoginResponse = expect_login(response)
        trusted = answer.trusted is True
        lost = trust is not None and not trusted
        if lost:
            self.trust_lost = True
            log.warning("%s: the remembered MFA trust was not accepted (expired?): %s", self.name, MFA_HINT)
        now = time.time()
        kind = TRUSTED if trusted else UNTRUSTED_KIND
        return Token(value=answer.session_id, created=now, last_used=now, kind=kind), lost

    def _stored_trust(self) -> TrustKeeper | None:
        """The store's trust keeper, unless the caller passed its own ``remember_me_id=``."""
        return None if self.remember_me_id else self.trust

    def _days_left(self, trust: Trust, reason: str) -> float | None:
        """An ``mfa_trust`` event (and metric) saying how long ``trust`` holds; the days left when a warning
        may be due (fewer than 7). A ``remember_me_id=`` the caller passed has no known age: nothing."""
        if trust.until == float("inf"):
            return None
        left = days_left(trust.until, self.wall())
        telemetry = self.connection.telemetry
        if telemetry is not None:
            telemetry.emit(telemetry.event("mfa_trust", reason=reason, days_left=left))
        return left if left < WARN_DAYS else None

    def _warn(self, trust: Trust, left: float) -> None:
        until = datetime.datetime.fromtimestamp(trust.until, datetime.UTC).isoformat(timespec="minutes")
        log.warning(
            "%s: the remembered MFA trust expires in %.1f days (%s); after that logins are untrusted "
            "and payments refused: %s before then",
            NAME,
            left,
            until,
            MFA_HINT,
        )

    def trust_held(self, trust: Trust, reason: str) -> None:
        """Say how long the remembered trust holds: an ``mfa_trust`` event, and a WARNING at most once a day
        (per store) when fewer than 7 days are left: only a person with the phone can renew it."""
        left = self._days_left(trust, reason)
        if left is not None and self.trust.warning_due(self.wall()):
            self._warn(trust, left)

    async def atrust_held(self, trust: Trust, reason: str) -> None:
        left = self._days_left(trust, reason)
        if left is not None and await self.trust.awarning_due(self.wall()):
            self._warn(trust, left)

    def validated(self, answer: ValidateResponse, remember: bool, device: str | None) -> Trust | None:
        """After an MFA: the trust to remember (None: not asked for, or none in the answer)."""
        remember_me_id = trust_id(answer)
        if not remember or remember_me_id is None:
            return None
        self.trust_lost = False
        log.info("%s: MFA trust remembered for this account (30 days)", NAME)
        return Trust(remember_me_id, device or self.device, time.time() + REMEMBER_FOR)

    def login(self) -> Token:
        LoginGuard.before(self._key_id(), self._account(), self.wall())
        try:
            trust = self._remembered()
            client = self.login_client(Client)
            response = login.sync_detailed(client=client, body=self._login_body(trust))
            token, lost = self._token(response, trust)
        except LoginError:  # rejected credentials count; a network failure or a quota answer does not
            LoginGuard.after(self._account(), ok=False)
            raise
        LoginGuard.after(self._account(), ok=True)
        stored = self._stored_trust()
        if lost and stored is not None:
            stored.drop()
        elif trust is not None and not lost:
            self.trust_held(trust, "remembered")
        return token

    async def alogin(self) -> Token:
        LoginGuard.before(self._key_id(), self._account(), self.wall())
        try:
            trust = await self._aremembered()
            client = self.login_client(Client)
            response = await login.asyncio_detailed(client=client, body=self._login_body(trust))
            token, lost = self._token(response, trust)
        except LoginError:
            LoginGuard.after(self._account(), ok=False)
            raise
        LoginGuard.after(self._account(), ok=True)
        stored = self._stored_trust()
        if lost and stored is not None:
            await stored.adrop()
        elif trust is not None and not lost:
            await self.atrust_held(trust, "remembered")
        return token

    def logout(self, token: Token) -> None:
        with self.login_client(AuthenticatedClient, token, token=_UNUSED) as client:
            logout.sync_detailed(client=client)

    async def alogout(self, token: Token) -> None:
        async with self.login_client(AuthenticatedClient, token, token=_UNUSED) as client:
            await logout.asyncio_detailed(client=client)


def expect_login(response: Response[Any]) -> LoginResponse:
    if int(response.status_code) == 200 and isinstance(response.parsed, LoginResponse):
        if not isinstance(response.parsed.session_id, str) or not response.parsed.session_id:
            raise LoginError(f"{NAME}: the login answer carried no session", provider=NAME, status=200)
        return response.parsed
    raw = httpx.Response(int(response.status_code), content=response.content)
    raise error_for(raw, "POST /v3/login", login=True)


# -- sessions -----------------------------------------------------------------------------------------------


class ListOperation(Protocol):
    """A generated list operation module (``list_vendors``, ``list_bills``, ...)."""

    sync_detailed: Callable[..., Response[Any]]
    asyncio_detailed: Callable[..., Any]


SESSION_INFO = "GET /v3/login/session"
CHALLENGE = "POST /v3/mfa/challenge"
VALIDATE = "POST /v3/mfa/challenge/validate"


class _Options(_Base[AuthenticatedClient]):
    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        username: str | None = None,
        password: str | None = None,
        organization_id: str | None = None,
        dev_key: str | None = None,
        remember_me_id: str | None = None,
        device: str | None = None,
        idle_timeout: float = IDLE_TIMEOUT,
        max_in_flight: int | None = MAX_IN_FLIGHT,
        logout_on_close: bool | None = None,
        **options: Unpack[SessionOptions],
    ) -> None:
        provider = _BillV3(
            username, password, organization_id, dev_key, remember_me_id, device, idle_timeout, max_in_flight
        )
        super().__init__(provider, AuthenticatedClient, base_url, logout_on_close=logout_on_close, **options)
        self._v3 = provider

    @property
    def trusted(self) -> bool:
        """Is the current session MFA-trusted (from the login answer, or made so by ``mfa_validate``)?"""
        token = self.auth.token
        return token is not None and token.kind == TRUSTED

    @property
    def trust_lost(self) -> bool:
        """True when a remembered trust was refused at login (expired): it was dropped; run the MFA again."""
        return self._v3.trust_lost

    def _validate_body(
        self, challenge_id: str, code: str, remember: bool, device: str | None, machine_name: str | None
    ) -> ValidateRequest:
        body = ValidateRequest(challenge_id=challenge_id, token=code, remember_me=remember)
        if remember:
            body.device = device or self._v3.device
            if machine_name:
                body.machine_name = machine_name
        return body


def _challenge_id(answer: ChallengeResponse) -> str:
    if isinstance(answer.challenge_id, str) and answer.challenge_id:
        return answer.challenge_id
    raise ProviderError(f"{NAME}: the challenge answer carries no challengeId", provider=NAME, status=200)


def trust_id(answer: ValidateResponse) -> str | None:
    """The trust identifier of a validate answer: ``rememberMeId``, or ``mfaId`` as one production runbook
    reads it (both are assumptions in the spec; whichever is there, ``rememberMeId`` first)."""
    for value in (answer.remember_me_id, answer.mfa_id):
        if isinstance(value, str) and value:
            return value
    return None


def _page(parsed: Any, operation: str) -> tuple[list[Any], str | None]:
    results = getattr(parsed, "results", None)
    if not isinstance(results, list):
        raise ProviderError(
            f"{NAME}: the answer to {operation} carries no results list", provider=NAME, operation=operation
        )
    cursor = getattr(parsed, "next_page", UNSET)
    return results, cursor if isinstance(cursor, str) and cursor else None


def _list_answer(response: Response[Any], operation: str) -> tuple[list[Any], str | None]:
    if int(response.status_code) != 200 or response.parsed is None or isinstance(response.parsed, list):
        expect(response, type(None), operation)
    return _page(response.parsed, operation)


class _Cursors:
    """The ``nextPage`` cursors one pagination has followed: one seen before, or a cursor after an empty page,
    would loop forever against the hourly quota, so it ends the pagination with a ``ProviderError``."""

    def __init__(self, operation: str, first: object) -> None:
        self.operation = operation
        self.seen: set[str] = {first} if isinstance(first, str) else set()

    def follow(self, results: list[Any], cursor: str) -> str:
        problem = (
            "repeated a cursor"
            if cursor in self.seen
            else ""
            if results
            else "gave an empty page and a cursor"
        )
        if problem:
            raise ProviderError(
                f"{NAME}: {self.operation} {problem}: stopped paginating (it would never end)",
                provider=NAME,
                operation=self.operation,
            )
        self.seen.add(cursor)
        return cursor


_DETAILED = ("sync_detailed", "asyncio_detailed")
_HOW = (
    "paginate() takes a generated BILL v3 list operation: the module "
    "(from billing_sessions_generated.bill_v3.api.vendors import list_vendors) or its sync_detailed / "
    "asyncio_detailed"
)


def list_operation(operation: Any, kwargs: dict[str, Any]) -> tuple[ListOperation, str]:
    """The generated list operation ``paginate`` was given, and its name; a TypeError naming the fix, before
    anything is sent, for anything else or for an argument the operation does not take."""
    if callable(operation) and getattr(operation, "__name__", None) in _DETAILED:
        operation = sys.modules.get(getattr(operation, "__module__", ""), operation)
    module = getattr(operation, "__name__", "")
    if (
        not isinstance(operation, types.ModuleType)
        or not module.startswith("billing_sessions_generated.bill_v3.api.")
        or not all(callable(getattr(operation, f, None)) for f in _DETAILED)
    ):
        raise TypeError(f"{_HOW}; got {operation!r}")
    name = module.rsplit(".", 1)[-1]
    params = inspect.signature(operation.sync_detailed).parameters
    if "page" not in params:
        raise TypeError(
            f"paginate(): {name} is not a list operation (it takes no page cursor): call "
            f"{name}.sync_detailed(client=s.client) and bill_v3.result(...) instead"
        )
    accepted = sorted(n for n, p in params.items() if p.kind is p.KEYWORD_ONLY and n != "client")
    for key in kwargs:
        if key not in accepted:
            close = difflib.get_close_matches(key, accepted, n=1) or [k for k in accepted if k == key + "_"]
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise TypeError(
                f"paginate({name}): {name} takes no argument {key!r}{hint}; it takes {', '.join(accepted)}"
            )
    return operation, name
