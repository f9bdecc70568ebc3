# Generated from _async/session.py by scripts/make_sync: edit that file, not this one.
"""The session classes' I/O, written once: ``_sync/session.py`` is generated from this file
(``scripts/make_sync``). What both share is in ``billing_sessions._session``."""

from __future__ import annotations

from types import TracebackType
from typing import Self

import httpx

from billing_sessions._session import C, _Base, shield
from billing_sessions.telemetry import observe


class SyncSession(_Base[C]):
    transport_kind = httpx.BaseTransport

    def login(self) -> None:
        """Establish the session now (otherwise the first call does)."""
        self.auth.ensure(deadline=self._deadline())

    def close(self) -> None:
        """Log out where the provider has a logout (once), and close the connections."""
        if self._closed:
            return
        self._closed = True
        token = self.auth.token
        try:
            if self.logout_on_close and token is not None:
                with observe(self.telemetry, "logout"):
                    self.provider.logout(token)
                self.auth.release(token)
        finally:
            if getattr(self.client, "_client", None) is not None:
                self.client.get_httpx_client().close()
            self.provider.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        shield(self.close)
