"""Security (issue 26), stores, identifiers, logs and the sandbox: no label, file name or Redis key verifies a
password; a store never trusts or overwrites a file that is not its own; secrets stay out of reprs and the
HTTP/2 header codec's logs; the sandbox's admin API refuses what a web page could send it."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from billing_sessions import StoreError, TransportError, bill_v3, gestix
from billing_sessions.core import Token
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import FileStore, MemoryStore, RedisStore
from tests.hostile_server import HostileServer
from tests.test_sandbox_cli import _start

PASSWORD = "correct-horse-battery"
WORDS = ["letmein", "hunter2", PASSWORD, "password1"]
BASE = "https://gestix.example/api/1/v4.0.0"


def _session(store: Any, password: str = PASSWORD, **options: Any) -> gestix.Session:
    return gestix.Session(BASE, username="john", password=password, store=store, **options)


def _unkeyed(password: str) -> str:
    """What the key was before: 32 hex digits of an unsalted sha256 of the credentials."""
    return hashlib.sha256("\x00".join(("gestix", BASE, "", "john", password)).encode()).hexdigest()


# -- keyed identifiers


def test_no_key_file_name_or_label_verifies_a_password(tmp_path: Path) -> None:
    events: list[Any] = []
    store = FileStore(tmp_path / "s.json")
    session = _session(store, on_event=events.append)
    digest = session.auth.key.partition(":")[2]
    assert all(_unkeyed(word)[:32] != digest for word in WORDS)  # a word list no longer finds it
    assert session.telemetry is not None
    assert all(_unkeyed(word)[:8] != session.telemetry.account for word in WORDS)
    with store.lock(session.auth.key, "login"):
        pass
    names = " ".join(p.name for p in tmp_path.iterdir())
    assert not any(_unkeyed(word)[:16] in names for word in WORDS)
    secret = tmp_path / "s.json.key"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    session.close()
    other = FileStore(tmp_path / "elsewhere" / "s.json")  # another store: another secret, other keys
    assert _session(other).auth.key != session.auth.key


def test_a_new_process_finds_the_same_key_and_the_session(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    session = _session(FileStore(path))
    session.store.save(session.auth.key, {"value": "v", "created": 1.0, "last_used": 1.0})
    code = (
        "import sys; from billing_sessions import gestix; from billing_sessions.stores import FileStore\n"
        f"s = gestix.Session({BASE!r}, username='john', password={PASSWORD!r},\n"
        "    store=FileStore(sys.argv[1]))\n"
        "print(s.auth.key, s.store.load(s.auth.key)['value'])"
    )
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [session.auth.key, "v"]


def test_processes_starting_together_make_one_secret(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "s.json"
    code = (
        "import sys; from billing_sessions import gestix; from billing_sessions.stores import FileStore\n"
        f"print(gestix.Session({BASE!r}, api_token='t', store=FileStore(sys.argv[1])).auth.key)"
    )
    started = [
        subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
        for _ in range(6)
    ]
    keys = {process.communicate(timeout=60)[0].strip() for process in started}
    assert all(process.returncode == 0 for process in started)
    assert len(keys) == 1
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_memory_stores_share_this_process_secret() -> None:
    assert _session(MemoryStore()).auth.key == _session(MemoryStore()).auth.key


def test_redis_keys_are_keyed_with_a_secret_set_once(redis_url: str, redis_prefix: str) -> None:
    first = RedisStore(redis_url, prefix=redis_prefix)
    second = RedisStore(redis_url, prefix=redis_prefix)
    key = _session(first).auth.key
    assert _session(second).auth.key == key
    assert key.partition(":")[2] not in {_unkeyed(word)[:32] for word in WORDS}
    first.save(key, {"value": "v"})
    import redis

    found = redis.Redis.from_url(redis_url).keys(f"{redis_prefix}:*")
    names = [n.decode() if isinstance(n, bytes) else str(n) for n in found]
    assert f"{redis_prefix}:key-secret" in names
    assert not any(_unkeyed(word)[:32] in name for name in names for word in WORDS)
    other = RedisStore(redis_url, prefix=redis_prefix + "-other")
    assert _session(other).auth.key != key


def test_a_custom_store_without_key_secret_keeps_one_as_a_record() -> None:
    class Plain:  # the SessionStore protocol and nothing more
        blocking = False

        def __init__(self) -> None:
            self.inner = MemoryStore()
            self.load, self.save, self.delete = self.inner.load, self.inner.save, self.inner.delete
            self.allocate_nonce, self.lock, self.alock = (
                self.inner.allocate_nonce,
                self.inner.lock,
                self.inner.alock,
            )

    store = Plain()
    key = _session(store).auth.key
    assert _session(store).auth.key == key
    assert key != _session(Plain()).auth.key  # each store its own secret


# -- FileStore: whose file, which file, which directories


def test_a_store_file_of_another_user_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"gestix:planted": {"value": "v"}}))
    os.chmod(path, 0o600)
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)
    else:  # not root: a store file of root's (a regular file, as a planted store would be)
        path = Path("/etc/passwd")
    with pytest.raises(StoreError, match="another user"):
        FileStore(path)


@pytest.mark.parametrize(
    "content", [b"my notes\n", b"\x7fELF\x02\x01", b'{"editor": "vim"}', b"[1, 2, 3]", b"# config\nkey = 1\n"]
)
def test_an_unrelated_file_is_never_chmodded_nor_overwritten(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    os.chmod(path, 0o644)
    with pytest.raises(StoreError, match="not a session store"):
        FileStore(path)
    assert path.read_bytes() == content
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize("umask", [0o000, 0o022, 0o277])
def test_directories_the_store_creates_are_0700_whatever_the_umask(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        store = FileStore(tmp_path / "a" / "b" / "s.json")
        store.save("k", {"value": "v"})
        with store.lock("k", "login"):
            pass
    finally:
        os.umask(old)
    for directory in (tmp_path / "a", tmp_path / "a" / "b"):
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert store.load("k") == {"value": "v"}


def test_a_damaged_key_file_is_replaced(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "s.json.key").write_text("not hex\n")
    with caplog.at_level(logging.WARNING, "billing_sessions.stores"):
        key = _session(FileStore(tmp_path / "s.json")).auth.key
    assert any("damaged" in r.getMessage() for r in caplog.records)
    assert _session(FileStore(tmp_path / "s.json")).auth.key == key
    assert len(bytes.fromhex((tmp_path / "s.json.key").read_text())) == 32


# -- redaction


def test_a_redis_url_password_in_the_query_is_redacted() -> None:
    url = "redis://127.0.0.1:1/0?password=hunter2-query&socket_timeout=0.5"
    store = RedisStore(url)
    assert "hunter2" not in repr(store)
    with pytest.raises(StoreError) as caught:
        store.load("gestix:x")
    assert "hunter2" not in str(caught.value)
    assert "hunter2" not in repr(RedisStore("redis://:hunter2-netloc@127.0.0.1:1/0"))


def test_the_http2_header_codec_logs_no_secret(caplog: pytest.LogCaptureFixture) -> None:
    dev_key, session_id = "dev-key-" + PASSWORD, "session-" + PASSWORD
    with HostileServer() as server, caplog.at_level(logging.DEBUG):
        args = {"http2": True, "http1": False}  # HTTP/2 with prior knowledge: the headers go through hpack
        credentials: dict[str, Any] = {
            "username": "u",
            "password": "p",
            "organization_id": "o",
            "dev_key": dev_key,
        }
        options: dict[str, Any] = {"httpx_args": args, "max_retries": 0, "logout_on_close": False}
        with bill_v3.Session(server.url, **options, **credentials) as s:
            now = time.time()
            s.store.save(s.auth.key, Token(session_id, now, now).to_record())
            with pytest.raises(TransportError):  # the server speaks HTTP/1.1 only
                s.session_info()
    codec = [r for r in caplog.records if r.name.startswith(("hpack", "h2"))]
    assert any("to the header table" in r.getMessage() for r in codec)  # hpack did log the headers
    for record in codec:
        message = record.getMessage()
        assert dev_key not in message
        assert session_id not in message
        assert "Encoded header block to b" not in message  # Huffman-coded values, readable by anyone


# -- the sandbox


def _admin(sb: Sandbox, path: str, **kwargs: Any) -> httpx.Response:
    return httpx.post(sb.url + "/_sandbox" + path, **kwargs)


def test_the_admin_api_refuses_cross_site_requests(sb: Sandbox) -> None:
    simple = {"content": b'{"advance": 3600}', "headers": {"Content-Type": "text/plain"}}  # a cross-site form
    assert _admin(sb, "/clock", **simple).status_code == 415
    cross = {"Origin": "https://evil.example"}
    assert _admin(sb, "/clock", json={"advance": 3600}, headers=cross).status_code == 403
    rebound = {"Host": "evil.example"}  # DNS rebinding: a hostile name pointing at loopback
    assert _admin(sb, "/clock", json={"advance": 3600}, headers=rebound).status_code == 403
    assert httpx.get(sb.url + "/_sandbox/mfa", headers=rebound).status_code == 403
    assert sb.state.offset == 0  # none of them did anything
    own = {"Origin": sb.url}
    assert _admin(sb, "/clock", json={"advance": 60}, headers=own).json() == {"ok": True, "offset": 60}
    assert _admin(sb, "/reset").status_code == 200  # no body: nothing a content type could mean


def test_an_admin_token_admits_requests_from_elsewhere() -> None:
    with Sandbox(admin_token="t0ken") as sb:
        elsewhere = {"Host": "sandbox.internal", "Origin": "https://ci.internal"}
        assert _admin(sb, "/expire", headers=elsewhere).status_code == 403
        allowed = {**elsewhere, "Authorization": "Bearer t0ken"}
        assert _admin(sb, "/expire", headers=allowed).status_code == 200
        assert _admin(sb, "/expire", headers={**elsewhere, "X-Sandbox-Token": "t0ken"}).status_code == 200
        assert _admin(sb, "/expire", headers={**elsewhere, "X-Sandbox-Token": "wrong"}).status_code == 403


def test_the_sandbox_command_warns_when_bound_beyond_loopback() -> None:
    process = _start("--host", "0.0.0.0", "--port", "0")  # noqa: S104 - the point of the test
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if "BILLINGPLATFORM_PASSWORD" in line:  # the banner's last line
                break
        text = "".join(lines)
        assert "WARNING" in text and "beyond loopback" in text
        token = re.search(r"Admin API token \(Authorization: Bearer \.\.\.\): (\S+)", text)
        assert token, text
        port = re.search(r"listening on http://0\.0\.0\.0:(\d+)", text)
        assert port, text
        url = f"http://127.0.0.1:{port.group(1)}/_sandbox/counters"
        assert httpx.get(url, headers={"Host": "10.0.0.5"}).status_code == 403
        headers = {"Host": "10.0.0.5", "Authorization": f"Bearer {token.group(1)}"}
        assert httpx.get(url, headers=headers).status_code == 200
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert DEMO.gestix_api_token in text  # the banner is unchanged otherwise


def test_the_sandbox_command_on_loopback_says_nothing_more() -> None:
    process = _start("--host", "127.0.0.1", "--port", "0")
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if "BILLINGPLATFORM_PASSWORD" in line:  # the banner's last line
                break
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert "WARNING" not in "".join(lines)
