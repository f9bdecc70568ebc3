"""Gestix's rules (``billing_sessions.gestix`` is the public face): the provider, its errors, the numbered
documents settled exactly once and the options both session classes share. The session classes are written
once, in ``_async/gestix.py``; ``_sync/gestix.py`` is generated from it."""

from __future__ import annotations

import json
import time
from types import ModuleType
from typing import Any, Unpack

import attrs
import httpx

from billing_sessions import exactly_once
from billing_sessions._session import _Base
from billing_sessions.core import (
    Provider,
    Token,
    require,
    set_query_param,
)
from billing_sessions.errors import BillingSessionError, UsageError, login_error, status_error
from billing_sessions.ordering import WRITE_MODES, WriteMode
from billing_sessions.session import AsyncSessionBase, SessionOptions
from billing_sessions_generated.gestix import AuthenticatedClient, Client
from billing_sessions_generated.gestix.api.documents import (
    create_order,
    create_purchase,
    create_purchase_order,
    create_receipt,
    create_transfer_order,
)
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.api.session import auth, helo
from billing_sessions_generated.gestix.models import (
    ApiError,
    DocumentCreated,
    SessionToken,
    StatusResponse,
)
from billing_sessions_generated.gestix.types import Response

SERVER = "https://gestix.pt/api/{account}/v4.0.0"
#: Sessions concurrent writes of one account spread over by default (a process-local store): each is a login.
WRITE_SESSIONS = 16


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
        super().__init__()

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

    def refused(self, response: httpx.Response) -> bool:
        # Any 400 proves the write was not applied; a stale nonce reads like every other invalid input.
        return response.status_code == 400

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


class _Options(_Base[AuthenticatedClient]):
    def __init__(
        self,
        base_url: str | None = None,
        *,
        account: str | None = None,
        api_token: str | None = None,
        username: str | None = None,
        password: str | None = None,
        writes: WriteMode = "pipelined",
        write_sessions: int | None = None,
        **options: Unpack[SessionOptions],
    ) -> None:
        if writes not in WRITE_MODES:
            raise UsageError(f"gestix: writes must be one of {', '.join(WRITE_MODES)}")
        if write_sessions is not None and (
            not isinstance(write_sessions, int) or isinstance(write_sessions, bool) or write_sessions < 1
        ):
            raise UsageError("gestix: write_sessions must be a whole number of sessions, 1 or more")
        if base_url is None:
            if not account:
                raise UsageError("gestix: pass base_url, or account= to use the production server")
            if not isinstance(account, str) or not account.isascii() or not account.isalnum():
                # it becomes part of the URL the credentials go to: one path segment, nothing else
                raise UsageError(
                    f"gestix: account= must be letters and digits (like '03101176'), not {account!r}"
                )
            base_url = SERVER.format(account=account)
        elif account is not None:
            raise UsageError(
                "gestix: pass base_url or account=, not both (account= picks the production URL)"
            )
        provider = _Gestix(api_token, username, password)

        def spread(shared: bool) -> int:
            # Concurrent writes spread over several sessions (each its own nonce sequence) only where this
            # process alone uses the account's session: with a shared store every process shares one.
            if write_sessions is not None:
                return write_sessions
            return 1 if writes == "strict" or shared else WRITE_SESSIONS

        super().__init__(
            provider,
            AuthenticatedClient,
            base_url,
            logout_on_close=False,
            write_mode=writes,
            write_sessions=spread,
            **options,
        )
        # Numbered documents made with any generated operation are settled when their answer is lost.
        resolver = exactly_once.Resolver(self, "gestix", self.auth.key)
        if isinstance(self, AsyncSessionBase):
            exactly_once.asettle_sends(self.client.get_async_httpx_client(), resolver, _NumberedDocuments())
        else:
            exactly_once.settle_sends(self.client.get_httpx_client(), resolver, _NumberedDocuments())


#: The operations that create a document (``create_document`` takes these).
DOCUMENT_OPERATIONS = frozenset(
    {
        create_invoice,
        create_order,
        create_receipt,
        create_purchase,
        create_purchase_order,
        create_transfer_order,
    }
)
#: Their paths: a POST there with its own series and number is settled when its answer is lost.
DOCUMENT_PATHS = frozenset(
    {"invoices", "orders", "receipts", "purchases", "purchase_orders", "transfer_orders"}
)


class _NumberedDocuments:
    """The ``exactly_once.SendRule`` of Gestix: a document POSTed with its own ``documentSeries`` and
    ``documentNumber`` (unique: a second create answers 409 ``DUPLICATE_ENTRY``) whose answer was lost is
    sent again with a fresh nonce; 201: the first was not applied; 409: it was, and it is read back by
    ``GET <path>?documentSeries=&documentNumber=``, answered as the 201 the first write would have had."""

    what = "series and number"

    def target(self, request: httpx.Request) -> tuple[str, str] | None:
        if request.method != "POST":  # every request passes here: reads leave at once
            return None
        kind = request.url.path.rstrip("/").rsplit("/", 1)[-1]
        if kind not in DOCUMENT_PATHS or request.url.params.get("print") == "1":
            return None
        try:
            body = json.loads(request.content)
        except (ValueError, httpx.RequestNotRead):
            return None
        series = body.get("documentSeries") if isinstance(body, dict) else None
        number = body.get("documentNumber") if isinstance(body, dict) else None
        if not isinstance(series, str) or not series or type(number) is not int:
            return None
        return kind, f"{kind}:{series}/{number}"

    def lost(self, response: httpx.Response) -> BillingSessionError | None:
        status = response.status_code
        if status < 500 and (status != 201 or _document(response) is not None):
            return None
        request = response.request
        what = f"HTTP {status}" if status >= 500 else "an unreadable 201"
        error = status_error(
            f"gestix: {what} to {request.method} {request.url.path}",
            provider="gestix",
            status=status,
            operation=f"{request.method} {request.url.path}",
        )
        error.maybe_applied = True
        return error

    def duplicate(self, response: httpx.Response) -> bool:
        if response.status_code != 409:
            return False
        try:
            return bool(json.loads(response.content).get("code") == "DUPLICATE_ENTRY")
        except (ValueError, AttributeError):
            return False

    def created(self, response: httpx.Response) -> bool:
        return response.status_code == 201 and _document(response) is not None

    def read_back(self, client: httpx.Client | httpx.AsyncClient, request: httpx.Request) -> httpx.Request:
        body = json.loads(request.content)
        params = {"documentSeries": body["documentSeries"], "documentNumber": body["documentNumber"]}
        return client.build_request("GET", request.url.copy_with(query=None), params=params)

    def found(self, read: httpx.Response, request: httpx.Request) -> httpx.Response:
        if read.status_code != 200 or _document(read) is None:
            error = status_error(
                f"gestix: the existing document could not be read back (HTTP {read.status_code})",
                provider="gestix",
                status=read.status_code,
                operation=f"GET {request.url.path}",
            )
            error.maybe_applied = True  # it exists (409): only reading it failed
            raise error
        return httpx.Response(
            201, headers=read.headers, content=read.content, request=request, extensions=read.extensions
        )


def _document(response: httpx.Response) -> dict[str, Any] | None:
    try:
        body = json.loads(response.content)
    except ValueError:
        return None
    return body if isinstance(body, dict) and "id" in body else None


@attrs.frozen
class CreatedDocument:
    """``create_document``'s result: the document, and ``resolved`` when its first answer was lost and the
    session settled it (sent again under its own series and number; read back if it existed)."""

    document: DocumentCreated
    resolved: bool = False


def _created(response: Response[Any], operation: str) -> CreatedDocument:
    if int(response.status_code) == 201 and isinstance(response.parsed, DocumentCreated):
        resolved = response.headers.get(exactly_once.RESOLVED_HEADER) == "true"
        return CreatedDocument(response.parsed, resolved)
    raise _error(response, operation)


def _check(operation: ModuleType) -> str:
    if operation not in DOCUMENT_OPERATIONS:
        names = ", ".join(sorted(_name(m) for m in DOCUMENT_OPERATIONS))
        raise TypeError(f"gestix: create_document takes one of {names}, not {operation!r}")
    return f"POST {_name(operation)}"


def _name(module: ModuleType) -> str:
    return module.__name__.rsplit(".", 1)[-1]


def _status(response: Response[Any]) -> StatusResponse:
    if isinstance(response.parsed, StatusResponse):
        return response.parsed
    raise _error(response, "GET /status")
