"""Exactly-once writes (issue 22): writes while 5 % of them lose their answer after being applied.

The sandbox drops the connection after applying every 20th write. Each must still be created exactly once
and answered: Számla Agent invoices by looking them up by their external id (the sessions give one), Gestix
documents by sending them again under their own series and number (409, then read back). Count targets only:
the sandbox's ``writes_applied`` and ``duplicate_references`` counters, and the calls' own results. The pauses
between lookups move the sandbox clock (admin API) instead of waiting: the assumed 5 s before a new invoice
can be found by its id is sandbox time, not the benchmark's.
"""

from __future__ import annotations

import datetime

from bench_common import GESTIX_PATH, Admin, Row, row
from billing_sessions import gestix, szamla_agent
from billing_sessions.retry import RetryPolicy
from billing_sessions.sandbox.credentials import DEMO
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine
from billing_sessions_generated.szamla_agent import models as m

EVERY = 20  # one write in 20 loses its answer: 5 %


def exactly_once(url: str, admin: Admin, n: int) -> list[Row]:
    policy = RetryPolicy(max_retries=0, sleep=lambda seconds: admin.post("clock", advance=seconds))
    return [_szamla(url, admin, n, policy), _gestix(url, admin, n, policy)]


def invoice() -> m.Xmlszamla:
    day = datetime.date(2026, 11, 30)
    line = m.XmlszamlaTetel(
        megnevezes="Kávé",
        mennyiseg=1.0,
        mennyisegi_egyseg="db",
        netto_egysegar=1000.0,
        afakulcs="27",
        netto_ertek=1000.0,
        afa_ertek=270.0,
        brutto_ertek=1270.0,
    )
    return m.Xmlszamla(
        beallitasok=m.XmlszamlaBeallitasok(eszamla=False, szamla_letoltes=False),
        fejlec=m.XmlszamlaFejlec(
            teljesites_datum=day,
            fizetesi_hatarido_datum=day,
            fizmod="Átutalás",
            penznem="HUF",
            szamla_nyelve="hu",
        ),
        elado=m.XmlszamlaElado(),
        vevo=m.XmlszamlaVevo(nev="Vevő Kft.", irsz="1011", telepules="Budapest", cim="Fő utca 1."),
        tetelek=[line],
    )


def _lost(i: int) -> bool:
    return i % EVERY == EVERY // 2


def _szamla(url: str, admin: Admin, n: int, policy: RetryPolicy) -> Row:
    admin.reset()
    resolved = 0
    with szamla_agent.Session(url, agent_key=DEMO.szamla_agent_key, retry=policy) as s:
        for i in range(n):
            if _lost(i):
                admin.post("faults", provider="szamla_agent", kind="drop", after=True)
            resolved += s.create_invoice(invoice()).resolved
    return _row(
        "Számla Agent invoices (external ids given by the session)", admin, "szamla_agent", n, resolved
    )


def _gestix(url: str, admin: Admin, n: int, policy: RetryPolicy) -> Row:
    admin.reset()
    resolved = 0
    with gestix.Session(url + GESTIX_PATH, api_token=DEMO.gestix_api_token, retry=policy) as s:
        s.status()
        for i in range(n):
            if _lost(i):
                admin.post("faults", provider="gestix", kind="drop", after=True)
            body = DocumentInput(
                lines=[DocumentLine("A1", 1.0)],
                reference=f"sale-{i}",
                document_series="B",
                document_number=i + 1,
            )
            resolved += s.create_document(create_invoice, body).resolved
    return _row("Gestix documents (own series + number)", admin, "gestix", n, resolved)


def _row(variant: str, admin: Admin, provider: str, n: int, resolved: int) -> Row:
    c = admin.counters(provider)
    lost = sum(1 for i in range(n) if _lost(i))
    ok = c["writes_applied"] == n and c["duplicate_references"] == 0 and resolved == lost
    return row(
        "exactly-once writes, 5 % dropped after apply",
        variant,
        f"{c['writes_applied']}/{n} created, {c['duplicate_references']} duplicates, "
        f"{resolved}/{lost} lost answers resolved",
        target="every write created once, every lost answer resolved",
        kind="count",
        ok=ok,
        n=n,
        lost=lost,
        resolved=resolved,
        writes_applied=c["writes_applied"],
        duplicates=c["duplicate_references"],
    )
