"""Számlázz.hu Számla Agent: XML as a file part, one ``JSESSIONID`` cookie per account, stored and reused.

The cookie only caches the authentication inside the XML. The first call without one creates it (one caller
at a time, so a fleet sharing a store creates one session); it is stored after every answer that sets one and
sent on every call; a new cookie from the server (after 90 idle minutes) replaces the stored one. Failed calls
are never retried automatically (provider rule).

## Quickstart

Runs as is on the embedded sandbox. For a real account drop the URL (the default is the production Agent)
and pass your ``agent_key=`` (or ``username=`` + ``password=``); an empty ``<szamlaagentkulcs/>`` in the XML
is filled with the key.

```python
from billing_sessions import szamla_agent
from billing_sessions.sandbox import DEMO, Sandbox

XML = '''<?xml version="1.0" encoding="UTF-8"?>
<xmlszamla xmlns="http://www.szamlazz.hu/xmlszamla">
  <beallitasok>
    <szamlaagentkulcs/><eszamla>false</eszamla>
    <szamlaLetoltes>true</szamlaLetoltes>
  </beallitasok>
  <fejlec>
    <keltDatum>2026-01-15</keltDatum><fizmod>Átutalás</fizmod>
    <penznem>HUF</penznem>
  </fejlec>
  <vevo>
    <nev>Demo Kft.</nev><irsz>1011</irsz>
    <telepules>Budapest</telepules><cim>Fő utca 1.</cim>
  </vevo>
  <tetelek>
    <tetel><megnevezes>Demo</megnevezes><mennyiseg>1</mennyiseg></tetel>
  </tetelek>
</xmlszamla>'''

with Sandbox() as sb, szamla_agent.Session(
    sb.base_url("szamla_agent"), agent_key=DEMO.szamla_agent_key
) as s:
    answer = s.send("action-xmlagentxmlfile", XML)  # errors raise AgentError
    print(answer.invoice_number, len(answer.pdf or b""))
```

Pass ``store=FileStore("sessions.json")`` to reuse the cookie across Session objects and processes;
``s.reset()`` forgets it after the account details changed. ``AsyncSession`` takes the same arguments
(``async with``, ``await s.send(...)``, ``await s.reset()``).
"""

from __future__ import annotations

import base64
import contextlib
import http.cookies
import xml.etree.ElementTree as ET
from io import BytesIO
from typing import Any, Unpack
from urllib.parse import unquote_plus
from xml.sax.saxutils import escape

import attrs
import httpx

from billing_sessions.core import Provider, Token, require, write_outcome
from billing_sessions.errors import BillingSessionError, ProviderError, ProviderUnavailable
from billing_sessions.session import AsyncSessionBase, SessionOptions, SyncSession
from szamla_agent_client import AuthenticatedClient
from szamla_agent_client.api.agent import agent_call
from szamla_agent_client.models import AgentRequest
from szamla_agent_client.types import File, Response

DEFAULT_BASE_URL = "https://www.szamlazz.hu"
COOKIE = "JSESSIONID"
ACTIONS = tuple(
    f.name.replace("_", "-", 1) for f in attrs.fields(AgentRequest) if f.name.startswith("action_")
)
_DECODED = {"szlahu_szamlaszam", "szlahu_error", "szlahu_vevoifiokurl"}


@attrs.frozen(repr=False)
class AgentResponse:
    """One Agent answer, headers decoded. ``ok`` is False only when ``send(..., check=False)``."""

    ok: bool
    status: int
    invoice_number: str | None = None
    error_code: str | None = None
    error_message: str | None = None
    pdf: bytes | None = None
    xml: str | None = None
    text: str | None = None
    headers: dict[str, str] = attrs.field(factory=dict)

    def __repr__(self) -> str:
        pdf = f"<{len(self.pdf)} bytes>" if self.pdf is not None else None
        return (
            f"AgentResponse(ok={self.ok}, status={self.status}, invoice_number={self.invoice_number!r}, "
            f"error_code={self.error_code!r}, pdf={pdf})"
        )


class AgentError(ProviderError):
    """The Agent reported an error; ``response`` holds what came back (code 56: the invoice may exist)."""

    response: AgentResponse | None = None


class _SzamlaAgent(Provider):
    name = "szamla_agent"
    session_by_first_call = True
    retryable = False  # provider rule: never retry a failed Agent call automatically

    def __init__(self, agent_key: str | None, username: str | None, password: str | None):
        if agent_key is None and username is None:
            raise BillingSessionError("szamla_agent: agent_key or username and password is required")
        self.agent_key = require(agent_key, "agent_key", self.name) if username is None else None
        self.username = username
        self.password = require(password, "password", self.name) if username is not None else None
        self.login_clients = []

    def credentials(self) -> tuple[str, ...]:
        return (self.agent_key or "", self.username or "", self.password or "")

    def apply(self, request: httpx.Request, token: Token | None, nonce: int | None) -> httpx.Request:
        request.headers.pop("Authorization", None)
        # The client's own jar is not the source of truth: the store is (shared by processes).
        if token is None:
            request.headers.pop("Cookie", None)
        else:
            request.headers["Cookie"] = f"{COOKIE}={token.value}"
        return request

    def session_from_response(self, response: httpx.Response) -> str | None:
        for header in response.headers.get_list("set-cookie"):
            jar = http.cookies.SimpleCookie()
            try:
                jar.load(header)
            except http.cookies.CookieError:
                continue
            if COOKIE in jar and jar[COOKIE].value:
                return jar[COOKIE].value
        return None


def fill_agent_key(xml: str, agent_key: str) -> str:
    """Put the agent key into an XML whose ``<szamlaagentkulcs>`` is empty or not in ``<beallitasok>``."""
    key = f"<szamlaagentkulcs>{escape(agent_key)}</szamlaagentkulcs>"
    for empty in ("<szamlaagentkulcs/>", "<szamlaagentkulcs />", "<szamlaagentkulcs></szamlaagentkulcs>"):
        if empty in xml:
            return xml.replace(empty, key, 1)
    if "<szamlaagentkulcs>" not in xml and "<beallitasok>" in xml:
        return xml.replace("<beallitasok>", "<beallitasok>" + key, 1)
    return xml


def _body(action: str, xml: str | bytes) -> AgentRequest:
    if action not in ACTIONS:
        raise BillingSessionError(
            f"szamla_agent: unknown action {action!r}; expected one of {', '.join(ACTIONS)}"
        )
    payload = xml.encode("utf-8") if isinstance(xml, str) else xml
    part = File(payload=BytesIO(payload), file_name="request.xml", mime_type="text/xml")
    return AgentRequest(**{action.replace("-", "_"): part})


def _xml_field(root: ET.Element, name: str) -> str | None:
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] == name:
            return (element.text or "").strip()
    return None


def parse_response(response: Response[Any], check: bool = True) -> AgentResponse:
    """Turn an Agent answer into an ``AgentResponse``; with ``check`` errors raise typed exceptions."""
    headers = {k.lower(): v for k, v in response.headers.items() if k.lower().startswith("szlahu_")}
    for name in _DECODED & headers.keys():
        headers[name] = unquote_plus(headers[name])
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    body = response.content
    fields: dict[str, Any] = {
        "invoice_number": headers.get("szlahu_szamlaszam") or None,
        "error_code": headers.get("szlahu_error_code") or None,
        "error_message": headers.get("szlahu_error") or None,
    }
    if content_type == "application/pdf" or body.startswith(b"%PDF"):
        fields["pdf"] = body
    elif "xml" in content_type or body.lstrip().startswith(b"<"):
        fields["xml"] = body.decode("utf-8", "replace")
        try:
            # expat (>= 2.4.1, bundled with supported Pythons) refuses entity-expansion bombs and never
            # fetches external entities; the answer comes from the provider over TLS.
            root = ET.fromstring(body)  # noqa: S314
        except ET.ParseError as exc:
            raise ProviderError(
                "szamla_agent: the XML answer could not be parsed",
                provider="szamla_agent",
                status=int(response.status_code),
            ) from exc
        fields["invoice_number"] = fields["invoice_number"] or _xml_field(root, "szamlaszam") or None
        fields["error_code"] = fields["error_code"] or _xml_field(root, "hibakod") or None
        fields["error_message"] = fields["error_message"] or _xml_field(root, "hibauzenet") or None
        encoded = _xml_field(root, "pdf")
        if encoded:
            try:
                fields["pdf"] = base64.b64decode(encoded)
            except ValueError as exc:  # binascii.Error: a cut or garbled PDF part
                raise ProviderError(
                    "szamla_agent: malformed PDF in the XML answer",
                    provider="szamla_agent",
                    status=int(response.status_code),
                ) from exc
    else:
        text = body.decode("utf-8", "replace").strip()
        fields["text"] = text
        if text.startswith("xmlagentresponse=DONE;"):
            fields["invoice_number"] = fields["invoice_number"] or text.split(";", 1)[1].strip() or None
        elif text.startswith("[ERR]") and not fields["error_message"]:
            fields["error_message"] = text[5:].strip()
    down = headers.get("szlahu_down", "").strip()
    failed = bool(down or fields["error_code"] or int(response.status_code) >= 400 or fields["error_message"])
    result = AgentResponse(ok=not failed, status=int(response.status_code), headers=headers, **fields)
    if check and failed:
        code = "1" if down and not result.error_code else result.error_code
        message = result.error_message or ("the system is down" if down else f"HTTP {result.status}")
        cls: type[AgentError] = _Unavailable if down or code == "1" else AgentError
        error = cls(
            f"szamla_agent: {message}",
            provider="szamla_agent",
            status=result.status,
            code=code,
            operation="POST /szamla/",
        )
        error.response = result
        raise error
    return result


#: Agent actions that only read; every other action creates or changes a document.
READ_ACTIONS = frozenset(
    {
        "action-szamla_agent_pdf",
        "action-szamla_agent_xml",
        "action-szamla_agent_nyugta_get",
        "action-szamla_agent_taxpayer",
    }
)


def _outcome(action: str) -> contextlib.AbstractContextManager[None]:
    return contextlib.nullcontext() if action in READ_ACTIONS else write_outcome()


class _Unavailable(AgentError, ProviderUnavailable):
    """Maintenance or ``szlahu_down``: try again later, by hand or by a scheduler, never in a loop."""


class _Options:
    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        agent_key: str | None = None,
        username: str | None = None,
        password: str | None = None,
        **options: Unpack[SessionOptions],
    ) -> None:
        self._provider = _SzamlaAgent(agent_key, username, password)
        self._setup(  # type: ignore[attr-defined]
            self._provider,
            AuthenticatedClient,
            base_url,
            logout_on_close=False,
            **options,
        )

    def _request(self, action: str, xml: str | bytes) -> AgentRequest:
        key = self._provider.agent_key
        if key is not None and isinstance(xml, str):
            xml = fill_agent_key(xml, key)
        return _body(action, xml)


class Session(_Options, SyncSession[AuthenticatedClient]):
    """``with szamla_agent.Session(agent_key=..., store=FileStore(path)) as s: s.send(action, xml)``"""

    def send(self, action: str, xml: str | bytes, *, check: bool = True) -> AgentResponse:
        """Send one Agent XML as the file part ``action``; errors raise ``AgentError`` (never retried).
        A failed call that creates or changes a document says ``maybe_applied`` when its outcome is unknown.
        """
        with _outcome(action):
            response = agent_call.sync_detailed(client=self.client, body=self._request(action, xml))
            return parse_response(response, check)

    def reset(self) -> None:
        """Forget the stored cookie (after account details changed): the next call starts a new session."""
        self.auth.forget()


class AsyncSession(_Options, AsyncSessionBase[AuthenticatedClient]):
    """The asyncio twin of ``Session``."""

    async def send(self, action: str, xml: str | bytes, *, check: bool = True) -> AgentResponse:
        with _outcome(action):
            response = await agent_call.asyncio_detailed(client=self.client, body=self._request(action, xml))
            return parse_response(response, check)

    async def reset(self) -> None:
        """Forget the stored cookie; a file or Redis store is written off the event loop."""
        await self.auth.aforget()
