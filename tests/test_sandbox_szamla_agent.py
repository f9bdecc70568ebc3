"""The sandbox's Számla Agent rules, driven with plain httpx: file parts, XML auth, JSESSIONID, headers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import unquote, unquote_plus

import httpx
import pytest

from billing_sessions.sandbox import DEMO, Sandbox

KEY = f"<szamlaagentkulcs>{DEMO.szamla_agent_key}</szamlaagentkulcs>"
NS = "http://www.szamlazz.hu/"
INVOICE = "action-xmlagentxmlfile"


def invoice(
    version: int = 1, *, auth: str = KEY, download: bool = True, extra: str = "", email: str = ""
) -> str:
    def item(net: str, vat: str, gross: str) -> str:
        return (
            "<tetel><megnevezes>Szolgáltatás</megnevezes><mennyiseg>1</mennyiseg>"
            f"<mennyisegiEgyseg>db</mennyisegiEgyseg><nettoEgysegar>{net}</nettoEgysegar><afakulcs>27</afakulcs>"
            f"<nettoErtek>{net}</nettoErtek><afaErtek>{vat}</afaErtek><bruttoErtek>{gross}</bruttoErtek></tetel>"
        )

    return (
        f'<?xml version="1.0" encoding="UTF-8"?><xmlszamla xmlns="{NS}xmlszamla"><beallitasok>{auth}'
        f"<eszamla>false</eszamla><szamlaLetoltes>{str(download).lower()}</szamlaLetoltes>"
        f"<valaszVerzio>{version}</valaszVerzio></beallitasok><fejlec><teljesitesDatum>2026-11-23</teljesitesDatum>"
        "<fizetesiHataridoDatum>2026-12-01</fizetesiHataridoDatum><fizmod>Átutalás</fizmod><penznem>HUF</penznem>"
        f"<szamlaNyelve>hu</szamlaNyelve>{extra}</fejlec><elado/><vevo><nev>Vevő Kft.</nev>"
        "<irsz>1011</irsz><telepules>Budapest</telepules><cim>Fő utca 1.</cim>"
        f"{f'<email>{email}</email>' if email else ''}</vevo>"
        f"<tetelek>{item('10000', '2700', '12700')}{item('500.5', '135.14', '635.64')}</tetelek>"
        "</xmlszamla>"
    )


SETTINGS = {  # the required settings of each root, after the credentials
    "xmlszamlast": "<eszamla>false</eszamla><szamlaLetoltes>false</szamlaLetoltes>",
    "xmlnyugtacreate": "<pdfLetoltes>false</pdfLetoltes>",
    "xmlnyugtast": "<pdfLetoltes>false</pdfLetoltes>",
    "xmlnyugtaget": "<pdfLetoltes>false</pdfLetoltes>",
}


def query(root: str, body: str, *, version: int | None = None) -> str:
    answer = f"<valaszVerzio>{version}</valaszVerzio>" if version else ""
    if root in ("xmlszamlapdf", "xmlszamlaxml"):  # no settings element: the credentials lead the root
        answer = f"<valaszVerzio>{version or 1}</valaszVerzio>" if root == "xmlszamlapdf" else ""
        return f'<{root} xmlns="{NS}{root}">{KEY}{body}{answer}</{root}>'
    settings = f"<beallitasok>{KEY}{SETTINGS.get(root, '')}{answer}</beallitasok>"
    return f'<{root} xmlns="{NS}{root}">{settings}{body}</{root}>'


@pytest.fixture
def client(sb: Sandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sb.base_url("szamla_agent")) as c:
        yield c


def send(client: httpx.Client, action: str, xml: str, **kw: object) -> httpx.Response:
    files = {action: ("request.xml", xml.encode(), "text/xml")}
    return client.post("/szamla/", files=files, **kw)  # type: ignore[arg-type]


def error(response: httpx.Response) -> tuple[str, str] | None:
    if "szlahu_error_code" not in response.headers:
        return None
    return response.headers["szlahu_error_code"], unquote_plus(response.headers["szlahu_error"])


def code(response: httpx.Response) -> str | None:
    found = error(response)
    return found[0] if found else None


def parse(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 - the sandbox's own answer


def fields(content: bytes) -> dict[str, str | None]:
    """The child elements of an answer's root, by local name."""
    return {child.tag.split("}")[1]: child.text for child in parse(content)}


def counters(sb: Sandbox) -> dict[str, int]:
    return sb.state.counters("szamla_agent")


# -- invoices and answers ----------------------------------------------------------------------------------


def test_invoice_version_1_answers_the_pdf_with_headers(sb: Sandbox, client: httpx.Client) -> None:
    response = send(client, INVOICE, invoice(1))
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    h = response.headers
    number = unquote(h["szlahu_szamlaszam"])
    assert number.startswith("SBX-") and number.endswith("-2")
    assert (h["szlahu_nettovegosszeg"], h["szlahu_bruttovegosszeg"], h["szlahu_kintlevoseg"]) == (
        "10500.50",
        "13335.64",
        "13335.64",
    )
    assert unquote(h["szlahu_fizetesmod"]) == "Átutalás"
    assert h["szlahu_fizetesmod"] == "%C3%81tutal%C3%A1s"  # URL-encoded on the wire
    assert unquote(h["szlahu_vevoifiokurl"]).startswith("https://www.szamlazz.hu/szamla/?page=vevoifiok&vfk=")
    assert int(h["szlahu_id"]) == 2
    assert error(response) is None and "szlahu_down" not in h
    assert counters(sb)["writes_applied"] == 1


def test_invoice_number_prefixes_are_url_encoded(client: httpx.Client) -> None:
    response = send(
        client, "action-xmlagentxmlfile", invoice(extra="<szamlaszamElotag>ÁB Ü</szamlaszamElotag>")
    )
    raw = response.headers["szlahu_szamlaszam"]
    assert raw.startswith("%C3%81B%20%C3%9C-")
    assert unquote(raw).startswith("ÁB Ü-")


def test_invoice_version_2_answers_xml(client: httpx.Client) -> None:
    response = send(client, INVOICE, invoice(2))
    assert response.headers["content-type"].startswith("text/xml")
    assert parse(response.content).tag == "{http://www.szamlazz.hu/xmlszamlavalasz}xmlszamlavalasz"
    answer = fields(response.content)
    assert answer["sikeres"] == "true"
    assert answer["szamlaszam"] == unquote(response.headers["szlahu_szamlaszam"])
    assert answer["szamlabrutto"] == "13335.64"
    assert answer["pdf"] and answer["vevoifiokurl"]


def test_invoice_without_download_answers_text(client: httpx.Client) -> None:
    response = send(client, INVOICE, invoice(1, download=False))
    assert response.headers["content-type"].startswith("text/plain")
    assert response.text == "xmlagentresponse=DONE;" + unquote(response.headers["szlahu_szamlaszam"])


def test_xml_is_read_namespace_agnostic(client: httpx.Client) -> None:
    plain = invoice().replace(f' xmlns="{NS}xmlszamla"', "")
    prefixed = invoice().replace("<", "<sz:").replace("<sz:/", "</sz:").replace("<sz:?xml", "<?xml")
    prefixed = prefixed.replace(f'xmlns="{NS}xmlszamla"', f'xmlns:sz="{NS}xmlszamla"')
    for xml in (plain, prefixed):
        response = send(client, INVOICE, xml)
        assert error(response) is None, response.headers
        assert response.content.startswith(b"%PDF-")


def test_user_name_and_password_instead_of_the_key(client: httpx.Client) -> None:
    auth = f"<felhasznalo>{DEMO.szamla_username}</felhasznalo><jelszo>{DEMO.szamla_password}</jelszo>"
    assert error(send(client, INVOICE, invoice(auth=auth))) is None
    wrong = "<felhasznalo>demo</felhasznalo><jelszo>nope</jelszo>"
    assert error(send(client, INVOICE, invoice(auth=wrong))) == (
        "3",
        "Sikertelen bejelentkezés.",
    )


# -- errors ------------------------------------------------------------------------------------------------


def test_wrong_key_is_error_3(sb: Sandbox, client: httpx.Client) -> None:
    response = send(
        client, "action-xmlagentxmlfile", invoice(auth="<szamlaagentkulcs>nope</szamlaagentkulcs>")
    )
    assert response.status_code == 200
    assert error(response) == ("3", "Sikertelen bejelentkezés.")
    assert response.headers["szlahu_error"] == "Sikertelen+bejelentkez%C3%A9s."  # form-style URL encoding
    assert response.text.startswith("[ERR] ")
    assert "set-cookie" not in response.headers
    c = counters(sb)
    assert (c["login_failures"], c["logins"], c["sessions_created"], c["writes_applied"]) == (1, 0, 0, 0)


def test_missing_key_is_error_3_and_v2_errors_are_xml(client: httpx.Client) -> None:
    response = send(client, INVOICE, invoice(2, auth=""))
    assert code(response) == "3"
    answer = fields(response.content)
    assert (answer["sikeres"], answer["hibakod"]) == ("false", "3")


def test_xml_as_a_plain_field_is_error_53(client: httpx.Client) -> None:
    response = client.post("/szamla/", data={"action-xmlagentxmlfile": invoice()})
    assert code(response) == "53"
    assert response.status_code == 200


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"files": {"action-nope": ("a.xml", b"<x/>", "text/xml")}},
        {"files": {"other": ("a.xml", b"<x/>", "text/xml")}},
        {"content": b"<xmlszamla/>", "headers": {"content-type": "text/xml"}},
        {"content": b"--broken\r\n", "headers": {"content-type": "multipart/form-data; boundary=x"}},
        {},
    ],
)
def test_no_known_file_part_is_error_53(
    sb: Sandbox, client: httpx.Client, request_kwargs: dict[str, object]
) -> None:
    response = client.post("/szamla/", **request_kwargs)  # type: ignore[arg-type]
    assert response.status_code == 200
    assert code(response) == "53"
    assert counters(sb)["sessions_created"] == 0


def test_unreadable_xml_or_wrong_root_is_error_57(client: httpx.Client) -> None:
    assert code(send(client, INVOICE, "<xmlszamla><open>")) == "57"
    wrong_root = query("xmlszamlapdf", "<szamlaszam>E-TST-2024-1</szamlaszam>")
    assert code(send(client, INVOICE, wrong_root)) == "57"


def test_missing_items_is_error_7(client: httpx.Client) -> None:
    xml = f'<xmlszamla xmlns="{NS}xmlszamla"><beallitasok>{KEY}</beallitasok><tetelek/></xmlszamla>'
    assert code(send(client, INVOICE, xml)) == "7"


def test_bounced_notification_is_error_56_with_the_invoice_number(sb: Sandbox, client: httpx.Client) -> None:
    response = send(client, INVOICE, invoice(email="buyer@bounce.invalid"))
    assert code(response) == "56"
    number = unquote(response.headers["szlahu_szamlaszam"])
    assert number.startswith("SBX-")
    assert counters(sb)["writes_applied"] == 1  # the invoice exists
    pdf = send(client, "action-szamla_agent_pdf", query("xmlszamlapdf", f"<szamlaszam>{number}</szamlaszam>"))
    assert pdf.content.startswith(b"%PDF-")


def test_down_answers_szlahu_down_with_code_1(sb: Sandbox, client: httpx.Client) -> None:
    sb.state.set_down("szamla_agent", True)
    assert sb.state.is_down("szamla_agent")
    response = send(client, INVOICE, invoice())
    assert response.headers["szlahu_down"] == "true"
    assert code(response) == "1"
    assert response.text.startswith("[ERR]")
    c = counters(sb)
    assert (c["requests"], c["logins"], c["writes_applied"]) == (1, 0, 0)
    sb.state.set_down("szamla_agent", False)
    assert "szlahu_down" not in send(client, INVOICE, invoice()).headers


# -- the JSESSIONID session --------------------------------------------------------------------------------


def test_first_call_sets_the_cookie_and_later_calls_reuse_it(sb: Sandbox, client: httpx.Client) -> None:
    first = send(client, INVOICE, invoice())
    cookie = first.headers["set-cookie"]
    assert cookie.startswith("JSESSIONID=") and "Path=/szamla" in cookie and "HttpOnly" in cookie
    assert client.cookies["JSESSIONID"]
    for _ in range(3):
        again = send(client, INVOICE, invoice())
        assert "set-cookie" not in again.headers
    c = counters(sb)
    assert (c["sessions_created"], c["logins"], c["requests"]) == (1, 1, 4)


def test_without_the_cookie_every_call_is_a_new_session(sb: Sandbox) -> None:
    url = sb.base_url("szamla_agent") + "/szamla/"
    files = {"action-xmlagentxmlfile": ("r.xml", invoice().encode(), "text/xml")}
    for _ in range(3):
        assert "set-cookie" in httpx.post(url, files=files).headers
    assert counters(sb)["sessions_created"] == 3


def test_unknown_cookie_silently_gets_a_new_session(sb: Sandbox, client: httpx.Client) -> None:
    client.cookies.set("JSESSIONID", "forged", domain="127.0.0.1", path="/szamla")
    response = send(client, INVOICE, invoice())
    assert error(response) is None
    assert response.headers["set-cookie"].startswith("JSESSIONID=")
    assert counters(sb)["expired_rejections"] == 0


def test_idle_expiry_silently_issues_a_new_cookie(sb: Sandbox, client: httpx.Client) -> None:
    send(client, INVOICE, invoice())
    old = client.cookies["JSESSIONID"]
    idle = sb.state.config.szamla_idle
    sb.state.advance(idle * 0.6)
    assert "set-cookie" not in send(client, INVOICE, invoice()).headers
    sb.state.advance(idle * 0.6)  # 1.2 idle periods since the first call, 0.6 since the last: still alive
    assert "set-cookie" not in send(client, INVOICE, invoice()).headers
    sb.state.advance(idle)
    renewed = send(client, INVOICE, invoice())
    assert error(renewed) is None and renewed.content.startswith(b"%PDF-")
    assert "set-cookie" in renewed.headers
    assert client.cookies["JSESSIONID"] != old
    c = counters(sb)
    assert (c["sessions_created"], c["logins"], c["expired_rejections"]) == (2, 2, 1)


def test_expire_all_renews_the_cookie(sb: Sandbox, client: httpx.Client) -> None:
    send(client, INVOICE, invoice())
    sb.state.expire_all()
    assert "set-cookie" in send(client, INVOICE, invoice()).headers
    assert counters(sb)["sessions_created"] == 2


# -- the other operations ----------------------------------------------------------------------------------


def test_pdf_and_xml_queries_of_the_seeded_invoice(client: httpx.Client) -> None:
    pdf = send(
        client, "action-szamla_agent_pdf", query("xmlszamlapdf", "<szamlaszam>E-TST-2024-1</szamlaszam>")
    )
    assert pdf.content.startswith(b"%PDF-")
    assert pdf.headers["szlahu_szamlaszam"] == "E-TST-2024-1"
    v2 = send(
        client,
        "action-szamla_agent_pdf",
        query("xmlszamlapdf", "<szamlaszam>E-TST-2024-1</szamlaszam>", version=2),
    )
    assert b"<pdf>" in v2.content
    data = send(
        client, "action-szamla_agent_xml", query("xmlszamlaxml", "<szamlaszam>E-TST-2024-1</szamlaszam>")
    )
    assert b"<szamlaszam>E-TST-2024-1</szamlaszam>" in data.content
    unknown = send(
        client, "action-szamla_agent_pdf", query("xmlszamlapdf", "<szamlaszam>NOPE-1</szamlaszam>")
    )
    assert code(unknown) == "7"


def test_credit_entry_lowers_the_outstanding_amount(sb: Sandbox, client: httpx.Client) -> None:
    body = f"<beallitasok>{KEY}<szamlaszam>E-TST-2024-1</szamlaszam><additiv>true</additiv></beallitasok>"
    body += "<kifizetes><datum>2026-11-30</datum><jogcim>átutalás</jogcim><osszeg>2700</osszeg></kifizetes>"
    xml = f'<xmlszamlakifiz xmlns="{NS}xmlszamlakifiz">{body}</xmlszamlakifiz>'
    response = send(client, "action-szamla_agent_kifiz", xml)
    assert response.text == "xmlagentresponse=DONE;E-TST-2024-1"
    assert response.headers["szlahu_kintlevoseg"] == "10000"
    assert counters(sb)["writes_applied"] == 1


def test_reversal_issues_a_negative_invoice(sb: Sandbox, client: httpx.Client) -> None:
    xml = query("xmlszamlast", "<fejlec><szamlaszam>E-TST-2024-1</szamlaszam></fejlec>", version=2)
    response = send(client, "action-szamla_agent_st", xml)
    assert response.headers["szlahu_bruttovegosszeg"] == "-12700"
    assert unquote(response.headers["szlahu_szamlaszam"]).startswith("E-TST-")
    assert b"<sikeres>true</sikeres>" in response.content
    assert counters(sb)["writes_applied"] == 1


def test_proforma_deletion(client: httpx.Client) -> None:
    issued = send(client, INVOICE, invoice(extra="<dijbekero>true</dijbekero>"))
    number = unquote(issued.headers["szlahu_szamlaszam"])
    xml = query("xmlszamladbkdel", f"<fejlec><szamlaszam>{number}</szamlaszam></fejlec>")
    deleted = send(client, "action-szamla_agent_dijbekero_torlese", xml)
    assert b"<sikeres>true</sikeres>" in deleted.content
    again = send(client, "action-szamla_agent_dijbekero_torlese", xml)
    assert error(again) is not None
    not_proforma = query("xmlszamladbkdel", "<fejlec><szamlaszam>E-TST-2024-1</szamlaszam></fejlec>")
    assert error(send(client, "action-szamla_agent_dijbekero_torlese", not_proforma)) is not None


def test_receipts_and_taxpayers(sb: Sandbox, client: httpx.Client) -> None:
    item = (
        "<tetel><megnevezes>Kávé</megnevezes><mennyiseg>1</mennyiseg><mennyisegiEgyseg>db</mennyisegiEgyseg>"
        "<nettoEgysegar>1000</nettoEgysegar><afakulcs>27</afakulcs><netto>1000</netto><afa>270</afa>"
        "<brutto>1270</brutto></tetel>"
    )
    fejlec_ = "<fejlec><elotag>NYGTA</elotag><fizmod>készpénz</fizmod><penznem>HUF</penznem></fejlec>"
    create = query("xmlnyugtacreate", f"{fejlec_}<tetelek>{item}</tetelek>")
    created = send(client, "action-szamla_agent_nyugta_create", create)
    root = parse(created.content)
    assert root.tag == f"{{{NS}xmlnyugtavalasz}}xmlnyugtavalasz"
    number = root.findtext(f".//{{{NS}xmlnyugtavalasz}}nyugtaszam")
    assert number and number.startswith("NYGTA-")
    fejlec = f"<fejlec><nyugtaszam>{number}</nyugtaszam></fejlec>"
    assert (
        b"<sikeres>true</sikeres>"
        in send(client, "action-szamla_agent_nyugta_get", query("xmlnyugtaget", fejlec)).content
    )
    sent = send(client, "action-szamla_agent_nyugta_send", query("xmlnyugtasend", fejlec))
    assert b"xmlnyugtasendvalasz" in sent.content
    reversed_ = send(client, "action-szamla_agent_nyugta_storno", query("xmlnyugtast", fejlec))
    assert b"<stornozott>true</stornozott>" in reversed_.content
    missing = send(client, "action-szamla_agent_nyugta_get", query("xmlnyugtaget", "<fejlec/>"))
    assert error(missing) is not None and b"<sikeres>false</sikeres>" in missing.content
    taxpayer = send(
        client, "action-szamla_agent_taxpayer", query("xmltaxpayer", "<torzsszam>12345678</torzsszam>")
    )
    assert b"Sandbox 12345678 Kft." in taxpayer.content
    bad = send(client, "action-szamla_agent_taxpayer", query("xmltaxpayer", "<torzsszam>12</torzsszam>"))
    assert error(bad) is not None
    assert counters(sb)["writes_applied"] == 2  # create and reversal


def test_other_methods_are_405(client: httpx.Client) -> None:
    response = client.get("/szamla/")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
