"""``Session`` / ``AsyncSession`` plumbing shared by the provider modules.

A session object owns the generated ``AuthenticatedClient`` (``s.client``) with the shared ``SessionAuth``
attached, plus a plain generated client for logging in. Provider modules add typed helpers on top.

The plumbing is in ``billing_sessions._session``; the session classes' I/O is written once, in
``_async/session.py``, and ``_sync/session.py`` is generated from it (``scripts/make_sync``).
"""

from __future__ import annotations

from billing_sessions._async.session import AsyncSessionBase
from billing_sessions._session import (
    KEEP_ALIVE,
    OPTION_NAMES,
    TRANSPORT_OPTIONS,
    GeneratedClient,
    SessionOptions,
    check_base_url,
    check_httpx_args,
    check_options,
    env_proxy,
    make_client,
)
from billing_sessions._sync.session import SyncSession

__all__ = [
    "KEEP_ALIVE",
    "OPTION_NAMES",
    "TRANSPORT_OPTIONS",
    "AsyncSessionBase",
    "GeneratedClient",
    "SessionOptions",
    "SyncSession",
    "check_base_url",
    "check_httpx_args",
    "check_options",
    "env_proxy",
    "make_client",
]
