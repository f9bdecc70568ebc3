from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.bad_request import BadRequest
from ...models.brm_request import BrmRequest
from ...models.rate_limited import RateLimited
from ...models.unauthorized import Unauthorized
from ...models.update_response_body import UpdateResponseBody
from ...types import Response


def _get_kwargs(
    entity: str,
    *,
    body: BrmRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/rest/2.0/{entity}".format(
            entity=quote(str(entity), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BadRequest | RateLimited | Unauthorized | UpdateResponseBody | None:
    if response.status_code == 200:
        response_200 = tolerant(UpdateResponseBody, response)

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
) -> Response[BadRequest | RateLimited | Unauthorized | UpdateResponseBody]:
    with reading(response):
        return Response(
            status_code=HTTPStatus(response.status_code),
            content=response.content,
            headers=response.headers,
            parsed=_parse_response(client=client, response=response),
        )


def sync_detailed(
    entity: str,
    *,
    client: AuthenticatedClient,
    body: BrmRequest,
) -> Response[BadRequest | RateLimited | Unauthorized | UpdateResponseBody]:
    """Update records

     Updates existing records of the entity. Each record in `brmObjects` names its `Id` and the fields to
    change. One result per record; check each `ErrorCode`. Assumed answer form.

    Args:
        entity (str): The entity API name in upper case, e.g. `ACCOUNT`.
        body (BrmRequest): Body of the write calls (create, update, delete): the records under
            `brmObjects`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequest | RateLimited | Unauthorized | UpdateResponseBody]
    """

    kwargs = _get_kwargs(
        entity=entity,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    entity: str,
    *,
    client: AuthenticatedClient,
    body: BrmRequest,
) -> BadRequest | RateLimited | Unauthorized | UpdateResponseBody | None:
    """Update records

     Updates existing records of the entity. Each record in `brmObjects` names its `Id` and the fields to
    change. One result per record; check each `ErrorCode`. Assumed answer form.

    Args:
        entity (str): The entity API name in upper case, e.g. `ACCOUNT`.
        body (BrmRequest): Body of the write calls (create, update, delete): the records under
            `brmObjects`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequest | RateLimited | Unauthorized | UpdateResponseBody
    """

    return sync_detailed(
        entity=entity,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    entity: str,
    *,
    client: AuthenticatedClient,
    body: BrmRequest,
) -> Response[BadRequest | RateLimited | Unauthorized | UpdateResponseBody]:
    """Update records

     Updates existing records of the entity. Each record in `brmObjects` names its `Id` and the fields to
    change. One result per record; check each `ErrorCode`. Assumed answer form.

    Args:
        entity (str): The entity API name in upper case, e.g. `ACCOUNT`.
        body (BrmRequest): Body of the write calls (create, update, delete): the records under
            `brmObjects`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequest | RateLimited | Unauthorized | UpdateResponseBody]
    """

    kwargs = _get_kwargs(
        entity=entity,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    entity: str,
    *,
    client: AuthenticatedClient,
    body: BrmRequest,
) -> BadRequest | RateLimited | Unauthorized | UpdateResponseBody | None:
    """Update records

     Updates existing records of the entity. Each record in `brmObjects` names its `Id` and the fields to
    change. One result per record; check each `ErrorCode`. Assumed answer form.

    Args:
        entity (str): The entity API name in upper case, e.g. `ACCOUNT`.
        body (BrmRequest): Body of the write calls (create, update, delete): the records under
            `brmObjects`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequest | RateLimited | Unauthorized | UpdateResponseBody
    """

    return (
        await asyncio_detailed(
            entity=entity,
            client=client,
            body=body,
        )
    ).parsed
