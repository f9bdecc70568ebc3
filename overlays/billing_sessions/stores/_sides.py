"""The per-side helpers of the store code written once, async (``_async/*_store.py``): each async name here
has its sync twin beside it, and ``scripts/make_sync`` turns the one into the other (``REPLACEMENTS``)."""

from __future__ import annotations

import asyncio
import time


async def async_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)


def sleep(seconds: float) -> None:
    time.sleep(seconds)


def araise_if_cancelled() -> None:
    """Raise ``CancelledError`` when this task was cancelled but the cancel was swallowed (redis-py does so
    mid-command): a wait loop would otherwise go on until its timeout."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError


def raise_if_cancelled() -> None:
    """A thread is never cancelled."""
