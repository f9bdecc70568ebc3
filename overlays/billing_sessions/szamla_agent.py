"""Számlázz.hu Számla Agent: XML as a file part, one ``JSESSIONID`` cookie per account, stored and reused.

The cookie only caches the authentication inside the XML. The first call without one creates it (one caller
at a time, so a fleet sharing a store creates one session); it is stored after every answer that sets one and
sent on every call; a new cookie from the server (after 90 idle minutes) replaces the stored one. Failed calls
are never retried automatically (provider rule). A write whose answer was lost and that carries its external
id or call id is looked up by it; only when lookups prove it was not applied is it sent again, once
(``exactly_once``; the session gives invoices and receipts such an id unless ``external_ids="given"``).

## Quickstart

Runs as is on the embedded sandbox. For a real account drop the URL (the default is the production Agent)
and pass your ``agent_key=`` (or ``username=`` + ``password=``): the session writes them into the XML.

```python
import datetime
from billing_sessions import szamla_agent
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions_generated.szamla_agent.models import (
    Xmlszamla, XmlszamlaBeallitasok, XmlszamlaElado, XmlszamlaFejlec, XmlszamlaTetel, XmlszamlaVevo,
)

today = datetime.date(2026, 1, 15)
invoice = Xmlszamla(
    beallitasok=XmlszamlaBeallitasok(eszamla=False, szamla_letoltes=True),
    fejlec=XmlszamlaFejlec(
        teljesites_datum=today, fizetesi_hatarido_datum=today, fizmod="Átutalás", penznem="HUF",
        szamla_nyelve="hu",
    ),
    elado=XmlszamlaElado(),
    vevo=XmlszamlaVevo(nev="Demo Kft.", irsz="1011", telepules="Budapest", cim="Fő utca 1."),
    tetelek=[
        XmlszamlaTetel(
            megnevezes="Demo", mennyiseg=1.0, mennyisegi_egyseg="db", netto_egysegar=10000.0,
            afakulcs="27", netto_ertek=10000.0, afa_ertek=2700.0, brutto_ertek=12700.0,
        )
    ],
)
with Sandbox() as sb, szamla_agent.Session(
    sb.base_url("szamla_agent"), agent_key=DEMO.szamla_agent_key
) as s:
    result = s.create_invoice(invoice)  # errors raise AgentError; never retried
    print(result.invoice_number, result.gross_total, len(result.pdf or b""))
```

Every operation takes its request model and returns an ``AgentResult`` (the parsed answer model, the
``szlahu_*`` facts, the PDF when one was asked for). ``s.send(action, xml)`` sends any XML as is. Pass
``store=FileStore("sessions.json")`` to reuse the cookie across Session objects and processes; ``s.reset()``
forgets it after the account details changed. ``AsyncSession`` takes the same arguments (``async with``,
awaited methods).
"""

from __future__ import annotations

from billing_sessions._async.szamla_agent import AsyncSession
from billing_sessions._sync.szamla_agent import Session
from billing_sessions._szamla_agent import ACTIONS as ACTIONS
from billing_sessions._szamla_agent import COOKIE as COOKIE
from billing_sessions._szamla_agent import DEFAULT_BASE_URL as DEFAULT_BASE_URL
from billing_sessions._szamla_agent import IDLE_COOKIE as IDLE_COOKIE
from billing_sessions._szamla_agent import LOGIN_CODES as LOGIN_CODES
from billing_sessions._szamla_agent import NOT_FOUND as NOT_FOUND
from billing_sessions._szamla_agent import OWN_IDS as OWN_IDS
from billing_sessions._szamla_agent import PARTS as PARTS
from billing_sessions._szamla_agent import READ_ACTIONS as READ_ACTIONS
from billing_sessions._szamla_agent import AgentError, AgentLoginError, AgentResponse, AgentResult
from billing_sessions._szamla_agent import cookie_value as cookie_value
from billing_sessions._szamla_agent import fill_agent_key as fill_agent_key
from billing_sessions._szamla_agent import fill_credentials as fill_credentials
from billing_sessions._szamla_agent import parse_response as parse_response
from billing_sessions.szamla_xml import AgentXmlError, from_xml, to_xml

__all__ = [
    "AgentError",
    "AgentLoginError",
    "AgentResponse",
    "AgentResult",
    "AgentXmlError",
    "AsyncSession",
    "Session",
    "from_xml",
    "to_xml",
]
