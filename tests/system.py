"""The system programs some tests drive for real, and what a test does when one is missing.

pytest never installs anything: ``scripts/setup-test-machine`` does, announced, before ``scripts/test`` runs
pytest. A test whose program is missing is skipped with the reason (shown by ``-ra``), or fails when pytest
runs with ``--require-system`` (``scripts/test`` and so CI set it: there, a missing program is a broken
set-up, never a silent skip).
"""

from __future__ import annotations

import shutil

import pytest

#: Fixture that needs a program -> (program, Debian package, marker given to every test using the fixture).
NEEDS = {
    "redis_server": ("redis-server", "redis-server", "redis"),
    "redis_cluster": ("redis-server", "redis-server", "redis"),  # and redis-cli, which the package brings
    "chromium": ("chromium", "chromium", "browser"),
}
REQUIRE_OPTION = "--require-system"


def program(config: pytest.Config, fixture: str) -> str:
    """The path of the program ``fixture`` needs; skips or fails (``--require-system``) when missing."""
    name, package, _ = NEEDS[fixture]
    found = shutil.which(name)
    if found is not None:
        return found
    reason = f"{name} is not installed: scripts/setup-test-machine or apt-get install -y {package}"
    if config.getoption(REQUIRE_OPTION):
        pytest.fail(f"{reason} ({REQUIRE_OPTION} makes a missing program a failure)", pytrace=False)
    pytest.skip(reason)


def missing(config: pytest.Config) -> list[str]:
    """The needed programs that are not installed, for the report header."""
    return sorted({name for name, _, _ in NEEDS.values() if shutil.which(name) is None})
