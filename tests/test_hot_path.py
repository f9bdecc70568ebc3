"""The per-request path stays cheap (see docs/benchmarks.md): checked by what it does, never by time.

A MemoryStore session reads and writes its store only to log in (and allocates one nonce per write); the
nonce is set on the URL exactly as ``copy_set_param`` would; a session makes only the transport it uses.
"""

from __future__ import annotations

import httpx
import pytest

from billing_sessions import gestix, pools
from billing_sessions.core import account_key, set_query_param
from billing_sessions.store_base import PROCESS_SECRET
from billing_sessions.stores import MemoryStore, Record

BASE = "http://gestix.invalid/api/03101176/v4.0.0"


class CountingStore(MemoryStore):
    def __init__(self) -> None:
        super().__init__()
        self.calls: dict[str, int] = {"load": 0, "save": 0, "allocate_nonce": 0}

    def load(self, key: str) -> Record | None:
        self.calls["load"] += 1
        return super().load(key)

    def save(self, key: str, record: Record) -> None:
        self.calls["save"] += 1
        super().save(key, record)

    def allocate_nonce(self, key: str, floor: int) -> int:
        self.calls["allocate_nonce"] += 1
        return super().allocate_nonce(key, floor)


def _answer(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/helo"):
        return httpx.Response(200, json={"xa-token": "tok"})
    if request.method == "POST":
        return httpx.Response(201, json={"id": 1})
    return httpx.Response(200, json={"status": "ok"})


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/api/1/v4.0.0/invoices",
        "https://gestix.pt/api/1/v4.0.0/invoices/12?",
        "http://h/p?a=1&b=x%20y",
        "http://h/p?nonce=5&nonce=6",
        "http://[::1]:8080/a%2Fb/c d",
        "http://user:pw@h/p#frag",
    ],
)
def test_set_query_param_is_copy_set_param(url: str) -> None:
    for value in (0, 1, 1731234567890, 2**63 - 1):
        fast, slow = (
            set_query_param(httpx.URL(url), "nonce", value),
            httpx.URL(url).copy_set_param("nonce", str(value)),
        )
        assert fast == slow
        assert (fast.raw_path, fast.query, str(fast)) == (slow.raw_path, slow.query, str(slow))


def test_a_memory_store_is_touched_only_to_log_in_and_for_nonces() -> None:
    store = CountingStore()
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _answer(request)

    with gestix.Session(
        BASE, api_token="t", store=store, httpx_args={"transport": httpx.MockTransport(answer)}
    ) as s:
        http = s.client.get_httpx_client()
        for _ in range(20):
            assert http.get("/status").status_code == 200
            assert http.post("/invoices", json={}).status_code == 201
    assert store.calls == {"load": 1, "save": 1, "allocate_nonce": 20}
    nonces = [int(r.url.params["nonce"]) for r in seen if r.method == "POST"]
    assert nonces == sorted(set(nonces))
    assert all(r.headers["authorization"] == "Bearer tok" for r in seen if not r.url.path.endswith("/helo"))


def test_a_session_makes_only_the_transport_it_uses() -> None:
    with gestix.Session(BASE, api_token="t") as s:
        request = httpx.Request("GET", BASE + "/status")
        assert s.transport._leases == {}  # nothing leased (no TLS context built) before the first request
        shared = s.transport._sync_transport(request)
        assert isinstance(shared, httpx.HTTPTransport)
        assert all(where[0] is None for where in s.transport._leases)  # no async pool for a sync session
        token = next(f"u{i}" for i in range(100) if _shard(f"u{i}") == pools.shard(s.auth.key))
        with gestix.Session(BASE, api_token=token) as other:  # another account, on the same shard
            assert other.transport._sync_transport(request) is shared  # one pool per host for every account


def _shard(token: str) -> int:
    return pools.shard(account_key("gestix", BASE, (token, "", ""), PROCESS_SECRET))  # a MemoryStore's
