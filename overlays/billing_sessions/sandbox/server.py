"""``Sandbox``: the whole sandbox on a real loopback socket, in a background thread."""

from __future__ import annotations

from types import TracebackType

from billing_sessions.sandbox.app import create_app
from billing_sessions.sandbox.credentials import DEMO
from billing_sessions.sandbox.examples import PROVIDERS
from billing_sessions.sandbox.faults import FaultLayer
from billing_sessions.sandbox.runner import ServerThread
from billing_sessions.sandbox.state import SandboxConfig, SandboxState

__all__ = ["BASE_PATHS", "Sandbox"]

BASE_PATHS = {
    "gestix": f"/api/{DEMO.gestix_account}/v4.0.0",
    "szamla_agent": "",
    "bill": "/api/v2",
    "billingplatform": f"/{DEMO.bp_org}",
    "bill_v3": "/connect",
}


class Sandbox:
    """``with Sandbox() as sb: sb.base_url("bill")`` — every provider on one port (default: a free one).

    ``sb.state`` steers and observes it (counters, clock offset, faults, expiry); ``sb.app`` is the ASGI app.
    """

    def __init__(
        self,
        config: SandboxConfig | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        log_level: str = "warning",
        admin_token: str | None = None,
    ) -> None:
        self.state = SandboxState(config)
        self.app: FaultLayer = create_app(self.state, admin_token)
        self.host = host
        self.port = port
        self._log_level = log_level
        self._server: ServerThread | None = None

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the sandbox is not running: call start() or use it as a context manager")
        return self._server.url

    def base_url(self, provider: str) -> str:
        """Where a provider's client points: its spec's server URL with the sandbox's host."""
        if provider not in PROVIDERS:
            raise ValueError(f"unknown provider {provider!r}; expected one of {', '.join(PROVIDERS)}")
        return self.url + BASE_PATHS[provider]

    def start(self) -> Sandbox:
        if self._server is None:
            server = ServerThread(self.app, self.host, self.port, log_level=self._log_level)
            server.start()
            self._server = server
            self.port = server.port
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
