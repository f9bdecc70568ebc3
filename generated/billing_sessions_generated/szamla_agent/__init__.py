"""A client library for accessing Számlázz.hu Számla Agent"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
