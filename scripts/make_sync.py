"""Write ``overlays/billing_sessions/_sync/`` from ``_async/``: the I/O code is written once, async, and its
sync twin is generated with ``unasync`` (pinned in the dev extra), as httpcore does, then import-sorted and
formatted with ruff.

``scripts/make_sync`` rewrites ``_sync/``; ``scripts/make_sync --check`` exits 1 if ``_sync/`` is not what
``_async/`` gives (the test suite runs the same check). Never edit ``_sync/`` by hand.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import unasync  # type: ignore[import-untyped]

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "overlays" / "billing_sessions"
ASYNC = PACKAGE / "_async"
SYNC = PACKAGE / "_sync"
RUFF = Path(sys.executable).parent / "ruff"

#: Names that change besides unasync's own (``async``/``await`` dropped, ``__aenter__``, ``AsyncIterator``,
#: ``asynccontextmanager``, ...; any ``AsyncName`` becomes ``SyncName``). Whole names (and whole strings)
#: only. A method of an ``_async`` class must become a name of its own: ``RetryTransport`` inherits both.
REPLACEMENTS = {
    # httpx
    "AsyncBaseTransport": "BaseTransport",
    "AsyncClient": "Client",
    "handle_async_request": "handle_request",
    "aclose": "close",
    "aread": "read",
    "aiter_bytes": "iter_bytes",
    # this package
    "_async": "_sync",  # the package, and the caller's own transport of RetryTransport
    "_async_transport": "_sync_transport",
    "_async_give_back": "_sync_give_back",
    "_abody": "_body",
    "_aread": "_read",
    "ahold": "hold",  # InFlightLimit
    "async_sleep": "sleep",  # RetryPolicy
    "AsyncSessionBase": "SyncSession",
    "AsyncSession": "Session",  # a provider's session class
    "asyncio_detailed": "sync_detailed",  # the generated operations
    "aresolve": "resolve",  # exactly_once.Resolver
    "aforget": "forget",
    "arelease": "release",
    "alogout": "logout",  # Provider
    "ashield": "shield",  # billing_sessions._session
    "get_async_httpx_client": "get_httpx_client",  # the generated clients
    "_async_client": "_client",
    # the stores (_async/redis_store.py, _async/file_store.py; LocalLocks.ahold is "ahold" above)
    "AbstractAsyncContextManager": "AbstractContextManager",
    "aload": "load",  # also bill_v3_rules.TrustKeeper
    "asave": "save",  # also bill_v3_rules.TrustKeeper
    "adelete": "delete",
    "aallocate_nonce": "allocate_nonce",
    "alock": "lock",  # also the store locks SessionAuth takes
    "_alocked": "_locked",
    "awrite_slot": "write_slot",  # also billing_sessions.ordering
    "_apoll": "_poll",
    "_arelease": "_release",
    "_ascripts": "_scripts",
    "_aowned_scripts": "_owned_scripts",
    "_aon_cancel": "_on_cancel",
    "araise_if_cancelled": "raise_if_cancelled",
    # SessionAuth (_async/auth.py) and what it calls
    "aensure": "ensure",
    "amark_trusted": "mark_trusted",
    "_aupdate_session": "_update_session",
    "_alane_token": "_lane_token",
    "_aordered_flow": "_ordered_flow",
    "async_auth_flow": "sync_auth_flow",  # httpx.Auth
    "_aload": "_load",  # its store calls (billing_sessions._auth)
    "_asave": "_save",
    "_adelete": "_delete",
    "asent": "sent",  # SentGate
    "aacquire": "acquire",  # WriteLanes
    "alogin": "login",  # Provider
    "atimed_lock": "timed_lock",  # billing_sessions.telemetry
    "AsyncExitStack": "ExitStack",  # contextlib
    "enter_async_context": "enter_context",
    "anext": "next",  # builtins and generators
    "asend": "send",
    # the provider sessions (_async/<provider>.py): BILL v3's trust
    "adrop": "drop",  # bill_v3_rules.TrustKeeper
    "atrust_held": "trust_held",  # the BILL v3 provider
    "_amade_trusted": "_made_trusted",
}

HEADER = "# Generated from _async/{name} by scripts/make_sync: edit that file, not this one.\n"


def _ruff(text: str, path: Path) -> str:
    """Sort the imports (a renamed one may move) and format, with the project's settings."""
    for args in (["check", "--fix", "--select=I", "--quiet"], ["format"]):
        text = subprocess.run(
            [str(RUFF), *args, "--stdin-filename", str(path), "-"],
            input=text,
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        ).stdout
    return text


def generate(out: Path) -> None:
    """The sync modules, one per ``_async/*.py``, into ``out``."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "_async"
        shutil.copytree(ASYNC, source, ignore=shutil.ignore_patterns("__pycache__"))
        rule = unasync.Rule("/_async/", "/_sync/", additional_replacements=REPLACEMENTS)
        unasync.unasync_files(sorted(str(p) for p in source.glob("*.py")), [rule])
        out.mkdir(parents=True, exist_ok=True)
        for path in sorted((Path(tmp) / "_sync").glob("*.py")):
            text = HEADER.format(name=path.name) + path.read_text(encoding="utf-8")
            (out / path.name).write_text(_ruff(text, SYNC / path.name), encoding="utf-8")


def drift(fresh: Path, committed: Path = SYNC) -> list[str]:
    """The files that differ (or exist on one side only) between a fresh generation and ``_sync/``."""
    names = {p.name for p in fresh.glob("*.py")} | {p.name for p in committed.glob("*.py")}
    return sorted(
        name
        for name in names
        if not (fresh / name).is_file()
        or not (committed / name).is_file()
        or (fresh / name).read_bytes() != (committed / name).read_bytes()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if _sync/ is not what _async/ gives")
    args = parser.parse_args(argv)
    if not args.check:
        for stale in SYNC.glob("*.py"):
            stale.unlink()
        generate(SYNC)
        print(f"wrote {SYNC.relative_to(ROOT)}/ from {ASYNC.relative_to(ROOT)}/")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp))
        differences = drift(Path(tmp))
    for name in differences:
        print(f"drift: {SYNC.relative_to(ROOT)}/{name} (run scripts/make_sync)")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
