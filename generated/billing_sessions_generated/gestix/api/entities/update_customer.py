from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.access_denied import AccessDenied
from ...models.api_error import ApiError
from ...models.customer_input import CustomerInput
from ...models.entity_created import EntityCreated
from ...types import Response


def _get_kwargs(
    *,
    body: CustomerInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/customers",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessDenied | ApiError | EntityCreated | None:
    if response.status_code == 201:
        response_201 = tolerant(EntityCreated, response)

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
) -> Response[AccessDenied | ApiError | EntityCreated]:
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
    body: CustomerInput,
) -> Response[AccessDenied | ApiError | EntityCreated]:
    """Update a customer

     Updates a customer, identified by `id` or `entity_code` in the body (assumed), and answers
    its id and entity code (201).

    Needs the write `nonce` (added by the SDK's session layer; declared inline here, the same
    parameter as `#/components/parameters/nonce`). 400 invalid input, 403 invalid or expired
    session, 409 duplicate entry.

    Args:
        body (CustomerInput): A customer to create or update. Assumed field names. For `PUT
            /customers`, `id` or `entity_code` names the customer to update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessDenied | ApiError | EntityCreated]
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
    client: AuthenticatedClient,
    body: CustomerInput,
) -> AccessDenied | ApiError | EntityCreated | None:
    """Update a customer

     Updates a customer, identified by `id` or `entity_code` in the body (assumed), and answers
    its id and entity code (201).

    Needs the write `nonce` (added by the SDK's session layer; declared inline here, the same
    parameter as `#/components/parameters/nonce`). 400 invalid input, 403 invalid or expired
    session, 409 duplicate entry.

    Args:
        body (CustomerInput): A customer to create or update. Assumed field names. For `PUT
            /customers`, `id` or `entity_code` names the customer to update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessDenied | ApiError | EntityCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CustomerInput,
) -> Response[AccessDenied | ApiError | EntityCreated]:
    """Update a customer

     Updates a customer, identified by `id` or `entity_code` in the body (assumed), and answers
    its id and entity code (201).

    Needs the write `nonce` (added by the SDK's session layer; declared inline here, the same
    parameter as `#/components/parameters/nonce`). 400 invalid input, 403 invalid or expired
    session, 409 duplicate entry.

    Args:
        body (CustomerInput): A customer to create or update. Assumed field names. For `PUT
            /customers`, `id` or `entity_code` names the customer to update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AccessDenied | ApiError | EntityCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CustomerInput,
) -> AccessDenied | ApiError | EntityCreated | None:
    """Update a customer

     Updates a customer, identified by `id` or `entity_code` in the body (assumed), and answers
    its id and entity code (201).

    Needs the write `nonce` (added by the SDK's session layer; declared inline here, the same
    parameter as `#/components/parameters/nonce`). 400 invalid input, 403 invalid or expired
    session, 409 duplicate entry.

    Args:
        body (CustomerInput): A customer to create or update. Assumed field names. For `PUT
            /customers`, `id` or `entity_code` names the customer to update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AccessDenied | ApiError | EntityCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
