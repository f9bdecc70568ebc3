from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...answers import reading
from ...client import AuthenticatedClient, Client
from ...models.crud_create_body import CrudCreateBody
from ...models.crud_success import CrudSuccess
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    entity: str,
    *,
    body: CrudCreateBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/Crud/Create/{entity}.json".format(
            entity=quote(str(entity), safe=""),
        ),
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CrudSuccess | ErrorEnvelope | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> CrudSuccess | ErrorEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = CrudSuccess.from_dict(data)

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
) -> Response[CrudSuccess | ErrorEnvelope]:
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
    body: CrudCreateBody,
) -> Response[CrudSuccess | ErrorEnvelope]:
    """Create one entity record

     Creates one record of the entity named in the path (e.g. `Customer`, `Vendor`, `Bill`,
    `Invoice`). The form field `data` is a JSON document encoded as a string:
    `{"obj": {"entity": "<entity name>", ...fields}}`, where `obj.entity` repeats the entity
    named in the path. The answer is the created record, with its new `id`.

    A create is not idempotent: after an unclear failure (timeout, `BDC_1001` / `BDC_1002`),
    check whether the record exists before sending it again.

    Errors (HTTP 200, `errorEnvelope`): `BDC_1109` (or, assumed, `BDC_1361` / `BDC_1120`) the
    session is invalid or expired: sign in again and repeat the call (the record was not
    created); `BDC_1102` invalid developer key; `BDC_1144` hourly limit and `BDC_1322`
    concurrency limit: back off (2^retries seconds) and retry; `BDC_1001` / `BDC_1002` system /
    unknown error.

    Args:
        entity (str):
        body (CrudCreateBody): Form fields of `POST /Crud/Create/{entity}.json`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CrudSuccess | ErrorEnvelope]
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
    body: CrudCreateBody,
) -> CrudSuccess | ErrorEnvelope | None:
    """Create one entity record

     Creates one record of the entity named in the path (e.g. `Customer`, `Vendor`, `Bill`,
    `Invoice`). The form field `data` is a JSON document encoded as a string:
    `{"obj": {"entity": "<entity name>", ...fields}}`, where `obj.entity` repeats the entity
    named in the path. The answer is the created record, with its new `id`.

    A create is not idempotent: after an unclear failure (timeout, `BDC_1001` / `BDC_1002`),
    check whether the record exists before sending it again.

    Errors (HTTP 200, `errorEnvelope`): `BDC_1109` (or, assumed, `BDC_1361` / `BDC_1120`) the
    session is invalid or expired: sign in again and repeat the call (the record was not
    created); `BDC_1102` invalid developer key; `BDC_1144` hourly limit and `BDC_1322`
    concurrency limit: back off (2^retries seconds) and retry; `BDC_1001` / `BDC_1002` system /
    unknown error.

    Args:
        entity (str):
        body (CrudCreateBody): Form fields of `POST /Crud/Create/{entity}.json`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CrudSuccess | ErrorEnvelope
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
    body: CrudCreateBody,
) -> Response[CrudSuccess | ErrorEnvelope]:
    """Create one entity record

     Creates one record of the entity named in the path (e.g. `Customer`, `Vendor`, `Bill`,
    `Invoice`). The form field `data` is a JSON document encoded as a string:
    `{"obj": {"entity": "<entity name>", ...fields}}`, where `obj.entity` repeats the entity
    named in the path. The answer is the created record, with its new `id`.

    A create is not idempotent: after an unclear failure (timeout, `BDC_1001` / `BDC_1002`),
    check whether the record exists before sending it again.

    Errors (HTTP 200, `errorEnvelope`): `BDC_1109` (or, assumed, `BDC_1361` / `BDC_1120`) the
    session is invalid or expired: sign in again and repeat the call (the record was not
    created); `BDC_1102` invalid developer key; `BDC_1144` hourly limit and `BDC_1322`
    concurrency limit: back off (2^retries seconds) and retry; `BDC_1001` / `BDC_1002` system /
    unknown error.

    Args:
        entity (str):
        body (CrudCreateBody): Form fields of `POST /Crud/Create/{entity}.json`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CrudSuccess | ErrorEnvelope]
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
    body: CrudCreateBody,
) -> CrudSuccess | ErrorEnvelope | None:
    """Create one entity record

     Creates one record of the entity named in the path (e.g. `Customer`, `Vendor`, `Bill`,
    `Invoice`). The form field `data` is a JSON document encoded as a string:
    `{"obj": {"entity": "<entity name>", ...fields}}`, where `obj.entity` repeats the entity
    named in the path. The answer is the created record, with its new `id`.

    A create is not idempotent: after an unclear failure (timeout, `BDC_1001` / `BDC_1002`),
    check whether the record exists before sending it again.

    Errors (HTTP 200, `errorEnvelope`): `BDC_1109` (or, assumed, `BDC_1361` / `BDC_1120`) the
    session is invalid or expired: sign in again and repeat the call (the record was not
    created); `BDC_1102` invalid developer key; `BDC_1144` hourly limit and `BDC_1322`
    concurrency limit: back off (2^retries seconds) and retry; `BDC_1001` / `BDC_1002` system /
    unknown error.

    Args:
        entity (str):
        body (CrudCreateBody): Form fields of `POST /Crud/Create/{entity}.json`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CrudSuccess | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            entity=entity,
            client=client,
            body=body,
        )
    ).parsed
