"""Gestix ERP API v4: ``xa-token`` Bearer sessions, a strictly increasing ``nonce`` on every POST and PUT.

Login: ``GET /helo`` with the API token, or ``POST /auth`` with username and password. A 403 means the token
is gone: one re-login, then the request is re-sent once with a fresh nonce. Nonces come from the store
(``max(last + 1, now_ms)``), so they keep increasing across re-logins, Session objects and, with a shared
store, processes and restarts. ``writes="pipelined"`` (default) keeps an account's write lock from nonce
allocation until the request's last byte is sent, so nonces leave in order while earlier answers are still
on their way; a nonce the server still rejects (arrived out of order) proves nothing was applied and the
write is re-sent with a fresh one. ``writes="strict"`` holds the lock until the answer: one write at a time.
A write is never re-sent after a transport error (``maybe_applied`` says its outcome is unknown), except a
document with its own ``documentSeries`` + ``documentNumber``: sent again once with a fresh nonce, where 409
``DUPLICATE_ENTRY`` means it was applied and it is read back (``exactly_once``).

## Quickstart

Runs as is on the embedded sandbox. For a real account pass ``account="03101176"`` (your account number)
instead of the sandbox URL, with ``api_token=`` or ``username=`` + ``password=``.

```python
from billing_sessions import gestix
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine

with Sandbox() as sb, gestix.Session(
    sb.base_url("gestix"), api_token=DEMO.gestix_api_token
) as s:
    print(s.status().status)  # the first call logs in (GET /helo)
    # Any generated operation takes client=s.client: the nonce is added.
    line = DocumentLine(article_code="A1", quantity=1.0)
    body = DocumentInput(lines=[line])
    created = create_invoice.sync_detailed(client=s.client, body=body)
    print(created.status_code, created.parsed)
```

Options every session takes: ``store=`` (e.g. ``FileStore("sessions.json")`` shares the token and the
nonce counter between processes), ``timeout=``, ``retry=`` / ``max_retries=``, ``httpx_args=``.
``AsyncSession`` takes the same arguments: ``async with``, ``await s.status()``, and the generated
``asyncio_detailed`` functions with ``client=s.client``.
"""

from __future__ import annotations

from billing_sessions._async.gestix import AsyncSession
from billing_sessions._gestix import (
    DOCUMENT_OPERATIONS,
    DOCUMENT_PATHS,
    SERVER,
    WRITE_SESSIONS,
    CreatedDocument,
)
from billing_sessions._sync.gestix import Session

__all__ = [
    "DOCUMENT_OPERATIONS",
    "DOCUMENT_PATHS",
    "SERVER",
    "WRITE_SESSIONS",
    "AsyncSession",
    "CreatedDocument",
    "Session",
]
