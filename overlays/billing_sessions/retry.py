"""The retry policy and the transport that applies it, below the session auth.

Retried: idempotent requests (GET, and provider reads that are POST by protocol, like BILL ``Crud/Read``) on
connection errors, timeouts, 408, 429 and 5xx; any request whose connection was refused before anything was
sent. Never retried: a write that may have reached the server, and anything to the Számla Agent (provider
rule). ``Retry-After`` (seconds or an HTTP date) is honoured up to a cap; backoff is exponential with full
jitter; a deadline bounds the whole call, re-login included.

The rules are in ``billing_sessions._transport``; the I/O is written once, in ``_async/transport.py``, and
``_sync/transport.py`` is generated from it (``scripts/make_sync``).
"""

from __future__ import annotations

from billing_sessions._async.transport import AsyncRetryTransport
from billing_sessions._sync.transport import SyncRetryTransport
from billing_sessions._transport import (
    DEADLINE,
    LENIENT,
    MAX_ANSWER_BYTES,
    MAX_RETRY_AFTER,
    ORIGIN,
    POLICY,
    RETRY_STATUSES,
    UNREADABLE,
    UNSENDABLE,
    UNSENT,
    Decide,
    InFlightLimit,
    RetryPolicy,
    diagnose,
    origin,
    retry_after,
    using,
)
from billing_sessions.store_base import POLL_INTERVAL

__all__ = [
    "DEADLINE",
    "LENIENT",
    "MAX_ANSWER_BYTES",
    "MAX_RETRY_AFTER",
    "ORIGIN",
    "POLICY",
    "POLL_INTERVAL",
    "RETRY_STATUSES",
    "UNREADABLE",
    "UNSENDABLE",
    "UNSENT",
    "Decide",
    "InFlightLimit",
    "RetryPolicy",
    "RetryTransport",
    "diagnose",
    "origin",
    "retry_after",
    "using",
]


class RetryTransport(SyncRetryTransport, AsyncRetryTransport):
    """Wraps the real transport; one instance serves a session's sync and async clients.

    Without ``sync`` / ``asynchronous`` (a caller's own transport, used as given), requests go through the
    process's shared pool for their host and ``transport_args`` (``pools``), leased on first use and given
    back on close: a session costs no TLS context and no connections of its own.
    """
