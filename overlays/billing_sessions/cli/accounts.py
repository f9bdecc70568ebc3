"""Accounts for the command line: credentials from the environment (or a hidden prompt), the store, a session.

Every variable is ``BILLING_SESSIONS_<PROVIDER>_<KEYWORD>``: the provider's ``Session`` keyword in upper case
(``BILLING_SESSIONS_BILL_DEV_KEY`` is ``bill.Session(dev_key=...)``; ``bill-v3`` reads
``BILLING_SESSIONS_BILL_V3_*``). Credentials never come from arguments.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import platformdirs

from billing_sessions import bill, bill_v3, billingplatform, gestix, szamla_agent
from billing_sessions.core import Token
from billing_sessions.providers import SECRET_KEYWORDS, ProviderInfo, lookup
from billing_sessions.stores import FileStore, SessionStore

__all__ = [
    "REDIS_SCHEMES",
    "SCHEMES",
    "SECRETS",
    "SPELLINGS",
    "STORE_ENV",
    "AnySession",
    "ConfigError",
    "Prompt",
    "ProviderName",
    "Scheme",
    "Values",
    "credentials",
    "default_store_path",
    "describe",
    "env_name",
    "interactive",
    "open_session",
    "open_store",
    "requirements",
    "stored_token",
    "variables",
    "when",
]

STORE_ENV = "BILLING_SESSIONS_STORE"
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")
#: Keywords whose values are secrets: prompted without echo, never printed.
SECRETS = SECRET_KEYWORDS

Values = dict[str, str]
Prompt = Callable[[str, bool], str]  # (label, hidden) -> value
AnySession = gestix.Session | szamla_agent.Session | bill.Session | billingplatform.Session | bill_v3.Session


# Spelled out (not built from PROVIDERS) so that type checkers know the members; a test keeps them equal.
class ProviderName(StrEnum):
    gestix = "gestix"
    szamla_agent = "szamla_agent"
    bill = "bill"
    billingplatform = "billingplatform"
    bill_v3 = "bill-v3"

    @classmethod
    def parse(cls, text: str) -> ProviderName:
        """A provider as typed: ``szamla_agent`` or ``szamla-agent``, ``bill-v3`` or ``bill_v3``, any case."""
        wanted = _folded(text)
        for provider in cls:
            if _folded(provider.value) == wanted:
                return provider
        raise ConfigError(f"unknown provider {text!r}: use one of {SPELLINGS} ('-' and '_' alike)")

    @property
    def info(self) -> ProviderInfo:
        """The provider's description (``billing_sessions.providers``)."""
        return lookup(self.value)

    def spellings(self) -> tuple[str, ...]:
        """Every way the provider is written (``bill-v3``, ``bill_v3``): in messages, in module names."""
        return tuple(dict.fromkeys((self.value, self.value.replace("-", "_"), self.value.replace("_", "-"))))


def _folded(text: str) -> str:
    return text.strip().lower().replace("-", "_")


SPELLINGS = "gestix, szamla-agent, bill, bill-v3, billingplatform"


class ConfigError(Exception):
    """Missing credentials or an unusable option: a usage error (exit 2). Names variables, never values."""


@dataclass(frozen=True)
class Scheme:
    """Groups of alternatives (one alternative of each group must be complete) plus optional keywords."""

    groups: tuple[tuple[tuple[str, ...], ...], ...]
    optional: tuple[str, ...] = ()


SCHEMES: dict[ProviderName, Scheme] = {
    provider: Scheme(provider.info.credentials, provider.info.optional) for provider in ProviderName
}


def env_name(provider: ProviderName, keyword: str) -> str:
    return provider.info.env_name(keyword)


def variables(provider: ProviderName) -> list[str]:
    """Every variable a provider reads, in documentation order."""
    scheme = SCHEMES[provider]
    keywords = [k for group in scheme.groups for alt in group for k in alt] + list(scheme.optional)
    return [env_name(provider, k) for k in dict.fromkeys(keywords)]


def requirements(provider: ProviderName, *, full: bool = False) -> str:
    """``ACCOUNT or BASE_URL; API_TOKEN, or USERNAME and PASSWORD``: the keywords a provider needs (``full``:
    as the variable names, ``BILLING_SESSIONS_GESTIX_ACCOUNT`` ...)."""
    scheme = SCHEMES[provider]

    def named(keyword: str) -> str:
        return env_name(provider, keyword) if full else keyword.upper()

    groups = [", or ".join(_and([named(k) for k in alt]) for alt in group) for group in scheme.groups]
    optional = f" (optional: {', '.join(named(k) for k in scheme.optional)})" if scheme.optional else ""
    return "; ".join(groups) + optional


def _and(words: list[str]) -> str:
    return " and ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else words[0]


def _alternative(
    provider: ProviderName, group: tuple[tuple[str, ...], ...], environ: Mapping[str, str]
) -> int:
    """The complete alternative, else the first one begun, else the first."""
    has = [[bool(environ.get(env_name(provider, k))) for k in alt] for alt in group]
    for wanted in (all, any):
        for i, flags in enumerate(has):
            if wanted(flags):
                return i
    return 0


def _phrase(provider: ProviderName, keywords: tuple[str, ...]) -> str:
    return _and([env_name(provider, k) for k in keywords])


def credentials(provider: ProviderName, environ: Mapping[str, str], prompt: Prompt | None) -> Values:
    """The keywords for ``provider``'s Session; missing ones prompted (when ``prompt``), else ConfigError."""
    scheme = SCHEMES[provider]
    values: Values = {}
    missing: list[str] = []
    for group in scheme.groups:
        chosen = _alternative(provider, group, environ)
        unset = tuple(k for k in group[chosen] if not environ.get(env_name(provider, k)))
        if unset and prompt is None:
            begun = len(unset) < len(group[chosen])
            missing.append(
                _phrase(provider, unset) if begun else ", or ".join(_phrase(provider, a) for a in group)
            )
            continue
        for keyword in group[chosen]:
            value = environ.get(env_name(provider, keyword)) or ""
            if not value and prompt is not None:
                value = prompt(f"{provider.value} {keyword}", keyword in SECRETS)
            values[keyword] = value
    if missing:
        raise ConfigError(
            f"{provider.value}: missing credentials: set {'; set '.join(missing)} "
            "(stdin is not a terminal, so nothing was prompted)"
        )
    empty = [env_name(provider, k) for k, v in values.items() if not v]
    if empty:
        raise ConfigError(f"{provider.value}: empty value for {', '.join(empty)}")
    values.update(
        {k: environ[env_name(provider, k)] for k in scheme.optional if environ.get(env_name(provider, k))}
    )
    return values


def default_store_path() -> Path:
    """``sessions.json`` in the user cache directory, which is created (and kept) 0700."""
    directory = Path(platformdirs.user_cache_dir("billing-sessions"))
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    if directory.stat().st_mode & 0o077:
        directory.chmod(0o700)
    return directory / "sessions.json"


def open_store(spec: str | None) -> SessionStore:
    """``None``: the default FileStore; a ``redis://`` URL: a RedisStore; anything else: a FileStore path in
    a directory that exists (a typo must not create directories)."""
    if spec is None:
        return FileStore(default_store_path())
    if not spec.strip():
        raise ConfigError(
            "--store is empty: give a file path or a redis:// URL, or leave --store (and "
            f"{STORE_ENV}) out for the default store in the user cache directory"
        )
    if spec.startswith(REDIS_SCHEMES):
        try:
            from billing_sessions.stores.redis import RedisStore
        except ImportError as exc:
            raise ConfigError("a redis:// store needs redis: pip install 'billing-sessions[redis]'") from exc
        return RedisStore(spec)
    if spec.startswith("file://"):
        spec = spec.removeprefix("file://")
    elif re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", spec):
        scheme = spec.split("://", 1)[0]
        raise ConfigError(
            f"unknown store URL scheme {scheme}://: give a file path (or file://PATH) "
            f"or a {', '.join(REDIS_SCHEMES)} URL"
        )
    path = Path(spec).expanduser()
    if not path.parent.is_dir():
        raise ConfigError(
            f"--store {spec}: the directory {path.parent} does not exist; create it first (mkdir -p "
            f"{path.parent}) or give another path: nothing creates directories for a store"
        )
    return FileStore(path)


def open_session(provider: ProviderName, values: Values, store: SessionStore) -> AnySession:
    """A Session whose close() never logs out: the CLI keeps sessions in the store between runs."""
    info = provider.info
    keywords: dict[str, Any] = {
        k: values.get(k) or info.defaults.get(k) for k in info.keywords() if k != "base_url"
    }
    if info.logs_out:
        keywords["logout_on_close"] = False
    session: AnySession = info.session_class()(
        values.get("base_url") or info.default_base_url, **keywords, store=store
    )
    return session


def stored_token(session: AnySession) -> Token | None:
    """The session record this account has in the store (not validated, no network)."""
    return Token.from_record(session.store.load(session.auth.key))


def when(epoch: float | None) -> str | None:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds") if epoch else None


def describe(token: Token | None) -> dict[str, Any]:
    """What may be shown of a session: times, kind and a short hash, never the value."""
    if token is None:
        return {"stored": False}
    return {
        "stored": True,
        "kind": token.kind,
        "created": when(token.created),
        "last_used": when(token.last_used),
        "expires": when(token.expires),
        "fingerprint": "sha256:" + hashlib.sha256(token.value.encode()).hexdigest()[:8],
    }


def interactive() -> bool:
    """Prompt only a person: a script without a terminal gets a clear error instead of a hang."""
    return sys.stdin is not None and sys.stdin.isatty()
