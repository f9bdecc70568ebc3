from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.bad_request import BadRequest
from ...models.login_request import LoginRequest
from ...models.login_response_body import LoginResponseBody
from ...models.rate_limited import RateLimited
from ...types import Response


def _get_kwargs(
    *,
    body: LoginRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/rest/2.0/login",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequest | LoginResponseBody | RateLimited | None:
    if response.status_code == 200:
        response_200 = tolerant(LoginResponseBody, response)

        return response_200

    if response.status_code == 400:
        response_400 = tolerant(BadRequest, response)

        return response_400

    if response.status_code == 401:
        response_401 = tolerant(LoginResponseBody, response)

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
) -> Response[BadRequest | LoginResponseBody | RateLimited]:
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
    body: LoginRequest,
) -> Response[BadRequest | LoginResponseBody | RateLimited]:
    """Log in with username and password

     Exchanges a username and password for a session id. The user needs API access in
    BillingPlatform. On success `loginResponse[0].SessionID` holds the id to send as the
    `sessionid` header on later calls and `ErrorCode` is `"0"`.

    **Check `ErrorCode`, not only the status.** Assumed: a failed login answers HTTP 200 or 401
    with the same envelope and an `ErrorCode` other than `"0"`; `ErrorText` then carries the
    reason. Example of a failed login:
    `{"loginResponse": [{"ErrorCode": "1", "ErrorText": ["Invalid username or password"]}]}`.

    Reuse the session for as long as possible; the provider publishes no lifetime.

    Args:
        body (LoginRequest): Credentials of a BillingPlatform user with API access.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequest | LoginResponseBody | RateLimited]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> BadRequest | LoginResponseBody | RateLimited | None:
    """Log in with username and password

     Exchanges a username and password for a session id. The user needs API access in
    BillingPlatform. On success `loginResponse[0].SessionID` holds the id to send as the
    `sessionid` header on later calls and `ErrorCode` is `"0"`.

    **Check `ErrorCode`, not only the status.** Assumed: a failed login answers HTTP 200 or 401
    with the same envelope and an `ErrorCode` other than `"0"`; `ErrorText` then carries the
    reason. Example of a failed login:
    `{"loginResponse": [{"ErrorCode": "1", "ErrorText": ["Invalid username or password"]}]}`.

    Reuse the session for as long as possible; the provider publishes no lifetime.

    Args:
        body (LoginRequest): Credentials of a BillingPlatform user with API access.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequest | LoginResponseBody | RateLimited
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> Response[BadRequest | LoginResponseBody | RateLimited]:
    """Log in with username and password

     Exchanges a username and password for a session id. The user needs API access in
    BillingPlatform. On success `loginResponse[0].SessionID` holds the id to send as the
    `sessionid` header on later calls and `ErrorCode` is `"0"`.

    **Check `ErrorCode`, not only the status.** Assumed: a failed login answers HTTP 200 or 401
    with the same envelope and an `ErrorCode` other than `"0"`; `ErrorText` then carries the
    reason. Example of a failed login:
    `{"loginResponse": [{"ErrorCode": "1", "ErrorText": ["Invalid username or password"]}]}`.

    Reuse the session for as long as possible; the provider publishes no lifetime.

    Args:
        body (LoginRequest): Credentials of a BillingPlatform user with API access.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequest | LoginResponseBody | RateLimited]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,
) -> BadRequest | LoginResponseBody | RateLimited | None:
    """Log in with username and password

     Exchanges a username and password for a session id. The user needs API access in
    BillingPlatform. On success `loginResponse[0].SessionID` holds the id to send as the
    `sessionid` header on later calls and `ErrorCode` is `"0"`.

    **Check `ErrorCode`, not only the status.** Assumed: a failed login answers HTTP 200 or 401
    with the same envelope and an `ErrorCode` other than `"0"`; `ErrorText` then carries the
    reason. Example of a failed login:
    `{"loginResponse": [{"ErrorCode": "1", "ErrorText": ["Invalid username or password"]}]}`.

    Reuse the session for as long as possible; the provider publishes no lifetime.

    Args:
        body (LoginRequest): Credentials of a BillingPlatform user with API access.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequest | LoginResponseBody | RateLimited
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
