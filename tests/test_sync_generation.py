"""The sync I/O code is generated from the async one (``scripts/make_sync``): what is committed in
``overlays/billing_sessions/_sync/`` is exactly what ``_async/`` gives; the twins can share one class."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import make_sync  # noqa: E402
from billing_sessions._async.auth import AsyncSessionAuth  # noqa: E402
from billing_sessions._async.file_store import AsyncFileLocks  # noqa: E402
from billing_sessions._async.redis_store import AsyncRedisStore  # noqa: E402
from billing_sessions._async.transport import AsyncRetryTransport  # noqa: E402
from billing_sessions._sync.auth import SyncSessionAuth  # noqa: E402
from billing_sessions._sync.file_store import SyncFileLocks  # noqa: E402
from billing_sessions._sync.redis_store import SyncRedisStore  # noqa: E402
from billing_sessions._sync.transport import SyncRetryTransport  # noqa: E402
from billing_sessions.core import SessionAuth  # noqa: E402
from billing_sessions.retry import RetryTransport  # noqa: E402
from billing_sessions.stores.file import FileStore  # noqa: E402
from billing_sessions.stores.redis import RedisStore  # noqa: E402


def test_drift_sync_matches_async() -> None:
    assert make_sync.main(["--check"]) == 0, "run scripts/make_sync, commit overlays/billing_sessions/_sync/"


def test_every_async_module_has_its_sync_twin() -> None:
    names = sorted(p.name for p in make_sync.ASYNC.glob("*.py"))
    assert names == sorted(p.name for p in make_sync.SYNC.glob("*.py"))
    assert "transport.py" in names
    assert "auth.py" in names


def test_a_generated_method_never_shadows_its_async_twin() -> None:
    """``RetryTransport``, ``SessionAuth`` and the stores inherit both halves: a name the two share would
    serve one path with the other's."""
    pairs = (
        (SyncRetryTransport, AsyncRetryTransport),
        (SyncSessionAuth, AsyncSessionAuth),
        (SyncRedisStore, AsyncRedisStore),
        (SyncFileLocks, AsyncFileLocks),
    )
    for sync, asynchronous in pairs:
        shared = {n for n in vars(sync).keys() & vars(asynchronous).keys() if not n.startswith("__")}
        assert shared == set(), f"{sync.__name__} and {asynchronous.__name__} share {sorted(shared)}"
    assert RetryTransport.__mro__[1:3] == (SyncRetryTransport, AsyncRetryTransport)
    assert SessionAuth.__mro__[1:3] == (SyncSessionAuth, AsyncSessionAuth)
    assert RedisStore.__mro__[1:3] == (SyncRedisStore, AsyncRedisStore)
    assert FileStore.__mro__[1:3] == (SyncFileLocks, AsyncFileLocks)
