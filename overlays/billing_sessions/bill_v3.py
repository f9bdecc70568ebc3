"""BILL (bill.com) AP & AR API v3: JSON login, ``devKey`` + ``sessionId`` headers, error arrays, MFA trust.

401 ``BDC_1109`` means the session is gone: the request was refused, so one re-login and one re-send. A
session idle for ``idle_timeout`` minus a margin is renewed before use. ``POST /v3/logout`` on close (as for
v2). 403 ``BDC_1361`` raises ``UntrustedSession``; ``mfa_challenge()`` + ``mfa_validate(...)`` make the
session trusted, and the ``rememberMeId`` they yield is kept in the store with the account (a secret: never
logged or shown) and sent with ``device`` at every later login, so those sessions come back trusted for its
30 days, in any process sharing the store. The 3-in-flight cap is the account's (devKey + organization),
shared with v2 sessions of the same account in this process.

## Quickstart

Runs as is on the embedded sandbox (whose MFA code is readable from its state). For a real account drop the
URL (the default is production; ``SANDBOX_BASE_URL`` is BILL's stage gateway) and pass your own credentials.

```python
from billing_sessions_generated.bill_v3.api.vendors import list_vendors
from billing_sessions import bill_v3
from billing_sessions.sandbox import DEMO, Sandbox

with Sandbox() as sb, bill_v3.Session(
    sb.base_url("bill_v3"),
    username=DEMO.bill_user_name,
    password=DEMO.bill_password,
    organization_id=DEMO.bill_org_id,
    dev_key=DEMO.bill_dev_key,
) as s:
    print(s.session_info().organization_id)  # the first call logs in
    print(s.trusted)  # False: not MFA-trusted yet
    challenge = s.mfa_challenge()  # texts a code (the sandbox: sb.state.mfa_code())
    s.mfa_validate(challenge, sb.state.mfa_code())  # trusted now, and remembered 30 days
    for vendor in s.paginate(list_vendors, max_=50):
        print(vendor.name)
```

Any generated operation takes ``client=s.client``; ``bill_v3.result(answer)`` gives its parsed answer or
raises the typed error (``UntrustedSession`` for 403 ``BDC_1361``, ``RateLimited``, ...; ``error.entries``
holds every entry of the error array).

Also: ``idle_timeout=`` (35 minutes), ``max_in_flight=`` (3), ``logout_on_close=``, and the options every
session takes (``store=``, ``timeout=``, ``retry=`` / ``max_retries=``, ``httpx_args=``). ``AsyncSession``
takes the same arguments (``async with``; awaited methods; ``async for`` over ``paginate``).
"""

from __future__ import annotations

from billing_sessions._async.bill_v3 import AsyncSession
from billing_sessions._bill_v3 import DEFAULT_BASE_URL, SANDBOX_BASE_URL
from billing_sessions._bill_v3 import DEFAULT_DEVICE as DEFAULT_DEVICE
from billing_sessions._bill_v3 import IDLE_TIMEOUT as IDLE_TIMEOUT
from billing_sessions._bill_v3 import MAX_IN_FLIGHT as MAX_IN_FLIGHT
from billing_sessions._bill_v3 import trust_id as trust_id
from billing_sessions._sync.bill_v3 import Session
from billing_sessions.bill_v3_rules import (
    FAILED_LOGINS_BEFORE_STOP,
    WARN_DAYS,
    LoginGuard,
    Trust,
    TrustKeeper,
    error_for,
    result,
    trust_key,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "FAILED_LOGINS_BEFORE_STOP",
    "SANDBOX_BASE_URL",
    "WARN_DAYS",
    "AsyncSession",
    "LoginGuard",
    "Session",
    "Trust",
    "TrustKeeper",
    "error_for",
    "result",
    "trust_key",
]
