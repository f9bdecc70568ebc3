"""The sandbox's controls: the Python API (Sandbox, SandboxState) and the HTTP admin API under /_sandbox."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import httpx
import pytest

from billing_sessions.sandbox import BASE_PATHS, COUNTERS, DEMO, Sandbox, SandboxConfig, SandboxState

PROVIDERS = ("gestix", "szamla_agent", "bill", "billingplatform", "bill_v3")


@pytest.fixture
def admin(sb: Sandbox) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sb.url + "/_sandbox") as c:
        yield c


def helo(sb: Sandbox) -> httpx.Response:
    return httpx.get(
        sb.base_url("gestix") + "/helo", headers={"Authorization": f"Bearer {DEMO.gestix_api_token}"}
    )


# -- Python API --------------------------------------------------------------------------------------------


def test_base_urls(sb: Sandbox) -> None:
    assert sb.url.startswith("http://127.0.0.1:")
    assert sb.base_url("gestix") == sb.url + "/api/03101176/v4.0.0"
    assert sb.base_url("szamla_agent") == sb.url
    assert sb.base_url("bill") == sb.url + "/api/v2"
    assert sb.base_url("billingplatform") == sb.url + "/demo"
    assert sb.base_url("bill_v3") == sb.url + "/connect"
    assert set(BASE_PATHS) == set(PROVIDERS)
    with pytest.raises(ValueError, match="unknown provider"):
        sb.base_url("stripe")


def test_counters_have_every_key_and_are_snapshots(sb: Sandbox) -> None:
    for provider in PROVIDERS:
        snapshot = sb.state.counters(provider)
        assert snapshot == dict.fromkeys(COUNTERS, 0)
        snapshot["logins"] = 99
        assert sb.state.counters(provider)["logins"] == 0
    assert set(COUNTERS) == {
        "logins",
        "login_failures",
        "sessions_created",
        "nonce_rejections",
        "pii_refusals",
        "logouts",
        "requests",
        "writes_applied",
        "in_flight",
        "max_in_flight",
        "faults_injected",
        "expired_rejections",
        "duplicate_references",
        "mfa_texts",
        "limit_rejections",
        "foreign_credentials",
    }
    with pytest.raises(ValueError, match="unknown provider"):
        sb.state.counters("nope")


def test_requests_and_in_flight_are_counted_per_provider(sb: Sandbox) -> None:
    for _ in range(3):
        helo(sb)
    c = sb.state.counters("gestix")
    assert (c["requests"], c["in_flight"], c["max_in_flight"]) == (3, 0, 1)
    assert sb.state.counters("bill")["requests"] == 0


def test_input_validation() -> None:
    state = SandboxState()
    with pytest.raises(ValueError, match="fault kind"):
        state.inject("bill", "418")
    with pytest.raises(ValueError, match="unknown provider"):
        state.inject("paypal", "500")
    with pytest.raises(ValueError, match="negative"):
        state.inject("bill", "500", count=-1)
    with pytest.raises(ValueError, match="forward"):
        state.advance(-1)
    with pytest.raises(ValueError, match="unknown provider"):
        state.expire_all("paypal")
    with pytest.raises(ValueError, match="unknown provider"):
        state.set_down("paypal", True)


def test_the_clock_offset(sb: Sandbox) -> None:
    before = sb.state.now()
    wall = sb.state.wall()
    sb.state.advance(3600)
    assert sb.state.offset == 3600
    assert sb.state.now() - before >= 3600
    assert sb.state.wall() - wall >= 3600


def test_configure_changes_until_reset(sb: Sandbox) -> None:
    changed = sb.state.configure(bill_idle=5.0, bp_session_ttl=None)
    assert (changed.bill_idle, changed.bp_session_ttl) == (5.0, None)
    assert sb.state.config.bill_idle == 5.0
    sb.state.reset()
    assert sb.state.config == SandboxConfig()


def test_reset_forgets_everything(sb: Sandbox) -> None:
    token = helo(sb).json()["xa-token"]
    sb.state.advance(10)
    sb.state.set_down("szamla_agent", True)
    sb.state.inject("gestix", "500")
    sb.state.reset()
    assert sb.state.offset == 0
    assert not sb.state.is_down("szamla_agent")
    assert sb.state.pending_faults("gestix") == 0
    assert sb.state.counters("gestix") == dict.fromkeys(COUNTERS, 0)
    assert sb.state.last_nonce() is None
    status = httpx.get(sb.base_url("gestix") + "/status", headers={"Authorization": f"Bearer {token}"})
    assert status.status_code == 403


def test_a_sandbox_of_its_own_with_a_config() -> None:
    config = SandboxConfig(gestix_token_ttl=1.0, login_delay=0.0)
    with Sandbox(config=config) as own:
        assert own.running
        token = helo(own).json()["xa-token"]
        own.state.advance(1.0)
        status = httpx.get(own.base_url("gestix") + "/status", headers={"Authorization": f"Bearer {token}"})
        assert status.status_code == 403
        own.state.reset()
        assert own.state.config.gestix_token_ttl == 1.0  # reset restores the construction-time config
        url = own.url
    assert not own.running
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/_sandbox/counters")
    with pytest.raises(RuntimeError, match="not running"):
        _ = own.url


def test_start_and_stop_are_idempotent() -> None:
    sandbox = Sandbox()
    assert sandbox.start() is sandbox.start()
    sandbox.stop()
    sandbox.stop()


def test_the_state_is_thread_safe() -> None:
    state = SandboxState()
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        for _ in range(2000):
            state.enter("bill")
            state.count("bill", "logins")
            state.leave("bill")

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    c = state.counters("bill")
    assert (c["requests"], c["logins"], c["in_flight"]) == (16000, 16000, 0)
    assert 1 <= c["max_in_flight"] <= 8


def test_nonces_are_accepted_atomically() -> None:
    state = SandboxState()
    accepted: list[int] = []
    lock = threading.Lock()

    def work(offset: int) -> None:
        for n in range(offset, 4000, 4):
            if state.accept_nonce("03101176", n):
                with lock:
                    accepted.append(n)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert accepted == sorted(accepted)  # every accepted nonce was greater than all before it
    assert state.last_nonce() == max(accepted)
    assert state.last_nonce("another") is None


# -- HTTP admin API ----------------------------------------------------------------------------------------


def test_get_counters(sb: Sandbox, admin: httpx.Client) -> None:
    helo(sb)
    for path in ("/", "/counters"):
        body = admin.get(path).json()
        assert set(body) == set(PROVIDERS)
        assert all(set(c) == set(COUNTERS) for c in body.values())
        assert body["gestix"]["logins"] == 1


def test_get_status(sb: Sandbox, admin: httpx.Client) -> None:
    helo(sb)
    sb.state.set_down("szamla_agent", True)
    body = admin.get("/status").json()
    assert body["down"] == ["szamla_agent"]
    assert body["live_sessions"]["gestix"] == 1
    assert body["clock_offset"] == 0
    assert body["config"]["bill_idle"] == 2100.0
    assert body["pending_faults"] == dict.fromkeys(PROVIDERS, 0)


def test_post_expire(sb: Sandbox, admin: httpx.Client) -> None:
    token = helo(sb).json()["xa-token"]
    assert admin.post("/expire", json={"provider": "bill"}).json() == {"ok": True}
    headers = {"Authorization": f"Bearer {token}"}
    assert httpx.get(sb.base_url("gestix") + "/status", headers=headers).status_code == 200
    assert admin.post("/expire").status_code == 200  # no body: every provider
    assert httpx.get(sb.base_url("gestix") + "/status", headers=headers).status_code == 403
    assert admin.post("/expire", json={"provider": "nope"}).status_code == 400


def test_post_clock(sb: Sandbox, admin: httpx.Client) -> None:
    token = helo(sb).json()["xa-token"]
    assert admin.post("/clock", json={"advance": 899}).json() == {"ok": True, "offset": 899}
    headers = {"Authorization": f"Bearer {token}"}
    assert httpx.get(sb.base_url("gestix") + "/status", headers=headers).status_code == 200
    assert admin.post("/clock", json={"advance": 1.5}).json()["offset"] == 900.5
    assert httpx.get(sb.base_url("gestix") + "/status", headers=headers).status_code == 403
    for bad in ({}, {"advance": "soon"}, {"advance": -1}, {"advance": True}):
        response = admin.post("/clock", json=bad)
        assert response.status_code == 400
        assert response.json()["error"]
    assert admin.post("/clock", content=b"[1]").status_code == 400
    assert admin.post("/clock", content=b"not json").status_code == 400


def test_post_faults(sb: Sandbox, admin: httpx.Client) -> None:
    fault = {"provider": "gestix", "kind": "503", "count": 2, "after": False, "delay": 0, "retry_after": 7}
    assert admin.post("/faults", json=fault).json() == {"ok": True, "pending": 2}
    first = helo(sb)
    assert (first.status_code, first.headers["retry-after"]) == (503, "7")
    assert helo(sb).status_code == 503
    assert helo(sb).status_code == 200
    assert (
        admin.post("/faults", json={"provider": "gestix", "kind": "drop", "after": True}).status_code == 200
    )
    with pytest.raises(httpx.TransportError):
        helo(sb)
    assert sb.state.counters("gestix")["logins"] == 2
    for bad in ({"provider": "gestix", "kind": "418"}, {"provider": "x", "kind": "500"}, {"kind": "500"}):
        assert admin.post("/faults", json=bad).status_code == 400
    assert admin.post("/faults", json={"provider": "gestix", "kind": "500", "count": "2"}).status_code == 400


def test_post_down(sb: Sandbox, admin: httpx.Client) -> None:
    assert admin.post("/down", json={"provider": "szamla_agent", "down": True}).status_code == 200
    assert sb.state.is_down("szamla_agent")
    files = {"action-xmlagentxmlfile": ("r.xml", b"<xmlszamla/>", "text/xml")}
    answer = httpx.post(sb.url + "/szamla/", files=files)
    assert answer.headers["szlahu_down"] == "true"
    assert answer.headers["szlahu_error_code"] == "1"
    assert admin.post("/down", json={"provider": "szamla_agent", "down": False}).status_code == 200
    assert "szlahu_down" not in httpx.post(sb.url + "/szamla/", files=files).headers


def test_post_reset(sb: Sandbox, admin: httpx.Client) -> None:
    helo(sb)
    sb.state.advance(5)
    assert admin.post("/reset").json() == {"ok": True}
    assert sb.state.counters("gestix")["requests"] == 0
    assert sb.state.offset == 0


def test_post_config(sb: Sandbox, admin: httpx.Client) -> None:
    body = admin.post("/config", json={"gestix_token_ttl": 1, "bill_max_concurrent": 3}).json()
    assert (body["gestix_token_ttl"], body["bill_max_concurrent"]) == (1, 3)
    assert sb.state.config.gestix_token_ttl == 1
    assert admin.post("/config", json={"nope": 1}).status_code == 400


def test_post_config_for_a_server_stricter_than_the_docs(sb: Sandbox, admin: httpx.Client) -> None:
    body = admin.post("/config", json={"gestix_nonce_scope": "account", "gestix_login_ends_others": True})
    assert (body.json()["gestix_nonce_scope"], body.json()["gestix_login_ends_others"]) == ("account", True)
    refused = admin.post("/config", json={"gestix_nonce_scope": "token"})
    assert refused.status_code == 400
    assert "session, account" in refused.json()["error"]
    assert sb.state.config.gestix_nonce_scope == "account"


def test_post_latency_with_jitter_and_fifo(sb: Sandbox, admin: httpx.Client) -> None:
    body = admin.post("/latency", json={"latency": 0.05, "jitter": 0.01}).json()
    assert body == {"ok": True, "latency": 0.05, "jitter": 0.01, "fifo": False}  # requests may overtake
    assert admin.post("/latency", json={"latency": 0.05, "fifo": True}).json()["fifo"] is True
    assert sb.state.config.latency_fifo is True
    assert admin.post("/latency", json={"latency": 0.05, "fifo": "yes"}).status_code == 400


def test_admin_paths_are_not_provider_paths(sb: Sandbox, admin: httpx.Client) -> None:
    assert admin.get("/nothing").status_code == 404
    assert admin.get("/reset").status_code == 405
    assert all(sb.state.counters(p)["requests"] == 0 for p in PROVIDERS)
