"""Typed Számla Agent request models the tests build (one per request root, plus a 3-item invoice)."""

from __future__ import annotations

import datetime
from typing import Any

from billing_sessions_generated.szamla_agent import models as m

DAY = datetime.date(2026, 11, 23)


def item(name: str, net: float, rate: int = 27) -> m.XmlszamlaTetel:
    vat = round(net * rate / 100, 2)
    return m.XmlszamlaTetel(
        megnevezes=name,
        mennyiseg=1.0,
        mennyisegi_egyseg="db",
        netto_egysegar=net,
        afakulcs=str(rate),
        netto_ertek=net,
        afa_ertek=vat,
        brutto_ertek=net + vat,
    )


def invoice(
    *items: m.XmlszamlaTetel, pdf: bool = True, proforma: bool = False, email: str = ""
) -> m.Xmlszamla:
    buyer = m.XmlszamlaVevo(nev="Vevő Kft.", irsz="1011", telepules="Budapest", cim="Fő utca 1.")
    if email:
        buyer.email = email
    header = m.XmlszamlaFejlec(
        teljesites_datum=DAY,
        fizetesi_hatarido_datum=DAY + datetime.timedelta(days=8),
        fizmod="Átutalás",
        penznem="HUF",
        szamla_nyelve="hu",
        kelt_datum=DAY,
        megjegyzes="Köszönjük a vásárlást! <3 & viszlát",
    )
    if proforma:
        header.dijbekero = True
    return m.Xmlszamla(
        beallitasok=m.XmlszamlaBeallitasok(eszamla=False, szamla_letoltes=pdf),
        fejlec=header,
        elado=m.XmlszamlaElado(bank="OTP", bankszamlaszam="11111111-22222222-33333333"),
        vevo=buyer,
        tetelek=list(items) or [item("Kávé", 1000.0), item("Tea", 500.5, 5), item("Süti", 250.0, 18)],
    )


def reversal(number: str) -> m.Xmlszamlast:
    return m.Xmlszamlast(
        beallitasok=m.XmlszamlastBeallitasok(eszamla=False, szamla_letoltes=False),
        fejlec=m.XmlszamlastFejlec(szamlaszam=number, kelt_datum=DAY, megjegyzes="Hibás tétel"),
    )


def payment(number: str, amount: float) -> m.Xmlszamlakifiz:
    return m.Xmlszamlakifiz(
        beallitasok=m.XmlszamlakifizBeallitasok(szamlaszam=number, additiv=True),
        kifizetes=[m.XmlszamlakifizKifizetes(datum=DAY, jogcim="átutalás", osszeg=amount)],
    )


def receipt(prefix: str = "NYGTA", pdf: bool = True) -> m.Xmlnyugtacreate:
    line = m.XmlnyugtacreateTetel(
        megnevezes="Kávé",
        mennyiseg=2.0,
        mennyisegi_egyseg="db",
        netto_egysegar=500.0,
        afakulcs="27",
        netto=1000.0,
        afa=270.0,
        brutto=1270.0,
    )
    return m.Xmlnyugtacreate(
        beallitasok=m.XmlnyugtacreateBeallitasok(pdf_letoltes=pdf),
        fejlec=m.XmlnyugtacreateFejlec(elotag=prefix, fizmod="készpénz", penznem="HUF"),
        tetelek=[line],
    )


def every_request(number: str = "E-TST-2024-1", receipt_number: str = "NYGTA-2024-1") -> list[Any]:
    """One model of every request root."""
    return [
        invoice(),
        reversal(number),
        payment(number, 2700.0),
        m.Xmlszamlapdf(szamlaszam=number),
        m.Xmlszamlaxml(szamlaszam=number, pdf=False),
        m.Xmlszamladbkdel(
            beallitasok=m.XmlszamladbkdelBeallitasok(), fejlec=m.XmlszamladbkdelFejlec(szamlaszam=number)
        ),
        receipt(),
        m.Xmlnyugtast(
            beallitasok=m.XmlnyugtastBeallitasok(pdf_letoltes=False),
            fejlec=m.XmlnyugtastFejlec(nyugtaszam=receipt_number),
        ),
        m.Xmlnyugtaget(
            beallitasok=m.XmlnyugtagetBeallitasok(pdf_letoltes=False),
            fejlec=m.XmlnyugtagetFejlec(nyugtaszam=receipt_number),
        ),
        m.Xmlnyugtasend(
            beallitasok=m.XmlnyugtasendBeallitasok(),
            fejlec=m.XmlnyugtasendFejlec(nyugtaszam=receipt_number),
            email_kuldes=m.XmlnyugtasendEmailKuldes(email="vevo@example.com"),
        ),
        m.Xmltaxpayer(beallitasok=m.XmltaxpayerBeallitasok(), torzsszam="12345678"),
    ]
