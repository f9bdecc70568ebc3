"""BILL API v3 under ``/connect/v3``: JSON bodies, ``devKey`` + ``sessionId`` headers, error arrays.

Rules (see specs/bill_v3.yaml): login checks devKey (400 ``BDC_1102``), user and password
(400 ``BDC_1101``) and organization (400 ``BDC_1123``), at most ``bill_v3_logins_per_hour`` an hour
(429 ``BDC_1144``). Later calls check the ``devKey`` header (401 ``BDC_1102``) and ``sessionId``
(401 ``BDC_1109``: unknown, logged out, or idle ``bill_idle`` seconds on the sandbox clock; every call
resets the timer). More BILL requests in flight (v2 and v3 together) than ``bill_max_concurrent`` answer
429 ``BDC_1322``; more than ``bill_v3_requests_per_hour`` requests an hour answer 429 ``BDC_1144``. MFA:
the "texted" code is printed on the console and readable with ``state.mfa_code()`` or
``GET /_sandbox/mfa``; 5 texts a minute; a wrong code is 400 ``BDC_1356``; a validated session is trusted;
``rememberMe`` gives a ``rememberMeId`` that makes logins with the same ``device`` trusted for
``bill_v3_remember`` seconds. A vendor with ``autoPay: true`` needs trust (403 ``BDC_1361``). Lists:
``max`` 1..100, cursors, filters and sort on a few fields (400 otherwise). Body validation errors are
entries without a ``code``.
"""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Route
from starlette.types import Receive, Scope, Send

from billing_sessions.sandbox.common import BodyError, json_response, login_delay, parse_json, validate_json
from billing_sessions.sandbox.credentials import DEMO
from billing_sessions.sandbox.examples import example
from billing_sessions.sandbox.state import SandboxState, Session
from billing_sessions_generated.sandbox_models.bill_v3 import (
    BillCreate,
    ChallengeRequest,
    LoginRequest,
    StepUpRequest,
    ValidateRequest,
    VendorCreate,
)

__all__ = [
    "BILL_FILTERS",
    "BILL_SORT",
    "CHALLENGE_TTL",
    "KIND",
    "MAX_RANGE",
    "OPS",
    "PROVIDER",
    "TEXTS_PER_MINUTE",
    "USER_ID",
    "VENDOR_FILTERS",
    "VENDOR_SORT",
    "BillV3",
    "Refused",
    "page",
]

PROVIDER = "bill_v3"
KIND = "bill-v3-session"
USER_ID = "00601SANDBOXUSER1"
CHALLENGE_TTL = 300.0
TEXTS_PER_MINUTE = 5
MAX_RANGE = (1, 100)
OPS = frozenset({"eq", "ne", "gt", "gte", "lt", "lte", "in", "nin", "sw"})
VENDOR_FILTERS = {
    "id": {"eq", "ne", "in"},
    "archived": {"eq", "ne"},
    "name": {"eq", "sw"},
    "accountType": {"eq", "ne", "in", "nin"},
    "createdTime": {"gt", "gte", "lt", "lte"},
    "updatedTime": {"gt", "gte", "lt", "lte"},
}
BILL_FILTERS = {
    "id": {"eq", "ne", "in"},
    "archived": {"eq", "ne"},
    "vendorId": {"eq", "in"},
    "dueDate": {"eq", "gt", "gte", "lt", "lte"},
    "paymentStatus": {"eq", "ne", "in"},
}
VENDOR_SORT = frozenset({"name", "createdTime", "updatedTime", "archived"})
BILL_SORT = frozenset({"dueDate", "createdTime", "updatedTime", "archived"})


class Refused(Exception):
    def __init__(self, status: int, code: str | None, message: str, category: str = "REQUEST") -> None:
        super().__init__(code or message)
        self.status, self.code, self.message, self.category = status, code, message, category
        self.headers: dict[str, str] = {}


class _AnyMethod:
    """An ASGI endpoint: a ``Route`` holding one (not a function) matches every method."""

    def __init__(self, handler: Callable[[Request], Awaitable[Response]]) -> None:
        self.handler = handler

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self.handler(Request(scope, receive))
        await response(scope, receive, send)


class BillV3:
    def __init__(self, state: SandboxState) -> None:
        self.state = state
        self.seq = 0
        self.vendors: dict[str, dict[str, Any]] = {}
        self.bills: dict[str, dict[str, Any]] = {}
        self.challenges: dict[str, tuple[str, float]] = {}  # id -> (code, created)
        self.remembered: dict[str, tuple[str, float]] = {}  # rememberMeId -> (device, created)
        self.texts: list[float] = []
        self.known: list[Route] = []
        self.logins: list[float] = []
        self.requests: list[float] = []
        state.on_reset(self.reset)

    def reset(self) -> None:
        self.seq = 0
        vendor = dict(example(PROVIDER, "/v3/vendors", "post", 201))
        bill = dict(example(PROVIDER, "/v3/bills", "post", 201))
        self.vendors = {vendor["id"]: vendor}
        self.bills = {bill["id"]: bill}
        self.challenges, self.remembered = {}, {}
        self.texts, self.logins, self.requests = [], [], []

    def routes(self, prefix: str) -> list[BaseRoute]:
        v3 = prefix + "/v3"
        self.known = [
            Route(v3 + "/login", self.endpoint(self.login, session=False), methods=["POST"]),
            Route(v3 + "/logout", self.endpoint(self.logout), methods=["POST"]),
            Route(v3 + "/login/session", self.endpoint(self.session_info), methods=["GET"]),
            Route(v3 + "/mfa/challenge", self.endpoint(self.challenge), methods=["POST"]),
            Route(v3 + "/mfa/challenge/validate", self.endpoint(self.validate), methods=["POST"]),
            Route(v3 + "/mfa/step-up", self.endpoint(self.step_up), methods=["POST"]),
            Route(v3 + "/vendors", self.endpoint(self.list_vendors), methods=["GET"]),
            Route(v3 + "/vendors", self.endpoint(self.create_vendor), methods=["POST"]),
            Route(v3 + "/vendors/{vendorId}", self.endpoint(self.get_vendor), methods=["GET"]),
            Route(v3 + "/bills", self.endpoint(self.list_bills), methods=["GET"]),
            Route(v3 + "/bills", self.endpoint(self.create_bill), methods=["POST"]),
            Route(v3 + "/bills/{billId}", self.endpoint(self.get_bill), methods=["GET"]),
        ]
        return [*self.known, Route(prefix + "/{rest:path}", _AnyMethod(self.not_supported))]

    # -- plumbing ------------------------------------------------------------------------------------------

    def _stamp(self) -> str:
        moment = datetime.fromtimestamp(self.state.wall(), UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}+00:00"

    def errors(self, refused: Refused) -> Response:
        entry: dict[str, Any] = {"timestamp": self._stamp()}
        if refused.code:
            entry["code"] = refused.code
        entry |= {"severity": "ERROR", "category": refused.category, "message": refused.message}
        return json_response([entry], refused.status, refused.headers or None)

    async def not_supported(self, request: Request) -> Response:
        allowed = {
            m for r in self.known if r.matches(request.scope)[0] is Match.PARTIAL for m in r.methods or ()
        }
        if allowed:  # a known path, another method
            refused = Refused(405, "BDC_1121", "Method not supported.")
            refused.headers["Allow"] = ", ".join(sorted(allowed))
            return self.errors(refused)
        return self.errors(Refused(404, "BDC_1121", "API not supported."))

    def _window(self, times: list[float], span: float) -> list[float]:
        now = self.state.now()
        times[:] = [t for t in times if t > now - span]
        return times

    def _limits(self) -> None:
        config = self.state.config
        limit = config.bill_max_concurrent
        if limit is not None and self.state.in_flight("bill") + self.state.in_flight(PROVIDER) > limit:
            self.state.count(PROVIDER, "limit_rejections")
            raise Refused(429, "BDC_1322", "Max number of concurrent requests per organization reached.")
        hourly = config.bill_v3_requests_per_hour
        if hourly is not None:
            with self.state.lock:
                if len(self._window(self.requests, 3600.0)) >= hourly:
                    refused = Refused(
                        429, "BDC_1144", f"Max number of allowed requests per hour reached: {hourly}."
                    )
                    refused.headers["Retry-After"] = str(int(3600 - self.state.wall() % 3600) + 1)
                    raise refused
                self.requests.append(self.state.now())

    def endpoint(
        self, handler: Callable[[Request, Session | None], Awaitable[Response]], *, session: bool = True
    ) -> Callable[..., Any]:
        async def run(request: Request) -> Response:
            try:
                self._limits()
                found = self.session(request) if session else None
                return await handler(request, found)
            except Refused as refused:
                return self.errors(refused)

        return run

    def session(self, request: Request) -> Session:
        if request.headers.get("devKey") != DEMO.bill_dev_key:
            raise Refused(401, "BDC_1102", "Invalid developer key.")
        session = self.state.use_session(PROVIDER, request.headers.get("sessionId"), (KIND,))
        if session is None or session.info.get("org") != DEMO.bill_org_id:
            raise Refused(401, "BDC_1109", "Session is invalid.  Please log in.", "DOWNSTREAM")
        return session

    @staticmethod
    async def body(request: Request, model: type[BaseModel], *, optional: bool = False) -> Any:
        raw = await request.body()
        if optional and not raw.strip():
            raw = b"{}"
        try:
            return validate_json(model, raw, "body")
        except BodyError as error:
            raise Refused(400, None, str(error)) from None

    # -- session -------------------------------------------------------------------------------------------

    async def login(self, request: Request, _: Session | None) -> Response:
        try:
            with self.state.lock:
                per_hour = self.state.config.bill_v3_logins_per_hour
                if len(self._window(self.logins, 3600.0)) >= per_hour:
                    refused = Refused(
                        429, "BDC_1144", f"Max number of allowed logins per hour reached: {per_hour}."
                    )
                    refused.headers["Retry-After"] = str(int(3600 - self.state.wall() % 3600) + 1)
                    raise refused
                self.logins.append(self.state.now())
            body: LoginRequest = await self.body(request, LoginRequest)
            if body.devKey != DEMO.bill_dev_key:
                raise Refused(400, "BDC_1102", "Invalid developer key.")
            if (body.username, body.password.get_secret_value()) != (DEMO.bill_user_name, DEMO.bill_password):
                raise Refused(400, "BDC_1101", "Incorrect user name or password.")
            if body.organizationId != DEMO.bill_org_id:
                raise Refused(400, "BDC_1123", "Invalid organization id.")
        except Refused:
            self.state.count(PROVIDER, "login_failures")
            await login_delay(self.state)
            raise
        await login_delay(self.state)
        trusted = body.rememberMeId is not None and self._remembered(body.rememberMeId, body.device)
        info = {"org": body.organizationId, "trusted": "1" if trusted else ""}
        session = self.state.create_session(
            PROVIDER, KIND, idle=self.state.config.bill_idle, info=info, prefix="!"
        )
        self.state.count(PROVIDER, "logins")
        answer = {"sessionId": session.token, "organizationId": body.organizationId, "userId": USER_ID}
        return json_response({**answer, "trusted": trusted})

    def _remembered(self, remember_me_id: str | None, device: str | None) -> bool:
        with self.state.lock:
            found = self.remembered.get(remember_me_id or "")
            if found is None:
                return False
            if self.state.now() >= found[1] + self.state.config.bill_v3_remember:
                del self.remembered[remember_me_id or ""]
                return False
            return found[0] == (device or "")

    async def logout(self, request: Request, session: Session | None) -> Response:
        assert session is not None
        self.state.end_session(PROVIDER, session.token)
        self.state.count(PROVIDER, "logouts")
        return json_response({})

    async def session_info(self, request: Request, session: Session | None) -> Response:
        assert session is not None
        trusted = bool(session.info.get("trusted"))
        info = {"organizationId": session.info["org"], "userId": USER_ID, "mfaStatus": "COMPLETE"}
        return json_response({**info, "trusted": trusted})

    # -- MFA -----------------------------------------------------------------------------------------------

    async def challenge(self, request: Request, session: Session | None) -> Response:
        await self.body(request, ChallengeRequest, optional=True)
        raw = parse_json(await request.body())
        if isinstance(raw, dict) and "useBackup" in raw and raw["useBackup"] is not False:
            raise Refused(400, None, "body.useBackup: only false is accepted")  # pydantic's Literal takes 0
        if not self.state.config.bill_v3_mfa_phone:
            raise Refused(400, "BDC_1354", "Specified 2-Step Verification phone is not setup or is invalid.")
        with self.state.lock:
            if len(self._window(self.texts, 60.0)) >= TEXTS_PER_MINUTE:
                raise Refused(429, "BDC_1144", "Max number of text messages per minute reached.")
            self.texts.append(self.state.now())
            challenge_id = "mfa" + secrets.token_hex(8)
            code = self.state.config.bill_v3_mfa_code or f"{secrets.randbelow(1_000_000):06d}"
            self.challenges[challenge_id] = (code, self.state.now())
        self.state.text_code(PROVIDER, code)
        self.state.count(PROVIDER, "mfa_texts")
        return json_response({"challengeId": challenge_id})

    async def validate(self, request: Request, session: Session | None) -> Response:
        assert session is not None
        body: ValidateRequest = await self.body(request, ValidateRequest)
        with self.state.lock:
            found = self.challenges.get(body.challengeId)
            if found is None or self.state.now() >= found[1] + CHALLENGE_TTL or found[0] != body.token:
                raise Refused(400, "BDC_1356", "Invalid or expired 2-Step Verification code.")
            del self.challenges[body.challengeId]
            session.info["trusted"] = "1"
            if not body.rememberMe:
                return json_response({})
            remember_me_id = "rm" + secrets.token_hex(16)
            self.remembered[remember_me_id] = (body.device or "", self.state.now())
        return json_response({self.state.config.bill_v3_trust_id_name: remember_me_id})

    async def step_up(self, request: Request, session: Session | None) -> Response:
        assert session is not None
        body: StepUpRequest = await self.body(request, StepUpRequest)
        if not self._remembered(body.rememberMeId, body.device):
            raise Refused(400, "BDC_1356", "Invalid or expired 2-Step Verification id.")
        session.info["trusted"] = "1"
        return json_response({"trusted": True})

    # -- vendors and bills ---------------------------------------------------------------------------------

    def _new_id(self, prefix: str) -> str:
        self.seq += 1
        return f"{prefix}01SBX{self.seq:08d}"

    async def create_vendor(self, request: Request, session: Session | None) -> Response:
        assert session is not None
        new: VendorCreate = await self.body(request, VendorCreate)
        fields = new.model_dump(mode="json", exclude_none=True)
        if fields.get("autoPay") and not session.info.get("trusted"):
            raise Refused(403, "BDC_1361", "Untrusted session.", "DOWNSTREAM")
        with self.state.lock:
            stamp = self._stamp()
            vendor = {
                "id": self._new_id("009"),
                "archived": False,
                **fields,
                "networkStatus": "NOT_CONNECTED",
            }
            vendor |= {"createdTime": stamp, "updatedTime": stamp}
            self.vendors[vendor["id"]] = vendor
            self.state.count(PROVIDER, "writes_applied")
        return json_response(vendor, 201)

    async def get_vendor(self, request: Request, session: Session | None) -> Response:
        with self.state.lock:
            vendor = self.vendors.get(str(request.path_params["vendorId"]))
        if vendor is None:
            raise Refused(404, "BDC_1205", "No data found for object with given ID.")
        return json_response(vendor)

    async def list_vendors(self, request: Request, session: Session | None) -> Response:
        with self.state.lock:
            items = list(self.vendors.values())
        return json_response(page(request, items, VENDOR_FILTERS, VENDOR_SORT))

    async def create_bill(self, request: Request, session: Session | None) -> Response:
        new: BillCreate = await self.body(request, BillCreate)
        fields = new.model_dump(mode="json", exclude_none=True)
        with self.state.lock:
            vendor = self.vendors.get(new.vendorId)
            if vendor is None:
                raise Refused(404, "BDC_1205", "No data found for object with given ID.")
            stamp = self._stamp()
            lines = [{"id": self._new_id("00t"), **line} for line in fields.pop("billLineItems")]
            bill = {"id": self._new_id("00n"), "archived": False, **fields, "vendorName": vendor["name"]}
            bill |= {"billLineItems": lines, "amount": round(sum(float(x["amount"]) for x in lines), 2)}
            bill |= {"paymentStatus": "UNPAID", "approvalStatus": "UNASSIGNED"}
            bill |= {"createdTime": stamp, "updatedTime": stamp}
            self.bills[bill["id"]] = bill
            self.state.count(PROVIDER, "writes_applied")
        return json_response(bill, 201)

    async def get_bill(self, request: Request, session: Session | None) -> Response:
        with self.state.lock:
            bill = self.bills.get(str(request.path_params["billId"]))
        if bill is None:
            raise Refused(404, "BDC_1205", "No data found for object with given ID.")
        return json_response(bill)

    async def list_bills(self, request: Request, session: Session | None) -> Response:
        with self.state.lock:
            items = list(self.bills.values())
        return json_response(page(request, items, BILL_FILTERS, BILL_SORT))


# -- lists -------------------------------------------------------------------------------------------------


def _terms(text: str) -> list[str]:
    """Split ``a:eq:1,b:in:"x,y"`` on the commas outside quotes."""
    out, current, quoted = [], "", False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == "," and not quoted:
            out.append(current)
            current = ""
        else:
            current += char
    out.append(current)
    return out


def _compare(value: Any, op: str, wanted: str) -> bool:
    have = str(value).lower() if isinstance(value, bool) else str(value)
    options = [w.strip() for w in wanted.strip('"').split(",")]
    wanted = wanted.strip('"')
    if op == "eq":
        return have == wanted
    if op == "ne":
        return have != wanted
    if op == "in":
        return have in options
    if op == "nin":
        return have not in options
    if op == "sw":
        return have.startswith(wanted)
    return {"gt": have > wanted, "gte": have >= wanted, "lt": have < wanted, "lte": have <= wanted}[op]


def _filter(items: list[dict[str, Any]], text: str, allowed: dict[str, set[str]]) -> list[dict[str, Any]]:
    for term in _terms(text):
        parts = term.split(":", 2)
        if len(parts) != 3 or parts[1] not in OPS:
            raise Refused(400, None, f"Invalid filter: {term[:40]}.")
        field, op, wanted = parts
        if op not in allowed.get(field, set()):
            raise Refused(400, None, f"Filter not supported: {field[:40]}:{op}.")
        items = [i for i in items if field in i and _compare(i[field], op, wanted)]
    return items


def _cursor(offset: int, signature: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([offset, signature]).encode()).decode().rstrip("=")


def _offset(token: str, signature: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        offset, signed = json.loads(raw)
    except (ValueError, TypeError):
        raise Refused(400, None, "Invalid page token.") from None
    if signed != signature or not isinstance(offset, int) or offset < 0:
        raise Refused(400, None, "Invalid page token.")
    return offset


def page(
    request: Request, items: list[dict[str, Any]], filters: dict[str, set[str]], sortable: frozenset[str]
) -> dict[str, Any]:
    params = request.query_params
    raw_max = params.get("max", "20")
    try:
        size = int(raw_max)
    except ValueError:
        size = 0
    if not MAX_RANGE[0] <= size <= MAX_RANGE[1]:
        raise Refused(400, None, "max must be between 1 and 100.")
    signature = f"{params.get('filters', '')}|{params.get('sort', '')}|{size}"
    if params.get("filters"):
        items = _filter(items, params["filters"], filters)
    sort = params.get("sort")
    if sort:
        field, _, direction = sort.partition(":")
        if field not in sortable or direction not in {"asc", "desc"}:
            raise Refused(400, None, f"Sort not supported: {sort[:40]}.")
        items = sorted(items, key=lambda i: str(i.get(field, "")), reverse=direction == "desc")
    offset = _offset(params["page"], signature) if "page" in params else 0
    body: dict[str, Any] = {"results": items[offset : offset + size]}
    if offset + size < len(items):
        body["nextPage"] = _cursor(offset + size, signature)
    if offset > 0:
        body["prevPage"] = _cursor(max(0, offset - size), signature)
    return body
