"""The provider descriptions (``billing_sessions.providers``) agree with the provider modules, the sandbox and
the command line that read them: one place for each fact, checked instead of kept in step by hand."""

from __future__ import annotations

import importlib
import inspect

import pytest

from billing_sessions import bill_v3_rules
from billing_sessions.cli.accounts import ProviderName, env_name
from billing_sessions.providers import MFA_TRUST, PROVIDERS, ProviderInfo, idle_lifetimes, lookup
from billing_sessions.sandbox import DEMO
from billing_sessions.sandbox.server import BASE_PATHS


@pytest.mark.parametrize("info", PROVIDERS.values(), ids=list(PROVIDERS))
def test_a_description_matches_its_provider_module(info: ProviderInfo) -> None:
    module = importlib.import_module(info.module)
    assert getattr(module, "DEFAULT_BASE_URL", None) == info.default_base_url
    idle = getattr(module, "IDLE_TIMEOUT", getattr(module, "IDLE_COOKIE", None))
    assert idle == info.idle_lifetime
    for asynchronous in (False, True):
        params = inspect.signature(info.session_class(asynchronous=asynchronous)).parameters
        assert next(iter(params)) == "base_url"
        assert set(info.keywords()) <= set(params), info.name
        assert ("logout_on_close" in params) is info.logs_out
    for fields in info.demo.values():
        assert set(fields) <= set(info.keywords()) and all(hasattr(DEMO, f) for f in fields.values())
    importlib.import_module(info.generated)


def test_the_cli_the_sandbox_and_the_stores_name_the_same_providers() -> None:
    assert [p.value for p in ProviderName] == [p.cli_name for p in PROVIDERS.values()]
    assert all(lookup(p.value) is p.info for p in ProviderName)
    assert list(BASE_PATHS) == list(PROVIDERS)
    assert env_name(ProviderName.bill_v3, "dev_key") == "BILLING_SESSIONS_BILL_V3_DEV_KEY"
    assert MFA_TRUST == (bill_v3_rules.TRUST_PREFIX, bill_v3_rules.REMEMBER_FOR)
    assert idle_lifetimes() == {
        "szamla_agent": 5400.0,
        "bill": 2100.0,
        "bill_v3": 2100.0,
        "bill_v3-mfa-trust": 30 * 86400.0,
    }
    with pytest.raises(KeyError, match="bill-v3"):
        lookup("nope")
