"""The retry transport's I/O, written once: ``_sync/transport.py`` is generated from this file
(``scripts/make_sync``). The decisions both share are in ``billing_sessions._transport``."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, nullcontext
from typing import Any

import httpx

from billing_sessions._transport import DEADLINE, SLICE, TransportBase, check_deadline, compressed, log
from billing_sessions.telemetry import emit, in_flight


@asynccontextmanager
async def closed_on_error(response: httpx.Response) -> AsyncIterator[None]:
    try:
        yield
    except BaseException:
        await response.aclose()
        raise


class AsyncBoundedStream(httpx.AsyncByteStream):
    """A body read that stops at the call's deadline: a read timeout bounds each read, not their sum."""

    def __init__(self, stream: Any, deadline: float, clock: Callable[[], float]) -> None:
        self._stream, self._deadline, self._clock = stream, deadline, clock

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            check_deadline(self._deadline, self._clock)
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()


class AsyncSlicedStream(httpx.AsyncByteStream):
    """A compressed body handed to the decoder in small pieces (see ``SLICE``)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            for start in range(0, len(chunk), SLICE):
                yield chunk[start : start + SLICE]

    async def aclose(self) -> None:
        await self._stream.aclose()


class AsyncRetryTransport(TransportBase, httpx.AsyncBaseTransport):
    """The I/O half of ``RetryTransport``: every method name differs from its generated twin's, so that one
    ``RetryTransport`` serves sync and async clients alike."""

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        transport = self._async_transport(request)
        self._sendable(request)
        attempt = 0
        while True:
            self._bound(request)
            started = time.perf_counter()
            try:
                async with self.limit.ahold() if self.limit is not None else nullcontext():
                    with in_flight(self.telemetry):
                        response = await transport.handle_async_request(request)
                        # The body too (the auth reads it anyway): a drop mid-body is this attempt's
                        # transport error, typed and retried like any other; with a limit, the slot is held
                        # until then.
                        async with closed_on_error(response):
                            self._abody(request, response)
                            await self._aread(request, response)
            except httpx.DecodingError as exc:  # a broken Content-Encoding: an answer, but unreadable
                self._log(request, "DecodingError", attempt, started)
                delay = self._retry_response(request, response, attempt, unreadable=True)
                if delay is None:
                    self._answer(request, response)
                    raise self.unreadable(response) from exc
                reason = "DecodingError"
            except httpx.TransportError as exc:
                self._log(request, type(exc).__name__, attempt, started)
                delay = self._retry_error(request, exc, attempt)
                if delay is None:
                    raise self._error(request, exc, attempt) from exc
                reason = type(exc).__name__
            else:
                self._log(request, response.status_code, attempt, started)
                delay = self._retry_response(request, response, attempt)
                if delay is None:
                    self._answer(request, response)
                    return response
                await response.aclose()
                reason = str(response.status_code)
            emit(self.telemetry, "retry", request, reason=reason, duration=delay)
            log.info(
                "%s: retrying %s %s in %.2f s (attempt %d)",
                self.provider,
                request.method,
                request.url.path,
                delay,
                attempt + 2,
            )
            await self.policy_for(request).async_sleep(delay)
            attempt += 1

    async def aclose(self) -> None:
        if self._async is not None:
            await self._async.aclose()
        for transport in self._async_give_back():
            await transport.aclose()

    def _abody(self, request: httpx.Request, response: httpx.Response) -> None:
        """Before the body is read: bound a read by the call's deadline (a write's answer is awaited), and
        its size (a compressed body is decoded in slices, so the cap holds while it is inflated)."""
        deadline = request.extensions.get(DEADLINE)
        if deadline is not None and self.idempotent(request):
            response.stream = AsyncBoundedStream(response.stream, deadline, self.policy_for(request).clock)
        if self.max_answer_bytes is not None and compressed(response):
            response.stream = AsyncSlicedStream(response.stream)

    async def _aread(self, request: httpx.Request, response: httpx.Response) -> None:
        """``response.read()``, stopped as soon as the decoded body passes ``max_answer_bytes``."""
        limit = self.max_answer_bytes
        if limit is None:
            await response.aread()
            return
        body = bytearray()
        async for chunk in response.aiter_bytes():
            body += chunk
            if len(body) > limit:
                raise self._too_large(request, response)
        response._content = bytes(body)  # what read() keeps (httpx 0.28): the auth and the parsers see it
