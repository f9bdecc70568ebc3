"""Stores: nonce allocation stays strictly increasing whatever the clock does; files are atomic and 0600."""

from __future__ import annotations

import itertools
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from billing_sessions.stores import FileStore, MemoryStore

floors = st.lists(st.integers(min_value=0, max_value=2**62), min_size=1, max_size=60)


@given(floors)
def test_memory_nonces_strictly_increase_whatever_the_clock(values: list[int]) -> None:
    store = MemoryStore()
    got = [store.allocate_nonce("k", floor) for floor in values]
    assert all(b > a for a, b in itertools.pairwise(got))
    assert all(n >= f for n, f in zip(got, values, strict=True))


@settings(max_examples=25, deadline=None)
@given(floors)
def test_file_nonces_strictly_increase_whatever_the_clock(
    tmp_path_factory: object, values: list[int]
) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        store = FileStore(Path(tmp) / "s.json")
        got = [store.allocate_nonce("k", floor) for floor in values]
        reopened = FileStore(Path(tmp) / "s.json").allocate_nonce("k", 0)
    assert all(b > a for a, b in itertools.pairwise(got))
    assert reopened > got[-1]


def test_frozen_and_stepped_back_clock() -> None:
    store = MemoryStore()
    frozen = [store.allocate_nonce("k", 1_700_000_000_000) for _ in range(5)]
    back = store.allocate_nonce("k", 1_700_000_000_000 - 3_600_000)
    assert frozen == list(range(1_700_000_000_000, 1_700_000_000_005))
    assert back == 1_700_000_000_005


def test_file_store_is_0600_and_tightens_a_loose_file(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    FileStore(path).save("k", {"value": "v"})
    assert path.stat().st_mode & 0o777 == 0o600
    path.chmod(0o644)
    FileStore(path)
    assert path.stat().st_mode & 0o777 == 0o600


def test_corrupt_file_reads_as_empty_and_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text('{"k": {"value": "v"')  # truncated mid-write by something else
    store = FileStore(path)
    assert store.load("k") is None
    store.save("k", {"value": "new"})
    assert json.loads(path.read_text())["k"]["value"] == "new"


def test_many_accounts_in_one_file_and_delete_keeps_the_nonce(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "s.json")
    store.save("a", {"value": "1"})
    store.save("b", {"value": "2"})
    n = store.allocate_nonce("a", 10)
    store.delete("a")
    assert store.load("a") is None
    assert store.load("b") == {"value": "2"}
    assert store.allocate_nonce("a", 0) == n + 1


def test_a_new_process_reads_what_this_one_wrote(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    FileStore(path).save("k", {"value": "from-parent"})
    FileStore(path).allocate_nonce("k", 41)
    code = (
        "import sys; from billing_sessions.stores import FileStore; s = FileStore(sys.argv[1]);"
        "print(s.load('k')['value'], s.allocate_nonce('k', 0))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["from-parent", "42"]
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_a_damaged_nonce_record_is_logged_and_the_clock_takes_over(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"k": {"nonce": "12x"}}))
    with caplog.at_level(logging.WARNING, "billing_sessions.stores"):
        assert FileStore(path).allocate_nonce("k", 1_700_000_000_000) == 1_700_000_000_000
    assert FileStore(path).allocate_nonce("k", 0) == 1_700_000_000_001
    assert sum("nonce is not a number" in r.getMessage() for r in caplog.records) == 1
