from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.access_denied import AccessDenied
from ...models.status_response import StatusResponse
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/status",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessDenied | StatusResponse | None:
    if response.status_code == 200:
        response_200 = tolerant(StatusResponse, response)

        return response_200

    if response.status_code == 403:
        response_403 = tolerant(AccessDenied, response)

        return response_403

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccessDenied | StatusResponse]:
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
) -> Response[AccessDenied | StatusResponse]:
    """Check the session

     Checks that the session token is valid and reports a human-readable health summary, the
    server time, the called and current API versions and any recent errors in this session's
    context. 403 when the session is invalid or expired: obtain a new token and retry.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessDenied | StatusResponse]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> AccessDenied | StatusResponse | None:
    """Check the session

     Checks that the session token is valid and reports a human-readable health summary, the
    server time, the called and current API versions and any recent errors in this session's
    context. 403 when the session is invalid or expired: obtain a new token and retry.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessDenied | StatusResponse
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[AccessDenied | StatusResponse]:
    """Check the session

     Checks that the session token is valid and reports a human-readable health summary, the
    server time, the called and current API versions and any recent errors in this session's
    context. 403 when the session is invalid or expired: obtain a new token and retry.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessDenied | StatusResponse]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> AccessDenied | StatusResponse | None:
    """Check the session

     Checks that the session token is valid and reports a human-readable health summary, the
    server time, the called and current API versions and any recent errors in this session's
    context. 403 when the session is invalid or expired: obtain a new token and retry.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessDenied | StatusResponse
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
