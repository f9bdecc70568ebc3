"""``FileStore(path)``: sessions shared by the processes of one machine through one JSON file.

One JSON file for many accounts, replaced atomically (temp file + fsync + ``os.replace``) under a ``filelock``
lock, 0600 from its first byte; a corrupt file is logged and read as empty, so the session is simply
established again. A writer killed mid-write leaves the old file and a temp file; the next write removes such
temp files. Lock files are never removed. Gestix nonces live in a small file per account, fsynced now and then
(see :mod:`billing_sessions.stores.nonce_file`).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import secrets
from pathlib import Path

from billing_sessions._async.file_store import AsyncFileLocks
from billing_sessions._sync.file_store import SyncFileLocks
from billing_sessions.errors import StoreError
from billing_sessions.stores._file import _kind, _refuse, make_dirs
from billing_sessions.stores._file import _short as _short  # the lock and nonce file names
from billing_sessions.stores.base import (
    MAX_NONCE,
    NONCE_FIELD,
    POLL_INTERVAL,
    LocalLocks,
    Record,
    fsync_directory,
)
from billing_sessions.stores.nonce_file import allocate as allocate_nonce
from billing_sessions.stores.nonce_file import read as read_nonce

__all__ = ["FileStore"]

# The stores' one logger name, kept from when they were one module (log filters and tests name it).
log = logging.getLogger("billing_sessions.stores")


class FileStore(SyncFileLocks, AsyncFileLocks):
    """Sessions shared by the processes of one machine through one JSON file.

    ``path`` holds the records of every account; ``path.<purpose>-<account>.lock`` and ``path.data.lock`` are
    the lock files (kept forever: removing a lock file another process waits on would split the lock). Temp
    files are ``.<name>.<pid>.<random>.tmp`` next to ``path``; only writes holding the data lock create them,
    so one found while holding that lock belongs to a writer that died before ``os.replace``: it is removed.
    """

    blocking = True
    shared = True  # other processes use the same session: closing one does not log it out

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        lock_timeout: float = 60.0,
        poll_interval: float = POLL_INTERVAL,
    ) -> None:
        self.path = Path(path)
        self._lock_timeout = lock_timeout
        self._poll_interval = poll_interval
        self._temp_name = re.compile(re.escape(f".{self.path.name}.") + r"[0-9]+\.[0-9a-f]{16}\.tmp")
        self._secret_path = self.path.with_name(f"{self.path.name}.key")
        self._secret: bytes | None = None
        _tighten(self.path, self._secret_path)
        self._locks = LocalLocks()
        self._usable_locks: set[str] = set()
        self._corrupt_seen: tuple[int, int] | None = (
            None  # (size, mtime_ns) of the corrupt file last reported
        )

    def __repr__(self) -> str:
        return f"FileStore({str(self.path)!r})"

    def _data_lock(self) -> contextlib.AbstractContextManager[None]:
        return self._locked("data")

    # -- the file itself

    def _read(self) -> dict[str, Record]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        try:
            data = json.loads(raw)
            if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
                raise ValueError("not an object of records")
        except (ValueError, RecursionError) as exc:
            # Said once per damaged version of the file, not on each of the reads a call makes.
            stat = self.path.stat()
            seen = (stat.st_size, stat.st_mtime_ns)
            if seen != self._corrupt_seen:
                self._corrupt_seen = seen
                log.warning(
                    "session store %s is corrupt (%s): treating it as empty", self.path, type(exc).__name__
                )
            return {}
        return data

    def _remove_stale_temp_files(self) -> None:
        """Under the data lock: a temp file that exists now was left by a writer killed mid-write."""
        with os.scandir(self.path.parent) as entries:
            stale = [e.path for e in entries if self._temp_name.fullmatch(e.name)]
        for path in stale:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        if stale:
            log.warning(
                "session store %s: removed %d temp file(s) of a writer that died mid-write",
                self.path,
                len(stale),
            )

    def _write(self, data: dict[str, Record]) -> None:
        make_dirs(self.path.parent)
        self._remove_stale_temp_files()
        self._replace(self.path, json.dumps(data, sort_keys=True).encode())

    def _replace(self, target: Path, payload: bytes) -> None:
        """Under the data lock: ``target`` holds ``payload`` (0600), atomically."""
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{secrets.token_hex(8)}.tmp")
        flags = (
            os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        )
        # Created 0600 (the umask can only take bits away) and set to exactly 0600 before the first byte;
        # os.replace then swaps it in atomically: readers see the old file or the new one, never a part.
        fd = os.open(tmp, flags, 0o600)
        try:
            with open(fd, "wb") as f:
                if hasattr(os, "fchmod"):
                    os.fchmod(f.fileno(), 0o600)
                f.write(payload)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        fsync_directory(self.path.parent, best_effort=True)

    def key_secret(self) -> bytes:
        """The random secret this store's account keys are keyed with (``core.account_key``): 32 bytes in
        ``<path>.key``, 0600, made once by the first process that needs it, shared by all the others."""
        if self._secret is None:
            with self._errors("the key secret"):
                secret = _read_secret(self._secret_path)
                if secret is None:
                    with self._data_lock():
                        secret = _read_secret(self._secret_path)
                        if secret is None:
                            make_dirs(self.path.parent)
                            secret = secrets.token_bytes(32)
                            self._replace(self._secret_path, secret.hex().encode() + b"\n")
            self._secret = secret
        return self._secret

    def load(self, key: str) -> Record | None:
        with self._data_lock(), self._errors("load"):
            record = self._read().get(key)
        if record is None:
            return None
        record = dict(record)
        record.pop(NONCE_FIELD, None)
        return record or None

    def save(self, key: str, record: Record) -> None:  # no ttl: the session checks a record's age itself
        with self._data_lock(), self._errors("save"):
            data = self._read()
            kept = {NONCE_FIELD: data[key][NONCE_FIELD]} if NONCE_FIELD in data.get(key, {}) else {}
            data[key] = {**record, **kept}
            self._write(data)

    def delete(self, key: str) -> None:
        with self._data_lock(), self._errors("delete"):
            data = self._read()
            old = data.get(key)
            if old is None:
                return
            if NONCE_FIELD in old:
                data[key] = {NONCE_FIELD: old[NONCE_FIELD]}
            else:
                del data[key]
            self._write(data)

    def _nonce_path(self, key: str) -> Path:
        return self.path.with_name(f"{self.path.name}.nonce-{_short(key)}")

    def allocate_nonce(self, key: str, floor: int) -> int:
        """See :mod:`billing_sessions.stores.nonce_file`: no fsync for most nonces, never reused after a
        crash."""
        path = self._nonce_path(key)
        with self._data_lock(), self._errors("nonce allocation"):
            legacy = None
            if not path.exists():  # first use, or a store written before nonces had their own file
                legacy = self._legacy_nonce(key)
            return allocate_nonce(path, floor, legacy)

    def last_nonce(self, key: str) -> int | None:
        """The last nonce handed out for ``key`` (None before the first)."""
        with self._errors("nonce read"):
            return read_nonce(self._nonce_path(key))

    def _legacy_nonce(self, key: str) -> int | None:
        last = self._read().get(key, {}).get(NONCE_FIELD)
        if last is None:
            return None
        if not isinstance(last, int) or isinstance(last, bool) or not 0 <= last < MAX_NONCE:
            # Hand-edited or damaged: the clock floor still gives a nonce the provider can judge.
            log.warning(
                "session store %s: a nonce is not a number below 2**63-1: the clock takes over", self.path
            )
            return None
        return last


def _owned(path: Path, uid: int) -> None:
    if hasattr(os, "geteuid") and uid != os.geteuid():
        raise _refuse(path, "belongs to another user (it could plant sessions or read ours)")


def _store_file(fd: int, secret_path: Path) -> bool:
    """Is this a session store (ours, or one cut mid-write), not an unrelated file we must not overwrite?"""
    with open(os.dup(fd), "rb") as f:
        head = f.read()
    if not head.strip() or secret_path.exists():
        return True
    try:
        data = json.loads(head)
    except (ValueError, RecursionError):
        return head.lstrip()[:1] in (b"{", b"[")  # JSON cut or damaged: read as empty, then repaired
    return isinstance(data, dict) and all(isinstance(v, dict) for v in data.values())


def _read_secret(path: Path) -> bytes | None:
    """The key secret in ``path``; None when there is none yet (or it is damaged: a new one replaces it)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        with contextlib.suppress(OSError):
            kind = _kind(path.lstat().st_mode)
            if kind is not None:
                raise _refuse(path, kind) from exc
        raise
    with open(fd, "rb") as f:
        info = os.fstat(f.fileno())
        kind = _kind(info.st_mode)
        if kind is not None:
            raise _refuse(path, kind)
        _owned(path, info.st_uid)
        if info.st_mode & 0o077 and hasattr(os, "fchmod"):
            os.fchmod(f.fileno(), 0o600)
        text = f.read(200).strip()
    try:
        secret = bytes.fromhex(text.decode("ascii"))
    except ValueError:
        secret = b""
    if len(secret) != 32:
        log.warning("session store key %s is damaged: a new one is made (stored sessions log in again)", path)
        return None
    return secret


def _tighten(path: Path, secret_path: Path) -> None:
    """An existing store file must be a regular file (never a directory, a link or a device) of this user's,
    holding a session store: an unrelated file is refused, never chmodded or overwritten. A looser mode is
    tightened to 0600 through a descriptor opened without following links: a link swapped in after the check
    can't redirect the chmod."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        if path.parent.exists() and not path.parent.is_dir():
            raise _refuse(path.parent, "is not a directory") from None
        return
    except OSError as exc:
        raise StoreError(f"session store {str(path)!r} cannot be examined: {exc.strerror}") from exc
    kind = _kind(info.st_mode)
    if kind is not None:
        raise _refuse(path, kind)
    _owned(path, info.st_uid)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise StoreError(f"session store {str(path)!r} cannot be opened: {exc.strerror}") from exc
    try:
        info = os.fstat(fd)
        if _kind(info.st_mode) is not None:
            raise _refuse(path, "is not a regular file")
        _owned(path, info.st_uid)
        if not _store_file(fd, secret_path):
            raise _refuse(path, "is not a session store (an unrelated file: never overwritten)")
        if info.st_mode & 0o077:
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
