"""A client library for accessing BillingPlatform REST API 2.0"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
