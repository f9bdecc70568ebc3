"""billing-sessions: typed clients for Gestix, Számla Agent, BILL and BillingPlatform with session handling.

The generated clients are ``billing_sessions_generated.gestix``, ``.szamla_agent``, ``.bill``, ``.bill_v3``
and ``.billingplatform``; this package adds the session layer on top of them.

Three parts: the library (this package's top-level modules: sessions, stores, errors), the sandbox
(``billing_sessions.sandbox``, extra ``sandbox``) and the command line (``billing_sessions.cli``, extra
``cli``). The library never imports the other two. ``billing_sessions.testing`` is the pytest plugin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from billing_sessions import redact

if TYPE_CHECKING:
    from billing_sessions.errors import (
        BillingSessionError,
        ErrorEntry,
        LoginError,
        MissingExtra,
        ProviderError,
        ProviderUnavailable,
        RateLimited,
        SessionExpired,
        StoreError,
        TransportError,
        UntrustedSession,
        UsageError,
    )

__all__ = [
    "BillingSessionError",
    "ErrorEntry",
    "LoginError",
    "MissingExtra",
    "ProviderError",
    "ProviderUnavailable",
    "RateLimited",
    "SessionExpired",
    "StoreError",
    "TransportError",
    "UntrustedSession",
    "UsageError",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The errors import httpx: loaded on first use, so that the pytest plugin (this package's
    # ``testing`` module, loaded by every pytest run where the package is installed) costs nothing.
    if name in __all__:
        from billing_sessions import errors

        return getattr(errors, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# On import of any part of the package (sessions, sandbox, CLI): httpx and httpcore log request URLs and
# headers, and Gestix puts the password in the /auth query string.
redact.install()
redact.configure_from_env()
