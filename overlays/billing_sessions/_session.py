"""``Session`` / ``AsyncSession`` plumbing shared by the provider modules (``billing_sessions.session`` is its
public face; the session classes' I/O is ``_async/session.py``, and ``_sync/session.py`` generated from it).

A session object owns the generated ``AuthenticatedClient`` (``s.client``) with the shared ``SessionAuth``
attached, plus a plain generated client for logging in. Provider modules add typed helpers on top.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import difflib
import functools
import inspect
import logging
import time
import urllib.parse
import urllib.request
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator
from typing import Any, ClassVar, Generic, Protocol, Self, TypedDict, TypeVar, Unpack

import attrs
import httpx

from billing_sessions import pools
from billing_sessions.core import (
    DEFAULT_TIMEOUT,
    PLACEHOLDER_TOKEN,
    Clock,
    Connection,
    Provider,
    SessionAuth,
    account_key,
)
from billing_sessions.errors import UsageError
from billing_sessions.ordering import WriteMode
from billing_sessions.retry import (
    MAX_ANSWER_BYTES,
    POLICY,
    InFlightLimit,
    RetryPolicy,
    RetryTransport,
    using,
)
from billing_sessions.store_base import key_secret
from billing_sessions.store_guard import guard
from billing_sessions.stores import MemoryStore, SessionStore
from billing_sessions.telemetry import EventHook, Telemetry, session_telemetry

log = logging.getLogger("billing_sessions")


class GeneratedClient(Protocol):
    """The part of a generated ``Client`` / ``AuthenticatedClient`` this package uses."""

    def get_httpx_client(self) -> httpx.Client: ...

    def get_async_httpx_client(self) -> httpx.AsyncClient: ...


C = TypeVar("C", bound=GeneratedClient)


def make_client(cls: type[C], base_url: str, timeout: httpx.Timeout, **kwargs: Any) -> C:
    return cls(base_url=base_url, timeout=timeout, **kwargs)  # type: ignore[call-arg]


class SessionOptions(TypedDict, total=False):
    """Keyword options every ``Session`` / ``AsyncSession`` takes."""

    store: SessionStore | None  # where sessions live (default: a new MemoryStore)
    timeout: httpx.Timeout | float | None  # per request (default: 30 s, connect 10 s)
    clock: Clock  # epoch seconds; tests move it to exercise idle expiry
    httpx_args: dict[str, Any] | None  # for the httpx clients; verify, cert, http2, limits: the transports
    retry: RetryPolicy | None  # default: RetryPolicy(deadline=30 s; BillingPlatform 420 s)
    max_retries: int | None  # shortcut: RetryPolicy(max_retries=...); 0 turns retries off
    on_event: EventHook | None  # called with a telemetry.SessionEvent for each session event
    tracer_provider: Any | None  # OpenTelemetry (extra otel); default: the global one, if an SDK set it
    meter_provider: Any | None  # OpenTelemetry meter provider; default: the global one, likewise
    max_answer_bytes: int | None  # the largest answer read, decoded (default 16 MiB; None: no cap)


OPTION_NAMES = SessionOptions.__required_keys__ | SessionOptions.__optional_keys__


def check_options(owner: str, options: Any) -> None:
    """An unknown keyword (``on_evnt=``) is a TypeError naming it, as Python gives for any function: the
    options arrive as ``**options`` and would otherwise be accepted and ignored."""
    unknown = sorted(set(options) - OPTION_NAMES)
    if unknown:
        raise TypeError(f"{owner}() got an unexpected keyword argument {unknown[0]!r}")


def check_base_url(provider: str, base_url: str) -> str:
    """A base URL must be absolute http(s); anything else is a usage error before anything is sent."""
    try:
        url = httpx.URL(base_url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise UsageError(f"{provider}: base_url is not a valid URL ({exc})", provider=provider) from None
    if "://" in base_url and url.scheme not in {"http", "https"}:
        raise UsageError(
            f"{provider}: base_url {base_url!r} has the scheme {url.scheme}://, which is not HTTP: use "
            "https:// (or http:// for a local sandbox)",
            provider=provider,
        )
    if url.scheme not in {"http", "https"} or not url.host:
        raise UsageError(
            f"{provider}: base_url {base_url!r} needs a scheme and a host, e.g. https://host/path",
            provider=provider,
        )
    return base_url


#: httpx_args keys the generated client sets itself (passing one again would fail at the first call), and
#: what to do instead.
_CLIENT_OWNED = {
    "base_url": "pass the base URL to the Session itself",
    "timeout": "pass timeout= to the Session itself",
    "auth": "the session's own auth logs in and places the credential",
    "headers": "the generated client sets the headers",
    "cookies": "the generated client keeps the cookies",
    "follow_redirects": "a session never follows redirects (a redirect answer is reported as an error)",
}


@functools.cache  # made once: sessions are made by the thousand
def _client_options() -> frozenset[str]:
    params = inspect.signature(httpx.Client.__init__).parameters
    aparams = inspect.signature(httpx.AsyncClient.__init__).parameters
    return frozenset(params) & frozenset(aparams) - {"self"}


def check_httpx_args(owner: str, httpx_args: Any, asynchronous: bool) -> None:
    """``httpx_args`` checked when the session is made, so that a typo or a transport of the wrong kind is
    a ``TypeError`` naming the fix now, not a failure inside the first call."""
    if httpx_args is None:
        return
    if not isinstance(httpx_args, dict):
        raise TypeError(
            f"{owner}(): httpx_args must be a dict of httpx.Client options, not {type(httpx_args).__name__}"
        )
    known = _client_options()
    for key in httpx_args:
        if key in _CLIENT_OWNED:
            raise TypeError(f"{owner}(): httpx_args may not set {key!r}: {_CLIENT_OWNED[key]}")
        if key not in known:
            close = difflib.get_close_matches(str(key), sorted(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise TypeError(f"{owner}(): httpx_args has {key!r}, which is not an httpx.Client option{hint}")
    transport = httpx_args.get("transport")
    if transport is None:
        return
    wanted = httpx.AsyncBaseTransport if asynchronous else httpx.BaseTransport
    if not isinstance(transport, wanted):
        kind, example = (
            ("an async", "httpx.AsyncHTTPTransport()")
            if asynchronous
            else ("a sync", "httpx.HTTPTransport()")
        )
        raise TypeError(
            f"{owner}(): httpx_args['transport'] is a {type(transport).__name__}, but this session needs "
            f"{kind} transport ({wanted.__module__}.{wanted.__name__}), e.g. {example}"
        )


def _timeout(value: httpx.Timeout | float | None, default: httpx.Timeout) -> httpx.Timeout:
    if value is None:
        return default
    return value if isinstance(value, httpx.Timeout) else httpx.Timeout(value)


def _telemetry(provider: str, key: str, base_url: str, options: SessionOptions) -> Telemetry | None:
    """The session's telemetry (None when nothing listens), labelled by its account and the API's path."""
    return session_telemetry(
        provider,
        key,
        httpx.URL(base_url).path.rstrip("/"),
        options.get("on_event"),
        options.get("tracer_provider"),
        options.get("meter_provider"),
    )


class _Base(Generic[C]):
    """Builds ``client`` (generated, authenticated by ``SessionAuth``) for one provider account."""

    client: C
    auth: SessionAuth
    provider: Provider
    #: The kind of transport the class's clients take (``httpx_args['transport']`` is checked against it).
    transport_kind: ClassVar[type[httpx.BaseTransport] | type[httpx.AsyncBaseTransport]]

    def __init__(
        self,
        provider: Provider,
        client_cls: type[C],
        base_url: str,
        *,
        logout_on_close: bool | None,
        default_timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        write_mode: WriteMode = "pipelined",
        write_sessions: Callable[[bool], int] | None = None,
        **options: Unpack[SessionOptions],
    ) -> None:
        """``write_sessions``: how many sessions nonce writes may spread over, by whether the store is shared
        (None: one)."""
        owner = f"{provider.name}.{type(self).__name__}"
        check_options(type(self).__name__, options)
        asynchronous = self.transport_kind is httpx.AsyncBaseTransport
        check_httpx_args(owner, options.get("httpx_args"), asynchronous)
        base_url = check_base_url(provider.name, base_url)
        store = options.get("store")
        clock = options.get("clock", time.time)
        httpx_args = options.get("httpx_args")
        self.provider = provider
        self.base_url = base_url.rstrip("/")
        self.store: SessionStore = store if store is not None else MemoryStore()
        self.timeout = _timeout(options.get("timeout"), default_timeout)
        # Transport options go into the session's own transports (below), not to the generated clients,
        # which would pass "verify" twice to httpx.Client.
        client_args = {k: v for k, v in (httpx_args or {}).items() if k not in TRANSPORT_OPTIONS}
        client_args["trust_env"] = False  # the environment's proxy is the session transport's (env_proxy)
        key = account_key(provider.name, self.base_url, provider.credentials(), key_secret(self.store))
        guarded = guard(self.store, provider.name)
        self.telemetry = _telemetry(provider.name, key, self.base_url, options)
        # By default a session kept in a shared store (file, Redis) belongs to every process using it:
        # one of them closing must not log the others out. A store that does not say is taken as shared.
        if logout_on_close is None:
            logout_on_close = not guarded.capabilities.shared
        self.logout_on_close = logout_on_close
        self._closed = False
        retry, max_retries = options.get("retry"), options.get("max_retries")
        cap = _answer_cap(provider.name, options.get("max_answer_bytes", MAX_ANSWER_BYTES))
        login_args = (provider, self.base_url, retry, max_retries, httpx_args or {}, self.telemetry, cap)
        shard = pools.shard(key)  # the account's logins and calls share one connection pool
        self.transport = _transport(*login_args, shard=shard)
        login_client_args = {k: v for k, v in client_args.items() if k not in {"auth", "transport"}}
        login_transport = functools.partial(_transport, *login_args, logins=True, shard=shard)
        connection = Connection(
            self.base_url, self.timeout, login_client_args, login_transport, self.telemetry, guarded, key
        )
        provider.connect(connection)
        self.auth = SessionAuth(
            provider,
            guarded,
            key,
            clock,
            retry=self.transport,
            telemetry=self.telemetry,
            write_mode=write_mode,
            write_sessions=1 if write_sessions is None else write_sessions(guarded.capabilities.shared),
        )
        self._client_cls, self._client_args = client_cls, client_args
        self.client = self._make_client(self.auth, self.transport, self.timeout)

    def _make_client(self, auth: httpx.Auth, transport: Any, timeout: httpx.Timeout) -> C:
        args = {**self._client_args, "auth": auth, "transport": transport}
        return make_client(self._client_cls, self.base_url, timeout, token=PLACEHOLDER_TOKEN, httpx_args=args)

    def __repr__(self) -> str:
        name = f"{type(self).__module__}.{type(self).__qualname__}"
        return f"{name}(base_url={self.base_url!r}, store={self.store!r})"

    @property
    def retry(self) -> RetryPolicy:
        """The session's retry policy (``with_options`` changes it for a block of calls)."""
        return self.transport.policy

    def with_options(
        self,
        *,
        retry: RetryPolicy | None = None,
        max_retries: int | None = None,
        timeout: httpx.Timeout | float | None = None,
    ) -> Self:
        """This session with other per-call options, as the Stainless SDKs do: ``s.with_options(
        max_retries=0).status()``, or ``view.client`` for generated operations. The view is the same session
        (store, login, connections); its requests carry the options, so they hold in any thread a view is
        handed to. ``with s.with_options(...):`` applies them to the session's own calls in the block too
        (this thread or task only, as ``retry.using``); leaving the block does not close anything."""
        policy = retry if retry is not None else self.transport.current
        if max_retries is not None:
            policy = attrs.evolve(policy, max_retries=max_retries)
        if timeout is None:
            timeout = self.timeout
        view = copy.copy(self)
        view.__class__ = _view_class(type(self))
        vars(view).update(_options=policy, _blocks=[])
        view.client = self._make_client(
            _Configured(self.auth, policy),
            _Borrowed(self.transport),
            timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout),
        )
        return view

    def _deadline(self) -> float | None:
        """When a call starting now must be done by (the policy's clock), if the policy has a deadline."""
        policy = self.transport.current
        return None if policy.deadline is None else policy.clock() + policy.deadline

    @property
    def logins(self) -> int:
        """Logins this session object performed."""
        return self.auth.logins


class _Configured(httpx.Auth):
    """The session's auth flow, each request first marked with a view's retry policy (``with_options``)."""

    requires_request_body = True
    requires_response_body = True

    def __init__(self, auth: SessionAuth, policy: RetryPolicy) -> None:
        self.auth = auth
        self.policy = policy

    def _mark(self, request: httpx.Request) -> httpx.Request:
        request.extensions = {**request.extensions, POLICY: self.policy}
        return request

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        return self.auth.sync_auth_flow(self._mark(request))

    def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        return self.auth.async_auth_flow(self._mark(request))


class _Borrowed(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The session's transport lent to a view: closing the view's client leaves it to the session."""

    def __init__(self, transport: RetryTransport) -> None:
        self.transport = transport

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.transport.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.transport.handle_async_request(request)


class _View(_Base[Any]):
    """What a ``with_options`` view changes of its session class: the ``with`` block applies the options to
    the session's own calls, and closing closes only the view's client. A ``_Base`` itself, so that a
    session's layout and its view class's agree (``__class__`` assignment)."""

    _options: RetryPolicy
    _blocks: list[contextlib.AbstractContextManager[None]]

    def __enter__(self) -> Self:
        block = using(self._options)
        block.__enter__()
        self._blocks.append(block)
        return self

    def __exit__(self, *exc: object) -> None:
        self._blocks.pop().__exit__(None, None, None)

    def close(self) -> None:
        if getattr(self.client, "_client", None) is not None:
            self.client.get_httpx_client().close()

    async def aclose(self) -> None:
        if getattr(self.client, "_async_client", None) is not None:
            await self.client.get_async_httpx_client().aclose()


_VIEWS: dict[type[Any], type[Any]] = {}  # one view class per session class (a race makes an equal one)


def _view_class(cls: type[Any]) -> type[Any]:
    found = _VIEWS.get(cls)
    if found is None:
        names = {"__module__": cls.__module__, "__qualname__": cls.__qualname__}
        found = _VIEWS[cls] = type(cls.__name__, (_View, cls), names)
    return found


#: Per shard of a host's shared pool (``pools.SHARDS`` of them: at most 256 connections per host): keep every
#: connection the pool may open (httpx keeps 20 of 100), so that concurrent callers reuse connections instead
#: of opening new ones (a write on a new connection keeps the order longer).
KEEP_ALIVE = httpx.Limits(max_connections=64, max_keepalive_connections=64)

#: httpx.Client options that configure its default transport: passed on to the session's own.
# An explicit proxy too: given to httpx.Client, it would mount a transport that bypasses the session's.
TRANSPORT_OPTIONS = ("verify", "cert", "trust_env", "http1", "http2", "limits", "proxy")


def env_proxy(base_url: str) -> str | None:
    """The proxy the environment (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, NO_PROXY) names for ``base_url``.

    A session talks to one host, so it is resolved once. The generated clients get ``trust_env=False``:
    httpx.Client would otherwise mount its own proxy transport, bypassing the session's retries, limits and
    typed errors.
    """
    url = urllib.parse.urlsplit(base_url)
    if not url.hostname or urllib.request.proxy_bypass(url.hostname):
        return None
    proxies = urllib.request.getproxies()
    return proxies.get(url.scheme) or proxies.get("all")


def _answer_cap(provider: str, value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise UsageError(
            f"{provider}: max_answer_bytes must be a positive number of bytes, or None", provider=provider
        )
    return value


def _transport(
    provider: Provider,
    base_url: str,
    retry: RetryPolicy | None,
    max_retries: int | None,
    httpx_args: dict[str, Any],
    telemetry: Telemetry | None = None,
    max_answer_bytes: int | None = MAX_ANSWER_BYTES,
    *,
    logins: bool = False,
    shard: int = 0,
) -> RetryTransport:
    policy = retry if retry is not None else RetryPolicy(deadline=provider.default_deadline)
    if max_retries is not None:
        policy = attrs.evolve(policy, max_retries=max_retries)
    limit = None
    if provider.max_in_flight is not None:
        limit = InFlightLimit.shared(provider.concurrency_key(base_url), provider.max_in_flight)
    # A caller's own transport (it must serve the client kind it is used with), else httpx's default one,
    # built with the transport options the caller gave the client.
    given = httpx_args.get("transport")
    transport_args: dict[str, Any] = {"limits": KEEP_ALIVE}
    transport_args |= {k: httpx_args[k] for k in TRANSPORT_OPTIONS if k in httpx_args}
    if given is None and "proxy" not in transport_args and httpx_args.get("trust_env", True):
        proxy = env_proxy(base_url)
        if proxy is not None:
            transport_args["proxy"] = proxy
    return RetryTransport(
        policy,
        provider.name,
        idempotent=provider.idempotent,
        retry_answer=provider.retry_answer,
        final_answer=provider.final_answer,
        enabled=provider.retryable,
        limit=limit,
        sync=given,  # None: RetryTransport makes the default one on first use
        asynchronous=given,
        transport_args=transport_args,
        logins=logins,
        shard=shard,
        telemetry=telemetry,
        max_answer_bytes=max_answer_bytes,
    )


async def ashield(close: Callable[[], Awaitable[None]]) -> None:
    """Run ``close()`` to its end even when the task awaiting it is cancelled (``async with`` leaving)."""
    await asyncio.shield(close())


def shield(close: Callable[[], None]) -> None:
    """The sync twin of ``ashield`` (``_sync/session.py``): a thread is not cancelled mid-call."""
    close()
