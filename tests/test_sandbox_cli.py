"""``billing-sessions sandbox``: prints where it listens and the demo credentials, serves, stops on Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading

import httpx

from billing_sessions.sandbox import DEMO
from billing_sessions.sandbox.serve import banner

COMMAND = [sys.executable, "-c", "from billing_sessions.cli import main; main()"]


def _start(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [*COMMAND, "sandbox", *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env
    )
    # A banner line a test waits for that never comes ends in EOF after a minute, not in a hung run.
    watchdog = threading.Timer(60, process.kill)
    watchdog.daemon = True
    watchdog.start()
    return process


def test_the_command_serves_until_ctrl_c() -> None:
    process = _start("--host", "127.0.0.1", "--port", "0")
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if "BILLING_SESSIONS_BILLINGPLATFORM_PASSWORD" in line:  # the last line of the banner
                break
        text = "".join(lines)
        found = re.search(r"listening on (http://127\.0\.0\.1:\d+)", text)
        assert found, text
        url = found.group(1)
        for path in ("/api/03101176/v4.0.0", "/api/v2", "/demo", "/_sandbox/"):
            assert url + path in text
        for secret in (
            DEMO.gestix_api_token,
            DEMO.szamla_agent_key,
            DEMO.bill_dev_key,
            DEMO.bp_client_secret,
        ):
            assert secret in text
        headers = {"Authorization": f"Bearer {DEMO.gestix_api_token}"}
        assert httpx.get(url + "/api/03101176/v4.0.0/helo", headers=headers).status_code == 200
        assert httpx.get(url + "/_sandbox/counters").json()["gestix"]["logins"] == 1
        process.send_signal(signal.SIGINT)
        rest, _ = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0
    assert "sandbox stopped" in rest
    assert "Traceback" not in rest


def test_a_busy_port_is_a_clear_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = _start("--port", str(port))
        output, _ = process.communicate(timeout=30)
    assert process.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in output
    assert "Traceback" not in output


def test_the_banner_names_every_provider() -> None:
    text = banner("http://127.0.0.1:8787")
    for provider in ("gestix", "szamla_agent", "bill", "billingplatform"):
        assert provider in text
    assert DEMO.bill_user_name in text and DEMO.bp_org in text
