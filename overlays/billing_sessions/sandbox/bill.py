"""BILL API v2 under ``/api/v2``: form-urlencoded POSTs answered with HTTP 200 JSON envelopes.

Rules (see specs/bill.yaml): any request with ``userName``, ``password``, ``devKey`` or ``sessionId`` (in
any case) in the query string is refused unprocessed (``BDC_1129``, ``pii_refusals``). With
``bill_max_concurrent`` set, a request arriving while more are in flight (v2 and v3 together) answers
``BDC_1322``. Login checks devKey (``BDC_1102``), user name and password (``BDC_1101``) and orgId
(``BDC_1123``); a missing field is ``BDC_1108``. Later calls check devKey, then the ``sessionId`` form field:
unknown, logged out or idle for ``bill_idle`` seconds (offset clock) answers ``BDC_1109``; every call on a
live session resets its idle timer. With ``bill_second_endpoint`` the login answers ``apiEndPoint``
``/api/v2/dc2`` and the session is valid only there (``BDC_1109`` elsewhere), as a session lives on the data
center its login named. CRUD: bad entity name ``BDC_1114``, ``data`` not JSON ``BDC_1122``, missing data
``BDC_1117``, entity mismatch ``BDC_1118``, no such record ``BDC_1119``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from billing_sessions.sandbox.common import BodyError, json_response, login_delay, validate_json
from billing_sessions.sandbox.credentials import DEMO
from billing_sessions.sandbox.examples import example
from billing_sessions.sandbox.state import SandboxState, Session
from billing_sessions_generated.sandbox_models.bill import (
    CrudCreateData,
    CrudReadData,
    CrudSuccess,
    ErrorEnvelope,
    LoginSuccess,
    LogoutSuccess,
    SessionInfoSuccess,
)

__all__ = [
    "BASE",
    "ENTITY",
    "ID_PREFIXES",
    "KIND",
    "PII",
    "PROVIDER",
    "SECOND",
    "USER_ID",
    "Bill",
    "Form",
    "Refused",
    "failure",
    "prefix_of",
    "success",
]

PROVIDER = "bill"
KIND = "bill-session"
PII = frozenset({"username", "password", "devkey", "sessionid"})
ENTITY = re.compile(r"[A-Za-z][A-Za-z0-9]*")
USER_ID = "00601SANDBOXUSER1"
ID_PREFIXES = {"Customer": "0cu", "Vendor": "009", "Bill": "00n", "Invoice": "00e", "Item": "0ii"}

Form = dict[str, str]
BASE = "/api/v2"
SECOND = "/api/v2/dc2"  # another API endpoint of the same sandbox (``bill_second_endpoint``)


def prefix_of(request: Request) -> str:
    return SECOND if request.url.path.startswith(SECOND + "/") else BASE


class Refused(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


def success(model: type[BaseModel], data: Any) -> Response:
    return json_response(
        model.model_validate({"response_status": 0, "response_message": "Success", "response_data": data})
    )


def failure(code: str, message: str) -> Response:
    data = {"error_code": code, "error_message": message}
    envelope = {"response_status": 1, "response_message": "Error", "response_data": data}
    return json_response(ErrorEnvelope.model_validate(envelope))


class Bill:
    def __init__(self, state: SandboxState) -> None:
        self.state = state
        self.seq = 0
        self.records: dict[str, dict[str, dict[str, Any]]] = {}
        state.on_reset(self.reset)

    def reset(self) -> None:
        self.seq = 0
        # The spec's read example is the seeded record.
        customer = dict(example(PROVIDER, "/Crud/Read/{entity}.json", "post")["response_data"])
        self.records = {customer["entity"]: {customer["id"]: customer}}

    def routes(self, prefix: str) -> list[BaseRoute]:
        return [
            Route(prefix + "/Login.json", self.endpoint(self.login), methods=["POST"]),
            Route(prefix + "/Logout.json", self.endpoint(self.logout), methods=["POST"]),
            Route(prefix + "/GetSessionInfo.json", self.endpoint(self.session_info), methods=["POST"]),
            Route(prefix + "/Crud/Read/{entity}.json", self.endpoint(self.read), methods=["POST"]),
            Route(prefix + "/Crud/Create/{entity}.json", self.endpoint(self.create), methods=["POST"]),
        ]

    # -- plumbing ------------------------------------------------------------------------------------------

    def endpoint(self, handler: Callable[[Request, Form], Awaitable[Response]]) -> Callable[..., Any]:
        async def run(request: Request) -> Response:
            leaked = sorted({k for k in request.query_params if k.lower() in PII})
            if leaked:
                self.state.count(PROVIDER, "pii_refusals")
                message = f"Refused: {', '.join(leaked)} must not be sent in the query string (PII)."
                return failure("BDC_1129", message)
            limit = self.state.config.bill_max_concurrent
            if limit is not None and self.state.in_flight(PROVIDER) + self.state.in_flight("bill_v3") > limit:
                self.state.count(PROVIDER, "limit_rejections")
                return failure("BDC_1322", "Too many concurrent requests. Please retry later.")
            try:
                raw = await request.form()
                form = {k: v for k, v in raw.items() if isinstance(v, str)}
                await raw.close()
            except Exception:
                return failure("BDC_1002", "Unknown error occurred: the body is not a form.")
            try:
                return await handler(request, form)
            except Refused as refused:
                return failure(refused.code, refused.message)

        return run

    @staticmethod
    def required(form: Form, name: str) -> str:
        value = form.get(name)
        if not value:
            raise Refused("BDC_1108", f"Missing parameter value for parameter: {name}.")
        return value

    def dev_key(self, form: Form) -> None:
        if self.required(form, "devKey") != DEMO.bill_dev_key:
            raise Refused("BDC_1102", "Developer key is invalid.")

    def session(self, form: Form, request: Request) -> Session:
        self.dev_key(form)
        session = self.state.use_session(PROVIDER, form.get("sessionId"), (KIND,))
        if session is None or session.info.get("endpoint", BASE) != prefix_of(request):
            raise Refused("BDC_1109", "Session is invalid. Please log in.")
        return session

    def _stamp(self) -> str:
        moment = datetime.fromtimestamp(self.state.wall(), UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}+0000"

    @staticmethod
    def entity(request: Request) -> str:
        name = str(request.path_params["entity"])
        if not ENTITY.fullmatch(name):
            raise Refused("BDC_1114", f"Invalid entity type: {name}.")
        return name

    @staticmethod
    def data(form: Form, model: type[BaseModel]) -> Any:
        raw = form.get("data")
        if not raw:
            raise Refused("BDC_1108", "Missing parameter value for parameter: data.")
        try:
            json.loads(raw)
        except ValueError:
            raise Refused("BDC_1122", "Error Parsing Json Object. Please check your request.") from None
        try:
            return validate_json(model, raw, "data")
        except BodyError as error:
            raise Refused("BDC_1117", f"Missing required data for: {error}.") from None

    # -- session -------------------------------------------------------------------------------------------

    async def login(self, request: Request, form: Form) -> Response:
        try:
            self.dev_key(form)
            user, password = self.required(form, "userName"), self.required(form, "password")
            org = self.required(form, "orgId")
            if (user, password) != (DEMO.bill_user_name, DEMO.bill_password):
                raise Refused("BDC_1101", "User name and/or password do not match our records.")
            if org != DEMO.bill_org_id:
                raise Refused("BDC_1123", "Invalid organization id.")
        except Refused:
            self.state.count(PROVIDER, "login_failures")
            await login_delay(self.state)
            raise
        await login_delay(self.state)
        idle = self.state.config.bill_idle
        where = SECOND if self.state.config.bill_second_endpoint else BASE
        info = {"org": org, "endpoint": where}
        session = self.state.create_session(PROVIDER, KIND, idle=idle, info=info, prefix="!")
        self.state.count(PROVIDER, "logins")
        endpoint = str(request.url.replace(path=where, query="", fragment=""))
        data = {"sessionId": session.token, "orgId": org, "apiEndPoint": endpoint, "usersId": USER_ID}
        return success(LoginSuccess, data)

    async def logout(self, request: Request, form: Form) -> Response:
        session = self.session(form, request)
        self.state.end_session(PROVIDER, session.token)
        self.state.count(PROVIDER, "logouts")
        return success(LogoutSuccess, {})

    async def session_info(self, request: Request, form: Form) -> Response:
        session = self.session(form, request)
        data = {"organizationId": session.info["org"], "userId": USER_ID, "mfaStatus": "NOT_TRUSTED"}
        return success(SessionInfoSuccess, data)

    # -- CRUD ----------------------------------------------------------------------------------------------

    async def read(self, request: Request, form: Form) -> Response:
        self.session(form, request)
        entity = self.entity(request)
        wanted: CrudReadData = self.data(form, CrudReadData)
        with self.state.lock:
            record = self.records.get(entity, {}).get(wanted.id)
            if record is None:
                raise Refused("BDC_1119", f"Invalid field,value: id, {wanted.id}.")
            return success(CrudSuccess, dict(record))

    async def create(self, request: Request, form: Form) -> Response:
        self.session(form, request)
        entity = self.entity(request)
        new: CrudCreateData = self.data(form, CrudCreateData)
        fields = new.obj.model_dump(mode="json")
        if fields.get("entity") != entity:
            message = f"Entity from CRUD operation: {entity} does not match the entity specified in the data."
            raise Refused("BDC_1118", message)
        with self.state.lock:
            self.seq += 1
            prefix = ID_PREFIXES.get(entity, "0zz")
            stamp = self._stamp()
            record = {"isActive": "1", **fields, "entity": entity, "createdTime": stamp, "updatedTime": stamp}
            record["id"] = f"{prefix}01SBX{self.seq:08d}"
            self.records.setdefault(entity, {})[record["id"]] = record
            self.state.count(PROVIDER, "writes_applied")
            return success(CrudSuccess, dict(record))
