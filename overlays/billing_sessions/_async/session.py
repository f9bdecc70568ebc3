"""The session classes' I/O, written once: ``_sync/session.py`` is generated from this file
(``scripts/make_sync``). What both share is in ``billing_sessions._session``."""

from __future__ import annotations

from types import TracebackType
from typing import Self

import httpx

from billing_sessions._session import C, _Base, ashield
from billing_sessions.telemetry import observe


class AsyncSessionBase(_Base[C]):
    transport_kind = httpx.AsyncBaseTransport

    async def login(self) -> None:
        """Establish the session now (otherwise the first call does)."""
        await self.auth.aensure(deadline=self._deadline())

    async def aclose(self) -> None:
        """Log out where the provider has a logout (once), and close the connections."""
        if self._closed:
            return
        self._closed = True
        token = self.auth.token
        try:
            if self.logout_on_close and token is not None:
                with observe(self.telemetry, "logout"):
                    await self.provider.alogout(token)
                await self.auth.arelease(token)
        finally:
            if getattr(self.client, "_async_client", None) is not None:
                await self.client.get_async_httpx_client().aclose()
            await self.provider.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await ashield(self.aclose)
