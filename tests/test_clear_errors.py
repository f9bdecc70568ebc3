"""Bad input and wrong set-ups get a clear, typed error naming what is wrong: store paths that are not a
regular file, unusable store URLs, unknown options, URLs without a scheme, a login at the wrong base URL, a
rejected token, an unreachable host. Each was seen misreported on a new user's trial."""

from __future__ import annotations

import logging
import socket
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from billing_sessions import (
    LoginError,
    ProviderError,
    StoreError,
    TransportError,
    UsageError,
    bill,
    billingplatform,
    gestix,
)
from billing_sessions.cli import app
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import FileStore

# -- FileStore: never chmod, write or follow what isn't the regular file meant


def test_a_directory_is_refused_and_its_mode_left_alone(tmp_path: Path) -> None:
    directory = tmp_path / "somedir"
    directory.mkdir(mode=0o755)
    directory.chmod(0o755)
    with pytest.raises(StoreError, match="is a directory") as caught:
        FileStore(directory)
    assert str(directory) in str(caught.value)
    assert stat.S_IMODE(directory.stat().st_mode) == 0o755


def test_a_symlink_is_refused_and_its_target_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "system-file"
    target.write_text("x")
    target.chmod(0o644)
    link = tmp_path / "sessions.json"
    link.symlink_to(target)
    with pytest.raises(StoreError, match="symbolic link"):
        FileStore(link)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text() == "x"


def test_a_special_file_is_refused() -> None:
    with pytest.raises(StoreError, match="not a regular file"):
        FileStore("/dev/null")


def test_a_symlinked_lock_file_is_refused_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    target.write_text("keep")
    target.chmod(0o644)
    path = tmp_path / "sessions.json"
    Path(f"{path}.data.lock").symlink_to(target)
    store = FileStore(path)
    with pytest.raises(StoreError, match="lock"):
        store.save("k", {"value": "v"})
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert target.read_text() == "keep"


def test_a_loose_regular_file_of_ours_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "sessions.json"
    path.write_text("{}")
    path.chmod(0o644)
    FileStore(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_filesystem_without_locks_fails_at_once_not_after_the_timeout() -> None:
    # A regression would wait out the lock timeout and raise filelock's Timeout, which is not a StoreError.
    store = FileStore("/proc/billing-sessions-test.json", lock_timeout=30)
    with pytest.raises(StoreError, match="lock"):
        store.save("k", {"value": "v"})


def test_the_corrupt_file_warning_is_given_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "sessions.json"
    path.write_text("{not json")
    store = FileStore(path)
    with caplog.at_level(logging.WARNING, logger="billing_sessions.stores"):
        assert store.load("a") is None
        assert store.load("b") is None
        store.allocate_nonce("a", 5)
    assert sum("corrupt" in r.message for r in caplog.records) == 1
    assert store.allocate_nonce("a", 0) == 6  # repaired by the write


# -- the command line: store values

ACCOUNT = {
    "COLUMNS": "400",
    "BILLING_SESSIONS_GESTIX_BASE_URL": "http://127.0.0.1:9/api",
    "BILLING_SESSIONS_GESTIX_API_TOKEN": "t",
}


@pytest.mark.parametrize("value", ["garbage://x", "http://example.com/sessions", "ftp://host/file"])
def test_an_unknown_store_url_scheme_is_a_usage_error(value: str) -> None:
    result = CliRunner().invoke(app, ["forget", "gestix", "--store", value], env=ACCOUNT)
    assert result.exit_code == 2, result.output
    assert "redis://" in result.output and "file path" in result.output


def test_a_directory_store_exits_6_naming_it(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["forget", "gestix", "--store", str(tmp_path)], env=ACCOUNT)
    assert result.exit_code == 6, result.output
    assert "is a directory" in result.output
    assert stat.S_IMODE(tmp_path.stat().st_mode) != 0o600


def test_json_is_listed_in_the_top_level_help() -> None:
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "--json" in result.output


# -- sessions: options and URLs


def test_an_unknown_keyword_option_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="on_evnt"):
        gestix.Session("http://127.0.0.1:9", api_token="t", on_evnt=print)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="retries"):
        bill.AsyncSession(  # type: ignore[call-arg]
            "http://127.0.0.1:9", user_name="u", password="p", org_id="o", dev_key="d", retries=3
        )


def test_account_together_with_base_url_is_an_error() -> None:
    with pytest.raises(UsageError, match="not both"):
        gestix.Session("http://127.0.0.1:9", account="03101176", api_token="t")
    with pytest.raises(UsageError, match="not both"):
        billingplatform.Session("http://127.0.0.1:9", org="demo", username="u", password="p")


@pytest.mark.parametrize("url", ["127.0.0.1:8787/api", "localhost/api", "ftp://host/api", ""])
def test_a_base_url_without_a_scheme_is_a_usage_error_and_nothing_is_sent(url: str) -> None:
    with pytest.raises(UsageError, match="base_url"):
        gestix.Session(url, api_token="t")


def test_missing_credentials_are_a_usage_error() -> None:
    with pytest.raises(UsageError, match="password"):
        bill.Session("http://127.0.0.1:9", user_name="u", password="", org_id="o", dev_key="d")


# -- logins that did not judge the credentials


def test_a_login_404_says_the_base_url_looks_wrong(sb: Sandbox) -> None:
    wrong = sb.url + "/no/such/api"
    bill_account: dict[str, Any] = {
        "user_name": DEMO.bill_user_name,
        "password": DEMO.bill_password,
        "org_id": DEMO.bill_org_id,
        "dev_key": DEMO.bill_dev_key,
    }
    bp_account: dict[str, Any] = {"username": DEMO.bp_username, "password": DEMO.bp_password}
    calls: list[Callable[[], object]] = [
        lambda: gestix.Session(wrong, api_token=DEMO.gestix_api_token, max_retries=0).status(),
        lambda: bill.Session(wrong, **bill_account, max_retries=0).session_info(),
        lambda: billingplatform.Session(wrong, **bp_account, max_retries=0).query("SELECT Id FROM ACCOUNT"),
    ]
    for call in calls:
        with pytest.raises(ProviderError, match="base URL looks wrong") as caught:
            call()
        assert not isinstance(caught.value, LoginError)
        assert caught.value.status == 404


def test_a_rejected_gestix_token_says_so_with_no_private_class(sb: Sandbox) -> None:
    with (
        gestix.Session(sb.base_url("gestix"), api_token="not-the-token") as s,
        pytest.raises(LoginError) as caught,
    ):
        s.status()
    assert "API token was rejected" in str(caught.value)
    assert "not-the-token" not in str(caught.value)
    assert not any(c.__name__.startswith("_") for c in type(caught.value).__mro__)
    assert sb.state.counters("gestix")["logins"] == 0


def test_a_transport_error_names_the_host_and_port() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again below: nothing listens there
    with (
        gestix.Session(f"http://127.0.0.1:{port}/api", api_token="t", max_retries=0) as s,
        pytest.raises(TransportError) as caught,
    ):
        s.status()
    assert f"127.0.0.1:{port}" in str(caught.value)


def test_billingplatform_errors_keep_the_providers_message(sb: Sandbox) -> None:
    with (
        billingplatform.Session(
            sb.base_url("billingplatform"), username=DEMO.bp_username, password=DEMO.bp_password
        ) as s,
        pytest.raises(ProviderError) as caught,
    ):
        s.query("DROP TABLE ACCOUNT")
    assert caught.value.status == 400
    assert "BP SQL" in str(caught.value)
    assert DEMO.bp_password not in str(caught.value)
