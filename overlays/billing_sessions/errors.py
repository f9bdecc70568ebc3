"""The error hierarchy. Messages never carry credentials, tokens, session ids or cookies."""

from __future__ import annotations

from typing import NamedTuple

import httpx

from billing_sessions.redact import redact_request

__all__ = [
    "BillingSessionError",
    "ErrorEntry",
    "LoginError",
    "MissingExtra",
    "ProviderError",
    "ProviderUnavailable",
    "RateLimited",
    "SessionExpired",
    "StoreError",
    "TransportError",
    "UntrustedSession",
    "UsageError",
    "login_error",
    "missing_extra",
    "status_error",
]


class ErrorEntry(NamedTuple):
    """One entry of a provider's error list (BILL v3 answers a JSON array of them); any field may be None."""

    code: str | None
    severity: str | None
    category: str | None
    message: str | None


class BillingSessionError(Exception):
    """Base of every error this package raises.

    ``maybe_applied``: True when the failed call was a write that may have reached the provider and been
    applied (an unreadable answer, a 5xx, a connection dropped after sending): check before sending it again.
    False when the failure proves nothing was applied (refused connection, validation error, a rejected
    nonce or session) or the call was not a write.
    """

    #: May the failed write have been applied? (class default; set per error where it applies)
    maybe_applied: bool = False
    #: Every error the provider listed (BILL v3 error arrays), in its order; empty where it sends one error.
    entries: tuple[ErrorEntry, ...] = ()
    #: Raised before the call's own request left (an unusable login answer): never ``maybe_applied``.
    before_sending: bool = False

    def __init__(self, message: str, *, provider: str = "", status: int | None = None, operation: str = ""):
        super().__init__(message)
        self.provider = provider
        self.status = status
        self.operation = operation


class LoginError(BillingSessionError):
    """The provider rejected the credentials (never retried) or the login answer was unusable."""


class ProviderError(BillingSessionError):
    """The provider answered with an error (or an answer that could not be understood)."""

    def __init__(
        self,
        message: str,
        *,
        provider: str = "",
        status: int | None = None,
        operation: str = "",
        code: str | None = None,
        request_id: str | None = None,
    ):
        super().__init__(message, provider=provider, status=status, operation=operation)
        self.code = code
        self.request_id = request_id


class SessionExpired(ProviderError):
    """The provider kept rejecting the session after one fresh login (nothing more is tried)."""


class RateLimited(ProviderError):
    """The provider's rate or concurrency limit was hit; ``retry_after`` says when to try again (seconds)."""

    retry_after: float | None = None

    def __str__(self) -> str:
        text = super().__str__()
        return f"{text} (try again in {self.retry_after:.0f} s)" if self.retry_after is not None else text


class UntrustedSession(ProviderError):
    """The call needs an MFA-trusted session (BILL v3 ``BDC_1361``); the message says how to make it one."""


class ProviderUnavailable(ProviderError):
    """The provider says it is down or in maintenance: try again later (never in a tight loop)."""


class UsageError(BillingSessionError, ValueError):
    """A bad argument (a missing credential, a base URL without a scheme, options that exclude each other):
    nothing was sent. Also a ``ValueError``."""


class StoreError(BillingSessionError):
    """The session store could not be used (file permissions, a refused path, a lock timeout, Redis down or
    damaged). The original error, where there is one, is the ``__cause__``."""


class MissingExtra(BillingSessionError, ImportError):
    """A part of the package was used whose optional dependencies are not installed."""


def missing_extra(extra: str, feature: str, exc: ImportError) -> MissingExtra:
    """The one-line error for ``feature`` used without ``pip install 'billing-sessions[extra]'``."""
    name = exc.name or "a dependency"
    return MissingExtra(f"{feature} needs {name}, not installed: pip install 'billing-sessions[{extra}]'")


class TransportError(BillingSessionError, httpx.TransportError):
    """The network failed (refused, reset, timed out). Also an ``httpx.TransportError``.

    A write that may have reached the server is never re-sent: check before sending it again.
    """

    def __init__(
        self, message: str, *, provider: str = "", operation: str = "", request: httpx.Request | None = None
    ) -> None:
        BillingSessionError.__init__(self, message, provider=provider, operation=operation)
        self._request = None if request is None else redact_request(request)

    # httpx sets ``request`` on every RequestError passing through a client: keep only a redacted copy.
    @property
    def request(self) -> httpx.Request:
        if self._request is None:
            raise RuntimeError("The .request property has not been set.")
        return self._request

    @request.setter
    def request(self, request: httpx.Request) -> None:
        self._request = redact_request(request)


def login_error(
    message: str, *, provider: str, status: int, operation: str, code: str | None = None
) -> BillingSessionError:
    """The error for a login that did not give a session. Only an answer that judged the credentials is a
    ``LoginError``: a 404 or 405 says the base URL is wrong, a redirect or 429/5xx that the provider (or
    something in front of it) failed, and neither is a reason to change the password."""
    if status in {404, 405}:
        return ProviderError(
            f"{message} at login: the base URL looks wrong (no login endpoint there)",
            provider=provider,
            status=status,
            operation=operation,
            code=code,
        )
    if 300 <= status < 400 or status == 429 or status >= 500:
        return status_error(message, provider=provider, status=status, operation=operation, code=code)
    return LoginError(message, provider=provider, status=status, operation=operation)


def status_error(
    message: str,
    *,
    provider: str,
    status: int,
    operation: str,
    code: str | None = None,
    request_id: str | None = None,
) -> ProviderError:
    """The ``ProviderError`` subclass that fits an HTTP status (429 rate limit, 503 unavailable)."""
    cls: type[ProviderError] = ProviderError
    if status == 429:
        cls = RateLimited
    elif status == 503:
        cls = ProviderUnavailable
    return cls(
        message, provider=provider, status=status, operation=operation, code=code, request_id=request_id
    )
