"""The shared session mechanism: one ``httpx.Auth`` that every provider plugs a small ``Provider`` into.

The auth sits on the generated ``AuthenticatedClient`` (through ``httpx_args``), so every generated operation,
also one added to a spec later, gets: a session established once (single-flight across threads, tasks and
Session objects sharing a store), the provider's credential placed on the request, Gestix nonces allocated
and sent in order, expiry noticed and healed with one re-login and one re-send, and idle sessions renewed
before use. Logins go through the generated login operations on a separate client without this auth.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import hmac
import logging
import math
import re
import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator, Iterator, Mapping
from typing import Any, ClassVar, TypeVar

import attrs
import httpx

from billing_sessions.errors import (
    BillingSessionError,
    LoginError,
    ProviderError,
    SessionExpired,
    TransportError,
    UsageError,
)
from billing_sessions.lanes import Lane, WriteLanes
from billing_sessions.ordering import SentGate, WriteMode, awrite_slot, write_slot
from billing_sessions.retry import DEADLINE, ORIGIN, RetryTransport
from billing_sessions.store_guard import GuardedStore, guard
from billing_sessions.stores import Record, SessionStore
from billing_sessions.stores.base import PROCESS_SECRET
from billing_sessions.telemetry import Telemetry, awaited, emit, issued, observe_login, waited

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_RELOGINS",
    "MAX_TOKEN_LENGTH",
    "PLACEHOLDER_TOKEN",
    "Clock",
    "Connection",
    "Provider",
    "SessionAuth",
    "Token",
    "account_key",
    "in_doubt",
    "require",
    "set_query_param",
    "token_problem",
    "write_outcome",
]

log = logging.getLogger("billing_sessions")

Clock = Callable[[], float]
C = TypeVar("C")
#: The generated client writes this in its auth header once; the auth flow replaces or removes it.
PLACEHOLDER_TOKEN = "managed-by-billing-sessions"  # noqa: S105 - not a secret
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
#: Re-logins one nonce write may cause when logins of other write sessions keep ending its session.
MAX_RELOGINS = 3
_RENEWALS = {"token about to expire": "expired", "session idle too long": "idle"}


@attrs.frozen(repr=False)
class Token:
    """A live session: the secret value plus when it was made and last used (epoch seconds)."""

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


#: What may go into an HTTP header: visible ASCII, no CR/LF/NUL (h11 refuses those only when sending, which
#: would break every later call with the same stored value).
_HEADER_SAFE = re.compile(r"[\x21-\x7e]+")
#: Longer than any session id, token or cookie a provider issues; a bigger one is not a credential.
MAX_TOKEN_LENGTH = 8192


def token_problem(value: str) -> str | None:
    """Why a session value from an answer or a store cannot be used (None: it can)."""
    if len(value) > MAX_TOKEN_LENGTH:
        return f"longer than {MAX_TOKEN_LENGTH} characters"
    if not _HEADER_SAFE.fullmatch(value):
        return "empty, or holding characters an HTTP header cannot carry (control, space or non-ASCII)"
    return None


@attrs.frozen
class Connection:
    """What a provider's own requests (login, logout) go out with, and the account they are for."""

    base_url: str
    timeout: httpx.Timeout
    #: For the generated login clients, without ``auth`` and ``transport`` (the provider sets those).
    httpx_args: Mapping[str, Any]
    #: Makes a login client's transport, so that logins get the session's typed transport errors, retry
    #: policy and in-flight limit too.
    login_transport: Callable[[], httpx.BaseTransport]
    telemetry: Telemetry | None
    #: The session's store and account key (BILL v3 keeps its MFA trust beside the session).
    store: SessionStore
    key: str


class Provider:
    """What a provider module supplies: how to log in, where the credential goes, how expiry shows.

    Made with the account's credentials and rules; its session then gives it its ``Connection`` once, before
    any use (``connect``): the session's key, telemetry and transports are made from the provider's
    credentials and rules, so they cannot come with its constructor."""

    name: ClassVar[str]
    #: Methods that carry a nonce (Gestix POST/PUT): allocated and sent in order under the write lock.
    nonce_methods: ClassVar[frozenset[str]] = frozenset()
    #: The session is made by the first ordinary call (Számla Agent), not by a login operation.
    session_by_first_call: ClassVar[bool] = False
    #: Renew a session idle longer than this (seconds) minus ``renew_margin`` before using it.
    idle_timeout: float | None = None
    #: botocore's two windows before a session's end (idle or absolute): in the advisory one (``renew_margin``
    #: seconds) a renewal is tried and, if it fails, the still valid session is used; in the mandatory one
    #: (``mandatory_margin``) the renewal must succeed.
    renew_margin: float = 60.0
    mandatory_margin: float = 10.0
    #: Automatic retries allowed at all (Számla Agent: never, provider rule).
    retryable: ClassVar[bool] = True
    #: At most this many requests on the wire at once per ``concurrency_scope`` (None: no cap).
    max_in_flight: int | None = None
    #: The whole-call deadline (seconds) of a session given no ``retry=``: a server that never answers
    #: costs one timeout, not one per retry.
    default_deadline: float | None = 30.0

    def __init__(self) -> None:
        #: Generated clients made for logging in; closed with the session.
        self.login_clients: list[Any] = []
        self._reusable: dict[Any, Any] = {}  # the login clients without a session, by kind
        self._connection: Connection | None = None

    def connect(self, connection: Connection) -> None:
        """Where and how logins go: given once, by the session."""
        if self._connection is not None:
            raise RuntimeError(f"{self.name}: the provider is connected already")
        self._connection = connection

    @property
    def connection(self) -> Connection:
        if self._connection is None:
            raise RuntimeError(f"{self.name}: the provider is not connected (a session connects it)")
        return self._connection

    @property
    def base_url(self) -> str:
        return self.connection.base_url

    def idempotent(self, request: httpx.Request) -> bool:
        """May this request be sent twice? Reads that are POST by protocol say so here."""
        return request.method in {"GET", "HEAD", "OPTIONS"}

    def retry_answer(self, request: httpx.Request, response: httpx.Response) -> bool:
        """A provider-specific answer worth retrying for an idempotent request (beyond 408/429/5xx)."""
        return False

    def final_answer(self, request: httpx.Request, response: httpx.Response) -> bool:
        """An answer never worth retrying, whatever its status (BILL v3's hourly quota)."""
        return False

    def record_ttl(self) -> float | None:
        """Seconds a stored session is of use after it was saved (``SessionStore.save``'s ``ttl``): its idle
        lifetime, where it has one (None: until replaced)."""
        return self.idle_timeout

    def concurrency_scope(self) -> tuple[str, ...]:
        """What the provider's concurrency limit counts by (BILL: devKey + org)."""
        return self.credentials()

    def concurrency_key(self, base_url: str) -> str:
        """The in-flight limit's key: the provider's ``concurrency_scope`` at ``base_url`` (BILL: the account,
        for its v2 and v3 APIs alike)."""
        return account_key(self.name, base_url, self.concurrency_scope(), PROCESS_SECRET)

    def credentials(self) -> tuple[str, ...]:
        """Everything that identifies the account (hashed into the store key, never stored)."""
        raise NotImplementedError

    def login(self) -> Token:
        raise NotImplementedError

    async def alogin(self) -> Token:
        raise NotImplementedError

    def logout(self, token: Token) -> None:
        """End the session at the provider (providers that have a logout)."""

    async def alogout(self, token: Token) -> None:
        """End the session at the provider (providers that have a logout)."""

    def apply(self, request: httpx.Request, token: Token | None, nonce: int | None) -> httpx.Request:
        """Put the session (and the nonce) on a request; return it or a rebuilt one."""
        raise NotImplementedError

    def is_expired(self, response: httpx.Response) -> bool:
        """Does this answer say the session is gone (so: log in again and re-send once)?"""
        return False

    def refused(self, response: httpx.Response) -> bool:
        """Does this answer to a nonce write prove it was not applied, though it may only mean the request
        was overtaken (Gestix: any 400, a stale nonce reads like any other invalid input)?"""
        return False

    def session_from_response(self, response: httpx.Response) -> str | None:
        """A new session value the server handed out in an ordinary answer (Számla's Set-Cookie)."""
        return None

    def token_problem(self, token: Token) -> str | None:
        """Why a session from a login answer or a store cannot be used (None: it can). Checked before it is
        stored or used: a bad one is a ``ProviderError`` at login, and dropped (a fresh login) when loaded."""
        return token_problem(token.value)

    def prepare_login(self, request: httpx.Request, token: Token | None) -> httpx.Request:
        """Adjust a login/logout request (BILL adds ``devKey``); the session auth is not on that client."""
        return request

    def login_client(self, cls: Callable[..., C], session: Token | None = None, **kwargs: Any) -> C:
        """A generated client for login/logout, with ``prepare_login`` applied to its requests. One without
        a session is made once per kind and reused: a long-lived session must not gain a pool per login."""
        key = (cls, tuple(sorted(kwargs.items())))
        if session is None and key in self._reusable:
            return self._reusable[key]  # type: ignore[no-any-return]
        connection = self.connection
        transport = connection.login_transport()
        args = {**connection.httpx_args, "auth": _LoginAuth(self, session), "transport": transport}
        client = cls(base_url=connection.base_url, timeout=connection.timeout, httpx_args=args, **kwargs)
        self.login_clients.append(client)
        if session is None:
            self._reusable[key] = client
        return client

    def close(self) -> None:
        for client in self.login_clients:
            if getattr(client, "_client", None) is not None:
                client.get_httpx_client().close()

    async def aclose(self) -> None:
        for client in self.login_clients:
            if getattr(client, "_async_client", None) is not None:
                await client.get_async_httpx_client().aclose()


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


class _LoginAuth(httpx.Auth):
    def __init__(self, provider: Provider, token: Token | None) -> None:
        self.provider = provider
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        deadline = _login_deadline.get()
        if deadline is not None:
            request.extensions = {**request.extensions, DEADLINE: deadline}
        yield _addressed(self.provider.prepare_login(request, self.token))


def _addressed(request: httpx.Request) -> httpx.Request:
    """Mark where the credentials on ``request`` are meant to go: a redirect elsewhere goes without them."""
    request.extensions = {**request.extensions, ORIGIN: request.url}  # compared by identity: no URL work here
    return request


def set_query_param(url: httpx.URL, name: str, value: int) -> httpx.URL:
    """``url.copy_set_param(name, str(value))``, without re-parsing the whole URL in the usual case.

    When the URL has no query yet (the generated clients never send the owned parameter), the result is
    exactly ``name=value`` and is built from the parsed parts (a few µs instead of ~40 µs per write); anything
    else, or an httpx whose URL internals differ from 0.28's, takes ``copy_set_param``.
    """
    parts = vars(url)
    ref = parts.get("_uri_reference")
    if len(parts) == 1 and not getattr(ref, "query", True) and hasattr(ref, "_replace"):
        fast = httpx.URL.__new__(httpx.URL)
        fast._uri_reference = ref._replace(query=f"{name}={value}")  # type: ignore[union-attr]
        return fast
    return url.copy_set_param(name, str(value))


def account_key(provider: str, base_url: str, credentials: tuple[str, ...], secret: bytes) -> str:
    """``<provider>:<32 hex digits>``, the one way every key, lock or file name and telemetry label of an
    account is made: an HMAC of the credentials keyed with a random secret kept beside the store
    (``stores.base.key_secret``), so that none of them verifies a guessed password without that secret."""
    message = "\x00".join((provider, base_url, *credentials)).encode()
    digest = hmac.new(secret, message, hashlib.sha256).hexdigest()
    return f"{provider}:{digest[:32]}"


class SessionAuth(httpx.Auth):
    """The one auth flow (sync and async) shared by every provider."""

    requires_request_body = True  # a buffered body can be re-sent byte-identical after a re-login
    requires_response_body = True  # BILL's expiry is inside a 200 body

    def __init__(
        self,
        provider: Provider,
        store: SessionStore,
        key: str,
        clock: Clock = time.time,
        *,
        retry: RetryTransport | None = None,
        telemetry: Telemetry | None = None,
        write_mode: WriteMode = "pipelined",
        write_sessions: int = 1,
    ):
        self.provider = provider
        self.store: GuardedStore = guard(store, provider.name)  # its own failures: StoreError, not ours
        self.key = key
        self.clock = clock
        self.retry = retry  # the session's transport: its policy's deadline bounds a call
        self.telemetry = telemetry  # None: nothing listens
        self._renewal: str | None = None  # why the last unusable session was: the next login's reason
        self._token: Token | None = None
        self._kept: str | None = None  # the session whose advisory renewal failed: not tried again
        self._stored_used = 0.0  # last_used of the record last loaded or saved: when to persist again
        self.logins = 0  # logins this object performed (the sandbox counts all of them)
        self.reauths = 0  # re-sends after an expiry
        self.nonce_rejections = 0  # refused writes that may have been overtaken (each re-sent exclusively)
        #: How long a nonce write keeps its account's order: until sent ("pipelined") or answered ("strict").
        self.write_mode = write_mode
        #: The sessions nonce writes spread over (one unless the session allows more).
        self.lanes: WriteLanes[Token] = WriteLanes(write_sessions)
        self._login_ticks = 0  # see ``_login_clock``
        self._clock_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"SessionAuth(provider={self.provider.name!r}, key={self.key!r})"

    @property
    def token(self) -> Token | None:
        return self._token

    def _marked(self, kind: str) -> Token | None:
        token = self._token
        if token is not None:
            token = self._token = Token(
                token.value, token.created, token.last_used, kind, token.expires, token.endpoint
            )
        return token

    def mark_trusted(self, kind: str) -> None:
        """The current session (if any) is trusted now (BILL v3: an MFA made it so), ``kind`` saying so in
        its ``Token``: kept and stored, so that the session and others sharing the store know."""
        token = self._marked(kind)
        if token is not None:
            self._save(token)

    async def amark_trusted(self, kind: str) -> None:
        """The asyncio twin of ``mark_trusted``."""
        token = self._marked(kind)
        if token is not None:
            await self._asave(token)

    # -- what is the same for sync and async

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

    def _adopt(self, record: Record | None, stale: Token | None) -> Token | None:
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

    def _seen(self, response: httpx.Response, token: Token | None) -> tuple[Token | None, bool]:
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
        # The constructor, not attrs.evolve: this runs on every answer and evolve introspects the fields.
        updated = Token(token.value, token.created, now, token.kind, token.expires, token.endpoint)
        if now - self._stored_used <= 30.0:
            return updated, False
        self._stored_used = now
        return updated, True

    def _replayable(self, request: httpx.Request, why: str = "the session expired") -> None:
        """Only a buffered body can be sent again; a streamed one is gone after the first attempt."""
        try:
            request.content  # noqa: B018 - raises for an unread stream
        except httpx.RequestNotRead:
            raise BillingSessionError(
                f"{why} and the request body was a stream, which cannot be re-sent: "
                "the provider rejected the first attempt, so nothing was applied; send it again",
                provider=self.provider.name,
                operation=f"{request.method} {request.url.path}",
            ) from None

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

    # -- sync

    def _ensure(
        self, stale: Token | None = None, deadline: float | None = None, cause: httpx.Request | None = None
    ) -> Token | None:
        if self._usable(self._token, stale):
            return self._token
        with waited(self.telemetry, "login", self.store.lock(self.key, "login")):
            record = self.store.load(self.key)
            found = self._adopt(record, stale)
            if found is not None or self.provider.session_by_first_call:
                return found
            try:
                with (
                    _logins_within(deadline),
                    self._login_clock(),
                    observe_login(self.telemetry, stale, self._renewal, cause),
                ):
                    token = self._logged_in(self.provider.login())
            except (LoginError, ProviderError, TransportError):
                kept = self._still_valid(stale, self._token, self._stored(record))
                if kept is None:
                    raise
                return kept
            self._save(token)
            return token

    def _save(self, token: Token) -> None:
        self.store.save(self.key, token.to_record(), self.provider.record_ttl())

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

    def _fresh(self, kept: Token | None, token: Token | None, locked: bool) -> bool:
        return (
            self.provider.session_by_first_call
            and not locked
            and kept is not None
            and token is not None
            and kept.value != token.value
        )

    def _after(self, response: httpx.Response, token: Token | None, locked: bool = False) -> None:
        kept, persist = self._seen(response, token)
        if kept is not None and self._fresh(kept, token, locked):
            with self.store.lock(self.key, "login"):
                adopted = self._replaced(kept, token, self.store.load(self.key))
                self._token = adopted or kept
                if adopted is None:
                    self._save(kept)
            return
        if kept is not None:
            self._token = kept
            if persist:
                self._save(kept)

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self._start(request)
        if request.method in self.provider.nonce_methods:
            yield from self._ordered_flow(request)
            return
        token = self._ensure(deadline=request.extensions.get(DEADLINE), cause=request)
        if token is None:  # the first call makes the session: only one at a time
            with waited(self.telemetry, "login", self.store.lock(self.key, "login")):
                token = self._adopt(self.store.load(self.key), None)
                response = yield self._prepare(request, token, None)
                response.read()  # overriding the flow means reading the body ourselves
                self._after(response, token, locked=True)
                return
        response = yield self._prepare(request, token, None)
        response.read()  # overriding the flow means reading the body ourselves
        if not self.provider.is_expired(response):
            self._after(response, token)
            return
        # One re-login (or none, if another caller already replaced the session) and one re-send.
        self.reauths += 1
        log.info("%s: session expired, re-authenticating", self.provider.name)
        self._before_relogin(request, response)
        token = self._ensure(stale=token, deadline=request.extensions.get(DEADLINE), cause=request)
        emit(self.telemetry, "resend", request)
        response = yield self._prepare(request, token, None)
        response.read()
        if self.provider.is_expired(response):
            raise self._expired(response, token)
        self._after(response, token)

    def _slot_waited(self, started: float) -> None:
        if self.telemetry is not None:
            wait = time.perf_counter() - started
            self.telemetry.emit(self.telemetry.event("lock_wait", reason="write", duration=wait))

    def _lane_token(self, write: _Write, request: httpx.Request, stale: Token | None = None) -> Token | None:
        """The session a write goes out on: lane 0's shared one (``stale``: replace it), or the lane's own,
        logged in when it has none or it is past use."""
        deadline = request.extensions.get(DEADLINE)
        before = _own_login.get()
        lane = write.lane
        if lane.index == 0 or stale is not None or lane.index >= self.lanes.allowed():
            token = self._ensure(stale=stale, deadline=deadline, cause=request)
            write.shared = True
        elif lane.token is not None and self._usable(lane.token, None, quiet=True):
            token = lane.token
        else:
            with (
                _logins_within(deadline),
                self._login_clock(),
                observe_login(self.telemetry, None, None, request),
            ):
                token = lane.token = self._logged_in(self.provider.login(), lane.index)
        write.login = None if _own_login.get() is before else _own_login.get()
        return token

    def _lane_answered(self, write: _Write) -> None:
        """A lane's own session was just used: keep its idle rule current (it is never stored)."""
        token = write.token
        if token is not None and write.lane.token is token:
            now = self.clock()
            write.lane.token = Token(
                token.value, token.created, now, token.kind, token.expires, token.endpoint
            )

    def _ordered_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """A nonce write: lane, slot (lock + nonce), send, release the slot when sent (unless exclusive) and
        the lane when answered. Re-sent only on an answer that proves it was not applied: an expiry, or a
        refusal while a later write may have overtaken it (then exclusively, which makes its answer final)."""
        lane = self.lanes.acquire()
        try:
            write = _Write(lane, None, exclusive=self.write_mode == "strict")
            write.token = self._lane_token(write, request)
            while True:
                with contextlib.ExitStack() as order:
                    started = time.perf_counter()
                    nonce = order.enter_context(write_slot(self.store, self.key, self._floor()))
                    self._drawn(write)
                    self._slot_waited(started)
                    prepared = self._prepare(request, write.token, nonce)
                    if not write.exclusive and _buffered(prepared):  # a stream: kept until answered
                        SentGate(prepared, sent=order.close)
                    response = yield prepared
                response.read()
                step = self._judge(request, response, write)
                if step == "relogin":
                    write.token = self._lane_token(write, request, stale=write.token)
                elif step == "done":
                    if write.shared:
                        self._after(response, write.token)
                    else:
                        self._lane_answered(write)
                    return
        finally:
            self.lanes.release(lane)

    # -- async: the same steps with task locks; blocking stores run in a worker thread

    async def _asave(self, token: Token) -> None:
        await self.store.acall("save", self.key, token.to_record(), self.provider.record_ttl())

    async def _aensure(
        self, stale: Token | None = None, deadline: float | None = None, cause: httpx.Request | None = None
    ) -> Token | None:
        if self._usable(self._token, stale):
            return self._token
        async with awaited(self.telemetry, "login", self.store.alock(self.key, "login")):
            record = await self.store.acall("load", self.key)
            found = self._adopt(record, stale)
            if found is not None or self.provider.session_by_first_call:
                return found
            try:
                with (
                    _logins_within(deadline),
                    self._login_clock(),
                    observe_login(self.telemetry, stale, self._renewal, cause),
                ):
                    token = self._logged_in(await self.provider.alogin())
            except (LoginError, ProviderError, TransportError):
                kept = self._still_valid(stale, self._token, self._stored(record))
                if kept is None:
                    raise
                return kept
            await self._asave(token)
            return token

    async def _aafter(self, response: httpx.Response, token: Token | None, locked: bool = False) -> None:
        kept, persist = self._seen(response, token)
        if kept is not None and self._fresh(kept, token, locked):
            async with self.store.alock(self.key, "login"):
                adopted = self._replaced(kept, token, await self.store.acall("load", self.key))
                self._token = adopted or kept
                if adopted is None:
                    await self._asave(kept)
            return
        if kept is not None:
            self._token = kept
            if persist:
                await self._asave(kept)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        self._start(request)
        if request.method in self.provider.nonce_methods:
            flow = self._aordered_flow(request)
            try:  # ``yield from`` for async generators: pass every answer on
                prepared = await flow.__anext__()
                while True:
                    response = yield prepared
                    prepared = await flow.asend(response)
            except StopAsyncIteration:
                return
            finally:
                await flow.aclose()
        token = await self._aensure(deadline=request.extensions.get(DEADLINE), cause=request)
        if token is None:
            async with awaited(self.telemetry, "login", self.store.alock(self.key, "login")):
                token = self._adopt(await self.store.acall("load", self.key), None)
                response = yield self._prepare(request, token, None)
                await response.aread()
                await self._aafter(response, token, locked=True)
                return
        response = yield self._prepare(request, token, None)
        await response.aread()
        if not self.provider.is_expired(response):
            await self._aafter(response, token)
            return
        self.reauths += 1
        log.info("%s: session expired, re-authenticating", self.provider.name)
        self._before_relogin(request, response)
        token = await self._aensure(stale=token, deadline=request.extensions.get(DEADLINE), cause=request)
        emit(self.telemetry, "resend", request)
        response = yield self._prepare(request, token, None)
        await response.aread()
        if self.provider.is_expired(response):
            raise self._expired(response, token)
        await self._aafter(response, token)

    async def _alane_token(
        self, write: _Write, request: httpx.Request, stale: Token | None = None
    ) -> Token | None:
        """The asyncio twin of ``_lane_token``."""
        deadline = request.extensions.get(DEADLINE)
        before = _own_login.get()
        lane = write.lane
        if lane.index == 0 or stale is not None or lane.index >= self.lanes.allowed():
            token = await self._aensure(stale=stale, deadline=deadline, cause=request)
            write.shared = True
        elif lane.token is not None and self._usable(lane.token, None, quiet=True):
            token = lane.token
        else:
            with (
                _logins_within(deadline),
                self._login_clock(),
                observe_login(self.telemetry, None, None, request),
            ):
                token = lane.token = self._logged_in(await self.provider.alogin(), lane.index)
        write.login = None if _own_login.get() is before else _own_login.get()
        return token

    async def _aordered_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """The asyncio twin of ``_ordered_flow``."""
        lane = await self.lanes.aacquire()
        try:
            write = _Write(lane, None, exclusive=self.write_mode == "strict")
            write.token = await self._alane_token(write, request)
            while True:
                async with contextlib.AsyncExitStack() as order:
                    started = time.perf_counter()
                    slot = awrite_slot(self.store, self.key, self._floor())
                    nonce = await order.enter_async_context(slot)
                    self._drawn(write)
                    self._slot_waited(started)
                    prepared = self._prepare(request, write.token, nonce)
                    if not write.exclusive and _buffered(prepared):
                        SentGate(prepared, asent=order.aclose)
                    response = yield prepared
                await response.aread()
                step = self._judge(request, response, write)
                if step == "relogin":
                    write.token = await self._alane_token(write, request, stale=write.token)
                elif step == "done":
                    if write.shared:
                        await self._aafter(response, write.token)
                    else:
                        self._lane_answered(write)
                    return
        finally:
            self.lanes.release(lane)

    # -- ending a session

    def forget(self) -> None:
        self._token = None
        self.store.delete(self.key)

    async def aforget(self) -> None:
        self._token = None
        await self.store.acall("delete", self.key)

    def release(self, token: Token) -> None:
        """After logging ``token`` out: drop the stored record only if it still holds that session (another
        Session object may have stored a newer one meanwhile)."""
        self._token = None
        with self.store.lock(self.key, "login"):
            stored = Token.from_record(self.store.load(self.key))
            if stored is None or stored.value == token.value:
                self.store.delete(self.key)

    async def arelease(self, token: Token) -> None:
        self._token = None
        async with self.store.alock(self.key, "login"):
            record = await self.store.acall("load", self.key)
            stored = Token.from_record(record)
            if stored is None or stored.value == token.value:
                await self.store.acall("delete", self.key)


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


def _buffered(request: httpx.Request) -> bool:
    try:
        request.content  # noqa: B018 - raises for an unread stream
    except httpx.RequestNotRead:
        return False
    return True


def in_doubt(exc: BillingSessionError) -> bool:
    """Does this failure of a write leave its outcome unknown? Only answers that prove a refusal say no: a
    4xx other than 429, a provider error code in a non-5xx answer, a rejected login or session."""
    if isinstance(exc, TransportError) or exc.before_sending:
        return exc.maybe_applied  # the transport knows whether anything was sent
    if not isinstance(exc, ProviderError) or isinstance(exc, LoginError | SessionExpired):
        return exc.maybe_applied
    status = exc.status
    if status is None or status >= 500 or status == 429:
        return True
    return status < 400 and exc.code is None  # a success status with an answer that could not be read


@contextlib.contextmanager
def write_outcome() -> Iterator[None]:
    """Around a write helper: an error that does not prove the write was refused says ``maybe_applied``."""
    try:
        yield
    except BillingSessionError as exc:
        if in_doubt(exc):
            exc.maybe_applied = True
        raise


def require(value: str | None, what: str, provider: str) -> str:
    """A clear, typed error for missing credentials instead of a failure three frames down."""
    if not isinstance(value, str) or not value:
        raise UsageError(f"{provider}: {what} is required", provider=provider)
    return value
