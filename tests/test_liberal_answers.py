"""Answers are read as providers send them, not as their schemas promised (issue 21, part 2): a missing
"required" element is absent, a value that does not read is kept as its text (one WARNING naming its path),
never costing its parent; requests stay strictly validated.

The two documents below reproduce, in minimal form, the shapes of the Számla Agent's own example answers
that the old reader refused or silently emptied: an invoice-data answer (``szamla``) without
``gazdEsemAzon``, and a receipt answer (``xmlnyugtavalasz``) whose item has no ``netto``."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterator

import pytest

from billing_sessions import ProviderError, bill_v3, gestix
from billing_sessions.szamla_agent import AgentXmlError, from_xml
from billing_sessions_generated.bill_v3.api.vendors import list_vendors
from billing_sessions_generated.gestix.types import Unset as GestixUnset
from billing_sessions_generated.szamla_agent import models as m
from billing_sessions_generated.szamla_agent.types import Unset
from tests.hostile_server import hostile, json_answer


@pytest.fixture(autouse=True)
def _fresh_login_guard() -> Iterator[None]:
    bill_v3.LoginGuard.reset()
    yield
    bill_v3.LoginGuard.reset()


INVOICE_DATA = """<?xml version="1.0" encoding="UTF-8"?>
<szamla xmlns="http://www.szamlazz.hu/szamla">
  <szallito>
    <id>11</id><nev>Elado Bt.</nev>
    <cim><orszag>Magyarorszag</orszag><irsz>1000</irsz><telepules>Budapest</telepules><cim>Ut 1.</cim></cim>
    <adoszam>12345678-1-42</adoszam>
  </szallito>
  <alap>
    <id>501</id><szamlaszam>TESZT-2024-7</szamlaszam><tipus>SZ</tipus><eszamla>0</eszamla>
    <kelt>2024-03-01</kelt><telj>2024-03-01</telj><fizh>2024-03-09</fizh>
    <fizmod>atutalas</fizmod><fizmodunified>transfer</fizmodunified><keszpenz>false</keszpenz>
    <nyelv>hu</nyelv><devizanem>HUF</devizanem><penzforg>false</penzforg><kata>false</kata>
    <katafokonyv>false</katafokonyv><teszt>true</teszt>
  </alap>
  <vevo>
    <nev>Vevo Kft.</nev>
    <cim><orszag>Magyarorszag</orszag><irsz>2000</irsz><telepules>Vac</telepules><cim>Ter 2.</cim></cim>
    <adoszam>87654321-2-13</adoszam><lokacio>1</lokacio><privatePersonIndicator>false</privatePersonIndicator>
  </vevo>
  <tetelek>
    <tetel>
      <nev>Alma</nev><mennyiseg>2</mennyiseg><mennyisegiegyseg>kg</mennyisegiegyseg>
      <nettoegysegar>100</nettoegysegar><afakulcs>27</afakulcs><netto>200</netto><afa>54</afa>
      <brutto>254</brutto><sztetordering>1</sztetordering>
    </tetel>
  </tetelek>
  <osszegek>
    <afakulcsossz><afakulcs>27</afakulcs><netto>200</netto><afa>54</afa><brutto>254</brutto></afakulcsossz>
    <totalossz><netto>200</netto><afa>54</afa><brutto>254</brutto></totalossz>
  </osszegek>
</szamla>
"""

RECEIPT = """<?xml version="1.0" encoding="UTF-8"?>
<xmlnyugtavalasz xmlns="http://www.szamlazz.hu/xmlnyugtavalasz">
  <sikeres>true</sikeres>
  <nyugta>
    <alap>
      <id>77</id><nyugtaszam>NYGT-2017-123</nyugtaszam><tipus>NY</tipus><stornozott>false</stornozott>
      <kelt>2017-05-02</kelt><fizmod>keszpenz</fizmod><penznem>HUF</penznem><teszt>false</teszt>
    </alap>
    <tetelek>
      <tetel>
        <megnevezes>Kave</megnevezes><nettoEgysegar>100</nettoEgysegar><mennyiseg>1</mennyiseg>
        <mennyisegiEgyseg>db</mennyisegiEgyseg><afakulcs>27</afakulcs><afa>27</afa><brutto>127</brutto>
      </tetel>
    </tetelek>
    <osszegek>
      <afakulcsossz><afakulcs>27</afakulcs><netto>100</netto><afa>27</afa><brutto>127</brutto></afakulcsossz>
      <totalossz><netto>100</netto><afa>27</afa><brutto>127</brutto></totalossz>
    </osszegek>
  </nyugta>
</xmlnyugtavalasz>
"""


def test_an_invoice_data_answer_without_gazd_esem_azon_is_read() -> None:
    answer = from_xml(INVOICE_DATA.encode())
    assert isinstance(answer, m.Szamla)
    assert answer.alap.szamlaszam == "TESZT-2024-7" and isinstance(answer.alap.gazd_esem_azon, Unset)
    assert answer.alap.kelt == datetime.date(2024, 3, 1)
    assert answer.osszegek.totalossz.brutto == 254.0
    with pytest.raises(AgentXmlError, match="missing element gazdEsemAzon"):
        from_xml(INVOICE_DATA.encode(), strict=True)  # what a request would get


def test_a_receipt_answer_missing_netto_keeps_the_receipt() -> None:
    answer = from_xml(RECEIPT.encode())
    assert isinstance(answer, m.Xmlnyugtavalasz) and isinstance(answer.nyugta, m.XmlnyugtavalaszNyugta)
    assert answer.nyugta.alap.nyugtaszam == "NYGT-2017-123"
    item = answer.nyugta.tetelek[0]
    assert item.megnevezes == "Kave" and item.brutto == 127.0 and isinstance(item.netto, Unset)
    with pytest.raises(AgentXmlError, match="missing element netto"):
        from_xml(RECEIPT.encode(), strict=True)


def test_a_value_that_does_not_read_is_kept_with_one_warning_and_its_parent_survives(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, "billing_sessions")
    garbled = RECEIPT.replace("<brutto>127</brutto>", "<brutto>127,00</brutto>", 1).replace(
        "<kelt>2017-05-02</kelt>", "<kelt>2017.05.02.</kelt>"
    )
    answer = from_xml(garbled.encode())
    assert answer.nyugta.alap.nyugtaszam == "NYGT-2017-123"
    assert answer.nyugta.alap.kelt == "2017.05.02." and answer.nyugta.tetelek[0].brutto == "127,00"
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1
    assert "xmlnyugtavalasz/nyugta/alap/kelt" in warnings[0]
    assert "xmlnyugtavalasz/nyugta/tetelek/tetel/brutto" in warnings[0]
    assert "127,00" not in warnings[0]  # paths, never values: an answer may carry personal data


# -- JSON answers: the same rule, for every provider (the generated operations build models tolerantly)


def test_a_json_field_of_an_unexpected_type_does_not_cost_the_rest(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, "billing_sessions")
    status = b'{"status": "ready", "server_time": "yesterday", "versions": "v4", "region": "eu"}'  # no errors
    with hostile() as server:
        server.script = [json_answer(200, b'{"xa-token": "t-1"}')]
        server.answer = json_answer(200, status)
        with gestix.Session(server.url + "/api/1/v4.0.0", api_token="token", max_retries=0) as s:
            answer = s.status()
    as_sent: dict[str, object] = {"time": answer.server_time, "versions": answer.versions}  # not as typed
    assert answer.status == "ready" and as_sent == {"time": "yesterday", "versions": "v4"}
    assert isinstance(answer.errors, GestixUnset) and answer.additional_properties == {"region": "eu"}
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1
    assert "StatusResponse.server_time" in warnings[0] and "StatusResponse.versions" in warnings[0]
    assert "yesterday" not in warnings[0]


def test_one_bad_item_of_a_list_does_not_cost_the_others() -> None:
    page = (
        b'{"results": [{"id": "v1", "name": "Good", "address": {"line1": "Main 1"}},'
        b' {"id": "v2", "name": "Odd", "address": "Main 2"}], "nextPage": ""}'
    )
    login = b'{"sessionId": "s-1", "organizationId": "o", "userId": "u", "trusted": false}'
    with hostile() as server:
        server.script = [json_answer(200, login)]
        server.answer = json_answer(200, page)
        with bill_v3.Session(
            server.url, username="u", password="p", organization_id="o", dev_key="d", logout_on_close=False
        ) as s:
            vendors = list(s.paginate(list_vendors))
    assert [v.name for v in vendors] == ["Good", "Odd"]
    assert vendors[0].address["line1"] == "Main 1" and vendors[1].address == "Main 2"


def test_a_body_that_is_not_an_object_is_still_unreadable() -> None:
    with hostile() as server:
        server.script = [json_answer(200, b'{"xa-token": "t-1"}')]
        server.answer = json_answer(200, b'["ready"]')
        with gestix.Session(server.url + "/api/1/v4.0.0", api_token="token", max_retries=0) as s:
            with pytest.raises(ProviderError) as caught:
                s.status()
    assert caught.value.status == 200
