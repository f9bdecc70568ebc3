"""Shared fixtures. ``sandbox``: one sandbox for the whole test session; ``sb``: the same sandbox, reset
(sessions, counters, faults, clock, data, configuration) before the test that asks for it.
``redis_server``: one real ``redis-server`` on a free loopback port for the whole session; ``redis_prefix``:
a key prefix of its own for the test that asks for it (tests never see each other's keys)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from billing_sessions.sandbox import Sandbox
from tests.redis_server import RedisServer


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


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    return redis_server.url


@pytest.fixture
def redis_prefix() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"
