from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading, tolerant
from ...client import AuthenticatedClient, Client
from ...models.error_entry import ErrorEntry
from ...models.step_up_request import StepUpRequest
from ...models.step_up_response import StepUpResponse
from ...types import Response


def _get_kwargs(
    *,
    body: StepUpRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v3/mfa/step-up",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> StepUpResponse | list[ErrorEntry] | None:
    if response.status_code == 200:
        response_200 = tolerant(StepUpResponse, response)

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
) -> Response[StepUpResponse | list[ErrorEntry]]:
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
    body: StepUpRequest,
) -> Response[StepUpResponse | list[ErrorEntry]]:
    """Make the current session trusted with a remembered MFA id

     Marks the current session MFA-trusted without a new login, given a valid `rememberMeId` and its
    `device`.

    Args:
        body (StepUpRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[StepUpResponse | list[ErrorEntry]]
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
    body: StepUpRequest,
) -> StepUpResponse | list[ErrorEntry] | None:
    """Make the current session trusted with a remembered MFA id

     Marks the current session MFA-trusted without a new login, given a valid `rememberMeId` and its
    `device`.

    Args:
        body (StepUpRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        StepUpResponse | list[ErrorEntry]
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: StepUpRequest,
) -> Response[StepUpResponse | list[ErrorEntry]]:
    """Make the current session trusted with a remembered MFA id

     Marks the current session MFA-trusted without a new login, given a valid `rememberMeId` and its
    `device`.

    Args:
        body (StepUpRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[StepUpResponse | list[ErrorEntry]]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: StepUpRequest,
) -> StepUpResponse | list[ErrorEntry] | None:
    """Make the current session trusted with a remembered MFA id

     Marks the current session MFA-trusted without a new login, given a valid `rememberMeId` and its
    `device`.

    Args:
        body (StepUpRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        StepUpResponse | list[ErrorEntry]
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
