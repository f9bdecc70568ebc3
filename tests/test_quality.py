"""ruff and mypy --strict, as CI runs them: hand-written code and generated code alike."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HAND_WRITTEN = ["overlays", "scripts", "tests"]


def _run(*cmd: str, cwd: Path = ROOT) -> None:
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_lint() -> None:
    _run(str(BIN / "ruff"), "check", *HAND_WRITTEN)


def test_ruff_format() -> None:
    _run(str(BIN / "ruff"), "format", "--check", *HAND_WRITTEN)


def test_mypy_strict_hand_written() -> None:
    _run(str(BIN / "mypy"), "--strict", *HAND_WRITTEN)


#: generated/: the one package of generated code, and the deprecated top-level aliases of its clients.
GENERATED_PACKAGES = [
    "bill_client",
    "bill_v3_client",
    "billing_sessions_generated",
    "billingplatform_client",
    "gestix_client",
    "szamla_agent_client",
]


def test_mypy_strict_generated() -> None:
    packages = sorted(p.name for p in (ROOT / "generated").iterdir() if (p / "__init__.py").exists())
    assert packages == GENERATED_PACKAGES
    args = [a for p in packages for a in ("-p", p)]
    _run(str(BIN / "mypy"), "--strict", *args, cwd=ROOT / "generated")


def test_ruff_generated() -> None:
    """Generated code passes ruff as the post-hooks run it: isolated, per package (first-party differs)."""
    packages = sorted(p for p in (ROOT / "generated").iterdir() if (p / "__init__.py").exists())
    assert [p.name for p in packages] == GENERATED_PACKAGES
    for package in packages:
        _run(str(BIN / "ruff"), "check", "--isolated", "--select=F,E9,I,UP", ".", cwd=package)
        _run(str(BIN / "ruff"), "format", "--isolated", "--check", ".", cwd=package)
