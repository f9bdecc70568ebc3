"""The Számla Agent's session class, written once: ``_sync/szamla_agent.py`` (``Session``) is generated from
this file (``scripts/make_sync``). The rules both use are in ``billing_sessions._szamla_agent``."""

from __future__ import annotations

from typing import Any

import attrs

from billing_sessions._async.session import AsyncSessionBase
from billing_sessions._szamla_agent import (
    PARTS,
    AgentResponse,
    AgentResult,
    T,
    _absent,
    _as_created,
    _lookup,
    _Options,
    _outcome,
    _result,
    parse_response,
)
from billing_sessions.errors import BillingSessionError
from billing_sessions_generated.szamla_agent import AuthenticatedClient
from billing_sessions_generated.szamla_agent.api.agent import agent_call
from billing_sessions_generated.szamla_agent.models import (
    AgentXmlResponse,
    QueryTaxpayerResponse,
    Szamla,
    Xmlnyugtacreate,
    Xmlnyugtaget,
    Xmlnyugtasend,
    Xmlnyugtasendvalasz,
    Xmlnyugtast,
    Xmlnyugtavalasz,
    Xmlszamla,
    Xmlszamladbkdel,
    Xmlszamladbkdelvalasz,
    Xmlszamlakifiz,
    Xmlszamlapdf,
    Xmlszamlast,
    Xmlszamlaxml,
    Xmltaxpayer,
)


class AsyncSession(_Options, AsyncSessionBase[AuthenticatedClient]):
    """``with szamla_agent.Session(agent_key=..., store=FileStore(path)) as s: s.create_invoice(invoice)``;
    ``AsyncSession`` has the same methods, awaited (``async with``)."""

    __module__ = "billing_sessions.szamla_agent"  # the public face: what repr() and the docs name

    async def send(self, action: str, xml: str | bytes, *, check: bool = True) -> AgentResponse:
        """Send one Agent XML as the file part ``action``; errors raise ``AgentError`` (never retried).
        A failed call that creates or changes a document says ``maybe_applied`` when its outcome is unknown.
        """
        with _outcome(action):
            response = await agent_call.asyncio_detailed(client=self.client, body=self._request(action, xml))
            return parse_response(response, check)

    async def _once(self, model: Any, expected: type[T]) -> AgentResult[T]:
        with _outcome(PARTS.get(type(model), "")):
            response = await agent_call.asyncio_detailed(client=self.client, body=self._typed(model))
            return _result(parse_response(response), expected)

    async def _call(self, model: Any, expected: type[T]) -> AgentResult[T]:
        model, ident, what = self._own_id(model)
        try:
            result = await self._once(model, expected)
        except BillingSessionError as exc:
            if ident is None or not exc.maybe_applied:
                raise
            result = await self._resolver.aresolve(
                exc,
                ident,
                *what,
                lookup=lambda: self._find(model, ident),
                resend=lambda: self._once(model, expected),
            )
            return attrs.evolve(result, external_id=ident, resolved=True)
        return result if ident is None else attrs.evolve(result, external_id=ident)

    async def _find(self, model: Any, ident: str) -> AgentResult[Any] | None:
        query, expected = _lookup(model, ident)
        try:
            return _as_created(await self._once(query, expected))
        except BillingSessionError as exc:
            _absent(exc)
            return None

    async def create_invoice(self, invoice: Xmlszamla) -> AgentResult[AgentXmlResponse]:
        """Issue an invoice (also pro forma, advance, final). Code 56 with a number: it exists."""
        return await self._call(invoice, AgentXmlResponse)

    async def reverse_invoice(self, request: Xmlszamlast) -> AgentResult[AgentXmlResponse]:
        """Reverse (storno) an invoice; the result is the reversing invoice."""
        return await self._call(request, AgentXmlResponse)

    async def register_payment(self, request: Xmlszamlakifiz) -> AgentResult[AgentXmlResponse]:
        """Register payments (credit entries) on an invoice."""
        return await self._call(request, AgentXmlResponse)

    async def invoice_pdf(self, request: Xmlszamlapdf) -> AgentResult[AgentXmlResponse]:
        """The PDF of an invoice (``result.pdf``)."""
        return await self._call(request, AgentXmlResponse)

    async def invoice_data(self, request: Xmlszamlaxml) -> AgentResult[Szamla]:
        """The data of an invoice, as the provider keeps it."""
        return await self._call(request, Szamla)

    async def delete_proforma(self, request: Xmlszamladbkdel) -> AgentResult[Xmlszamladbkdelvalasz]:
        """Delete a pro forma invoice (díjbekérő)."""
        return await self._call(request, Xmlszamladbkdelvalasz)

    async def create_receipt(self, receipt: Xmlnyugtacreate) -> AgentResult[Xmlnyugtavalasz]:
        """Create a receipt (nyugta)."""
        return await self._call(receipt, Xmlnyugtavalasz)

    async def reverse_receipt(self, request: Xmlnyugtast) -> AgentResult[Xmlnyugtavalasz]:
        """Reverse a receipt."""
        return await self._call(request, Xmlnyugtavalasz)

    async def get_receipt(self, request: Xmlnyugtaget) -> AgentResult[Xmlnyugtavalasz]:
        """Query a receipt."""
        return await self._call(request, Xmlnyugtavalasz)

    async def send_receipt(self, request: Xmlnyugtasend) -> AgentResult[Xmlnyugtasendvalasz]:
        """E-mail a receipt."""
        return await self._call(request, Xmlnyugtasendvalasz)

    async def query_taxpayer(self, request: Xmltaxpayer) -> AgentResult[QueryTaxpayerResponse]:
        """Look up a Hungarian taxpayer by the 8-digit tax registry number."""
        return await self._call(request, QueryTaxpayerResponse)

    async def reset(self) -> None:
        """Forget the stored cookie (after account details changed): the next call starts a new session. A
        file or Redis store is written off the event loop (``AsyncSession``)."""
        await self.auth.aforget()
