"""A caller's store failing is the store's fault, not the provider's: its errors become ``StoreError``.

The session wraps whatever store it is given in ``GuardedStore``: an exception a store call raises that is not
already one of this package's errors (a custom store's ``KeyError``, a driver's ``ConnectionError``) becomes a
``StoreError`` naming the store and the call, with the original error as its ``__cause__``. Nothing else about
the store changes: locks, write slots and attributes are the store's own.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from billing_sessions.errors import BillingSessionError, StoreError
from billing_sessions.store_base import Record

R = TypeVar("R")

#: The store calls that are guarded (and their ``a``-prefixed coroutine twins, where a store has them).
GUARDED = ("load", "save", "delete", "allocate_nonce")


def store_error(store: object, call: str, exc: BaseException, provider: str = "") -> StoreError:
    where = f"{provider}: " if provider else ""
    return StoreError(
        f"{where}the session store {type(store).__name__}.{call}() failed ({type(exc).__name__}): "
        "the store's fault, not the provider's; the original error is the cause",
        provider=provider,
    )


class GuardedStore:
    """``store`` with its ``load``/``save``/``delete``/``allocate_nonce`` (and async twins) guarded."""

    def __init__(self, store: Any, provider: str = "") -> None:
        self.inner = store
        self.provider = provider
        for name in GUARDED:
            setattr(self, name, self._guard(name, getattr(store, name)))
            twin = getattr(store, f"a{name}", None)
            if twin is not None:
                setattr(self, f"a{name}", self._aguard(name, twin))

    def _guard(self, name: str, call: Callable[..., R]) -> Callable[..., R]:
        @functools.wraps(call)
        def guarded(*args: Any) -> R:
            try:
                return call(*args)
            except BillingSessionError:
                raise
            except Exception as exc:
                raise store_error(self.inner, name, exc, self.provider) from exc

        guarded.__name__ = name  # the async path finds a store's coroutine twin by this name
        return guarded

    def _aguard(self, name: str, call: Callable[..., Awaitable[R]]) -> Callable[..., Awaitable[R]]:
        @functools.wraps(call)
        async def guarded(*args: Any) -> R:
            try:
                return await call(*args)
            except BillingSessionError:
                raise
            except Exception as exc:
                raise store_error(self.inner, f"a{name}", exc, self.provider) from exc

        return guarded

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __repr__(self) -> str:
        return repr(self.inner)

    # typed spellings of the guarded calls (set per instance in __init__)
    load: Callable[[str], Record | None]
    save: Callable[[str, Record], None]
    delete: Callable[[str], None]
    allocate_nonce: Callable[[str, int], int]


def guard(store: Any, provider: str = "") -> Any:
    """``store`` guarded once (a store already guarded is returned as is)."""
    return store if isinstance(store, GuardedStore) else GuardedStore(store, provider)
