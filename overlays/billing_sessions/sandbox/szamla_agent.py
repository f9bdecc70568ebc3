"""Számla Agent at ``/szamla/``: multipart with one XML file part, auth inside the XML, JSESSIONID cookies.

Rules (see specs/szamla_agent.yaml): the operation is the name of the ``action-*`` part, which must be a file
part (else error 53); the XML is read namespace-agnostic (unreadable or wrong root: error 57); the agent key
``<szamlaagentkulcs>`` (or ``<felhasznalo>`` + ``<jelszo>``) must match (else error 3). A missing, unknown or
idle-expired cookie silently gets a new session (``Set-Cookie``); a live one is reused, its idle timer reset.
Errors are HTTP 200 with ``szlahu_error`` (URL-encoded) and ``szlahu_error_code``; while down every call
answers ``szlahu_down`` with error code 1. A buyer e-mail ending in ``@bounce.invalid`` issues the invoice
but answers error 56 (notification e-mail failed) with the invoice number.
"""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import quote, quote_plus

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from billing_sandbox_models.szamla_agent import AgentRequest, AgentXmlResponse
from billing_sessions.sandbox.common import login_delay, pdf_bytes
from billing_sessions.sandbox.credentials import DEMO
from billing_sessions.sandbox.state import SandboxState

PROVIDER = "szamla_agent"
COOKIE = "JSESSIONID"
NS = "http://www.szamlazz.hu/"
BOUNCE = "@bounce.invalid"

# file part name -> XML root element
ROOTS = {
    "action-xmlagentxmlfile": "xmlszamla",
    "action-szamla_agent_st": "xmlszamlast",
    "action-szamla_agent_kifiz": "xmlszamlakifiz",
    "action-szamla_agent_pdf": "xmlszamlapdf",
    "action-szamla_agent_xml": "xmlszamlaxml",
    "action-szamla_agent_dijbekero_torlese": "xmlszamladbkdel",
    "action-szamla_agent_nyugta_create": "xmlnyugtacreate",
    "action-szamla_agent_nyugta_storno": "xmlnyugtast",
    "action-szamla_agent_nyugta_get": "xmlnyugtaget",
    "action-szamla_agent_nyugta_send": "xmlnyugtasend",
    "action-szamla_agent_taxpayer": "xmltaxpayer",
}
assert set(ROOTS) == {f.alias for f in AgentRequest.model_fields.values()}, "ROOTS and the spec disagree"

RECEIPT_OPS = {"xmlnyugtacreate", "xmlnyugtast", "xmlnyugtaget", "xmlnyugtasend"}


class AgentError(Exception):
    def __init__(self, code: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.headers = headers or {}


@dataclass
class Invoice:
    number: str
    id: int
    net: float
    gross: float
    outstanding: float
    payment_method: str = "átutalás"
    account_url: str = ""
    proforma: bool = False


@dataclass
class Receipt:
    number: str
    id: int
    gross: float
    reversed: bool = False


@dataclass
class Answer:
    body: bytes
    media_type: str
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Call:
    root: ET.Element
    version: int


# -- XML helpers ---------------------------------------------------------------------------------------------


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def find(node: ET.Element, name: str) -> ET.Element | None:
    for element in node.iter():
        if local(element.tag) == name:
            return element
    return None


def text(node: ET.Element, name: str) -> str | None:
    element = find(node, name)
    if element is None or element.text is None:
        return None
    return element.text.strip()


def number(node: ET.Element, name: str) -> float:
    value = text(node, name)
    try:
        return float(value) if value else 0.0
    except ValueError:
        raise AgentError(57, f"Hibás szám: {name}") from None


def fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def xml_document(root: str, fields: dict[str, object]) -> bytes:
    element = ET.Element(root, xmlns=NS + root)

    def add(parent: ET.Element, name: str, value: object) -> None:
        child = ET.SubElement(parent, name)
        if isinstance(value, dict):
            for key, inner in value.items():
                add(child, key, inner)
        elif isinstance(value, bool):
            child.text = "true" if value else "false"
        elif isinstance(value, float):
            child.text = fmt(value)
        else:
            child.text = str(value)

    for name, value in fields.items():
        if value is not None:
            add(element, name, value)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(element, encoding="unicode").encode()


def invoice_xml(result: AgentXmlResponse) -> bytes:
    return xml_document("xmlszamlavalasz", result.model_dump(exclude_none=True))


def error_answer(error: AgentError, root: str | None) -> Answer:
    headers = {"szlahu_error": quote_plus(error.message), "szlahu_error_code": str(error.code)}
    headers.update(error.headers)
    if root is None:
        return Answer(f"[ERR] {error.message}".encode(), "text/plain; charset=utf-8", headers)
    if root == "xmlszamlavalasz":
        number_ = error.headers.get("szlahu_szamlaszam")
        body = AgentXmlResponse(sikeres=False, hibakod=error.code, hibauzenet=error.message)
        if number_:
            body.szamlaszam = number_
        return Answer(invoice_xml(body), "text/xml; charset=utf-8", headers)
    fields: dict[str, object] = {"sikeres": False, "hibakod": error.code, "hibauzenet": error.message}
    return Answer(xml_document(root, fields), "text/xml; charset=utf-8", headers)


class SzamlaAgent:
    """The Számla Agent endpoint and its data (invoices and receipts)."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state
        self.invoices: dict[str, Invoice] = {}
        self.receipts: dict[str, Receipt] = {}
        self.seq = 0
        self.ops: dict[str, Callable[[Call], Answer]] = {
            "xmlszamla": self.issue,
            "xmlszamlast": self.reverse,
            "xmlszamlakifiz": self.pay,
            "xmlszamlapdf": self.pdf,
            "xmlszamlaxml": self.invoice_data,
            "xmlszamladbkdel": self.delete_proforma,
            "xmlnyugtacreate": self.receipt_create,
            "xmlnyugtast": self.receipt_reverse,
            "xmlnyugtaget": self.receipt_get,
            "xmlnyugtasend": self.receipt_send,
            "xmltaxpayer": self.taxpayer,
        }
        state.on_reset(self.reset)

    def reset(self) -> None:
        self.seq = 1
        self.invoices = {
            "E-TST-2024-1": Invoice(
                "E-TST-2024-1", 1, 10000, 12700, 12700, account_url=self._account_url("Ab12Cd34")
            )
        }
        self.receipts = {"NYGTA-2024-1": Receipt("NYGTA-2024-1", 1, 1270)}

    def routes(self) -> list[BaseRoute]:
        return [Route("/szamla/", self.endpoint, methods=["POST"])]

    # -- request handling ----------------------------------------------------------------------------------

    async def endpoint(self, request: Request) -> Response:
        if self.state.is_down(PROVIDER):
            message = "A rendszer karbantartás miatt nem elérhető. Kérjük, próbálja később."
            answer = error_answer(AgentError(1, message, {"szlahu_down": "true"}), None)
        else:
            answer = await self.handle(request)
        return Response(answer.body, media_type=answer.media_type, headers=answer.headers)

    async def handle(self, request: Request) -> Answer:
        root_name: str | None = None
        try:
            name, raw = await self._xml_part(request)
            call = self._parse(name, raw)
            root_name = self._answer_root(call)
            cookie = await self._authenticate(call, request.cookies.get(COOKIE))
            with self.state.lock:
                answer = self.ops[local(call.root.tag)](call)
        except AgentError as error:
            return error_answer(error, root_name)
        if cookie:
            answer.headers["set-cookie"] = f"{COOKIE}={cookie}; Path=/szamla; HttpOnly"
        return answer

    async def _xml_part(self, request: Request) -> tuple[str, bytes]:
        try:
            form = await request.form()
        except Exception:  # malformed multipart: no XML file can be found in it
            raise AgentError(53, "Hiányzó XML fájl (nem értelmezhető multipart törzs).") from None
        try:
            for name, value in form.multi_items():
                if name in ROOTS and isinstance(value, UploadFile):
                    return name, await value.read()
        finally:
            await form.close()
        raise AgentError(53, "Hiányzó XML fájl: nincs ismert action-* fájlrész.")

    @staticmethod
    def _parse(name: str, raw: bytes) -> Call:
        try:
            # The standard parser does not fetch external entities; expat guards entity expansion.
            root = ET.fromstring(raw)  # noqa: S314
        except ET.ParseError:
            raise AgentError(57, "XML olvasási hiba: a kérés nem értelmezhető XML.") from None
        if local(root.tag) != ROOTS[name]:
            raise AgentError(57, f"XML olvasási hiba: a {name} rész gyökéreleme {ROOTS[name]} kell legyen.")
        version = 2 if text(root, "valaszVerzio") == "2" else 1
        return Call(root, version)

    @staticmethod
    def _answer_root(call: Call) -> str | None:
        op = local(call.root.tag)
        if op in RECEIPT_OPS:
            return "xmlnyugtasendvalasz" if op == "xmlnyugtasend" else "xmlnyugtavalasz"
        if op in {"xmlszamladbkdel", "xmltaxpayer"}:
            return op + "valasz"
        return "xmlszamlavalasz" if call.version == 2 else None

    async def _authenticate(self, call: Call, cookie: str | None) -> str | None:
        """Check the credentials in the XML; the new session cookie to set, if a new session was made."""
        key = text(call.root, "szamlaagentkulcs")
        user, password = text(call.root, "felhasznalo"), text(call.root, "jelszo")
        if key:
            ok, identity = key == DEMO.szamla_agent_key, "key"
        else:
            ok = (user, password) == (DEMO.szamla_username, DEMO.szamla_password)
            identity = "user"
        if not ok:
            self.state.count(PROVIDER, "login_failures")
            await login_delay(self.state)
            raise AgentError(3, "Sikertelen bejelentkezés.")
        session = self.state.use_session(PROVIDER, cookie, ("jsessionid",))
        if session is not None and session.info.get("identity") == identity:
            return None
        await login_delay(self.state)
        idle = self.state.config.szamla_idle
        session = self.state.create_session(PROVIDER, "jsessionid", idle=idle, info={"identity": identity})
        self.state.count(PROVIDER, "logins")
        return session.token

    # -- invoices ------------------------------------------------------------------------------------------

    @staticmethod
    def _account_url(code: str) -> str:
        return f"https://www.szamlazz.hu/szamla/?page=vevoifiok&vfk={code}"

    def _next(self) -> int:
        self.seq += 1
        return self.seq

    def _year(self) -> int:
        return datetime.fromtimestamp(self.state.wall(), UTC).year

    def _invoice(self, call: Call) -> Invoice:
        number_ = text(call.root, "szamlaszam")
        if not number_:
            raise AgentError(7, "Hiányzó adat: szamlaszam.")
        invoice = self.invoices.get(number_)
        if invoice is None:
            raise AgentError(7, f"Nincs ilyen számla: {number_}.")
        return invoice

    @staticmethod
    def _headers(invoice: Invoice) -> dict[str, str]:
        return {
            "szlahu_szamlaszam": quote(invoice.number, safe=""),
            "szlahu_id": str(invoice.id),
            "szlahu_nettovegosszeg": fmt(invoice.net),
            "szlahu_bruttovegosszeg": fmt(invoice.gross),
            "szlahu_kintlevoseg": fmt(invoice.outstanding),
            "szlahu_vevoifiokurl": quote(invoice.account_url, safe=""),
            "szlahu_fizetesmod": quote(invoice.payment_method, safe=""),
        }

    def _invoice_answer(self, call: Call, invoice: Invoice, *, pdf: bool) -> Answer:
        headers = self._headers(invoice)
        if call.version == 2:
            result = AgentXmlResponse(
                sikeres=True,
                szamlaszam=invoice.number,
                vevoifiokurl=invoice.account_url,
                szamlanetto=invoice.net,
                szamlabrutto=invoice.gross,
                kintlevoseg=invoice.outstanding,
                pdf=base64.b64encode(pdf_bytes(invoice.number)).decode() if pdf else None,
            )
            return Answer(invoice_xml(result), "text/xml; charset=utf-8", headers)
        if pdf:
            return Answer(pdf_bytes(invoice.number), "application/pdf", headers)
        done = f"xmlagentresponse=DONE;{invoice.number}".encode()
        return Answer(done, "text/plain; charset=utf-8", headers)

    def _store(
        self, prefix: str, net: float, gross: float, payment_method: str, *, proforma: bool = False
    ) -> Invoice:
        seq = self._next()
        number_ = f"{prefix}-{self._year()}-{seq}"
        url = self._account_url(f"SBX{seq:05d}")
        invoice = Invoice(number_, seq, net, gross, gross, payment_method, url, proforma)
        self.invoices[invoice.number] = invoice
        self.state.count(PROVIDER, "writes_applied")
        return invoice

    def issue(self, call: Call) -> Answer:
        items = [e for e in call.root.iter() if local(e.tag) == "tetel"]
        if not items:
            raise AgentError(7, "Hiányzó adat: legalább egy tétel (tetelek/tetel) kell.")
        net = sum(number(item, "nettoErtek") for item in items)
        gross = sum(number(item, "bruttoErtek") for item in items)
        prefix = text(call.root, "szamlaszamElotag") or "SBX"
        invoice = self._store(
            prefix,
            net,
            gross,
            text(call.root, "fizmod") or "átutalás",
            proforma=text(call.root, "dijbekero") == "true",
        )
        email = text(call.root, "email") or ""
        if email.endswith(BOUNCE):
            raise AgentError(56, "Az értesítő e-mail kiküldése sikertelen.", self._headers(invoice))
        return self._invoice_answer(call, invoice, pdf=text(call.root, "szamlaLetoltes") != "false")

    def reverse(self, call: Call) -> Answer:
        original = self._invoice(call)
        reversal = self._store(
            original.number.rsplit("-", 2)[0] if original.number.count("-") >= 2 else "SBX",
            -original.net,
            -original.gross,
            original.payment_method,
        )
        reversal.outstanding = 0.0
        original.outstanding = 0.0
        return self._invoice_answer(call, reversal, pdf=text(call.root, "szamlaLetoltes") != "false")

    def pay(self, call: Call) -> Answer:
        invoice = self._invoice(call)
        paid = sum(number(e, "osszeg") for e in call.root.iter() if local(e.tag) == "kifizetes")
        invoice.outstanding = max(0.0, invoice.outstanding - paid)
        self.state.count(PROVIDER, "writes_applied")
        return self._invoice_answer(call, invoice, pdf=False)

    def pdf(self, call: Call) -> Answer:
        return self._invoice_answer(call, self._invoice(call), pdf=True)

    def invoice_data(self, call: Call) -> Answer:
        invoice = self._invoice(call)
        fields: dict[str, object] = {
            "alap": {"id": invoice.id, "szamlaszam": invoice.number, "fizmod": invoice.payment_method},
            "osszegek": {"totalossz": {"netto": invoice.net, "brutto": invoice.gross}},
            "kintlevoseg": invoice.outstanding,
            "vevoifiokurl": invoice.account_url,
        }
        return Answer(xml_document("szamla", fields), "text/xml; charset=utf-8", self._headers(invoice))

    def delete_proforma(self, call: Call) -> Answer:
        invoice = self._invoice(call)
        if not invoice.proforma:
            raise AgentError(7, f"A számla nem díjbekérő: {invoice.number}.")
        del self.invoices[invoice.number]
        self.state.count(PROVIDER, "writes_applied")
        return Answer(xml_document("xmlszamladbkdelvalasz", {"sikeres": True}), "text/xml; charset=utf-8")

    # -- receipts and taxpayers ----------------------------------------------------------------------------

    def _receipt(self, call: Call) -> Receipt:
        number_ = text(call.root, "nyugtaszam")
        if not number_:
            raise AgentError(7, "Hiányzó adat: nyugtaszam.")
        receipt = self.receipts.get(number_)
        if receipt is None:
            raise AgentError(7, f"Nincs ilyen nyugta: {number_}.")
        return receipt

    def _receipt_answer(self, call: Call, receipt: Receipt) -> Answer:
        fields: dict[str, object] = {
            "sikeres": True,
            "nyugta": {
                "alap": {"id": receipt.id, "nyugtaszam": receipt.number, "stornozott": receipt.reversed},
                "osszegek": {"totalossz": {"brutto": receipt.gross}},
            },
        }
        if text(call.root, "pdfLetoltes") == "true":
            fields["nyugtaPdf"] = base64.b64encode(pdf_bytes(receipt.number)).decode()
        return Answer(xml_document("xmlnyugtavalasz", fields), "text/xml; charset=utf-8")

    def receipt_create(self, call: Call) -> Answer:
        items = [e for e in call.root.iter() if local(e.tag) == "tetel"]
        if not items:
            raise AgentError(7, "Hiányzó adat: legalább egy tétel kell.")
        seq = self._next()
        prefix = text(call.root, "elotag") or "NYGTA"
        receipt = Receipt(f"{prefix}-{self._year()}-{seq}", seq, sum(number(i, "brutto") for i in items))
        self.receipts[receipt.number] = receipt
        self.state.count(PROVIDER, "writes_applied")
        return self._receipt_answer(call, receipt)

    def receipt_reverse(self, call: Call) -> Answer:
        original = self._receipt(call)
        original.reversed = True
        seq = self._next()
        reversal = Receipt(f"{original.number}-S{seq}", seq, -original.gross, reversed=True)
        self.receipts[reversal.number] = reversal
        self.state.count(PROVIDER, "writes_applied")
        return self._receipt_answer(call, reversal)

    def receipt_get(self, call: Call) -> Answer:
        return self._receipt_answer(call, self._receipt(call))

    def receipt_send(self, call: Call) -> Answer:
        self._receipt(call)
        return Answer(xml_document("xmlnyugtasendvalasz", {"sikeres": True}), "text/xml; charset=utf-8")

    def taxpayer(self, call: Call) -> Answer:
        tax_number = text(call.root, "torzsszam")
        if not tax_number or not tax_number.isdigit() or len(tax_number) != 8:
            raise AgentError(7, "Hiányzó vagy hibás adat: torzsszam (8 számjegy).")
        fields: dict[str, object] = {
            "sikeres": True,
            "taxpayerValidity": True,
            "taxpayerData": {"taxpayerName": f"Sandbox {tax_number} Kft.", "taxNumber": tax_number},
        }
        return Answer(xml_document("xmltaxpayervalasz", fields), "text/xml; charset=utf-8")
