from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.access_denied import AccessDenied
from ...models.api_error import ApiError
from ...models.document_created import DocumentCreated
from ...types import UNSET, Response


def _get_kwargs(
    *,
    document_series: str,
    document_number: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["documentSeries"] = document_series

    params["documentNumber"] = document_number

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/invoices",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessDenied | ApiError | DocumentCreated | None:
    if response.status_code == 200:
        response_200 = tolerant(DocumentCreated, response)

        return response_200

    if response.status_code == 400:
        response_400 = tolerant(ApiError, response)

        return response_400

    if response.status_code == 403:
        response_403 = tolerant(AccessDenied, response)

        return response_403

    if response.status_code == 404:
        response_404 = tolerant(ApiError, response)

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[AccessDenied | ApiError | DocumentCreated]:
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
    document_series: str,
    document_number: int,
) -> Response[AccessDenied | ApiError | DocumentCreated]:
    """Read an invoice by its series and number

     Answers the document with this series and number (200), 404 when there is none, 400 when
    either is missing or malformed. Used to read back a document whose creation answered 409
    `DUPLICATE_ENTRY` (it already exists). Assumed: the read endpoint and its answer are not in
    the documentation used here.

    Args:
        document_series (str):
        document_number (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessDenied | ApiError | DocumentCreated]
    """

    kwargs = _get_kwargs(
        document_series=document_series,
        document_number=document_number,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    document_series: str,
    document_number: int,
) -> AccessDenied | ApiError | DocumentCreated | None:
    """Read an invoice by its series and number

     Answers the document with this series and number (200), 404 when there is none, 400 when
    either is missing or malformed. Used to read back a document whose creation answered 409
    `DUPLICATE_ENTRY` (it already exists). Assumed: the read endpoint and its answer are not in
    the documentation used here.

    Args:
        document_series (str):
        document_number (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessDenied | ApiError | DocumentCreated
    """

    return sync_detailed(
        client=client,
        document_series=document_series,
        document_number=document_number,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    document_series: str,
    document_number: int,
) -> Response[AccessDenied | ApiError | DocumentCreated]:
    """Read an invoice by its series and number

     Answers the document with this series and number (200), 404 when there is none, 400 when
    either is missing or malformed. Used to read back a document whose creation answered 409
    `DUPLICATE_ENTRY` (it already exists). Assumed: the read endpoint and its answer are not in
    the documentation used here.

    Args:
        document_series (str):
        document_number (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessDenied | ApiError | DocumentCreated]
    """

    kwargs = _get_kwargs(
        document_series=document_series,
        document_number=document_number,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    document_series: str,
    document_number: int,
) -> AccessDenied | ApiError | DocumentCreated | None:
    """Read an invoice by its series and number

     Answers the document with this series and number (200), 404 when there is none, 400 when
    either is missing or malformed. Used to read back a document whose creation answered 409
    `DUPLICATE_ENTRY` (it already exists). Assumed: the read endpoint and its answer are not in
    the documentation used here.

    Args:
        document_series (str):
        document_number (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessDenied | ApiError | DocumentCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            document_series=document_series,
            document_number=document_number,
        )
    ).parsed
