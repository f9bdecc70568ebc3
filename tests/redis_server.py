"""A real ``redis-server`` for the tests: a free loopback port, no persistence, stopped at the end.

``with RedisServer() as server:`` ... ``server.url`` is ``redis://127.0.0.1:PORT/0``. ``RedisCluster``: three
such servers made one Redis Cluster (3 masters, no replicas) with ``redis-cli --cluster create``.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType

INSTALL_HINT = "install it: apt-get install -y redis-server (Debian/Ubuntu) or brew install redis (macOS)"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def ping(port: int, timeout: float = 0.5) -> bool:
    """Does a Redis answer PING on 127.0.0.1:port?"""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(b"PING\r\n")
            return s.recv(64).startswith(b"+PONG")
    except OSError:
        return False


class RedisServer:
    def __init__(
        self, executable: str | None = None, *, start_timeout: float = 10.0, args: tuple[str, ...] = ()
    ) -> None:
        found = executable or shutil.which("redis-server")
        if found is None:
            raise RuntimeError(f"redis-server is not installed: {INSTALL_HINT}")
        self.executable = found
        self.start_timeout = start_timeout
        self.args = args  # more redis-server options (--cluster-enabled yes, ...)
        self.port = 0
        self._process: subprocess.Popen[bytes] | None = None
        self._dir: tempfile.TemporaryDirectory[str] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        self._dir = tempfile.TemporaryDirectory(prefix="redis-test-")
        for _ in range(5):  # another process may take the free port before redis binds it
            self.port = _free_port()
            self._process = subprocess.Popen(
                [
                    self.executable,
                    "--port",
                    str(self.port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--dir",
                    self._dir.name,
                    "--logfile",
                    str(Path(self._dir.name) / "redis.log"),
                    *self.args,
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            deadline = time.monotonic() + self.start_timeout
            while time.monotonic() < deadline and self._process.poll() is None:
                if ping(self.port):
                    return self
                time.sleep(0.02)
            self._kill()
        log = Path(self._dir.name) / "redis.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        self.stop()
        raise RuntimeError(f"redis-server did not answer PING: {tail}")

    def _kill(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)

    def stop(self) -> None:
        self._kill()
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


class RedisCluster:
    """``with RedisCluster() as cluster:`` ... ``cluster.url`` names one node (clients find the others)."""

    def __init__(self, masters: int = 3, *, start_timeout: float = 30.0) -> None:
        cli = shutil.which("redis-cli")
        if cli is None:
            raise RuntimeError(f"redis-cli is not installed: {INSTALL_HINT}")
        self.cli = cli
        self.start_timeout = start_timeout
        self.nodes = [
            RedisServer(args=("--cluster-enabled", "yes", "--cluster-node-timeout", "5000"))
            for _ in range(masters)
        ]

    @property
    def url(self) -> str:
        return self.nodes[0].url

    def start(self) -> RedisCluster:
        try:
            for node in self.nodes:
                node.start()
            addresses = [f"127.0.0.1:{node.port}" for node in self.nodes]
            subprocess.run(
                [self.cli, "--cluster", "create", *addresses, "--cluster-replicas", "0", "--cluster-yes"],
                check=True,
                capture_output=True,
                timeout=self.start_timeout,
            )
            deadline = time.monotonic() + self.start_timeout
            while not all(self._ok(node.port) for node in self.nodes):
                if time.monotonic() > deadline:
                    raise RuntimeError("the Redis Cluster did not reach cluster_state:ok")
                time.sleep(0.05)
        except BaseException:
            self.stop()
            raise
        return self

    def _ok(self, port: int) -> bool:
        done = subprocess.run(
            [self.cli, "-p", str(port), "cluster", "info"], capture_output=True, text=True, check=False
        )
        return "cluster_state:ok" in done.stdout

    def stop(self) -> None:
        for node in self.nodes:
            with contextlib.suppress(Exception):
                node.stop()

    def __enter__(self) -> RedisCluster:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
