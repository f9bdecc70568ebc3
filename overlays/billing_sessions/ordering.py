"""Ordered writes (Gestix nonces): how long the order is kept, and the write slot a store hands out.

A write holds its account's *write slot* (the store's write lock plus a freshly allocated nonce) while its
nonce must not be overtaken:

- ``"pipelined"`` (the default): until the request's last byte has been handed to the socket. The next write
  of the account goes while earlier answers are still on their way; nonces leave in increasing order.
- ``"strict"``: until the answer has arrived: one write per account on the wire at a time.

The release is tied to the body stream: ``SentGate`` yields the buffered body and, once the transport asks
for more after the last chunk (the bytes are in the socket), releases the slot. Any failure before that
releases it in the auth flow instead. A write that had to open a new connection keeps the slot until its
answer: a server reads requests on open connections before it accepts a new one (one event-loop turn later),
so such a write would otherwise be overtaken by the next one, and its nonce rejected.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Literal, cast

import httpx

from billing_sessions.store_guard import GuardedStore
from billing_sessions.stores.base import SlotStore

__all__ = ["WRITE_MODES", "SentGate", "SlotStore", "WriteMode", "awrite_slot", "write_slot"]

WriteMode = Literal["pipelined", "strict"]
WRITE_MODES: tuple[WriteMode, ...] = ("pipelined", "strict")
_CALLERS_TRACE = "billing_sessions.callers_trace"


@contextlib.contextmanager
def _locked_slot(store: GuardedStore, key: str, floor: int) -> Iterator[int]:
    with store.lock(key, "write"):
        yield store.allocate_nonce(key, floor)


def write_slot(store: GuardedStore, key: str, floor: int) -> contextlib.AbstractContextManager[int]:
    """The write lock of ``key`` held, and the next nonce (``max(last + 1, floor)``) allocated under it: in
    one step where the store offers it (``SlotStore``)."""
    if store.capabilities.slots:
        return cast(SlotStore, store.inner).write_slot(key, floor)
    return _locked_slot(store, key, floor)


@contextlib.asynccontextmanager
async def _alocked_slot(store: GuardedStore, key: str, floor: int) -> AsyncIterator[int]:
    async with store.alock(key, "write"):
        yield await store.acall("allocate_nonce", key, floor)


def awrite_slot(store: GuardedStore, key: str, floor: int) -> contextlib.AbstractAsyncContextManager[int]:
    """``write_slot`` for asyncio tasks; a blocking store's calls run off the event loop."""
    if store.capabilities.slots:
        return cast(SlotStore, store.inner).awrite_slot(key, floor)
    return _alocked_slot(store, key, floor)


class SentGate(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A buffered request body that calls ``sent`` (or awaits ``asent``) once its last byte is written,
    unless the request opened a new connection (seen through httpcore's ``trace`` extension)."""

    def __init__(
        self,
        request: httpx.Request,
        sent: Callable[[], object] | None = None,
        asent: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        self.body = request.content
        self.sent = sent
        self.asent = asent
        self.new_connection = False
        # The caller's own trace keeps working; a re-sent request chains it once, not once per attempt.
        traced = request.extensions.get(_CALLERS_TRACE, request.extensions.get("trace"))
        trace: Callable[..., object] = self._atrace if asent is not None else self._trace
        if traced is not None:
            trace = self._achained(traced) if asent is not None else self._chained(traced)
        request.extensions = {**request.extensions, "trace": trace, _CALLERS_TRACE: traced}
        request.stream = self

    def _trace(self, event: str, info: dict[str, object]) -> None:
        if event.startswith("connection.connect_tcp."):
            self.new_connection = True

    async def _atrace(self, event: str, info: dict[str, object]) -> None:
        self._trace(event, info)

    def _chained(self, traced: Callable[[str, dict[str, object]], None]) -> Callable[..., None]:
        def trace(event: str, info: dict[str, object]) -> None:
            self._trace(event, info)
            traced(event, info)

        return trace

    def _achained(self, traced: Callable[[str, dict[str, object]], Awaitable[None]]) -> Callable[..., object]:
        async def trace(event: str, info: dict[str, object]) -> None:
            self._trace(event, info)
            await traced(event, info)

        return trace

    def __iter__(self) -> Iterator[bytes]:
        if self.body:
            yield self.body
        if self.sent is not None and not self.new_connection:
            self.sent()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if self.body:
            yield self.body
        if self.asent is not None and not self.new_connection:
            await self.asent()
