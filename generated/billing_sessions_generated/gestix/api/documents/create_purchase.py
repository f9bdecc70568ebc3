from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.access_denied import AccessDenied
from ...models.api_error import ApiError
from ...models.document_created import DocumentCreated
from ...models.document_input import DocumentInput
from ...models.print_option import PrintOption
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: DocumentInput,
    print_: PrintOption | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_print_: int | Unset = UNSET
    if not isinstance(print_, Unset):
        json_print_ = print_

    params["print"] = json_print_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/purchases",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessDenied | ApiError | DocumentCreated | None:
    if response.status_code == 201:
        response_201 = tolerant(DocumentCreated, response)

        return response_201

    if response.status_code == 400:
        response_400 = tolerant(ApiError, response)

        return response_400

    if response.status_code == 403:
        response_403 = tolerant(AccessDenied, response)

        return response_403

    if response.status_code == 409:
        response_409 = tolerant(ApiError, response)

        return response_409

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
    body: DocumentInput,
    print_: PrintOption | Unset = UNSET,
) -> Response[AccessDenied | ApiError | DocumentCreated]:
    """Record a purchase

     Records a purchase document from a supplier and answers its id, series, number and URL
    (201). With `print=1` the answer may be the document's PDF instead. Name the supplier with
    `supplier_id` or `supplier_code` (assumed).

    Needs the write `nonce` (added by the SDK's session layer). 400 invalid input, 403 invalid
    or expired session, 409 duplicate entry.

    Args:
        print_ (PrintOption | Unset): Answer format of a document endpoint: `0` JSON
            `documentCreated` (default), `1` the document's PDF.
        body (DocumentInput): A document to create; shared by every document endpoint. Assumed
            field names: the
            provider's request schema is not in the documentation used here.

            Sales documents (invoices, orders, receipts) name the customer with `customer_id` or
            `customer_code`; purchase documents (purchases, purchase orders) name the supplier with
            `supplier_id` or `supplier_code`. Fields not modelled here (e.g. the warehouses of a
            transfer order) can be sent as additional properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessDenied | ApiError | DocumentCreated]
    """

    kwargs = _get_kwargs(
        body=body,
        print_=print_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: DocumentInput,
    print_: PrintOption | Unset = UNSET,
) -> AccessDenied | ApiError | DocumentCreated | None:
    """Record a purchase

     Records a purchase document from a supplier and answers its id, series, number and URL
    (201). With `print=1` the answer may be the document's PDF instead. Name the supplier with
    `supplier_id` or `supplier_code` (assumed).

    Needs the write `nonce` (added by the SDK's session layer). 400 invalid input, 403 invalid
    or expired session, 409 duplicate entry.

    Args:
        print_ (PrintOption | Unset): Answer format of a document endpoint: `0` JSON
            `documentCreated` (default), `1` the document's PDF.
        body (DocumentInput): A document to create; shared by every document endpoint. Assumed
            field names: the
            provider's request schema is not in the documentation used here.

            Sales documents (invoices, orders, receipts) name the customer with `customer_id` or
            `customer_code`; purchase documents (purchases, purchase orders) name the supplier with
            `supplier_id` or `supplier_code`. Fields not modelled here (e.g. the warehouses of a
            transfer order) can be sent as additional properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessDenied | ApiError | DocumentCreated
    """

    return sync_detailed(
        client=client,
        body=body,
        print_=print_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: DocumentInput,
    print_: PrintOption | Unset = UNSET,
) -> Response[AccessDenied | ApiError | DocumentCreated]:
    """Record a purchase

     Records a purchase document from a supplier and answers its id, series, number and URL
    (201). With `print=1` the answer may be the document's PDF instead. Name the supplier with
    `supplier_id` or `supplier_code` (assumed).

    Needs the write `nonce` (added by the SDK's session layer). 400 invalid input, 403 invalid
    or expired session, 409 duplicate entry.

    Args:
        print_ (PrintOption | Unset): Answer format of a document endpoint: `0` JSON
            `documentCreated` (default), `1` the document's PDF.
        body (DocumentInput): A document to create; shared by every document endpoint. Assumed
            field names: the
            provider's request schema is not in the documentation used here.

            Sales documents (invoices, orders, receipts) name the customer with `customer_id` or
            `customer_code`; purchase documents (purchases, purchase orders) name the supplier with
            `supplier_id` or `supplier_code`. Fields not modelled here (e.g. the warehouses of a
            transfer order) can be sent as additional properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessDenied | ApiError | DocumentCreated]
    """

    kwargs = _get_kwargs(
        body=body,
        print_=print_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: DocumentInput,
    print_: PrintOption | Unset = UNSET,
) -> AccessDenied | ApiError | DocumentCreated | None:
    """Record a purchase

     Records a purchase document from a supplier and answers its id, series, number and URL
    (201). With `print=1` the answer may be the document's PDF instead. Name the supplier with
    `supplier_id` or `supplier_code` (assumed).

    Needs the write `nonce` (added by the SDK's session layer). 400 invalid input, 403 invalid
    or expired session, 409 duplicate entry.

    Args:
        print_ (PrintOption | Unset): Answer format of a document endpoint: `0` JSON
            `documentCreated` (default), `1` the document's PDF.
        body (DocumentInput): A document to create; shared by every document endpoint. Assumed
            field names: the
            provider's request schema is not in the documentation used here.

            Sales documents (invoices, orders, receipts) name the customer with `customer_id` or
            `customer_code`; purchase documents (purchases, purchase orders) name the supplier with
            `supplier_id` or `supplier_code`. Fields not modelled here (e.g. the warehouses of a
            transfer order) can be sent as additional properties.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessDenied | ApiError | DocumentCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            print_=print_,
        )
    ).parsed
