"""Gestix ERP API v4.0.0 under ``/api/{account}/v4.0.0`` (the demo account, and ``DEMO.account(n)`` for
n < ``accounts``; others answer 404; an xa-token opens only its own account).

Rules (see specs/gestix.yaml): ``GET /helo`` exchanges the API token (``Authorization: Bearer``) for an
``xa-token`` (missing or malformed header: 400 ``AUTH_FAILED``; wrong token: 403); ``POST /auth`` takes
``username``/``password`` from the query (missing: 400 ``INVALID_ARGUMENT``; wrong: 400 ``AUTH_FAILED``).
xa-tokens live ``gestix_token_ttl`` seconds on the offset clock, then answer 403. Every POST/PUT write checks
the token first (403), then ``nonce``: missing, not a positive int64 or not greater than the last nonce
accepted in the same session (``gestix_nonce_scope="account"``: of any session of the account) answers 400
``{"code": "INVALID_ARGUMENT", "message": "Invalid input"}``, the one 400 the docs show, naming no cause
(``nonce_rejections``); an accepted nonce is used up even if the body is then rejected.
``gestix_login_ends_others`` makes every login end the tokens issued before it. Writes answer 201
(``writes_applied``); ``print=1`` on a document answers its PDF.
A document created with its own ``documentSeries`` + ``documentNumber`` keeps them; a number already used for
that document type answers 409 ``DUPLICATE_ENTRY`` (checked when the write is applied). ``GET`` on a document
path with both reads the document back (404 ``NOT_FOUND`` when there is none).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from billing_sessions.sandbox.common import (
    BodyError,
    iso_now,
    json_response,
    login_delay,
    pdf_response,
    validate_json,
)
from billing_sessions.sandbox.credentials import DEMO, DemoCredentials, account_index
from billing_sessions.sandbox.examples import example
from billing_sessions.sandbox.state import SandboxState
from billing_sessions_generated.sandbox_models.gestix import (
    ApiError,
    ArticleInput,
    CustomerInput,
    DocumentInput,
    SmsInput,
    SupplierInput,
)

__all__ = [
    "DOCUMENTS",
    "ENTITIES",
    "MAX_INT64",
    "NONCE",
    "PROVIDER",
    "SESSION_KIND",
    "Endpoint",
    "Entities",
    "Gestix",
    "Reject",
]

PROVIDER = "gestix"
SESSION_KIND = "xa-token"
MAX_INT64 = 2**63 - 1
NONCE = re.compile(r"[0-9]{1,19}")
# endpoint -> document type prefix
DOCUMENTS = {
    "invoices": "FT",
    "orders": "EC",
    "receipts": "RC",
    "purchases": "CP",
    "purchase_orders": "EF",
    "transfer_orders": "GT",
}
ENTITIES: dict[str, tuple[type[BaseModel], str]] = {
    "customers": (CustomerInput, "C"),
    "suppliers": (SupplierInput, "F"),
    "articles": (ArticleInput, "ART-"),
}

Endpoint = Callable[[Request], Awaitable[Response]]


class Reject(Exception):
    """An error answer, raised from deep inside a handler."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.status_code)
        self.response = response


@dataclass
class Entities:
    records: dict[int, dict[str, Any]] = field(default_factory=dict)

    def by_code(self, code: str) -> dict[str, Any] | None:
        return next((r for r in self.records.values() if r.get("entity_code") == code), None)


class Gestix:
    def __init__(self, state: SandboxState) -> None:
        self.state = state
        self.next_id = 0
        self.numbers: dict[str, int] = {}
        self.entities: dict[str, Entities] = {}
        self.documents: dict[int, dict[str, Any]] = {}
        self.by_number: dict[tuple[str, str, int], int] = {}
        self.sms: list[dict[str, Any]] = []
        state.on_reset(self.reset)

    def reset(self) -> None:
        self.next_id = 20000
        self.numbers = dict.fromkeys(DOCUMENTS, 0)
        self.documents = {}
        self.by_number = {}
        self.sms = []
        self.entities = {name: Entities() for name in ENTITIES}
        self.entities["customers"].records[4211] = {
            "id": 4211,
            "entity_code": "C0042",
            "name": "Demo Cliente, Lda.",
        }
        self.entities["suppliers"].records[3107] = {
            "id": 3107,
            "entity_code": "F0007",
            "name": "Fornecedor Exemplo, S.A.",
        }
        self.entities["articles"].records[5001] = {
            "id": 5001,
            "entity_code": "ART-001",
            "description": "Consultoria (hora)",
        }

    def routes(self, prefix: str) -> list[BaseRoute]:
        """Routes under ``prefix`` (with an ``{account}`` path parameter)."""
        routes: list[BaseRoute] = [
            Route(prefix + "/helo", self.guard(self.helo), methods=["GET"]),
            Route(prefix + "/auth", self.guard(self.auth), methods=["POST"]),
            Route(prefix + "/status", self.guard(self.status), methods=["GET"]),
            Route(prefix + "/sms", self.guard(self.write(self.send_sms)), methods=["POST"]),
        ]
        for name in DOCUMENTS:
            route = self.guard(self.documents_endpoint)
            routes.append(Route(f"{prefix}/{name}", route, methods=["GET", "POST"]))
        for name in ENTITIES:
            # One route per path, so a 405 lists every method the path has (Allow: POST, PUT).
            endpoint = self.guard(self.write(self.entity))
            routes.append(Route(f"{prefix}/{name}", endpoint, methods=["POST", "PUT"]))
        return routes

    # -- plumbing ------------------------------------------------------------------------------------------

    def error(self, request: Request, status: int, code: str, message: str) -> Response:
        body = ApiError.model_validate(
            {
                "code": code,
                "message": message,
                "timestamp": iso_now(self.state),
                "path": request.url.path,
                "request_id": "req-" + secrets.token_hex(4),
            }
        )
        return json_response(body, status)

    @staticmethod
    def denied(message: str = "Access denied") -> Response:
        return json_response({"message": message}, 403)

    def guard(self, endpoint: Endpoint) -> Endpoint:
        """Only the demo account exists; ``Reject`` raised anywhere becomes its answer."""

        async def guarded(request: Request) -> Response:
            if self.account(request) is None:
                return json_response({"message": "Unknown account"}, 404)
            try:
                return await endpoint(request)
            except Reject as reject:
                return reject.response

        return guarded

    def account(self, request: Request) -> int | None:
        """Which of the sandbox's accounts the path names (``DEMO.account(n)``), if any."""
        accounts = self.state.config.accounts
        return account_index(request.path_params.get("account"), DEMO.gestix_account, accounts, number=True)

    def credentials(self, request: Request) -> DemoCredentials:
        return DEMO.account(self.account(request) or 0)

    @staticmethod
    def bearer(request: Request) -> str | None:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        token = token.strip()
        return token if scheme.lower() == "bearer" and token else None

    def session(self, request: Request) -> dict[str, str]:
        """The live session of the request's xa-token, else a 403 is raised."""
        session = self.state.use_session(PROVIDER, self.bearer(request), (SESSION_KIND,))
        account = self.account(request) or 0
        holder = None if session is None else int(session.info.get("account", "0"))
        self.state.saw_credential(PROVIDER, account, holder)
        if session is None or holder != account:  # another account's token opens nothing here
            raise Reject(self.denied())
        return session.info

    def nonce(self, request: Request, *, required: bool) -> None:
        raw = request.query_params.get("nonce")
        if raw is None and not required:
            return
        account = self.credentials(request).gestix_account
        sequence = self.bearer(request) if self.state.config.gestix_nonce_scope == "session" else account
        if (
            raw is None
            or not NONCE.fullmatch(raw)
            or not 1 <= int(raw) <= MAX_INT64
            or not self.state.accept_nonce(sequence or account, int(raw), account)
        ):
            # The docs show one 400 for a nonce problem, and it does not say which: neither does the sandbox.
            self.state.count(PROVIDER, "nonce_rejections")
            raise Reject(self.error(request, 400, "INVALID_ARGUMENT", "Invalid input"))

    async def body(self, request: Request, model: type[BaseModel]) -> Any:
        try:
            return validate_json(model, await request.body())
        except BodyError as error:
            raise Reject(self.error(request, 400, "INVALID_ARGUMENT", f"Invalid input: {error}")) from None

    def write(self, handler: Callable[[Request, dict[str, str]], Awaitable[Response]]) -> Endpoint:
        """Token first (403), then the nonce (400), then the handler."""

        async def endpoint(request: Request) -> Response:
            info = self.session(request)
            self.nonce(request, required=True)
            return await handler(request, info)

        return endpoint

    def _new_id(self) -> int:
        with self.state.lock:
            self.next_id += 1
            return self.next_id

    # -- session -------------------------------------------------------------------------------------------

    async def _login(self, request: Request, user: str) -> Response:
        await login_delay(self.state)
        if self.state.config.gestix_login_ends_others:
            self.state.expire_all(PROVIDER)
        ttl = self.state.config.gestix_token_ttl
        info = {"user": user, "account": str(self.account(request) or 0)}
        session = self.state.create_session(PROVIDER, SESSION_KIND, ttl=ttl, info=info)
        self.state.count(PROVIDER, "logins")
        return json_response({"xa-token": session.token})

    async def helo(self, request: Request) -> Response:
        token = self.bearer(request)
        if token is None:
            self.state.count(PROVIDER, "login_failures")
            await login_delay(self.state)
            return self.error(request, 400, "AUTH_FAILED", "Missing or invalid apiToken")
        if token != self.credentials(request).gestix_api_token:
            self.state.count(PROVIDER, "login_failures")
            await login_delay(self.state)
            return self.denied("Access denied / invalid token")
        self.nonce(request, required=False)
        return await self._login(request, "webshop")

    async def auth(self, request: Request) -> Response:
        username, password = request.query_params.get("username"), request.query_params.get("password")
        if not username or not password:
            self.state.count(PROVIDER, "login_failures")
            return self.error(request, 400, "INVALID_ARGUMENT", "Invalid input")
        demo = self.credentials(request)
        if (username, password) != (demo.gestix_username, demo.gestix_password):
            self.state.count(PROVIDER, "login_failures")
            await login_delay(self.state)
            return self.error(request, 400, "AUTH_FAILED", "Invalid username or password")
        return await self._login(request, username)

    async def status(self, request: Request) -> Response:
        info = self.session(request)
        return json_response(
            {
                "status": f"ready - login: {info.get('user', 'demo')}, company: Demo",
                "server_time": iso_now(self.state),
                "versions": example(PROVIDER, "/status", "get")["versions"],
                "errors": [],
            }
        )

    # -- writes --------------------------------------------------------------------------------------------

    async def documents_endpoint(self, request: Request) -> Response:
        """POST creates a document (a write); GET reads one back by its series and number."""
        if request.method == "GET":
            return await self.read_document(request)
        return await self.write(self.document)(request)

    async def read_document(self, request: Request) -> Response:
        self.session(request)
        kind = request.url.path.rstrip("/").rsplit("/", 1)[-1]
        series, number = (
            request.query_params.get("documentSeries"),
            request.query_params.get("documentNumber"),
        )
        if not series or not number or not NONCE.fullmatch(number):
            message = "Invalid input: documentSeries and documentNumber are required"
            return self.error(request, 400, "INVALID_ARGUMENT", message)
        with self.state.lock:
            found = self.by_number.get((kind, series, int(number)))
            document = None if found is None else self.documents[found]
        if document is None:
            return self.error(request, 404, "NOT_FOUND", "Not found")
        fields = ("id", "documentSeries", "documentNumber", "url")
        return json_response({k: document[k] for k in fields})

    def _number(self, request: Request, kind: str, document: DocumentInput, year: int) -> tuple[str, int]:
        """The document's series and number: its own (unique per type, else 409) or the next free one."""
        series, number = document.documentSeries, document.documentNumber
        if (series is None) != (number is None):
            message = "Invalid input: send documentSeries and documentNumber together"
            raise Reject(self.error(request, 400, "INVALID_ARGUMENT", message))
        if series is not None and number is not None:
            if (kind, series, number) in self.by_number:
                raise Reject(self.error(request, 409, "DUPLICATE_ENTRY", "Duplicate entry: document number"))
            return series, number
        series = f"{year}A"
        while (kind, series, self.numbers[kind] + 1) in self.by_number:
            self.numbers[kind] += 1
        self.numbers[kind] += 1
        return series, self.numbers[kind]

    async def document(self, request: Request, info: dict[str, str]) -> Response:
        kind = request.url.path.rstrip("/").rsplit("/", 1)[-1]
        printed = request.query_params.get("print", "0")
        if printed not in {"0", "1"}:
            return self.error(request, 400, "INVALID_ARGUMENT", "Invalid input: print must be 0 or 1")
        document: DocumentInput = await self.body(request, DocumentInput)
        year = datetime.fromtimestamp(self.state.wall(), UTC).year
        with self.state.lock:
            series, number = self._number(request, kind, document, year)
            name = f"{DOCUMENTS[kind]}-{series}-{number}"
            doc_id = self._new_id()
            created: dict[str, Any] = {
                "id": doc_id,
                "documentSeries": series,
                "documentNumber": number,
                "url": f"https://gestix.pt/docs/{DEMO.gestix_account}/{quote(name)}.pdf",
            }
            self.documents[doc_id] = {"type": kind, **created, "lines": len(document.lines)}
            self.by_number[(kind, series, number)] = doc_id
            self.state.count(PROVIDER, "writes_applied")
            if document.reference is not None:
                self.state.record_reference(PROVIDER, document.reference)
        if printed == "1":
            return pdf_response(name, status=201)
        return json_response(created, 201)

    async def entity(self, request: Request, info: dict[str, str]) -> Response:
        if request.method == "PUT":
            return await self.update_entity(request, info)
        return await self.create_entity(request, info)

    async def create_entity(self, request: Request, info: dict[str, str]) -> Response:
        kind = request.url.path.rstrip("/").rsplit("/", 1)[-1]
        model, prefix = ENTITIES[kind]
        data = (await self.body(request, model)).model_dump(mode="json", exclude_none=True)
        data.pop("id", None)
        table = self.entities[kind]
        with self.state.lock:
            self._check_duplicates(request, table, data, None)
            new_id = self._new_id()
            data.setdefault("entity_code", f"{prefix}{new_id:04d}")
            data["id"] = new_id
            table.records[new_id] = data
            self.state.count(PROVIDER, "writes_applied")
        return json_response({"id": new_id, "entity_code": data["entity_code"]}, 201)

    async def update_entity(self, request: Request, info: dict[str, str]) -> Response:
        kind = request.url.path.rstrip("/").rsplit("/", 1)[-1]
        model, _ = ENTITIES[kind]
        data = (await self.body(request, model)).model_dump(mode="json", exclude_none=True)
        table = self.entities[kind]
        with self.state.lock:
            record = table.records.get(int(data["id"])) if "id" in data else None
            if record is None and "entity_code" in data:
                record = table.by_code(data["entity_code"])
            if record is None:
                message = f"Invalid input: no {kind[:-1]} with that id or entity_code"
                return self.error(request, 400, "INVALID_ARGUMENT", message)
            self._check_duplicates(request, table, data, record["id"])
            record.update({k: v for k, v in data.items() if k != "id"})
            self.state.count(PROVIDER, "writes_applied")
            return json_response({"id": record["id"], "entity_code": record["entity_code"]}, 201)

    def _check_duplicates(
        self, request: Request, table: Entities, data: dict[str, Any], own: int | None
    ) -> None:
        for key in ("entity_code", "tax_id"):
            value = data.get(key)
            if value is None:
                continue
            for record in table.records.values():
                if record["id"] != own and record.get(key) == value:
                    raise Reject(self.error(request, 409, "DUPLICATE_ENTRY", f"Duplicate entry: {key}"))

    async def send_sms(self, request: Request, info: dict[str, str]) -> Response:
        message: SmsInput = await self.body(request, SmsInput)
        with self.state.lock:
            sms_id = self._new_id()
            self.sms.append({"id": sms_id, "to": message.to})
            self.state.count(PROVIDER, "writes_applied")
        return json_response({"id": sms_id, "status": "queued"}, 201)
