"""BillingPlatform's rules (``billing_sessions.billingplatform`` is the public face): the provider, its
errors and the options both session classes share. The session classes are written once, in
``_async/billingplatform.py``; ``_sync/billingplatform.py`` is generated from it."""

from __future__ import annotations

import json
import re
import time
from typing import Any, Unpack

import httpx

from billing_sessions._session import _Base
from billing_sessions.core import Provider, Token, require
from billing_sessions.errors import (
    BillingSessionError,
    LoginError,
    ProviderError,
    RateLimited,
    UsageError,
    login_error,
    status_error,
)
from billing_sessions.hosts import is_label
from billing_sessions.redact import redact
from billing_sessions.retry import retry_after
from billing_sessions.session import SessionOptions
from billing_sessions_generated.billingplatform import AuthenticatedClient, Client
from billing_sessions_generated.billingplatform.api.session import authenticate, login, logout
from billing_sessions_generated.billingplatform.models import (
    LoginRequest,
    LoginResponseBody,
    LoginResult,
    OauthToken,
    QueryResponseBody,
    Record,
    RetrieveResponseBody,
)
from billing_sessions_generated.billingplatform.types import Response

SERVER = "https://{env}.billingplatform.com/{org}"
DEFAULT_TIMEOUT = httpx.Timeout(420.0, connect=10.0)
SESSION_HEADER = "sessionid"
_ORG = re.compile(r"[A-Za-z0-9_.-]+")
MAX_IN_FLIGHT = 8  # provider advice: 4-8 concurrent threads


def _message(response: Response[Any]) -> str | None:
    """The provider's own words: ``message`` of any parsed error answer, else of the raw JSON body."""
    message = getattr(response.parsed, "message", None)
    if not isinstance(message, str):
        try:
            body = json.loads(response.content)
        except (ValueError, RecursionError):
            return None
        message = body.get("message") if isinstance(body, dict) else None
    return redact(message.strip())[:500] if isinstance(message, str) and message.strip() else None


def _error(response: Response[Any], operation: str, *, login: bool = False) -> BillingSessionError:
    status = int(response.status_code)
    message = _message(response)
    text = f"billingplatform: HTTP {status}" + (f": {message}" if message else "")
    if login and status in {404, 405}:
        return login_error(text, provider="billingplatform", status=status, operation=operation)
    error = status_error(text, provider="billingplatform", status=status, operation=operation)
    if isinstance(error, RateLimited):
        error.retry_after = retry_after(response.headers, time.time())
    return error


#: The longest token lifetime taken as given (a year); a longer ``expires_in`` is clamped to it.
MAX_EXPIRES_IN = 365 * 86400.0


def _expiry(now: float, expires_in: Any) -> float | None:
    """When an OAuth token expires, from ``expires_in``: absent or 0 means not said; a value that is not a
    positive finite number is a ``ProviderError``; more than a year is clamped (an early re-login is harmless,
    a 400-digit number is no reason to fail)."""
    if expires_in is None or expires_in == 0:
        return None
    if isinstance(expires_in, bool) or not isinstance(expires_in, int | float) or not expires_in > 0:
        raise ProviderError(
            "billingplatform: the token answer's expires_in is not a positive number",
            provider="billingplatform",
            operation="POST /auth/1.0/authenticate",
        )
    return now + (MAX_EXPIRES_IN if expires_in > MAX_EXPIRES_IN else float(expires_in))


class _BillingPlatform(Provider):
    name = "billingplatform"
    max_in_flight = MAX_IN_FLIGHT
    default_deadline = DEFAULT_TIMEOUT.read  # a query may take the server's 400 s; never one more attempt

    def __init__(
        self, username: str | None, password: str | None, client_id: str | None, client_secret: str | None
    ) -> None:
        if username is None and client_id is None:
            raise UsageError(
                "billingplatform: username and password, or client_id and client_secret, is required",
                provider="billingplatform",
            )
        self.oauth = username is None
        self.username = require(username, "username", self.name) if not self.oauth else ""
        self.password = require(password, "password", self.name) if not self.oauth else ""
        self.client_id = require(client_id, "client_id", self.name) if self.oauth else ""
        self.client_secret = require(client_secret, "client_secret", self.name) if self.oauth else ""
        super().__init__()

    def credentials(self) -> tuple[str, ...]:
        return (self.username, self.password, self.client_id, self.client_secret)

    def apply(self, request: httpx.Request, token: Token | None, nonce: int | None) -> httpx.Request:
        request.headers.pop(SESSION_HEADER, None)
        request.headers.pop("Authorization", None)
        if token is not None and token.kind == "bearer":
            request.headers["Authorization"] = f"Bearer {token.value}"
        elif token is not None:
            request.headers[SESSION_HEADER] = token.value
        return request

    def is_expired(self, response: httpx.Response) -> bool:
        return response.status_code == 401

    def _session(self, response: Response[Any]) -> Token:
        # A 5xx or a redirect did not judge the credentials: not a LoginError.
        if int(response.status_code) >= 300 and int(response.status_code) not in {400, 401, 403}:
            raise _error(response, "POST /rest/2.0/login", login=True)
        parsed = response.parsed
        results = parsed.login_response if isinstance(parsed, LoginResponseBody) else []
        first = results[0] if isinstance(results, list) and results else None
        first = first if isinstance(first, LoginResult) else None  # an entry read as sent is unusable
        if (
            first is not None
            and first.error_code == "0"
            and isinstance(first.session_id, str)
            and first.session_id
        ):
            now = time.time()
            return Token(value=first.session_id, created=now, last_used=now)
        if first is not None:
            texts = first.error_text if isinstance(first.error_text, list) else [first.error_text or ""]
            text = " ".join(str(t) for t in texts)
            raise LoginError(
                f"billingplatform: login failed (ErrorCode {first.error_code}): {text}".strip(),
                provider=self.name,
                status=int(response.status_code),
                operation="POST /rest/2.0/login",
            )
        raise _error(response, "POST /rest/2.0/login", login=True)

    def _bearer(self, response: Response[Any]) -> Token:
        parsed = response.parsed
        if isinstance(parsed, OauthToken) and isinstance(parsed.access_token, str) and parsed.access_token:
            now = time.time()
            return Token(
                value=parsed.access_token,
                created=now,
                last_used=now,
                kind="bearer",
                expires=_expiry(now, parsed.expires_in),
            )
        if int(response.status_code) in {400, 401, 403}:
            raise LoginError(
                f"billingplatform: client credentials rejected (HTTP {int(response.status_code)})",
                provider=self.name,
                status=int(response.status_code),
                operation="POST /auth/1.0/authenticate",
            )
        raise _error(response, "POST /auth/1.0/authenticate", login=True)

    def _oauth_client(self) -> AuthenticatedClient:
        import base64

        basic = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        return self.login_client(AuthenticatedClient, token=basic, prefix="Basic")

    def _login_body(self) -> LoginRequest:
        return LoginRequest(username=self.username, password=self.password)

    def login(self) -> Token:
        if self.oauth:
            return self._bearer(authenticate.sync_detailed(client=self._oauth_client()))
        return self._session(login.sync_detailed(client=self.login_client(Client), body=self._login_body()))

    async def alogin(self) -> Token:
        if self.oauth:
            return self._bearer(await authenticate.asyncio_detailed(client=self._oauth_client()))
        client = self.login_client(Client)
        return self._session(await login.asyncio_detailed(client=client, body=self._login_body()))

    def _logout_client(self, token: Token) -> AuthenticatedClient:
        return self.login_client(
            AuthenticatedClient, token=token.value, prefix="", auth_header_name=SESSION_HEADER
        )

    def logout(self, token: Token) -> None:
        if token.kind == "session":
            with self._logout_client(token) as client:
                logout.sync_detailed(client=client)

    async def alogout(self, token: Token) -> None:
        if token.kind == "session":
            async with self._logout_client(token) as client:
                await logout.asyncio_detailed(client=client)


class _Options(_Base[AuthenticatedClient]):
    def __init__(
        self,
        base_url: str | None = None,
        *,
        env: str = "my",
        org: str | None = None,
        username: str | None = None,
        password: str | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        logout_on_close: bool | None = None,
        **options: Unpack[SessionOptions],
    ) -> None:
        if base_url is None:
            if not org:
                raise UsageError("billingplatform: pass base_url, or org= (and env=) for the hosted API")
            # Both become part of the URL the credentials go to: env= of the host name, org= of the path.
            if not isinstance(env, str) or not is_label(env):
                raise UsageError(
                    f"billingplatform: env= must be one DNS label (like 'my', 'sandbox'), not {env!r}"
                )
            if not isinstance(org, str) or not _ORG.fullmatch(org) or set(org) == {"."}:
                raise UsageError(f"billingplatform: org= must be letters, digits, '_', '-', '.', not {org!r}")
            base_url = SERVER.format(env=env, org=org)
        elif org is not None:
            raise UsageError("billingplatform: pass base_url or org=, not both (org= names the hosted URL)")
        provider = _BillingPlatform(username, password, client_id, client_secret)
        super().__init__(
            provider,
            AuthenticatedClient,
            base_url,
            logout_on_close=logout_on_close,
            default_timeout=DEFAULT_TIMEOUT,
            **options,
        )


def _records(response: Response[Any], operation: str) -> list[Record]:
    parsed = response.parsed
    records = None
    if isinstance(parsed, QueryResponseBody):
        records = parsed.query_response
    elif isinstance(parsed, RetrieveResponseBody):
        records = parsed.retrieve_response
    if isinstance(records, list):
        return records
    if records is not None:  # a 2xx whose records are not a list: nothing usable in it
        raise status_error(
            "billingplatform: the answer carries no list of records",
            provider="billingplatform",
            status=int(response.status_code),
            operation=operation,
        )
    raise _error(response, operation)
