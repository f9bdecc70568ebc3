"""Shared fixtures. ``sandbox``: one sandbox for the whole test session; ``sb``: the same sandbox, reset
(sessions, counters, faults, clock, data, configuration) before the test that asks for it.
``redis_server``: one real ``redis-server`` on a free loopback port for the whole session; ``redis_prefix``:
a key prefix of its own for the test that asks for it (tests never see each other's keys).
``no_secret_in_any_log``: every log record of the whole run, at DEBUG, is checked for a secret."""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.sandbox.state import SandboxState, Session
from tests import marks, system
from tests.redis_server import RedisCluster, RedisServer

pytest_plugins = ["pytester"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        system.REQUIRE_OPTION,
        action="store_true",
        help="fail, not skip, a test whose system program (redis-server, chromium) is missing",
    )


@pytest.hookimpl(tryfirst=True)  # before -m deselects: `-m "not redis"` sees the markers given here
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test by the system programs its fixtures need (``redis``, ``browser``: no test can forget
    them; nothing is installed here, see tests/system.py), and as tests/marks.py says (``slow``,
    ``multiprocess``)."""
    for item in items:
        for fixture in getattr(item, "fixturenames", ()):
            if fixture in system.NEEDS:
                item.add_marker(system.NEEDS[fixture][2])
        for mark in marks.marks(item):
            item.add_marker(mark)


def pytest_report_header(config: pytest.Config) -> str | None:
    gone = system.missing(config)
    if not gone:
        return None
    then = "fail" if config.getoption(system.REQUIRE_OPTION) else "are skipped"
    return f"not installed: {', '.join(gone)} (the tests that need them {then}; scripts/setup-test-machine)"


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
def redis_server(request: pytest.FixtureRequest) -> Iterator[RedisServer]:
    with RedisServer(system.program(request.config, "redis_server")) as server:
        yield server


@pytest.fixture(scope="session")
def redis_cluster(request: pytest.FixtureRequest) -> Iterator[RedisCluster]:
    """A real Redis Cluster (3 masters on free ports) for the whole session."""
    system.program(request.config, "redis_cluster")
    with RedisCluster() as cluster:
        yield cluster


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    return redis_server.url


@pytest.fixture
def redis_prefix() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"
