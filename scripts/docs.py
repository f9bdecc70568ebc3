"""Build the docs site (static files, no network at view time) into site/, or ``--out DIR``.

- ``index.html``: the providers, every operation with its generated function, the quickstarts and the
  regeneration workflow;
- ``specs/<provider>.html``: the spec as an interactive Swagger UI reference, the spec embedded as JSON
  (``<provider>.json`` and ``.yaml`` beside it); Swagger UI's files are copied from the pinned
  ``flask-swagger-ui`` wheel into ``swagger-ui/``;
- ``api/``: pdoc's rendering of the generated packages and of ``billing_sessions``, whose provider modules
  carry the quickstarts;
- ``guide/``: the guide pages of ``docs/``, the README, CONTRIBUTING and the changelog (``docs_guides``).
"""

from __future__ import annotations

import argparse
import base64
import datetime
import functools
import html
import importlib
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

try:
    import pdoc.doc
    import pdoc.render
    import yaml
    from pdoc.render_helpers import to_html

    import docs_guides
except ModuleNotFoundError as missing:  # e.g. the demo's environment: say what to install, in one line
    package = (missing.name or "?").partition(".")[0]
    raise SystemExit(f"scripts/docs needs {package}, not installed: pip install -e '.[docs]'") from None

from billing_sessions.providers import PROVIDERS as REGISTRY

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
PROVIDERS = tuple(REGISTRY)  # gestix, szamla_agent, bill, billingplatform, bill_v3
OVERLAY = "billing_sessions"
#: The package the generated clients live in, one subpackage per provider (scripts/regenerate.py).
NAMESPACE = "billing_sessions_generated"
GENERATED = ROOT / "generated" / NAMESPACE
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Files a page needs from Swagger UI's dist folder (the rest are other ways to load it).
SWAGGER_FILES = ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-16x16.png", "favicon-32x32.png")
SWAGGER_EXTRA = ("LICENSE", "VERSION")
# Written into every site this script builds: only such a folder is ever deleted by a rebuild.
MARKER = ".built-by-scripts-docs"
# Generated modules whose contents the package above re-exports (``models``, the package itself): their own
# pages would repeat it, and pdoc links every type to the package's page anyway.
REEXPORTED = re.compile(rf"{NAMESPACE}\.\w+\.(models\.\w+|client)")
#: The stores' old module names, kept importable: their pages would repeat ``billing_sessions.stores.*``.
OLD_NAMES = {f"{OVERLAY}.{name}" for name in ("store_base", "nonce_file", "redis_store")}

JSON = dict[str, Any]


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    operation_id: str
    summary: str
    tag: str


def load_spec(provider: str) -> JSON:
    with (SPECS / f"{provider}.yaml").open(encoding="utf-8") as f:
        spec: JSON = yaml.safe_load(f)
    return spec


def operations(spec: JSON) -> list[Operation]:
    """Every operation of a spec, in the spec's order."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                tags = op.get("tags") or ["default"]
                summary = str(op.get("summary") or "")
                found.append(Operation(method, path, str(op.get("operationId", "")), summary, str(tags[0])))
    return found


def snake(name: str) -> str:
    """openapi-python-client's module and package names: snake case of the operationId and of the tag."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"[^0-9a-zA-Z]+", "_", spaced).strip("_").lower()


def generated_module(provider: str, op: Operation) -> str | None:
    """The dotted name of the generated module of ``op``, if generated/ has it."""
    parts = (provider, "api", snake(op.tag), snake(op.operation_id))
    if (GENERATED.joinpath(*parts).with_suffix(".py")).is_file():
        return ".".join((NAMESPACE, *parts))
    return None


def swagger_dist() -> Path:
    # find_spec does not import the package (which would import Flask): only its files are used.
    found = importlib.util.find_spec("flask_swagger_ui")
    locations = list(found.submodule_search_locations or []) if found is not None else []
    if not locations or not (Path(locations[0]) / "dist" / SWAGGER_FILES[0]).is_file():
        raise SystemExit("scripts/docs needs flask-swagger-ui, not installed: pip install -e '.[docs]'")
    return Path(locations[0]) / "dist"


def _json_default(value: object) -> str:
    # YAML reads unquoted dates as dates; the spec meant the ISO text.
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    raise TypeError(f"not JSON serializable: {type(value).__name__}")


def spec_json(spec: JSON) -> str:
    return json.dumps(spec, indent=1, ensure_ascii=False, default=_json_default)


def _script_json(text: str) -> str:
    # Inside <script>, "</script>" or "<!--" in a description must not end the element.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


# The spec pages get the navigation bar's rules only: Swagger UI styles everything else on them.
NAV_STYLE = """
body { margin: 0; }
nav.docs { background: #1b1b1b; padding: .6rem 1.5rem; font-family: system-ui, sans-serif; }
nav.docs a { color: #fff; margin-right: 1.2rem; text-decoration: none; }
nav.docs a:hover { text-decoration: underline; }
"""
STYLE = (
    NAV_STYLE
    + """
body { font-family: system-ui, sans-serif; color: #1b1b1b; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
th, td { border-bottom: 1px solid #ddd; padding: .3rem .8rem .3rem 0; text-align: left; vertical-align: top; }
code, pre { font-family: ui-monospace, monospace; font-size: .92em; }
pre { background: #f5f5f5; padding: .8rem; overflow-x: auto; }
.method { font-weight: 600; text-transform: uppercase; }
"""
)


def _nav(prefix: str, provider: str | None = None) -> str:
    links = [(f"{prefix}index.html", "billing-sessions docs")]
    if provider is not None:
        links += [
            (f"{prefix}api/{NAMESPACE}/{provider}.html", f"{NAMESPACE}.{provider} (typed API)"),
            (f"{prefix}api/{OVERLAY}/{provider}.html", f"{OVERLAY}.{provider} (session, quickstart)"),
            (f"{provider}.json", f"{provider}.json"),
            (f"{provider}.yaml", f"{provider}.yaml"),
        ]
    return "".join(f'<a href="{_e(href)}">{_e(text)}</a>' for href, text in links)


def spec_page(provider: str, spec: JSON) -> str:
    title = str(spec["info"]["title"])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)} — API reference</title>
<link rel="icon" type="image/png" href="../swagger-ui/favicon-32x32.png">
<link rel="stylesheet" href="../swagger-ui/swagger-ui.css">
<style>{NAV_STYLE}</style>
</head>
<body>
<nav class="docs">{_nav("../", provider)}</nav>
<div id="swagger-ui"></div>
<script id="spec" type="application/json">{_script_json(spec_json(spec))}</script>
<script src="../swagger-ui/swagger-ui-bundle.js"></script>
<script>
// The spec is embedded, so the page also works from file:// (no fetch); validatorUrl: null keeps it offline.
window.ui = SwaggerUIBundle({{
  spec: JSON.parse(document.getElementById("spec").textContent),
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
}});
</script>
</body>
</html>
"""


WORKFLOW = """
## Adding an operation

1. Edit the provider's spec, `specs/<provider>.yaml`: add the path and the operation, with an `operationId`
   and a tag. Parameters the session layer injects (Gestix `nonce`, BILL `devKey`/`sessionId`) stay
   declared as the provider defines them, marked `x-session-owned: true`.
2. Run `scripts/regenerate`. It strips the session-owned parameters and runs openapi-python-client: the
   operation appears as `billing_sessions_generated.<provider>.api.<tag>.<operation_id>`, with
   `sync_detailed` and `asyncio_detailed` (and `sync` / `asyncio` for the parsed body), typed from the spec.
3. Call it with the `client` of a session: login, reuse, renewal, nonces, retries and logout apply to it
   with no change to `overlays/`.

```python
from billing_sessions import gestix
from billing_sessions_generated.gestix.api.tag import operation_id  # the new module

with gestix.Session(account="03101176", api_token=token) as s:
    response = operation_id.sync_detailed(client=s.client)  # + the operation's own arguments
```

`scripts/regenerate --check` (also run by the test suite) fails while `generated/` does not match `specs/`;
`scripts/docs` rebuilds this site, spec pages and API pages included.
"""


def typed_agent_operations() -> str:
    """The Számla Agent's typed operations (request model -> file part -> answer model), from the Session."""
    import typing

    from billing_sessions import szamla_agent

    rows = []
    for name, method in vars(szamla_agent.Session).items():
        hints = typing.get_type_hints(method) if callable(method) and not name.startswith("_") else {}
        request = next((t for key, t in hints.items() if key != "return" and t in szamla_agent.PARTS), None)
        if request is None:
            continue
        answer = typing.get_args(hints["return"])[0].__name__
        link = f"api/{OVERLAY}/szamla_agent.html#Session.{name}"
        rows.append(
            f'<tr><td><a href="{link}"><code>{name}</code></a></td><td><code>{request.__name__}</code></td>'
            f"<td><code>{szamla_agent.PARTS[request]}</code></td><td><code>{answer}</code></td></tr>"
        )
    return (
        '<h2 id="szamla-agent-typed">Számla Agent: typed operations</h2>\n'
        "<p>Each takes its request model (<code>billing_sessions_generated.szamla_agent.models</code>, "
        "generated from the spec's XML schemas) and returns an <code>AgentResult</code>: the answer model, "
        "the <code>szlahu_*</code> facts and the PDF when asked for. The session fills in the credentials "
        "and the answer form; <code>to_xml</code> / <code>from_xml</code> convert any model. Same methods, "
        "awaited, on "
        "<code>AsyncSession</code>.</p>\n<table><tr><th>operation</th><th>request model</th>"
        "<th>file part</th><th>answer model</th></tr>\n" + "\n".join(rows) + "\n</table>"
    )


def guide_section(guides: list[docs_guides.Guide]) -> str:
    return (
        '<h2 id="guides">Guides</h2>\n<p>How the sessions behave and how to use them; every example runs '
        "as is on the sandbox (the test suite runs them).</p>\n"
        + docs_guides.menu(guides, f"{docs_guides.FOLDER}/")
    )


def index_page(specs: dict[str, JSON], guides: list[docs_guides.Guide]) -> str:
    rows = []
    sections = []
    for provider, spec in specs.items():
        ops = operations(spec)
        title, version = str(spec["info"]["title"]), str(spec["info"]["version"])
        rows.append(
            f"<tr><td>{_e(title)}</td><td>{_e(version)}</td><td>{len(ops)}</td>"
            f'<td><a href="specs/{provider}.html">specs/{provider}.yaml</a></td>'
            f'<td><a href="api/{NAMESPACE}/{provider}.html">{NAMESPACE}.{provider}</a></td>'
            f'<td><a href="api/{OVERLAY}/{provider}.html#quickstart">{OVERLAY}.{provider}</a></td></tr>'
        )
        lines = []
        for op in ops:
            module = generated_module(provider, op)
            target = (
                f'<a href="api/{module.replace(".", "/")}.html"><code>{_e(module)}</code></a>'
                if module is not None
                else "(not generated: run scripts/regenerate)"
            )
            lines.append(
                f'<tr><td class="method">{_e(op.method)}</td><td><code>{_e(op.path)}</code></td>'
                f"<td>{_e(op.summary)}</td><td>{target}</td></tr>"
            )
        sections.append(
            f'<h3 id="{provider}">{_e(title)}</h3>\n'
            "<table><tr><th>method</th><th>path</th><th>summary</th><th>generated function module</th></tr>\n"
            + "\n".join(lines)
            + "\n</table>"
        )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>billing-sessions docs</title>
<link rel="icon" type="image/png" href="swagger-ui/favicon-32x32.png">
<style>{STYLE}</style>
</head>
<body>
<nav class="docs">{_nav("")}<a href="#guides">guides</a>
<a href="api/{OVERLAY}.html">{OVERLAY} (typed API)</a></nav>
<main>
<h1>billing-sessions</h1>
<p>Typed Python clients for five billing APIs, generated from the OpenAPI specs in
<code>specs/</code>, with each provider's session rules handled by <code>{OVERLAY}</code>.
Every operation is a typed function of the generated package; a <code>Session</code> gives it a
<code>client</code> whose session is handled.</p>

<h2>Providers</h2>
<table>
<tr><th>provider</th><th>spec version</th><th>operations</th><th>interactive reference</th>
<th>typed client</th><th>session and quickstart</th></tr>
{chr(10).join(rows)}
</table>
<p>Also: <a href="api/{OVERLAY}/errors.html">errors</a>, <a href="api/{OVERLAY}/stores.html">session
stores</a>, <a href="api/{OVERLAY}/retry.html">retry policy</a>, <a href="api/{OVERLAY}/sandbox.html">the
sandbox</a>, <a href="api/index.html">every module</a>.</p>

{guide_section(guides)}

{to_html(WORKFLOW)}

{typed_agent_operations()}

<h2>Every operation</h2>
{chr(10).join(sections)}
</main>
</body>
</html>
"""


def _data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def modules(package: str) -> list[str]:
    """A package and every public module under it, from its files (pdoc alone would follow ``__all__``,
    which lists classes, and so skip every submodule)."""
    found = importlib.util.find_spec(package)
    if found is None or not found.submodule_search_locations:
        raise SystemExit(f"{package} is not importable: pip install -e '.[docs]'")
    root = Path(next(iter(found.submodule_search_locations)))
    names = [package]
    for file in sorted(root.rglob("*.py")):
        parts = file.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join((package, *parts))
        if parts and not _private(name) and not REEXPORTED.fullmatch(name) and name not in OLD_NAMES:
            names.append(name)
    return names


def _load_lazy_exports(names: list[str]) -> None:
    """Some modules export names lazily (a module ``__getattr__`` keeps their import cheap); pdoc reads only
    a module's ``__dict__`` and would find those names missing: load them, as a first use would."""
    for name in names:
        module = importlib.import_module(name)
        if "__getattr__" in vars(module):
            for export in getattr(module, "__all__", ()):
                if export not in vars(module):
                    setattr(module, export, getattr(module, export))


def _private(module: str) -> bool:
    return any(part.startswith("_") for part in module.split("."))


def _own_private_halves(names: list[str]) -> None:
    """A public class made of private halves (``RedisStore``, ``RetryTransport``: the I/O written once in
    ``_async/``, its generated ``_sync/`` twin, their shared rules) shows what they declare as its own, with
    its constructor: pdoc would list them as inherited from classes without a page, and drop them. A private
    class a public module re-exports (``SyncSession``) has its page: its members stay inherited. Hooks into
    pdoc's internals: pinned in the docs extra."""
    documented = set()
    for name in names:
        module = importlib.import_module(name)
        for export in getattr(module, "__all__", ()):
            obj = getattr(module, export, None)
            if isinstance(obj, type) and _private(obj.__module__):
                documented.add((obj.__module__, obj.__qualname__))

    def hidden(module: str, qualname: str) -> bool:
        return _private(module) and (module, qualname) not in documented

    declarations: Callable[[pdoc.doc.Class], dict[str, tuple[str, str]]] = vars(pdoc.doc.Class)[
        "_declarations"
    ].func
    bases: Callable[[pdoc.doc.Class], list[tuple[str, str, str]]] = vars(pdoc.doc.Class)["bases"].func

    def own_declarations(self: pdoc.doc.Class) -> dict[str, tuple[str, str]]:
        found = declarations(self)
        if not _private(self.modulename):
            for member, (module, qualname) in found.items():
                if hidden(module, qualname.rpartition(".")[0]):
                    found[member] = (self.modulename, f"{self.qualname}.{member}")
        return found

    def public_bases(self: pdoc.doc.Class) -> list[tuple[str, str, str]]:
        return [b for b in bases(self) if _private(self.modulename) or not hidden(b[0], b[1])]

    for name, patched in (("_declarations", own_declarations), ("bases", public_bases)):
        prop = functools.cached_property(patched)
        prop.__set_name__(pdoc.doc.Class, name)
        setattr(pdoc.doc.Class, name, prop)


def build_api(out: Path, favicon: str) -> None:
    # Generated docstrings are Google style; the overlays' Markdown with ``literals`` reads the same way.
    # No source listings: highlighting them would take longer than the rest of the build.
    pdoc.render.configure(
        docformat="google", favicon=favicon, footer_text="billing-sessions", show_source=False
    )
    # The namespace's own page (what it holds), each client's, and the overlays'; not the sandbox's models.
    packages = [f"{NAMESPACE}.{p}" for p in PROVIDERS] + [OVERLAY]
    names = [NAMESPACE] + [name for package in packages for name in modules(package)]
    _load_lazy_exports(names)
    _own_private_halves(names)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = {name: pdoc.doc.Module.from_name(name) for name in names}
        for name, module in docs.items():
            page = out / f"{name.replace('.', '/')}.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(pdoc.render.html_module(module, docs), encoding="utf-8")
        (out / "index.html").write_text(pdoc.render.html_index(docs), encoding="utf-8")
        (out / "search.js").write_text(pdoc.render.search_index(docs), encoding="utf-8")
    for warning in caught:
        print(f"pdoc: {warning.message}", file=sys.stderr)


def _clear(out: Path) -> None:
    if not out.exists():
        return
    if any(out.iterdir()) and not (out / MARKER).is_file():
        raise SystemExit(f"{out} is not empty and was not built by scripts/docs: refusing to replace it")
    shutil.rmtree(out)


def build(out: Path) -> None:
    dist = swagger_dist()
    _clear(out)
    (out / "specs").mkdir(parents=True)
    (out / MARKER).write_text("scripts/docs output: deleted and rebuilt by every build\n", encoding="utf-8")
    (out / "swagger-ui").mkdir()
    for name in SWAGGER_FILES + SWAGGER_EXTRA:
        shutil.copyfile(dist / name, out / "swagger-ui" / name)
    specs = {provider: load_spec(provider) for provider in PROVIDERS}
    for provider, spec in specs.items():
        (out / "specs" / f"{provider}.json").write_text(spec_json(spec) + "\n", encoding="utf-8")
        shutil.copyfile(SPECS / f"{provider}.yaml", out / "specs" / f"{provider}.yaml")
        (out / "specs" / f"{provider}.html").write_text(spec_page(provider, spec), encoding="utf-8")
    nav = _nav("../") + f'<a href="../api/{OVERLAY}.html">{OVERLAY} (typed API)</a>'
    guides = docs_guides.build(out, nav, STYLE)
    (out / "index.html").write_text(index_page(specs, guides), encoding="utf-8")
    build_api(out / "api", _data_uri(dist / "favicon-16x16.png"))


def main(argv: list[str] | None = None) -> int:
    if os.environ.get("PYTHONHASHSEED") != "0":
        # pdoc prints set and frozenset values in hash order: a fixed seed makes the site reproducible.
        env = {**os.environ, "PYTHONHASHSEED": "0"}
        given = sys.argv[1:] if argv is None else argv
        return subprocess.call([sys.executable, str(Path(__file__).resolve()), *given], env=env)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "site", help="where to write the site (site/)")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    started = time.monotonic()
    build(out)
    pages = sum(1 for _ in out.rglob("*.html"))
    where = out.relative_to(ROOT) if out.is_relative_to(ROOT) else out
    print(f"docs: {pages} pages into {where}/ in {time.monotonic() - started:.1f} s; open {where}/index.html")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
