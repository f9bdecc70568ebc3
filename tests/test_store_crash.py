"""FileStore under SIGKILL: a writer killed anywhere leaves the old or the new state, its temp file is removed
by the next write, lock files stay put (held or not) and a dead holder's lock is free at once; the store
file is 0600 from its first byte whatever the umask, and a looser existing file is tightened."""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import random
import stat
import time
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnContext
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from billing_sessions.stores import FileStore
from billing_sessions.stores import file as stores  # FileStore's own module: its file names

if TYPE_CHECKING:
    from _typeshed import FileDescriptorLike

TIMEOUT = 30.0
KILLS = 20
PAD = "x" * 32_768  # a record big enough that writing it takes a moment
KEY = "gestix:0123456789abcdef0123456789abcdef"


def _temp_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def _slow_fsync(pause: float, then: Any = None) -> None:
    """A slow disk in this (child) process: the temp file exists for a while before ``os.replace``."""
    real = os.fsync

    def fsync(fd: FileDescriptorLike) -> None:
        real(fd)
        if isinstance(fd, int) and stat.S_ISREG(os.fstat(fd).st_mode):  # the temp file, not the directory
            if then is not None:
                then()
            time.sleep(pause)

    os.fsync = fsync


# -- child processes ("spawn" imports this module in the child)


def write_forever(path: str, first: int, conn: Connection) -> None:
    _slow_fsync(0.002)
    store = FileStore(path)
    conn.send(("ready", first))
    seq = first
    while True:
        conn.send(("start", seq))
        store.save(KEY, {"value": seq, "pad": PAD})
        conn.send(("done", seq))
        seq += 1


def write_and_stall(path: str, conn: Connection) -> None:
    os.umask(0)  # the loosest umask: the temp file must still be 0600
    _slow_fsync(TIMEOUT, then=lambda: conn.send("mid-write"))
    FileStore(path).save(KEY, {"value": "new"})


def hold(path: str, purpose: str, conn: Connection) -> None:
    store = FileStore(path)
    with store._data_lock() if purpose == "data" else store.lock(KEY, purpose):
        conn.send("held")
        time.sleep(TIMEOUT)


@pytest.fixture
def ctx() -> SpawnContext:
    return multiprocessing.get_context("spawn")


def _drain(conn: Connection) -> list[tuple[str, int]]:
    messages = []
    while conn.poll(0):
        try:
            messages.append(conn.recv())
        except EOFError:
            break
    return messages


def test_sigkill_at_random_points_leaves_the_old_or_the_new_state_and_no_temp_file(
    tmp_path: Path, ctx: SpawnContext
) -> None:
    path = tmp_path / "sessions.json"
    FileStore(path).save(KEY, {"value": 0, "pad": PAD})
    data_lock = Path(f"{path}.data.lock")
    inode = data_lock.stat().st_ino
    state, kills_mid_write, states = 0, 0, set()
    rng = random.Random(5)
    for _ in range(KILLS):
        reader, writer = ctx.Pipe(duplex=False)
        child = ctx.Process(target=write_forever, args=(str(path), state + 1, writer))
        child.start()
        writer.close()
        assert reader.poll(TIMEOUT)
        assert reader.recv() == ("ready", state + 1)
        time.sleep(rng.uniform(0.0, 0.03))  # some writes in, then anywhere in the cycle
        child.kill()
        child.join(TIMEOUT)
        messages = _drain(reader)
        done = [n for kind, n in messages if kind == "done"]
        started = [n for kind, n in messages if kind == "start"]
        old = done[-1] if done else state
        new = started[-1] if started else old
        record = json.loads(path.read_bytes())[KEY]  # plain json: the file parses, always
        assert record["value"] in {old, new}
        assert record["pad"] == PAD
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert data_lock.stat().st_ino == inode  # the lock file is never replaced or removed
        kills_mid_write += bool(_temp_files(tmp_path))
        assert len(_temp_files(tmp_path)) <= 1  # the previous one went with the next write
        state = record["value"]
        states.add(state)
    FileStore(path).save(KEY, {"value": state + 1})
    assert _temp_files(tmp_path) == []
    print("STATS", kills_mid_write, len(states))
    assert kills_mid_write >= 1  # the temp-file case did happen (about half the kills land there)
    assert len(states) >= KILLS // 2  # the children did get writes in before being killed


def test_a_kill_mid_write_leaves_the_old_file_and_a_0600_temp_file_the_next_write_removes(
    tmp_path: Path, ctx: SpawnContext, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "sessions.json"
    FileStore(path).save(KEY, {"value": "old"})
    reader, writer = ctx.Pipe(duplex=False)
    child = ctx.Process(target=write_and_stall, args=(str(path), writer))
    child.start()
    writer.close()
    try:
        assert reader.poll(TIMEOUT)
        assert reader.recv() == "mid-write"
        (temp,) = _temp_files(tmp_path)
        assert temp.startswith(f".sessions.json.{child.pid}.")
        assert stat.S_IMODE((tmp_path / temp).stat().st_mode) == 0o600  # under umask 0, mid-write
        assert json.loads((tmp_path / temp).read_bytes())[KEY] == {"value": "new"}
        assert json.loads(path.read_bytes())[KEY] == {"value": "old"}
    finally:
        child.kill()
        child.join(TIMEOUT)
    assert _temp_files(tmp_path) == [temp]
    assert FileStore(path).load(KEY) == {"value": "old"}
    with caplog.at_level(logging.WARNING, "billing_sessions.stores"):
        FileStore(path).save(KEY, {"value": "next"})
    assert _temp_files(tmp_path) == []
    assert FileStore(path).load(KEY) == {"value": "next"}
    assert sum("died mid-write" in r.getMessage() for r in caplog.records) == 1


@pytest.mark.parametrize("purpose", ["login", "write", "data"])
def test_a_holder_killed_with_sigkill_leaves_the_lock_file_in_place_and_the_lock_free(
    tmp_path: Path, ctx: SpawnContext, purpose: str
) -> None:
    path = tmp_path / "sessions.json"
    FileStore(path).save(KEY, {"value": "v"})
    name = "data" if purpose == "data" else f"{purpose}-{stores._short(KEY)}"
    lock_file = Path(f"{path}.{name}.lock")
    reader, writer = ctx.Pipe(duplex=False)
    child = ctx.Process(target=hold, args=(str(path), purpose, writer))
    child.start()
    writer.close()
    refused = 0
    try:
        assert reader.poll(TIMEOUT)
        assert reader.recv() == "held"
        inode = lock_file.stat().st_ino
        other = FileStore(path, lock_timeout=0.2)
        try:
            with other._data_lock() if purpose == "data" else other.lock(KEY, purpose):
                pass
        except TimeoutError:
            refused += 1
        if purpose != "data":  # writes meanwhile (they clean temp files) leave the held lock file alone
            other.save(KEY, {"value": "w"})
            assert other.allocate_nonce(KEY, 0) == 1
        assert lock_file.stat().st_ino == inode
    finally:
        child.kill()
        child.join(TIMEOUT)
    assert refused == 1
    assert lock_file.stat().st_ino == inode  # still there after the holder died
    store = FileStore(path, lock_timeout=0)  # one try, no wait: the kernel dropped the dead holder's flock
    with store._data_lock() if purpose == "data" else store.lock(KEY, purpose):
        pass
    assert lock_file.stat().st_ino == inode  # and releasing never removes it
    assert FileStore(path).load(KEY) is not None


def test_the_store_file_is_0600_from_its_first_byte_whatever_the_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    created: list[int] = []
    real_open = os.open

    def spy(file: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:
        fd = real_open(file, flags, mode, dir_fd=dir_fd)
        if str(file).endswith(".tmp"):
            created.append(stat.S_IMODE(os.fstat(fd).st_mode))  # before a single byte is written
        return fd

    monkeypatch.setattr(os, "open", spy)
    path = tmp_path / "sessions.json"
    old_umask = os.umask(0)
    try:
        store = FileStore(path)
        store.save(KEY, {"value": "v"})
        store.allocate_nonce(KEY, 1)
        with store.lock(KEY, "login"):
            pass
        store.delete(KEY)
    finally:
        os.umask(old_umask)
    assert created == [0o600, 0o600]  # save and delete; the nonce has its own file, written in place
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in tmp_path.iterdir()}
    assert modes == {
        "sessions.json": 0o600,
        f"sessions.json.nonce-{stores._short(KEY)}": 0o600,
        "sessions.json.data.lock": 0o600,
        f"sessions.json.login-{stores._short(KEY)}.lock": 0o600,
    }


def test_an_existing_looser_file_is_tightened_and_keeps_its_records(tmp_path: Path) -> None:
    path = tmp_path / "sessions.json"
    path.write_text(json.dumps({KEY: {"value": "v", "nonce": 7}}))
    path.chmod(0o666)
    store = FileStore(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert store.load(KEY) == {"value": "v"}
    assert store.allocate_nonce(KEY, 0) == 8


def test_only_stale_temp_files_of_this_store_are_removed(tmp_path: Path) -> None:
    names = [
        ".sessions.json.4242.0123456789abcdef.tmp",  # a dead writer of this store: removed
        ".sessions.json.1.fedcba9876543210.tmp",  # another: removed
        ".sessions.json.x.4242.0123456789abcdef.tmp",  # a writer of the store "sessions.json.x": kept
        ".sessions.json.4242.tmp",  # not a name this store makes: kept
        ".other.json.4242.0123456789abcdef.tmp",
        "sessions.json.data.lock",
    ]
    for name in names:
        (tmp_path / name).write_text("{")
    FileStore(tmp_path / "sessions.json").save(KEY, {"value": "v"})
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([*names[2:], "sessions.json"])
