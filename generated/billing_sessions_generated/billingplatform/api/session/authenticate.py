from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.authenticate_grant_type import (
    AuthenticateGrantType,
)
from ...models.bad_request import BadRequest
from ...models.oauth_token import OauthToken
from ...models.rate_limited import RateLimited
from ...models.unauthorized import Unauthorized
from ...types import UNSET, Response


def _get_kwargs(
    *,
    grant_type: AuthenticateGrantType = "client_credentials",
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_grant_type: str = grant_type
    params["grant_type"] = json_grant_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/auth/1.0/authenticate",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequest | OauthToken | RateLimited | Unauthorized | None:
    if response.status_code == 200:
        response_200 = tolerant(OauthToken, response)

        return response_200

    if response.status_code == 400:
        response_400 = tolerant(BadRequest, response)

        return response_400

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
) -> Response[BadRequest | OauthToken | RateLimited | Unauthorized]:
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
    grant_type: AuthenticateGrantType = "client_credentials",
) -> Response[BadRequest | OauthToken | RateLimited | Unauthorized]:
    """Obtain an OAuth access token (client credentials)

     OAuth 2.0 client-credentials grant. Send `Authorization: Basic base64(client_id:client_secret)`
    (keys from Setup > Security > Inbound OAuth Keys) and `grant_type=client_credentials` in the
    query string; there is no body. The answer's `access_token` is then sent as
    `Authorization: Bearer <access_token>` on data calls until `expires_in` seconds have passed;
    request a new token before that (or after a 401).

    Assumed: this endpoint, its parameters and its answer come from a community client library,
    not from provider documentation.

    Args:
        grant_type (AuthenticateGrantType): The OAuth 2.0 grant type; only `client_credentials` is
            supported. Default: 'client_credentials'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequest | OauthToken | RateLimited | Unauthorized]
    """

    kwargs = _get_kwargs(
        grant_type=grant_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    grant_type: AuthenticateGrantType = "client_credentials",
) -> BadRequest | OauthToken | RateLimited | Unauthorized | None:
    """Obtain an OAuth access token (client credentials)

     OAuth 2.0 client-credentials grant. Send `Authorization: Basic base64(client_id:client_secret)`
    (keys from Setup > Security > Inbound OAuth Keys) and `grant_type=client_credentials` in the
    query string; there is no body. The answer's `access_token` is then sent as
    `Authorization: Bearer <access_token>` on data calls until `expires_in` seconds have passed;
    request a new token before that (or after a 401).

    Assumed: this endpoint, its parameters and its answer come from a community client library,
    not from provider documentation.

    Args:
        grant_type (AuthenticateGrantType): The OAuth 2.0 grant type; only `client_credentials` is
            supported. Default: 'client_credentials'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequest | OauthToken | RateLimited | Unauthorized
    """

    return sync_detailed(
        client=client,
        grant_type=grant_type,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    grant_type: AuthenticateGrantType = "client_credentials",
) -> Response[BadRequest | OauthToken | RateLimited | Unauthorized]:
    """Obtain an OAuth access token (client credentials)

     OAuth 2.0 client-credentials grant. Send `Authorization: Basic base64(client_id:client_secret)`
    (keys from Setup > Security > Inbound OAuth Keys) and `grant_type=client_credentials` in the
    query string; there is no body. The answer's `access_token` is then sent as
    `Authorization: Bearer <access_token>` on data calls until `expires_in` seconds have passed;
    request a new token before that (or after a 401).

    Assumed: this endpoint, its parameters and its answer come from a community client library,
    not from provider documentation.

    Args:
        grant_type (AuthenticateGrantType): The OAuth 2.0 grant type; only `client_credentials` is
            supported. Default: 'client_credentials'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequest | OauthToken | RateLimited | Unauthorized]
    """

    kwargs = _get_kwargs(
        grant_type=grant_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    grant_type: AuthenticateGrantType = "client_credentials",
) -> BadRequest | OauthToken | RateLimited | Unauthorized | None:
    """Obtain an OAuth access token (client credentials)

     OAuth 2.0 client-credentials grant. Send `Authorization: Basic base64(client_id:client_secret)`
    (keys from Setup > Security > Inbound OAuth Keys) and `grant_type=client_credentials` in the
    query string; there is no body. The answer's `access_token` is then sent as
    `Authorization: Bearer <access_token>` on data calls until `expires_in` seconds have passed;
    request a new token before that (or after a 401).

    Assumed: this endpoint, its parameters and its answer come from a community client library,
    not from provider documentation.

    Args:
        grant_type (AuthenticateGrantType): The OAuth 2.0 grant type; only `client_credentials` is
            supported. Default: 'client_credentials'.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequest | OauthToken | RateLimited | Unauthorized
    """

    return (
        await asyncio_detailed(
            client=client,
            grant_type=grant_type,
        )
    ).parsed
