"""Shared fixtures. ``sandbox``: one sandbox for the whole test session; ``sb``: the same sandbox, reset
(sessions, counters, faults, clock, data, configuration) before the test that asks for it.
``redis_server``: one real ``redis-server`` on a free loopback port for the whole session; ``redis_prefix``:
a key prefix of its own for the test that asks for it (tests never see each other's keys).
``no_secret_in_any_log``: every log record of the whole run, at DEBUG, is checked for a secret."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.sandbox.state import SandboxState, Session
from tests.redis_server import RedisCluster, RedisServer

pytest_plugins = ["pytester"]

#: System programs some tests drive for real, by the fixture that needs them, and their Debian package.
SYSTEM_NEEDS = {
    "redis_server": ("redis-server", "redis-server"),
    "redis_cluster": ("redis-server", "redis-server"),
    "chromium": ("chromium", "chromium"),
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Before any test runs: install the system programs the selected tests need (redis-server, Chromium)
    with apt when they are missing and we may (root, or sudo without a password); otherwise stop with one
    line saying what to install."""
    wanted = {
        SYSTEM_NEEDS[f] for item in items for f in getattr(item, "fixturenames", ()) if f in SYSTEM_NEEDS
    }
    missing = sorted(package for program, package in wanted if shutil.which(program) is None)
    if not missing:
        return
    hint = f"the tests need {' and '.join(missing)}: sudo apt-get install -y {' '.join(missing)}"
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    if shutil.which("apt-get") is None or (sudo and shutil.which("sudo") is None):
        pytest.exit(hint, returncode=pytest.ExitCode.USAGE_ERROR)
    print(
        f"\ninstalling {' '.join(missing)} with apt-get (missing; the tests drive them for real)",
        file=sys.stderr,
    )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
    ):
        done = subprocess.run([*sudo, *command], env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            pytest.exit(
                f"{hint} (apt-get failed: {done.stderr.strip()[-300:]})",
                returncode=pytest.ExitCode.USAGE_ERROR,
            )


# What a log line must never contain: the demo credentials, and every session id, token and cookie the
# sandbox issued during the run (their random part, 32 hex digits; see SandboxState.create_session).
_FIXED_SECRETS = DEMO.secrets()
_HEX32 = re.compile(r"[0-9a-f]{32}")
# Loggers of the package and of the HTTP stack it drives (httpcore logs headers, httpx URLs).
_LOGGERS = ("billing_sessions", "httpx", "httpcore")


class _LeakCheck(logging.Handler):
    """Checks each record as it is made (the run makes too many to keep), keeps only the leaks."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.issued: set[str] = set()
        self.leaks: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not record.name.startswith(_LOGGERS):
            return
        line = self.format(record)
        found = [s for s in _FIXED_SECRETS if s in line]
        found += [h for h in _HEX32.findall(line) if h in self.issued]
        if found:
            self.leaks.append(f"{record.name}: {line[:300]}")


@pytest.fixture(scope="session", autouse=True)
def no_secret_in_any_log() -> Iterator[None]:
    check = _LeakCheck()
    create_session = SandboxState.create_session

    def recording(self: SandboxState, *args: Any, **kwargs: Any) -> Session:
        session = create_session(self, *args, **kwargs)
        check.issued.add(session.token[-32:])
        return session

    levels = {name: logging.getLogger(name).level for name in _LOGGERS}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(SandboxState, "create_session", recording)
        for name in _LOGGERS:
            logging.getLogger(name).setLevel(logging.DEBUG)
        logging.getLogger().addHandler(check)
        try:
            yield
        finally:
            logging.getLogger().removeHandler(check)
            for name, level in levels.items():
                logging.getLogger(name).setLevel(level)
    assert check.leaks == [], f"{len(check.leaks)} log records carry a secret:\n" + "\n".join(
        check.leaks[:20]
    )


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as running:
        yield running


@pytest.fixture
def sb(sandbox: Sandbox) -> Sandbox:
    sandbox.state.reset()
    return sandbox


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    try:
        server = RedisServer()
    except RuntimeError as exc:  # CI installs it (.ci/run): a missing server is a failure, not a skip
        pytest.fail(str(exc))
    with server:
        yield server


@pytest.fixture(scope="session")
def redis_cluster() -> Iterator[RedisCluster]:
    """A real Redis Cluster (3 masters on free ports) for the whole session."""
    try:
        cluster = RedisCluster()
    except RuntimeError as exc:  # like redis_server: missing is a failure, not a skip
        pytest.fail(str(exc))
    with cluster:
        yield cluster


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    return redis_server.url


@pytest.fixture
def redis_prefix() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"
