"""Write lanes: the Gestix sessions one ``SessionAuth`` writes through, each its own nonce sequence.

The docs make the nonce strictly greater than the previous one "within the same session": requests of one
session that overtake each other on the network are refused. So a write holds a *lane* (a session) until
its answer when several lanes may be open: one write per lane on the wire, and concurrent writes of one
process spread over up to ``limit`` lanes (each a login). Lane 0 is the account's stored session (shared
with reads, other Session objects and, with a shared store, other processes); the others live in this
object only and are never stored.

With ``limit == 1`` (a shared store: one session for every process) lane 0 is never held: writes pipeline
on it, and a refused write that may have been overtaken is sent again exclusively (see ``core``).

Two readings the docs leave open make the extra lanes unsafe; both are noticed and end in one lane:
a server that keeps one sequence per account (an exclusive re-send succeeded where a lane's write was
refused: ``narrow(forever=True)``) and a login that ends the tokens issued before it (a lane's token
refused while other lanes are open: ``narrow()``, for ``cooldown`` seconds, as an ordinary expiry looks
the same).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

import attrs

__all__ = ["COOLDOWN", "Lane", "WriteLanes"]

#: The session a lane holds (``core.Token``; generic so this module does not import ``core``).
T = TypeVar("T")

#: How long one lane is kept after a lane's token was refused (an expiry, or logins ending each other).
COOLDOWN = 300.0


@attrs.define(eq=False)
class Lane(Generic[T]):
    index: int
    #: The lane's own session (lanes above 0); lane 0 uses the auth's shared token.
    token: T | None = None
    busy: bool = False


class WriteLanes(Generic[T]):
    """Up to ``limit`` lanes; ``acquire`` hands out a free one, opening a new one (token ``None``: log it
    in) when every open lane is busy, else waits. Thread- and task-safe."""

    def __init__(self, limit: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.clock = clock
        self.lanes: list[Lane[T]] = [Lane(0)]
        self.narrowed_until = 0.0  # one lane until then (inf: for good)
        self._lock = threading.Condition(threading.Lock())
        self._waiters: deque[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = deque()

    @property
    def exclusive(self) -> bool:
        """Is a lane held until its write is answered? Not with one lane allowed: lane 0 pipelines."""
        return self.limit > 1

    def allowed(self) -> int:
        """How many lanes may be used now."""
        return 1 if self.clock() < self.narrowed_until else self.limit

    def _take(self) -> Lane[T] | None:
        if not self.exclusive:
            return self.lanes[0]
        allowed = self.allowed()
        for lane in self.lanes[:allowed]:
            if not lane.busy:
                lane.busy = True
                return lane
        if len(self.lanes) < allowed:
            self.lanes.append(Lane(len(self.lanes), busy=True))
            return self.lanes[-1]
        return None

    def acquire(self) -> Lane[T]:
        with self._lock:
            while (lane := self._take()) is None:
                self._lock.wait()
            return lane

    async def aacquire(self) -> Lane[T]:
        while True:
            with self._lock:
                lane = self._take()
                if lane is not None:
                    return lane
                loop = asyncio.get_running_loop()
                waiter: asyncio.Future[None] = loop.create_future()
                self._waiters.append((loop, waiter))
            try:
                await waiter
            except BaseException:
                with self._lock:
                    if (loop, waiter) in self._waiters:
                        self._waiters.remove((loop, waiter))
                    elif waiter.done() and not waiter.cancelled():
                        self._wake_one()  # pass on the wake-up this cancelled task was given
                raise

    def release(self, lane: Lane[T]) -> None:
        if not self.exclusive:
            return
        with self._lock:
            lane.busy = False
            if lane.index >= self.allowed():
                lane.token = None  # a narrowed lane's session is dropped (Gestix has no logout)
            self._lock.notify()
            self._wake_one()

    def _wake_one(self) -> None:
        while self._waiters:
            loop, waiter = self._waiters.popleft()
            if not waiter.done():
                loop.call_soon_threadsafe(_set, waiter)
                return

    def narrow(self, forever: bool = False) -> bool:
        """Keep to lane 0 (for ``COOLDOWN`` seconds, or for good); True when more lanes were open."""
        with self._lock:
            wider = len(self.lanes) > 1 and self.allowed() > 1
            until = float("inf") if forever else self.clock() + COOLDOWN
            self.narrowed_until = max(self.narrowed_until, until)
            for lane in self.lanes[1:]:
                if not lane.busy:
                    lane.token = None
            return wider

    def open_lanes(self) -> int:
        """Lanes holding a session of their own now, lane 0 included."""
        with self._lock:
            return 1 + sum(1 for lane in self.lanes[1:] if lane.token is not None)


def _set(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)
