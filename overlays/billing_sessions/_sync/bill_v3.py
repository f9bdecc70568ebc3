# Generated from _async/bill_v3.py by scripts/make_sync: edit that file, not this one.
"""BILL v3's session class, written once: ``_sync/bill_v3.py`` (``Session``) is generated from this file
(``scripts/make_sync``). The rules both use are in ``billing_sessions._bill_v3``."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from billing_sessions._bill_v3 import (
    CHALLENGE,
    SESSION_INFO,
    VALIDATE,
    ListOperation,
    _challenge_id,
    _Cursors,
    _list_answer,
    _Options,
    list_operation,
)
from billing_sessions._sync.session import SyncSession
from billing_sessions.bill_v3_rules import TRUSTED, days_left, expect
from billing_sessions.telemetry import observe
from billing_sessions_generated.bill_v3 import AuthenticatedClient
from billing_sessions_generated.bill_v3.api.mfa import generate_challenge, validate_challenge
from billing_sessions_generated.bill_v3.api.session import get_session_info
from billing_sessions_generated.bill_v3.models import (
    ChallengeRequest,
    ChallengeResponse,
    SessionInfo,
    ValidateResponse,
)
from billing_sessions_generated.bill_v3.types import UNSET, Unset


class Session(_Options, SyncSession[AuthenticatedClient]):
    """``with bill_v3.Session(username=..., password=..., organization_id=..., dev_key=...) as s: ...``;
    ``AsyncSession`` has the same methods, awaited (``async with``; ``async for`` over ``paginate``)."""

    __module__ = "billing_sessions.bill_v3"  # the public face: what repr() and the docs name

    def session_info(self) -> SessionInfo:
        """``GET /v3/login/session``: organization, user and MFA status."""
        response = get_session_info.sync_detailed(client=self.client)
        info: SessionInfo = expect(response, SessionInfo, SESSION_INFO)
        return info

    def paginate(self, operation: ListOperation | Callable[..., Any], **kwargs: Any) -> Iterator[Any]:
        """Every item of a generated list operation (``list_vendors``, ``list_bills``, or their
        ``sync_detailed``) following ``nextPage``; the items are the generated models. ``kwargs`` go to each
        call (``max_``, ``filters``, ``sort``). Anything else, or an argument the operation does not take,
        is a ``TypeError`` before anything is sent."""
        operation, name = list_operation(operation, kwargs)
        cursor: str | Unset = kwargs.pop("page", UNSET)
        cursors = _Cursors(name, cursor)
        while True:
            response = operation.sync_detailed(client=self.client, page=cursor, **kwargs)
            results, next_page = _list_answer(response, name)
            for item in results:
                yield item
            if next_page is None:
                return
            cursor = cursors.follow(results, next_page)

    def remembered_until(self) -> float | None:
        """Until when (epoch seconds) the stored ``rememberMeId`` holds, or None without one."""
        trust = self._v3.trust.load(time.time())
        return trust.until if trust is not None else None

    def trust_days_left(self) -> float | None:
        """Days until the stored ``rememberMeId`` expires (None without one): renew it (``mfa``) before 0."""
        until = self.remembered_until()
        return None if until is None else days_left(until, time.time())

    def forget_trust(self) -> None:
        """Drop the stored ``rememberMeId`` (later sessions start untrusted)."""
        self._v3.trust.drop()

    def _made_trusted(self, answer: ValidateResponse, remember: bool, device: str | None) -> float | None:
        self.auth.mark_trusted(TRUSTED)
        trust = self._v3.validated(answer, remember, device)
        if trust is None:
            return None
        self._v3.trust.save(trust)
        self._v3.trust_held(trust, "validated")
        return trust.until

    def mfa_challenge(self) -> str:
        """Text a code to the user's MFA phone (5 texts a minute: call it only when a person will type the
        code); returns the challenge id for ``mfa_validate``."""
        with observe(self.telemetry, "mfa", reason="challenge"):
            response = generate_challenge.sync_detailed(client=self.client, body=ChallengeRequest())
            return _challenge_id(expect(response, ChallengeResponse, CHALLENGE))

    def mfa_validate(
        self,
        challenge_id: str,
        code: str,
        *,
        remember: bool = True,
        device: str | None = None,
        machine_name: str | None = None,
    ) -> float | None:
        """Validate the texted code: this session is trusted from now on. With ``remember`` the
        ``rememberMeId`` goes into the store and later logins are trusted; returns until when (epoch s)."""
        body = self._validate_body(challenge_id, code, remember, device, machine_name)
        with observe(self.telemetry, "mfa", reason="validate"):
            response = validate_challenge.sync_detailed(client=self.client, body=body)
            answer: ValidateResponse = expect(response, ValidateResponse, VALIDATE)
        return self._made_trusted(answer, remember, device)
