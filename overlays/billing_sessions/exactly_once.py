"""Exactly-once writes: a write whose answer was lost is settled by the document's own id, not handed back.

A write that was sent and then got no usable answer (a dropped connection, a read timeout, a 5xx, an answer
that cannot be read) may or may not have been applied. When the document carries an id of its own, the
session settles it before telling anyone anything:

- Számla Agent (``szamlaKulsoAzon`` of an invoice or a reversal, ``hivasAzonosito`` of a receipt): look the
  document up by that id. Found: its result is returned, as if the first answer had arrived. Not found by
  lookups spread over ``settle`` seconds (a new document may not be found at once): not applied, so the write
  is sent again, once. Any other answer to a lookup settles nothing: ``maybe_applied`` as before.
- Gestix (a document with its own series and number, which Gestix keeps unique): send it again with a fresh
  nonce. 201: the first was not applied; 409 ``DUPLICATE_ENTRY``: it was, and the document is read back.

Two workers that hold the same write in doubt settle it one at a time, under the store's lock for that id
(``FileStore`` and ``RedisStore`` across processes): the second one finds what the first one made.
Each settlement is a ``resolve`` event (reason ``found``, ``resent`` or ``unknown``), a span with the
``billing_sessions.resolved`` attribute where OpenTelemetry listens, and an INFO log line.
"""

from __future__ import annotations

import copy
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Any, Literal, Protocol, TypeVar

import httpx

from billing_sessions.errors import BillingSessionError, StoreError, UsageError
from billing_sessions.retry import RetryTransport
from billing_sessions.stores import SessionStore
from billing_sessions.telemetry import Telemetry, observe

__all__ = [
    "FIRST_WAIT",
    "FOUND",
    "ID_MODES",
    "LOCK",
    "RESENT",
    "RESOLVED_HEADER",
    "SETTLE",
    "ASend",
    "IdMode",
    "Owner",
    "Resolver",
    "Send",
    "SendRule",
    "Unsettled",
    "asettle_sends",
    "check_mode",
    "new_id",
    "settle_sends",
    "with_id",
]

log = logging.getLogger("billing_sessions")

R = TypeVar("R")
IdMode = Literal["auto", "given"]
ID_MODES: tuple[IdMode, ...] = ("auto", "given")
#: Seconds over which lookups that find nothing are repeated before a lost write counts as not applied:
#: twice the 5 s the Számla Agent spec assumes a new document may take to be found by its id.
SETTLE = 10.0
FIRST_WAIT = 0.5  # the first pause between lookups; doubled each time, the last one cut to ``settle``
LOCK = "resolve"  # the store lock's purpose: one per account and document id
FOUND = "found by its {what}: returning it"
RESENT = "settled by its {what} (not applied: sent again; or applied: read back)"


class Unsettled(Exception):
    """A lookup's answer settles nothing (neither the document nor a proof that it does not exist)."""


def new_id() -> str:
    """A fresh external id / call id for a document whose caller gave none."""
    return str(uuid.uuid4())


def with_id(model: R, where: tuple[str, str], auto: bool) -> tuple[R, str | None]:
    """``model`` and the id in its ``where`` (part, field). With ``auto`` and none given: a copy carrying a
    new one (the caller's model is never changed: reused as a template, it would give two sales one id)."""
    part = getattr(model, where[0])
    given = getattr(part, where[1])
    if isinstance(given, str) and given:
        return model, given
    if not auto:
        return model, None
    ident = new_id()
    part = copy.copy(part)
    setattr(part, where[1], ident)
    model = copy.copy(model)
    setattr(model, where[0], part)
    return model, ident


class Owner(Protocol):
    """What the resolver reads of a session."""

    store: SessionStore
    telemetry: Telemetry | None
    transport: RetryTransport  # its current policy's sleep paces the lookups (tests pass a fake one)


class Resolver:
    """Settles one session's writes in doubt; ``settle`` as above, waits through the retry policy's sleep."""

    def __init__(self, session: Owner, provider: str, key: str, settle: float = SETTLE) -> None:
        if not settle >= 0:
            raise UsageError(f"{provider}: settle must be a number of seconds >= 0, not {settle!r}")
        self.session, self.provider, self.key, self.settle = session, provider, key, settle

    def _lock_key(self, ident: str) -> str:
        return f"{self.key}:{ident}"

    def _found(self, operation: str, what: str, how: str) -> None:
        log.info("%s: %s: the answer was lost; %s", self.provider, operation, how.format(what=what))

    def _unsettled(self, operation: str, what: str, exc: BaseException) -> None:
        log.info(
            "%s: %s: the answer was lost and its %s settled nothing (%s): it may have been applied",
            self.provider,
            operation,
            what,
            type(exc).__name__,
        )

    # -- sync

    def resolve(
        self,
        error: BillingSessionError,
        ident: str,
        what: str,
        operation: str,
        *,
        lookup: Callable[[], R | None] | None,
        resend: Callable[[], R],
    ) -> R:
        """Settle ``error`` (a write in doubt carrying ``ident``): found by ``lookup``, or sent again by
        ``resend`` when lookups prove it absent (``lookup=None``: the re-send itself settles it, Gestix)."""
        with observe(self.session.telemetry, "resolve", reason="unknown") as note:
            try:
                with self.session.store.lock(self._lock_key(ident), LOCK):
                    found = None if lookup is None else self._look(lookup)
                    if found is not None:
                        note.reason = "found"
                        self._found(operation, what, FOUND)
                        return found
                    note.reason = "resent"
                    result = self._resend(error, resend, proven=lookup is not None)
            except (Unsettled, StoreError) as exc:
                note.reason = "unknown"
                self._unsettled(operation, what, exc)
                raise error from None
            self._found(operation, what, RESENT)
            return result

    def _look(self, lookup: Callable[[], R | None]) -> R | None:
        policy, waited, wait = self.session.transport.current, 0.0, FIRST_WAIT
        while True:
            found = lookup()
            if found is not None or waited >= self.settle:
                return found
            pause = min(wait, self.settle - waited)
            policy.sleep(pause)
            waited, wait = waited + pause, wait * 2

    @staticmethod
    def _resend(error: BillingSessionError, resend: Callable[[], R], proven: bool) -> R:
        try:
            return resend()
        except BillingSessionError as again:
            raise _after_resend(error, again, proven) from None

    # -- async

    async def aresolve(
        self,
        error: BillingSessionError,
        ident: str,
        what: str,
        operation: str,
        *,
        lookup: Callable[[], Awaitable[R | None]] | None,
        resend: Callable[[], Awaitable[R]],
    ) -> R:
        with observe(self.session.telemetry, "resolve", reason="unknown") as note:
            try:
                async with self.session.store.alock(self._lock_key(ident), LOCK):
                    found = None if lookup is None else await self._alook(lookup)
                    if found is not None:
                        note.reason = "found"
                        self._found(operation, what, FOUND)
                        return found
                    note.reason = "resent"
                    try:
                        result = await resend()
                    except BillingSessionError as again:
                        raise _after_resend(error, again, lookup is not None) from None
            except (Unsettled, StoreError) as exc:
                note.reason = "unknown"
                self._unsettled(operation, what, exc)
                raise error from None
            self._found(operation, what, RESENT)
            return result

    async def _alook(self, lookup: Callable[[], Awaitable[R | None]]) -> R | None:
        policy, waited, wait = self.session.transport.current, 0.0, FIRST_WAIT
        while True:
            found = await lookup()
            if found is not None or waited >= self.settle:
                return found
            pause = min(wait, self.settle - waited)
            await policy.async_sleep(pause)
            waited, wait = waited + pause, wait * 2


def _after_resend(first: BillingSessionError, again: BillingSessionError, proven: bool) -> BaseException:
    """What a failed re-send raises. After lookups proved the first write absent, the re-send's own error
    tells the truth (a refusal: nothing was applied at all). Otherwise (Gestix, or a re-send in doubt too)
    the first write is still in doubt: its error, ``maybe_applied``."""
    if proven and not again.maybe_applied:
        return again
    first.maybe_applied = True
    return Unsettled(type(again).__name__)


def check_mode(provider: str, external_ids: Any) -> IdMode:
    if external_ids not in ID_MODES:
        raise UsageError(
            f"{provider}: external_ids must be one of {', '.join(ID_MODES)}, not {external_ids!r}"
        )
    mode: IdMode = external_ids
    return mode


# -- settling around ``send``: Gestix documents made with any generated operation and ``client=s.client``
#
# httpx hands a transport error to no hook and no auth flow (the flow is closed, not told), so a lost answer
# can only be settled around the session's own client's ``send``: the one seam above the auth flow, where a
# re-send gets a fresh nonce and its place in the write order like any write. Only the requests the rule
# picks are touched; every other request goes straight through.

#: Header on an answer the session settled after the provider's own answer was lost ("true").
RESOLVED_HEADER = "billing-sessions-resolved"


class SendRule(Protocol):
    """Which requests are settled around ``send``, and how to read the answers (Gestix: ``gestix.py``)."""

    what: str

    def target(self, request: httpx.Request) -> tuple[str, str] | None:
        """(operation, id) of a write settled by re-sending it under its own id, else None."""

    def lost(self, response: httpx.Response) -> BillingSessionError | None:
        """The in-doubt error of an answer that leaves the write's outcome unknown (a 5xx), else None."""

    def duplicate(self, response: httpx.Response) -> bool:
        """Does the re-send's answer say the document exists already (so the first write was applied)?"""

    def created(self, response: httpx.Response) -> bool:
        """Is the re-send's answer the document made now (so the first write was not applied)?"""

    def read_back(self, client: httpx.Client | httpx.AsyncClient, request: httpx.Request) -> httpx.Request:
        """The request that reads the existing document back."""

    def found(self, read: httpx.Response, request: httpx.Request) -> httpx.Response:
        """The answer ``request`` would have had, made from the read-back answer (raises if unusable)."""


Send = Callable[..., httpx.Response]
ASend = Callable[..., Awaitable[httpx.Response]]


def _settled(response: httpx.Response) -> httpx.Response:
    response.headers[RESOLVED_HEADER] = "true"
    return response


def settle_sends(client: httpx.Client, resolver: Resolver, rule: SendRule) -> None:
    """Make ``client.send`` settle the writes ``rule`` picks (this client instance only)."""
    send: Send = client.send

    def again(request: httpx.Request, kwargs: dict[str, Any]) -> httpx.Response:
        response = send(request, **kwargs)
        if rule.duplicate(response):
            response = rule.found(send(rule.read_back(client, request), **kwargs), request)
        elif not rule.created(response):
            raise rule.lost(response) or Unsettled(f"HTTP {response.status_code}")
        return _settled(response)

    def settled(request: httpx.Request, **kwargs: Any) -> httpx.Response:
        target = rule.target(request)
        if target is None:
            return send(request, **kwargs)
        try:
            response = send(request, **kwargs)
        except BillingSessionError as exc:
            if not exc.maybe_applied:
                raise
            return resolver.resolve(
                exc, target[1], rule.what, target[0], lookup=None, resend=lambda: again(request, kwargs)
            )
        error = rule.lost(response)
        if error is None:
            return response
        try:
            return resolver.resolve(
                error, target[1], rule.what, target[0], lookup=None, resend=lambda: again(request, kwargs)
            )
        except BillingSessionError as exc:
            if exc is error:
                return response  # still unknown: the answer the caller would have had (a 5xx)
            raise

    client.send = settled  # type: ignore[method-assign]


def asettle_sends(client: httpx.AsyncClient, resolver: Resolver, rule: SendRule) -> None:
    """The asyncio twin of ``settle_sends``."""
    send: ASend = client.send

    async def again(request: httpx.Request, kwargs: dict[str, Any]) -> httpx.Response:
        response = await send(request, **kwargs)
        if rule.duplicate(response):
            response = rule.found(await send(rule.read_back(client, request), **kwargs), request)
        elif not rule.created(response):
            raise rule.lost(response) or Unsettled(f"HTTP {response.status_code}")
        return _settled(response)

    async def settled(request: httpx.Request, **kwargs: Any) -> httpx.Response:
        target = rule.target(request)
        if target is None:
            return await send(request, **kwargs)
        try:
            response = await send(request, **kwargs)
        except BillingSessionError as exc:
            if not exc.maybe_applied:
                raise
            return await resolver.aresolve(
                exc, target[1], rule.what, target[0], lookup=None, resend=lambda: again(request, kwargs)
            )
        error = rule.lost(response)
        if error is None:
            return response
        try:
            return await resolver.aresolve(
                error, target[1], rule.what, target[0], lookup=None, resend=lambda: again(request, kwargs)
            )
        except BillingSessionError as exc:
            if exc is error:
                return response
            raise

    client.send = settled  # type: ignore[method-assign]
