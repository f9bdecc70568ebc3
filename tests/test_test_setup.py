"""The test set-up itself: pytest installs nothing, a missing system program is a skip with its reason (a
failure under --require-system, which the README's test command sets), and CI runs that command verbatim."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests import marks

ROOT = Path(__file__).resolve().parent.parent
NEEDS_REDIS = "def test_needs_redis(redis_server):\n    assert redis_server.url\n"


@pytest.fixture
def no_programs(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> pytest.Pytester:
    """An inner pytest run with this suite's conftest and a PATH on which no system program is found."""
    pytester.makeconftest("from tests.conftest import *  # noqa: F403\n")
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]
    pytester.makeini("[pytest]\nmarkers =\n" + "".join(f"  {m}\n" for m in options["ini_options"]["markers"]))
    pytester.makepyfile(NEEDS_REDIS)
    monkeypatch.setenv("PATH", str(pytester.path))
    return pytester


def test_a_missing_program_skips_the_test_naming_what_to_install(no_programs: pytest.Pytester) -> None:
    result = no_programs.runpytest("-ra")
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(
        [
            "*not installed: chromium, redis-server*scripts/setup-test-machine*",
            "*redis-server is not installed: scripts/setup-test-machine or apt-get install -y redis-server*",
        ]
    )


def test_require_system_makes_a_missing_program_a_failure(no_programs: pytest.Pytester) -> None:
    result = no_programs.runpytest("--require-system")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*redis-server is not installed*--require-system makes*"])


def test_tests_are_marked_by_the_programs_their_fixtures_need(no_programs: pytest.Pytester) -> None:
    no_programs.makepyfile(test_other="def test_plain():\n    assert True\n")
    result = no_programs.runpytest("-m", "not redis")
    result.assert_outcomes(passed=1, deselected=1)


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("Run the tests", 1)[1]
    command = re.search(r"```sh\n(.+?)\n```", section, re.DOTALL)
    assert command is not None
    assert command.group(1) in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def test_the_test_suite_installs_nothing() -> None:
    """Installing is scripts/setup-test-machine's job, announced; no test module or conftest runs apt."""
    for path in (ROOT / "tests").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""["']apt(-get)?["']""", text), f"{path.name} runs apt"


def test_every_test_named_in_the_marks_exists() -> None:
    """A renamed test must not silently leave the slow set (and so join the fast subset)."""
    for module, names in marks.SLOW.items():
        tree = ast.parse((ROOT / "tests" / module).read_text(encoding="utf-8"))
        defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
        assert names is marks.WHOLE or names <= defined, f"{module}: no test {sorted(names - defined)}"
    assert all((ROOT / "tests" / module).exists() for module in marks.MULTIPROCESS)


def _project() -> dict[str, Any]:
    project: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project


def test_the_lowest_versions_are_the_lower_bounds_of_every_direct_dependency() -> None:
    """tests/lowest-versions.txt pins each dependency of the library and its extras to its lower bound."""
    project = _project()
    extras = project["optional-dependencies"]
    tools = {"dev", "gen", "docs"}  # pinned tools, not what users get
    wanted = [*project["dependencies"], *(r for e in extras if e not in tools for r in extras[e])]
    bounds = {}
    for requirement in map(Requirement, wanted):
        if requirement.name != project["name"]:
            (lower,) = [s.version for s in requirement.specifier if s.operator == ">="]
            bounds[canonicalize_name(requirement.name)] = Version(lower)
    lines = (ROOT / "tests" / "lowest-versions.txt").read_text(encoding="utf-8").splitlines()
    pins = [Requirement(line) for line in lines if line and not line.startswith("#")]
    pinned = {canonicalize_name(r.name): Version(next(iter(r.specifier)).version) for r in pins}
    assert pinned == bounds


def test_the_generators_live_apart_and_share_the_ruff_pin() -> None:
    """openapi-python-client caps httpx: it must not be in the environment the tests run in."""
    extras = _project()["optional-dependencies"]
    names = {canonicalize_name(Requirement(r).name) for r in extras["dev"]}
    assert not names & {"openapi-python-client", "datamodel-code-generator"}
    assert [r for r in extras["gen"] if r.startswith("ruff")] == [
        r for r in extras["dev"] if r.startswith("ruff")
    ]
