"""The old name of :mod:`billing_sessions.stores.redis`, kept so that existing imports keep working (it
imports redis: ``pip install 'billing-sessions[redis]'``)."""

from billing_sessions.stores.redis import IDLE_LIFETIMES, MAX_NONCE, RedisStore

__all__ = ["IDLE_LIFETIMES", "MAX_NONCE", "RedisStore"]
