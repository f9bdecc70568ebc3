"""A store written from the documented protocol alone (``stores.SessionStore``): sqlite, with the optional
abilities left out, running real sessions (Gestix writes with nonces, BILL v3 sync and async, the MFA trust)
against the sandbox; the time-to-live each save carries is the session's own ``idle_timeout=``."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from billing_sessions import bill_v3, gestix
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import LocalLocks, Record, SessionStore
from billing_sessions.testing import BillingSandbox
from billing_sessions_generated.gestix.api.invoices import create_invoice
from billing_sessions_generated.gestix.models import DocumentInput, DocumentLine

pytestmark = pytest.mark.anyio


class SqliteStore:
    """Only what ``SessionStore`` asks for: records with an expiry, nonces, and locks (in-process here)."""

    blocking = True  # sqlite does I/O: an AsyncSession calls it from a worker thread

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._guard = threading.Lock()
        self._locks = LocalLocks()
        self.saved: list[tuple[str, float | None]] = []  # (key, ttl) of every save, for the test
        self._db.execute("CREATE TABLE records (key TEXT PRIMARY KEY, record TEXT, expires REAL)")
        self._db.execute("CREATE TABLE nonces (key TEXT PRIMARY KEY, last INTEGER)")

    def load(self, key: str) -> Record | None:
        with self._guard:
            row = self._db.execute("SELECT record, expires FROM records WHERE key = ?", (key,)).fetchone()
        if row is None or (row[1] is not None and row[1] <= time.time()):
            return None
        record: Record = json.loads(row[0])
        return record

    def save(self, key: str, record: Record, ttl: float | None = None) -> None:
        expires = None if ttl is None else time.time() + ttl
        with self._guard:
            self.saved.append((key, ttl))
            self._db.execute(
                "INSERT OR REPLACE INTO records VALUES (?, ?, ?)", (key, json.dumps(record), expires)
            )

    def delete(self, key: str) -> None:
        with self._guard:
            self._db.execute("DELETE FROM records WHERE key = ?", (key,))

    def allocate_nonce(self, key: str, floor: int) -> int:
        with self._guard:
            row = self._db.execute("SELECT last FROM nonces WHERE key = ?", (key,)).fetchone()
            nonce = max((row[0] if row else 0) + 1, floor)
            self._db.execute("INSERT OR REPLACE INTO nonces VALUES (?, ?)", (key, nonce))
            return nonce

    def lock(self, key: str, purpose: str) -> contextlib.AbstractContextManager[None]:
        return self._locks.hold(f"{purpose}:{key}")

    def alock(self, key: str, purpose: str) -> contextlib.AbstractAsyncContextManager[None]:
        return self._locks.ahold(f"{purpose}:{key}")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    made = SqliteStore(tmp_path / "sessions.db")
    yield made
    made._db.close()


def test_the_store_satisfies_the_protocol(store: SqliteStore) -> None:
    typed: SessionStore = store  # mypy checks the shape; isinstance the names
    assert isinstance(typed, SessionStore)


def test_gestix_writes_in_order_through_it(sb: Sandbox, store: SqliteStore) -> None:
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=store) as s:
        s.status()

        def write(n: int) -> int:
            body = DocumentInput(lines=[DocumentLine(article_code=f"ART-{n}", quantity=1.0)])
            return create_invoice.sync_detailed(client=s.client, body=body).status_code

        with ThreadPoolExecutor(8) as pool:
            statuses = list(pool.map(write, range(24)))
    assert set(statuses) == {201}
    counters = sb.state.counters("gestix")
    assert (counters["logins"], counters["writes_applied"]) == (1, 24)
    assert all(ttl is None for _, ttl in store.saved)  # Gestix sessions have no idle lifetime


def _bill_v3(sb: Sandbox, store: SessionStore, cls: Any = bill_v3.Session, **options: Any) -> Any:
    return cls(
        **BillingSandbox(sb).session_kwargs("bill_v3"),
        store=store,
        logout_on_close=False,
        **options,
    )


@pytest.fixture(autouse=True)
def _fresh_login_guard() -> Iterator[None]:
    bill_v3.LoginGuard.reset()
    yield
    bill_v3.LoginGuard.reset()


async def test_a_sessions_own_idle_timeout_is_the_records_ttl(sb: Sandbox, store: SqliteStore) -> None:
    with _bill_v3(sb, store, idle_timeout=600.0) as s:
        s.session_info()
        challenge = s.mfa_challenge()
        s.mfa_validate(challenge, sb.state.mfa_code() or "")
        key = s.auth.key
    assert (key, 600.0) in store.saved
    row = store._db.execute("SELECT expires FROM records WHERE key = ?", (key,)).fetchone()
    assert time.time() + 590 < row[0] <= time.time() + 600  # the store drops it with the session
    trust = [ttl for k, ttl in store.saved if k == bill_v3.trust_key(key)]
    assert trust and trust[0] == pytest.approx(30 * 86400.0)
    async with _bill_v3(sb, store, bill_v3.AsyncSession, idle_timeout=600.0) as a:
        await a.session_info()  # the stored session, reused by another session object
        assert a.trusted and await a.remembered_until() is not None
    assert sb.state.counters("bill_v3")["logins"] == 1


class _Legacy(SqliteStore):
    """A store written before ``ttl``: its save takes none, and still works."""

    def save(self, key: str, record: Record) -> None:  # type: ignore[override]  # narrower: on purpose
        super().save(key, record)


def test_a_store_whose_save_takes_no_ttl_keeps_working(sb: Sandbox, tmp_path: Path) -> None:
    legacy = _Legacy(tmp_path / "legacy.db")
    with _bill_v3(sb, legacy) as s:  # a SessionStore for type checkers too
        s.session_info()
        s.session_info()
    assert legacy.saved and all(ttl is None for _, ttl in legacy.saved)
    legacy._db.close()
