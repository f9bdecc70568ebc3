from typing import Literal

XmlszamlaFejlecSzamlaNyelve = Literal[
    "bg",
    "cz",
    "de",
    "en",
    "es",
    "fr",
    "hr",
    "hu",
    "it",
    "nl",
    "pl",
    "ro",
    "ru",
    "si",
    "sk",
]

XMLSZAMLA_FEJLEC_SZAMLA_NYELVE_VALUES: set[XmlszamlaFejlecSzamlaNyelve] = {
    "bg",
    "cz",
    "de",
    "en",
    "es",
    "fr",
    "hr",
    "hu",
    "it",
    "nl",
    "pl",
    "ro",
    "ru",
    "si",
    "sk",
}


def check_xmlszamla_fejlec_szamla_nyelve(value: str) -> XmlszamlaFejlecSzamlaNyelve:
    if value in XMLSZAMLA_FEJLEC_SZAMLA_NYELVE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {XMLSZAMLA_FEJLEC_SZAMLA_NYELVE_VALUES!r}"
    )
