from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.api_error import ApiError
from ...models.session_token import SessionToken
from ...types import UNSET, Response


def _get_kwargs(
    *,
    username: str,
    password: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["username"] = username

    params["password"] = password

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ApiError | SessionToken | None:
    if response.status_code == 200:
        response_200 = tolerant(SessionToken, response)

        return response_200

    if response.status_code == 400:
        response_400 = tolerant(ApiError, response)

        return response_400

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ApiError | SessionToken]:
    with reading(response):
        return Response(
            status_code=HTTPStatus(response.status_code),
            content=response.content,
            headers=response.headers,
            parsed=_parse_response(client=client, response=response),
        )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    username: str,
    password: str,
) -> Response[ApiError | SessionToken]:
    """Log in with user name and password

     Logs in with a Gestix user's credentials and answers a short-lived session token
    (`xa-token`). Recommended for user-facing applications where the end user provides their
    own Gestix credentials.

    The provider takes `username` and `password` in the **query string**. The SDK keeps this
    request's URL, and the password, out of its logs, reprs and exception messages; do the same
    in any code that handles the raw request.

    This call needs no `Authorization` header and no nonce. 400 "Invalid input" when a parameter
    is missing; assumed: 400 `AUTH_FAILED` for wrong credentials.

    Args:
        username (str):
        password (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | SessionToken]
    """

    kwargs = _get_kwargs(
        username=username,
        password=password,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    username: str,
    password: str,
) -> ApiError | SessionToken | None:
    """Log in with user name and password

     Logs in with a Gestix user's credentials and answers a short-lived session token
    (`xa-token`). Recommended for user-facing applications where the end user provides their
    own Gestix credentials.

    The provider takes `username` and `password` in the **query string**. The SDK keeps this
    request's URL, and the password, out of its logs, reprs and exception messages; do the same
    in any code that handles the raw request.

    This call needs no `Authorization` header and no nonce. 400 "Invalid input" when a parameter
    is missing; assumed: 400 `AUTH_FAILED` for wrong credentials.

    Args:
        username (str):
        password (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | SessionToken
    """

    return sync_detailed(
        client=client,
        username=username,
        password=password,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    username: str,
    password: str,
) -> Response[ApiError | SessionToken]:
    """Log in with user name and password

     Logs in with a Gestix user's credentials and answers a short-lived session token
    (`xa-token`). Recommended for user-facing applications where the end user provides their
    own Gestix credentials.

    The provider takes `username` and `password` in the **query string**. The SDK keeps this
    request's URL, and the password, out of its logs, reprs and exception messages; do the same
    in any code that handles the raw request.

    This call needs no `Authorization` header and no nonce. 400 "Invalid input" when a parameter
    is missing; assumed: 400 `AUTH_FAILED` for wrong credentials.

    Args:
        username (str):
        password (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ApiError | SessionToken]
    """

    kwargs = _get_kwargs(
        username=username,
        password=password,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    username: str,
    password: str,
) -> ApiError | SessionToken | None:
    """Log in with user name and password

     Logs in with a Gestix user's credentials and answers a short-lived session token
    (`xa-token`). Recommended for user-facing applications where the end user provides their
    own Gestix credentials.

    The provider takes `username` and `password` in the **query string**. The SDK keeps this
    request's URL, and the password, out of its logs, reprs and exception messages; do the same
    in any code that handles the raw request.

    This call needs no `Authorization` header and no nonce. 400 "Invalid input" when a parameter
    is missing; assumed: 400 `AUTH_FAILED` for wrong credentials.

    Args:
        username (str):
        password (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ApiError | SessionToken
    """

    return (
        await asyncio_detailed(
            client=client,
            username=username,
            password=password,
        )
    ).parsed
