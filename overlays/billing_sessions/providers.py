"""What the package knows of each provider, in one place: its names, modules, credentials and the environment
variables the command line reads them from, its idle lifetime and default base URL.

The command line, the pytest fixture, the sandbox, the scripts and ``RedisStore`` read these descriptions
instead of each spelling a provider out again. Standard library only, and no provider module imported:
reading it costs nothing (``session_class`` imports the provider's module when asked).

    >>> from billing_sessions.providers import PROVIDERS, lookup
    >>> lookup("bill-v3").env_name("dev_key")
    'BILLING_SESSIONS_BILL_V3_DEV_KEY'
    >>> [p.cli_name for p in PROVIDERS.values()]
    ['gestix', 'szamla_agent', 'bill', 'billingplatform', 'bill-v3']
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = [
    "BILL",
    "BILLINGPLATFORM",
    "BILL_V3",
    "GESTIX",
    "MFA_TRUST",
    "PROVIDERS",
    "SECRET_KEYWORDS",
    "SZAMLA_AGENT",
    "ProviderInfo",
    "idle_lifetimes",
    "lookup",
]

#: Credential keywords whose values are secrets: prompted without echo, never printed.
SECRET_KEYWORDS = frozenset({"api_token", "password", "agent_key", "dev_key", "client_secret"})

Alternatives = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class ProviderInfo:
    """One provider, described: what its ``Session`` is called with and where that comes from."""

    #: The provider module's name (``billing_sessions.<name>``), the first part of its account keys, and the
    #: sandbox's and telemetry's name for it.
    name: str
    #: How the command line names it in its messages (``bill-v3``; it reads any spelling, see ``lookup``).
    cli_name: str
    #: The credentials: groups of alternatives; one alternative of each group must be complete.
    credentials: tuple[Alternatives, ...]
    #: Keywords the command line also reads when set (``base_url`` where a default exists, ...).
    optional: tuple[str, ...] = ()
    #: Values the command line gives an optional keyword that is not set.
    defaults: Mapping[str, str] = field(default_factory=dict)
    #: Seconds a session lives unused on the provider's side (None: no idle expiry).
    idle_lifetime: float | None = None
    #: Where the session points without ``base_url`` (None: made from other arguments, or required).
    default_base_url: str | None = None
    #: Whether its ``Session`` takes ``logout_on_close=`` (a session that can be logged out explicitly).
    logs_out: bool = False
    #: The sandbox's demo account as ``Session`` keywords: login kind -> keyword -> ``DemoCredentials`` field.
    demo: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def module(self) -> str:
        return f"billing_sessions.{self.name}"

    @property
    def generated(self) -> str:
        """The generated client's package."""
        return f"billing_sessions_generated.{self.name}"

    def keywords(self) -> list[str]:
        """Every credential and optional keyword, in documentation order."""
        alternatives = [k for group in self.credentials for alt in group for k in alt]
        return list(dict.fromkeys([*alternatives, *self.optional]))

    def env_name(self, keyword: str) -> str:
        """``BILLING_SESSIONS_<PROVIDER>_<KEYWORD>``: the variable the command line reads ``keyword`` from."""
        return f"BILLING_SESSIONS_{self.name.upper()}_{keyword.upper()}"

    def session_class(self, *, asynchronous: bool = False) -> Any:
        """Its ``Session`` (or ``AsyncSession``) class; imports the provider's module."""
        return getattr(importlib.import_module(self.module), "AsyncSession" if asynchronous else "Session")


GESTIX = ProviderInfo(
    name="gestix",
    cli_name="gestix",
    credentials=((("account",), ("base_url",)), (("api_token",), ("username", "password"))),
    demo={
        "default": {"api_token": "gestix_api_token"},
        "password": {"username": "gestix_username", "password": "gestix_password"},
    },
)
SZAMLA_AGENT = ProviderInfo(
    name="szamla_agent",
    cli_name="szamla_agent",
    credentials=((("agent_key",), ("username", "password")),),
    optional=("base_url",),
    idle_lifetime=90 * 60.0,  # the Agent's session cookie
    default_base_url="https://www.szamlazz.hu",
    demo={
        "default": {"agent_key": "szamla_agent_key"},
        "password": {"username": "szamla_username", "password": "szamla_password"},
    },
)
BILL = ProviderInfo(
    name="bill",
    cli_name="bill",
    credentials=((("user_name", "password", "org_id", "dev_key"),),),
    optional=("base_url",),
    idle_lifetime=35 * 60.0,
    default_base_url="https://api.bill.com/api/v2",
    logs_out=True,
    demo={
        "default": {
            "user_name": "bill_user_name",
            "password": "bill_password",
            "org_id": "bill_org_id",
            "dev_key": "bill_dev_key",
        }
    },
)
BILLINGPLATFORM = ProviderInfo(
    name="billingplatform",
    cli_name="billingplatform",
    credentials=((("org",), ("base_url",)), (("username", "password"), ("client_id", "client_secret"))),
    optional=("env",),
    defaults={"env": "my"},
    logs_out=True,
    demo={
        "default": {"username": "bp_username", "password": "bp_password"},
        "oauth": {"client_id": "bp_client_id", "client_secret": "bp_client_secret"},
    },
)
BILL_V3 = ProviderInfo(
    name="bill_v3",
    cli_name="bill-v3",
    credentials=((("username", "password", "organization_id", "dev_key"),),),
    optional=("base_url", "device"),
    idle_lifetime=35 * 60.0,
    default_base_url="https://gateway.prod.bill.com/connect",
    logs_out=True,
    demo={
        "default": {
            "username": "bill_user_name",
            "password": "bill_password",
            "organization_id": "bill_org_id",
            "dev_key": "bill_dev_key",
        }
    },
)

#: Every provider by name, in the order the documentation lists them.
PROVIDERS: Mapping[str, ProviderInfo] = MappingProxyType(
    {p.name: p for p in (GESTIX, SZAMLA_AGENT, BILL, BILLINGPLATFORM, BILL_V3)}
)

#: A BILL v3 remembered MFA trust: its own records (key prefix) and lifetime (a rememberMeId lasts 30 days).
MFA_TRUST = ("bill_v3-mfa-trust", 30 * 24 * 3600.0)


def lookup(text: str) -> ProviderInfo:
    """A provider as written anywhere: ``szamla_agent`` or ``szamla-agent``, ``bill-v3`` or ``bill_v3``, any
    case. A KeyError names the known ones."""
    wanted = text.strip().lower().replace("-", "_")
    if wanted in PROVIDERS:
        return PROVIDERS[wanted]
    raise KeyError(f"unknown provider {text!r}: one of {', '.join(p.cli_name for p in PROVIDERS.values())}")


def idle_lifetimes() -> dict[str, float]:
    """Seconds the records of each key prefix are of use, where limited: the providers with an idle lifetime
    and the BILL v3 MFA trust."""
    lifetimes = {p.name: p.idle_lifetime for p in PROVIDERS.values() if p.idle_lifetime is not None}
    return {**lifetimes, MFA_TRUST[0]: MFA_TRUST[1]}
