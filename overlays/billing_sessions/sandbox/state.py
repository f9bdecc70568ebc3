"""The sandbox's shared, thread-safe state: clock offset, sessions, counters, faults, the down switch.

The server runs in its own thread (uvicorn's event loop); tests and benchmarks read and steer the state from
another. Every access goes through one re-entrant lock that is never held across an ``await``.
"""

from __future__ import annotations

import dataclasses
import random
import secrets
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from billing_sessions.sandbox.examples import PROVIDERS

__all__ = [
    "COUNTERS",
    "FAULT_KINDS",
    "MAX_SESSIONS",
    "NONCE_SCOPES",
    "TRUST_ID_NAMES",
    "Fault",
    "SandboxConfig",
    "SandboxState",
    "Session",
    "SessionStatus",
]

COUNTERS = (
    "logins",
    "login_failures",
    "sessions_created",
    "nonce_rejections",
    "pii_refusals",
    "logouts",
    "requests",
    "writes_applied",
    "in_flight",
    "max_in_flight",
    "faults_injected",
    "expired_rejections",
    "duplicate_references",
    "mfa_texts",
    "limit_rejections",
    "foreign_credentials",
)
FAULT_KINDS = ("500", "502", "503", "429", "drop", "slow", "malformed")
MAX_SESSIONS = 10_000  # per provider; beyond that dead and expired sessions are pruned

SessionStatus = Literal["live", "expired", "unknown"]


#: Gestix nonce sequences: per session (the docs) or per account (stricter than the docs).
NONCE_SCOPES = ("session", "account")
#: The names BILL v3's challenge/validate may answer the trust identifier under (both assumed).
TRUST_ID_NAMES = ("rememberMeId", "mfaId")


@dataclass
class SandboxConfig:
    """Lifetimes (seconds, on the sandbox's offset clock) and load knobs. Every field is optional."""

    gestix_token_ttl: float = 900.0
    szamla_idle: float = 5400.0
    bill_idle: float = 2100.0
    bp_session_ttl: float | None = 3600.0  # None: BillingPlatform sessions never expire
    bp_oauth_ttl: int = 3600
    login_delay: float = 0.0  # seconds every successful or failed login costs (benchmarks)
    bill_max_concurrent: int | None = (
        None  # more BILL requests (v2 and v3) in flight than this answer BDC_1322
    )
    bill_second_endpoint: bool = False  # BILL v2 logins name /api/v2/dc2 as the session's apiEndPoint
    bill_v3_logins_per_hour: int = 200
    bill_v3_requests_per_hour: int | None = None  # None: no hourly request quota (BILL's is 20,000)
    bill_v3_remember: float = 30 * 86400.0  # how long a rememberMeId makes logins trusted
    bill_v3_mfa_phone: bool = True  # False: no MFA phone on file (challenge answers BDC_1354)
    bill_v3_mfa_code: str | None = None  # the code every challenge "texts" (scripts); None: a random one
    # Számla Agent: seconds (sandbox clock) before a new invoice or receipt can be found by its external id or
    # call id; the spec assumes at most 5 s, and the sandbox is not friendlier than that assumption.
    szamla_query_delay: float = 5.0
    # The name challenge/validate answers the trust identifier under: "rememberMeId" (BILL's pages) or
    # "mfaId" (one production runbook); both are assumptions of the spec, so tests cover both.
    bill_v3_trust_id_name: str = "rememberMeId"
    latency: float = 0.0  # seconds of network round trip added to every provider request
    latency_jitter: float = 0.0  # +- this much (uniform) on each request's round trip
    # Requests may overtake each other on the way in (independent jitter per request, as on a real
    # network); True keeps them in the order they reached the socket (friendlier than any network).
    latency_fifo: bool = False
    # Gestix nonces: "session" (the docs: strictly greater than the previous one of the same xa-token) or
    # "account" (stricter than the docs: one sequence for every token of the account).
    gestix_nonce_scope: str = "session"
    # Gestix: a new login ends every xa-token issued before it (the docs do not say; a client that relies on
    # several tokens must survive this reading too).
    gestix_login_ends_others: bool = False
    accounts: int = 1  # Gestix and Számla Agent accounts known: DEMO.account(n) for n < accounts
    record_credentials: bool = False  # keep (provider, account, credential's account) of every request

    def __post_init__(self) -> None:
        if self.bill_v3_trust_id_name not in TRUST_ID_NAMES:
            raise ValueError(f"bill_v3_trust_id_name must be one of {', '.join(TRUST_ID_NAMES)}")


@dataclass(frozen=True)
class Fault:
    kind: str
    after: bool = False
    delay: float = 0.0
    retry_after: float | None = None


@dataclass
class Session:
    """A session, token or cookie the sandbox issued. ``ttl`` counts from creation, ``idle`` from last use."""

    token: str
    kind: str
    created: float
    last_used: float
    ttl: float | None = None
    idle: float | None = None
    dead: bool = False
    info: dict[str, str] = field(default_factory=dict)

    def alive(self, now: float) -> bool:
        if self.dead:
            return False
        if self.ttl is not None and now >= self.created + self.ttl:
            return False
        return not (self.idle is not None and now >= self.last_used + self.idle)


def _check_provider(provider: str) -> None:
    if provider not in PROVIDERS:
        raise ValueError(f"unknown provider {provider!r}; expected one of {', '.join(PROVIDERS)}")


class SandboxState:
    """Everything the sandbox remembers. Safe to call from any thread."""

    def __init__(self, config: SandboxConfig | None = None) -> None:
        self._initial_config = dataclasses.replace(config) if config else SandboxConfig()
        self.config = dataclasses.replace(self._initial_config)
        self.lock = threading.RLock()
        self._offset = 0.0
        self._counters: dict[str, dict[str, int]] = {}
        self._faults: dict[str, deque[Fault]] = {}
        self._down: set[str] = set()
        self._sessions: dict[str, dict[str, Session]] = {}
        self._nonces: dict[str, int] = {}
        self._arrivals: dict[str, float] = {}
        self._references: dict[str, dict[str, int]] = {}
        self._reset_hooks: list[Callable[[], None]] = []
        self._codes: dict[str, str] = {}
        self._credentials: list[tuple[str, int, int | None]] = []
        self._clear()

    # -- lifecycle ---------------------------------------------------------------------------------------

    def _clear(self) -> None:
        self._offset = 0.0
        self._counters = {p: dict.fromkeys(COUNTERS, 0) for p in PROVIDERS}
        self._faults = {p: deque() for p in PROVIDERS}
        self._down = set()
        self._sessions = {p: {} for p in PROVIDERS}
        self._nonces = {}
        self._arrivals = {}
        self._references = {p: {} for p in PROVIDERS}
        self._codes = {}
        self._credentials = []

    def on_reset(self, hook: Callable[[], None]) -> None:
        """Register a provider's data reset (called under the lock by :meth:`reset`)."""
        with self.lock:
            self._reset_hooks.append(hook)
            hook()

    def reset(self) -> None:
        """Forget sessions, counters, faults, the clock offset, the down switch and the data; restore the
        configuration given at construction. Requests in flight keep counting down ``in_flight`` safely."""
        with self.lock:
            in_flight = {p: c["in_flight"] for p, c in self._counters.items()}
            self._clear()
            self.config = dataclasses.replace(self._initial_config)
            for provider, n in in_flight.items():
                self._counters[provider]["in_flight"] = n
            for hook in self._reset_hooks:
                hook()

    def configure(self, **changes: float | int | str | None) -> SandboxConfig:
        """Change configuration fields until the next :meth:`reset`; returns the new configuration."""
        scope = changes.get("gestix_nonce_scope", "session")
        if scope not in NONCE_SCOPES:
            raise ValueError(f"gestix_nonce_scope must be one of {', '.join(NONCE_SCOPES)}")
        with self.lock:
            self.config = dataclasses.replace(self.config, **changes)  # type: ignore[arg-type]
            return self.config

    # -- latency ---------------------------------------------------------------------------------------------

    def set_latency(self, latency: float, jitter: float = 0.0, *, fifo: bool = False) -> None:
        """Every provider request gets ``latency`` +- ``jitter`` seconds of round trip (until a reset);
        ``fifo`` keeps requests in the order they were sent (no overtaking on the way in)."""
        if not 0 <= jitter <= latency:
            raise ValueError("latency must not be negative, and jitter must be between 0 and the latency")
        self.configure(latency=float(latency), latency_jitter=float(jitter), latency_fifo=fifo)

    def legs(self, provider: str, now: float) -> tuple[float, float] | None:
        """(when the request arrives, how long its answer travels) for a request that reached the socket at
        ``now``, or ``None`` without latency. Half the round trip each way, each leg jittered on its own, so a
        request may overtake one sent shortly before it (as on a real network), unless ``latency_fifo``."""
        with self.lock:
            latency, jitter = self.config.latency, self.config.latency_jitter
            if latency <= 0:
                return None
            there = latency / 2 + random.uniform(-jitter / 2, jitter / 2)
            back = latency / 2 + random.uniform(-jitter / 2, jitter / 2)
            arrival = now + there
            if self.config.latency_fifo:
                arrival = max(arrival, self._arrivals.get(provider, 0.0) + 1e-6)
                self._arrivals[provider] = arrival
            return arrival, back

    # -- clock -------------------------------------------------------------------------------------------

    def now(self) -> float:
        """Monotonic seconds plus the offset: what every lifetime is measured with."""
        with self.lock:
            return time.monotonic() + self._offset

    def wall(self) -> float:
        """Epoch seconds plus the offset (timestamps in answers)."""
        with self.lock:
            return time.time() + self._offset

    def advance(self, seconds: float) -> None:
        """Move the sandbox clock forward (idle and TTL expiry happen without sleeping)."""
        if seconds < 0:
            raise ValueError("the sandbox clock only moves forward")
        with self.lock:
            self._offset += seconds

    @property
    def offset(self) -> float:
        with self.lock:
            return self._offset

    # -- counters ----------------------------------------------------------------------------------------

    def counters(self, provider: str) -> dict[str, int]:
        """A snapshot of one provider's counters; every key is present."""
        _check_provider(provider)
        with self.lock:
            return dict(self._counters[provider])

    def all_counters(self) -> dict[str, dict[str, int]]:
        with self.lock:
            return {p: dict(c) for p, c in self._counters.items()}

    def count(self, provider: str, name: str, n: int = 1) -> None:
        with self.lock:
            self._counters[provider][name] += n

    def enter(self, provider: str) -> int:
        """A request of ``provider`` starts: ``requests`` and ``in_flight`` go up; returns ``in_flight``."""
        with self.lock:
            c = self._counters[provider]
            c["requests"] += 1
            c["in_flight"] += 1
            c["max_in_flight"] = max(c["max_in_flight"], c["in_flight"])
            return c["in_flight"]

    def in_flight(self, provider: str) -> int:
        with self.lock:
            return self._counters[provider]["in_flight"]

    def leave(self, provider: str) -> None:
        with self.lock:
            c = self._counters[provider]
            c["in_flight"] = max(0, c["in_flight"] - 1)

    # -- faults and the down switch ------------------------------------------------------------------------

    def inject(
        self,
        provider: str,
        kind: str,
        count: int = 1,
        *,
        after: bool = False,
        delay: float = 0.0,
        retry_after: float | None = None,
    ) -> None:
        """The next ``count`` requests of ``provider`` get fault ``kind`` (see the module docs of ``app``)."""
        _check_provider(provider)
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {', '.join(FAULT_KINDS)}")
        if count < 0 or delay < 0:
            raise ValueError("count and delay must not be negative")
        fault = Fault(kind=kind, after=after, delay=float(delay), retry_after=retry_after)
        with self.lock:
            self._faults[provider].extend([fault] * count)

    def take_fault(self, provider: str) -> Fault | None:
        with self.lock:
            queue = self._faults[provider]
            if not queue:
                return None
            self._counters[provider]["faults_injected"] += 1
            return queue.popleft()

    def pending_faults(self, provider: str) -> int:
        _check_provider(provider)
        with self.lock:
            return len(self._faults[provider])

    def set_down(self, provider: str, down: bool = True) -> None:
        """While down, Számla Agent answers ``szlahu_down`` (error code 1); other providers answer 503."""
        _check_provider(provider)
        with self.lock:
            if down:
                self._down.add(provider)
            else:
                self._down.discard(provider)

    def is_down(self, provider: str) -> bool:
        with self.lock:
            return provider in self._down

    # -- sessions ----------------------------------------------------------------------------------------

    def create_session(
        self,
        provider: str,
        kind: str,
        *,
        ttl: float | None = None,
        idle: float | None = None,
        info: dict[str, str] | None = None,
        prefix: str = "",
    ) -> Session:
        """A new live session (``sessions_created`` += 1)."""
        with self.lock:
            now = time.monotonic() + self._offset
            sessions = self._sessions[provider]
            if len(sessions) >= MAX_SESSIONS:
                for token in [t for t, s in sessions.items() if not s.alive(now)]:
                    del sessions[token]
            token = prefix + secrets.token_hex(16)
            session = Session(token, kind, now, now, ttl=ttl, idle=idle, info=dict(info or {}))
            sessions[token] = session
            self._counters[provider]["sessions_created"] += 1
            return session

    def use_session(self, provider: str, token: str | None, kinds: tuple[str, ...] = ()) -> Session | None:
        """The live session ``token`` names (idle timer reset), else ``None``. A token the sandbox issued
        that is no longer live counts one ``expired_rejections``."""
        status, session = self.check_session(provider, token, kinds, touch=True)
        if status == "expired":
            self.count(provider, "expired_rejections")
        return session if status == "live" else None

    def check_session(
        self, provider: str, token: str | None, kinds: tuple[str, ...] = (), *, touch: bool = False
    ) -> tuple[SessionStatus, Session | None]:
        if not token:
            return "unknown", None
        with self.lock:
            session = self._sessions[provider].get(token)
            if session is None or (kinds and session.kind not in kinds):
                return "unknown", None
            now = time.monotonic() + self._offset
            if not session.alive(now):
                return "expired", session
            if touch:
                session.last_used = now
            return "live", session

    def end_session(self, provider: str, token: str) -> bool:
        """Log out: the session is gone (unknown from now on). True if it was live."""
        with self.lock:
            session = self._sessions[provider].pop(token, None)
            return session is not None and session.alive(time.monotonic() + self._offset)

    def expire_all(self, provider: str | None = None) -> None:
        """Every live session or token of ``provider`` (or of all providers) dies now."""
        if provider is not None:
            _check_provider(provider)
        with self.lock:
            for p in [provider] if provider else PROVIDERS:
                for session in self._sessions[p].values():
                    session.dead = True

    def live_sessions(self, provider: str) -> int:
        _check_provider(provider)
        with self.lock:
            now = time.monotonic() + self._offset
            return sum(1 for s in self._sessions[provider].values() if s.alive(now))

    # -- whose credentials a request carried ------------------------------------------------------------

    def saw_credential(self, provider: str, account: int, holder: int | None) -> None:
        """A request for ``account`` carried a session issued to ``holder`` (``None``: none, or unknown).
        Another account's counts ``foreign_credentials``; ``record_credentials`` keeps every one."""
        with self.lock:
            if holder is not None and holder != account:
                self._counters[provider]["foreign_credentials"] += 1
            if self.config.record_credentials:
                self._credentials.append((provider, account, holder))

    def credentials_seen(self) -> list[tuple[str, int, int | None]]:
        """(provider, account, account the carried session was issued to) per request, in arrival order,
        while ``record_credentials`` is on (a snapshot)."""
        with self.lock:
            return list(self._credentials)

    # -- references of created documents ---------------------------------------------------------------------

    def record_reference(self, provider: str, reference: str) -> None:
        """A document carrying ``reference`` was created; a reference seen before counts a duplicate."""
        with self.lock:
            seen = self._references[provider]
            if reference in seen:
                self._counters[provider]["duplicate_references"] += 1
            seen[reference] = seen.get(reference, 0) + 1

    def references(self, provider: str) -> dict[str, int]:
        """How many documents were created with each reference (a snapshot)."""
        _check_provider(provider)
        with self.lock:
            return dict(self._references[provider])

    # -- MFA codes -------------------------------------------------------------------------------------------

    def text_code(self, provider: str, code: str) -> None:
        """The sandbox "texts" an MFA code: printed on its console and kept for ``mfa_code``."""
        with self.lock:
            self._codes[provider] = code
        # The real stdout: a CLI run in the same process (tests) must not show it as its own output.
        console = sys.__stdout__ or sys.stdout
        print(f"[sandbox] {provider}: MFA code texted to the phone on file: {code}", file=console, flush=True)

    def mfa_code(self, provider: str = "bill_v3") -> str | None:
        """The last MFA code the sandbox texted for ``provider`` (``None`` before the first challenge)."""
        _check_provider(provider)
        with self.lock:
            return self._codes.get(provider)

    # -- Gestix nonces -----------------------------------------------------------------------------------

    def last_nonce(self, account: str = "03101176") -> int | None:
        """The highest nonce Gestix accepted for ``account`` in any of its sessions (``None`` before the first
        write)."""
        with self.lock:
            return self._nonces.get(account)

    def accept_nonce(self, sequence: str, nonce: int, account: str | None = None) -> bool:
        """Atomically accept ``nonce`` if it is greater than the last one of ``sequence`` (an xa-token, or
        the account with ``gestix_nonce_scope="account"``); ``account`` keeps its highest for inspection."""
        with self.lock:
            last = self._nonces.get(sequence)
            if last is not None and nonce <= last:
                return False
            self._nonces[sequence] = nonce
            if account is not None and account != sequence:
                self._nonces[account] = max(nonce, self._nonces.get(account, nonce))
            return True
