"""Gestix's session class, written once: ``_sync/gestix.py`` (``Session``) is generated from this file
(``scripts/make_sync``). The rules both use are in ``billing_sessions._gestix``."""

from __future__ import annotations

from types import ModuleType

from billing_sessions._async.session import AsyncSessionBase
from billing_sessions._gestix import CreatedDocument, _check, _created, _Options, _status
from billing_sessions.core import write_outcome
from billing_sessions_generated.gestix import AuthenticatedClient
from billing_sessions_generated.gestix.api.session import get_status
from billing_sessions_generated.gestix.models import DocumentInput, StatusResponse


class AsyncSession(_Options, AsyncSessionBase[AuthenticatedClient]):
    """``with gestix.Session(account=..., api_token=...) as s: s.status()``; ``AsyncSession`` has the same
    methods, awaited (``async with``)."""

    __module__ = "billing_sessions.gestix"  # the public face: what repr() and the docs name

    async def status(self) -> StatusResponse:
        return _status(await get_status.asyncio_detailed(client=self.client))

    async def create_document(self, operation: ModuleType, body: DocumentInput) -> CreatedDocument:
        """Create a document with ``operation`` (``create_invoice``, ``create_order``, ...): the generated
        function, its answer typed (``ProviderError`` for 400 and 409; a 5xx says ``maybe_applied``).

        Exactly once when ``body`` has its own ``document_series`` and ``document_number`` (the session does
        this for the generated functions called with ``client=s.client`` too): an answer lost after sending
        is settled by sending it again with a fresh nonce; 409 ``DUPLICATE_ENTRY`` then means the first was
        applied, and it is read back (``resolved=True`` either way). Without a number, a lost answer raises
        with ``maybe_applied=True``."""
        name = _check(operation)
        # Reading the answer is the generated answers.reading's job: only that step is the provider's fault.
        with write_outcome():
            return _created(await operation.asyncio_detailed(client=self.client, body=body), name)
