"""pytest fixtures for app teams: the stateful sandbox in your own test suite.

Registered as a pytest plugin (entry point ``pytest11``) when ``billing-sessions`` is installed. It is inert
until a test asks for ``billing_sandbox``: loading it imports nothing but pytest, and the sandbox (the
``sandbox`` extra) starts on first use, once per test session, on a free loopback port.

    from billing_sessions import gestix

    def test_invoice_survives_an_expiry(billing_sandbox):
        with gestix.Session(**billing_sandbox.session_kwargs("gestix")) as s:
            s.status()
            billing_sandbox.expire_sessions("gestix")
            s.status()                                     # healed: one re-login
        assert billing_sandbox.counters("gestix")["logins"] == 2

Every test starts from a reset sandbox: no sessions, counters at zero, no faults, the clock at now.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from billing_sessions.sandbox import DemoCredentials, Sandbox

__all__ = ["BillingSandbox", "billing_sandbox", "billing_sandbox_server"]


class BillingSandbox:
    """A running sandbox and the controls a test needs. Made by the ``billing_sandbox`` fixture."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def __repr__(self) -> str:
        return f"BillingSandbox(url={self.url!r})"

    @property
    def url(self) -> str:
        """The sandbox's root URL (``http://127.0.0.1:PORT``)."""
        return self.sandbox.url

    @property
    def credentials(self) -> DemoCredentials:
        """The demo credentials the sandbox accepts (``DEMO``)."""
        from billing_sessions.sandbox import DEMO

        return DEMO

    def base_url(self, provider: str) -> str:
        """Where a provider's session points (``gestix``, ``szamla_agent``, ``bill``, ...)."""
        return self.sandbox.base_url(provider)

    def session_kwargs(self, provider: str, *, login: str = "default") -> dict[str, Any]:
        """Keyword arguments for ``<provider>.Session(...)`` on the sandbox, with demo credentials.

        ``login="password"`` picks the user name and password where a provider also has a key or token
        (Gestix, Számla Agent) or OAuth client credentials (BillingPlatform: ``login="oauth"``).
        """
        from billing_sessions.providers import PROVIDERS

        info = PROVIDERS.get(provider)
        if info is None:
            raise ValueError(f"unknown provider {provider!r}; expected one of {', '.join(PROVIDERS)}")
        fields = info.demo.get(login, info.demo["default"])
        kwargs: dict[str, Any] = {"base_url": self.base_url(provider)}
        return kwargs | {keyword: getattr(self.credentials, name) for keyword, name in fields.items()}

    def expire_sessions(self, provider: str | None = None) -> None:
        """Every live session of ``provider`` (or of every provider) dies now, as after a server restart."""
        self.sandbox.state.expire_all(provider)

    def advance_clock(self, seconds: float) -> None:
        """Move the sandbox clock forward: idle timeouts and token lifetimes pass without sleeping."""
        self.sandbox.state.advance(seconds)

    def inject_fault(
        self,
        provider: str,
        kind: str,
        count: int = 1,
        *,
        after: bool = False,
        delay: float = 0.0,
        retry_after: float | None = None,
    ) -> None:
        """The next ``count`` requests of ``provider`` get ``kind``: ``"500"``, ``"502"``, ``"503"``,
        ``"429"``, ``"drop"`` (connection closed), ``"slow"`` (``delay`` seconds) or ``"malformed"``.
        ``after=True`` applies it after the request was processed (the write happened; the answer is lost):
        ``inject_fault("szamla_agent", "drop", after=True)`` is an invoice made whose answer never came."""
        self.sandbox.state.inject(provider, kind, count, after=after, delay=delay, retry_after=retry_after)

    def mfa_code(self, provider: str = "bill_v3") -> str | None:
        """The last MFA code the sandbox "texted" (BILL v3), for tests that make a session trusted."""
        return self.sandbox.state.mfa_code(provider)

    def set_down(self, provider: str, down: bool = True) -> None:
        """The provider answers as in maintenance (503; Számla Agent: ``szlahu_down``) until set up again."""
        self.sandbox.state.set_down(provider, down)

    def set_latency(self, latency: float, jitter: float = 0.0, *, fifo: bool = False) -> None:
        """Every provider request gets ``latency`` +- ``jitter`` seconds of round trip (e.g. ``0.05, 0.01``),
        half on the way in and half on the way back, each leg jittered on its own, until the next reset.
        As on a real network, a request may overtake one sent shortly before it (``fifo=True``: never); the
        Gestix nonce check stays strict, at the moment a request is processed."""
        self.sandbox.state.set_latency(latency, jitter, fifo=fifo)

    def counters(self, provider: str) -> dict[str, int]:
        """A snapshot of ``provider``'s counters: ``logins``, ``sessions_created``, ``nonce_rejections``,
        ``expired_rejections``, ``requests``, ``in_flight``, ``duplicate_references`` (Gestix documents whose
        ``reference`` was already used), ..."""
        return self.sandbox.state.counters(provider)

    def references(self, provider: str) -> dict[str, int]:
        """How many documents were made with each id: Gestix ``reference``, Számla Agent external id
        (``szamlaKulsoAzon``) or receipt call id (``hivasAzonosito``). More than 1: made twice."""
        return self.sandbox.state.references(provider)

    def configure(self, **changes: float | int | str | None) -> None:
        """Change sandbox settings until the next reset: e.g. ``bill_idle=60``;
        ``gestix_nonce_scope="account"`` (a server stricter than the docs), ``gestix_login_ends_others=True``;
        ``bill_v3_trust_id_name="mfaId"`` (BILL v3's challenge/validate naming the trust id ``mfaId``)."""
        self.sandbox.state.configure(**changes)

    def reset(self) -> None:
        """Back to a fresh sandbox (done before every test that uses the fixture)."""
        self.sandbox.state.reset()


@pytest.fixture(scope="session")
def billing_sandbox_server() -> Iterator[Sandbox]:
    """One sandbox for the whole test session (started on first use, stopped at the end)."""
    from billing_sessions.sandbox import Sandbox

    with Sandbox() as sandbox:
        yield sandbox


@pytest.fixture
def billing_sandbox(billing_sandbox_server: Sandbox) -> BillingSandbox:
    """The sandbox, reset for this test, with its controls (see :class:`BillingSandbox`)."""
    billing_sandbox_server.state.reset()
    return BillingSandbox(billing_sandbox_server)
