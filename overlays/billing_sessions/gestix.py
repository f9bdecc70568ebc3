"""Gestix ERP API v4: ``xa-token`` Bearer sessions, a strictly increasing ``nonce`` on every POST and PUT.

Login: ``GET /helo`` with the API token, or ``POST /auth`` with username and password. A 403 means the token
is gone: one re-login, then the request is re-sent once with a fresh nonce. Nonces come from the store
(``max(last + 1, now_ms)``), so they keep increasing across re-logins, Session objects and, with a shared
store, processes and restarts. ``writes="pipelined"`` (default) keeps an account's write lock from nonce
allocation until the request's last byte is sent, so nonces leave in order while earlier answers are still
on their way; a nonce the server still rejects (arrived out of order) proves nothing was applied and the
write is re-sent with a fresh one. ``writes="strict"`` holds the lock until the answer: one write at a time.
A write is never re-sent after a transport error (``maybe_applied`` says its outcome is unknown).

## Quickstart

Runs as is on the embedded sandbox. For a real account pass ``account="03101176"`` (your account number)
instead of the sandbox URL, with ``api_token=`` or ``username=`` + ``password=``.

```python
from billing_sessions import gestix
from billing_sessions.sandbox import DEMO, Sandbox
from gestix_client.api.invoices import create_invoice
from gestix_client.models import DocumentInput, DocumentLine

with Sandbox() as sb, gestix.Session(
    sb.base_url("gestix"), api_token=DEMO.gestix_api_token
) as s:
    print(s.status().status)  # the first call logs in (GET /helo)
    # Any generated operation takes client=s.client: the nonce is added.
    line = DocumentLine(article_code="A1", quantity=1.0)
    body = DocumentInput(lines=[line])
    created = create_invoice.sync_detailed(client=s.client, body=body)
    print(created.status_code, created.parsed)
```

Options every session takes: ``store=`` (e.g. ``FileStore("sessions.json")`` shares the token and the
nonce counter between processes), ``timeout=``, ``retry=`` / ``max_retries=``, ``httpx_args=``.
``AsyncSession`` takes the same arguments: ``async with``, ``await s.status()``, and the generated
``asyncio_detailed`` functions with ``client=s.client``.
"""

from __future__ import annotations

import json
import time
from typing import Any, Unpack

import httpx

from billing_sessions.core import Provider, Token, require, set_query_param
from billing_sessions.errors import BillingSessionError, UsageError, login_error, status_error
from billing_sessions.ordering import WRITE_MODES, WriteMode
from billing_sessions.session import AsyncSessionBase, SessionOptions, SyncSession
from gestix_client import AuthenticatedClient, Client
from gestix_client.api.session import auth, get_status, helo
from gestix_client.models import ApiError, SessionToken, StatusResponse
from gestix_client.types import Response

SERVER = "https://gestix.pt/api/{account}/v4.0.0"


def _error(response: Response[Any], operation: str, login: str = "") -> BillingSessionError:
    """``login``: what was presented at login ("API token", "user name and password"), named when rejected."""
    parsed = response.parsed
    status = int(response.status_code)
    api = parsed if isinstance(parsed, ApiError) else None
    text = f"gestix: {api.code}: {api.message}" if api is not None else f"gestix: HTTP {status}"
    code = api.code if api is not None else None
    if login:
        if status in {401, 403}:
            text = f"gestix: the {login} was rejected (HTTP {status}" + (f", {api.code})" if api else ")")
        return login_error(text, provider="gestix", status=status, operation=operation, code=code)
    request_id = (api.request_id or None) if api is not None else None
    return status_error(
        text, provider="gestix", status=status, operation=operation, code=code, request_id=request_id
    )


class _Gestix(Provider):
    name = "gestix"
    nonce_methods = frozenset({"POST", "PUT"})

    def __init__(self, api_token: str | None, username: str | None, password: str | None) -> None:
        if api_token is None and username is None:
            raise UsageError("gestix: api_token, or username and password, is required", provider="gestix")
        self.api_token = require(api_token, "api_token", self.name) if username is None else None
        self.username = require(username, "username", self.name) if username is not None else None
        self.password = require(password, "password", self.name) if username is not None else None
        self.login_clients = []

    def credentials(self) -> tuple[str, ...]:
        return (self.api_token or "", self.username or "", self.password or "")

    def apply(self, request: httpx.Request, token: Token | None, nonce: int | None) -> httpx.Request:
        if token is not None:
            request.headers["Authorization"] = f"Bearer {token.value}"
        if nonce is not None:
            request.url = set_query_param(request.url, "nonce", nonce)
        return request

    def is_expired(self, response: httpx.Response) -> bool:
        return response.status_code == 403

    def nonce_rejected(self, response: httpx.Response) -> bool:
        # 400 INVALID_ARGUMENT naming the nonce; the nonce is checked before anything is applied.
        if response.status_code != 400 or b"INVALID_ARGUMENT" not in response.content:
            return False
        try:
            error = json.loads(response.content)
        except ValueError:
            return False
        if not isinstance(error, dict) or error.get("code") != "INVALID_ARGUMENT":
            return False
        message = error.get("message")
        return isinstance(message, str) and "nonce" in message.lower()

    def retry_answer(self, request: httpx.Request, response: httpx.Response) -> bool:
        # apiError DB_TIMEOUT: "retry after a short delay" (the transport asks only for idempotent reads)
        return response.status_code in {400, 409, 500} and b'"DB_TIMEOUT"' in response.content

    def _token(self, response: Response[Any], operation: str) -> Token:
        token = response.parsed.xa_token if isinstance(response.parsed, SessionToken) else None
        if isinstance(token, str) and token:
            now = time.time()
            return Token(value=token, created=now, last_used=now)
        raise _error(response, operation, login="API token" if self.api_token else "user name and password")

    # An unreadable answer is a ProviderError raised by the generated reader (answers.reading); anything
    # else raised here is not the provider's doing and keeps its own type.
    def login(self) -> Token:
        if self.api_token is not None:
            client = self.login_client(AuthenticatedClient, token=self.api_token)
            return self._token(helo.sync_detailed(client=client), "GET /helo")
        assert self.username is not None
        assert self.password is not None
        response = auth.sync_detailed(
            client=self.login_client(Client), username=self.username, password=self.password
        )
        return self._token(response, "POST /auth")

    async def alogin(self) -> Token:
        if self.api_token is not None:
            client = self.login_client(AuthenticatedClient, token=self.api_token)
            return self._token(await helo.asyncio_detailed(client=client), "GET /helo")
        assert self.username is not None
        assert self.password is not None
        response = await auth.asyncio_detailed(
            client=self.login_client(Client), username=self.username, password=self.password
        )
        return self._token(response, "POST /auth")


class _Options:
    def __init__(
        self,
        base_url: str | None = None,
        *,
        account: str | None = None,
        api_token: str | None = None,
        username: str | None = None,
        password: str | None = None,
        writes: WriteMode = "pipelined",
        **options: Unpack[SessionOptions],
    ) -> None:
        if writes not in WRITE_MODES:
            raise UsageError(f"gestix: writes must be one of {', '.join(WRITE_MODES)}")
        if base_url is None:
            if not account:
                raise UsageError("gestix: pass base_url, or account= to use the production server")
            base_url = SERVER.format(account=account)
        elif account is not None:
            raise UsageError(
                "gestix: pass base_url or account=, not both (account= picks the production URL)"
            )
        provider = _Gestix(api_token, username, password)
        self._setup(  # type: ignore[attr-defined]
            provider,
            AuthenticatedClient,
            base_url,
            logout_on_close=False,
            **options,
        )
        self.auth.write_mode = writes  # type: ignore[attr-defined]


def _status(response: Response[Any]) -> StatusResponse:
    if isinstance(response.parsed, StatusResponse):
        return response.parsed
    raise _error(response, "GET /status")


class Session(_Options, SyncSession[AuthenticatedClient]):
    """``with gestix.Session(account=..., api_token=...) as s: s.status()``"""

    def status(self) -> StatusResponse:
        return _status(get_status.sync_detailed(client=self.client))


class AsyncSession(_Options, AsyncSessionBase[AuthenticatedClient]):
    """The asyncio twin of ``Session``."""

    async def status(self) -> StatusResponse:
        return _status(await get_status.asyncio_detailed(client=self.client))
