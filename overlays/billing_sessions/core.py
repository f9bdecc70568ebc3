"""The shared session mechanism: one ``httpx.Auth`` that every provider plugs a small ``Provider`` into.

The auth sits on the generated ``AuthenticatedClient`` (through ``httpx_args``), so every generated operation,
also one added to a spec later, gets: a session established once (single-flight across threads, tasks and
Session objects sharing a store), the provider's credential placed on the request, Gestix nonces allocated
and sent in order, expiry noticed and healed with one re-login and one re-send, and idle sessions renewed
before use. Logins go through the generated login operations on a separate client without this auth.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import re
import threading
import time
from collections.abc import Callable, Generator, Iterator, Mapping
from typing import Any, ClassVar, TypeVar

import attrs
import httpx

from billing_sessions._async.auth import AsyncSessionAuth
from billing_sessions._auth import MAX_RELOGINS, Token, _addressed, _login_deadline
from billing_sessions._sync.auth import SyncSessionAuth
from billing_sessions.errors import (
    BillingSessionError,
    LoginError,
    ProviderError,
    SessionExpired,
    TransportError,
    UsageError,
)
from billing_sessions.lanes import WriteLanes
from billing_sessions.ordering import WriteMode
from billing_sessions.retry import DEADLINE, RetryTransport
from billing_sessions.store_guard import GuardedStore, guard
from billing_sessions.stores import SessionStore
from billing_sessions.stores.base import PROCESS_SECRET
from billing_sessions.telemetry import Telemetry

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


class _LoginAuth(httpx.Auth):
    def __init__(self, provider: Provider, token: Token | None) -> None:
        self.provider = provider
        self.token = token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        deadline = _login_deadline.get()
        if deadline is not None:
            request.extensions = {**request.extensions, DEADLINE: deadline}
        yield _addressed(self.provider.prepare_login(request, self.token))


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


class SessionAuth(SyncSessionAuth, AsyncSessionAuth):
    """The one auth flow (sync and async) shared by every provider: its I/O is written once, in
    ``_async/auth.py`` (``_sync/auth.py`` is generated from it); its rules are in ``_auth.py``."""

    requires_request_body = True  # a buffered body can be re-sent byte-identical after a re-login
    requires_response_body = True  # BILL's expiry is inside a 200 body
    provider: Provider  # the rules ask only for ``_auth.AuthProvider``; callers get the whole provider

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
