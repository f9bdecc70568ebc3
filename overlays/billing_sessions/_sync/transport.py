# Generated from _async/transport.py by scripts/make_sync: edit that file, not this one.
"""The retry transport's I/O, written once: ``_sync/transport.py`` is generated from this file
(``scripts/make_sync``). The decisions both share are in ``billing_sessions._transport``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

import httpx

from billing_sessions._transport import DEADLINE, SLICE, TransportBase, check_deadline, compressed, log
from billing_sessions.telemetry import emit, in_flight


@contextmanager
def closed_on_error(response: httpx.Response) -> Iterator[None]:
    try:
        yield
    except BaseException:
        response.close()
        raise


class SyncBoundedStream(httpx.SyncByteStream):
    """A body read that stops at the call's deadline: a read timeout bounds each read, not their sum."""

    def __init__(self, stream: Any, deadline: float, clock: Callable[[], float]) -> None:
        self._stream, self._deadline, self._clock = stream, deadline, clock

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            check_deadline(self._deadline, self._clock)
            yield chunk

    def close(self) -> None:
        self._stream.close()


class SyncSlicedStream(httpx.SyncByteStream):
    """A compressed body handed to the decoder in small pieces (see ``SLICE``)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            for start in range(0, len(chunk), SLICE):
                yield chunk[start : start + SLICE]

    def close(self) -> None:
        self._stream.close()


class SyncRetryTransport(TransportBase, httpx.BaseTransport):
    """The I/O half of ``RetryTransport``: every method name differs from its generated twin's, so that one
    ``RetryTransport`` serves sync and async clients alike."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        transport = self._sync_transport(request)
        self._sendable(request)
        attempt = 0
        while True:
            self._bound(request)
            started = time.perf_counter()
            try:
                with self.limit.hold() if self.limit is not None else nullcontext():
                    with in_flight(self.telemetry):
                        response = transport.handle_request(request)
                        # The body too (the auth reads it anyway): a drop mid-body is this attempt's
                        # transport error, typed and retried like any other; with a limit, the slot is held
                        # until then.
                        with closed_on_error(response):
                            self._body(request, response)
                            self._read(request, response)
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
                response.close()
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
            self.policy_for(request).sleep(delay)
            attempt += 1

    def close(self) -> None:
        if self._sync is not None:
            self._sync.close()
        for transport in self._sync_give_back():
            transport.close()

    def _body(self, request: httpx.Request, response: httpx.Response) -> None:
        """Before the body is read: bound a read by the call's deadline (a write's answer is awaited), and
        its size (a compressed body is decoded in slices, so the cap holds while it is inflated)."""
        deadline = request.extensions.get(DEADLINE)
        if deadline is not None and self.idempotent(request):
            response.stream = SyncBoundedStream(response.stream, deadline, self.policy_for(request).clock)
        if self.max_answer_bytes is not None and compressed(response):
            response.stream = SyncSlicedStream(response.stream)

    def _read(self, request: httpx.Request, response: httpx.Response) -> None:
        """``response.read()``, stopped as soon as the decoded body passes ``max_answer_bytes``."""
        limit = self.max_answer_bytes
        if limit is None:
            response.read()
            return
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > limit:
                raise self._too_large(request, response)
        response._content = bytes(body)  # what read() keeps (httpx 0.28): the auth and the parsers see it
