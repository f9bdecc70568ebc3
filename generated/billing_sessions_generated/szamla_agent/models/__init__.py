"""Contains all the data models used in inputs/outputs"""

from .agent_request import AgentRequest
from .agent_xml_response import AgentXmlResponse
from .query_taxpayer_response import QueryTaxpayerResponse
from .query_taxpayer_response_result import QueryTaxpayerResponseResult
from .query_taxpayer_response_tax_number_detail import (
    QueryTaxpayerResponseTaxNumberDetail,
)
from .query_taxpayer_response_taxpayer_data import QueryTaxpayerResponseTaxpayerData
from .szamla import Szamla
from .szamla_afakulcsossz import SzamlaAfakulcsossz
from .szamla_alap import SzamlaAlap
from .szamla_bank import SzamlaBank
from .szamla_cim import SzamlaCim
from .szamla_cimkek import SzamlaCimkek
from .szamla_cimposta import SzamlaCimposta
from .szamla_fokonyvtetel import SzamlaFokonyvtetel
from .szamla_fokonyvvevo import SzamlaFokonyvvevo
from .szamla_kifizetes import SzamlaKifizetes
from .szamla_osszegek import SzamlaOsszegek
from .szamla_qutet import SzamlaQutet
from .szamla_szallito import SzamlaSzallito
from .szamla_tetel import SzamlaTetel
from .szamla_totalossz import SzamlaTotalossz
from .szamla_vevo import SzamlaVevo
from .xmlnyugtacreate import Xmlnyugtacreate
from .xmlnyugtacreate_beallitasok import XmlnyugtacreateBeallitasok
from .xmlnyugtacreate_fejlec import XmlnyugtacreateFejlec
from .xmlnyugtacreate_kifizetes import XmlnyugtacreateKifizetes
from .xmlnyugtacreate_tetel import XmlnyugtacreateTetel
from .xmlnyugtacreate_tetel_fokonyv import XmlnyugtacreateTetelFokonyv
from .xmlnyugtaget import Xmlnyugtaget
from .xmlnyugtaget_beallitasok import XmlnyugtagetBeallitasok
from .xmlnyugtaget_fejlec import XmlnyugtagetFejlec
from .xmlnyugtasend import Xmlnyugtasend
from .xmlnyugtasend_beallitasok import XmlnyugtasendBeallitasok
from .xmlnyugtasend_email_kuldes import XmlnyugtasendEmailKuldes
from .xmlnyugtasend_fejlec import XmlnyugtasendFejlec
from .xmlnyugtasendvalasz import Xmlnyugtasendvalasz
from .xmlnyugtast import Xmlnyugtast
from .xmlnyugtast_beallitasok import XmlnyugtastBeallitasok
from .xmlnyugtast_fejlec import XmlnyugtastFejlec
from .xmlnyugtavalasz import Xmlnyugtavalasz
from .xmlnyugtavalasz_afakulcsossz import XmlnyugtavalaszAfakulcsossz
from .xmlnyugtavalasz_alap import XmlnyugtavalaszAlap
from .xmlnyugtavalasz_fokonyvtetel import XmlnyugtavalaszFokonyvtetel
from .xmlnyugtavalasz_kifizetes import XmlnyugtavalaszKifizetes
from .xmlnyugtavalasz_nyugta import XmlnyugtavalaszNyugta
from .xmlnyugtavalasz_osszegek import XmlnyugtavalaszOsszegek
from .xmlnyugtavalasz_tetel import XmlnyugtavalaszTetel
from .xmlnyugtavalasz_totalossz import XmlnyugtavalaszTotalossz
from .xmlszamla import Xmlszamla
from .xmlszamla_beallitasok import XmlszamlaBeallitasok
from .xmlszamla_elado import XmlszamlaElado
from .xmlszamla_fejlec import XmlszamlaFejlec
from .xmlszamla_fejlec_szamla_nyelve import XmlszamlaFejlecSzamlaNyelve
from .xmlszamla_fuvarlevel import XmlszamlaFuvarlevel
from .xmlszamla_mpl import XmlszamlaMpl
from .xmlszamla_ppp import XmlszamlaPpp
from .xmlszamla_sprinter import XmlszamlaSprinter
from .xmlszamla_tetel import XmlszamlaTetel
from .xmlszamla_tetel_fokonyv import XmlszamlaTetelFokonyv
from .xmlszamla_transoflex import XmlszamlaTransoflex
from .xmlszamla_vevo import XmlszamlaVevo
from .xmlszamla_vevo_fokonyv import XmlszamlaVevoFokonyv
from .xmlszamladbkdel import Xmlszamladbkdel
from .xmlszamladbkdel_beallitasok import XmlszamladbkdelBeallitasok
from .xmlszamladbkdel_fejlec import XmlszamladbkdelFejlec
from .xmlszamladbkdelvalasz import Xmlszamladbkdelvalasz
from .xmlszamlakifiz import Xmlszamlakifiz
from .xmlszamlakifiz_beallitasok import XmlszamlakifizBeallitasok
from .xmlszamlakifiz_kifizetes import XmlszamlakifizKifizetes
from .xmlszamlapdf import Xmlszamlapdf
from .xmlszamlast import Xmlszamlast
from .xmlszamlast_beallitasok import XmlszamlastBeallitasok
from .xmlszamlast_elado import XmlszamlastElado
from .xmlszamlast_fejlec import XmlszamlastFejlec
from .xmlszamlast_vevo import XmlszamlastVevo
from .xmlszamlaxml import Xmlszamlaxml
from .xmltaxpayer import Xmltaxpayer
from .xmltaxpayer_beallitasok import XmltaxpayerBeallitasok

__all__ = (
    "AgentRequest",
    "AgentXmlResponse",
    "QueryTaxpayerResponse",
    "QueryTaxpayerResponseResult",
    "QueryTaxpayerResponseTaxNumberDetail",
    "QueryTaxpayerResponseTaxpayerData",
    "Szamla",
    "SzamlaAfakulcsossz",
    "SzamlaAlap",
    "SzamlaBank",
    "SzamlaCim",
    "SzamlaCimkek",
    "SzamlaCimposta",
    "SzamlaFokonyvtetel",
    "SzamlaFokonyvvevo",
    "SzamlaKifizetes",
    "SzamlaOsszegek",
    "SzamlaQutet",
    "SzamlaSzallito",
    "SzamlaTetel",
    "SzamlaTotalossz",
    "SzamlaVevo",
    "Xmlnyugtacreate",
    "XmlnyugtacreateBeallitasok",
    "XmlnyugtacreateFejlec",
    "XmlnyugtacreateKifizetes",
    "XmlnyugtacreateTetel",
    "XmlnyugtacreateTetelFokonyv",
    "Xmlnyugtaget",
    "XmlnyugtagetBeallitasok",
    "XmlnyugtagetFejlec",
    "Xmlnyugtasend",
    "XmlnyugtasendBeallitasok",
    "XmlnyugtasendEmailKuldes",
    "XmlnyugtasendFejlec",
    "Xmlnyugtasendvalasz",
    "Xmlnyugtast",
    "XmlnyugtastBeallitasok",
    "XmlnyugtastFejlec",
    "Xmlnyugtavalasz",
    "XmlnyugtavalaszAfakulcsossz",
    "XmlnyugtavalaszAlap",
    "XmlnyugtavalaszFokonyvtetel",
    "XmlnyugtavalaszKifizetes",
    "XmlnyugtavalaszNyugta",
    "XmlnyugtavalaszOsszegek",
    "XmlnyugtavalaszTetel",
    "XmlnyugtavalaszTotalossz",
    "Xmlszamla",
    "XmlszamlaBeallitasok",
    "Xmlszamladbkdel",
    "XmlszamladbkdelBeallitasok",
    "XmlszamladbkdelFejlec",
    "Xmlszamladbkdelvalasz",
    "XmlszamlaElado",
    "XmlszamlaFejlec",
    "XmlszamlaFejlecSzamlaNyelve",
    "XmlszamlaFuvarlevel",
    "Xmlszamlakifiz",
    "XmlszamlakifizBeallitasok",
    "XmlszamlakifizKifizetes",
    "XmlszamlaMpl",
    "Xmlszamlapdf",
    "XmlszamlaPpp",
    "XmlszamlaSprinter",
    "Xmlszamlast",
    "XmlszamlastBeallitasok",
    "XmlszamlastElado",
    "XmlszamlastFejlec",
    "XmlszamlastVevo",
    "XmlszamlaTetel",
    "XmlszamlaTetelFokonyv",
    "XmlszamlaTransoflex",
    "XmlszamlaVevo",
    "XmlszamlaVevoFokonyv",
    "Xmlszamlaxml",
    "Xmltaxpayer",
    "XmltaxpayerBeallitasok",
)
