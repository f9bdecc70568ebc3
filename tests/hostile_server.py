"""A loopback HTTP server that answers with whatever raw bytes a test chooses: broken statuses, headers,
encodings and bodies no well-behaved server framework would send.

Each connection carries one request: the server reads it, answers (bytes, or a function that writes to the
socket itself: a trickle, silence) and closes. ``requests`` counts requests, ``sent`` the bytes of answers
written by ``trickle``, ``cut_off`` the trickles the client hung up on before the end; ``received`` keeps
each request as it came (head and body).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Answer = bytes | Callable[[socket.socket], None]


def raw(status: int, headers: list[tuple[str, str | bytes]], body: bytes, *, length: bool = True) -> bytes:
    """An HTTP/1.1 answer; ``length`` adds a correct Content-Length."""
    lines = [f"HTTP/1.1 {status} X".encode()]
    for name, value in headers:
        lines.append(name.encode() + b": " + (value if isinstance(value, bytes) else value.encode()))
    if length:
        lines.append(f"Content-Length: {len(body)}".encode())
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def json_answer(status: int, body: bytes, *extra: tuple[str, str | bytes]) -> bytes:
    return raw(status, [("Content-Type", "application/json"), *extra], body)


class HostileServer:
    def __init__(self) -> None:
        self.answer: Answer = json_answer(200, b"{}")
        self.script: list[Answer] = []  # answered first, in order, before ``answer``
        self.requests = 0
        self.sent = 0
        self.cut_off = 0
        self.received: list[bytes] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._listener.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5.0)
            try:
                request = _read_request(conn)
            except OSError:
                return
            with self._lock:
                self.received.append(request)
                self.requests += 1
                answer = self.script.pop(0) if self.script else self.answer
            try:
                if isinstance(answer, bytes):
                    conn.sendall(answer)
                else:
                    answer(conn)
            except OSError:
                pass

    def trickle(self, head: bytes, body_length: int, interval: float) -> Callable[[socket.socket], None]:
        """Headers at once, then the body one byte every ``interval`` seconds."""

        def send(conn: socket.socket) -> None:
            conn.sendall(head + f"Content-Length: {body_length}\r\n\r\n".encode())
            for _ in range(body_length):
                time.sleep(interval)
                try:
                    conn.sendall(b"x")
                except OSError:
                    with self._lock:
                        self.cut_off += 1
                    return
                with self._lock:
                    self.sent += 1

        return send


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the request was complete")
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lowered = head.lower()
    if b"transfer-encoding: chunked" in lowered:
        while not body.endswith(b"0\r\n\r\n"):
            chunk = conn.recv(65536)
            if not chunk:
                break
            body += chunk
        return head + b"\r\n\r\n" + body
    length = 0
    for line in lowered.split(b"\r\n"):
        if line.startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


@contextmanager
def hostile() -> Iterator[HostileServer]:
    with HostileServer() as server:
        yield server
