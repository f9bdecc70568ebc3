"""BillingPlatform REST 2.0: ``SessionID`` in the ``sessionid`` header or an OAuth bearer token.

A 401 means the session is gone: one re-login, one re-send. ``ErrorCode != "0"`` on login raises
``LoginError`` with the provider's text. ``close()`` logs a username/password session out exactly once.
The default read timeout (420 s) stays above the provider's 400 s server timeout.

## Quickstart

Runs as is on the embedded sandbox. For a real account pass ``org="myorg"`` (and ``env=``, default
``"my"``) instead of the sandbox URL, with ``username=`` + ``password=`` or OAuth ``client_id=`` +
``client_secret=``.

```python
from billing_sessions import billingplatform
from billing_sessions.sandbox import DEMO, Sandbox
from billing_sessions_generated.billingplatform.api.data import retrieve

with Sandbox() as sb, billingplatform.Session(
    sb.base_url("billingplatform"),
    username=DEMO.bp_username,
    password=DEMO.bp_password,
) as s:
    # list[Record]; the first call logs in
    accounts = s.query("SELECT Id, Name FROM ACCOUNT")
    print([record.to_dict() for record in accounts])
    # Any generated operation takes client=s.client:
    # the sessionid header is added.
    raw = retrieve.sync_detailed("ACCOUNT", "12345", client=s.client)
    print(raw.parsed)
# Leaving the block logs out, once, unless the session lives in a shared
# store (FileStore, RedisStore); logout_on_close= decides.
```

``s.retrieve(entity, record_id)`` is the typed shortcut for the generated call above. ``AsyncSession``
takes the same arguments (``async with``, awaited ``query``/``retrieve``).
"""

from __future__ import annotations

from billing_sessions._async.billingplatform import AsyncSession
from billing_sessions._billingplatform import (
    DEFAULT_TIMEOUT,
    MAX_EXPIRES_IN,
    MAX_IN_FLIGHT,
    SERVER,
    SESSION_HEADER,
)
from billing_sessions._sync.billingplatform import Session

__all__ = [
    "DEFAULT_TIMEOUT",
    "MAX_EXPIRES_IN",
    "MAX_IN_FLIGHT",
    "SERVER",
    "SESSION_HEADER",
    "AsyncSession",
    "Session",
]
