"""A client library for accessing BILL (bill.com) AP & AR API v3"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
