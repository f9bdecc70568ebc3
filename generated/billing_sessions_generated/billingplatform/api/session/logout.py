from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.logout_response_body import LogoutResponseBody
from ...models.rate_limited import RateLimited
from ...models.unauthorized import Unauthorized
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rest/2.0/logout",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> LogoutResponseBody | RateLimited | Unauthorized | None:
    if response.status_code == 200:
        response_200 = tolerant(LogoutResponseBody, response)

        return response_200

    if response.status_code == 401:
        response_401 = tolerant(Unauthorized, response)

        return response_401

    if response.status_code == 429:
        response_429 = tolerant(RateLimited, response)

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[LogoutResponseBody | RateLimited | Unauthorized]:
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
) -> Response[LogoutResponseBody | RateLimited | Unauthorized]:
    """Log out and invalidate the session id

     Ends the session named by the `sessionid` header; the id cannot be used afterwards. Call it
    when the work is done. Assumed answer:
    `{"logoutResponse": [{"ErrorCode": "0", "ErrorText": " ", "Success": "true"}]}`. The
    provider's own example sends `Authorization: Session <id>`; assumed: the `sessionid` header
    works as for every other call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LogoutResponseBody | RateLimited | Unauthorized]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> LogoutResponseBody | RateLimited | Unauthorized | None:
    """Log out and invalidate the session id

     Ends the session named by the `sessionid` header; the id cannot be used afterwards. Call it
    when the work is done. Assumed answer:
    `{"logoutResponse": [{"ErrorCode": "0", "ErrorText": " ", "Success": "true"}]}`. The
    provider's own example sends `Authorization: Session <id>`; assumed: the `sessionid` header
    works as for every other call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LogoutResponseBody | RateLimited | Unauthorized
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[LogoutResponseBody | RateLimited | Unauthorized]:
    """Log out and invalidate the session id

     Ends the session named by the `sessionid` header; the id cannot be used afterwards. Call it
    when the work is done. Assumed answer:
    `{"logoutResponse": [{"ErrorCode": "0", "ErrorText": " ", "Success": "true"}]}`. The
    provider's own example sends `Authorization: Session <id>`; assumed: the `sessionid` header
    works as for every other call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[LogoutResponseBody | RateLimited | Unauthorized]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> LogoutResponseBody | RateLimited | Unauthorized | None:
    """Log out and invalidate the session id

     Ends the session named by the `sessionid` header; the id cannot be used afterwards. Call it
    when the work is done. Assumed answer:
    `{"logoutResponse": [{"ErrorCode": "0", "ErrorText": " ", "Success": "true"}]}`. The
    provider's own example sends `Authorization: Session <id>`; assumed: the `sessionid` header
    works as for every other call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        LogoutResponseBody | RateLimited | Unauthorized
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
