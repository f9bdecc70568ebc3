"""The spec-driven Számla Agent XML codec: valid against the provider XSDs, round trips, tolerant reading."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

import pytest
import xmlschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billing_sessions.szamla_agent import AgentXmlError, from_xml, to_xml
from billing_sessions_generated.szamla_agent import models as m
from billing_sessions_generated.szamla_agent.types import Unset
from billing_sessions_generated.szamla_agent.xml_layout import ROOTS, TYPES
from tests.agent_models import every_request, invoice

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import regenerate  # noqa: E402

# The provider's XSDs are reference material kept next to the repository, never copied into it.
XSD = ROOT.parent / "shared" / "provider-docs" / "szamla-agent-xsd"
needs_xsd = pytest.mark.skipif(
    not XSD.is_dir(), reason="the provider's XSDs (../shared/provider-docs/szamla-agent-xsd) are not here"
)
OWNED = {"szamlaagentkulcs": "agent-key", "valaszVerzio": "2"}
REQUESTS = [name for name, (element, _ns) in ROOTS.items() if (XSD / "requests" / f"{element}.xsd").is_file()]
SPEC = regenerate.load_spec("szamla_agent")["components"]["schemas"]
PATTERNS = {
    (regenerate.class_name(name), key): prop["pattern"]
    for name, schema in SPEC.items()
    for key, prop in schema.get("properties", {}).items()
    if "pattern" in prop
}
MINIMUMS = {
    (regenerate.class_name(name), key): prop["minimum"]
    for name, schema in SPEC.items()
    for key, prop in schema.get("properties", {}).items()
    if "minimum" in prop
}


@functools.cache
def schema(element: str) -> xmlschema.XMLSchema:
    folder = "requests" if (XSD / "requests" / f"{element}.xsd").is_file() else "responses"
    return xmlschema.XMLSchema(str(XSD / folder / f"{element}.xsd"))


def validate(model: Any) -> bytes:
    data = to_xml(model, OWNED)
    schema(ROOTS[type(model).__name__][0]).validate(data.decode("utf-8"))
    return data


@needs_xsd
@pytest.mark.parametrize("model", every_request(), ids=lambda model: type(model).__name__)
def test_every_request_the_tests_build_is_valid_against_the_provider_xsd(model: Any) -> None:
    data = validate(model)
    assert from_xml(data) == model


@needs_xsd
def test_every_request_root_in_the_spec_has_its_xsd_and_a_test_model() -> None:
    built = {type(model).__name__ for model in every_request()}
    assert built == set(REQUESTS)
    assert len(REQUESTS) == 11


@needs_xsd
@pytest.mark.parametrize("path", sorted(XSD.glob("examples/*.xml")) if XSD.is_dir() else [], ids=str)
def test_the_provider_examples_parse_and_serialize_to_an_equivalent_document(path: Path) -> None:
    owned: dict[str, str] = {}
    model = from_xml(path.read_bytes(), owned=owned)
    again = to_xml(model, owned)
    assert from_xml(again, owned={}) == model
    element = ROOTS[type(model).__name__][0]
    if (XSD / "requests" / f"{element}.xsd").is_file():
        schema(element).validate(again.decode("utf-8"))
        assert owned["szamlaagentkulcs"]  # the credentials were read out, never into the model
        assert "szamlaagentkulcs" not in repr(model)


@needs_xsd
def test_answers_the_sandbox_writes_are_valid_against_the_provider_xsd() -> None:
    answer = m.Xmlnyugtasendvalasz(sikeres=False, hibakod=7, hibauzenet="Hiányzó adat")
    schema("xmlnyugtasendvalasz").validate(to_xml(answer).decode())
    deleted = m.Xmlszamladbkdelvalasz(sikeres=True)
    schema("xmlszamladbkdelvalasz").validate(to_xml(deleted).decode())


def test_an_unescaped_ampersand_in_an_answer_url_is_kept() -> None:
    url = "https://www.szamlazz.hu/szamla/?page=vevoifiokpay&partguid=AbC123"
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><xmlszamlavalasz xmlns="http://www.szamlazz.hu/xmlszamlavalasz">'
        f"<sikeres>true</sikeres><szamlaszam>E-1</szamlaszam><vevoifiokurl>{url}</vevoifiokurl>"
        "<megjegyzes>A &amp; B</megjegyzes></xmlszamlavalasz>"
    ).encode()
    answer = from_xml(body)
    assert isinstance(answer, m.AgentXmlResponse)
    assert answer.vevoifiokurl == url
    assert answer.additional_properties == {"megjegyzes": "A & B"}


def test_unknown_elements_are_kept_and_written_back() -> None:
    body = (
        b"<xmlszamladbkdelvalasz><sikeres>true</sikeres><ujMezo>x</ujMezo>"
        b"<ujBlokk><a>1</a></ujBlokk></xmlszamladbkdelvalasz>"
    )
    answer = from_xml(body)
    assert answer.sikeres is True
    assert answer.additional_properties == {"ujMezo": "x", "ujBlokk": {"a": "1"}}  # nested ones too
    assert b"<ujMezo>x</ujMezo><ujBlokk><a>1</a></ujBlokk>" in to_xml(answer)


def test_an_answer_keeps_an_unreadable_value_as_text_and_a_missing_one_is_absent(
    caplog: pytest.LogCaptureFixture,
) -> None:
    answer = from_xml(
        b"<xmlszamlavalasz><sikeres>true</sikeres><szamlanetto>sok</szamlanetto></xmlszamlavalasz>"
    )
    assert answer.sikeres is True and answer.szamlanetto == "sok"  # as sent, not dropped
    assert from_xml(b"<xmlszamlavalasz><sikeres>talan</sikeres></xmlszamlavalasz>").sikeres == "talan"
    missing = from_xml(b"<xmlszamlavalasz><szamlaszam>E-1</szamlaszam></xmlszamlavalasz>")
    assert missing.szamlaszam == "E-1" and isinstance(missing.sikeres, Unset)
    assert [r.getMessage().rsplit(": ", 1)[1] for r in caplog.records if r.levelname == "WARNING"] == [
        "xmlszamlavalasz/szamlanetto",
        "xmlszamlavalasz/sikeres",
    ]
    with pytest.raises(AgentXmlError) as strict:  # a request is read strictly
        from_xml(b"<xmlszamlavalasz><szamlaszam>E-1</szamlaszam></xmlszamlavalasz>", strict=True)
    assert strict.value.element == "sikeres" and strict.value.missing
    with pytest.raises(AgentXmlError, match="unknown root"):
        from_xml(b"<html><body>login</body></html>")
    with pytest.raises(AgentXmlError, match="could not be read"):
        from_xml(b"<xmlszamlavalasz><sikeres>")


def test_strict_reading_refuses_a_value_outside_the_enumeration() -> None:
    data = to_xml(invoice()).replace(b"<szamlaNyelve>hu</szamlaNyelve>", b"<szamlaNyelve>xx</szamlaNyelve>")
    with pytest.raises(AgentXmlError) as caught:
        from_xml(data, strict=True)
    assert caught.value.element == "szamlaNyelve"


def test_strict_reading_checks_the_spec_minimum_and_pattern() -> None:
    negative = to_xml(invoice()).replace(b"</afaErtek>", b"</afaErtek><torloKod>-1</torloKod>", 1)
    assert from_xml(negative).tetelek[0].torlo_kod == -1  # an answer is read as it comes
    with pytest.raises(AgentXmlError) as low:
        from_xml(negative, strict=True)
    assert low.value.element == "torloKod"
    short = to_xml(m.Xmltaxpayer(m.XmltaxpayerBeallitasok(), torzsszam="1234"))
    with pytest.raises(AgentXmlError) as pattern:
        from_xml(short, strict=True)
    assert pattern.value.element == "torzsszam"


def test_a_model_carrying_a_session_owned_element_is_refused() -> None:
    model = invoice()
    model.beallitasok.additional_properties["szamlaagentkulcs"] = "someone-elses-key"
    with pytest.raises(AgentXmlError, match="filled in by the session") as caught:
        to_xml(model, OWNED)
    assert "someone-elses-key" not in str(caught.value)


def test_owned_values_are_written_where_the_spec_places_them() -> None:
    data = to_xml(invoice(), {"szamlaagentkulcs": "k&1", "valaszVerzio": "2"}).decode()
    assert "<beallitasok><szamlaagentkulcs>k&amp;1</szamlaagentkulcs><eszamla>" in data
    assert "</szamlaLetoltes><valaszVerzio>2</valaszVerzio></beallitasok>" in data
    pdf = to_xml(m.Xmlszamlapdf(szamlaszam="E-1"), {"felhasznalo": "u", "jelszo": "p", "valaszVerzio": "2"})
    assert pdf.decode().endswith(
        "<felhasznalo>u</felhasznalo><jelszo>p</jelszo><szamlaszam>E-1</szamlaszam>"
        "<valaszVerzio>2</valaszVerzio></xmlszamlapdf>"
    )


def test_a_non_finite_number_is_refused() -> None:
    with pytest.raises(AgentXmlError, match="finite"):
        to_xml(invoice(m.XmlszamlaTetel("x", float("nan"), "db", 1.0, "27", 1.0, 0.27, 1.27)))


# -- hypothesis: generated models of every root, from the layout the codec itself walks

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cn")), max_size=12)
LEAVES: dict[str, st.SearchStrategy[Any]] = {
    "str": TEXT,
    "int": st.integers(-(2**31), 2**31 - 1),
    "float": st.floats(allow_nan=False, allow_infinity=False),
    "bool": st.booleans(),
    "date": st.dates().map(lambda day: day.isoformat()),
}


def leaf(cls: str, key: str, kind: str, enum: tuple[str, ...]) -> st.SearchStrategy[Any]:
    if enum:
        return st.sampled_from(enum)
    if (cls, key) in PATTERNS:
        return st.from_regex(PATTERNS[(cls, key)], fullmatch=True)
    if (cls, key) in MINIMUMS:
        low = MINIMUMS[(cls, key)]
        return st.integers(low, 2**31 - 1) if kind == "int" else st.floats(low, allow_infinity=False)
    return LEAVES[kind]


def value(cls: str, field: tuple[Any, ...], depth: int) -> st.SearchStrategy[Any]:
    key, kind, item, target, enum = field[0], field[2], field[3], field[4], field[7]
    if kind == "obj":
        return document(target, depth + 1)
    if kind in ("list", "many"):
        entry = document(target, depth + 1) if item[1] == "obj" else leaf(cls, key, item[1], enum)
        return st.lists(entry, min_size=1, max_size=3)
    return leaf(cls, key, kind, enum)


def document(cls: str, depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    fields = [f for f in TYPES[cls] if not f[6]]
    required = {f[0]: value(cls, f, depth) for f in fields if f[5]}
    optional = {f[0]: value(cls, f, depth) for f in fields if not f[5]} if depth < 3 else {}
    return st.fixed_dictionaries(required, optional=optional)


MODELS = st.sampled_from(sorted(ROOTS)).flatmap(
    lambda cls: document(cls).map(lambda data: getattr(m, cls).from_dict(data))
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MODELS)
def test_generated_models_round_trip(model: Any) -> None:
    assert from_xml(to_xml(model)) == model
    assert from_xml(to_xml(model, OWNED), strict=True) == model


@needs_xsd
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(REQUESTS)).flatmap(lambda cls: document(cls).map(getattr(m, cls).from_dict)))
def test_generated_request_models_are_valid_against_the_provider_xsd(model: Any) -> None:
    assert from_xml(validate(model)) == model


def test_a_bad_date_in_an_answer_is_kept_as_text_and_refused_in_a_request() -> None:
    data = to_xml(invoice())
    optional = data.replace(b"<keltDatum>2026-11-23</keltDatum>", b"<keltDatum>tegnap</keltDatum>")
    assert from_xml(optional).fejlec.kelt_datum == "tegnap"
    with pytest.raises(AgentXmlError) as strict:
        from_xml(optional, strict=True)
    assert strict.value.element == "keltDatum"
    required = data.replace(
        b"<teljesitesDatum>2026-11-23</teljesitesDatum>", b"<teljesitesDatum>x</teljesitesDatum>"
    )
    read = from_xml(required)
    assert read.fejlec.teljesites_datum == "x" and read.fejlec.kelt_datum.isoformat() == "2026-11-23"
    with pytest.raises(AgentXmlError) as caught:
        from_xml(required, strict=True)
    assert caught.value.element == "teljesitesDatum"
