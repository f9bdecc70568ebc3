"""``FileStore``'s lock files and the rules both halves of its locks share (``_async/file_store.py`` is
written once; ``_sync/file_store.py`` is generated from it). The public face is
:mod:`billing_sessions.stores.file`.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import filelock

from billing_sessions.errors import StoreError
from billing_sessions.stores.base import LocalLocks, LockTimeout

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: filelock uses msvcrt
    fcntl = None  # type: ignore[assignment]

# Keep the lock file's pathname on release, and fail instead of falling back to a lock that releases by
# unlinking its file, where filelock offers that promise (filelock >= 4); on Unix it never unlinks anyway.
_LOCK_OPTIONS: dict[str, Any] = (
    {"preserve_lock_file": True}
    if "preserve_lock_file" in inspect.signature(filelock.FileLock.__init__).parameters
    else {}
)


class FileLocksBase:
    """What ``FileStore``'s lock halves share: the lock files, their checks and the errors they raise."""

    path: Path
    _lock_timeout: float
    _poll_interval: float
    _locks: LocalLocks
    _usable_locks: set[str]

    # -- locks: one lock file per purpose and account (login/write span requests) plus the short data lock.
    # A new FileLock per acquisition means a new open file description, so the kernel's flock excludes threads
    # and tasks of this process as well as other processes; the local locks only keep waiters off the file.

    def _file_lock(self, name: str) -> filelock.FileLock:
        path = f"{self.path}.{name}.lock"
        if name not in self._usable_locks:
            make_dirs(self.path.parent)
            _check_lock_file(Path(path))
            self._usable_locks.add(name)
        return filelock.FileLock(
            path,
            timeout=self._lock_timeout,
            poll_interval=self._poll_interval,
            mode=0o600,
            thread_local=False,  # acquired and released by one holder, possibly in different threads
            **_LOCK_OPTIONS,
        )

    @contextlib.contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        try:
            yield
        except StoreError:
            raise
        except filelock.Timeout as exc:
            raise LockTimeout(f"{self!r}: {what}: a lock was not free within {self._lock_timeout} s") from exc
        except OSError as exc:
            raise StoreError(f"{self!r}: {what} failed ({type(exc).__name__})") from exc


def _refuse(path: Path, what: str) -> StoreError:
    return StoreError(
        f"session store {str(path)!r} {what}: refusing to use it; pass the path of a regular file of "
        "yours that holds a session store or does not exist yet"
    )


def _kind(mode: int) -> str | None:
    """What a path is when it is not a regular file, in words (None: a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "is a symbolic link"
    if stat.S_ISDIR(mode):
        return "is a directory"
    return "is not a regular file"


def make_dirs(directory: Path) -> None:
    """Create ``directory`` and its missing parents 0700, whatever the umask (they hold sessions)."""
    missing = []
    while not directory.exists():
        missing.append(directory)
        if directory.parent == directory:
            break
        directory = directory.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):  # another process made it meanwhile: theirs, left as is
            os.mkdir(path, 0o700)
            os.chmod(path, 0o700)  # the umask may have taken bits away (even the owner's)


def _check_lock_file(path: Path) -> None:
    """A lock file must be a regular file that can be made and locked here: a link, a directory or a file
    system without locks (``/proc``) fails now, with a clear error, instead of after the lock timeout."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        with contextlib.suppress(OSError):
            kind = _kind(path.lstat().st_mode)
            if kind is not None:
                raise _refuse(path, kind) from exc
        raise StoreError(f"session store lock file {str(path)!r} cannot be created: {exc.strerror}") from exc
    try:
        kind = _kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise _refuse(path, kind)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(fd, fcntl.LOCK_UN)
            except BlockingIOError:
                pass  # held by another process right now: locking works
            except OSError as exc:
                raise StoreError(f"session store {str(path)!r}: file locking does not work there") from exc
    finally:
        os.close(fd)


@functools.lru_cache(maxsize=1024)
def _short(key: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in key)[-48:]
