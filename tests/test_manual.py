"""The manual as a reader meets it: every ``python`` block of README.md and docs/*.md runs as written (in a
fresh interpreter, against the embedded sandbox, with the ``BILLING_SESSIONS_*`` variables the real-account
snippets read pointed at it), the README stays a front page, and every relative link resolves."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import docs_guides  # noqa: E402 - a script module, found through the path above

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINKED = [*PAGES, ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md"]
README_LIMIT = 12 * 1024
#: A fenced block, with the comment before it that says why it is not run (if any).
BLOCK = re.compile(r"(?:<!--\s*not run(?P<why>[^>]*?)-->\n)?```python\n(?P<code>.*?)```", re.DOTALL)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int
    code: str
    not_run: str | None  # the reason, when the page says the block is not run

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks() -> list[Block]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in BLOCK.finditer(text):
            line = text.count("\n", 0, match.start("code"))
            why = match.group("why")
            reason = None if why is None else why.strip().removeprefix(":").strip()
            found.append(Block(page, line, match.group("code"), reason))
    return found


BLOCKS = blocks()


def test_the_readme_is_a_front_page() -> None:
    readme = (ROOT / "README.md").read_bytes()
    assert len(readme) <= README_LIMIT, f"README.md is {len(readme)} bytes: move the detail into docs/"
    text = readme.decode("utf-8")
    for page in sorted((ROOT / "docs").glob("*.md")):
        assert f"](docs/{page.name})" in text, f"the README does not link docs/{page.name}"
    assert "](CONTRIBUTING.md)" in text and "](CHANGELOG.md)" in text


def test_every_page_has_python_blocks_that_run_and_says_why_when_one_does_not() -> None:
    assert len(BLOCKS) >= 15
    for block in BLOCKS:
        assert block.not_run is None or block.not_run, f"{block.name}: <!-- not run: ... --> needs a reason"
        compile(block.code, block.name, "exec")  # a block not run still reads as Python
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        comments = len(re.findall(r"<!--\s*not run", text))
        assert comments == sum(1 for b in BLOCKS if b.page == page and b.not_run is not None), (
            f"{page.name}: a <!-- not run --> comment must stand right before a ```python block"
        )


def _anchors(page: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    return {
        docs_guides.slug(re.sub(r"[`*]", "", h)) for h in re.findall(r"^#{1,6} (.+)$", text, re.MULTILINE)
    }


@pytest.mark.parametrize("page", LINKED, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page: Path) -> None:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    for target in LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        assert file.is_file(), f"{page.name}: {target} names no file"
        if anchor:
            assert anchor in _anchors(file), f"{page.name}: {target}: no heading with that anchor"


@pytest.fixture(scope="module")
def sandbox_env() -> Iterator[dict[str, str]]:
    """The environment a block runs in: no BILLING_SESSIONS_* of the machine's, the sandbox's instead."""
    from billing_sessions.sandbox import Sandbox
    from billing_sessions.sandbox.serve import exports

    with Sandbox() as sb:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BILLING_SESSIONS_")}
        for names in exports(sb.url).values():
            env.update(names)
        yield env


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.name)
def test_every_python_block_runs_as_written(
    block: Block, sandbox_env: dict[str, str], tmp_path: Path
) -> None:
    if block.not_run is not None:
        pytest.skip(f"not run: {block.not_run}")
    script = tmp_path / "test_block.py"
    script.write_text(block.code, encoding="utf-8")
    # A block that defines tests is a test module of the reader's: pytest runs it (with the plugin's fixture).
    runs_tests = re.search(r"^def test_", block.code, re.MULTILINE) is not None
    command = (
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(script)] if runs_tests else []
    )
    done = subprocess.run(
        command or [sys.executable, str(script)],
        cwd=tmp_path,
        env=sandbox_env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, f"{block.name}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert not runs_tests or " passed" in done.stdout
