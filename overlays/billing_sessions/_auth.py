"""The rules of ``SessionAuth`` that involve no I/O, shared by its async half (``_async/auth.py``) and the
sync half generated from it (``_sync/auth.py``); ``billing_sessions.core`` puts them together.

Also here: ``Token``, the session value the rules work on, and the small per-side store calls the generated
code tells apart by name (``_load`` / ``_aload``, ...).
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import math
import threading
import time
from collections.abc import Callable, Iterator
from typing import ClassVar, Protocol

import attrs
import httpx

from billing_sessions.errors import BillingSessionError, ProviderError, SessionExpired
from billing_sessions.lanes import Lane, WriteLanes
from billing_sessions.ordering import WriteMode
from billing_sessions.retry import DEADLINE, ORIGIN, RetryTransport
from billing_sessions.store_guard import GuardedStore
from billing_sessions.stores import Record
from billing_sessions.telemetry import Telemetry, emit, issued

log = logging.getLogger("billing_sessions")


#: Re-logins one nonce write may cause when logins of other write sessions keep ending its session.
MAX_RELOGINS = 3
_RENEWALS = {"token about to expire": "expired", "session idle too long": "idle"}


@attrs.frozen(repr=False)
class Token:
    """A live session: the secret value plus when it was made and last used (epoch seconds)."""

    __module__ = "billing_sessions.core"  # the public face: what the docs name

    value: str
    created: float
    last_used: float
    kind: str = "session"
    expires: float | None = None  # absolute expiry, where the provider tells it (OAuth expires_in)
    endpoint: str | None = None  # where the session's calls go, where the login said (BILL v2 apiEndPoint)

    def __repr__(self) -> str:
        return f"Token(kind={self.kind!r}, created={self.created:.0f}, value=<redacted>)"

    def to_record(self) -> Record:
        return {
            "value": self.value,
            "created": self.created,
            "last_used": self.last_used,
            "kind": self.kind,
            "expires": self.expires,
            "endpoint": self.endpoint,
        }

    @classmethod
    def from_record(cls, record: Record | None) -> Token | None:
        if not record or not isinstance(record.get("value"), str):
            return None
        try:
            token = cls(
                value=record["value"],
                created=float(record.get("created", 0.0)),
                last_used=float(record.get("last_used", 0.0)),
                kind=str(record.get("kind", "session")),
                expires=float(record["expires"]) if record.get("expires") is not None else None,
                endpoint=str(record["endpoint"]) if record.get("endpoint") else None,
            )
        except (TypeError, ValueError, OverflowError):  # OverflowError: an integer too large for a float
            return None
        times = (token.created, token.last_used, token.expires or 0.0)
        return token if all(math.isfinite(t) for t in times) else None  # NaN would dodge every idle rule


#: The last login this thread or task made, as (start, end) on its session object's login clock.
_own_login: contextvars.ContextVar[tuple[int, int] | None] = contextvars.ContextVar("own_login", default=None)

#: The deadline of the call a login is made for: its login requests (and their retries) keep to it too.
_login_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("login_deadline", default=None)


@contextlib.contextmanager
def _logins_within(deadline: float | None) -> Iterator[None]:
    reset = _login_deadline.set(deadline)
    try:
        yield
    finally:
        _login_deadline.reset(reset)


def _addressed(request: httpx.Request) -> httpx.Request:
    """Mark where the credentials on ``request`` are meant to go: a redirect elsewhere goes without them."""
    request.extensions = {**request.extensions, ORIGIN: request.url}  # compared by identity: no URL work here
    return request


#: Nonces drawn per (store, account) in this process: whether a later write of the account may be on the wire.
_ALLOCATED: dict[tuple[int, str], int] = {}


@attrs.define(eq=False)
class _Write:
    """One nonce write in progress."""

    lane: Lane[Token]
    token: Token | None
    exclusive: bool  # holds the account's write slot until answered (strict, or re-sent after a refusal)
    mark: int = 0  # the process's nonce count when this attempt drew its nonce
    login: tuple[int, int] | None = None  # the login made for this write, if any (see ``_alone``)
    shared: bool = False  # its session is the account's shared one (lane 0), else the lane's own
    relogins: int = 0
    refused_on: int = 0  # the lane above 0 a refusal came on (then re-sent exclusively)


def _used_at(token: Token, now: float) -> Token:
    """``token``, last used at ``now``. The constructor, not attrs.evolve: this runs on every answer and
    evolve introspects the fields."""
    return Token(token.value, token.created, now, token.kind, token.expires, token.endpoint)


def _buffered(request: httpx.Request) -> bool:
    try:
        request.content  # noqa: B018 - raises for an unread stream
    except httpx.RequestNotRead:
        return False
    return True


class AuthProvider(Protocol):
    """What the auth asks of a provider: ``core.Provider`` (which imports this module) is one."""

    name: ClassVar[str]
    nonce_methods: ClassVar[frozenset[str]]
    session_by_first_call: ClassVar[bool]
    idle_timeout: float | None
    renew_margin: float
    mandatory_margin: float

    def record_ttl(self) -> float | None: ...
    def login(self) -> Token: ...
    async def alogin(self) -> Token: ...
    def apply(self, request: httpx.Request, token: Token | None, nonce: int | None) -> httpx.Request: ...
    def is_expired(self, response: httpx.Response) -> bool: ...
    def refused(self, response: httpx.Response) -> bool: ...
    def session_from_response(self, response: httpx.Response) -> str | None: ...
    def token_problem(self, token: Token) -> str | None: ...


class AuthRules(httpx.Auth):
    """What ``SessionAuth`` decides, for its sync and async flows alike. The attributes are set by
    ``SessionAuth.__init__``."""

    provider: AuthProvider
    store: GuardedStore
    key: str
    clock: Callable[[], float]
    retry: RetryTransport | None
    telemetry: Telemetry | None
    _renewal: str | None
    _token: Token | None
    _kept: str | None
    _stored_used: float
    logins: int
    reauths: int
    nonce_rejections: int
    write_mode: WriteMode
    lanes: WriteLanes[Token]
    _login_ticks: int
    _clock_lock: threading.Lock

    # -- the store, per side: a task never blocks its event loop on a blocking store (``acall``)

    def _load(self) -> Record | None:
        return self.store.load(self.key)

    async def _aload(self) -> Record | None:
        record: Record | None = await self.store.acall("load", self.key)
        return record

    def _save(self, token: Token) -> None:
        self.store.save(self.key, token.to_record(), self.provider.record_ttl())

    async def _asave(self, token: Token) -> None:
        await self.store.acall("save", self.key, token.to_record(), self.provider.record_ttl())

    def _delete(self) -> None:
        self.store.delete(self.key)

    async def _adelete(self) -> None:
        await self.store.acall("delete", self.key)

    # -- the rules

    def _marked(self, kind: str) -> Token | None:
        """The current session (if any) as ``kind`` (BILL v3: trusted after an MFA), kept in memory."""
        token = self._token
        if token is not None:
            token = self._token = Token(
                token.value, token.created, token.last_used, kind, token.expires, token.endpoint
            )
        return token

    def _due(self, token: Token) -> tuple[str | None, bool]:
        """Why ``token`` is to be renewed before use (None: it is not), and whether the renewal must succeed
        (the mandatory window) or may fail while the token is still valid (the advisory one)."""
        now = self.clock()
        reason, left = None, math.inf
        if token.expires is not None:
            reason, left = "token about to expire", token.expires - now
        timeout = self.provider.idle_timeout
        if timeout is not None and timeout - (now - token.last_used) <= left:
            reason, left = "session idle too long", timeout - (now - token.last_used)
        margin = self.provider.renew_margin
        if left > margin:
            return None, False
        return reason, left <= min(self.provider.mandatory_margin, margin)

    def _usable(self, token: Token | None, stale: Token | None, *, quiet: bool = False) -> bool:
        if token is None or (stale is not None and token.value == stale.value):
            return False
        reason, mandatory = self._due(token)
        if reason is None or (not mandatory and token.value == self._kept):
            return True  # fresh, or its advisory renewal failed once: kept until the mandatory window
        self._renewal = _RENEWALS[reason]
        if not quiet:
            log.info("%s: %s, renewing before use", self.provider.name, reason)
        return False

    def _still_valid(self, stale: Token | None, *candidates: Token | None) -> Token | None:
        """After a failed renewal: a session still in its advisory window (not the one the server refused),
        kept and used instead of failing the call; None when the renewal had to succeed."""
        for token in candidates:
            if token is None or (stale is not None and token.value == stale.value):
                continue
            reason, mandatory = self._due(token)
            if reason is not None and not mandatory:
                log.warning(
                    "%s: renewing the session early failed: using it while it is valid (%s)",
                    self.provider.name,
                    reason,
                )
                self._kept, self._token = token.value, token
                return token
        return None

    def _stored(self, record: Record | None) -> Token | None:
        """The session of a stored record, if it can be used: a damaged or planted one (a token no header can
        carry, an endpoint the session would not send secrets to) is ignored, so a fresh login replaces it."""
        token = Token.from_record(record)
        problem = None if token is None else self.provider.token_problem(token)
        if problem is not None:
            log.warning(
                "%s: the stored session is unusable (%s): logging in again", self.provider.name, problem
            )
            return None
        return token

    def _adopt_stored(self, record: Record | None, stale: Token | None) -> Token | None:
        """The stored session, made this object's own, if it can be used (None: log in)."""
        token = self._stored(record)
        # The stored token is usually the one just found unusable: say why only once.
        seen = token is not None and self._token is not None and token.value == self._token.value
        if token is not None and self._usable(token, stale, quiet=seen):
            self._token = token
            self._stored_used = token.last_used
            log.info("%s: reusing the stored session", self.provider.name)
            return token
        return None

    def _logged_in(self, token: Token, lane: int = 0) -> Token:
        problem = self.provider.token_problem(token)
        if problem is not None:  # refused before it is stored or sent anywhere
            error = ProviderError(
                f"{self.provider.name}: the login answer's session is unusable: {problem}",
                provider=self.provider.name,
                operation="login",
            )
            error.before_sending = True
            raise error
        # Providers stamp wall-clock time; the session's idle and expiry rules run on its own clock.
        now = self.clock()
        expires = None if token.expires is None else token.expires + (now - token.created)
        token = Token(token.value, now, now, token.kind, expires, token.endpoint)
        self.logins += 1
        log.info("%s: logged in (login %d of this session object)", self.provider.name, self.logins)
        if lane:  # a write lane's own session: neither shared nor stored
            return token
        self._renewal = None
        self._token = token
        self._stored_used = token.last_used
        return token

    def _prepare(self, request: httpx.Request, token: Token | None, nonce: int | None) -> httpx.Request:
        return _addressed(self.provider.apply(request, token, nonce))

    def _updated_token(self, response: httpx.Response, token: Token | None) -> tuple[Token | None, bool]:
        """After an answer: the token to keep using, and whether the store must be updated."""
        fresh = self.provider.session_from_response(response)
        now = self.clock()
        if fresh is not None and (token is None or fresh != token.value):
            log.info("%s: the provider issued a new session", self.provider.name)
            issued(self.telemetry, token is not None, response.request)
            self._stored_used = now
            return Token(value=fresh, created=now, last_used=now), True
        if token is None or (self._token is not None and self._token.value != token.value):
            return None, False  # replaced while this request was out: keep (and never re-store) the newer one
        # Keep last_used current in memory; persist it only now and then (idle rule across processes).
        # Measured from the last save, not the last answer: steady traffic must still reach the store.
        updated = _used_at(token, now)
        if now - self._stored_used <= 30.0:
            return updated, False
        self._stored_used = now
        return updated, True

    def _replayable(self, request: httpx.Request, why: str = "the session expired") -> None:
        """Only a buffered body can be sent again; a streamed one is gone after the first attempt."""
        if not _buffered(request):
            raise BillingSessionError(
                f"{why} and the request body was a stream, which cannot be re-sent: "
                "the provider rejected the first attempt, so nothing was applied; send it again",
                provider=self.provider.name,
                operation=f"{request.method} {request.url.path}",
            )

    def _start(self, request: httpx.Request) -> None:
        policy = self.retry.policy_for(request) if self.retry is not None else None
        if policy is not None and policy.deadline is not None:
            request.extensions = {**request.extensions, DEADLINE: policy.clock() + policy.deadline}

    def _before_relogin(self, request: httpx.Request, response: httpx.Response) -> None:
        self._replayable(request)
        if self._past_deadline(request):
            raise SessionExpired(
                "the session expired and the call's deadline has passed: not logging in again",
                provider=self.provider.name,
                status=response.status_code,
                operation=f"{request.method} {request.url.path}",
            )

    def _past_deadline(self, request: httpx.Request) -> bool:
        deadline = request.extensions.get(DEADLINE)
        return (
            deadline is not None
            and self.retry is not None
            and self.retry.policy_for(request).clock() >= deadline
        )

    def _judge(self, request: httpx.Request, response: httpx.Response, write: _Write) -> str:
        """What a nonce write's answer calls for: ``"relogin"`` (then re-send), ``"resend"`` (exclusively,
        after a refusal that may only mean it was overtaken) or ``"done"``."""
        if self.provider.is_expired(response):
            # One re-login always; after it, a session logged in for this write and refused is final, unless
            # another login overlapped it (the docs do not say whether a login ends the tokens before it).
            write.relogins += 1
            if write.relogins > MAX_RELOGINS or (write.relogins > 1 and self._alone(write.login)):
                raise self._expired(response, write.token)
            self.reauths += 1
            log.info("%s: session expired, re-authenticating", self.provider.name)
            self._before_relogin(request, response)
            if self.lanes.exclusive and self.lanes.narrow():
                # An expiry, or a login that ended the other lanes' tokens: the docs allow both readings.
                log.warning(
                    "%s: a write session was refused; writing through one session for now", self.provider.name
                )
            emit(self.telemetry, "resend", request)
            return "relogin"
        if not write.exclusive and self.provider.refused(response) and self._maybe_overtaken(write):
            self.nonce_rejections += 1
            emit(self.telemetry, "nonce_rejected", request)
            if self._past_deadline(request):
                return "done"
            self._replayable(request, "the write was refused")
            log.info("%s: write refused, maybe overtaken: re-sending it alone", self.provider.name)
            write.exclusive, write.refused_on = True, write.lane.index
            return "resend"
        if write.refused_on and response.is_success and self.lanes.narrow(forever=True):
            # Refused on a lane nobody else writes on, accepted alone: the account has one nonce sequence.
            log.warning(
                "%s: the server keeps one nonce sequence per account: writing through one session",
                self.provider.name,
            )
        return "done"

    @contextlib.contextmanager
    def _login_clock(self) -> Iterator[None]:
        """Ticks when a login starts and when it ends; the flow that made it keeps (start, end)."""
        with self._clock_lock:
            self._login_ticks += 1
            start = self._login_ticks
        try:
            yield
        finally:
            with self._clock_lock:
                self._login_ticks += 1
                _own_login.set((start, self._login_ticks))

    def _alone(self, login: tuple[int, int] | None) -> bool:
        """Was ``login`` (this write's own) the only one from its start until now? Then a refusal of its
        session is final; otherwise another login may have ended it."""
        return login is not None and login[1] == login[0] + 1 == self._login_ticks

    def _maybe_overtaken(self, write: _Write) -> bool:
        """Could a write allocated after this one have reached the server first? Not when this process drew
        no nonce since and no other process shares the store."""
        return self.store.capabilities.shared or _ALLOCATED.get(self._allocation_key, 0) != write.mark

    def _drawn(self, write: _Write) -> None:
        """Count a nonce drawn (under the write slot) and remember the count on ``write``."""
        write.mark = _ALLOCATED[self._allocation_key] = _ALLOCATED.get(self._allocation_key, 0) + 1

    @property
    def _allocation_key(self) -> tuple[int, str]:
        return (id(self.store), self.key)

    def _floor(self) -> int:
        return int(self.clock() * 1000)

    def _expired(self, response: httpx.Response, token: Token | None) -> SessionExpired:
        return SessionExpired(
            "the provider rejected a freshly established session",
            provider=self.provider.name,
            status=response.status_code,
            operation=f"{response.request.method} {response.request.url.path}",
        )

    def _replaced(self, kept: Token | None, token: Token | None, stored: Record | None) -> Token | None:
        """After the server replaced ``token`` with ``kept``: the session another caller stored first,
        if any. N calls that met one expiry may each get a new cookie: the first one stored wins, the
        rest adopt it."""
        if kept is None or token is None or kept.value == token.value:
            return None
        found = self._stored(stored)
        if found is None or found.value in (token.value, kept.value):
            return None
        log.info("%s: adopting the new session another caller stored first", self.provider.name)
        return found

    def _issued_outside_lock(self, kept: Token | None, token: Token | None, locked: bool) -> bool:
        """Did an answer outside the login lock hand out a new session (Számla's cookie)? Then it is stored
        only after checking, under the lock, that no other caller stored one first."""
        return (
            self.provider.session_by_first_call
            and not locked
            and kept is not None
            and token is not None
            and kept.value != token.value
        )

    def _slot_waited(self, started: float) -> None:
        if self.telemetry is not None:
            wait = time.perf_counter() - started
            self.telemetry.emit(self.telemetry.event("lock_wait", reason="write", duration=wait))

    def _lane_answered(self, write: _Write) -> None:
        """A lane's own session was just used: keep its idle rule current (it is never stored)."""
        token = write.token
        if token is not None and write.lane.token is token:
            write.lane.token = _used_at(token, self.clock())
