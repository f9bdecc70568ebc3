"""``SessionAuth``'s I/O, written once: ``_sync/auth.py`` is generated from this file (``scripts/make_sync``).
The decisions both share are in ``billing_sessions._auth``."""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncGenerator

import httpx

from billing_sessions._auth import (
    AuthRules,
    Token,
    _buffered,
    _logins_within,
    _own_login,
    _Write,
    log,
)
from billing_sessions.errors import LoginError, ProviderError, TransportError
from billing_sessions.ordering import SentGate, awrite_slot
from billing_sessions.retry import DEADLINE
from billing_sessions.telemetry import atimed_lock, emit, observe_login


class AsyncSessionAuth(AuthRules):
    """The I/O half of ``SessionAuth``: every method name differs from its generated twin's, so that one
    ``SessionAuth`` serves sync and async clients alike."""

    async def aensure(
        self, stale: Token | None = None, deadline: float | None = None, cause: httpx.Request | None = None
    ) -> Token | None:
        """The session to send with (logged in, or adopted from the store, once for all callers); None when
        the first call makes it (``session_by_first_call``). ``stale``: the one the server just refused."""
        if self._usable(self._token, stale):
            return self._token
        async with atimed_lock(self.telemetry, "login", self.store.alock(self.key, "login")):
            record = await self._aload()
            found = self._adopt_stored(record, stale)
            if found is not None or self.provider.session_by_first_call:
                return found
            try:
                with (
                    _logins_within(deadline),
                    self._login_clock(),
                    observe_login(self.telemetry, stale, self._renewal, cause),
                ):
                    token = self._logged_in(await self.provider.alogin())
            except (LoginError, ProviderError, TransportError):
                kept = self._still_valid(stale, self._token, self._stored(record))
                if kept is None:
                    raise
                return kept
            await self._asave(token)
            return token

    async def _aupdate_session(
        self, response: httpx.Response, token: Token | None, locked: bool = False
    ) -> None:
        """After an answer: keep the session it leaves (in memory, and in the store now and then)."""
        kept, persist = self._updated_token(response, token)
        if kept is not None and self._issued_outside_lock(kept, token, locked):
            async with self.store.alock(self.key, "login"):
                adopted = self._replaced(kept, token, await self._aload())
                self._token = adopted or kept
                if adopted is None:
                    await self._asave(kept)
            return
        if kept is not None:
            self._token = kept
            if persist:
                await self._asave(kept)

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        self._start(request)
        if request.method in self.provider.nonce_methods:
            flow = self._aordered_flow(request)
            try:  # ``yield from``, in a form that unasync translates: pass every answer on
                prepared = await anext(flow)
                while True:
                    response = yield prepared
                    prepared = await flow.asend(response)
            except StopAsyncIteration:
                return
            finally:
                await flow.aclose()
        token = await self.aensure(deadline=request.extensions.get(DEADLINE), cause=request)
        if token is None:  # the first call makes the session: only one at a time
            async with atimed_lock(self.telemetry, "login", self.store.alock(self.key, "login")):
                token = self._adopt_stored(await self._aload(), None)
                response = yield self._prepare(request, token, None)
                await response.aread()  # overriding the flow means reading the body ourselves
                await self._aupdate_session(response, token, locked=True)
                return
        response = yield self._prepare(request, token, None)
        await response.aread()
        if not self.provider.is_expired(response):
            await self._aupdate_session(response, token)
            return
        # One re-login (or none, if another caller already replaced the session) and one re-send.
        self.reauths += 1
        log.info("%s: session expired, re-authenticating", self.provider.name)
        self._before_relogin(request, response)
        token = await self.aensure(stale=token, deadline=request.extensions.get(DEADLINE), cause=request)
        emit(self.telemetry, "resend", request)
        response = yield self._prepare(request, token, None)
        await response.aread()
        if self.provider.is_expired(response):
            raise self._expired(response, token)
        await self._aupdate_session(response, token)

    async def _alane_token(
        self, write: _Write, request: httpx.Request, stale: Token | None = None
    ) -> Token | None:
        """The session a write goes out on: lane 0's shared one (``stale``: replace it), or the lane's own,
        logged in when it has none or it is past use."""
        deadline = request.extensions.get(DEADLINE)
        before = _own_login.get()
        lane = write.lane
        if lane.index == 0 or stale is not None or lane.index >= self.lanes.allowed():
            token = await self.aensure(stale=stale, deadline=deadline, cause=request)
            write.shared = True
        elif lane.token is not None and self._usable(lane.token, None, quiet=True):
            token = lane.token
        else:
            with (
                _logins_within(deadline),
                self._login_clock(),
                observe_login(self.telemetry, None, None, request),
            ):
                token = lane.token = self._logged_in(await self.provider.alogin(), lane.index)
        write.login = None if _own_login.get() is before else _own_login.get()
        return token

    async def _aordered_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """A nonce write: lane, slot (lock + nonce), send, release the slot when sent (unless exclusive) and
        the lane when answered. Re-sent only on an answer that proves it was not applied: an expiry, or a
        refusal while a later write may have overtaken it (then exclusively, which makes its answer final)."""
        lane = await self.lanes.aacquire()
        try:
            write = _Write(lane, None, exclusive=self.write_mode == "strict")
            write.token = await self._alane_token(write, request)
            while True:
                async with contextlib.AsyncExitStack() as order:
                    started = time.perf_counter()
                    slot = awrite_slot(self.store, self.key, self._floor())
                    nonce = await order.enter_async_context(slot)
                    self._drawn(write)
                    self._slot_waited(started)
                    prepared = self._prepare(request, write.token, nonce)
                    if not write.exclusive and _buffered(prepared):  # a stream: kept until answered
                        SentGate(prepared, asent=order.aclose)
                    response = yield prepared
                await response.aread()
                step = self._judge(request, response, write)
                if step == "relogin":
                    write.token = await self._alane_token(write, request, stale=write.token)
                elif step == "done":
                    if write.shared:
                        await self._aupdate_session(response, write.token)
                    else:
                        self._lane_answered(write)
                    return
        finally:
            self.lanes.release(lane)

    # -- marking and ending a session

    async def amark_trusted(self, kind: str) -> None:
        """The current session (if any) is trusted now (BILL v3: an MFA made it so), ``kind`` saying so in
        its ``Token``: kept and stored, so that the session and others sharing the store know."""
        token = self._marked(kind)
        if token is not None:
            await self._asave(token)

    async def aforget(self) -> None:
        self._token = None
        await self._adelete()

    async def arelease(self, token: Token) -> None:
        """After logging ``token`` out: drop the stored record only if it still holds that session (another
        Session object may have stored a newer one meanwhile)."""
        self._token = None
        async with self.store.alock(self.key, "login"):
            stored = Token.from_record(await self._aload())
            if stored is None or stored.value == token.value:
                await self._adelete()
