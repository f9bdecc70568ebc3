"""Messages a newcomer tripped on (issue 21, part 3): both spellings of provider names, the provider named
once, ``--version``, a help without mid-sentence breaks that names every variable, transport errors that
say what failed and what to check, a wrong URL scheme, unusable ``--store`` values, whole store paths off a
terminal, the sandbox banner's ``export`` lines and the demo table's columns."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest
from rich.console import Console

from billing_sessions import TransportError, UsageError, __version__, gestix
from billing_sessions.cli import app
from billing_sessions.cli.demo import Demo
from billing_sessions.sandbox import Sandbox
from billing_sessions.sandbox.serve import banner
from tests import test_cli_bill_v3
from tests.test_cli import _isolated, account, cli, cli_json  # noqa: F401 - the autouse fixture applies here too


@pytest.mark.parametrize(("typed", "shown"), [("bill_v3", "bill-v3"), ("BILL-V3", "bill-v3")])
def test_bill_v3_is_accepted_with_either_separator(
    sb: Sandbox, tmp_path: Path, typed: str, shown: str
) -> None:
    data = cli_json("status", typed, env=test_cli_bill_v3.account(sb), store=tmp_path / "s.json")
    assert data["provider"] == shown and data["status"]["mfa"]["trusted"] is False


def test_szamla_agent_is_accepted_with_a_hyphen(sb: Sandbox, tmp_path: Path) -> None:
    data = cli_json("login", "szamla-agent", env=account(sb, "szamla_agent"), store=tmp_path / "s.json")
    assert data["provider"] == "szamla_agent"


def test_an_unknown_provider_lists_the_names() -> None:
    data = cli_json("status", "bil-v3", env={}, code=2)
    assert "unknown provider 'bil-v3'" in data["error"]["message"] and "bill-v3" in data["error"]["message"]


def test_the_provider_is_named_once_in_an_error(sb: Sandbox, tmp_path: Path) -> None:
    env = test_cli_bill_v3.account(sb, PASSWORD="wrong-password-1")
    for typed in ("bill-v3", "bill_v3"):
        message = cli_json("login", typed, env=env, store=tmp_path / "s.json", code=3)["error"]["message"]
        assert (
            message.startswith("bill-v3: ") and "bill_v3:" not in message and message.count("bill-v3:") == 1
        )


def test_version() -> None:
    assert cli("--version", env={}).stdout.strip() == f"billing-sessions {__version__}"


def test_help_keeps_sentences_whole_and_names_every_variable() -> None:
    for info in app.registered_commands:
        assert info.help is not None and "\n" not in info.help
    # Rich draws the commands in a box on some versions (typer 0.16): its borders are not words.
    text = " ".join(re.sub("[\u2500-\u257f]", " ", cli("--help", env={}).output).split())
    assert "a one-row BillingPlatform query; Számla Agent only the stored state" in text
    for name in ("BILLING_SESSIONS_GESTIX_API_TOKEN", "BILLING_SESSIONS_BILL_V3_ORGANIZATION_ID"):
        assert name in text


def _transport_error(base_url: str) -> TransportError:
    with gestix.Session(base_url, api_token="t", max_retries=0) as s, pytest.raises(TransportError) as caught:
        s.status()
    return caught.value


def test_a_name_that_does_not_resolve_says_so() -> None:
    message = str(_transport_error("http://nonexistent.invalid/api"))
    assert "nonexistent.invalid did not resolve (DNS)" in message and "check the host" in message


def test_a_refused_port_says_so() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again below: nothing listens there
    message = str(_transport_error(f"http://127.0.0.1:{port}/api"))
    assert f"127.0.0.1:{port} refused the connection" in message and "check the port" in message


def test_tls_to_a_plain_http_port_says_tls_failed(sb: Sandbox) -> None:
    message = str(_transport_error(sb.base_url("gestix").replace("http://", "https://")))
    assert "TLS failed" in message and "scheme matches the port" in message


def test_a_wrong_scheme_is_named() -> None:
    with pytest.raises(UsageError, match=r"has the scheme htp://, which is not HTTP: use https://"):
        gestix.Session("htp://gestix.pt/api", api_token="t")


def test_an_empty_store_is_refused(sb: Sandbox) -> None:
    result = cli("status", "gestix", "--store", "", env=account(sb, "gestix"), code=2)
    assert "--store is empty" in result.output
    assert sb.state.counters("gestix")["requests"] == 0


def test_a_store_in_a_missing_directory_is_refused_not_created(sb: Sandbox, tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent" / "dir"
    result = cli("status", "gestix", env=account(sb, "gestix"), store=missing / "s.json", code=2)
    assert "does not exist" in result.output and "mkdir -p" in result.output
    assert not missing.parent.exists()


def test_an_unreachable_redis_store_names_the_cause_and_the_fix(sb: Sandbox) -> None:
    pytest.importorskip("redis")
    env = account(sb, "gestix")
    data = cli_json("status", "gestix", "--store", "redis://127.0.0.1:1/0", env=env, code=6)
    message = data["error"]["message"]
    assert "Redis could not be reached" in message and "refused" in message.lower()
    assert "check that Redis runs" in message


def test_human_output_keeps_a_long_store_path_whole(sb: Sandbox, tmp_path: Path) -> None:
    deep = tmp_path / ("a-rather-long-directory-name-" * 4)
    deep.mkdir()
    store = deep / "sessions.json"
    output = cli("status", "gestix", env=account(sb, "gestix"), store=store).stdout
    assert str(store) in output


def test_the_sandbox_banner_prints_export_lines() -> None:
    text = banner("http://127.0.0.1:8787")
    assert "  export BILLING_SESSIONS_GESTIX_BASE_URL=http://127.0.0.1:8787/api/03101176/v4.0.0" in text
    assert "  export BILLING_SESSIONS_BILL_V3_DEV_KEY=" in text


def test_the_demo_table_says_what_each_rejection_is(sb: Sandbox) -> None:
    console = Console(width=200, record=True)
    console.print(Demo(console, None).table(sb))
    text = console.export_text()
    assert "nonce rejected" in text and "PII refused" in text and "dead session" in text
    header = next(line for line in text.splitlines() if "provider" in line)
    assert "rejections" not in header  # no column adding the three up
