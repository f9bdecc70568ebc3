from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.bad_request import BadRequest
from ...models.query_response_body import QueryResponseBody
from ...models.rate_limited import RateLimited
from ...models.unauthorized import Unauthorized
from ...types import UNSET, Response


def _get_kwargs(
    *,
    sql: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["sql"] = sql

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/2.0/query",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequest | QueryResponseBody | RateLimited | Unauthorized | None:
    if response.status_code == 200:
        response_200 = tolerant(QueryResponseBody, response)

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
) -> Response[BadRequest | QueryResponseBody | RateLimited | Unauthorized]:
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
    sql: str,
) -> Response[BadRequest | QueryResponseBody | RateLimited | Unauthorized]:
    """Run a BP SQL query

     Runs a read-only BP SQL `SELECT` and answers the matching records under `queryResponse`,
    each with the selected fields. Page through large results inside the SQL itself:
    `... ORDER BY Id OFFSET 0 ROWS FETCH NEXT 1000 ROWS ONLY`, then `OFFSET 1000 ROWS`, and so
    on, until a page comes back with fewer rows than requested. The server stops a query after
    400 seconds: set the client timeout higher and keep pages small.

    Args:
        sql (str): The BP SQL statement. Paging: `OFFSET n ROWS FETCH NEXT m ROWS ONLY`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequest | QueryResponseBody | RateLimited | Unauthorized]
    """

    kwargs = _get_kwargs(
        sql=sql,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    sql: str,
) -> BadRequest | QueryResponseBody | RateLimited | Unauthorized | None:
    """Run a BP SQL query

     Runs a read-only BP SQL `SELECT` and answers the matching records under `queryResponse`,
    each with the selected fields. Page through large results inside the SQL itself:
    `... ORDER BY Id OFFSET 0 ROWS FETCH NEXT 1000 ROWS ONLY`, then `OFFSET 1000 ROWS`, and so
    on, until a page comes back with fewer rows than requested. The server stops a query after
    400 seconds: set the client timeout higher and keep pages small.

    Args:
        sql (str): The BP SQL statement. Paging: `OFFSET n ROWS FETCH NEXT m ROWS ONLY`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequest | QueryResponseBody | RateLimited | Unauthorized
    """

    return sync_detailed(
        client=client,
        sql=sql,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    sql: str,
) -> Response[BadRequest | QueryResponseBody | RateLimited | Unauthorized]:
    """Run a BP SQL query

     Runs a read-only BP SQL `SELECT` and answers the matching records under `queryResponse`,
    each with the selected fields. Page through large results inside the SQL itself:
    `... ORDER BY Id OFFSET 0 ROWS FETCH NEXT 1000 ROWS ONLY`, then `OFFSET 1000 ROWS`, and so
    on, until a page comes back with fewer rows than requested. The server stops a query after
    400 seconds: set the client timeout higher and keep pages small.

    Args:
        sql (str): The BP SQL statement. Paging: `OFFSET n ROWS FETCH NEXT m ROWS ONLY`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequest | QueryResponseBody | RateLimited | Unauthorized]
    """

    kwargs = _get_kwargs(
        sql=sql,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    sql: str,
) -> BadRequest | QueryResponseBody | RateLimited | Unauthorized | None:
    """Run a BP SQL query

     Runs a read-only BP SQL `SELECT` and answers the matching records under `queryResponse`,
    each with the selected fields. Page through large results inside the SQL itself:
    `... ORDER BY Id OFFSET 0 ROWS FETCH NEXT 1000 ROWS ONLY`, then `OFFSET 1000 ROWS`, and so
    on, until a page comes back with fewer rows than requested. The server stops a query after
    400 seconds: set the client timeout higher and keep pages small.

    Args:
        sql (str): The BP SQL statement. Paging: `OFFSET n ROWS FETCH NEXT m ROWS ONLY`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequest | QueryResponseBody | RateLimited | Unauthorized
    """

    return (
        await asyncio_detailed(
            client=client,
            sql=sql,
        )
    ).parsed
