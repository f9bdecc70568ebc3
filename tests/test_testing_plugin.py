"""The pytest plugin app teams get with the package (entry point ``pytest11``), run through pytester in a
separate pytest process, as a team's own suite would run it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

APP_TEST = """
import pytest
from billing_sessions import bill, gestix, szamla_agent, billingplatform, LoginError


def test_a_gestix_session_heals_an_expiry(billing_sandbox):
    with gestix.Session(**billing_sandbox.session_kwargs("gestix")) as s:
        s.status()
        billing_sandbox.expire_sessions("gestix")
        s.status()
    assert billing_sandbox.counters("gestix")["logins"] == 2


def test_every_test_starts_from_a_reset_sandbox(billing_sandbox):
    assert billing_sandbox.counters("gestix")["logins"] == 0


def test_idle_bill_session_renewed_after_the_clock_moves(billing_sandbox):
    with bill.Session(**billing_sandbox.session_kwargs("bill")) as s:
        s.session_info()
        billing_sandbox.advance_clock(36 * 60)
        s.session_info()
    assert billing_sandbox.counters("bill")["logins"] == 2


def test_an_injected_fault_is_retried_for_a_read(billing_sandbox):
    with billingplatform.Session(**billing_sandbox.session_kwargs("billingplatform")) as s:
        s.query("SELECT Id FROM ACCOUNT")
        billing_sandbox.inject_fault("billingplatform", "503")
        s.query("SELECT Id FROM ACCOUNT")
    assert billing_sandbox.counters("billingplatform")["faults_injected"] == 1


def test_password_logins_and_wrong_credentials(billing_sandbox):
    kwargs = billing_sandbox.session_kwargs("gestix", login="password")
    assert set(kwargs) == {"base_url", "username", "password"}
    with gestix.Session(**{**kwargs, "password": "wrong"}) as s, pytest.raises(LoginError):
        s.status()


def test_the_credentials_are_the_demo_ones(billing_sandbox):
    key = billing_sandbox.session_kwargs("szamla_agent")["agent_key"]
    assert key == billing_sandbox.credentials.szamla_agent_key
    assert billing_sandbox.base_url("gestix").startswith(billing_sandbox.url)
"""

UNUSED_TEST = """
import sys


def test_the_plugin_stays_out_of_the_way():
    assert "billing_sessions.sandbox" not in sys.modules
    assert "starlette" not in sys.modules and "uvicorn" not in sys.modules
"""


def test_the_fixture_gives_a_running_sandbox_with_its_controls(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_app=APP_TEST)
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=6)


def test_the_plugin_is_inert_in_a_suite_that_does_not_use_it(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_other=UNUSED_TEST)
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_the_plugin_is_registered_under_pytest11(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest_subprocess("--fixtures", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(["*billing_sandbox*"])


def _first_block(page: str, heading: str = "") -> str:
    """The first Python block of ``page`` (under ``## heading``, if given)."""
    text = (Path(__file__).resolve().parent.parent / page).read_text("utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0] if heading else text
    blocks: list[str] = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    return blocks[0]


def test_the_testing_guide_example_runs_as_is(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_readme=_first_block("docs/testing.md"))
    result = pytester.runpytest_subprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_the_readme_sandbox_example_runs_as_is(tmp_path: Path) -> None:
    script = tmp_path / "example.py"
    script.write_text(_first_block("README.md", "Quickstart on the sandbox"))
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("ready") and lines[1].startswith("201 ") and lines[-1] == "1", done.stdout
