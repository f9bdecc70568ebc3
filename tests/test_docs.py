"""The docs site as a reader sees it: built by scripts/docs, served by a plain static HTTP server on
loopback and opened in headless Chromium (Debian's; CI installs it). Each spec page renders every operation
of its spec, each API page its functions and classes; no page loads anything from off the machine or logs
an error. Every guide page of docs/ is built and linked from the index. The quickstarts in the provider
modules' docstrings run as written."""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response, sync_playwright

from tests import system

ROOT = Path(__file__).resolve().parent.parent
PROVIDERS = ("gestix", "szamla_agent", "bill", "billingplatform", "bill_v3")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 30_000  # generous: on a loaded machine Swagger UI takes seconds to render a spec


def spec_operations(provider: str) -> list[tuple[str, str]]:
    """(METHOD, path) of every operation, once per tag: Swagger UI lists an operation under each tag."""
    spec = yaml.safe_load((ROOT / "specs" / f"{provider}.yaml").read_text(encoding="utf-8"))
    found = []
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                found += [(method.upper(), path)] * max(1, len(item[method].get("tags") or []))
    return sorted(found)


def generated_modules(provider: str) -> list[str]:
    """Dotted names of the generated operation modules (one per operation)."""
    api = ROOT / "generated" / "billing_sessions_generated" / provider / "api"
    return sorted(
        ".".join(("billing_sessions_generated", provider, "api", *p.relative_to(api).with_suffix("").parts))
        for p in api.glob("*/*.py")
        if p.name != "__init__.py"
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class _Problems:
    """Everything that went wrong while one page was open."""

    path: str
    base: str
    found: list[str] = field(default_factory=list)

    def check(self) -> None:
        assert self.found == [], f"{self.path}:\n" + "\n".join(self.found)

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.found.append(f"console error: {message.text} ({message.location})")

    def page_error(self, error: Exception) -> None:
        self.found.append(f"page error: {error}")

    def request(self, request: Request) -> None:
        if not request.url.startswith((self.base, "data:")):
            self.found.append(f"request off the machine: {request.url}")

    def response(self, response: Response) -> None:
        if response.status >= 400:
            self.found.append(f"HTTP {response.status}: {response.url}")


class Site:
    def __init__(self, context: BrowserContext, base: str, root: Path) -> None:
        self.context = context  # one context for every page: Swagger UI's script is parsed and cached once
        self.base = base
        self.root = root

    def start(self, path: str) -> tuple[Page, _Problems]:
        """A new page navigating to ``path`` (not waited for), with a record of what goes wrong on it."""
        page = self.context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        problems = _Problems(path, self.base)
        page.on("console", problems.console)
        page.on("pageerror", problems.page_error)
        page.on("request", problems.request)
        page.on("response", problems.response)
        page.goto(self.base + path, wait_until="commit")
        return page, problems

    @contextlib.contextmanager
    def open(self, path: str) -> Iterator[Page]:
        """The page at ``path``, loaded; the test fails if anything went wrong while it was open."""
        page, problems = self.start(path)
        try:
            page.wait_for_load_state("load")
            yield page
        finally:
            page.close()
        problems.check()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs") / "site"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "docs.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "pdoc:" not in result.stderr  # every name pdoc is shown resolves (lazy exports included)
    return out


@pytest.fixture(scope="module")
def chromium(request: pytest.FixtureRequest) -> str:
    return system.program(request.config, "chromium")


@pytest.fixture(scope="module")
def site(chromium: str, built: Path) -> Iterator[Site]:
    handler = functools.partial(_QuietHandler, directory=str(built))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                yield Site(context, f"http://127.0.0.1:{server.server_address[1]}/", built)
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def spec_pages(site: Site) -> Iterator[dict[str, tuple[Page, _Problems]]]:
    # Swagger UI takes a second or more to render a spec: the four pages load side by side.
    pages = {provider: site.start(f"specs/{provider}.html") for provider in PROVIDERS}
    yield pages
    for page, _ in pages.values():
        page.close()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_spec_page_renders_every_operation(
    site: Site, spec_pages: dict[str, tuple[Page, _Problems]], provider: str
) -> None:
    expected = spec_operations(provider)
    assert expected, f"specs/{provider}.yaml has no operation"
    page, problems = spec_pages[provider]
    page.wait_for_function("n => document.querySelectorAll('.opblock').length >= n", arg=len(expected))
    rendered: list[list[str]] = page.evaluate(
        """() => [...document.querySelectorAll('.opblock')].map(block => [
            block.querySelector('.opblock-summary-method').textContent.trim(),
            block.querySelector('.opblock-summary-path').getAttribute('data-path'),
        ])"""
    )
    assert page.locator(".opblock").count() == len(expected)
    assert sorted((method, path) for method, path in rendered) == expected
    assert page.locator(".swagger-ui .info .title").inner_text().strip()
    shot = site.root.parent / "screenshots" / f"{provider}.png"
    shot.parent.mkdir(exist_ok=True)
    page.screenshot(path=shot, full_page=True)
    assert shot.stat().st_size > 0
    problems.check()


@pytest.mark.parametrize("provider", PROVIDERS)
def test_api_pages_render_the_typed_functions_and_the_session(site: Site, provider: str) -> None:
    modules = generated_modules(provider)
    assert modules, f"billing_sessions_generated.{provider} has no operation module"
    with site.open(f"api/{modules[0].replace('.', '/')}.html") as page:
        for function in ("sync_detailed", "asyncio_detailed"):
            assert page.locator(f"section#{function} .name").first.inner_text() == function
    with site.open(f"api/billing_sessions_generated/{provider}.html") as page:
        for cls in ("Client", "AuthenticatedClient"):
            assert page.locator(f"section#{cls} .name").first.inner_text() == cls
    with site.open(f"api/billing_sessions/{provider}.html") as page:
        for cls in ("Session", "AsyncSession"):
            assert page.locator(f"section#{cls} .name").first.inner_text() == cls
        assert page.locator("#quickstart").inner_text() == "Quickstart"
        assert f"{provider}.Session(" in page.locator(".docstring pre").first.inner_text()


def test_index_links_every_page_and_every_operation(site: Site) -> None:
    with site.open("index.html") as page:
        hrefs: list[str] = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        text = page.locator("main").inner_text()
    assert "scripts/regenerate" in text
    assert all(href.startswith(site.base) for href in hrefs), hrefs
    for provider in PROVIDERS:
        for page_path in (f"specs/{provider}.html", f"api/billing_sessions_generated/{provider}.html"):
            assert site.base + page_path in hrefs
        assert f"{site.base}api/billing_sessions/{provider}.html#quickstart" in hrefs
        for module in generated_modules(provider):
            assert f"{site.base}api/{module.replace('.', '/')}.html" in hrefs, module
    for href in sorted({h.split("#")[0] for h in hrefs}):
        assert (site.root / href.removeprefix(site.base)).is_file(), href


def test_docs_refuses_to_replace_a_folder_it_did_not_build(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "docs.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "refusing" in result.stderr
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("provider", PROVIDERS)
def test_quickstart_runs_as_written(provider: str, capsys: pytest.CaptureFixture[str]) -> None:
    module = importlib.import_module(f"billing_sessions.{provider}")
    blocks = re.findall(r"```python\n(.*?)```", module.__doc__ or "", flags=re.DOTALL)
    assert len(blocks) == 1, f"billing_sessions.{provider}: one quickstart code block expected"
    code = compile(blocks[0], f"<billing_sessions.{provider} quickstart>", "exec")
    exec(code, {"__name__": "quickstart"})  # noqa: S102 -- the module's own documented code, verbatim
    assert capsys.readouterr().out.strip()


def test_index_lists_every_typed_agent_operation() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import docs

    section = docs.typed_agent_operations()
    names = re.findall(r"#Session\.(\w+)", section)
    assert len(names) == 11 and "create_invoice" in names and "query_taxpayer" in names
    assert "<code>Xmlszamla</code>" in section and "<code>action-szamla_agent_taxpayer</code>" in section


def test_without_pdoc_the_docs_script_says_what_to_install(tmp_path: Path) -> None:
    """The demo's environment has no pdoc: one line naming the extra, no traceback."""
    blocker = tmp_path / "sitecustomize.py"
    blocker.write_text("import sys\nsys.modules['pdoc'] = None  # as if not installed\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "docs.py"), "--out", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr == "scripts/docs needs pdoc, not installed: pip install -e '.[docs]'\n"


GUIDES = sorted(p.stem for p in (ROOT / "docs").glob("*.md"))


def test_every_guide_page_is_built_linked_from_the_index_and_its_links_resolve(site: Site) -> None:
    assert len(GUIDES) >= 10
    with site.open("index.html") as page:
        listed: list[str] = page.eval_on_selector_all(".guide-list a", "links => links.map(a => a.href)")
    for name in [*GUIDES, "readme", "contributing", "changelog"]:
        assert f"{site.base}guide/{name}.html" in listed, name
        with site.open(f"guide/{name}.html") as page:
            assert page.locator("main h1").first.inner_text().strip()
            assert page.locator("aside .guide-list a").count() == len(listed)
            hrefs: list[str] = page.eval_on_selector_all("main a[href]", "links => links.map(a => a.href)")
        for href in hrefs:
            if not href.startswith(site.base):
                continue  # a link off the site (keepachangelog.com): the browser did not follow it
            path, _, anchor = href.removeprefix(site.base).partition("#")
            target = site.root / path
            assert target.is_file(), f"{name}: {href}"
            if anchor and target.suffix == ".html":
                assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), f"{name}: {href}"


def test_the_benchmarks_page_shows_the_plot(site: Site) -> None:
    with site.open("guide/benchmarks.html") as page:
        image = page.locator("main img").first
        image.scroll_into_view_if_needed()
        assert image.evaluate("img => img.complete && img.naturalWidth") > 0
        assert page.locator("main table").count() >= 2
