"""billing-sessions: typed clients for Gestix, Számla Agent, BILL and BillingPlatform with session handling.

The generated clients are importable as ``gestix_client``, ``szamla_agent_client``, ``bill_client`` and
``billingplatform_client``; this package adds the session layer on top of them.
"""

from billing_sessions import redact
from billing_sessions.errors import (
    BillingSessionError,
    LoginError,
    ProviderError,
    ProviderUnavailable,
    RateLimited,
    SessionExpired,
    TransportError,
)

__all__ = [
    "BillingSessionError",
    "LoginError",
    "ProviderError",
    "ProviderUnavailable",
    "RateLimited",
    "SessionExpired",
    "TransportError",
]
__version__ = "0.1.0"

# On import of any part of the package (sessions, sandbox, CLI): httpx and httpcore log request URLs and
# headers, and Gestix puts the password in the /auth query string.
redact.install()
redact.configure_from_env()
