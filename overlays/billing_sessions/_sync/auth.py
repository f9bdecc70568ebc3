# Generated from _async/auth.py by scripts/make_sync: edit that file, not this one.
"""``SessionAuth``'s I/O, written once: ``_sync/auth.py`` is generated from this file (``scripts/make_sync``).
The decisions both share are in ``billing_sessions._auth``."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Generator

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
from billing_sessions.ordering import SentGate, write_slot
from billing_sessions.retry import DEADLINE
from billing_sessions.telemetry import emit, observe_login, timed_lock


class SyncSessionAuth(AuthRules):
    """The I/O half of ``SessionAuth``: every method name differs from its generated twin's, so that one
    ``SessionAuth`` serves sync and async clients alike."""

    def ensure(
        self, stale: Token | None = None, deadline: float | None = None, cause: httpx.Request | None = None
    ) -> Token | None:
        """The session to send with (logged in, or adopted from the store, once for all callers); None when
        the first call makes it (``session_by_first_call``). ``stale``: the one the server just refused."""
        if self._usable(self._token, stale):
            return self._token
        with timed_lock(self.telemetry, "login", self.store.lock(self.key, "login")):
            record = self._load()
            found = self._adopt_stored(record, stale)
            if found is not None or self.provider.session_by_first_call:
                return found
            try:
                with (
                    _logins_within(deadline),
                    self._login_clock(),
                    observe_login(self.telemetry, stale, self._renewal, cause),
                ):
                    token = self._logged_in(self.provider.login())
            except (LoginError, ProviderError, TransportError):
                kept = self._still_valid(stale, self._token, self._stored(record))
                if kept is None:
                    raise
                return kept
            self._save(token)
            return token

    def _update_session(self, response: httpx.Response, token: Token | None, locked: bool = False) -> None:
        """After an answer: keep the session it leaves (in memory, and in the store now and then)."""
        kept, persist = self._updated_token(response, token)
        if kept is not None and self._issued_outside_lock(kept, token, locked):
            with self.store.lock(self.key, "login"):
                adopted = self._replaced(kept, token, self._load())
                self._token = adopted or kept
                if adopted is None:
                    self._save(kept)
            return
        if kept is not None:
            self._token = kept
            if persist:
                self._save(kept)

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        self._start(request)
        if request.method in self.provider.nonce_methods:
            flow = self._ordered_flow(request)
            try:  # ``yield from``, in a form that unasync translates: pass every answer on
                prepared = next(flow)
                while True:
                    response = yield prepared
                    prepared = flow.send(response)
            except StopIteration:
                return
            finally:
                flow.close()
        token = self.ensure(deadline=request.extensions.get(DEADLINE), cause=request)
        if token is None:  # the first call makes the session: only one at a time
            with timed_lock(self.telemetry, "login", self.store.lock(self.key, "login")):
                token = self._adopt_stored(self._load(), None)
                response = yield self._prepare(request, token, None)
                response.read()  # overriding the flow means reading the body ourselves
                self._update_session(response, token, locked=True)
                return
        response = yield self._prepare(request, token, None)
        response.read()
        if not self.provider.is_expired(response):
            self._update_session(response, token)
            return
        # One re-login (or none, if another caller already replaced the session) and one re-send.
        self.reauths += 1
        log.info("%s: session expired, re-authenticating", self.provider.name)
        self._before_relogin(request, response)
        token = self.ensure(stale=token, deadline=request.extensions.get(DEADLINE), cause=request)
        emit(self.telemetry, "resend", request)
        response = yield self._prepare(request, token, None)
        response.read()
        if self.provider.is_expired(response):
            raise self._expired(response, token)
        self._update_session(response, token)

    def _lane_token(self, write: _Write, request: httpx.Request, stale: Token | None = None) -> Token | None:
        """The session a write goes out on: lane 0's shared one (``stale``: replace it), or the lane's own,
        logged in when it has none or it is past use."""
        deadline = request.extensions.get(DEADLINE)
        before = _own_login.get()
        lane = write.lane
        if lane.index == 0 or stale is not None or lane.index >= self.lanes.allowed():
            token = self.ensure(stale=stale, deadline=deadline, cause=request)
            write.shared = True
        elif lane.token is not None and self._usable(lane.token, None, quiet=True):
            token = lane.token
        else:
            with (
                _logins_within(deadline),
                self._login_clock(),
                observe_login(self.telemetry, None, None, request),
            ):
                token = lane.token = self._logged_in(self.provider.login(), lane.index)
        write.login = None if _own_login.get() is before else _own_login.get()
        return token

    def _ordered_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        """A nonce write: lane, slot (lock + nonce), send, release the slot when sent (unless exclusive) and
        the lane when answered. Re-sent only on an answer that proves it was not applied: an expiry, or a
        refusal while a later write may have overtaken it (then exclusively, which makes its answer final)."""
        lane = self.lanes.acquire()
        try:
            write = _Write(lane, None, exclusive=self.write_mode == "strict")
            write.token = self._lane_token(write, request)
            while True:
                with contextlib.ExitStack() as order:
                    started = time.perf_counter()
                    slot = write_slot(self.store, self.key, self._floor())
                    nonce = order.enter_context(slot)
                    self._drawn(write)
                    self._slot_waited(started)
                    prepared = self._prepare(request, write.token, nonce)
                    if not write.exclusive and _buffered(prepared):  # a stream: kept until answered
                        SentGate(prepared, sent=order.close)
                    response = yield prepared
                response.read()
                step = self._judge(request, response, write)
                if step == "relogin":
                    write.token = self._lane_token(write, request, stale=write.token)
                elif step == "done":
                    if write.shared:
                        self._update_session(response, write.token)
                    else:
                        self._lane_answered(write)
                    return
        finally:
            self.lanes.release(lane)

    # -- marking and ending a session

    def mark_trusted(self, kind: str) -> None:
        """The current session (if any) is trusted now (BILL v3: an MFA made it so), ``kind`` saying so in
        its ``Token``: kept and stored, so that the session and others sharing the store know."""
        token = self._marked(kind)
        if token is not None:
            self._save(token)

    def forget(self) -> None:
        self._token = None
        self._delete()

    def release(self, token: Token) -> None:
        """After logging ``token`` out: drop the stored record only if it still holds that session (another
        Session object may have stored a newer one meanwhile)."""
        self._token = None
        with self.store.lock(self.key, "login"):
            stored = Token.from_record(self._load())
            if stored is None or stored.value == token.value:
                self._delete()
