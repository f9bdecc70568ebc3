"""The retry policy and the rules of the transport that applies it (``billing_sessions.retry`` is the public
face; the transport's I/O is ``_async/transport.py``, and ``_sync/transport.py`` generated from it).

Retried: idempotent requests (GET, and provider reads that are POST by protocol, like BILL ``Crud/Read``) on
connection errors, timeouts, 408, 429 and 5xx; any request whose connection was refused before anything was
sent. Never retried: a write that may have reached the server, and anything to the Számla Agent (provider
rule). ``Retry-After`` (seconds or an HTTP date) is honoured up to a cap; backoff is exponential with full
jitter; a deadline bounds the whole call, re-login included.
"""

from __future__ import annotations

import asyncio
import contextvars
import email.utils
import logging
import math
import random
import re
import socket
import ssl
import threading
import time
import weakref
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from http import HTTPStatus
from typing import Any, ClassVar

import attrs
import httpx

from billing_sessions import pools
from billing_sessions.errors import ProviderError, TransportError, status_error
from billing_sessions.lenient import model as lenient_model
from billing_sessions.redact import SECRET_HEADERS
from billing_sessions.store_base import POLL_INTERVAL
from billing_sessions.telemetry import Telemetry

log = logging.getLogger("billing_sessions")

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
#: Request extension: the ``time.monotonic()`` (policy clock) by which the whole logical call must be done.
DEADLINE = "billing_sessions.deadline"
#: Request extension: the ``RetryPolicy`` of a call made through a ``with_options`` view.
POLICY = "billing_sessions.policy"
#: Failures before a request left: safe to re-send even for a write, and reported as "not sent".
UNSENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
#: Failures before a request left that a retry cannot mend (a URL no transport serves): not sent, not retried.
UNSENDABLE = (*UNSENT, httpx.UnsupportedProtocol)
#: Response extension: generated ``answers.reading`` calls it with an answer its parser cannot read.
UNREADABLE = "unreadable_answer"
#: The response extension the generated ``answers.tolerant`` reads: builds a model field by field.
LENIENT = "lenient_model"
_STANDARD = frozenset(int(s) for s in HTTPStatus)
#: Request extension: the URL the session put its credentials on the request for. A redirect the caller lets
#: httpx follow keeps the extensions: one to another origin (scheme, host, port) is sent without them.
ORIGIN = "billing_sessions.origin"
#: The default cap on an answer's size once decoded (``max_answer_bytes=``): far above any answer the four
#: APIs document (a BILL v3 page of 100 items, a Számla invoice PDF in base64, a BillingPlatform query page
#: of thousands of rows are well below a few MB), low enough that parsing the largest one stays bounded (a
#: 16 MB XML answer parses into ~400 MB).
MAX_ANSWER_BYTES = 16 * 1024 * 1024
#: A compressed body is decoded this many raw bytes at a time, so a decompression bomb is stopped within
#: ~1 MB (gzip/deflate expand at most ~1,000 times) of the cap, never after it was all inflated.
SLICE = 1024
#: What h11/h2 refuse in a header (control characters): such a request is never sent, so never in doubt.
_UNSENDABLE = re.compile(rb"[\x00-\x08\x0a-\x1f\x7f]")


def origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return url.scheme, url.host, url.port


@attrs.frozen
class RetryPolicy:
    """How often and how patiently to retry. ``RetryPolicy(max_retries=0)`` turns retries off."""

    max_retries: int = 2
    backoff: float = 0.5  # first delay; doubles each attempt, full jitter
    backoff_max: float = 8.0
    retry_after_max: float = 60.0  # a longer Retry-After is not waited for: the error surfaces instead
    deadline: float | None = None  # seconds for the whole call (re-login and retries included)
    statuses: frozenset[int] = RETRY_STATUSES
    sleep: Callable[[float], None] = attrs.field(default=time.sleep, repr=False)
    async_sleep: Callable[[float], Any] = attrs.field(default=asyncio.sleep, repr=False)
    clock: Callable[[], float] = attrs.field(default=time.monotonic, repr=False)
    jitter: Callable[[], float] = attrs.field(default=random.random, repr=False)

    def delay(self, attempt: int, response: httpx.Response | None) -> float | None:
        """Seconds to wait before attempt ``attempt + 1``, or None when no retry should be made."""
        if attempt >= self.max_retries:
            return None
        if response is not None:
            hinted = retry_after(response.headers, time.time())
            if hinted is not None:
                return hinted if hinted <= self.retry_after_max else None
        backoff: float = min(self.backoff_max, self.backoff * 2.0**attempt)
        return backoff * self.jitter()


#: A ``Retry-After`` further away than this (seconds) is no usable hint: ignored, like a missing one.
MAX_RETRY_AFTER = 86400.0


def retry_after(headers: Mapping[str, str], now: float) -> float | None:
    """The ``Retry-After`` of an answer in seconds (delta-seconds or an HTTP date), if it has a usable one:
    a value that is not a finite number of at most a day (``MAX_RETRY_AFTER``) is ignored."""
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = email.utils.parsedate_to_datetime(value).timestamp() - now
        except (TypeError, ValueError, OverflowError, IndexError):  # year 99999999999: OverflowError
            return None
    if not math.isfinite(seconds) or seconds > MAX_RETRY_AFTER:
        return None
    return max(0.0, seconds)


_override: contextvars.ContextVar[RetryPolicy | None] = contextvars.ContextVar("retry_override", default=None)


@contextmanager
def using(policy: RetryPolicy) -> Iterator[None]:
    """Use ``policy`` for the calls made inside the block (this thread / task only)."""
    token = _override.set(policy)
    try:
        yield
    finally:
        _override.reset(token)


Decide = Callable[[httpx.Request, httpx.Response], bool]


def diagnose(exc: BaseException, host: str, port: int | None) -> str:
    """What failed below httpx (the name, the port, TLS, a timeout) and what to check: the error on our side
    of the wire, in words a person on call can act on. Empty when nothing more is known."""
    causes: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in causes:
        causes.append(current)
        current = current.__cause__ or current.__context__
    text = " ".join(str(c) for c in causes).lower()
    if any(isinstance(c, socket.gaierror) for c in causes) or any(w in text for w in _NAME_ERRORS):
        return (
            f"the name {host} did not resolve (DNS): check the host in the base URL, and this machine's DNS "
            "and network"
        )
    if any(isinstance(c, ConnectionRefusedError) for c in causes) or "connection refused" in text:
        return (
            f"{host}:{port} refused the connection (nothing listens there): check the port in the base URL "
            "and that the service is up"
        )
    if any(isinstance(c, ssl.SSLError) for c in causes) or "ssl" in text or "certificate" in text:
        detail = next((c.reason for c in causes if isinstance(c, ssl.SSLError) and c.reason), None)
        return (
            "TLS failed" + (f" ({detail})" if detail else "") + ": check that the URL's scheme matches the "
            "port (https on a TLS port), the host name on the certificate, and verify= (a CA bundle) for a "
            "private CA"
        )
    if isinstance(exc, httpx.ConnectTimeout):
        return (
            f"no connection to {host}:{port} within the connect timeout: check a firewall or proxy on the way"
        )
    return ""


_NAME_ERRORS = ("name or service not known", "nodename nor servname", "temporary failure in name resolution")


class _DeadlineExpired(httpx.ReadTimeout):
    """The call's deadline passed while the body was still arriving (a trickle)."""


def check_deadline(deadline: float, clock: Callable[[], float]) -> None:
    if clock() >= deadline:
        raise _DeadlineExpired("the call's deadline passed while the answer was being read")


def compressed(response: httpx.Response) -> bool:
    encoding = response.headers.get("content-encoding")
    return encoding is not None and encoding.strip().lower() not in {"", "identity"}


def _sendable_cookies(response: httpx.Response) -> None:
    """Drop a Set-Cookie that could never be sent back (non-ASCII): in the client's cookie jar it would make
    every later request fail before it is sent."""
    raw = response.headers.raw
    if any(not value.isascii() and name.lower() == b"set-cookie" for name, value in raw):
        log.warning("%s", "dropped a Set-Cookie with a non-ASCII value (it could never be sent back)")
        response.headers = httpx.Headers(
            [(n, v) for n, v in raw if v.isascii() or n.lower() != b"set-cookie"]
        )


class InFlightLimit:
    """At most ``limit`` requests on the wire at once for one provider account, across Session objects,
    threads and event loops of this process.

    One ``threading.BoundedSemaphore`` is the cap. Threads wait on it; an asyncio task first queues on a
    per-loop ``asyncio.Semaphore`` (fair within its loop), then takes a slot of the same semaphore without
    blocking, polling while sync callers hold them all: the loop is never blocked.
    """

    #: One limit per account while sessions use it; a later session with another limit joins the current one.
    _registry: ClassVar[weakref.WeakValueDictionary[str, InFlightLimit]] = weakref.WeakValueDictionary()
    _guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._threads = threading.BoundedSemaphore(limit)
        self._tasks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )

    @classmethod
    def shared(cls, key: str, limit: int) -> InFlightLimit:
        with cls._guard:
            found = cls._registry.get(key)
            if found is None:
                found = cls._registry[key] = cls(limit)
            elif found.limit != limit:
                log.warning("in-flight limit %d asked, %d kept: one account, one limit", limit, found.limit)
            return found

    @contextmanager
    def hold(self) -> Iterator[None]:
        with self._threads:
            yield

    @asynccontextmanager
    async def ahold(self) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        with self._guard:
            semaphore = self._tasks.setdefault(loop, asyncio.Semaphore(self.limit))
        async with semaphore:
            while not self._threads.acquire(blocking=False):  # noqa: ASYNC110 - a thread may hold the slot
                await asyncio.sleep(POLL_INTERVAL)
            try:
                yield
            finally:
                self._threads.release()


class TransportBase:
    """What ``RetryTransport`` decides, for its sync and async I/O alike (``_async/transport.py``, and
    ``_sync/transport.py`` generated from it).

    Without ``sync`` / ``asynchronous`` (a caller's own transport, used as given), requests go through the
    process's shared pool for their host and ``transport_args`` (``pools``), leased on first use and given
    back on close: a session costs no TLS context and no connections of its own.
    """

    def __init__(
        self,
        policy: RetryPolicy,
        provider: str,
        *,
        idempotent: Callable[[httpx.Request], bool],
        retry_answer: Decide | None = None,
        final_answer: Decide | None = None,
        enabled: bool = True,
        limit: InFlightLimit | None = None,
        sync: httpx.BaseTransport | None = None,
        asynchronous: httpx.AsyncBaseTransport | None = None,
        transport_args: dict[str, Any] | None = None,
        logins: bool = False,
        shard: int = 0,
        telemetry: Telemetry | None = None,
        max_answer_bytes: int | None = MAX_ANSWER_BYTES,
    ) -> None:
        self.policy = policy
        self.logins = logins  # serves login/logout: nothing it sends is a write that may be applied
        self.provider = provider
        self.idempotent = idempotent
        self.retry_answer = retry_answer
        self.final_answer = final_answer
        self.enabled = enabled
        self.limit = limit
        self._sync = sync
        self._async = asynchronous
        self._leases: dict[Any, tuple[Any, Any]] = {}  # (loop, origin) -> (pool key, shared transport)
        self._generation = pools.generation  # another one after a fork: lease again
        self._making = threading.Lock()
        self.telemetry = telemetry  # None: nothing listens
        # What httpx.Client would have given its own default transport (verify, cert, http2, limits, ...).
        self._transport_args = transport_args or {}
        self._shard = shard  # which of the host's shared transports (pools.shard of the account)
        self._unreadable = self.unreadable  # one bound method for every answer
        #: The largest answer read, decoded (bytes; None: no cap): the session's ``max_answer_bytes=``.
        self.max_answer_bytes = max_answer_bytes

    def _sync_transport(self, request: httpx.Request) -> httpx.BaseTransport:
        if self._sync is not None:
            return self._sync
        url = request.url
        where = (None, url.scheme, url.host, url.port)
        found = self._leases.get(where)
        if found is None or self._generation != pools.generation:
            found = self._lease(where, asynchronous=False)
        transport: httpx.BaseTransport = found[1]
        return transport

    def _async_transport(self, request: httpx.Request) -> httpx.AsyncBaseTransport:
        if self._async is not None:
            return self._async
        url = request.url
        where = (id(asyncio.get_running_loop()), url.scheme, url.host, url.port)
        found = self._leases.get(where)
        if found is None or self._generation != pools.generation:
            found = self._lease(where, asynchronous=True)
        transport: httpx.AsyncBaseTransport = found[1]
        return transport

    def _lease(self, where: tuple[Any, ...], *, asynchronous: bool) -> tuple[Any, Any]:
        with self._making:
            if self._generation != pools.generation:  # forked: the parent's pools are not ours
                self._leases.clear()
                self._generation = pools.generation
            found = self._leases.get(where)
            if found is None:
                found = self._leases[where] = pools.lease(
                    asynchronous, where[1:], self._transport_args, self._shard
                )
            return found

    def _sync_give_back(self) -> list[Any]:
        return self._give_back(asynchronous=False)

    def _async_give_back(self) -> list[Any]:
        return self._give_back(asynchronous=True)

    def _give_back(self, asynchronous: bool) -> list[Any]:
        """The shared transports of this kind this one leased; those no one else uses to be closed."""
        with self._making:
            mine = [w for w in self._leases if (w[0] is not None) == asynchronous]
            leases = [self._leases.pop(w) for w in mine]
        return [t for t in (pools.give_back(key) for key, _ in leases) if t is not None]

    @property
    def current(self) -> RetryPolicy:
        return _override.get() or self.policy

    def policy_for(self, request: httpx.Request) -> RetryPolicy:
        """The policy of one request: the one it carries (a ``with_options`` view's, which follows it into any
        thread), else the block's (``using``), else the session's."""
        carried: RetryPolicy | None = request.extensions.get(POLICY)
        return carried or self.current

    # -- decisions shared by both paths

    def _retry_response(
        self, request: httpx.Request, response: httpx.Response, attempt: int, *, unreadable: bool = False
    ) -> float | None:
        if not self.enabled or not self.idempotent(request):
            return None
        policy = self.policy_for(request)
        wanted = (
            unreadable
            or response.status_code in policy.statuses
            or (self.retry_answer is not None and self.retry_answer(request, response))
        )
        if wanted and self.final_answer is not None and self.final_answer(request, response):
            return None
        return self._within_deadline(request, policy.delay(attempt, response)) if wanted else None

    def _retry_error(self, request: httpx.Request, exc: httpx.TransportError, attempt: int) -> float | None:
        # Refused before anything was sent: safe for writes too. Anything later: only for idempotent requests.
        if isinstance(exc, httpx.UnsupportedProtocol):
            return None
        unsent = isinstance(exc, UNSENT)
        if not self.enabled or not (unsent or self.idempotent(request)):
            return None
        return self._within_deadline(request, self.policy_for(request).delay(attempt, None))

    def _within_deadline(self, request: httpx.Request, delay: float | None) -> float | None:
        deadline = request.extensions.get(DEADLINE)
        if (
            delay is not None
            and deadline is not None
            and self.policy_for(request).clock() + delay >= deadline
        ):
            return None
        return delay

    def _bound(self, request: httpx.Request) -> None:
        """Keep an attempt inside the call's deadline: every timeout of an idempotent request, only the
        connect and pool timeouts of a write (a write cut off after sending would be left in doubt)."""
        deadline = request.extensions.get(DEADLINE)
        if deadline is None:
            return
        remaining = deadline - self.policy_for(request).clock()
        if remaining <= 0:
            raise TransportError(
                f"{self.provider}: the call's deadline passed (not sent)",
                provider=self.provider,
                operation=f"{request.method} {request.url.path}",
                request=request,
            )
        timeout = dict(request.extensions.get("timeout") or {})
        phases = ("connect", "read", "write", "pool") if self.idempotent(request) else ("connect", "pool")
        for phase in phases:
            value = timeout.get(phase)
            timeout[phase] = remaining if value is None else min(value, remaining)
        request.extensions = {**request.extensions, "timeout": timeout}

    def _log(self, request: httpx.Request, status: int | str, attempt: int, started: float) -> None:
        if not log.isEnabledFor(logging.DEBUG):  # every attempt passes here: no work when nobody listens
            return
        elapsed = (time.perf_counter() - started) * 1000
        log.debug(
            "%s %s %s -> %s attempt %d %.1f ms",
            self.provider,
            request.method,
            request.url.path,
            status,
            attempt + 1,
            elapsed,
        )

    def _error(self, request: httpx.Request, exc: httpx.TransportError, attempt: int) -> TransportError:
        what = "not sent" if isinstance(exc, UNSENDABLE) else "sent, no answer"
        if isinstance(exc, _DeadlineExpired):
            what = "sent, the deadline passed while the answer was read"
        url = request.url
        port = url.port or {"https": 443, "http": 80}.get(url.scheme)
        why = diagnose(exc, url.host, port)
        error = TransportError(
            f"{self.provider}: {type(exc).__name__} talking to {url.host}:{port} after {attempt + 1} "
            f"attempt(s) ({what})" + (f": {why}" if why else ""),
            provider=self.provider,
            operation=f"{request.method} {request.url.path}",
            request=request,
        )
        error.maybe_applied = self._write(request) and not isinstance(exc, UNSENDABLE)
        return error

    def unreadable(self, response: httpx.Response, exc: Exception | None = None) -> ProviderError:
        """The typed error for an answer that cannot be read: a status outside the HTTP standard, a body
        that cannot be decoded or parsed. A write answered so may have been applied."""
        request = response.request
        status = response.status_code
        what = "a status outside the HTTP standard" if status not in _STANDARD else "a malformed answer"
        error = status_error(
            f"{self.provider}: {what} (HTTP {status}) to {request.method} {request.url.path}",
            provider=self.provider,
            status=status,
            operation=f"{request.method} {request.url.path}",
        )
        error.maybe_applied = self._write(request)
        return error

    def _write(self, request: httpx.Request) -> bool:
        return not self.logins and not self.idempotent(request)

    def _too_large(self, request: httpx.Request, response: httpx.Response) -> ProviderError:
        error = ProviderError(
            f"{self.provider}: the answer to {request.method} {request.url.path} is larger than "
            f"max_answer_bytes ({self.max_answer_bytes} bytes decoded): not read; raise max_answer_bytes= "
            "if such answers are expected",
            provider=self.provider,
            status=response.status_code,
            operation=f"{request.method} {request.url.path}",
        )
        error.maybe_applied = self._write(request)
        return error

    def _sendable(self, request: httpx.Request) -> None:
        """Before anything is sent: a redirect to another origin loses the credentials (and is refused if it
        would carry a body, where they are too); a header no HTTP/1.1 or HTTP/2 peer may receive (CR, LF, NUL)
        fails here, as not sent, instead of inside h11 where it would look like a failure after sending."""
        made_for = request.extensions.get(ORIGIN)
        if made_for is not None and made_for is not request.url and origin(made_for) != origin(request.url):
            for name in SECRET_HEADERS - {"proxy-authorization"}:
                request.headers.pop(name, None)
            # httpx keeps the body (and its length headers) only for 307/308, where the method stays.
            length = request.headers.get("content-length", "0").strip()
            if length not in {"", "0"} or "transfer-encoding" in request.headers:
                raise TransportError(
                    f"{self.provider}: a redirect to another host would carry the request body, which holds "
                    "credentials: not followed (not sent)",
                    provider=self.provider,
                    operation=f"{request.method} {request.url.path}",
                    request=request,
                )
            log.warning("%s: following a redirect to another host without the credentials", self.provider)
        raw = request.headers.raw
        if not _UNSENDABLE.search(b"\t".join(b"\t".join(pair) for pair in raw)):  # one search: the usual case
            return
        for field, value in raw:
            if _UNSENDABLE.search(value) or _UNSENDABLE.search(field):
                header = field.decode("ascii", "replace")
                raise TransportError(
                    f"{self.provider}: the header {header!r} holds a control character (CR, LF, NUL, ...) "
                    "and cannot be sent (not sent)",
                    provider=self.provider,
                    operation=f"{request.method} {request.url.path}",
                    request=request,
                )

    def _answer(self, request: httpx.Request, response: httpx.Response) -> None:
        """After the body is read: what every answer gets before the client and the parsers see it."""
        response.request = request
        response.extensions[UNREADABLE] = self._unreadable
        response.extensions[LENIENT] = lenient_model
        _sendable_cookies(response)
