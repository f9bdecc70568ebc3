# Generated from _async/bill.py by scripts/make_sync: edit that file, not this one.
"""BILL v2's session class, written once: ``_sync/bill.py`` (``Session``) is generated from this file
(``scripts/make_sync``). The rules both use are in ``billing_sessions._bill``."""

from __future__ import annotations

from typing import Any

from billing_sessions._bill import (
    SESSION_INFO,
    _create_body,
    _create_op,
    _Options,
    _read_body,
    _read_op,
    unwrap,
)
from billing_sessions._sync.session import SyncSession
from billing_sessions.core import write_outcome
from billing_sessions_generated.bill import AuthenticatedClient
from billing_sessions_generated.bill.api.crud import crud_create, crud_read
from billing_sessions_generated.bill.api.session import get_session_info


class Session(_Options, SyncSession[AuthenticatedClient]):
    """``with bill.Session(user_name=..., password=..., org_id=..., dev_key=...) as s: s.session_info()``;
    ``AsyncSession`` has the same methods, awaited (``async with``)."""

    __module__ = "billing_sessions.bill"  # the public face: what repr() and the docs name

    def session_info(self) -> Any:
        """The ``response_data`` of ``GetSessionInfo.json``."""
        response = get_session_info.sync_detailed(client=self.client)
        return unwrap(response, SESSION_INFO).response_data

    def read(self, entity: str, record_id: str) -> Any:
        """``Crud/Read/{entity}.json``: one record's ``response_data``."""
        response = crud_read.sync_detailed(entity, client=self.client, body=_read_body(record_id))
        return unwrap(response, _read_op(entity)).response_data

    def create(self, entity: str, fields: dict[str, Any]) -> Any:
        """``Crud/Create/{entity}.json``: the created record's ``response_data``."""
        with write_outcome():
            body = _create_body(entity, fields)
            response = crud_create.sync_detailed(entity, client=self.client, body=body)
            return unwrap(response, _create_op(entity), write=True).response_data
