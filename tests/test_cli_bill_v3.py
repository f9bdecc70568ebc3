"""``billing-sessions status|login|logout|forget|mfa bill-v3``: credentials from BILLING_SESSIONS_BILL_V3_*,
the SMS code asked without echo, the remembered trust kept in the store and never printed."""

from __future__ import annotations

import json
from pathlib import Path

from billing_sessions.sandbox import DEMO, Sandbox
from tests.test_cli import _isolated, cli, cli_json  # noqa: F401 - the autouse fixture applies here too

CODE = "424242"


def account(sb: Sandbox, **override: str) -> dict[str, str]:
    values = {
        "BASE_URL": sb.base_url("bill_v3"),
        "USERNAME": DEMO.bill_user_name,
        "PASSWORD": DEMO.bill_password,
        "ORGANIZATION_ID": DEMO.bill_org_id,
        "DEV_KEY": DEMO.bill_dev_key,
        **override,
    }
    return {f"BILLING_SESSIONS_BILL_V3_{k}": v for k, v in values.items() if v}


def remembered(store: Path) -> set[str]:
    records = json.loads(store.read_text()).values() if store.exists() else []
    return {r["remember_me_id"] for r in records if isinstance(r.get("remember_me_id"), str)}


def test_mfa_asks_for_the_code_without_echo_and_later_logins_are_trusted(sb: Sandbox, tmp_path: Path) -> None:
    store, env = tmp_path / "sessions.json", account(sb)
    status = cli_json("status", "bill-v3", env=env, store=store)
    assert (
        status["status"]["mfa"]["trusted"] is False and status["status"]["organizationId"] == DEMO.bill_org_id
    )
    sb.state.configure(bill_v3_mfa_code=CODE)  # what a person would read off the phone
    result = cli("mfa", "bill-v3", env=env, store=store, input=CODE + "\n")
    assert CODE not in result.output
    assert "code texted to your MFA phone" in result.stderr and "trusted until" in result.stdout
    secret = remembered(store)
    assert len(secret) == 1 and not any(s in result.output for s in secret)
    assert cli_json("logout", "bill-v3", env=env, store=store)["provider_logout"] is True
    later = cli_json("status", "bill-v3", env=env, store=store)
    assert later["session"]["source"] == "login" and later["status"]["mfa"]["trusted"] is True
    assert later["status"]["mfa"]["remembered_until"]
    assert not any(s in json.dumps(later) for s in secret)
    forgotten = cli_json("forget", "bill-v3", env=env, store=store)
    assert forgotten["dropped"] is True and forgotten["dropped_mfa_trust"] is True
    assert remembered(store) == set()
    assert cli_json("status", "bill-v3", env=env, store=store)["status"]["mfa"]["trusted"] is False
    counters = sb.state.counters("bill_v3")
    assert (counters["mfa_texts"], counters["logins"], counters["logouts"]) == (1, 3, 1)


def test_a_wrong_code_exits_4_and_nothing_is_remembered(sb: Sandbox, tmp_path: Path) -> None:
    store = tmp_path / "sessions.json"
    sb.state.configure(bill_v3_mfa_code=CODE)
    result = cli("mfa", "bill-v3", "--json", env=account(sb), store=store, code=4, input="000000\n")
    data = json.loads(result.stdout)
    assert "BDC_1356" in data["error"]["message"]
    assert remembered(store) == set()


def test_mfa_is_only_for_bill_v3_and_missing_variables_are_named(sb: Sandbox, tmp_path: Path) -> None:
    store = tmp_path / "sessions.json"
    bill_env = {
        "BILLING_SESSIONS_BILL_BASE_URL": sb.base_url("bill"),
        "BILLING_SESSIONS_BILL_USER_NAME": DEMO.bill_user_name,
        "BILLING_SESSIONS_BILL_PASSWORD": DEMO.bill_password,
        "BILLING_SESSIONS_BILL_ORG_ID": DEMO.bill_org_id,
        "BILLING_SESSIONS_BILL_DEV_KEY": DEMO.bill_dev_key,
    }
    assert "only bill-v3" in cli_json("mfa", "bill", env=bill_env, store=store, code=2)["error"]["message"]
    data = cli_json("login", "bill-v3", env=account(sb, DEV_KEY=""), store=store, code=2)
    assert "BILLING_SESSIONS_BILL_V3_DEV_KEY" in data["error"]["message"]
    assert sb.state.counters("bill_v3")["requests"] == 0
