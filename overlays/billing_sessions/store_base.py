"""The old name of :mod:`billing_sessions.stores.base`, kept so that existing imports keep working."""

from billing_sessions.stores.base import *  # noqa: F403
from billing_sessions.stores.base import __all__ as __all__
