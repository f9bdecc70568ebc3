"""The Számla Agent's rules (``billing_sessions.szamla_agent`` is the public face): the provider, the XML
request and answer handling, exactly-once lookups and the options both session classes share. The session
classes are written once, in ``_async/szamla_agent.py``; ``_sync/szamla_agent.py`` is generated from it."""

from __future__ import annotations

import base64
import contextlib
import xml.etree.ElementTree as ET
from io import BytesIO
from typing import Any, Generic, TypeVar, Unpack
from urllib.parse import unquote_plus
from xml.sax.saxutils import escape

import attrs
import httpx

from billing_sessions import exactly_once
from billing_sessions._session import _Base
from billing_sessions.core import Provider, Token, require, write_outcome
from billing_sessions.errors import (
    BillingSessionError,
    LoginError,
    ProviderError,
    ProviderUnavailable,
    UsageError,
)
from billing_sessions.session import SessionOptions
from billing_sessions.szamla_xml import AgentXmlError, from_xml, parse_tree, to_xml
from billing_sessions_generated.szamla_agent import AuthenticatedClient
from billing_sessions_generated.szamla_agent.models import (
    AgentRequest,
    AgentXmlResponse,
    Szamla,
    Xmlnyugtacreate,
    Xmlnyugtaget,
    XmlnyugtagetBeallitasok,
    XmlnyugtagetFejlec,
    Xmlnyugtasend,
    Xmlnyugtast,
    Xmlnyugtavalasz,
    Xmlszamla,
    Xmlszamladbkdel,
    Xmlszamlakifiz,
    Xmlszamlapdf,
    Xmlszamlast,
    Xmlszamlaxml,
    Xmltaxpayer,
)
from billing_sessions_generated.szamla_agent.types import UNSET, File, Response
from billing_sessions_generated.szamla_agent.xml_layout import ROOTS, TYPES

DEFAULT_BASE_URL = "https://www.szamlazz.hu"
COOKIE = "JSESSIONID"
ACTIONS = tuple(
    f.name.replace("_", "-", 1) for f in attrs.fields(AgentRequest) if f.name.startswith("action_")
)
_DECODED = {"szlahu_szamlaszam", "szlahu_error", "szlahu_vevoifiokurl"}
# Codes that say the account or its credentials were refused (login failed, browser session, subscription
# expired, several accounts): a LoginError, as everywhere else.
LOGIN_CODES = frozenset({"3", "135", "136", "164"})
_ROOT_ELEMENTS = frozenset(element for element, _ns in ROOTS.values())
# request model -> the file part that selects its operation
PARTS: dict[type[Any], str] = {
    Xmlszamla: "action-xmlagentxmlfile",
    Xmlszamlast: "action-szamla_agent_st",
    Xmlszamlakifiz: "action-szamla_agent_kifiz",
    Xmlszamlapdf: "action-szamla_agent_pdf",
    Xmlszamlaxml: "action-szamla_agent_xml",
    Xmlszamladbkdel: "action-szamla_agent_dijbekero_torlese",
    Xmlnyugtacreate: "action-szamla_agent_nyugta_create",
    Xmlnyugtast: "action-szamla_agent_nyugta_storno",
    Xmlnyugtaget: "action-szamla_agent_nyugta_get",
    Xmlnyugtasend: "action-szamla_agent_nyugta_send",
    Xmltaxpayer: "action-szamla_agent_taxpayer",
}
# roots whose settings carry the answer form: the session asks for the XML answer (valaszVerzio 2)
_ANSWER_FORM = frozenset(
    name for name, fields in TYPES.items() if any(f[0] == "valaszVerzio" for f in fields)
)
_OWNS_ANSWER_FORM = frozenset(
    cls
    for cls in PARTS
    if cls.__name__ in _ANSWER_FORM or any(f[4] in _ANSWER_FORM for f in TYPES[cls.__name__] if f[2] == "obj")
)
T = TypeVar("T")


@attrs.frozen(repr=False)
class AgentResponse:
    """One Agent answer, headers decoded. ``ok`` is False only when ``send(..., check=False)``."""

    ok: bool
    status: int
    invoice_number: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    pdf: bytes | None = None
    xml: str | None = None
    text: str | None = None
    headers: dict[str, str] = attrs.field(factory=dict)

    def __repr__(self) -> str:
        pdf = f"<{len(self.pdf)} bytes>" if self.pdf is not None else None
        return (
            f"AgentResponse(ok={self.ok}, status={self.status}, invoice_number={self.invoice_number!r}, "
            f"error_code={self.error_code!r}, pdf={pdf})"
        )


@attrs.frozen(repr=False)
class AgentResult(Generic[T]):
    """A typed operation's outcome: the answer model plus the ``szlahu_*`` facts and the PDF, if asked for."""

    answer: T
    invoice_number: str | None
    net_total: float | None
    gross_total: float | None
    outstanding: float | None
    account_url: str | None
    pdf: bytes | None
    response: AgentResponse
    #: The document's external id / call id (the caller's, or the one the session gave it).
    external_id: str | None = None
    #: True when the first answer was lost and this result came from looking the document up by its id
    #: (or from sending it again, after the lookups proved it was not applied).
    resolved: bool = False

    def __repr__(self) -> str:
        pdf = f"<{len(self.pdf)} bytes>" if self.pdf is not None else None
        return (
            f"AgentResult({type(self.answer).__name__}, invoice_number={self.invoice_number!r}, "
            f"gross_total={self.gross_total!r}, outstanding={self.outstanding!r}, pdf={pdf}"
            + (", resolved=True)" if self.resolved else ")")
        )


class AgentError(ProviderError):
    """The Agent reported an error; ``response`` holds what came back (code 56: the invoice may exist)."""

    response: AgentResponse | None = None


class AgentLoginError(AgentError, LoginError):
    """The Agent refused the credentials or the account (codes 3, 135, 136, 164): never retried."""


#: The Agent's session cookie ends after 90 idle minutes.
IDLE_COOKIE = 90 * 60.0


class _SzamlaAgent(Provider):
    name = "szamla_agent"
    session_by_first_call = True
    retryable = False  # provider rule: never retry a failed Agent call automatically

    def __init__(self, agent_key: str | None, username: str | None, password: str | None):
        if agent_key is None and username is None:
            raise UsageError("szamla_agent: agent_key or username and password is required")
        self.agent_key = require(agent_key, "agent_key", self.name) if username is None else None
        self.username = username
        self.password = require(password, "password", self.name) if username is not None else None
        super().__init__()

    def record_ttl(self) -> float | None:
        return IDLE_COOKIE  # the server replaces an idle cookie itself: the store need not keep it longer

    def credentials(self) -> tuple[str, ...]:
        return (self.agent_key or "", self.username or "", self.password or "")

    def owned(self) -> dict[str, str]:
        """The settings the session writes into every request XML."""
        if self.agent_key is not None:
            return {"szamlaagentkulcs": self.agent_key}
        return {"felhasznalo": self.username or "", "jelszo": self.password or ""}

    def apply(self, request: httpx.Request, token: Token | None, nonce: int | None) -> httpx.Request:
        request.headers.pop("Authorization", None)
        # The client's own jar is not the source of truth: the store is (shared by processes).
        if token is None:
            request.headers.pop("Cookie", None)
        else:
            request.headers["Cookie"] = f"{COOKIE}={token.value}"
        return request

    def session_from_response(self, response: httpx.Response) -> str | None:
        for header in response.headers.get_list("set-cookie"):
            value = cookie_value(header, COOKIE)
            if value:
                return value
        return None


def cookie_value(header: str, name: str) -> str | None:
    """The value of cookie ``name`` in one Set-Cookie header, read the way browsers do (RFC 6265 5.2):
    the first ``name=value`` pair counts; attributes, known or not (``Partitioned``), are ignored."""
    pair = header.split(";", 1)[0]
    if "=" not in pair:
        return None
    key, _, value = pair.partition("=")
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    return value if key.strip() == name else None


def fill_credentials(xml: str, owned: dict[str, str]) -> str:
    """Put the session's credentials into an XML that leaves them empty or out (the settings element, or the
    root for the queries that have none); elements already carrying a value are left as they are."""
    missing = []
    for name, value in owned.items():
        element = f"<{name}>{escape(value)}</{name}>"
        for empty in (f"<{name}/>", f"<{name} />", f"<{name}></{name}>"):
            if empty in xml:
                xml = xml.replace(empty, element, 1)
                break
        else:
            if f"<{name}>" not in xml:
                missing.append(element)
    if not missing:
        return xml
    block = "".join(missing)
    if "<beallitasok>" in xml:
        return xml.replace("<beallitasok>", "<beallitasok>" + block, 1)
    for root in ("xmlszamlapdf", "xmlszamlaxml"):  # credentials are the root's first children there
        start = xml.find(f"<{root}")
        end = xml.find(">", start)
        if start >= 0 and end > start and xml[end - 1] != "/":
            return xml[: end + 1] + block + xml[end + 1 :]
    return xml


def fill_agent_key(xml: str, agent_key: str) -> str:
    """Put the agent key into an XML whose ``<szamlaagentkulcs>`` is empty or not in ``<beallitasok>``."""
    return fill_credentials(xml, {"szamlaagentkulcs": agent_key})


def _body(action: str, xml: str | bytes) -> AgentRequest:
    if action not in ACTIONS:
        raise UsageError(f"szamla_agent: unknown action {action!r}; expected one of {', '.join(ACTIONS)}")
    payload = xml.encode("utf-8") if isinstance(xml, str) else xml
    part = File(payload=BytesIO(payload), file_name="request.xml", mime_type="text/xml")
    return AgentRequest(**{action.replace("-", "_"): part})


def _xml_field(root: ET.Element, name: str) -> str | None:
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] == name:
            return (element.text or "").strip()
    return None


def _malformed(message: str, status: int) -> ProviderError:
    return ProviderError(f"szamla_agent: {message}", provider="szamla_agent", status=status)


def parse_response(response: Response[Any], check: bool = True) -> AgentResponse:
    """Turn an Agent answer into an ``AgentResponse``; with ``check`` errors raise typed exceptions.

    A redirect, an error status, or a 200 whose body is not an Agent answer (a PDF, an Agent XML document,
    or the ``xmlagentresponse=`` text) is a failure, never ``ok``."""
    status = int(response.status_code)
    headers = {k.lower(): v for k, v in response.headers.items() if k.lower().startswith("szlahu_")}
    for name in _DECODED & headers.keys():
        headers[name] = unquote_plus(headers[name])
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    body = response.content
    fields: dict[str, Any] = {
        "invoice_number": headers.get("szlahu_szamlaszam") or None,
        "error_code": headers.get("szlahu_error_code") or None,
        "error_message": headers.get("szlahu_error") or None,
    }
    recognised = False
    if content_type == "application/pdf" or body.startswith(b"%PDF"):
        fields["pdf"] = body
        recognised = body.startswith(b"%PDF")
    elif "xml" in content_type or body.lstrip().startswith(b"<"):
        fields["xml"] = body.decode("utf-8", "replace")
        try:
            # expat (>= 2.4.1, bundled with supported Pythons) refuses entity-expansion bombs and never
            # fetches external entities; the answer comes from the provider over TLS.
            root = parse_tree(body)
        except AgentXmlError as exc:
            if status < 300:
                raise _malformed("the XML answer could not be parsed", status) from exc
            root = ET.Element("unreadable")
        recognised = root.tag.rsplit("}", 1)[-1] in _ROOT_ELEMENTS
        fields["invoice_number"] = fields["invoice_number"] or _xml_field(root, "szamlaszam") or None
        fields["error_code"] = fields["error_code"] or _xml_field(root, "hibakod") or None
        fields["error_message"] = fields["error_message"] or _xml_field(root, "hibauzenet") or None
        encoded = _xml_field(root, "pdf") or _xml_field(root, "nyugtaPdf")
        if encoded:
            try:
                fields["pdf"] = base64.b64decode(encoded, validate=True)
            except ValueError as exc:  # binascii.Error: a cut or garbled PDF part
                raise _malformed("malformed PDF in the XML answer", status) from exc
    else:
        text = body.decode("utf-8", "replace").strip()
        fields["text"] = text
        if text.startswith("xmlagentresponse=DONE;"):
            recognised = True
            fields["invoice_number"] = fields["invoice_number"] or text.split(";", 1)[1].strip() or None
        elif text.startswith("[ERR]") and not fields["error_message"]:
            fields["error_message"] = text[5:].strip()
    down = headers.get("szlahu_down", "").strip()
    failed = bool(down or fields["error_code"] or fields["error_message"] or status >= 300 or not recognised)
    result = AgentResponse(ok=not failed, status=status, headers=headers, **fields)
    if check and failed:
        code = "1" if down and not result.error_code else result.error_code
        if result.error_message:
            message = result.error_message
        elif down:
            message = "the system is down"
        elif status >= 300:
            message = f"HTTP {status}" + (" (a redirect: not an Agent answer)" if status < 400 else "")
        else:
            message = f"HTTP {status} with a body that is not an Agent answer"
        cls: type[AgentError] = AgentError
        if down or code == "1":
            cls = _Unavailable
        elif code in LOGIN_CODES:
            cls = AgentLoginError
        error = cls(
            f"szamla_agent: {message}",
            provider="szamla_agent",
            status=status,
            code=code,
            operation="POST /szamla/",
        )
        error.response = result
        raise error
    return result


#: Agent actions that only read; every other action creates or changes a document.
READ_ACTIONS = frozenset(
    {
        "action-szamla_agent_pdf",
        "action-szamla_agent_xml",
        "action-szamla_agent_nyugta_get",
        "action-szamla_agent_taxpayer",
    }
)


def _outcome(action: str) -> contextlib.AbstractContextManager[None]:
    return contextlib.nullcontext() if action in READ_ACTIONS else write_outcome()


class _Unavailable(AgentError, ProviderUnavailable):
    """Maintenance or ``szlahu_down``: try again later, by hand or by a scheduler, never in a loop."""


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _result(response: AgentResponse, expected: type[T]) -> AgentResult[T]:
    """The typed answer of an operation: the XML answer read into its model, the facts from the headers."""
    if response.xml is None:
        raise _malformed(f"expected an XML answer ({expected.__name__}), got none", response.status)
    try:
        answer = from_xml(response.xml.encode("utf-8"))
    except AgentXmlError as exc:
        where = exc.element or "the document"
        raise _malformed(f"the XML answer could not be read ({where})", response.status) from exc
    if not isinstance(answer, expected):
        raise _malformed(f"expected {expected.__name__}, got {type(answer).__name__}", response.status)
    h = response.headers
    fallback = answer if isinstance(answer, AgentXmlResponse) else None

    def pick(header: str, field: str) -> float | None:
        value = _number(h.get(header))
        if value is None and fallback is not None:
            found = getattr(fallback, field)
            value = found if isinstance(found, float | int) and not isinstance(found, bool) else None
        return value

    url = h.get("szlahu_vevoifiokurl") or (
        fallback.vevoifiokurl if fallback is not None and isinstance(fallback.vevoifiokurl, str) else None
    )
    return AgentResult(
        answer=answer,
        invoice_number=response.invoice_number,
        net_total=pick("szlahu_nettovegosszeg", "szamlanetto"),
        gross_total=pick("szlahu_bruttovegosszeg", "szamlabrutto"),
        outstanding=pick("szlahu_kintlevoseg", "kintlevoseg"),
        account_url=url or None,
        pdf=response.pdf,
        response=response,
    )


#: Writes that carry an id of their own (part, field), and what the id is called: a lost answer to one of
#: them is settled by looking the document up by that id (see ``exactly_once``).
OWN_IDS: dict[type[Any], tuple[tuple[str, str], str, str]] = {
    Xmlszamla: (("beallitasok", "szamla_kulso_azon"), "external id", "create_invoice"),
    Xmlszamlast: (("beallitasok", "szamla_kulso_azon"), "external id", "reverse_invoice"),
    Xmlnyugtacreate: (("fejlec", "hivas_azonosito"), "call id", "create_receipt"),
    Xmlnyugtast: (("fejlec", "hivas_azonosito"), "call id", "reverse_receipt"),
}
#: The answer that says a lookup by id found nothing (assumed in the spec: error code 7).
NOT_FOUND = "7"


def _lookup(model: Any, ident: str) -> tuple[Any, type[Any]]:
    """The query that finds the document ``model`` makes, by its id, and the answer model it gets."""
    if isinstance(model, Xmlnyugtacreate | Xmlnyugtast):
        settings = XmlnyugtagetBeallitasok(pdf_letoltes=model.beallitasok.pdf_letoltes)
        return Xmlnyugtaget(
            beallitasok=settings, fejlec=XmlnyugtagetFejlec(hivas_azonosito=ident)
        ), Xmlnyugtavalasz
    return Xmlszamlaxml(szamla_kulso_azon=ident, pdf=model.beallitasok.szamla_letoltes or UNSET), Szamla


def _absent(exc: BillingSessionError) -> None:
    """A lookup failed: "not found" (assumed code 7) is an answer; anything else settles nothing."""
    if isinstance(exc, AgentError) and exc.code == NOT_FOUND and exc.status == 200:
        return
    raise exactly_once.Unsettled(type(exc).__name__) from exc


def _as_created(found: AgentResult[Any]) -> AgentResult[Any]:
    """An invoice found by its external id (a ``Szamla``), as the answer its creation would have had."""
    szamla = found.answer
    if not isinstance(szamla, Szamla):
        return found  # a receipt: the query answers what the creation answers
    totals = szamla.osszegek.totalossz
    paid = sum(k.osszeg for k in szamla.kifizetesek or [])
    outstanding = found.outstanding
    if outstanding is None:
        outstanding = (
            0.0 if szamla.alap.sztornozott is True or totals.brutto < 0 else max(0.0, totals.brutto - paid)
        )
    net = found.net_total if found.net_total is not None else totals.netto
    gross = found.gross_total if found.gross_total is not None else totals.brutto
    answer = AgentXmlResponse(
        sikeres=True,
        szamlaszam=szamla.alap.szamlaszam,
        vevoifiokurl=found.account_url or UNSET,
        szamlanetto=net,
        szamlabrutto=gross,
        kintlevoseg=outstanding,
        pdf=szamla.pdf,
    )
    return attrs.evolve(
        found,
        answer=answer,
        invoice_number=szamla.alap.szamlaszam,
        net_total=net,
        gross_total=gross,
        outstanding=outstanding,
    )


class _Options(_Base[AuthenticatedClient]):
    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        agent_key: str | None = None,
        username: str | None = None,
        password: str | None = None,
        external_ids: exactly_once.IdMode = "auto",
        settle: float = exactly_once.SETTLE,
        **options: Unpack[SessionOptions],
    ) -> None:
        self._provider = _SzamlaAgent(agent_key, username, password)
        self._auto_ids = exactly_once.check_mode(_SzamlaAgent.name, external_ids) == "auto"
        super().__init__(
            self._provider,
            AuthenticatedClient,
            base_url,
            logout_on_close=False,
            **options,
        )
        self._resolver = exactly_once.Resolver(self, _SzamlaAgent.name, self.auth.key, settle)

    def _own_id(self, model: T) -> tuple[T, str | None, tuple[str, str]]:
        """The model to send (with an id of its own, if the session gives one), the id, and what the id is
        called and the operation (for the log)."""
        found = OWN_IDS.get(type(model))
        if found is None:
            return model, None, ("", "")
        model, ident = exactly_once.with_id(model, found[0], self._auto_ids)
        return model, ident, found[1:]

    def _request(self, action: str, xml: str | bytes) -> AgentRequest:
        if isinstance(xml, str):
            xml = fill_credentials(xml, self._provider.owned())
        return _body(action, xml)

    def _typed(self, model: Any) -> AgentRequest:
        """A typed request as its file part, with the credentials and the answer form filled in."""
        action = PARTS.get(type(model))
        if action is None:
            raise UsageError(f"szamla_agent: {type(model).__name__} is not an Agent request model")
        owned = self._provider.owned()
        if type(model) in _OWNS_ANSWER_FORM:
            owned["valaszVerzio"] = "2"  # the XML answer: the one form that carries every fact
        return _body(action, to_xml(model, owned))
