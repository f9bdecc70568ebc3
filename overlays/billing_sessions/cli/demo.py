"""``billing-sessions demo``: every provider end to end on the embedded sandbox, each session event shown.

It exits 0 only if every check held (the sandbox's own counters are the witness).
"""

from __future__ import annotations

import datetime
import logging
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.logging import RichHandler
from rich.table import Table

from billing_sessions import UntrustedSession, bill, bill_v3, billingplatform, gestix, szamla_agent
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import FileStore
from billing_sessions_generated.bill_v3.api.vendors import create_vendor
from billing_sessions_generated.bill_v3.models import Address, VendorCreate
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine
from billing_sessions_generated.szamla_agent.models import (
    Xmlszamla,
    XmlszamlaBeallitasok,
    XmlszamlaElado,
    XmlszamlaFejlec,
    XmlszamlaTetel,
    XmlszamlaVevo,
)

__all__ = ["INVOICE", "TODAY", "Demo", "OffsetClock", "run"]

TODAY = datetime.date(2026, 11, 23)
INVOICE = Xmlszamla(  # a typed Számla Agent invoice: the session adds the agent key and the answer form
    beallitasok=XmlszamlaBeallitasok(eszamla=False, szamla_letoltes=True),
    fejlec=XmlszamlaFejlec(
        teljesites_datum=TODAY,
        fizetesi_hatarido_datum=TODAY + datetime.timedelta(days=8),
        fizmod="Átutalás",
        penznem="HUF",
        szamla_nyelve="hu",
    ),
    elado=XmlszamlaElado(),
    vevo=XmlszamlaVevo(nev="Demo Kft.", irsz="1011", telepules="Budapest", cim="Fő utca 1."),
    tetelek=[
        XmlszamlaTetel(
            megnevezes="Demo",
            mennyiseg=1.0,
            mennyisegi_egyseg="db",
            netto_egysegar=10000.0,
            afakulcs="27",
            netto_ertek=10000.0,
            afa_ertek=2700.0,
            brutto_ertek=12700.0,
        )
    ],
)


class OffsetClock:
    """The client's clock, moved together with the sandbox's (idle expiry without sleeping)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


class Demo:
    def __init__(self, console: Console, options: dict[str, Any] | None = None) -> None:
        self.console = console
        self.options = options or {}  # for every session: OpenTelemetry providers with --otel
        self.failed: list[str] = []
        self.retries: dict[str, int] = {}

    def step(self, text: str) -> None:
        self.console.print(f"[bold cyan]>[/] {text}")

    def check(self, what: str, ok: bool) -> None:
        mark = "[green]ok[/]" if ok else "[bold red]FAILED[/]"
        self.console.print(f"  {mark} {what}")
        if not ok:
            self.failed.append(what)

    def gestix(self, sb: Sandbox, store: FileStore) -> None:
        self.console.rule("Gestix: xa-token, nonces, 403 re-login")
        with gestix.Session(
            sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=store, **self.options
        ) as s:
            self.step("GET /status (logs in with the API token)")
            status = s.status()
            self.step(f"GET /status again (reuses the token): {status.status!r}")
            s.status()
            nonces = []
            for i in range(3):
                create_invoice.sync_detailed(
                    client=s.client,
                    body=DocumentInput(lines=[DocumentLine(article_code=f"A{i}", quantity=1.0)]),
                )
                nonces.append(sb.state.last_nonce() or 0)
            self.step(f"3 invoices, nonces sent: {nonces}")
            self.check("nonces strictly increasing", nonces == sorted(set(nonces)))
            self.step("the sandbox expires every session; next call meets a 403")
            sb.state.expire_all("gestix")
            s.status()
            self.retries["gestix"] = s.auth.reauths
        counters = sb.state.counters("gestix")
        self.check("2 logins (one per expiry)", counters["logins"] == 2)
        self.check("0 nonce rejections", counters["nonce_rejections"] == 0)

    def szamla(self, sb: Sandbox, store: FileStore) -> None:
        self.console.rule("Számla Agent: JSESSIONID stored and reused")
        for n in (1, 2):
            with szamla_agent.Session(
                sb.base_url("szamla_agent"), agent_key=DEMO.szamla_agent_key, store=store, **self.options
            ) as s:
                result = s.create_invoice(INVOICE)
                size = len(result.pdf or b"")
                self.step(
                    f"session object {n}: typed invoice {result.invoice_number}, "
                    f"gross {result.gross_total:.0f} HUF, PDF of {size} bytes"
                )
                self.retries["szamla_agent"] = s.auth.reauths
        created = sb.state.counters("szamla_agent")["sessions_created"]
        self.check("the second session reused the cookie from the file store (1 session)", created == 1)

    def bill(self, sb: Sandbox) -> None:
        self.console.rule("BILL: form-body session, 35-minute idle renewal, logout")
        clock = OffsetClock()
        with bill.Session(
            sb.base_url("bill"),
            user_name=DEMO.bill_user_name,
            password=DEMO.bill_password,
            org_id=DEMO.bill_org_id,
            dev_key=DEMO.bill_dev_key,
            clock=clock,
            **self.options,
        ) as s:
            self.step("GetSessionInfo.json (logs in)")
            s.session_info()
            self.step("34.5 minutes pass on both clocks: the session is renewed before it is used")
            clock.offset += 34.5 * 60
            sb.state.advance(34.5 * 60)
            s.session_info()
            record = s.create("Customer", {"name": "Demo customer"})
            self.step(f"Crud/Create/Customer.json -> id {record.id}")
            self.retries["bill"] = s.auth.reauths
        counters = sb.state.counters("bill")
        self.check("renewed without meeting a dead session", counters["expired_rejections"] == 0)
        self.check("2 logins, 1 logout", (counters["logins"], counters["logouts"]) == (2, 1))
        self.check("no credential or session id in a query string", counters["pii_refusals"] == 0)

    def bill_v3(self, sb: Sandbox, store: FileStore) -> None:
        self.console.rule("BILL v3: header session, MFA trust made once and reused by a later session")
        account = {
            "username": DEMO.bill_user_name,
            "password": DEMO.bill_password,
            "organization_id": DEMO.bill_org_id,
            "dev_key": DEMO.bill_dev_key,
            "store": store,
            "logout_on_close": True,
        }
        autopay = VendorCreate(name="Demo autopay vendor", address=Address(country="US"), auto_pay=True)
        with bill_v3.Session(sb.base_url("bill_v3"), **account) as s:  # type: ignore[arg-type]
            self.step(f"GET /v3/login/session (logs in): trusted={s.trusted}")
            s.session_info()
            answer = create_vendor.sync_detailed(client=s.client, body=autopay)
            try:
                bill_v3.result(answer)
                refused: Exception | None = None
            except UntrustedSession as error:
                refused = error
            self.step(f"a vendor with autoPay needs trust: {type(refused).__name__} ({answer.status_code})")
            self.check("403 BDC_1361 raises UntrustedSession", refused is not None)
            challenge = s.mfa_challenge()
            code = sb.state.mfa_code() or ""
            self.step("MFA challenge: the sandbox texted a code (read from its state, as a person would)")
            s.mfa_validate(challenge, code, device="demo-laptop")
            self.step(f"validated with remember-me: trusted={s.trusted}, the rememberMeId kept in the store")
            created = create_vendor.sync_detailed(client=s.client, body=autopay)
            self.check("the autopay vendor is created once trusted", created.status_code == 201)
        with bill_v3.Session(sb.base_url("bill_v3"), device="demo-laptop", **account) as later:  # type: ignore[arg-type]
            later.session_info()
            self.step(f"a later session on the same store logs in trusted: trusted={later.trusted}")
            self.check("the later session is trusted without a new challenge", later.trusted)
            self.retries["bill_v3"] = later.auth.reauths
        counters = sb.state.counters("bill_v3")
        self.check(
            "1 text message, 2 logins, 2 logouts",
            (counters["mfa_texts"], counters["logins"], counters["logouts"]) == (1, 2, 2),
        )

    def billingplatform(self, sb: Sandbox) -> None:
        self.console.rule("BillingPlatform: sessionid header, 401 re-login, logout once")
        with billingplatform.Session(
            sb.base_url("billingplatform"),
            username=DEMO.bp_username,
            password=DEMO.bp_password,
            **self.options,
        ) as s:
            rows = s.query("SELECT Id, Name FROM ACCOUNT")
            self.step(f"query: {len(rows)} ACCOUNT records")
            sb.state.expire_all("billingplatform")
            self.step("the sandbox expires the session; the next call meets a 401")
            s.query("SELECT Id FROM ACCOUNT")
            self.retries["billingplatform"] = s.auth.reauths
        counters = sb.state.counters("billingplatform")
        self.check("2 logins, 1 logout", (counters["logins"], counters["logouts"]) == (2, 1))

    def table(self, sb: Sandbox) -> Table:
        # What the sandbox refused, one column per cause (a sum would hide which one happened).
        table = Table(
            title="billing-sessions demo (sandbox counters)",
            caption="nonce rejected: writes refused for their nonce; PII refused: credentials sent in a "
            "query string; dead session: calls that met an expired session (each healed by one re-login)",
        )
        columns = ("provider", "calls", "logins", "retries", "nonce rejected", "PII refused", "dead session")
        for column in (*columns, "logouts"):
            table.add_column(column, justify="left" if column == "provider" else "right")
        for provider in ("gestix", "szamla_agent", "bill", "bill_v3", "billingplatform"):
            c = sb.state.counters(provider)
            table.add_row(
                provider,
                str(c["requests"]),
                str(c["logins"]),
                str(self.retries.get(provider, 0)),
                str(c["nonce_rejections"]),
                str(c["pii_refusals"]),
                str(c["expired_rejections"]),
                str(c["logouts"]),
            )
        return table


def run(otel: bool = False) -> int:
    console = Console()
    recorder = None
    if otel:
        from billing_sessions.cli.otel import Recorder

        recorder = Recorder()
    handler = RichHandler(console=console, show_time=False, show_path=False, markup=False)
    logger = logging.getLogger("billing_sessions")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    demo = Demo(console, recorder.options() if recorder is not None else None)
    try:
        with Sandbox() as sb, tempfile.TemporaryDirectory() as tmp:
            console.print(f"sandbox listening on {sb.url}")
            store = FileStore(Path(tmp) / "sessions.json")
            demo.gestix(sb, store)
            demo.szamla(sb, store)
            demo.bill(sb)
            demo.bill_v3(sb, store)
            demo.billingplatform(sb)
            console.print(demo.table(sb))
            if recorder is not None:
                recorder.print(console)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    if demo.failed:
        console.print(f"[bold red]{len(demo.failed)} check(s) failed[/]: {'; '.join(demo.failed)}")
        return 1
    console.print("[bold green]every check held[/]")
    return 0
