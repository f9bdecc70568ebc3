"""The package's three parts stay apart: the library never imports the sandbox or the CLI, the library has no
import cycle, importing it loads no server or CLI stack, a missing extra says which one, public names hold."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "overlays" / "billing_sessions"
#: Parts that are not the library (the pytest plugin belongs with the sandbox: it starts one).
NOT_LIBRARY = ("billing_sessions.sandbox", "billing_sessions.cli", "billing_sessions.testing")
HEAVY = ("starlette", "uvicorn", "typer", "rich", "click", "pydantic", "yaml", "redis", "platformdirs")


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every billing_sessions module imported anywhere in the file (top level or inside functions)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    known = {_module(p) for p in PACKAGE.rglob("*.py")}
    return {name for name in found if name in known}


def _library() -> dict[str, set[str]]:
    modules = {_module(p): _imports(p) for p in PACKAGE.rglob("*.py")}
    return {m: deps for m, deps in modules.items() if not m.startswith(NOT_LIBRARY)}


def test_the_library_never_imports_the_sandbox_or_the_cli() -> None:
    library = _library()
    assert "billing_sessions.core" in library and "billing_sessions.stores" in library
    offending = {m: sorted(d for d in deps if d.startswith(NOT_LIBRARY)) for m, deps in library.items()}
    assert {m: d for m, d in offending.items() if d} == {}


def test_the_library_has_no_import_cycle() -> None:
    library = _library()
    graph = {
        m: {d for d in deps if d in library and d != m and d != "billing_sessions"}
        for m, deps in library.items()
    }

    def cycle_from(start: str) -> list[str] | None:
        stack: list[tuple[str, list[str]]] = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    return [*path, nxt]
                if nxt not in path:
                    stack.append((nxt, [*path, nxt]))
        return None

    assert [c for m in graph if (c := cycle_from(m))] == []


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def test_importing_the_library_loads_no_server_cli_or_redis() -> None:
    # httpx itself loads click and rich when they are installed (its command line): only what we add counts.
    code = (
        "import sys, json\n"
        "import httpx\n"
        "before = set(sys.modules)\n"
        "import billing_sessions\n"
        "from billing_sessions import gestix, szamla_agent, bill, billingplatform, stores, errors\n"
        "from billing_sessions import LoginError\n"
        f"print(json.dumps(sorted(m for m in set(sys.modules) - before if m.split('.')[0] in {HEAVY!r})))"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_loading_the_pytest_plugin_imports_nothing_of_the_package_but_itself() -> None:
    code = (
        "import sys, json\n"
        "import billing_sessions.testing\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        f"{(*HEAVY, 'httpx', 'attrs', 'filelock')!r} or m.startswith('billing_sessions.sandbox'))))"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


BLOCK = (
    "import sys\n"
    "class Block:\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name.split('.')[0] == {blocked!r}:\n"
    "            raise ModuleNotFoundError(f'No module named {{name!r}}', name=name)\n"
    "sys.meta_path.insert(0, Block())\n"
)


@pytest.mark.parametrize(
    ("blocked", "statement", "extra"),
    [
        ("redis", "from billing_sessions.stores import RedisStore", "redis"),
        ("starlette", "from billing_sessions.sandbox import Sandbox", "sandbox"),
        ("yaml", "from billing_sessions.sandbox import Sandbox", "sandbox"),
        ("typer", "from billing_sessions.cli import main", "cli"),
        ("rich", "from billing_sessions.cli import main", "cli"),
    ],
)
def test_a_missing_extra_names_the_pip_command(blocked: str, statement: str, extra: str) -> None:
    result = _run(BLOCK.format(blocked=blocked) + statement)
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert f"pip install 'billing-sessions[{extra}]'" in last
    assert blocked in last


def test_the_missing_redis_extra_is_a_typed_import_error() -> None:
    code = BLOCK.format(blocked="redis") + (
        "from billing_sessions import MissingExtra, BillingSessionError\n"
        "try:\n"
        "    from billing_sessions.stores import RedisStore\n"
        "except MissingExtra as e:\n"
        "    assert isinstance(e, ImportError) and isinstance(e, BillingSessionError)\n"
        "    print('typed')\n"
    )
    result = _run(code)
    assert result.stdout.strip() == "typed", result.stderr


def test_public_names() -> None:
    import billing_sessions
    import billing_sessions.sandbox
    import billing_sessions.stores
    import billing_sessions.testing

    assert billing_sessions.__all__ == [
        "BillingSessionError",
        "ErrorEntry",
        "LoginError",
        "MissingExtra",
        "ProviderError",
        "ProviderUnavailable",
        "RateLimited",
        "SessionExpired",
        "StoreError",
        "TransportError",
        "UntrustedSession",
        "UsageError",
    ]
    for module in (
        billing_sessions,
        billing_sessions.stores,
        billing_sessions.sandbox,
        billing_sessions.testing,
    ):
        for name in module.__all__:
            assert getattr(module, name) is not None, f"{module.__name__}.{name}"
    assert billing_sessions.stores.__all__ == [
        "NONCE_FIELD",
        "AsyncStore",  # the store protocol and its optional abilities (README: a store of your own)
        "FileStore",
        "KeyedStore",
        "LocalLocks",
        "LockTimeout",
        "MemoryStore",
        "Record",
        "RedisStore",
        "SessionStore",
        "SharedStore",
        "SlotStore",
    ]
    assert set(billing_sessions.testing.__all__) == {
        "BillingSandbox",
        "billing_sandbox",
        "billing_sandbox_server",
    }


def test_one_place_for_each_store_rule() -> None:
    """One poll interval and one directory fsync for the stores, the nonce file and the in-flight limit."""
    from billing_sessions import retry, session
    from billing_sessions.stores import base, file, nonce_file

    assert vars(retry)["POLL_INTERVAL"] is base.POLL_INTERVAL
    fsyncs = {vars(m)["fsync_directory"] for m in (nonce_file, file)}
    assert fsyncs == {base.fsync_directory}
    assert not hasattr(nonce_file, "_fsync_directory") and not hasattr(file, "_fsync_directory")
    assert not hasattr(session, "now")  # dead code gone


def test_the_stores_old_module_names_give_the_same_objects() -> None:
    """``stores/`` is a package; its modules' old top-level names still import, as thin re-exports."""
    from billing_sessions import nonce_file, redis_store, store_base, stores
    from billing_sessions.stores import base
    from billing_sessions.stores import nonce_file as new_nonce_file
    from billing_sessions.stores import redis as new_redis

    for old, new in ((store_base, base), (nonce_file, new_nonce_file), (redis_store, new_redis)):
        for name in old.__all__:
            assert getattr(old, name) is getattr(new, name), f"{old.__name__}.{name}"
    assert set(store_base.__all__) == set(base.__all__)
    assert stores.RedisStore is redis_store.RedisStore and stores.SessionStore is store_base.SessionStore


def test_every_public_module_declares_all() -> None:
    """What a module offers is written down (and so what the docs site shows of it)."""
    missing = [
        _module(path)
        for path in sorted(PACKAGE.rglob("*.py"))
        if not any(part.startswith("_") and part != "__init__.py" for part in path.relative_to(PACKAGE).parts)
        and not any(_declares_all(node) for node in ast.parse(path.read_text("utf-8")).body)
    ]
    assert missing == []


def _declares_all(node: ast.stmt) -> bool:
    """``__all__ = [...]``, or a re-export shim's ``from ... import __all__ as __all__``."""
    if isinstance(node, ast.Assign):
        return any(getattr(t, "id", None) == "__all__" for t in node.targets)
    return isinstance(node, ast.ImportFrom) and any(a.name == "__all__" for a in node.names)


#: The clients' deprecated top-level names (scripts/regenerate.py writes them): old name -> new package.
LEGACY = {
    "gestix_client": "billing_sessions_generated.gestix",
    "szamla_agent_client": "billing_sessions_generated.szamla_agent",
    "bill_client": "billing_sessions_generated.bill",
    "bill_v3_client": "billing_sessions_generated.bill_v3",
    "billingplatform_client": "billing_sessions_generated.billingplatform",
}
ROOT = PACKAGE.parent.parent


def test_the_wheel_claims_the_project_names_and_the_deprecated_aliases_only() -> None:
    import tomllib

    with (ROOT / "pyproject.toml").open("rb") as f:
        packages = tomllib.load(f)["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    names = {Path(p).name for p in packages}
    # Remove LEGACY from here (and from scripts/regenerate.py, pyproject.toml) in 0.3.0.
    assert names == {"billing_sessions", "billing_sessions_generated", *LEGACY}


def test_the_old_client_names_still_work_warn_once_and_give_the_same_objects(tmp_path: Path) -> None:
    script = tmp_path / "old_user_code.py"
    script.write_text(
        "import json, warnings\n"
        "warnings.simplefilter('always')\n"
        "with warnings.catch_warnings(record=True) as caught:\n"
        "    import gestix_client\n"
        "    from gestix_client.api.invoices import create_invoice\n"
        "    from gestix_client.models import DocumentInput\n"
        "    import gestix_client.api.invoices.create_invoice as module\n"
        "    from szamla_agent_client.xml_layout import ROOTS\n"
        "    from bill_client import AuthenticatedClient\n"
        "    from bill_v3_client.api.vendors import list_vendors\n"
        "    from billingplatform_client.types import UNSET\n"
        "    import gestix_client, bill_client  # again: no second warning\n"
        "import billing_sessions_generated.gestix as new\n"
        "from billing_sessions_generated.gestix.api.invoices import create_invoice as new_create_invoice\n"
        "from billing_sessions_generated.gestix.models import DocumentInput as NewDocumentInput\n"
        "from billing_sessions_generated.szamla_agent.xml_layout import ROOTS as NEW_ROOTS\n"
        "from billing_sessions_generated.bill_v3.api.vendors import list_vendors as new_list_vendors\n"
        "same = [gestix_client is new, create_invoice is new_create_invoice, module is new_create_invoice,\n"
        "        DocumentInput is NewDocumentInput, ROOTS is NEW_ROOTS, list_vendors is new_list_vendors]\n"
        "print(json.dumps({'same': same, 'warnings': [\n"
        "    [w.category.__name__, str(w.message), w.filename, w.lineno] for w in caught]}))\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["same"] == [True] * 6
    first_import = {
        "gestix_client": 4,
        "szamla_agent_client": 8,
        "bill_client": 9,
        "bill_v3_client": 10,
        "billingplatform_client": 11,
    }
    warned = {
        message.split()[0]: (category, message, file, line)
        for category, message, file, line in out["warnings"]
    }
    assert len(out["warnings"]) == len(LEGACY) == len(warned)
    for old, new in LEGACY.items():
        category, message, file, line = warned[old]
        assert category == "DeprecationWarning"
        assert f"import {new} instead" in message and "0.3.0" in message
        assert (file, line) == (str(script), first_import[old]), "the warning points at the old import"


def _imported_names(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_the_project_itself_imports_only_the_new_names() -> None:
    offending = {
        str(path.relative_to(ROOT)): sorted(n for n in _imported_names(path) if n.split(".")[0] in LEGACY)
        for folder in ("overlays", "scripts", "tests")
        for path in sorted((ROOT / folder).rglob("*.py"))
    }
    # The manual's examples (README.md, docs/*.md) show the new names too.
    legacy = re.compile(rf"^\s*(?:from|import) ({'|'.join(LEGACY)})\b", re.MULTILINE)
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        offending[str(page.relative_to(ROOT))] = legacy.findall(page.read_text("utf-8"))
    assert {path: names for path, names in offending.items() if names} == {}


def test_the_library_loads_neither_the_sandbox_models_nor_an_old_name() -> None:
    """The lean install's import footprint: the sessions load their generated clients, nothing of the
    sandbox's models (in the same wheel, only ``billing_sessions.sandbox`` imports them), no old name."""
    code = (
        "import sys, json\n"
        "import billing_sessions\n"
        "from billing_sessions import gestix, szamla_agent, bill, bill_v3, billingplatform, stores, errors\n"
        "print(json.dumps(sorted({m.split('.')[0] if not m.startswith('billing_sessions_generated.') "
        "else '.'.join(m.split('.')[:2]) for m in sys.modules if m.startswith('billing_sessions') "
        f"or m in {sorted(LEGACY)!r}}})))"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        "billing_sessions",
        "billing_sessions_generated",
        *(
            f"billing_sessions_generated.{p}"
            for p in ("bill", "bill_v3", "billingplatform", "gestix", "szamla_agent")
        ),
    ]
