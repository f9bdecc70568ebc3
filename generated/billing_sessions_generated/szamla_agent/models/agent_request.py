from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define

from .. import types
from ..types import UNSET, File, FileTypes, Unset

T = TypeVar("T", bound="AgentRequest")


@_attrs_define
class AgentRequest:
    """The multipart body of a Számla Agent call. Each property is the file part of one operation;
    its name selects the operation and its content is the request XML (root element and
    namespace `http://www.szamlazz.hu/<root>` as given per field). Send **exactly one** part per
    call, as a file part with a filename and `Content-Type: text/xml`. A plain text form field
    instead of a file part is not found and fails with error 53 ("missing XML file").
    Authentication (`<szamlaagentkulcs>`, or `<felhasznalo>` + `<jelszo>`) is inside the XML.
    Each root's XML is described by the schema of the same name (element order, required elements,
    namespace and lists from the provider's XSDs, as OpenAPI `xml` objects); its answers by
    `agentXmlResponse` (`xmlszamlavalasz`), `xmlnyugtavalasz`, `xmlnyugtasendvalasz`,
    `xmlszamladbkdelvalasz`, `szamla` and `QueryTaxpayerResponse`. Elements marked
    `x-session-owned` (credentials, `valaszVerzio`) are written by the session.

        Attributes:
            action_xmlagentxmlfile (File | Unset): Generate an invoice (also pro forma / advance / final invoice). XML root
                `xmlszamla` (schema `xmlszamla`), namespace `http://www.szamlazz.hu/xmlszamla`. `valaszVerzio` 1 answers the PDF
                (or `xmlagentresponse=DONE;<number>` without PDF download), 2 answers `xmlszamlavalasz`.
            action_szamla_agent_st (File | Unset): Reverse (storno) an invoice. XML root `xmlszamlast` (schema
                `xmlszamlast`), namespace `http://www.szamlazz.hu/xmlszamlast`.
            action_szamla_agent_kifiz (File | Unset): Register a credit entry (payment) on an invoice. XML root
                `xmlszamlakifiz` (schema `xmlszamlakifiz`), namespace `http://www.szamlazz.hu/xmlszamlakifiz`.
            action_szamla_agent_pdf (File | Unset): Query the PDF of an invoice. XML root `xmlszamlapdf` (schema
                `xmlszamlapdf`), namespace `http://www.szamlazz.hu/xmlszamlapdf`.
            action_szamla_agent_xml (File | Unset): Query the data of an invoice as XML. XML root `xmlszamlaxml` (schema
                `xmlszamlaxml`), namespace `http://www.szamlazz.hu/xmlszamlaxml`.
            action_szamla_agent_dijbekero_torlese (File | Unset): Delete a pro forma invoice (díjbekérő). XML root
                `xmlszamladbkdel` (schema `xmlszamladbkdel`), namespace `http://www.szamlazz.hu/xmlszamladbkdel`.
            action_szamla_agent_nyugta_create (File | Unset): Create a receipt (nyugta). XML root `xmlnyugtacreate` (schema
                `xmlnyugtacreate`), namespace `http://www.szamlazz.hu/xmlnyugtacreate`.
            action_szamla_agent_nyugta_storno (File | Unset): Reverse a receipt. XML root `xmlnyugtast` (schema
                `xmlnyugtast`), namespace `http://www.szamlazz.hu/xmlnyugtast`.
            action_szamla_agent_nyugta_get (File | Unset): Query a receipt. XML root `xmlnyugtaget` (schema `xmlnyugtaget`),
                namespace `http://www.szamlazz.hu/xmlnyugtaget`.
            action_szamla_agent_nyugta_send (File | Unset): Send a receipt by e-mail. XML root `xmlnyugtasend` (schema
                `xmlnyugtasend`), namespace `http://www.szamlazz.hu/xmlnyugtasend`.
            action_szamla_agent_taxpayer (File | Unset): Query a Hungarian taxpayer by tax number (from the NAV online
                invoice system). XML root `xmltaxpayer` (schema `xmltaxpayer`), namespace `http://www.szamlazz.hu/xmltaxpayer`.
    """

    action_xmlagentxmlfile: File | Unset = UNSET
    action_szamla_agent_st: File | Unset = UNSET
    action_szamla_agent_kifiz: File | Unset = UNSET
    action_szamla_agent_pdf: File | Unset = UNSET
    action_szamla_agent_xml: File | Unset = UNSET
    action_szamla_agent_dijbekero_torlese: File | Unset = UNSET
    action_szamla_agent_nyugta_create: File | Unset = UNSET
    action_szamla_agent_nyugta_storno: File | Unset = UNSET
    action_szamla_agent_nyugta_get: File | Unset = UNSET
    action_szamla_agent_nyugta_send: File | Unset = UNSET
    action_szamla_agent_taxpayer: File | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action_xmlagentxmlfile: FileTypes | Unset = UNSET
        if not isinstance(self.action_xmlagentxmlfile, Unset):
            action_xmlagentxmlfile = self.action_xmlagentxmlfile.to_tuple()

        action_szamla_agent_st: FileTypes | Unset = UNSET
        if not isinstance(self.action_szamla_agent_st, Unset):
            action_szamla_agent_st = self.action_szamla_agent_st.to_tuple()

        action_szamla_agent_kifiz: FileTypes | Unset = UNSET
        if not isinstance(self.action_szamla_agent_kifiz, Unset):
            action_szamla_agent_kifiz = self.action_szamla_agent_kifiz.to_tuple()

        action_szamla_agent_pdf: FileTypes | Unset = UNSET
        if not isinstance(self.action_szamla_agent_pdf, Unset):
            action_szamla_agent_pdf = self.action_szamla_agent_pdf.to_tuple()

        action_szamla_agent_xml: FileTypes | Unset = UNSET
        if not isinstance(self.action_szamla_agent_xml, Unset):
            action_szamla_agent_xml = self.action_szamla_agent_xml.to_tuple()

        action_szamla_agent_dijbekero_torlese: FileTypes | Unset = UNSET
        if not isinstance(self.action_szamla_agent_dijbekero_torlese, Unset):
            action_szamla_agent_dijbekero_torlese = (
                self.action_szamla_agent_dijbekero_torlese.to_tuple()
            )

        action_szamla_agent_nyugta_create: FileTypes | Unset = UNSET
        if not isinstance(self.action_szamla_agent_nyugta_create, Unset):
            action_szamla_agent_nyugta_create = (
                self.action_szamla_agent_nyugta_create.to_tuple()
            )

        action_szamla_agent_nyugta_storno: FileTypes | Unset = UNSET
        if not isinstance(self.action_szamla_agent_nyugta_storno, Unset):
            action_szamla_agent_nyugta_storno = (
                self.action_szamla_agent_nyugta_storno.to_tuple()
            )

        action_szamla_agent_nyugta_get: FileTypes | Unset = UNSET
        if not isinstance(self.action_szamla_agent_nyugta_get, Unset):
            action_szamla_agent_nyugta_get = (
                self.action_szamla_agent_nyugta_get.to_tuple()
            )

        action_szamla_agent_nyugta_send: FileTypes | Unset = UNSET
        if not isinstance(self.action_szamla_agent_nyugta_send, Unset):
            action_szamla_agent_nyugta_send = (
                self.action_szamla_agent_nyugta_send.to_tuple()
            )

        action_szamla_agent_taxpayer: FileTypes | Unset = UNSET
        if not isinstance(self.action_szamla_agent_taxpayer, Unset):
            action_szamla_agent_taxpayer = self.action_szamla_agent_taxpayer.to_tuple()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if action_xmlagentxmlfile is not UNSET:
            field_dict["action-xmlagentxmlfile"] = action_xmlagentxmlfile
        if action_szamla_agent_st is not UNSET:
            field_dict["action-szamla_agent_st"] = action_szamla_agent_st
        if action_szamla_agent_kifiz is not UNSET:
            field_dict["action-szamla_agent_kifiz"] = action_szamla_agent_kifiz
        if action_szamla_agent_pdf is not UNSET:
            field_dict["action-szamla_agent_pdf"] = action_szamla_agent_pdf
        if action_szamla_agent_xml is not UNSET:
            field_dict["action-szamla_agent_xml"] = action_szamla_agent_xml
        if action_szamla_agent_dijbekero_torlese is not UNSET:
            field_dict["action-szamla_agent_dijbekero_torlese"] = (
                action_szamla_agent_dijbekero_torlese
            )
        if action_szamla_agent_nyugta_create is not UNSET:
            field_dict["action-szamla_agent_nyugta_create"] = (
                action_szamla_agent_nyugta_create
            )
        if action_szamla_agent_nyugta_storno is not UNSET:
            field_dict["action-szamla_agent_nyugta_storno"] = (
                action_szamla_agent_nyugta_storno
            )
        if action_szamla_agent_nyugta_get is not UNSET:
            field_dict["action-szamla_agent_nyugta_get"] = (
                action_szamla_agent_nyugta_get
            )
        if action_szamla_agent_nyugta_send is not UNSET:
            field_dict["action-szamla_agent_nyugta_send"] = (
                action_szamla_agent_nyugta_send
            )
        if action_szamla_agent_taxpayer is not UNSET:
            field_dict["action-szamla_agent_taxpayer"] = action_szamla_agent_taxpayer

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        if not isinstance(self.action_xmlagentxmlfile, Unset):
            files.append(
                ("action-xmlagentxmlfile", self.action_xmlagentxmlfile.to_tuple())
            )

        if not isinstance(self.action_szamla_agent_st, Unset):
            files.append(
                ("action-szamla_agent_st", self.action_szamla_agent_st.to_tuple())
            )

        if not isinstance(self.action_szamla_agent_kifiz, Unset):
            files.append(
                ("action-szamla_agent_kifiz", self.action_szamla_agent_kifiz.to_tuple())
            )

        if not isinstance(self.action_szamla_agent_pdf, Unset):
            files.append(
                ("action-szamla_agent_pdf", self.action_szamla_agent_pdf.to_tuple())
            )

        if not isinstance(self.action_szamla_agent_xml, Unset):
            files.append(
                ("action-szamla_agent_xml", self.action_szamla_agent_xml.to_tuple())
            )

        if not isinstance(self.action_szamla_agent_dijbekero_torlese, Unset):
            files.append(
                (
                    "action-szamla_agent_dijbekero_torlese",
                    self.action_szamla_agent_dijbekero_torlese.to_tuple(),
                )
            )

        if not isinstance(self.action_szamla_agent_nyugta_create, Unset):
            files.append(
                (
                    "action-szamla_agent_nyugta_create",
                    self.action_szamla_agent_nyugta_create.to_tuple(),
                )
            )

        if not isinstance(self.action_szamla_agent_nyugta_storno, Unset):
            files.append(
                (
                    "action-szamla_agent_nyugta_storno",
                    self.action_szamla_agent_nyugta_storno.to_tuple(),
                )
            )

        if not isinstance(self.action_szamla_agent_nyugta_get, Unset):
            files.append(
                (
                    "action-szamla_agent_nyugta_get",
                    self.action_szamla_agent_nyugta_get.to_tuple(),
                )
            )

        if not isinstance(self.action_szamla_agent_nyugta_send, Unset):
            files.append(
                (
                    "action-szamla_agent_nyugta_send",
                    self.action_szamla_agent_nyugta_send.to_tuple(),
                )
            )

        if not isinstance(self.action_szamla_agent_taxpayer, Unset):
            files.append(
                (
                    "action-szamla_agent_taxpayer",
                    self.action_szamla_agent_taxpayer.to_tuple(),
                )
            )

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _action_xmlagentxmlfile = d.pop("action-xmlagentxmlfile", UNSET)
        action_xmlagentxmlfile: File | Unset
        if isinstance(_action_xmlagentxmlfile, Unset):
            action_xmlagentxmlfile = UNSET
        else:
            action_xmlagentxmlfile = File(payload=BytesIO(_action_xmlagentxmlfile))

        _action_szamla_agent_st = d.pop("action-szamla_agent_st", UNSET)
        action_szamla_agent_st: File | Unset
        if isinstance(_action_szamla_agent_st, Unset):
            action_szamla_agent_st = UNSET
        else:
            action_szamla_agent_st = File(payload=BytesIO(_action_szamla_agent_st))

        _action_szamla_agent_kifiz = d.pop("action-szamla_agent_kifiz", UNSET)
        action_szamla_agent_kifiz: File | Unset
        if isinstance(_action_szamla_agent_kifiz, Unset):
            action_szamla_agent_kifiz = UNSET
        else:
            action_szamla_agent_kifiz = File(
                payload=BytesIO(_action_szamla_agent_kifiz)
            )

        _action_szamla_agent_pdf = d.pop("action-szamla_agent_pdf", UNSET)
        action_szamla_agent_pdf: File | Unset
        if isinstance(_action_szamla_agent_pdf, Unset):
            action_szamla_agent_pdf = UNSET
        else:
            action_szamla_agent_pdf = File(payload=BytesIO(_action_szamla_agent_pdf))

        _action_szamla_agent_xml = d.pop("action-szamla_agent_xml", UNSET)
        action_szamla_agent_xml: File | Unset
        if isinstance(_action_szamla_agent_xml, Unset):
            action_szamla_agent_xml = UNSET
        else:
            action_szamla_agent_xml = File(payload=BytesIO(_action_szamla_agent_xml))

        _action_szamla_agent_dijbekero_torlese = d.pop(
            "action-szamla_agent_dijbekero_torlese", UNSET
        )
        action_szamla_agent_dijbekero_torlese: File | Unset
        if isinstance(_action_szamla_agent_dijbekero_torlese, Unset):
            action_szamla_agent_dijbekero_torlese = UNSET
        else:
            action_szamla_agent_dijbekero_torlese = File(
                payload=BytesIO(_action_szamla_agent_dijbekero_torlese)
            )

        _action_szamla_agent_nyugta_create = d.pop(
            "action-szamla_agent_nyugta_create", UNSET
        )
        action_szamla_agent_nyugta_create: File | Unset
        if isinstance(_action_szamla_agent_nyugta_create, Unset):
            action_szamla_agent_nyugta_create = UNSET
        else:
            action_szamla_agent_nyugta_create = File(
                payload=BytesIO(_action_szamla_agent_nyugta_create)
            )

        _action_szamla_agent_nyugta_storno = d.pop(
            "action-szamla_agent_nyugta_storno", UNSET
        )
        action_szamla_agent_nyugta_storno: File | Unset
        if isinstance(_action_szamla_agent_nyugta_storno, Unset):
            action_szamla_agent_nyugta_storno = UNSET
        else:
            action_szamla_agent_nyugta_storno = File(
                payload=BytesIO(_action_szamla_agent_nyugta_storno)
            )

        _action_szamla_agent_nyugta_get = d.pop("action-szamla_agent_nyugta_get", UNSET)
        action_szamla_agent_nyugta_get: File | Unset
        if isinstance(_action_szamla_agent_nyugta_get, Unset):
            action_szamla_agent_nyugta_get = UNSET
        else:
            action_szamla_agent_nyugta_get = File(
                payload=BytesIO(_action_szamla_agent_nyugta_get)
            )

        _action_szamla_agent_nyugta_send = d.pop(
            "action-szamla_agent_nyugta_send", UNSET
        )
        action_szamla_agent_nyugta_send: File | Unset
        if isinstance(_action_szamla_agent_nyugta_send, Unset):
            action_szamla_agent_nyugta_send = UNSET
        else:
            action_szamla_agent_nyugta_send = File(
                payload=BytesIO(_action_szamla_agent_nyugta_send)
            )

        _action_szamla_agent_taxpayer = d.pop("action-szamla_agent_taxpayer", UNSET)
        action_szamla_agent_taxpayer: File | Unset
        if isinstance(_action_szamla_agent_taxpayer, Unset):
            action_szamla_agent_taxpayer = UNSET
        else:
            action_szamla_agent_taxpayer = File(
                payload=BytesIO(_action_szamla_agent_taxpayer)
            )

        agent_request = cls(
            action_xmlagentxmlfile=action_xmlagentxmlfile,
            action_szamla_agent_st=action_szamla_agent_st,
            action_szamla_agent_kifiz=action_szamla_agent_kifiz,
            action_szamla_agent_pdf=action_szamla_agent_pdf,
            action_szamla_agent_xml=action_szamla_agent_xml,
            action_szamla_agent_dijbekero_torlese=action_szamla_agent_dijbekero_torlese,
            action_szamla_agent_nyugta_create=action_szamla_agent_nyugta_create,
            action_szamla_agent_nyugta_storno=action_szamla_agent_nyugta_storno,
            action_szamla_agent_nyugta_get=action_szamla_agent_nyugta_get,
            action_szamla_agent_nyugta_send=action_szamla_agent_nyugta_send,
            action_szamla_agent_taxpayer=action_szamla_agent_taxpayer,
        )

        return agent_request
