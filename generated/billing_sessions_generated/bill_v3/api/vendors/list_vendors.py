from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.error_entry import ErrorEntry
from ...models.vendor_list import VendorList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    max_: int | Unset = 20,
    page: str | Unset = UNSET,
    filters: str | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["max"] = max_

    params["page"] = page

    params["filters"] = filters

    params["sort"] = sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/vendors",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> VendorList | list[ErrorEntry] | None:
    if response.status_code == 200:
        response_200 = tolerant(VendorList, response)

        return response_200

    if response.status_code == 400:
        response_400 = []
        _response_400 = response.json()
        for componentsschemaserror_array_item_data in _response_400:
            componentsschemaserror_array_item = ErrorEntry.from_dict(
                componentsschemaserror_array_item_data
            )

            response_400.append(componentsschemaserror_array_item)

        return response_400

    if response.status_code == 401:
        response_401 = []
        _response_401 = response.json()
        for componentsschemaserror_array_item_data in _response_401:
            componentsschemaserror_array_item = ErrorEntry.from_dict(
                componentsschemaserror_array_item_data
            )

            response_401.append(componentsschemaserror_array_item)

        return response_401

    if response.status_code == 429:
        response_429 = []
        _response_429 = response.json()
        for componentsschemaserror_array_item_data in _response_429:
            componentsschemaserror_array_item = ErrorEntry.from_dict(
                componentsschemaserror_array_item_data
            )

            response_429.append(componentsschemaserror_array_item)

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[VendorList | list[ErrorEntry]]:
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
    max_: int | Unset = 20,
    page: str | Unset = UNSET,
    filters: str | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> Response[VendorList | list[ErrorEntry]]:
    """List vendors (cursor pagination)

     Filters: `id` (eq, ne, in), `archived` (eq, ne), `name` (eq, sw), `accountType` (eq, ne, in,
    nin), `createdTime` / `updatedTime` (gt, gte, lt, lte). Sort: `name`, `createdTime`,
    `updatedTime`, `archived`. 400 for `max` outside 1..100 or a bad filter or sort.

    Args:
        max_ (int | Unset):  Default: 20.
        page (str | Unset):
        filters (str | Unset):
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[VendorList | list[ErrorEntry]]
    """

    kwargs = _get_kwargs(
        max_=max_,
        page=page,
        filters=filters,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    max_: int | Unset = 20,
    page: str | Unset = UNSET,
    filters: str | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> VendorList | list[ErrorEntry] | None:
    """List vendors (cursor pagination)

     Filters: `id` (eq, ne, in), `archived` (eq, ne), `name` (eq, sw), `accountType` (eq, ne, in,
    nin), `createdTime` / `updatedTime` (gt, gte, lt, lte). Sort: `name`, `createdTime`,
    `updatedTime`, `archived`. 400 for `max` outside 1..100 or a bad filter or sort.

    Args:
        max_ (int | Unset):  Default: 20.
        page (str | Unset):
        filters (str | Unset):
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        VendorList | list[ErrorEntry]
    """

    return sync_detailed(
        client=client,
        max_=max_,
        page=page,
        filters=filters,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    max_: int | Unset = 20,
    page: str | Unset = UNSET,
    filters: str | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> Response[VendorList | list[ErrorEntry]]:
    """List vendors (cursor pagination)

     Filters: `id` (eq, ne, in), `archived` (eq, ne), `name` (eq, sw), `accountType` (eq, ne, in,
    nin), `createdTime` / `updatedTime` (gt, gte, lt, lte). Sort: `name`, `createdTime`,
    `updatedTime`, `archived`. 400 for `max` outside 1..100 or a bad filter or sort.

    Args:
        max_ (int | Unset):  Default: 20.
        page (str | Unset):
        filters (str | Unset):
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[VendorList | list[ErrorEntry]]
    """

    kwargs = _get_kwargs(
        max_=max_,
        page=page,
        filters=filters,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    max_: int | Unset = 20,
    page: str | Unset = UNSET,
    filters: str | Unset = UNSET,
    sort: str | Unset = UNSET,
) -> VendorList | list[ErrorEntry] | None:
    """List vendors (cursor pagination)

     Filters: `id` (eq, ne, in), `archived` (eq, ne), `name` (eq, sw), `accountType` (eq, ne, in,
    nin), `createdTime` / `updatedTime` (gt, gte, lt, lte). Sort: `name`, `createdTime`,
    `updatedTime`, `archived`. 400 for `max` outside 1..100 or a bad filter or sort.

    Args:
        max_ (int | Unset):  Default: 20.
        page (str | Unset):
        filters (str | Unset):
        sort (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        VendorList | list[ErrorEntry]
    """

    return (
        await asyncio_detailed(
            client=client,
            max_=max_,
            page=page,
            filters=filters,
            sort=sort,
        )
    ).parsed
