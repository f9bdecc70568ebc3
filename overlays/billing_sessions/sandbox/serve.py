"""``billing-sessions sandbox``: the sandbox in the foreground until Ctrl-C."""

from __future__ import annotations

import secrets
import shlex
import socket
from collections.abc import Callable

import uvicorn

from billing_sessions.hosts import is_loopback
from billing_sessions.providers import PROVIDERS
from billing_sessions.sandbox.app import create_app
from billing_sessions.sandbox.credentials import DEMO
from billing_sessions.sandbox.server import BASE_PATHS
from billing_sessions.sandbox.state import SandboxConfig, SandboxState

__all__ = ["NOTES", "banner", "exports", "run"]


def banner(url: str) -> str:
    """Where each provider listens and the demo credentials."""
    lines = [f"billing-sessions sandbox listening on {url}  (Ctrl-C to stop)", "", "Base URLs:"]
    for provider, path in BASE_PATHS.items():
        note = "  (POST /szamla/)" if provider == "szamla_agent" else ""
        lines.append(f"  {provider:<16} {url}{path}{note}")
    lines.append(f"  {'admin':<16} {url}/_sandbox/  (counters, expire, clock, faults, down, reset, mfa)")
    lines += ["", "For the billing-sessions command, paste one provider's lines into another terminal:"]
    for provider, names in exports(url).items():
        lines.append(f"  # {provider}{NOTES.get(provider, '')}")
        lines += [f"  export {name}={shlex.quote(value)}" for name, value in names]
    return "\n".join(lines)


#: What else the sandbox's demo accounts take (printed next to their export lines).
NOTES = {
    "gestix": f" (or USERNAME {DEMO.gestix_username} and PASSWORD {DEMO.gestix_password})",
    "szamla_agent": f" (or USERNAME {DEMO.szamla_username} and PASSWORD {DEMO.szamla_password})",
    "bill_v3": "; MFA codes the sandbox 'texts' are printed here",
    "billingplatform": f" (or CLIENT_ID {DEMO.bp_client_id} and CLIENT_SECRET {DEMO.bp_client_secret})",
}


def exports(url: str) -> dict[str, list[tuple[str, str]]]:
    """Per provider, the environment the command line reads for the sandbox's demo account."""
    return {
        info.name: [
            (info.env_name("base_url"), f"{url}{BASE_PATHS[info.name]}"),
            *((info.env_name(k), getattr(DEMO, name)) for k, name in info.demo["default"].items()),
        ]
        for info in PROVIDERS.values()
    }


def run(
    host: str = "127.0.0.1",
    port: int = 8787,
    *,
    config: SandboxConfig | None = None,
    out: Callable[[str], None] = print,
) -> int:
    """Serve until interrupted; returns the exit code (1 when the address cannot be bound)."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # see runner.ServerThread
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        out(f"cannot listen on {host}:{port}: {error.strerror or error}")
        return 1
    sock.listen(2048)  # before the banner: a client that reads it may connect at once (uvicorn listens late)
    bound_port = sock.getsockname()[1]
    url = f"http://[{host}]:{bound_port}" if ":" in host else f"http://{host}:{bound_port}"
    token = None
    if not is_loopback(host):
        # Anyone who can reach the port can use the demo credentials and drive the admin API: say so, and
        # require a token for the admin API from other hosts.
        token = secrets.token_urlsafe(16)
        out(
            f"WARNING: the sandbox listens on {host}, beyond loopback: other machines can reach it, with "
            "its public demo credentials. Use --host 127.0.0.1 unless that is what you want."
        )
        out(f"Admin API token (Authorization: Bearer ...): {token}")
    app = create_app(SandboxState(config), admin_token=token)
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False, backlog=2048)
    )
    out(banner(url))
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn re-raises the SIGINT it handled, after shutting down cleanly
        pass
    finally:
        sock.close()
    out("sandbox stopped")
    return 0
