"""The right party is blamed: a caller's mistake is a UsageError / TypeError / ValueError naming the fix and
sent nowhere; a caller's store failing is a StoreError with the cause chained; only an answer that cannot be
read is a ProviderError. One test per mistake a new user made on the sandbox (issue 21's table)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest

from billing_sessions import ProviderError, StoreError, UsageError, bill, bill_v3, gestix, szamla_agent
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions.stores import MemoryStore
from billing_sessions.testing import BillingSandbox
from billing_sessions_generated.bill_v3.api.vendors import list_vendors

pytestmark = pytest.mark.anyio


@pytest.fixture(autouse=True)
def _fresh_login_guard() -> None:
    bill_v3.LoginGuard.reset()


def _bill(sb: Sandbox) -> bill.Session:
    return bill.Session(**BillingSandbox(sb).session_kwargs("bill"))


def _bill_v3(sb: Sandbox) -> bill_v3.Session:
    return bill_v3.Session(**BillingSandbox(sb).session_kwargs("bill_v3"))


def test_a_decimal_in_a_bill_create_is_a_type_error_and_nothing_is_sent(sb: Sandbox) -> None:
    with _bill(sb) as s:
        s.login()
        before = sb.state.counters("bill")["requests"]
        with pytest.raises(TypeError, match=r"fields\['amount'\] is a Decimal.*str\(Decimal\)") as caught:
            s.create("Customer", {"name": "Acme", "amount": Decimal("1.5")})
        assert not isinstance(caught.value, ProviderError)
        assert getattr(caught.value, "maybe_applied", False) is False
        assert sb.state.counters("bill")["requests"] == before


def test_a_misspelt_httpx_option_is_a_type_error_naming_the_right_one(sb: Sandbox) -> None:
    with pytest.raises(TypeError, match=r"'folow_redirects'.*did you mean 'follow_redirects'") as caught:
        gestix.Session(
            sb.base_url("gestix"), api_token=DEMO.gestix_api_token, httpx_args={"folow_redirects": True}
        )
    assert not isinstance(caught.value, ProviderError)
    assert sb.state.counters("gestix")["requests"] == 0


def test_an_option_the_generated_client_sets_is_refused_with_the_fix(sb: Sandbox) -> None:
    with pytest.raises(TypeError, match="pass timeout= to the Session"):
        gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, httpx_args={"timeout": 5})


class _BrokenStore(MemoryStore):
    def load(self, key: str) -> Any:
        raise KeyError("broken")


def test_a_custom_store_that_raises_is_a_store_error_with_the_cause(sb: Sandbox) -> None:
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=_BrokenStore()) as s:
        with pytest.raises(StoreError, match=r"_BrokenStore\.load\(\) failed \(KeyError\)") as caught:
            s.status()
    assert isinstance(caught.value.__cause__, KeyError)
    assert not isinstance(caught.value, ProviderError)
    assert sb.state.counters("gestix")["requests"] == 0  # the store fails before the login


async def test_an_async_store_that_raises_is_a_store_error_too(sb: Sandbox) -> None:
    async with gestix.AsyncSession(
        sb.base_url("gestix"), api_token=DEMO.gestix_api_token, store=_BrokenStore()
    ) as s:
        with pytest.raises(StoreError) as caught:
            await s.status()
    assert isinstance(caught.value.__cause__, KeyError)


def test_a_wrong_paginate_argument_is_a_type_error_naming_the_right_one(sb: Sandbox) -> None:
    with _bill_v3(sb) as s:
        with pytest.raises(TypeError, match=r"takes no argument 'max' \(did you mean 'max_'\?\)") as caught:
            list(s.paginate(list_vendors, max=50))
        assert not isinstance(caught.value, ProviderError)
    assert sb.state.counters("bill_v3")["requests"] == 0


def test_paginate_takes_the_module_or_its_detailed_functions(sb: Sandbox) -> None:
    with _bill_v3(sb) as s:
        by_module = [v.id for v in s.paginate(list_vendors, max_=2)]
        by_function = [v.id for v in s.paginate(list_vendors.sync_detailed, max_=2)]
    assert by_module and by_function == by_module


async def test_async_paginate_takes_asyncio_detailed(sb: Sandbox) -> None:
    async with bill_v3.AsyncSession(
        **BillingSandbox(sb).session_kwargs("bill_v3"),
    ) as s:
        found = [v.id async for v in s.paginate(list_vendors.asyncio_detailed, max_=2)]
    assert found


@pytest.mark.parametrize("wrong", [list_vendors.sync, print, "list_vendors", httpx])
def test_paginate_refuses_anything_else_with_a_type_error(sb: Sandbox, wrong: Any) -> None:
    with _bill_v3(sb) as s:
        with pytest.raises(TypeError, match="paginate\\(\\) takes a generated BILL v3 list operation"):
            list(s.paginate(wrong))
    assert sb.state.counters("bill_v3")["requests"] == 0


def test_paginate_refuses_an_operation_that_is_not_a_list(sb: Sandbox) -> None:
    from billing_sessions_generated.bill_v3.api.session import get_session_info

    with _bill_v3(sb) as s:
        with pytest.raises(TypeError, match="get_session_info is not a list operation"):
            list(s.paginate(get_session_info))


async def test_a_sync_transport_given_to_an_async_session_is_a_type_error(sb: Sandbox) -> None:
    transport = httpx.HTTPTransport()
    with pytest.raises(TypeError, match=r"needs an async transport.*httpx\.AsyncHTTPTransport\(\)"):
        gestix.AsyncSession(
            sb.base_url("gestix"), api_token=DEMO.gestix_api_token, httpx_args={"transport": transport}
        )
    transport.close()
    assert sb.state.counters("gestix")["requests"] == 0


def test_an_async_transport_given_to_a_sync_session_is_a_type_error(sb: Sandbox) -> None:
    with pytest.raises(TypeError, match=r"needs a sync transport"):
        gestix.Session(
            sb.base_url("gestix"),
            api_token=DEMO.gestix_api_token,
            httpx_args={"transport": httpx.AsyncHTTPTransport()},
        )


def test_an_unreadable_answer_is_still_the_providers(sb: Sandbox) -> None:
    """The other side of the rule: what the provider sent that cannot be read stays a ProviderError."""
    sb.state.inject("gestix", "malformed")
    with gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token) as s:
        with pytest.raises(ProviderError) as caught:
            s.status()
    assert caught.value.status == 200


def test_missing_credentials_and_bad_options_are_usage_errors(sb: Sandbox) -> None:
    with pytest.raises(UsageError, match="api_token, or username and password"):
        gestix.Session(sb.base_url("gestix"))
    with pytest.raises(UsageError, match="writes must be one of"):
        gestix.Session(sb.base_url("gestix"), api_token=DEMO.gestix_api_token, writes="fast")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="agent_key or username and password"):
        szamla_agent.Session(sb.base_url("szamla_agent"))
    assert sb.state.counters("gestix")["requests"] == sb.state.counters("szamla_agent")["requests"] == 0
