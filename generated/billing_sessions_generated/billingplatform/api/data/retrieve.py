from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.rate_limited import RateLimited
from ...models.retrieve_response_body import RetrieveResponseBody
from ...models.unauthorized import Unauthorized
from ...types import Response


def _get_kwargs(
    entity: str,
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/rest/2.0/{entity}/{id}".format(
            entity=quote(str(entity), safe=""),
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> RateLimited | RetrieveResponseBody | Unauthorized | None:
    if response.status_code == 200:
        response_200 = tolerant(RetrieveResponseBody, response)

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
) -> Response[RateLimited | RetrieveResponseBody | Unauthorized]:
    with reading(response):
        return Response(
            status_code=HTTPStatus(response.status_code),
            content=response.content,
            headers=response.headers,
            parsed=_parse_response(client=client, response=response),
        )


def sync_detailed(
    entity: str,
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[RateLimited | RetrieveResponseBody | Unauthorized]:
    """Retrieve one record by id

     Reads the record `id` of the entity `entity` with all its fields, answered under `retrieveResponse`
    (an array holding the record).

    Args:
        entity (str): The entity API name in upper case, e.g. `ACCOUNT`.
        id (str): The record's `Id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RateLimited | RetrieveResponseBody | Unauthorized]
    """

    kwargs = _get_kwargs(
        entity=entity,
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    entity: str,
    id: str,
    *,
    client: AuthenticatedClient,
) -> RateLimited | RetrieveResponseBody | Unauthorized | None:
    """Retrieve one record by id

     Reads the record `id` of the entity `entity` with all its fields, answered under `retrieveResponse`
    (an array holding the record).

    Args:
        entity (str): The entity API name in upper case, e.g. `ACCOUNT`.
        id (str): The record's `Id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RateLimited | RetrieveResponseBody | Unauthorized
    """

    return sync_detailed(
        entity=entity,
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    entity: str,
    id: str,
    *,
    client: AuthenticatedClient,
) -> Response[RateLimited | RetrieveResponseBody | Unauthorized]:
    """Retrieve one record by id

     Reads the record `id` of the entity `entity` with all its fields, answered under `retrieveResponse`
    (an array holding the record).

    Args:
        entity (str): The entity API name in upper case, e.g. `ACCOUNT`.
        id (str): The record's `Id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[RateLimited | RetrieveResponseBody | Unauthorized]
    """

    kwargs = _get_kwargs(
        entity=entity,
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    entity: str,
    id: str,
    *,
    client: AuthenticatedClient,
) -> RateLimited | RetrieveResponseBody | Unauthorized | None:
    """Retrieve one record by id

     Reads the record `id` of the entity `entity` with all its fields, answered under `retrieveResponse`
    (an array holding the record).

    Args:
        entity (str): The entity API name in upper case, e.g. `ACCOUNT`.
        id (str): The record's `Id`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        RateLimited | RetrieveResponseBody | Unauthorized
    """

    return (
        await asyncio_detailed(
            entity=entity,
            id=id,
            client=client,
        )
    ).parsed
