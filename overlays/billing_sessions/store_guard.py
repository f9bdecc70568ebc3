"""A caller's store failing is the store's fault, not the provider's: its errors become ``StoreError``.

The session wraps whatever store it is given in ``GuardedStore``: an exception a store call raises that is not
already one of this package's errors (a custom store's ``KeyError``, a driver's ``ConnectionError``) becomes a
``StoreError`` naming the store and the call, with the original error as its ``__cause__``. Nothing else about
the store changes: locks, write slots and attributes are the store's own.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from billing_sessions.errors import BillingSessionError, StoreError
from billing_sessions.stores.base import Capabilities, Record, takes_ttl

__all__ = ["GUARDED", "GuardedStore", "guard", "store_error"]

R = TypeVar("R")

#: The store calls that are guarded (and their ``a``-prefixed coroutine twins: ``AsyncStore``).
GUARDED = ("load", "save", "delete", "allocate_nonce")


def store_error(store: object, call: str, exc: BaseException, provider: str = "") -> StoreError:
    where = f"{provider}: " if provider else ""
    return StoreError(
        f"{where}the session store {type(store).__name__}.{call}() failed ({type(exc).__name__}): "
        "the store's fault, not the provider's; the original error is the cause",
        provider=provider,
    )


class GuardedStore:
    """``store`` with its ``load``/``save``/``delete``/``allocate_nonce`` (and async twins) guarded, its
    ``capabilities`` found once, and ``acall`` for tasks."""

    def __init__(self, store: Any, provider: str = "") -> None:
        self.inner = store
        self.provider = provider
        self.capabilities = Capabilities.of(store)
        for name in GUARDED:
            setattr(self, name, self._guard(name, getattr(store, name)))
        if self.capabilities.asynchronous:
            for name in GUARDED:
                setattr(self, f"a{name}", self._aguard(name, getattr(store, f"a{name}")))
        if not self.capabilities.ttl:
            self.save = _untimed(self.save)
        if self.capabilities.asynchronous and not takes_ttl(store.asave):
            self.asave = _untimed(self.asave)

    def _guard(self, name: str, call: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(call)
        def guarded(*args: Any, **kwargs: Any) -> R:
            try:
                return call(*args, **kwargs)
            except BillingSessionError:
                raise
            except Exception as exc:
                raise store_error(self.inner, name, exc, self.provider) from exc

        return guarded

    def _aguard(self, name: str, call: Callable[..., Awaitable[R]]) -> Callable[..., Awaitable[R]]:
        @functools.wraps(call)
        async def guarded(*args: Any, **kwargs: Any) -> R:
            try:
                return await call(*args, **kwargs)
            except BillingSessionError:
                raise
            except Exception as exc:
                raise store_error(self.inner, f"a{name}", exc, self.provider) from exc

        return guarded

    async def acall(self, name: str, *args: Any) -> Any:
        """``<name>(*args)`` (guarded) from a task without blocking the event loop: the store's own coroutine
        (``AsyncStore``), else a worker thread for a blocking store, else the call itself."""
        if self.capabilities.asynchronous:
            return await getattr(self, f"a{name}")(*args)
        call = getattr(self, name)
        if self.inner.blocking:
            return await asyncio.to_thread(call, *args)
        return call(*args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __repr__(self) -> str:
        return repr(self.inner)

    # typed spellings of the guarded calls (set per instance in __init__)
    load: Callable[[str], Record | None]
    save: Callable[..., None]  # (key, record, ttl=None)
    delete: Callable[[str], None]
    allocate_nonce: Callable[[str, int], int]
    asave: Callable[..., Awaitable[None]]


def _untimed(call: Callable[..., R]) -> Callable[..., R]:
    """A ``save`` written before ``ttl`` existed: called without it (the session checks ages itself)."""

    @functools.wraps(call)
    def untimed(key: str, record: Record, ttl: float | None = None) -> R:
        return call(key, record)

    return untimed


def guard(store: Any, provider: str = "") -> GuardedStore:
    """``store`` guarded once (a store already guarded is returned as is)."""
    return store if isinstance(store, GuardedStore) else GuardedStore(store, provider)
