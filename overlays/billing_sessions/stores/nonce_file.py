"""A FileStore account's nonce high-water mark: one small file, rewritten in place, fsynced only now and then.

The file holds one JSON line padded to ``SIZE`` bytes: ``{"last": n, "reserved": r, "boot": id}``. A nonce
at or below ``reserved`` is handed out after an in-place write without fsync: a killed process loses nothing
(the page cache survives it). A nonce above ``reserved`` first moves ``reserved`` ``RESERVE`` ahead and
fsyncs, so the durable file always covers every nonce handed out. After an OS crash or power loss the
unsynced ``last`` may be gone: the kernel's boot id then differs from the stored one and allocation starts
above ``reserved``. Without a boot id (not Linux) every allocation is fsynced. A file that cannot be read
(torn, hand-edited, at or above the int64 top) is logged and the clock takes over.
"""

from __future__ import annotations

import functools
import json
import logging
import os
from pathlib import Path

from billing_sessions.stores.base import MAX_NONCE, fsync_directory

__all__ = ["RESERVE", "SIZE", "allocate", "boot_id", "read"]

log = logging.getLogger("billing_sessions.stores")

SIZE = 128
#: How far ahead of use a nonce is made durable (60 s of the millisecond clock).
RESERVE = 60_000
_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


@functools.cache
def boot_id() -> str | None:
    """This boot of the machine (Linux), or None where the kernel does not say."""
    try:
        return _BOOT_ID.read_text().strip() or None
    except OSError:
        return None


def _parse(raw: bytes) -> tuple[int, int, str | None] | None:
    try:
        state = json.loads(raw)
        last, reserved, boot = state["last"], state["reserved"], state.get("boot")
    except (ValueError, TypeError, KeyError, RecursionError):
        return None
    if not all(type(v) is int and 0 <= v < MAX_NONCE for v in (last, reserved)):
        return None
    return last, reserved, boot if isinstance(boot, str) else None


def read(path: Path) -> int | None:
    """The last nonce handed out, or None for a missing or unreadable file."""
    try:
        state = _parse(path.read_bytes())
    except FileNotFoundError:
        return None
    return state[0] if state is not None else None


def allocate(path: Path, floor: int, legacy: int | None) -> int:
    """``max(last + 1, floor)``, remembered. The caller holds the store's data lock. ``legacy``: the nonce
    an older FileStore kept in the JSON file, used when this file does not exist yet."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o600)
    try:
        raw = os.pread(fd, SIZE, 0)
        boot = boot_id()
        state = _parse(raw)
        reserved = 0
        if state is not None:
            last, reserved, stored_boot = state
            if stored_boot != boot or boot is None:
                last = max(last, reserved)  # rebooted since: nonces up to the reservation may have been used
                reserved = 0
        elif raw.strip():
            log.warning("session store %s: a nonce record is damaged: the clock takes over", path)
            last = 0
        else:
            last = legacy if legacy is not None and 0 <= legacy < MAX_NONCE else 0
        nonce = max(last + 1, floor)
        durable = nonce > reserved
        if durable:
            reserved = nonce if boot is None else min(nonce + RESERVE, MAX_NONCE - 1)
        line = json.dumps({"last": nonce, "reserved": reserved, "boot": boot}).encode()
        os.pwrite(fd, line.ljust(SIZE), 0)
        if durable:
            os.fsync(fd)
            if not raw:
                fsync_directory(path.parent)  # a new file: its name must survive a crash too
        return nonce
    finally:
        os.close(fd)
