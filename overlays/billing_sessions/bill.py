"""BILL (bill.com) API v2: form-body login, ``devKey`` + ``sessionId`` in every form body, 200 envelopes.

``BDC_1109`` (and the assumed ``BDC_1361``/``BDC_1120``) in an HTTP 200 envelope means the session is gone:
one re-login, one re-send. A session idle for ``idle_timeout`` minus a margin is renewed before use, checked
lazily at call time (no timer threads). ``Logout.json`` on close. Credentials and session ids never go into a
query string: a request that carries one there is refused before it is sent.

## Quickstart

Runs as is on the embedded sandbox. For a real account drop the URL (the default is production; the
module's ``SANDBOX_BASE_URL`` is BILL's stage API) and pass your own credentials.

```python
import json

from billing_sessions_generated.bill.api.crud import crud_read
from billing_sessions_generated.bill.models import CrudReadBody
from billing_sessions import bill
from billing_sessions.sandbox import DEMO, Sandbox

with Sandbox() as sb, bill.Session(
    sb.base_url("bill"),
    user_name=DEMO.bill_user_name,
    password=DEMO.bill_password,
    org_id=DEMO.bill_org_id,
    dev_key=DEMO.bill_dev_key,
) as s:
    print(s.session_info())  # the first call logs in (Login.json)
    customer = s.create("Customer", {"name": "Demo customer"})
    print(s.read("Customer", customer.id))
    # Any generated operation takes client=s.client:
    # devKey and sessionId go into the form body.
    body = CrudReadBody(data=json.dumps({"id": customer.id}))
    raw = crud_read.sync_detailed("Customer", client=s.client, body=body)
    print(raw.parsed)
# Leaving the block logs out (Logout.json), unless the session lives in
# a shared store (FileStore, RedisStore); logout_on_close= decides.
```

The login's ``apiEndPoint`` (where the session's calls go) must be https on the base URL's host, or on a host
in ``api_hosts=`` (none by default); any other is a ``ProviderError`` at login, and one found in a store is
dropped (a fresh login). Also: ``idle_timeout=`` (35 minutes), ``max_in_flight=`` (3), and the options every
session takes (``store=``, ``timeout=``, ``retry=`` / ``max_retries=``, ``httpx_args=``). ``AsyncSession``
takes the same arguments (``async with``, awaited ``session_info``/``read``/``create``).
"""

from __future__ import annotations

from billing_sessions._async.bill import AsyncSession
from billing_sessions._bill import (
    DEFAULT_BASE_URL,
    FORM,
    IDLE_TIMEOUT,
    MAX_IN_FLIGHT,
    PII,
    RATE_ERRORS,
    RETRY_AFTER,
    SANDBOX_BASE_URL,
    SESSION_ERRORS,
    SESSION_INFO,
    SYSTEM_ERRORS,
    bill_account_key,
    unwrap,
)
from billing_sessions._sync.bill import Session

__all__ = [
    "DEFAULT_BASE_URL",
    "FORM",
    "IDLE_TIMEOUT",
    "MAX_IN_FLIGHT",
    "PII",
    "RATE_ERRORS",
    "RETRY_AFTER",
    "SANDBOX_BASE_URL",
    "SESSION_ERRORS",
    "SESSION_INFO",
    "SYSTEM_ERRORS",
    "AsyncSession",
    "Session",
    "bill_account_key",
    "unwrap",
]
