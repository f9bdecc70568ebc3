"""The Számla Agent XML codec's cost per invoice next to xml.etree parsing and serializing the same bytes.

Per invoice a typed call does ``to_xml`` of the request (an invoice with 3 items) and ``from_xml`` of the
XML answer. The floor is what xml.etree alone spends on those bytes: parse and serialize the request and the
answer. Median CPU time of this thread per call, the two variants interleaved; target at most 3x the floor.
"""

from __future__ import annotations

import datetime
import gc
import statistics
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable

from bench_common import Row, row
from billing_sessions.szamla_agent import from_xml, to_xml
from billing_sessions_generated.szamla_agent import models as m

TARGET = 3.0
DAY = datetime.date(2026, 11, 23)
OWNED = {"szamlaagentkulcs": "bench-agent-key", "valaszVerzio": "2"}


def _item(name: str, net: float, rate: int) -> m.XmlszamlaTetel:
    vat = round(net * rate / 100, 2)
    return m.XmlszamlaTetel(name, 1.0, "db", net, str(rate), net, vat, net + vat, azonosito=f"SKU-{name}")


def invoice() -> m.Xmlszamla:
    """An invoice like the provider's example: settings, header, seller, buyer, 3 items."""
    return m.Xmlszamla(
        beallitasok=m.XmlszamlaBeallitasok(eszamla=False, szamla_letoltes=True, szamla_kulso_azon="ORDER-1"),
        fejlec=m.XmlszamlaFejlec(
            teljesites_datum=DAY,
            fizetesi_hatarido_datum=DAY + datetime.timedelta(days=8),
            fizmod="Átutalás",
            penznem="HUF",
            szamla_nyelve="hu",
            kelt_datum=DAY,
            megjegyzes="Köszönjük a vásárlást!",
            rendeles_szam="ORDER-1",
        ),
        elado=m.XmlszamlaElado(
            bank="OTP", bankszamlaszam="11111111-22222222-33333333", email_replyto="a@b.hu"
        ),
        vevo=m.XmlszamlaVevo(
            "Vevő Kft.", "1011", "Budapest", "Fő utca 1.", email="vevo@example.com", adoszam="12345678-2-41"
        ),
        tetelek=[_item("Kávé", 1000.0, 27), _item("Tea", 500.5, 5), _item("Süti", 250.0, 18)],
    )


ANSWER = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<xmlszamlavalasz xmlns="http://www.szamlazz.hu/xmlszamlavalasz">'
    b"<sikeres>true</sikeres><szamlaszam>E-TST-2026-12</szamlaszam><szamlanetto>1750.5</szamlanetto>"
    b"<szamlabrutto>2090.52</szamlabrutto><kintlevoseg>2090.52</kintlevoseg>"
    b"<vevoifiokurl>https://www.szamlazz.hu/szamla/?page=vevoifiok&amp;vfk=Ab12Cd34</vevoifiokurl>"
    b"</xmlszamlavalasz>"
)


def _median_us(calls: dict[str, Callable[[], object]], n: int, batch: int = 20) -> dict[str, float]:
    for fn in calls.values():
        for _ in range(200):
            fn()
    samples: dict[str, list[float]] = {name: [] for name in calls}
    gc.disable()
    try:
        for _ in range(max(1, n // batch)):
            for name, fn in calls.items():
                start = time.thread_time_ns()
                for _ in range(batch):
                    fn()
                samples[name].append((time.thread_time_ns() - start) / batch / 1000)
    finally:
        gc.enable()
    return {name: statistics.median(values) for name, values in samples.items()}


def codec_cost(n: int) -> list[Row]:
    model = invoice()
    request = to_xml(model, OWNED)

    def codec() -> object:
        to_xml(model, OWNED)
        return from_xml(ANSWER)

    def etree() -> object:
        ET.tostring(ET.fromstring(request), encoding="utf-8")  # noqa: S314 - our own bytes
        return ET.tostring(ET.fromstring(ANSWER), encoding="utf-8")  # noqa: S314

    def round_trip() -> object:
        return from_xml(to_xml(model, OWNED))

    def etree_request() -> object:
        return ET.tostring(ET.fromstring(request), encoding="utf-8")  # noqa: S314

    us = _median_us({"codec": codec, "etree": etree, "round": round_trip, "etree_req": etree_request}, n)
    ratio = us["codec"] / us["etree"]
    return [
        row(
            "Számla Agent XML codec",
            "to_xml(invoice, 3 items) + from_xml(answer)",
            f"{us['codec']:.0f} µs vs xml.etree parse+serialize {us['etree']:.0f} µs (x{ratio:.2f}); "
            f"invoice round trip {us['round']:.0f} µs vs etree {us['etree_req']:.0f} µs "
            f"(x{us['round'] / us['etree_req']:.2f}); request {len(request)} bytes",
            target=f"<= {TARGET:.0f}x xml.etree",
            kind="time",
            ok=ratio <= TARGET,
            codec_us=round(us["codec"], 1),
            etree_us=round(us["etree"], 1),
            ratio=round(ratio, 2),
            round_trip_us=round(us["round"], 1),
            etree_request_us=round(us["etree_req"], 1),
            request_bytes=len(request),
        )
    ]


if __name__ == "__main__":
    for r in codec_cost(3000):
        print(r["result"], "target", r["target"], "ok" if r["ok"] else "MISSED")
