"""BillingPlatform's session class, written once: ``_sync/billingplatform.py`` (``Session``) is generated from
this file (``scripts/make_sync``). The rules both use are in ``billing_sessions._billingplatform``."""

from __future__ import annotations

from billing_sessions._async.session import AsyncSessionBase
from billing_sessions._billingplatform import _Options, _records
from billing_sessions_generated.billingplatform import AuthenticatedClient
from billing_sessions_generated.billingplatform.api.data import query, retrieve
from billing_sessions_generated.billingplatform.models import Record


class AsyncSession(_Options, AsyncSessionBase[AuthenticatedClient]):
    """``with billingplatform.Session(org=..., username=..., password=...) as s: s.query(sql)``;
    ``AsyncSession`` has the same methods, awaited (``async with``)."""

    __module__ = "billing_sessions.billingplatform"  # the public face: what repr() and the docs name

    async def query(self, sql: str) -> list[Record]:
        """``GET /rest/2.0/query``: the ``queryResponse`` records."""
        return _records(await query.asyncio_detailed(client=self.client, sql=sql), "GET /rest/2.0/query")

    async def retrieve(self, entity: str, record_id: str) -> list[Record]:
        """``GET /rest/2.0/{entity}/{id}``: the ``retrieveResponse`` records."""
        operation = f"GET /rest/2.0/{entity}/{record_id}"
        return _records(await retrieve.asyncio_detailed(entity, record_id, client=self.client), operation)
