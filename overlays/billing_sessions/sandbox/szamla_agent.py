"""Számla Agent at ``/szamla/``: multipart with one XML file part, auth inside the XML, JSESSIONID cookies.

Rules (see specs/szamla_agent.yaml): the operation is the name of the ``action-*`` part, which must be a file
part (else error 53); the XML is read namespace-agnostic and checked against the spec's schema for its root
with the package's codec (unreadable, wrong root or an invalid element: error 57 naming the element; a
missing required element: error 7); the agent key
``<szamlaagentkulcs>`` (or ``<felhasznalo>`` + ``<jelszo>``) must match (else error 3). A missing, unknown or
idle-expired cookie silently gets a new session (``Set-Cookie``); a live one is reused, its idle timer reset.
Errors are HTTP 200 with ``szlahu_error`` (URL-encoded) and ``szlahu_error_code``; while down every call
answers ``szlahu_down`` with error code 1. A buyer e-mail ending in ``@bounce.invalid`` issues the invoice
but answers error 56 (notification e-mail failed) with the invoice number.

Lookups for exactly-once writes: ``xmlszamlaxml`` with ``szamlaKulsoAzon`` (and no number) finds the invoice
issued (or reversal made) with that external id, ``xmlnyugtaget`` with ``hivasAzonosito`` the receipt made
with that call id; nothing found answers error 7. A new document is found that way only
``szamla_query_delay`` seconds (sandbox clock, default 5) after it was made: the spec's assumption, modelled.
Each document made with an id is recorded (``references``, ``duplicate_references``): the Agent itself
enforces no uniqueness, so a second document with one id is a duplicate.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, quote_plus

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from billing_sessions.sandbox.common import login_delay, pdf_bytes
from billing_sessions.sandbox.credentials import DEMO, account_index
from billing_sessions.sandbox.state import SandboxState
from billing_sessions.szamla_xml import AgentXmlError, from_xml, to_xml
from billing_sessions_generated.sandbox_models.szamla_agent import AgentRequest
from billing_sessions_generated.szamla_agent import models as m
from billing_sessions_generated.szamla_agent.types import UNSET

__all__ = [
    "BOUNCE",
    "COOKIE",
    "NS",
    "PROVIDER",
    "RECEIPT_OPS",
    "ROOTS",
    "XML",
    "AgentError",
    "Answer",
    "Call",
    "Invoice",
    "Receipt",
    "SzamlaAgent",
    "error_answer",
    "fmt",
    "xml_error",
]

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
XML = "text/xml; charset=utf-8"


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
    request: m.Xmlszamla | None = None
    reversed_by: str | None = None
    payments: list[m.SzamlaKifizetes] = field(default_factory=list)
    external_id: str | None = None  # szamlaKulsoAzon
    created: float = 0.0  # sandbox clock: found by its external id only ``szamla_query_delay`` later


@dataclass
class Receipt:
    number: str
    id: int
    gross: float
    reversed: bool = False
    request: m.Xmlnyugtacreate | None = None
    call_id: str | None = None  # hivasAzonosito
    created: float = 0.0


@dataclass
class Answer:
    body: bytes
    media_type: str
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Call:
    root: str
    model: Any
    owned: dict[str, str]
    version: int


def fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def xml_error(root: str, error: AgentError) -> bytes:
    """The ``sikeres=false`` answer document of ``root`` (every answer root has these three fields)."""
    classes: dict[str, Any] = {
        "xmlszamlavalasz": m.AgentXmlResponse,
        "xmlnyugtavalasz": m.Xmlnyugtavalasz,
        "xmlnyugtasendvalasz": m.Xmlnyugtasendvalasz,
        "xmlszamladbkdelvalasz": m.Xmlszamladbkdelvalasz,
    }
    cls = classes[root]
    answer = cls(sikeres=False, hibakod=error.code, hibauzenet=error.message)
    if root == "xmlszamlavalasz" and error.headers.get("szlahu_szamlaszam"):
        answer.szamlaszam = error.headers["szlahu_szamlaszam"]
    return to_xml(answer)


def error_answer(error: AgentError, root: str | None) -> Answer:
    headers = {"szlahu_error": quote_plus(error.message), "szlahu_error_code": str(error.code)}
    headers.update(error.headers)
    if root is None or root == "QueryTaxpayerResponse":
        return Answer(f"[ERR] {error.message}".encode(), "text/plain; charset=utf-8", headers)
    return Answer(xml_error(root, error), XML, headers)


def _set(value: Any) -> Any:
    return None if value is UNSET else value


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
                answer = self.ops[call.root](call)
        except AgentError as error:
            return error_answer(error, root_name)
        if cookie:
            # Partitioned (CHIPS) as browsers see it today: a client must not drop the cookie for it.
            answer.headers["set-cookie"] = f"{COOKIE}={cookie}; Path=/szamla; HttpOnly; Partitioned"
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
        """Read the request with the codec, strictly: the spec's schema for the root decides what is valid."""
        owned: dict[str, str] = {}
        try:
            model = from_xml(raw, owned=owned, strict=True)
        except AgentXmlError as error:
            if error.missing:
                raise AgentError(7, f"Hiányzó adat: {error.element}.") from None
            where = f" ({error.element})" if error.element else ""
            raise AgentError(57, f"XML olvasási hiba{where}: {error}") from None
        root = ROOTS[name]
        if type(model).__name__.lower() != root:
            raise AgentError(57, f"XML olvasási hiba: a {name} rész gyökéreleme {root} kell legyen.")
        return Call(root, model, owned, 2 if owned.get("valaszVerzio") == "2" else 1)

    @staticmethod
    def _answer_root(call: Call) -> str | None:
        if call.root in RECEIPT_OPS:
            return "xmlnyugtasendvalasz" if call.root == "xmlnyugtasend" else "xmlnyugtavalasz"
        if call.root == "xmlszamladbkdel":
            return "xmlszamladbkdelvalasz"
        if call.root == "xmltaxpayer":
            return "QueryTaxpayerResponse"
        return "xmlszamlavalasz" if call.version == 2 else None

    async def _authenticate(self, call: Call, cookie: str | None) -> str | None:
        """Check the credentials in the XML; the new session cookie to set, if a new session was made."""
        key = call.owned.get("szamlaagentkulcs")
        user, password = call.owned.get("felhasznalo"), call.owned.get("jelszo")
        account: int | None = 0
        if key:
            account = account_index(key, DEMO.szamla_agent_key, self.state.config.accounts)
            ok, identity = account is not None, "key" if not account else f"key-{account}"
        else:
            ok = (user, password) == (DEMO.szamla_username, DEMO.szamla_password)
            identity = "user"
        if not ok or account is None:
            self.state.count(PROVIDER, "login_failures")
            await login_delay(self.state)
            raise AgentError(3, "Sikertelen bejelentkezés.")
        session = self.state.use_session(PROVIDER, cookie, ("jsessionid",))
        holder = None if session is None else int(session.info.get("account", "0"))
        self.state.saw_credential(PROVIDER, account, holder)
        if session is not None and session.info.get("identity") == identity:
            return None
        await login_delay(self.state)
        idle = self.state.config.szamla_idle
        info = {"identity": identity, "account": str(account)}
        session = self.state.create_session(PROVIDER, "jsessionid", idle=idle, info=info)
        self.state.count(PROVIDER, "logins")
        return session.token

    # -- invoices ------------------------------------------------------------------------------------------

    @staticmethod
    def _account_url(code: str) -> str:
        return f"https://www.szamlazz.hu/szamla/?page=vevoifiok&vfk={code}"

    def _next(self) -> int:
        self.seq += 1
        return self.seq

    def _today(self) -> dt.date:
        return dt.datetime.fromtimestamp(self.state.wall(), dt.UTC).date()

    def _year(self) -> int:
        return self._today().year

    def _find(self, number_: str | None) -> Invoice:
        invoice = self.invoices.get(number_ or "")
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
            result = m.AgentXmlResponse(
                sikeres=True,
                szamlaszam=invoice.number,
                vevoifiokurl=invoice.account_url,
                szamlanetto=invoice.net,
                szamlabrutto=invoice.gross,
                kintlevoseg=invoice.outstanding,
            )
            if pdf:
                result.pdf = base64.b64encode(pdf_bytes(invoice.number)).decode()
            return Answer(to_xml(result), XML, headers)
        if pdf:
            return Answer(pdf_bytes(invoice.number), "application/pdf", headers)
        done = f"xmlagentresponse=DONE;{invoice.number}".encode()
        return Answer(done, "text/plain; charset=utf-8", headers)

    def _store(self, prefix: str, net: float, gross: float, payment_method: str, **kw: Any) -> Invoice:
        seq = self._next()
        number_ = f"{prefix}-{self._year()}-{seq}"
        url = self._account_url(f"SBX{seq:05d}")
        invoice = Invoice(
            number_, seq, net, gross, gross, payment_method, url, created=self.state.now(), **kw
        )
        self.invoices[invoice.number] = invoice
        self.state.count(PROVIDER, "writes_applied")
        self._created(invoice.external_id)
        return invoice

    def _created(self, identifier: str | None) -> None:
        """A document with an external id or call id was made: counted, so tests see any second one (the
        Agent itself enforces no uniqueness: a re-sent invoice is a second invoice)."""
        if identifier:
            self.state.record_reference(PROVIDER, identifier)

    def _visible(self, created: float) -> bool:
        return self.state.now() >= created + self.state.config.szamla_query_delay

    def _by_external_id(self, external_id: str) -> Invoice:
        """The invoice issued with ``external_id`` (the first, if several), once it can be queried."""
        for invoice in self.invoices.values():
            if invoice.external_id == external_id and self._visible(invoice.created):
                return invoice
        raise AgentError(7, "Nincs ilyen számla (külső azonosító).")

    def issue(self, call: Call) -> Answer:
        model: m.Xmlszamla = call.model
        net = sum(item.netto_ertek for item in model.tetelek)
        gross = sum(item.brutto_ertek for item in model.tetelek)
        invoice = self._store(
            _set(model.fejlec.szamlaszam_elotag) or "SBX",
            net,
            gross,
            model.fejlec.fizmod,
            proforma=_set(model.fejlec.dijbekero) is True,
            request=model,
            external_id=_set(model.beallitasok.szamla_kulso_azon),
        )
        email = _set(model.vevo.email) or ""
        if email.endswith(BOUNCE):
            raise AgentError(56, "Az értesítő e-mail kiküldése sikertelen.", self._headers(invoice))
        return self._invoice_answer(call, invoice, pdf=model.beallitasok.szamla_letoltes)

    def reverse(self, call: Call) -> Answer:
        model: m.Xmlszamlast = call.model
        original = self._find(model.fejlec.szamlaszam)
        if original.reversed_by is not None:
            raise AgentError(57, f"A számla már sztornózva: {original.number} ({original.reversed_by}).")
        reversal = self._store(
            original.number.rsplit("-", 2)[0] if original.number.count("-") >= 2 else "SBX",
            -original.net,
            -original.gross,
            original.payment_method,
            external_id=_set(model.beallitasok.szamla_kulso_azon),
        )
        reversal.outstanding = 0.0
        original.outstanding = 0.0
        original.reversed_by = reversal.number
        return self._invoice_answer(call, reversal, pdf=model.beallitasok.szamla_letoltes)

    def pay(self, call: Call) -> Answer:
        model: m.Xmlszamlakifiz = call.model
        invoice = self._find(model.beallitasok.szamlaszam)
        entries = [
            m.SzamlaKifizetes(datum=k.datum, jogcim=k.jogcim, osszeg=k.osszeg, megjegyzes=k.leiras)
            for k in (_set(model.kifizetes) or [])
        ]
        invoice.payments = (invoice.payments if model.beallitasok.additiv else []) + entries
        paid = sum(entry.osszeg for entry in invoice.payments)
        invoice.outstanding = max(0.0, invoice.gross - paid)
        self.state.count(PROVIDER, "writes_applied")
        return self._invoice_answer(call, invoice, pdf=False)

    def pdf(self, call: Call) -> Answer:
        model: m.Xmlszamlapdf = call.model
        return self._invoice_answer(call, self._find(_set(model.szamlaszam)), pdf=True)

    def invoice_data(self, call: Call) -> Answer:
        model: m.Xmlszamlaxml = call.model
        number_, external_id = _set(model.szamlaszam), _set(model.szamla_kulso_azon)
        invoice = self._by_external_id(external_id) if external_id and not number_ else self._find(number_)
        answer = self._szamla(invoice)
        if _set(model.pdf):
            answer.pdf = base64.b64encode(pdf_bytes(invoice.number)).decode()
        return Answer(to_xml(answer), XML, self._headers(invoice))

    def _szamla(self, invoice: Invoice) -> m.Szamla:
        """The invoice data document: the request as issued, with the sandbox's numbers and totals."""
        req, today = invoice.request, self._today()
        items = req.tetelek if req is not None else []
        vevo = req.vevo if req is not None else None
        lines = [
            m.SzamlaTetel(
                nev=t.megnevezes,
                mennyiseg=t.mennyiseg,
                mennyisegiegyseg=t.mennyisegi_egyseg,
                nettoegysegar=t.netto_egysegar,
                afakulcs=float(t.afakulcs) if t.afakulcs.replace(".", "", 1).isdigit() else 0.0,
                netto=t.netto_ertek,
                afa=t.afa_ertek,
                brutto=t.brutto_ertek,
                sztetordering=i,
            )
            for i, t in enumerate(items, 1)
        ]
        return m.Szamla(
            szallito=m.SzamlaSzallito(
                id=1,
                nev="Sandbox Kft.",
                cim=m.SzamlaCim(irsz="1011", telepules="Budapest", cim="Sandbox utca 1."),
                adoszam="12345678-2-41",
            ),
            alap=m.SzamlaAlap(
                id=invoice.id,
                szamlaszam=invoice.number,
                gazd_esem_azon=invoice.id,
                tipus="SZ" if invoice.gross >= 0 else "SS",
                eszamla=0,
                kelt=_set(req.fejlec.kelt_datum) or today if req is not None else today,
                telj=req.fejlec.teljesites_datum if req is not None else today,
                fizh=req.fejlec.fizetesi_hatarido_datum if req is not None else today,
                fizmod=invoice.payment_method,
                fizmodunified="átutalás",
                keszpenz=False,
                nyelv=req.fejlec.szamla_nyelve if req is not None else "hu",
                devizanem=req.fejlec.penznem if req is not None else "HUF",
                penzforg=False,
                kata=False,
                katafokonyv=False,
                teszt=True,
                sztornozott=invoice.reversed_by is not None,
            ),
            vevo=m.SzamlaVevo(
                nev=vevo.nev if vevo is not None else "Sandbox Vevő",
                cim=m.SzamlaCim(
                    irsz=vevo.irsz if vevo is not None else "1011",
                    telepules=vevo.telepules if vevo is not None else "Budapest",
                    cim=vevo.cim if vevo is not None else "Fő utca 1.",
                ),
                adoszam=(_set(vevo.adoszam) if vevo is not None else None) or "",
                lokacio=1,
                private_person_indicator=False,
            ),
            tetelek=lines
            or [
                m.SzamlaTetel(
                    nev="Sandbox",
                    mennyiseg=1.0,
                    mennyisegiegyseg="db",
                    nettoegysegar=invoice.net,
                    afakulcs=27.0,
                    netto=invoice.net,
                    afa=invoice.gross - invoice.net,
                    brutto=invoice.gross,
                    sztetordering=1,
                )
            ],
            osszegek=m.SzamlaOsszegek(
                afakulcsossz=[
                    m.SzamlaAfakulcsossz(
                        afakulcs=27.0,
                        netto=invoice.net,
                        afa=invoice.gross - invoice.net,
                        brutto=invoice.gross,
                    )
                ],
                totalossz=m.SzamlaTotalossz(
                    netto=invoice.net, afa=invoice.gross - invoice.net, brutto=invoice.gross
                ),
            ),
            kifizetesek=list(invoice.payments) or UNSET,
        )

    def delete_proforma(self, call: Call) -> Answer:
        model: m.Xmlszamladbkdel = call.model
        number_ = _set(model.fejlec.szamlaszam) or _set(model.fejlec.rendelesszam)
        invoice = self._find(number_)
        if not invoice.proforma:
            raise AgentError(7, f"A számla nem díjbekérő: {invoice.number}.")
        del self.invoices[invoice.number]
        self.state.count(PROVIDER, "writes_applied")
        return Answer(to_xml(m.Xmlszamladbkdelvalasz(sikeres=True)), XML)

    # -- receipts and taxpayers ----------------------------------------------------------------------------

    def _receipt(self, number_: str | None) -> Receipt:
        receipt = self.receipts.get(number_ or "")
        if receipt is None:
            raise AgentError(7, f"Nincs ilyen nyugta: {number_}.")
        return receipt

    def _receipt_answer(self, receipt: Receipt, pdf: bool) -> Answer:
        req = receipt.request
        lines = [
            m.XmlnyugtavalaszTetel(
                megnevezes=t.megnevezes,
                netto_egysegar=t.netto_egysegar,
                mennyiseg=t.mennyiseg,
                mennyisegi_egyseg=t.mennyisegi_egyseg,
                netto=t.netto,
                afakulcs=float(t.afakulcs) if t.afakulcs.replace(".", "", 1).isdigit() else 0.0,
                afa=t.afa,
                brutto=t.brutto,
            )
            for t in (req.tetelek if req is not None else [])
        ] or [
            m.XmlnyugtavalaszTetel(
                megnevezes="Sandbox",
                netto_egysegar=receipt.gross,
                mennyiseg=1.0,
                mennyisegi_egyseg="db",
                netto=receipt.gross,
                afakulcs=0.0,
                afa=0.0,
                brutto=receipt.gross,
            )
        ]
        sign = -1.0 if receipt.gross < 0 else 1.0
        net, vat = sign * abs(sum(t.netto for t in lines)), sign * abs(sum(t.afa for t in lines))
        nyugta = m.XmlnyugtavalaszNyugta(
            alap=m.XmlnyugtavalaszAlap(
                id=receipt.id,
                hivas_azonosito=receipt.call_id or UNSET,
                nyugtaszam=receipt.number,
                tipus="SN" if receipt.gross < 0 else "NY",
                stornozott=receipt.reversed,
                kelt=self._today(),
                fizmod=req.fejlec.fizmod if req is not None else "készpénz",
                penznem=req.fejlec.penznem if req is not None else "HUF",
                teszt=True,
            ),
            tetelek=lines,
            osszegek=m.XmlnyugtavalaszOsszegek(
                afakulcsossz=[
                    m.XmlnyugtavalaszAfakulcsossz(afakulcs=0.0, netto=net, afa=vat, brutto=receipt.gross)
                ],
                totalossz=m.XmlnyugtavalaszTotalossz(netto=net, afa=vat, brutto=receipt.gross),
            ),
        )
        answer = m.Xmlnyugtavalasz(sikeres=True, nyugta=nyugta)
        if pdf:
            answer.nyugta_pdf = base64.b64encode(pdf_bytes(receipt.number)).decode()
        return Answer(to_xml(answer), XML)

    def receipt_create(self, call: Call) -> Answer:
        model: m.Xmlnyugtacreate = call.model
        seq = self._next()
        gross = sum(t.brutto for t in model.tetelek)
        call_id = _set(model.fejlec.hivas_azonosito)
        number_ = f"{model.fejlec.elotag}-{self._year()}-{seq}"
        receipt = Receipt(number_, seq, gross, request=model, call_id=call_id, created=self.state.now())
        self.receipts[receipt.number] = receipt
        self.state.count(PROVIDER, "writes_applied")
        self._created(call_id)
        return self._receipt_answer(receipt, model.beallitasok.pdf_letoltes)

    def receipt_reverse(self, call: Call) -> Answer:
        model: m.Xmlnyugtast = call.model
        original = self._receipt(model.fejlec.nyugtaszam)
        if original.reversed:
            raise AgentError(57, f"A nyugta már sztornózva: {original.number}.")
        original.reversed = True
        seq = self._next()
        call_id = _set(model.fejlec.hivas_azonosito)
        reversal = Receipt(
            f"{original.number}-S{seq}",
            seq,
            -original.gross,
            True,
            original.request,
            call_id,
            self.state.now(),
        )
        self.receipts[reversal.number] = reversal
        self.state.count(PROVIDER, "writes_applied")
        self._created(call_id)
        return self._receipt_answer(reversal, model.beallitasok.pdf_letoltes)

    def receipt_get(self, call: Call) -> Answer:
        model: m.Xmlnyugtaget = call.model
        number_, call_id = _set(model.fejlec.nyugtaszam), _set(model.fejlec.hivas_azonosito)
        if call_id and not number_:
            found = (r for r in self.receipts.values() if r.call_id == call_id and self._visible(r.created))
            receipt = next(found, None)
            if receipt is None:
                raise AgentError(7, "Nincs ilyen nyugta (hívásazonosító).")
        else:
            receipt = self._receipt(number_)
        return self._receipt_answer(receipt, model.beallitasok.pdf_letoltes)

    def receipt_send(self, call: Call) -> Answer:
        model: m.Xmlnyugtasend = call.model
        self._receipt(model.fejlec.nyugtaszam)
        return Answer(to_xml(m.Xmlnyugtasendvalasz(sikeres=True)), XML)

    def taxpayer(self, call: Call) -> Answer:
        model: m.Xmltaxpayer = call.model
        tax_number = model.torzsszam
        if not tax_number.isdigit() or len(tax_number) != 8:
            raise AgentError(57, "XML olvasási hiba (torzsszam): 8 számjegy kell.")
        answer = m.QueryTaxpayerResponse(
            result=m.QueryTaxpayerResponseResult(func_code="OK"),
            info_date=f"{self._today().isoformat()}T00:00:00.000Z",
            taxpayer_validity=True,
            taxpayer_data=m.QueryTaxpayerResponseTaxpayerData(
                taxpayer_name=f"Sandbox {tax_number} Kft.",
                tax_number_detail=m.QueryTaxpayerResponseTaxNumberDetail(
                    taxpayer_id=tax_number, vat_code="2", county_code="41"
                ),
                incorporation="ORGANIZATION",
            ),
        )
        return Answer(to_xml(answer), XML)
