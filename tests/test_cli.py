"""``billing-sessions status|login|logout|forget <provider>`` against the sandbox: credentials from the
environment, sessions kept in the store between runs, exit codes, ``--json``, and never a secret printed."""

from __future__ import annotations

import json
import os
import re
import socket
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from billing_sessions import szamla_agent
from billing_sessions.cli import app
from billing_sessions.cli.accounts import STORE_ENV, ProviderName, variables
from billing_sessions.cli.actions import Secrets
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import FileStore
from tests.test_session_szamla_agent import ACTION, INVOICE

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "billing-sessions"
DEMO_SECRETS = DEMO.secrets()
WRONG = "wrong-secret-4711"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No variable of the developer's shell leaks in; the default store is never the real user cache."""
    for name in list(os.environ):
        if name.startswith("BILLING_SESSIONS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "sessions.json"


def account(
    sb: Sandbox, provider: str, override: dict[str, str] | None = None, *, oauth: bool = False
) -> dict[str, str]:
    """The environment pointing one provider at the sandbox with the demo credentials."""
    values = {
        "gestix": {"BASE_URL": sb.base_url("gestix"), "API_TOKEN": DEMO.gestix_api_token},
        "szamla_agent": {"BASE_URL": sb.base_url("szamla_agent"), "AGENT_KEY": DEMO.szamla_agent_key},
        "bill": {
            "BASE_URL": sb.base_url("bill"),
            "USER_NAME": DEMO.bill_user_name,
            "PASSWORD": DEMO.bill_password,
            "ORG_ID": DEMO.bill_org_id,
            "DEV_KEY": DEMO.bill_dev_key,
        },
        "billingplatform": {"BASE_URL": sb.base_url("billingplatform")}
        | (
            {"CLIENT_ID": DEMO.bp_client_id, "CLIENT_SECRET": DEMO.bp_client_secret}
            if oauth
            else {"USERNAME": DEMO.bp_username, "PASSWORD": DEMO.bp_password}
        ),
    }[provider]
    return {f"BILLING_SESSIONS_{provider.upper()}_{k}": v for k, v in {**values, **(override or {})}.items()}


def stored_values(store: Path) -> set[str]:
    """Every session value in the store file: none of them may ever be printed."""
    if not store.exists():
        return set()
    return {r["value"] for r in json.loads(store.read_text()).values() if isinstance(r.get("value"), str)}


def assert_no_secret(text: str, store: Path | None = None, extra: set[str] | None = None) -> None:
    for secret in DEMO_SECRETS | (extra or set()) | (stored_values(store) if store else set()):
        assert secret not in text


def cli(*args: str, env: dict[str, str], store: Path | None = None, code: int = 0, **kwargs: Any) -> Result:
    argv = [*args, "--store", str(store)] if store is not None else list(args)
    result = CliRunner().invoke(app, argv, env=env, **kwargs)
    assert result.exit_code == code, (result.output, result.exception)
    assert "Traceback" not in result.output
    assert_no_secret(result.output, store, {WRONG})
    return result


def cli_json(*args: str, env: dict[str, str], store: Path | None = None, code: int = 0) -> dict[str, Any]:
    result = cli(*args, "--json", env=env, store=store, code=code)
    data: dict[str, Any] = json.loads(result.stdout)
    assert data["ok"] is (code == 0)
    return data


# -- help and usage


def test_help_lists_every_command_and_the_exit_codes() -> None:
    raw = cli("--help", env={}).output
    for command in ("demo", "sandbox", "status", "login", "logout", "forget"):
        assert re.search(rf"│ {command}\b", raw), command
    text = " ".join(raw.split())  # rich wraps to the terminal width
    assert "Exit codes" in text and "3 login rejected" in text
    assert "BILLING_SESSIONS_<PROVIDER>_<NAME>" in text and STORE_ENV in text


def test_a_bad_provider_name_is_a_usage_error() -> None:
    result = cli("status", "nope", env={}, code=2)
    assert "nope" in result.output and "gestix" in result.output


# -- status and login, every provider


def test_status_gestix_prints_the_typed_status(sb: Sandbox, store: Path) -> None:
    env = account(sb, "gestix")
    text = cli("status", "gestix", env=env, store=store).stdout
    assert "v4.0.0" in text and "ready" in text and "logged in" in text
    data = cli_json("status", "gestix", env=env, store=store)
    assert data["status"]["versions"]["called_api_version"] == "v4.0.0"
    assert data["status"]["status"].startswith("ready")
    assert data["session"]["source"] == "reused" and data["session"]["fingerprint"].startswith("sha256:")
    assert sb.state.counters("gestix")["logins"] == 1


@pytest.mark.parametrize(
    ("provider", "oauth", "options"),
    [
        ("gestix", False, {}),
        (
            "gestix",
            False,
            {"API_TOKEN": "", "USERNAME": DEMO.gestix_username, "PASSWORD": DEMO.gestix_password},
        ),
        ("bill", False, {}),
        ("billingplatform", False, {}),
        ("billingplatform", True, {}),
    ],
)
def test_login_then_status_logs_in_once_and_forget_makes_it_log_in_again(
    sb: Sandbox, store: Path, provider: str, oauth: bool, options: dict[str, str]
) -> None:
    env = {k: v for k, v in account(sb, provider, options, oauth=oauth).items() if v}
    assert cli_json("login", provider, env=env, store=store)["session"]["source"] == "login"
    status = cli_json("status", provider, env=env, store=store)
    assert status["session"]["source"] == "reused" and status["status"]
    assert sb.state.counters(provider)["logins"] == 1
    requests = sb.state.counters(provider)["requests"]
    assert cli_json("forget", provider, env=env, store=store)["dropped"] is True
    assert sb.state.counters(provider)["requests"] == requests  # forget: no network call
    assert cli_json("status", provider, env=env, store=store)["session"]["source"] == "login"
    assert sb.state.counters(provider)["logins"] == 2


def test_an_expired_stored_session_is_renewed_and_said_so(sb: Sandbox, store: Path) -> None:
    env = account(sb, "bill")
    cli("login", "bill", env=env, store=store)
    sb.state.expire_all("bill")
    data = cli_json("status", "bill", env=env, store=store)
    assert data["session"]["source"] == "re-login"
    assert data["status"]["organizationId"] == DEMO.bill_org_id
    assert sb.state.counters("bill")["logins"] == 2


def test_szamla_agent_status_and_login_never_call_the_agent(sb: Sandbox, store: Path) -> None:
    env = account(sb, "szamla_agent")
    assert cli_json("status", "szamla_agent", env=env, store=store)["session"]["stored"] is False
    assert cli_json("login", "szamla_agent", env=env, store=store)["session"]["source"] == "none"
    assert sb.state.counters("szamla_agent")["requests"] == 0
    # A real call through the library makes the cookie; the CLI then sees it in the same store.
    with szamla_agent.Session(
        sb.base_url("szamla_agent"), agent_key=DEMO.szamla_agent_key, store=FileStore(store)
    ) as s:
        assert s.send(ACTION, INVOICE.format(version=1)).ok
    requests = sb.state.counters("szamla_agent")["requests"]
    data = cli_json("status", "szamla_agent", env=env, store=store)
    assert data["session"]["stored"] is True and data["session"]["source"] == "stored"
    assert data["status"]["checked"] is False
    assert "stored session" in cli("status", "szamla_agent", env=env, store=store).stdout
    assert cli_json("logout", "szamla_agent", env=env, store=store)["provider_logout"] is False
    assert cli_json("status", "szamla_agent", env=env, store=store)["session"]["stored"] is False
    assert sb.state.counters("szamla_agent")["requests"] == requests


# -- logout and forget


@pytest.mark.parametrize("provider", ["bill", "billingplatform"])
def test_logout_ends_the_session_at_the_provider(sb: Sandbox, store: Path, provider: str) -> None:
    env = account(sb, provider)
    cli("login", provider, env=env, store=store)
    data = cli_json("logout", provider, env=env, store=store)
    assert data["provider_logout"] is True and data["session"]["stored"] is False
    assert sb.state.counters(provider)["logouts"] == 1
    assert cli_json("logout", provider, env=env, store=store)["provider_logout"] is False  # nothing left
    assert sb.state.counters(provider)["logouts"] == 1
    cli("status", provider, env=env, store=store)
    assert sb.state.counters(provider)["logins"] == 2


def test_gestix_has_no_logout_so_logout_only_drops_the_session(sb: Sandbox, store: Path) -> None:
    env = account(sb, "gestix")
    cli("login", "gestix", env=env, store=store)
    requests = sb.state.counters("gestix")["requests"]
    data = cli_json("logout", "gestix", env=env, store=store)
    assert data["provider_logout"] is False and sb.state.counters("gestix")["requests"] == requests
    assert stored_values(store) == set()


# -- errors and exit codes


@pytest.mark.parametrize(
    ("provider", "field"),
    [("gestix", "API_TOKEN"), ("bill", "PASSWORD"), ("billingplatform", "PASSWORD")],
)
def test_a_rejected_login_exits_3_without_the_secret(
    sb: Sandbox, store: Path, provider: str, field: str
) -> None:
    env = account(sb, provider, {field: WRONG})
    result = cli("status", provider, env=env, store=store, code=3)
    assert result.stderr.startswith(f"login rejected (3): {provider}: ")
    data = cli_json("login", provider, env=env, store=store, code=3)
    assert data["error"]["exit_code"] == 3 and data["error"]["type"] == "LoginError"


def test_missing_credentials_exit_2_naming_the_variables(sb: Sandbox, store: Path) -> None:
    result = cli("status", "gestix", env={}, store=store, code=2)
    assert "BILLING_SESSIONS_GESTIX_API_TOKEN" in result.stderr
    assert "BILLING_SESSIONS_GESTIX_ACCOUNT" in result.stderr
    env = {k: v for k, v in account(sb, "bill").items() if not k.endswith("_DEV_KEY")}
    data = cli_json("login", "bill", env=env, store=store, code=2)
    assert "BILLING_SESSIONS_BILL_DEV_KEY" in data["error"]["message"]
    assert "BILLING_SESSIONS_BILL_PASSWORD" not in data["error"]["message"]  # it is set
    assert sb.state.counters("bill")["requests"] == 0


def test_a_missing_secret_is_prompted_without_echo_on_a_terminal(
    sb: Sandbox, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("billing_sessions.cli.actions.interactive", lambda: True)
    env = {k: v for k, v in account(sb, "bill").items() if not k.endswith("_PASSWORD")}
    result = cli("login", "bill", env=env, store=store, input=DEMO.bill_password + "\n")
    assert "bill password" in result.stderr
    assert sb.state.counters("bill")["logins"] == 1


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


def test_an_unreachable_provider_exits_5(store: Path) -> None:
    env = {
        "BILLING_SESSIONS_GESTIX_BASE_URL": f"http://127.0.0.1:{_closed_port()}/api/x/v4.0.0",
        "BILLING_SESSIONS_GESTIX_API_TOKEN": DEMO.gestix_api_token,
    }
    data = cli_json("status", "gestix", env=env, store=store, code=5)
    assert data["error"]["exit_code"] == 5 and data["error"]["message"].startswith("gestix: ")
    assert "network error (5): gestix: " in cli("status", "gestix", env=env, store=store, code=5).stderr


def test_a_provider_error_exits_4(sb: Sandbox, store: Path) -> None:
    env = account(sb, "gestix")
    sb.state.set_down("gestix")
    assert cli_json("login", "gestix", env=env, store=store, code=4)["error"]["exit_code"] == 4  # not 3
    sb.state.set_down("gestix", False)
    cli("login", "gestix", env=env, store=store)
    sb.state.set_down("gestix")
    data = cli_json("status", "gestix", env=env, store=store, code=4)
    assert data["error"]["type"] == "ProviderUnavailable"


def test_scrubbing_replaces_whole_secrets_only() -> None:
    secrets = Secrets()
    secrets.add("t0k", None, "")
    assert secrets.scrub("GET /x?a=t0k&b=1 at0k t0k") == "GET /x?a=<redacted>&b=1 at0k <redacted>"


# -- where sessions are kept


def test_the_default_store_is_in_the_user_cache_directory(sb: Sandbox, tmp_path: Path) -> None:
    env = account(sb, "gestix")
    cli("login", "gestix", env=env)
    cli("status", "gestix", env=env)
    path = tmp_path / "cache" / "billing-sessions" / "sessions.json"
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(stored_values(path)) == 1
    assert sb.state.counters("gestix")["logins"] == 1


def test_the_store_variable_chooses_the_file(sb: Sandbox, store: Path) -> None:
    env = {**account(sb, "bill"), STORE_ENV: str(store)}
    data = cli_json("login", "bill", env=env)
    assert str(store) in data["store"] and len(stored_values(store)) == 1


def test_a_redis_store_is_shared_by_runs(sb: Sandbox, redis_url: str) -> None:
    env = {**account(sb, "billingplatform"), STORE_ENV: redis_url}
    assert cli_json("login", "billingplatform", env=env)["store"].startswith("RedisStore(")
    assert cli_json("status", "billingplatform", env=env)["session"]["source"] == "reused"
    cli("forget", "billingplatform", env=env)
    assert sb.state.counters("billingplatform")["logins"] == 1


# -- a real process


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "billing_sessions.cli"]
    full = {**os.environ, **env}
    return subprocess.run([*command, *args], env=full, capture_output=True, text=True, timeout=60)


def test_the_installed_command_runs_status_in_a_real_process(sb: Sandbox, store: Path) -> None:
    env = {**account(sb, "gestix"), STORE_ENV: str(store)}
    first = _run("status", "gestix", "--json", env=env)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["status"]["versions"]["called_api_version"] == "v4.0.0"
    second = subprocess.run(
        [sys.executable, "-m", "billing_sessions.cli", "status", "gestix"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == 0 and "reused" in second.stdout
    assert sb.state.counters("gestix")["logins"] == 1
    missing = _run("logout", "bill", env={STORE_ENV: str(store)})
    assert missing.returncode == 2 and "BILLING_SESSIONS_BILL_USER_NAME" in missing.stderr
    for result in (first, second, missing):
        assert "Traceback" not in result.stderr
        assert_no_secret(result.stdout + result.stderr, store)


# -- documentation


def test_the_guide_documents_every_variable_and_exit_code() -> None:
    section = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for provider in ProviderName:
        for name in variables(provider):
            assert f"`{name}`" in section, name
    assert STORE_ENV in section
    for code in range(7):
        assert f"| {code} |" in section
