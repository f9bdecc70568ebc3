"""The old name of :mod:`billing_sessions.stores.nonce_file`, kept so that existing imports keep working."""

from billing_sessions.stores.nonce_file import RESERVE, SIZE, allocate, boot_id, read

__all__ = ["RESERVE", "SIZE", "allocate", "boot_id", "read"]
