from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.access_denied import AccessDenied
from ...models.api_error import ApiError
from ...models.session_token import SessionToken
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/helo",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessDenied | ApiError | SessionToken | None:
    if response.status_code == 200:
        response_200 = tolerant(SessionToken, response)

        return response_200

    if response.status_code == 400:
        response_400 = tolerant(ApiError, response)

        return response_400

    if response.status_code == 403:
        response_403 = tolerant(AccessDenied, response)

        return response_403

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccessDenied | ApiError | SessionToken]:
    with reading(response):
        return Response(
            status_code=HTTPStatus(response.status_code),
            content=response.content,
            headers=response.headers,
            parsed=_parse_response(client=client, response=response),
        )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AccessDenied | ApiError | SessionToken]:
    """Exchange the API token for a session token

     Sends the long-lived API token (Admin > Webshop) as `Authorization: Bearer <api-token>` and
    answers a short-lived session token (`xa-token`) for all other calls. Recommended for
    automated, server-to-server integrations.

    400 when the API token is missing or malformed ("Missing or invalid apiToken"); 403 when it
    is not accepted ("Access denied / invalid token").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessDenied | ApiError | SessionToken]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> AccessDenied | ApiError | SessionToken | None:
    """Exchange the API token for a session token

     Sends the long-lived API token (Admin > Webshop) as `Authorization: Bearer <api-token>` and
    answers a short-lived session token (`xa-token`) for all other calls. Recommended for
    automated, server-to-server integrations.

    400 when the API token is missing or malformed ("Missing or invalid apiToken"); 403 when it
    is not accepted ("Access denied / invalid token").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessDenied | ApiError | SessionToken
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AccessDenied | ApiError | SessionToken]:
    """Exchange the API token for a session token

     Sends the long-lived API token (Admin > Webshop) as `Authorization: Bearer <api-token>` and
    answers a short-lived session token (`xa-token`) for all other calls. Recommended for
    automated, server-to-server integrations.

    400 when the API token is missing or malformed ("Missing or invalid apiToken"); 403 when it
    is not accepted ("Access denied / invalid token").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessDenied | ApiError | SessionToken]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> AccessDenied | ApiError | SessionToken | None:
    """Exchange the API token for a session token

     Sends the long-lived API token (Admin > Webshop) as `Authorization: Bearer <api-token>` and
    answers a short-lived session token (`xa-token`) for all other calls. Recommended for
    automated, server-to-server integrations.

    400 when the API token is missing or malformed ("Missing or invalid apiToken"); 403 when it
    is not accepted ("Access denied / invalid token").

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessDenied | ApiError | SessionToken
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
