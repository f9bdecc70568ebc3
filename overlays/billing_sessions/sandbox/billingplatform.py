"""BillingPlatform REST 2.0 under ``/{org}`` (only the demo org exists; others answer 404).

Rules (see specs/billingplatform.yaml): ``POST /rest/2.0/login`` with JSON ``{username, password}`` answers
``loginResponse`` (wrong credentials: 401 with ``ErrorCode`` "1"); data calls send the ``sessionid`` header or
an OAuth bearer token from ``POST /auth/1.0/authenticate?grant_type=client_credentials`` (HTTP Basic client
credentials). A missing, unknown, logged-out or expired session or token answers 401 ``{"error":
"unauthorized", "message": "Invalid session ID"}``. Sessions live ``bp_session_ttl`` seconds (``None``:
forever), tokens ``bp_oauth_ttl``. A malformed request (body against the schema, unparseable BP SQL, wrong
``grant_type``) answers 400 ``{"error": "bad_request", "message": ...}``; the auth check comes first.
``GET /rest/2.0/query`` understands ``SELECT fields FROM ENTITY [WHERE f = 'v' [AND ...]] [ORDER BY f
[ASC|DESC]] [OFFSET n ROWS [FETCH NEXT m ROWS ONLY]]`` over an in-memory table seeded with ACCOUNT records.
"""

from __future__ import annotations

import base64
import binascii
import re
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from billing_sessions.sandbox.common import BodyError, NotAllowed, json_response, login_delay, validate_json
from billing_sessions.sandbox.credentials import DEMO
from billing_sessions.sandbox.examples import example
from billing_sessions.sandbox.state import SandboxState
from billing_sessions_generated.sandbox_models.billingplatform import (
    BrmRequest,
    LoginRequest,
    LoginResponse,
    LogoutResponse,
    OauthToken,
    UpsertRequest,
)

__all__ = [
    "CONDITION",
    "PROVIDER",
    "SELECT",
    "UNAUTHORIZED",
    "WRITE_METHODS",
    "BillingPlatform",
    "Endpoint",
    "Records",
    "Reject",
    "bad_request",
    "not_allowed",
    "result",
]

PROVIDER = "billingplatform"
SESSION, TOKEN = "bp-session", "bp-oauth"
WRITE_METHODS = ["POST", "PUT", "PATCH"]  # one route, so a 405 lists all three
UNAUTHORIZED = {"error": "unauthorized", "message": "Invalid session ID"}
SELECT = re.compile(
    r"""\s*SELECT\s+(?P<fields>\*|\w+(?:\s*,\s*\w+)*)\s+FROM\s+(?P<entity>\w+)
    (?:\s+WHERE\s+(?P<where>\w+\s*=\s*'[^']*'(?:\s+AND\s+\w+\s*=\s*'[^']*')*))?
    (?:\s+ORDER\s+BY\s+(?P<order>\w+)(?:\s+(?P<direction>ASC|DESC))?)?
    (?:\s+OFFSET\s+(?P<offset>\d+)\s+ROWS?(?:\s+FETCH\s+(?:NEXT|FIRST)\s+(?P<fetch>\d+)\s+ROWS?\s+ONLY)?)?
    \s*;?\s*""",
    re.IGNORECASE | re.VERBOSE,
)
CONDITION = re.compile(r"(\w+)\s*=\s*'([^']*)'")

Endpoint = Callable[[Request], Awaitable[Response]]
Records = dict[str, dict[str, Any]]


class Reject(Exception):
    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


def bad_request(message: str) -> Reject:
    return Reject(json_response({"error": "bad_request", "message": message}, 400))


def result(record_id: str | None = None, error: str | None = None, field: str = " ") -> dict[str, Any]:
    if error is None:
        return {"ErrorCode": "0", "ErrorText": " ", "Id": record_id, "ErrorElementField": " "}
    return {"ErrorCode": "1", "ErrorText": error, "Id": record_id or " ", "ErrorElementField": field}


def not_allowed(method: str) -> NotAllowed:
    body = {"error": "method_not_allowed", "message": f"Use {method}"}
    return NotAllowed(json_response(body, 405, headers={"Allow": method}))


class BillingPlatform:
    def __init__(self, state: SandboxState) -> None:
        self.state = state
        self.seq = 0
        self.tables: dict[str, Records] = {}
        state.on_reset(self.reset)

    def reset(self) -> None:
        self.seq = 20000
        # ACCOUNT records: the spec's query and retrieve examples, plus an inactive one.
        accounts: Records = {}
        for record in [
            *example(PROVIDER, "/rest/2.0/query", "get")["queryResponse"],
            *example(PROVIDER, "/rest/2.0/{entity}/{id}", "get")["retrieveResponse"],
            {"Id": "12347", "Name": "Initech", "Status": "INACTIVE", "BillingCycle": "ANNUAL"},
        ]:
            accounts.setdefault(record["Id"], {}).update(record)
        self.tables = {"ACCOUNT": accounts}

    def routes(self, prefix: str) -> list[BaseRoute]:
        """Routes under ``prefix`` (with an ``{org}`` path parameter)."""
        g = self.guard
        fixed = [
            ("/rest/2.0/login", g(self.login), "POST"),
            ("/rest/2.0/logout", g(self.logout), "POST"),
            ("/auth/1.0/authenticate", g(self.authenticate), "POST"),
            ("/rest/2.0/query", g(self.authed(self.query)), "GET"),
            ("/rest/2.0/delete/{entity}", g(self.authed(self.delete)), "DELETE"),
        ]
        routes: list[BaseRoute] = []
        for path, endpoint, method in fixed:
            # A fixed path is never the templated /rest/2.0/{entity}: other methods answer 405 here.
            routes.append(Route(prefix + path, endpoint, methods=[method]))
            routes.append(Route(prefix + path, not_allowed(method)))
        return [
            *routes,
            Route(prefix + "/rest/2.0/{entity}/{id}", g(self.authed(self.retrieve)), methods=["GET"]),
            Route(prefix + "/rest/2.0/{entity}", g(self.authed(self.write)), methods=WRITE_METHODS),
        ]

    # -- plumbing ------------------------------------------------------------------------------------------

    def guard(self, endpoint: Endpoint) -> Endpoint:
        async def guarded(request: Request) -> Response:
            if request.path_params.get("org") != DEMO.bp_org:
                return json_response({"error": "not_found", "message": "Unknown organisation"}, 404)
            try:
                return await endpoint(request)
            except Reject as reject:
                return reject.response

        return guarded

    def authed(self, endpoint: Endpoint) -> Endpoint:
        """``sessionid`` header or ``Authorization: Bearer``; else 401."""

        async def checked(request: Request) -> Response:
            session_id = request.headers.get("sessionid")
            scheme, _, token = request.headers.get("authorization", "").partition(" ")
            if session_id:
                live = self.state.use_session(PROVIDER, session_id.strip(), (SESSION,))
            elif scheme.lower() == "bearer":
                live = self.state.use_session(PROVIDER, token.strip(), (TOKEN,))
            else:
                live = None
            if live is None:
                return json_response(UNAUTHORIZED, 401)
            return await endpoint(request)

        return checked

    @staticmethod
    async def body(request: Request, model: type[BaseModel]) -> Any:
        try:
            return validate_json(model, await request.body())
        except BodyError as error:
            raise bad_request(f"Invalid request body: {error}") from None

    def _table(self, request: Request) -> Records:
        entity = str(request.path_params["entity"]).upper()
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", entity):
            raise bad_request(f"Unknown entity: {request.path_params['entity']}")
        return self.tables.setdefault(entity, {})

    @staticmethod
    def _records(request: BrmRequest | UpsertRequest) -> list[dict[str, Any]]:
        objects = request.brmObjects.root
        items = objects if isinstance(objects, list) else [objects]
        return [item.model_dump(mode="json", exclude_none=True) for item in items]

    def _new_id(self) -> str:
        self.seq += 1
        return str(self.seq)

    # -- session -------------------------------------------------------------------------------------------

    async def login(self, request: Request) -> Response:
        credentials: LoginRequest = await self.body(request, LoginRequest)
        await login_delay(self.state)
        password = credentials.password.get_secret_value()
        if (credentials.username, password) != (DEMO.bp_username, DEMO.bp_password):
            self.state.count(PROVIDER, "login_failures")
            failed = {"loginResponse": [{"ErrorCode": "1", "ErrorText": ["Invalid username or password"]}]}
            return json_response(LoginResponse.model_validate(failed), 401)
        ttl = self.state.config.bp_session_ttl
        session = self.state.create_session(PROVIDER, SESSION, ttl=ttl, info={"user": credentials.username})
        self.state.count(PROVIDER, "logins")
        answer = {"loginResponse": [{"SessionID": session.token, "ErrorCode": "0", "ErrorText": []}]}
        return json_response(LoginResponse.model_validate(answer))

    async def logout(self, request: Request) -> Response:
        session_id = (request.headers.get("sessionid") or "").strip()
        if self.state.use_session(PROVIDER, session_id, (SESSION,)) is None:
            return json_response(UNAUTHORIZED, 401)
        self.state.end_session(PROVIDER, session_id)
        self.state.count(PROVIDER, "logouts")
        answer = {"logoutResponse": [{"ErrorCode": "0", "ErrorText": " ", "Success": "true"}]}
        return json_response(LogoutResponse.model_validate(answer))

    async def authenticate(self, request: Request) -> Response:
        scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
        client = ""
        if scheme.lower() == "basic":
            try:
                client = base64.b64decode(encoded.strip(), validate=True).decode()
            except (binascii.Error, UnicodeDecodeError):
                client = ""
        if client != f"{DEMO.bp_client_id}:{DEMO.bp_client_secret}":
            self.state.count(PROVIDER, "login_failures")
            await login_delay(self.state)
            return json_response({"error": "unauthorized", "message": "Invalid client credentials"}, 401)
        if request.query_params.get("grant_type") != "client_credentials":
            raise bad_request("grant_type must be client_credentials")
        await login_delay(self.state)
        ttl = self.state.config.bp_oauth_ttl
        info = {"client": DEMO.bp_client_id}
        session = self.state.create_session(PROVIDER, TOKEN, ttl=float(ttl), info=info)
        self.state.count(PROVIDER, "logins")
        token = {
            "access_token": session.token,
            "refresh_token": secrets.token_hex(16),
            "token_type": "Bearer",
            "expires_in": ttl,
        }
        return json_response(OauthToken.model_validate(token))

    # -- data ----------------------------------------------------------------------------------------------

    async def query(self, request: Request) -> Response:
        sql = request.query_params.get("sql")
        match = SELECT.fullmatch(sql or "")
        if match is None:
            raise bad_request("Invalid BP SQL: expected SELECT <fields> FROM <ENTITY> [WHERE f = 'v'] ...")
        conditions = CONDITION.findall(match["where"] or "")
        with self.state.lock:
            rows = [
                dict(r)
                for r in self.tables.get(match["entity"].upper(), {}).values()
                if all(str(r.get(f)) == v for f, v in conditions)
            ]
        if match["order"]:
            descending = (match["direction"] or "").upper() == "DESC"
            rows.sort(key=lambda r: str(r.get(match["order"], "")), reverse=descending)
        offset = int(match["offset"] or 0)
        rows = rows[offset : offset + int(match["fetch"]) if match["fetch"] else None]
        if match["fields"] != "*":
            names = [f.strip() for f in match["fields"].split(",")]
            rows = [{n: r[n] for n in names if n in r} for r in rows]
        return json_response({"queryResponse": rows})

    async def retrieve(self, request: Request) -> Response:
        """The record, or an empty ``retrieveResponse`` (unknown entity or id: nothing to retrieve)."""
        with self.state.lock:
            table = self.tables.get(str(request.path_params["entity"]).upper(), {})
            record = table.get(str(request.path_params["id"]))
            return json_response({"retrieveResponse": [dict(record)] if record else []})

    async def write(self, request: Request) -> Response:
        """POST creates, PUT updates, PATCH upserts (one route, so a 405 lists all three)."""
        handlers = {"POST": self.create, "PUT": self.update, "PATCH": self.upsert}
        return await handlers[request.method](request)

    async def create(self, request: Request) -> Response:
        records = self._records(await self.body(request, BrmRequest))
        table = self._table(request)
        results = []
        with self.state.lock:
            for record in records:
                if "Id" in record:
                    results.append(result(error="Id must not be set when creating a record", field="Id"))
                    continue
                record["Id"] = self._new_id()
                table[record["Id"]] = record
                results.append(result(record["Id"]))
            self._applied(results)
        return json_response({"createResponse": results})

    async def update(self, request: Request) -> Response:
        records = self._records(await self.body(request, BrmRequest))
        table = self._table(request)
        results = []
        with self.state.lock:
            for record in records:
                existing = table.get(str(record.get("Id")))
                if existing is None:
                    results.append(result(record.get("Id"), "Record not found", "Id"))
                    continue
                existing.update(record)
                results.append(result(existing["Id"]))
            self._applied(results)
        return json_response({"updateResponse": results})

    async def upsert(self, request: Request) -> Response:
        body: UpsertRequest = await self.body(request, UpsertRequest)
        key = body.externalIDFieldName
        table = self._table(request)
        results = []
        with self.state.lock:
            for record in self._records(body):
                if key not in record:
                    results.append(result(error=f"Missing external id field {key}", field=key))
                    continue
                existing = next((r for r in table.values() if r.get(key) == record[key]), None)
                if existing is None:
                    record.pop("Id", None)
                    record["Id"] = self._new_id()
                    table[record["Id"]] = existing = record
                else:
                    existing.update({k: v for k, v in record.items() if k != "Id"})
                results.append(result(existing["Id"]))
            self._applied(results)
        return json_response({"upsertResponse": results})

    async def delete(self, request: Request) -> Response:
        records = self._records(await self.body(request, BrmRequest))
        table = self._table(request)
        results = []
        with self.state.lock:
            for record in records:
                record_id = str(record.get("Id"))
                if table.pop(record_id, None) is None:
                    results.append(result(record.get("Id"), "Record not found", "Id"))
                else:
                    results.append(result(record_id))
            self._applied(results)
        return json_response({"deleteResponse": results})

    def _applied(self, results: list[dict[str, Any]]) -> None:
        if any(r["ErrorCode"] == "0" for r in results):
            self.state.count(PROVIDER, "writes_applied")
