"""Rebuild generated/ from specs/: the only way anything in generated/ changes.

Everything generated lives in one package, ``billing_sessions_generated`` (``NAMESPACE``), named after the
project so that it cannot clash with another distribution's import names. For each provider spec:
1. strip what the session overlays own, inline or behind a ``$ref``, marked ``x-session-owned: true`` or
   not: the provider's rule (``SESSION_OWNED``: Gestix ``nonce`` on POST and PUT, BILL ``devKey`` and
   ``sessionId``) decides, so generated functions never ask for it; an owned name where the session cannot
   send it stops the build with the operation and the fix;
2. run openapi-python-client (pinned) on that copy -> ``billing_sessions_generated/<provider>``;
3. guard every operation's answer reading (``guard_answers``), so a session can turn an answer its parser
   cannot read (a non-standard status, malformed or too deeply nested JSON) into its own typed error;
4. run datamodel-code-generator on the untouched spec ->
   ``billing_sessions_generated/sandbox_models/<provider>.py`` (the sandbox's server-side models: it still
   sees the owned fields; only ``billing_sessions.sandbox`` imports them);
5. for the schemas with OpenAPI ``xml`` objects (Számla Agent), write ``<provider>/xml_layout.py``: the
   element names, namespaces, order, kinds and owned fields the overlay's XML codec walks;
6. write the deprecated top-level aliases (``LEGACY``: ``gestix_client`` for
   ``billing_sessions_generated.gestix``, ...), thin packages that warn once and give the new modules.

``scripts/regenerate --check`` builds into a temporary folder and exits 1 if generated/ differs.
"""

from __future__ import annotations

import argparse
import copy
import filecmp
import os
import pprint
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"
CONFIG = Path(__file__).resolve().parent / "generator-config.yaml"
PROVIDERS = ("gestix", "szamla_agent", "bill", "billingplatform", "bill_v3")
OWNED = "x-session-owned"
ALL_METHODS = frozenset({"get", "put", "post", "delete", "patch", "head", "options", "trace"})


class OwnedRule:
    """Which parameters a provider's session sends itself, and where it can send them."""

    def __init__(self, names: frozenset[str], methods: frozenset[str], places: frozenset[str]) -> None:
        self.names, self.methods, self.places = names, methods, places


#: The session overlays' rules (overlays/billing_sessions/<provider>.py): these are owned whether the spec
#: marks them ``x-session-owned`` or not. ``places``: parameter locations, plus "body" for body properties.
SESSION_OWNED = {
    "gestix": OwnedRule(frozenset({"nonce"}), frozenset({"post", "put"}), frozenset({"query"})),
    "bill": OwnedRule(frozenset({"devKey", "sessionId"}), ALL_METHODS, frozenset({"body"})),
    "bill_v3": OwnedRule(frozenset({"devKey", "sessionId"}), ALL_METHODS, frozenset({"header", "body"})),
}


class OwnedParameterError(SystemExit):
    """A spec declares a session-owned parameter where the session cannot send it."""


#: The one package everything generated lives in (generated/billing_sessions_generated/).
NAMESPACE = "billing_sessions_generated"
#: The sandbox's server-side models, a subpackage only ``billing_sessions.sandbox`` imports.
SANDBOX_MODELS = "sandbox_models"
#: Deprecated top-level import names of the clients (until billing-sessions 0.3): old name -> provider.
LEGACY = {f"{provider}_client": provider for provider in PROVIDERS}
#: The release that drops the ``LEGACY`` names.
LEGACY_UNTIL = "0.3.0"

JSON = dict[str, Any]


def load_spec(provider: str) -> JSON:
    with (SPECS / f"{provider}.yaml").open(encoding="utf-8") as f:
        spec: JSON = yaml.safe_load(f)
    return spec


def _resolve(spec: JSON, node: Any) -> Any:
    """Follow local ``$ref`` chains (``#/components/...``) to the object they name."""
    seen: set[str] = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str):
        ref: str = node["$ref"]
        if not ref.startswith("#/") or ref in seen:
            return node
        seen.add(ref)
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _is_owned(spec: JSON, node: Any) -> bool:
    if isinstance(node, dict) and node.get(OWNED) is True:
        return True
    resolved = _resolve(spec, node)
    return isinstance(resolved, dict) and resolved.get(OWNED) is True


def _walk(node: Any) -> Iterator[JSON]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


def _check_rule(provider: str, where: str, name: str, place: str, method: str, marked: bool) -> bool:
    """Is this parameter the session's? Raises when the provider's rule names it but cannot send it here."""
    rule = SESSION_OWNED.get(provider)
    if rule is None or name not in rule.names:
        return marked
    if method in rule.methods and place in rule.places:
        return True
    if marked and method not in rule.methods:
        return True  # declared owned on purpose (an optional nonce on a read): the session may send it
    allowed = ", ".join(sorted(m.upper() for m in rule.methods)) if rule.methods != ALL_METHODS else "any"
    raise OwnedParameterError(
        f"{provider} {where}: parameter {name!r} ({place}) is owned by the {provider} session, which sends "
        f"it only as {' or '.join(sorted(rule.places))} on {allowed} calls. Fix: declare it as the session "
        f"sends it (see {provider}'s other operations), or rename it if it is another parameter."
    )


def _operations(spec: JSON) -> Iterator[tuple[str, str, JSON]]:
    for path, item in spec.get("paths", {}).items():
        if isinstance(item, dict):
            for method, operation in item.items():
                if method in ALL_METHODS and isinstance(operation, dict):
                    yield path, method, operation


def _owned_body_names(spec: JSON, provider: str, where: str, method: str, body: Any) -> set[str]:
    body = _resolve(spec, body)
    names: set[str] = set()
    if not isinstance(body, dict):
        return names
    for media in body.get("content", {}).values():
        schema = _resolve(spec, media.get("schema", {}))
        for name, prop in (schema.get("properties") or {}).items():
            if _check_rule(provider, where, name, "body", method, _is_owned(spec, prop)):
                names.add(name)
    return names


def strip_owned(spec: JSON, provider: str = "") -> JSON:
    """A copy of ``spec`` without the parameters and schema properties the overlays inject: those marked
    ``x-session-owned`` and those the provider's rule (``SESSION_OWNED``) names."""
    original = spec
    out = copy.deepcopy(spec)
    drops: dict[int, set[str]] = {}  # id of a body schema (in ``out``) -> the owned names to drop
    for path, method, operation in _operations(out):
        where = f"{method.upper()} {path} ({operation.get('operationId', 'no operationId')})"
        item_params = out["paths"][path].get("parameters", [])
        for params in (operation.get("parameters"), item_params):
            if isinstance(params, list):
                kept = []
                for p in params:
                    resolved = _resolve(original, p)
                    name, place = resolved.get("name", ""), resolved.get("in", "")
                    if not _check_rule(provider, where, name, place, method, _is_owned(original, p)):
                        kept.append(p)
                params[:] = kept
        names = _owned_body_names(original, provider, where, method, operation.get("requestBody"))
        body = _resolve(out, operation.get("requestBody"))
        if names and isinstance(body, dict):
            for media in body.get("content", {}).values():
                schema = _resolve(out, media.get("schema", {}))
                drops.setdefault(id(schema), set()).update(names)
    for node in _walk(out):
        props = node.get("properties")
        if not isinstance(props, dict):
            continue
        owned = [name for name, schema in props.items() if _is_owned(original, schema)]
        owned += [name for name in drops.get(id(node), ()) if name in props and name not in owned]
        for name in owned:
            del props[name]
        if owned and isinstance(node.get("required"), list):
            node["required"] = [r for r in node["required"] if r not in owned]
            if not node["required"]:
                del node["required"]
    for node in _walk(out):  # parameters outside operations (components) that are marked
        params = node.get("parameters")
        if isinstance(params, list):
            node["parameters"] = [p for p in params if not _is_owned(original, p)]
    # A body left with only owned fields (BILL Logout/GetSessionInfo) is no longer the caller's to send.
    for item in out.get("paths", {}).values():
        for operation in item.values():
            body = _resolve(out, operation.get("requestBody")) if isinstance(operation, dict) else None
            if isinstance(body, dict) and all(
                not _resolve(out, media.get("schema", {})).get("properties")
                for media in body["content"].values()
            ):
                operation["requestBody"] = {**body, "required": False}
    # The owned components themselves are now unused: drop them so nothing is generated for them.
    for section in out.get("components", {}).values():
        if isinstance(section, dict):
            for name in [n for n, v in section.items() if isinstance(v, dict) and v.get(OWNED) is True]:
                del section[name]
    return out


#: The generators' own environment (extra ``gen``): their bounds never constrain the test environment.
GEN_ENV = ROOT / ".venv-gen"
MAKE_GEN_ENV = (
    "python3 -m venv .venv-gen && .venv-gen/bin/pip install -e '.[gen]' (scripts/regenerate does it)"
)


def _tool_env() -> dict[str, str]:
    # The generators and their post-hooks' `ruff`: the ones pinned in .venv-gen, else in this environment.
    env = dict(os.environ)
    path = [str(GEN_ENV / "bin"), str(Path(sys.executable).parent), env.get("PATH", "")]
    env["PATH"] = os.pathsep.join(path)
    return env


def _tool(name: str) -> str:
    found = shutil.which(name, path=_tool_env()["PATH"])
    if found is None:
        raise SystemExit(f"{name} not found: the generators have their own environment: {MAKE_GEN_ENV}")
    return found


def _run(cmd: list[str], cwd: Path) -> None:
    result = subprocess.run(cmd, cwd=cwd, env=_tool_env(), capture_output=True, text=True)
    output = result.stdout + result.stderr
    bad = [
        line for line in output.splitlines() if "Warning" in line or "Unable to" in line or "Error" in line
    ]
    if result.returncode != 0 or bad:
        raise SystemExit(f"{' '.join(cmd[:2])} failed:\n{output}")


def client_dir(out: Path, provider: str) -> Path:
    """Where ``provider``'s client package is generated below ``out`` (normally generated/)."""
    return out / NAMESPACE / provider


def generate_client(provider: str, out: Path, work: Path, spec: JSON | None = None) -> None:
    """Generate ``billing_sessions_generated.<provider>`` below ``out`` from ``spec`` (default:
    specs/<provider>.yaml)."""
    stripped = work / f"{provider}.client.yaml"
    source = load_spec(provider) if spec is None else spec
    stripped.write_text(yaml.safe_dump(strip_owned(source, provider), sort_keys=False), encoding="utf-8")
    target = client_dir(out, provider)
    cmd = [_tool("openapi-python-client"), "generate", "--path", str(stripped), "--meta", "none"]
    cmd += ["--output-path", str(target), "--overwrite", "--config", str(CONFIG)]
    _run(cmd, cwd=work)
    guard_answers(target)


#: Written into every generated client package as ``answers.py``.
ANSWERS_MODULE = '''"""Reading an answer, guarded (written by scripts/regenerate).

When the parser cannot read an answer (a status outside ``HTTPStatus``, malformed or too deeply nested JSON,
a body of the wrong shape), the function in the response extension ``UNREADABLE``, if the caller's
transport put one there, makes the exception raised instead. Without it the parser's own error propagates.

Answer models are built with ``tolerant``: the generated ``from_dict``, and when that refuses a field of a
JSON object (a type the spec did not promise, a missing "required" key), the function in the response
extension ``LENIENT``, if the caller's transport put one there, builds the model field by field: one field
that does not fit must not cost the rest of the answer.
"""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Protocol, Self, TypeVar

import httpx

UNREADABLE = "unreadable_answer"
LENIENT = "lenient_model"
PARSE_ERRORS = (
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    AttributeError,
    RecursionError,
)


@contextmanager
def reading(response: httpx.Response) -> Iterator[None]:
    try:
        yield
    except PARSE_ERRORS as exc:
        convert: Callable[[httpx.Response, Exception], Exception] | None = (
            response.extensions.get(UNREADABLE)
        )
        if convert is None:
            raise
        raise convert(response, exc) from exc


class Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=Model)


def tolerant(cls: type[M], response: httpx.Response) -> M:
    data = response.json()
    try:
        return cls.from_dict(data)
    except PARSE_ERRORS:
        lenient: Callable[[type[M], dict[str, Any]], M] | None = (
            response.extensions.get(LENIENT)
        )
        if lenient is None or not isinstance(data, dict):
            raise
        return lenient(cls, data)
'''
_BUILD = "    return Response(\n        status_code=HTTPStatus(response.status_code),\n"
_IMPORT = "\nfrom ... import errors\n"  # the first relative import of every operation module
#: An answer model built from the whole JSON body (not a union branch, which must stay strict to be chosen).
_MODEL = re.compile(r"= (\w+)\.from_dict\(response\.json\(\)\)")


def guard_answers(package: Path) -> None:
    """Wrap the body of each operation's ``_build_response`` in ``answers.reading(response)``, and build each
    answer model that is the whole JSON body with ``answers.tolerant``."""
    (package / "answers.py").write_text(ANSWERS_MODULE, encoding="utf-8")
    for module in sorted((package / "api").rglob("*.py")):
        text = module.read_text(encoding="utf-8")
        if "def _build_response(" not in text:
            continue
        start = text.find(_BUILD)
        end = text.find("\n    )\n", start)
        if start < 0 or end < 0 or _IMPORT not in text:
            raise SystemExit(f"{module}: the generator's _build_response changed; update guard_answers")
        block = text[start : end + len("\n    )\n")]
        indented = "".join("    " + line if line.strip() else line for line in block.splitlines(True))
        text = text.replace(block, "    with reading(response):\n" + indented, 1)
        text, models = _MODEL.subn(r"= tolerant(\1, response)", text)
        names = "reading, tolerant" if models else "reading"
        text = text.replace(_IMPORT, _IMPORT + f"from ...answers import {names}\n", 1)  # the hooks sort it
        module.write_text(text, encoding="utf-8")
    run_post_hooks(package)


_LEAF = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def class_name(schema: str) -> str:
    """The model class openapi-python-client makes of a schema name (checked against its output)."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", schema)
    return "".join(w[:1].upper() + w[1:] for w in words)


def _kind(spec: JSON, prop: JSON) -> tuple[str, str | None, tuple[str, ...]]:
    """(kind, model class or None, enum values) of one leaf or object property."""
    if "$ref" in prop:
        return "obj", class_name(prop["$ref"].rsplit("/", 1)[1]), ()
    if prop.get("format") == "date":
        return "date", None, ()
    return _LEAF[prop["type"]], None, tuple(prop.get("enum", ()))


def xml_layout(spec: JSON) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[Any, ...]]]:
    """Roots (class -> element, namespace) and, per model class, its fields in element order:
    (key, element, kind, item kind, class, required, owned, enum, (minimum, pattern)). ``kind`` is a leaf
    kind, ``obj``, ``list`` (a wrapped list: ``element`` holds items named ``item``) or ``many`` (the element
    repeats)."""
    roots: dict[str, tuple[str, str]] = {}
    types: dict[str, tuple[Any, ...]] = {}
    schemas: JSON = spec["components"]["schemas"]
    for name, schema in schemas.items():
        if schema.get("type") != "object" or "properties" not in schema:
            continue
        if "xml" in schema:
            roots[class_name(name)] = (schema["xml"]["name"], schema["xml"].get("namespace", ""))
        fields = []
        for key, prop in schema["properties"].items():
            element = prop.get("xml", {}).get("name", key)
            item: Any = None
            if prop.get("type") == "array":
                items = prop["items"]
                kind = "list" if prop.get("xml", {}).get("wrapped") else "many"
                item_kind, cls, enum = _kind(spec, items)
                item = (items.get("xml", {}).get("name", key), item_kind)
            else:
                kind, cls, enum = _kind(spec, prop)
            required = key in schema.get("required", ())
            limits = (prop.get("minimum"), prop.get("pattern"))
            fields.append((key, element, kind, item, cls, required, prop.get(OWNED) is True, enum, limits))
        types[class_name(name)] = tuple(fields)
    return roots, types


def write_xml_layout(provider: str, out: Path) -> None:
    spec = load_spec(provider)
    if not any(isinstance(s, dict) and "xml" in s for s in spec["components"]["schemas"].values()):
        return  # no XML models (JSON providers); their inline object properties have no XML layout
    roots, types = xml_layout(spec)
    if not roots:
        return
    package = client_dir(out, provider)
    exported = (package / "models" / "__init__.py").read_text(encoding="utf-8")
    missing = [cls for cls in types if f'"{cls}"' not in exported]
    if missing:
        raise SystemExit(f"xml layout: no generated model named {', '.join(missing)}")
    text = (
        f'"""XML layout of the models, from specs/{provider}.yaml (written by scripts/regenerate)."""\n\n'
        "from typing import Any\n\n"
        "# model class -> (root element, namespace)\n"
        f"ROOTS: dict[str, tuple[str, str]] = {pprint.pformat(roots, width=100, sort_dicts=False)}\n\n"
        "# model class -> fields in element order:\n"
        "# (key, element, kind, (item element, item kind) | None, class | None, required, owned, enum,\n"
        "#  (minimum, pattern))\n"
        f"TYPES: dict[str, tuple[Any, ...]] = {pprint.pformat(types, width=100, sort_dicts=False)}\n"
    )
    (package / "xml_layout.py").write_text(text, encoding="utf-8")
    run_post_hooks(package)


def run_post_hooks(folder: Path) -> None:
    """The generator config's post-hooks (isolated ruff lint fixes and format), on output that
    openapi-python-client did not make: one style for everything in generated/."""
    for hook in yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["post_hooks"]:
        cmd = shlex.split(hook)
        _run([_tool(cmd[0]), *cmd[1:]], cwd=folder)


def generate_sandbox_models(provider: str, out: Path, work: Path) -> None:
    package = out / NAMESPACE / SANDBOX_MODELS
    package.mkdir(parents=True, exist_ok=True)
    cmd = [_tool("datamodel-codegen"), "--input", str(SPECS / f"{provider}.yaml")]
    cmd += ["--input-file-type", "openapi", "--output", str(package / f"{provider}.py")]
    cmd += ["--output-model-type", "pydantic_v2.BaseModel", "--disable-timestamp", "--use-annotated"]
    cmd += ["--target-python-version", "3.11", "--use-standard-collections", "--use-union-operator"]
    cmd += ["--field-constraints", "--use-schema-description", "--formatters", "ruff-format"]
    _run(cmd, cwd=work)
    run_post_hooks(package)
    # The sandbox serves the specs' examples at run time: ship the specs inside the generated package.
    (package / "specs").mkdir(exist_ok=True)
    shutil.copyfile(SPECS / f"{provider}.yaml", package / "specs" / f"{provider}.yaml")


NAMESPACE_INIT = f'''"""Everything generated from specs/ by scripts/regenerate: never edited by hand.

- one typed client per provider (openapi-python-client): ``gestix``, ``szamla_agent``, ``bill``, ``bill_v3``,
  ``billingplatform``, e.g. ``from {NAMESPACE}.gestix.api.invoices import create_invoice``;
  the sessions of ``billing_sessions`` drive them;
- ``{SANDBOX_MODELS}``: the sandbox's server-side models (datamodel-code-generator) and the specs it serves
  examples from; only ``billing_sessions.sandbox`` imports them.

The clients' old top-level names (``gestix_client``, ...) still work, with a ``DeprecationWarning``, until
billing-sessions {LEGACY_UNTIL}.
"""
'''

#: ``billing_sessions_generated._legacy``: what the deprecated top-level packages call.
LEGACY_MODULE = f'''"""The deprecated top-level names of the generated clients (scripts/regenerate wrote it).

``gestix_client`` and the other ``<provider>_client`` packages are thin aliases until billing-sessions
{LEGACY_UNTIL}: importing one warns once (``DeprecationWarning``) and puts
``{NAMESPACE}.<provider>`` and its modules themselves under the old names, so
``from gestix_client.models import DocumentInput`` gives the very class the sessions use.
Type checkers do not follow the alias: import the new names.
"""

import pkgutil
import sys
import warnings
from importlib import import_module


def alias(old: str, provider: str) -> None:
    """Make ``old`` and every ``old.<module>`` the modules of ``{NAMESPACE}.<provider>``."""
    new = f"{NAMESPACE}.{{provider}}"
    warnings.warn(
        f"{{old}} is deprecated and goes in billing-sessions {LEGACY_UNTIL}: import {{new}} instead",
        DeprecationWarning,
        stacklevel=3,  # the caller's import statement (the import machinery's frames are skipped)
    )
    package = import_module(new)
    for module in pkgutil.walk_packages(package.__path__, f"{{new}}."):
        sys.modules[old + module.name[len(new) :]] = import_module(module.name)
    sys.modules[old] = package
'''


def legacy_package(old: str, provider: str) -> str:
    """The ``__init__.py`` of the deprecated top-level package ``old``."""
    return (
        f'"""Deprecated name of ``{NAMESPACE}.{provider}``, which it gives (written by scripts/regenerate):\n'
        f"importing it warns once; it goes in billing-sessions {LEGACY_UNTIL}.\n"
        f'"""\n\nfrom {NAMESPACE}._legacy import alias\n\nalias(__name__, "{provider}")\n'
    )


def generate(out: Path) -> None:
    """Write every generated package into ``out`` (normally generated/), replacing what was there."""
    out.mkdir(parents=True, exist_ok=True)
    # generated/ is this script's alone: every package in it is rebuilt, one no longer made disappears.
    for stale in sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")):
        shutil.rmtree(stale)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for provider in PROVIDERS:
            generate_client(provider, out, work)
            generate_sandbox_models(provider, out, work)
            write_xml_layout(provider, out)
    namespace = out / NAMESPACE
    (namespace / "__init__.py").write_text(NAMESPACE_INIT, encoding="utf-8")
    (namespace / "_legacy.py").write_text(LEGACY_MODULE, encoding="utf-8")
    (namespace / "py.typed").write_text("", encoding="utf-8")  # PEP 561: covers every subpackage
    (namespace / SANDBOX_MODELS / "__init__.py").write_text(
        '"""Server-side models of the sandbox, generated from specs/ (only billing_sessions.sandbox imports '
        'them)."""\n',
        encoding="utf-8",
    )
    for old, provider in LEGACY.items():
        (out / old).mkdir()
        (out / old / "__init__.py").write_text(legacy_package(old, provider), encoding="utf-8")
        run_post_hooks(out / old)
    run_post_hooks(namespace)


def _tree(root: Path) -> set[str]:
    skip = {"__pycache__", ".mypy_cache", ".ruff_cache"}
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file() and not skip.intersection(p.relative_to(root).parts)
    }


def drift(fresh: Path, committed: Path = GENERATED) -> list[str]:
    """Paths that differ between a fresh build and generated/ (missing, extra or changed)."""
    a, b = _tree(fresh), _tree(committed)
    changed = [p for p in sorted(a & b) if not filecmp.cmp(fresh / p, committed / p, shallow=False)]
    return sorted(a ^ b) + changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if generated/ is not what specs/ produce")
    args = parser.parse_args(argv)
    if not args.check:
        generate(GENERATED)
        print(f"regenerated {', '.join(PROVIDERS)} into {GENERATED.relative_to(ROOT)}/")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp))
        differences = drift(Path(tmp))
    for path in differences:
        print(f"drift: generated/{path}")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
