from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.bill import Bill
from ...models.error_entry import ErrorEntry
from ...types import Response


def _get_kwargs(
    bill_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/bills/{bill_id}".format(
            bill_id=quote(str(bill_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Bill | list[ErrorEntry] | None:
    if response.status_code == 200:
        response_200 = tolerant(Bill, response)

        return response_200

    if response.status_code == 401:
        response_401 = []
        _response_401 = response.json()
        for componentsschemaserror_array_item_data in _response_401:
            componentsschemaserror_array_item = ErrorEntry.from_dict(
                componentsschemaserror_array_item_data
            )

            response_401.append(componentsschemaserror_array_item)

        return response_401

    if response.status_code == 404:
        response_404 = []
        _response_404 = response.json()
        for componentsschemaserror_array_item_data in _response_404:
            componentsschemaserror_array_item = ErrorEntry.from_dict(
                componentsschemaserror_array_item_data
            )

            response_404.append(componentsschemaserror_array_item)

        return response_404

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
) -> Response[Bill | list[ErrorEntry]]:
    with reading(response):
        return Response(
            status_code=HTTPStatus(response.status_code),
            content=response.content,
            headers=response.headers,
            parsed=_parse_response(client=client, response=response),
        )


def sync_detailed(
    bill_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Bill | list[ErrorEntry]]:
    """One bill

    Args:
        bill_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Bill | list[ErrorEntry]]
    """

    kwargs = _get_kwargs(
        bill_id=bill_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    bill_id: str,
    *,
    client: AuthenticatedClient,
) -> Bill | list[ErrorEntry] | None:
    """One bill

    Args:
        bill_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Bill | list[ErrorEntry]
    """

    return sync_detailed(
        bill_id=bill_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    bill_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Bill | list[ErrorEntry]]:
    """One bill

    Args:
        bill_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Bill | list[ErrorEntry]]
    """

    kwargs = _get_kwargs(
        bill_id=bill_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    bill_id: str,
    *,
    client: AuthenticatedClient,
) -> Bill | list[ErrorEntry] | None:
    """One bill

    Args:
        bill_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Bill | list[ErrorEntry]
    """

    return (
        await asyncio_detailed(
            bill_id=bill_id,
            client=client,
        )
    ).parsed
