from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.session_body import SessionBody
from ...models.session_info_success import SessionInfoSuccess
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SessionBody | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/GetSessionInfo.json",
    }

    if not isinstance(body, Unset):
        _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SessionInfoSuccess | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | SessionInfoSuccess:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = SessionInfoSuccess.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = ErrorEnvelope.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | SessionInfoSuccess]:
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
    body: SessionBody | Unset = UNSET,
) -> Response[ErrorEnvelope | SessionInfoSuccess]:
    """Get details of the current API session

     Returns details of the current session: the organization and the signed-in user. Like every
    call, it resets the 35-minute idle timer, so it also serves to check (and keep alive) a
    session.

    Errors (HTTP 200, `errorEnvelope`): `BDC_1109` (or, assumed, `BDC_1361` / `BDC_1120`) the
    session is invalid or expired: sign in again and repeat the call; `BDC_1102` invalid
    developer key; `BDC_1144` / `BDC_1322` limits; `BDC_1001` / `BDC_1002` system / unknown error.

    Args:
        body (SessionBody | Unset): Form fields of the calls that take only the session
            (`Logout.json`, `GetSessionInfo.json`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SessionInfoSuccess]
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
    body: SessionBody | Unset = UNSET,
) -> ErrorEnvelope | SessionInfoSuccess | None:
    """Get details of the current API session

     Returns details of the current session: the organization and the signed-in user. Like every
    call, it resets the 35-minute idle timer, so it also serves to check (and keep alive) a
    session.

    Errors (HTTP 200, `errorEnvelope`): `BDC_1109` (or, assumed, `BDC_1361` / `BDC_1120`) the
    session is invalid or expired: sign in again and repeat the call; `BDC_1102` invalid
    developer key; `BDC_1144` / `BDC_1322` limits; `BDC_1001` / `BDC_1002` system / unknown error.

    Args:
        body (SessionBody | Unset): Form fields of the calls that take only the session
            (`Logout.json`, `GetSessionInfo.json`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SessionInfoSuccess
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: SessionBody | Unset = UNSET,
) -> Response[ErrorEnvelope | SessionInfoSuccess]:
    """Get details of the current API session

     Returns details of the current session: the organization and the signed-in user. Like every
    call, it resets the 35-minute idle timer, so it also serves to check (and keep alive) a
    session.

    Errors (HTTP 200, `errorEnvelope`): `BDC_1109` (or, assumed, `BDC_1361` / `BDC_1120`) the
    session is invalid or expired: sign in again and repeat the call; `BDC_1102` invalid
    developer key; `BDC_1144` / `BDC_1322` limits; `BDC_1001` / `BDC_1002` system / unknown error.

    Args:
        body (SessionBody | Unset): Form fields of the calls that take only the session
            (`Logout.json`, `GetSessionInfo.json`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SessionInfoSuccess]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: SessionBody | Unset = UNSET,
) -> ErrorEnvelope | SessionInfoSuccess | None:
    """Get details of the current API session

     Returns details of the current session: the organization and the signed-in user. Like every
    call, it resets the 35-minute idle timer, so it also serves to check (and keep alive) a
    session.

    Errors (HTTP 200, `errorEnvelope`): `BDC_1109` (or, assumed, `BDC_1361` / `BDC_1120`) the
    session is invalid or expired: sign in again and repeat the call; `BDC_1102` invalid
    developer key; `BDC_1144` / `BDC_1322` limits; `BDC_1001` / `BDC_1002` system / unknown error.

    Args:
        body (SessionBody | Unset): Form fields of the calls that take only the session
            (`Logout.json`, `GetSessionInfo.json`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SessionInfoSuccess
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
