from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...answers import reading
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.login_body import LoginBody
from ...models.login_success import LoginSuccess
from ...types import Response


def _get_kwargs(
    *,
    body: LoginBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/Login.json",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | LoginSuccess | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | LoginSuccess:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = LoginSuccess.from_dict(data)

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
) -> Response[ErrorEnvelope | LoginSuccess]:
    with reading(response):
        return Response(
            status_code=HTTPStatus(response.status_code),
            content=response.content,
            headers=response.headers,
            parsed=_parse_response(client=client, response=response),
        )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginBody,
) -> Response[ErrorEnvelope | LoginSuccess]:
    """Sign in and create an API session

     Signs in with the user's credentials and the developer key and creates an API session. The
    answer's `sessionId` goes, with the `devKey`, into every later call; send those calls to the
    returned `apiEndPoint`.

    The session expires after 35 minutes idle (every call resets the timer). At most 200 logins
    per developer key per hour: reuse the session instead of signing in per call.

    For token-based sign-in, `userName` is the token name and `password` the token (limited
    access). For an MFA-trusted session, also send `mfaId` and `deviceId`.

    Errors (HTTP 200, `errorEnvelope`): `BDC_1101` wrong user name or password, `BDC_1102`
    invalid developer key, `BDC_1144` hourly login limit reached, `BDC_1322` concurrency limit,
    `BDC_1001` / `BDC_1002` system / unknown error.

    Args:
        body (LoginBody): Form fields of `POST /Login.json`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | LoginSuccess]
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
    client: AuthenticatedClient | Client,
    body: LoginBody,
) -> ErrorEnvelope | LoginSuccess | None:
    """Sign in and create an API session

     Signs in with the user's credentials and the developer key and creates an API session. The
    answer's `sessionId` goes, with the `devKey`, into every later call; send those calls to the
    returned `apiEndPoint`.

    The session expires after 35 minutes idle (every call resets the timer). At most 200 logins
    per developer key per hour: reuse the session instead of signing in per call.

    For token-based sign-in, `userName` is the token name and `password` the token (limited
    access). For an MFA-trusted session, also send `mfaId` and `deviceId`.

    Errors (HTTP 200, `errorEnvelope`): `BDC_1101` wrong user name or password, `BDC_1102`
    invalid developer key, `BDC_1144` hourly login limit reached, `BDC_1322` concurrency limit,
    `BDC_1001` / `BDC_1002` system / unknown error.

    Args:
        body (LoginBody): Form fields of `POST /Login.json`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | LoginSuccess
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginBody,
) -> Response[ErrorEnvelope | LoginSuccess]:
    """Sign in and create an API session

     Signs in with the user's credentials and the developer key and creates an API session. The
    answer's `sessionId` goes, with the `devKey`, into every later call; send those calls to the
    returned `apiEndPoint`.

    The session expires after 35 minutes idle (every call resets the timer). At most 200 logins
    per developer key per hour: reuse the session instead of signing in per call.

    For token-based sign-in, `userName` is the token name and `password` the token (limited
    access). For an MFA-trusted session, also send `mfaId` and `deviceId`.

    Errors (HTTP 200, `errorEnvelope`): `BDC_1101` wrong user name or password, `BDC_1102`
    invalid developer key, `BDC_1144` hourly login limit reached, `BDC_1322` concurrency limit,
    `BDC_1001` / `BDC_1002` system / unknown error.

    Args:
        body (LoginBody): Form fields of `POST /Login.json`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | LoginSuccess]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LoginBody,
) -> ErrorEnvelope | LoginSuccess | None:
    """Sign in and create an API session

     Signs in with the user's credentials and the developer key and creates an API session. The
    answer's `sessionId` goes, with the `devKey`, into every later call; send those calls to the
    returned `apiEndPoint`.

    The session expires after 35 minutes idle (every call resets the timer). At most 200 logins
    per developer key per hour: reuse the session instead of signing in per call.

    For token-based sign-in, `userName` is the token name and `password` the token (limited
    access). For an MFA-trusted session, also send `mfaId` and `deviceId`.

    Errors (HTTP 200, `errorEnvelope`): `BDC_1101` wrong user name or password, `BDC_1102`
    invalid developer key, `BDC_1144` hourly login limit reached, `BDC_1322` concurrency limit,
    `BDC_1001` / `BDC_1002` system / unknown error.

    Args:
        body (LoginBody): Form fields of `POST /Login.json`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | LoginSuccess
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
