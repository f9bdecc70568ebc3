"""BILL v2's rules (``billing_sessions.bill`` is the public face): the provider, its envelopes and errors
and the options both session classes share. The session classes are written once, in ``_async/bill.py``;
``_sync/bill.py`` is generated from it."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from typing import Any, Unpack
from urllib.parse import parse_qsl, urlencode

import httpx

from billing_sessions._session import _Base
from billing_sessions.core import (
    PLACEHOLDER_TOKEN,
    Provider,
    Token,
    account_key,
    require,
)
from billing_sessions.errors import (
    LoginError,
    ProviderError,
    ProviderUnavailable,
    RateLimited,
    UsageError,
    login_error,
    status_error,
)
from billing_sessions.hosts import endpoint_problem, hosts
from billing_sessions.session import SessionOptions
from billing_sessions.stores.base import PROCESS_SECRET
from billing_sessions_generated.bill import AuthenticatedClient, Client
from billing_sessions_generated.bill.api.session import login, logout
from billing_sessions_generated.bill.models import (
    CrudCreateBody,
    CrudReadBody,
    ErrorEnvelope,
    LoginBody,
    LoginSuccess,
)
from billing_sessions_generated.bill.types import Response

log = logging.getLogger("billing_sessions")

DEFAULT_BASE_URL = "https://api.bill.com/api/v2"
SANDBOX_BASE_URL = "https://api-stage.bill.com/api/v2"
IDLE_TIMEOUT = 35 * 60.0
MAX_IN_FLIGHT = 3  # provider limit: 3 concurrent requests per devKey per org
RETRY_AFTER = {"BDC_1144": 3600.0, "BDC_1322": 2.0}  # hourly window; concurrency clears fast
SESSION_ERRORS = frozenset({"BDC_1109", "BDC_1361", "BDC_1120"})
SYSTEM_ERRORS = frozenset({"BDC_1001", "BDC_1002"})  # the provider failed: the credentials were not judged
RATE_ERRORS = frozenset({"BDC_1144", "BDC_1322"})
PII = frozenset({"userName", "password", "devKey", "sessionId"})
FORM = "application/x-www-form-urlencoded"
_UNUSED = PLACEHOLDER_TOKEN  # the logout client's auth header is dropped: the session goes in the form


def bill_account_key(dev_key: str, org_id: str) -> str:
    """The key of BILL's in-flight cap (devKey + organization): one for v2 and v3 sessions of an account.
    Keys are per environment, so the URL is not part of it."""
    return account_key("bill-account", "", (dev_key, org_id), PROCESS_SECRET)


def _with_form_fields(request: httpx.Request, fields: dict[str, str]) -> httpx.Request:
    if PII & set(request.url.params.keys()):
        raise UsageError(
            "bill: userName, password, devKey and sessionId must never be sent in a query string",
            provider="bill",
            operation=f"{request.method} {request.url.path}",
        )
    pairs = [
        (k, v) for k, v in parse_qsl(request.content.decode(), keep_blank_values=True) if k not in fields
    ]
    headers = httpx.Headers(request.headers)
    headers.pop("Content-Length", None)
    headers.pop("Authorization", None)
    headers["Content-Type"] = FORM
    body = urlencode([*pairs, *fields.items()]).encode()
    return httpx.Request(
        request.method, request.url, headers=headers, content=body, extensions=request.extensions
    )


def _moved(url: httpx.URL, base_url: str, endpoint: str) -> httpx.URL:
    """``url`` (under ``base_url``) under the login's ``apiEndPoint`` instead."""
    base, target = httpx.URL(base_url), httpx.URL(endpoint)
    rest = url.path[len(base.path.rstrip("/")) :] if url.path.startswith(base.path.rstrip("/")) else url.path
    return url.copy_with(
        scheme=target.scheme, host=target.host, port=target.port, path=target.path.rstrip("/") + rest
    )


def _envelope_error(response: httpx.Response) -> tuple[str, str] | None:
    """(code, message) of an error envelope, or None for anything else."""
    if "json" not in response.headers.get("content-type", ""):
        return None
    try:
        body = response.json()
        if body.get("response_status") != 1:
            return None
        data = body.get("response_data") or {}
        return str(data.get("error_code", "")), str(data.get("error_message", ""))
    except (ValueError, AttributeError, RecursionError):
        return None


def _raise_for(code: str, message: str, *, status: int, operation: str, login: bool = False) -> None:
    text = f"bill: {code} {message}".strip()
    if code in RATE_ERRORS:
        error = RateLimited(text, provider="bill", status=status, operation=operation, code=code)
        error.retry_after = RETRY_AFTER.get(code)
        raise error
    if code in SYSTEM_ERRORS:
        raise ProviderUnavailable(text, provider="bill", status=status, operation=operation, code=code)
    if status >= 300:
        raise status_error(text, provider="bill", status=status, operation=operation, code=code)
    if login:
        raise LoginError(text, provider="bill", status=status, operation=operation)
    raise ProviderError(text, provider="bill", status=status, operation=operation, code=code)


def unwrap(response: Response[Any], operation: str, *, write: bool = False) -> Any:
    """The success envelope of a BILL answer; an error envelope or a malformed answer raises (to a write:
    ``maybe_applied``, the record may exist)."""
    parsed = response.parsed
    if isinstance(parsed, ErrorEnvelope):
        data = parsed.response_data
        _raise_for(data.error_code, data.error_message, status=int(response.status_code), operation=operation)
    if parsed is None:
        error = status_error(
            f"bill: unexpected answer (HTTP {int(response.status_code)})",
            provider="bill",
            status=int(response.status_code),
            operation=operation,
        )
        error.maybe_applied = write
        raise error
    return parsed


class _Bill(Provider):
    name = "bill"

    def __init__(
        self,
        user_name: str | None,
        password: str | None,
        org_id: str | None,
        dev_key: str | None,
        idle_timeout: float,
        max_in_flight: int | None,
        api_hosts: Iterable[str] = (),
    ) -> None:
        try:
            self.api_hosts = hosts(api_hosts)
        except ValueError as exc:
            raise UsageError(f"bill: api_hosts: {exc}", provider=self.name) from None
        self.user_name = require(user_name, "user_name", self.name)
        self.password = require(password, "password", self.name)
        self.org_id = require(org_id, "org_id", self.name)
        self.dev_key = require(dev_key, "dev_key", self.name)
        self.idle_timeout = idle_timeout
        self.max_in_flight = max_in_flight
        super().__init__()

    def concurrency_scope(self) -> tuple[str, ...]:
        return (self.dev_key, self.org_id)  # BILL: 3 concurrent requests per devKey per org

    def concurrency_key(self, base_url: str) -> str:
        return bill_account_key(self.dev_key, self.org_id)  # shared with v3 sessions of the account

    def idempotent(self, request: httpx.Request) -> bool:
        path = request.url.path
        return path.endswith("/GetSessionInfo.json") or "/Crud/Read/" in path

    def retry_answer(self, request: httpx.Request, response: httpx.Response) -> bool:
        error = _envelope_error(response)
        return error is not None and error[0] == "BDC_1322"

    def credentials(self) -> tuple[str, ...]:
        return (self.user_name, self.password, self.org_id, self.dev_key)

    def apply(self, request: httpx.Request, token: Token | None, nonce: int | None) -> httpx.Request:
        fields = {"devKey": self.dev_key}
        if token is not None:
            fields["sessionId"] = token.value
            if token.endpoint is not None:
                request.url = _moved(request.url, self.base_url, token.endpoint)
        return _with_form_fields(request, fields)

    def prepare_login(self, request: httpx.Request, token: Token | None) -> httpx.Request:
        return self.apply(request, token, None)

    def token_problem(self, token: Token) -> str | None:
        # The devKey and sessionId go wherever apiEndPoint says: only to https on a host the caller named.
        problem = super().token_problem(token)
        if problem is None and token.endpoint is not None:
            problem = endpoint_problem(token.endpoint, self.base_url, self.api_hosts)
            if problem is not None:
                problem = f"apiEndPoint: {problem} (pass api_hosts=[...] to allow another host)"
        return problem

    def is_expired(self, response: httpx.Response) -> bool:
        error = _envelope_error(response)
        return error is not None and error[0] in SESSION_ERRORS

    def _login_body(self) -> LoginBody:
        return LoginBody(user_name=self.user_name, password=self.password, org_id=self.org_id)

    def _token(self, response: Response[Any]) -> Token:
        if isinstance(response.parsed, ErrorEnvelope):
            data = response.parsed.response_data
            _raise_for(
                data.error_code,
                data.error_message,
                status=int(response.status_code),
                operation="POST /Login.json",
                login=True,
            )
        status = int(response.status_code)
        if status in {404, 405}:
            raise login_error(
                f"bill: HTTP {status}", provider="bill", status=status, operation="POST /Login.json"
            )
        if not isinstance(response.parsed, LoginSuccess) or not _text(
            response.parsed.response_data.session_id
        ):
            raise status_error(
                "bill: the login answer carried no session",
                provider="bill",
                status=int(response.status_code),
                operation="POST /Login.json",
            )
        now = time.time()
        answer = response.parsed.response_data
        endpoint = answer.api_end_point if isinstance(answer.api_end_point, str) else None
        moved = endpoint.rstrip("/") if endpoint and endpoint.rstrip("/") != self.base_url else None
        if moved is not None:
            log.info("bill: the login named another API endpoint: the session's calls go there")
        return Token(value=answer.session_id, created=now, last_used=now, endpoint=moved)

    def login(self) -> Token:
        return self._token(login.sync_detailed(client=self.login_client(Client), body=self._login_body()))

    async def alogin(self) -> Token:
        client = self.login_client(Client)
        return self._token(await login.asyncio_detailed(client=client, body=self._login_body()))

    def logout(self, token: Token) -> None:
        with self.login_client(AuthenticatedClient, token, token=_UNUSED) as client:
            logout.sync_detailed(client=client)

    async def alogout(self, token: Token) -> None:
        async with self.login_client(AuthenticatedClient, token, token=_UNUSED) as client:
            await logout.asyncio_detailed(client=client)


class _Options(_Base[AuthenticatedClient]):
    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        user_name: str | None = None,
        password: str | None = None,
        org_id: str | None = None,
        dev_key: str | None = None,
        idle_timeout: float = IDLE_TIMEOUT,
        max_in_flight: int | None = MAX_IN_FLIGHT,
        api_hosts: Iterable[str] = (),
        logout_on_close: bool | None = None,
        **options: Unpack[SessionOptions],
    ) -> None:
        provider = _Bill(user_name, password, org_id, dev_key, idle_timeout, max_in_flight, api_hosts)
        super().__init__(
            provider,
            AuthenticatedClient,
            base_url,
            logout_on_close=logout_on_close,
            **options,
        )


def _read_body(record_id: str) -> CrudReadBody:
    return CrudReadBody(data=json.dumps({"id": record_id}))


def _create_body(entity: str, fields: dict[str, Any]) -> CrudCreateBody:
    """The request, built before anything is sent: a value JSON cannot carry is the caller's to fix."""
    if not isinstance(fields, dict):
        raise TypeError(
            f"bill: create({entity!r}, fields): fields must be a dict, not {type(fields).__name__}"
        )
    try:
        data = json.dumps({"obj": {"entity": entity, **fields}}, allow_nan=False)
    except (TypeError, ValueError) as exc:
        bad = next((k for k, v in fields.items() if not _json_value(v)), None)
        where = f"fields[{bad!r}] is a {type(fields[bad]).__name__}" if bad is not None else str(exc)
        raise TypeError(
            f"bill: create({entity!r}, ...): {where}, which JSON cannot carry: pass str, int, finite "
            "float, bool, None, or lists and dicts of those (e.g. str(Decimal) for an amount); nothing sent"
        ) from exc
    return CrudCreateBody(data=data)


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


def _json_value(value: Any) -> bool:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        return False
    return True


SESSION_INFO = "POST /GetSessionInfo.json"


def _read_op(entity: str) -> str:
    return f"POST /Crud/Read/{entity}.json"


def _create_op(entity: str) -> str:
    return f"POST /Crud/Create/{entity}.json"
