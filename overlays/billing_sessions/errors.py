"""The error hierarchy. Messages never carry credentials, tokens, session ids or cookies."""

from __future__ import annotations

import httpx


class BillingSessionError(Exception):
    """Base of every error this package raises."""

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


class ProviderUnavailable(ProviderError):
    """The provider says it is down or in maintenance: try again later (never in a tight loop)."""


class TransportError(BillingSessionError, httpx.TransportError):
    """The network failed (refused, reset, timed out). Also an ``httpx.TransportError``.

    A write that may have reached the server is never re-sent: check before sending it again.
    """

    def __init__(
        self, message: str, *, provider: str = "", operation: str = "", request: httpx.Request | None = None
    ) -> None:
        BillingSessionError.__init__(self, message, provider=provider, operation=operation)
        self._request = request


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
