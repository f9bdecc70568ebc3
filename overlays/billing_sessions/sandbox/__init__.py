"""A stateful sandbox of the four providers on loopback: sessions that expire, nonces that must increase,
cookies that must be reused, faults on demand, counters to assert on.

    from billing_sessions.sandbox import Sandbox, SandboxConfig, DEMO
    with Sandbox(config=SandboxConfig(bill_idle=60)) as sb:
        sb.base_url("bill")            # http://127.0.0.1:PORT/api/v2
        sb.state.counters("bill")      # {"logins": 0, ...}

The same app runs in the foreground with ``billing-sessions sandbox``; its admin API lives under
``/_sandbox`` (see :mod:`billing_sessions.sandbox.app`).
"""

from billing_sessions.errors import missing_extra

try:
    import pydantic  # noqa: F401 - the extra's packages, checked up front for a one-line error
    import starlette  # noqa: F401
    import uvicorn  # noqa: F401
    import yaml  # noqa: F401
except ImportError as exc:
    raise missing_extra("sandbox", "The sandbox", exc) from None

from billing_sessions.sandbox.credentials import DEMO, DemoCredentials
from billing_sessions.sandbox.server import BASE_PATHS, Sandbox
from billing_sessions.sandbox.state import COUNTERS, FAULT_KINDS, SandboxConfig, SandboxState

__all__ = [
    "BASE_PATHS",
    "COUNTERS",
    "DEMO",
    "FAULT_KINDS",
    "DemoCredentials",
    "Sandbox",
    "SandboxConfig",
    "SandboxState",
]
