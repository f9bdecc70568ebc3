from http import HTTPStatus
from io import BytesIO
from typing import Any

import httpx

from ... import errors
from ...answers import reading
from ...client import AuthenticatedClient, Client
from ...models.agent_request import AgentRequest
from ...types import File, Response


def _get_kwargs(
    *,
    body: AgentRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/szamla/",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | str | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 500:
        response_500 = response.text
        return response_500

    if response.status_code == 503:
        response_503 = response.text
        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[File | str]:
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
    body: AgentRequest,
) -> Response[File | str]:
    """Send one Számla Agent XML request

     Sends one request XML as a file part of a `multipart/form-data` body. The **name** of the
    file part selects the operation (see the `agentRequest` schema: one optional part per
    operation). Send **exactly one** part per call, as a file part with a filename and
    `Content-Type: text/xml`; a plain text form field instead of a file part fails with error 53.

    **Security.** Authentication travels inside the XML (`<szamlaagentkulcs>`, or
    `<felhasznalo>` + `<jelszo>`). The `JSESSIONID` cookie (`sessionCookie`) is optional: it
    only caches that authentication. The first call is sent without a cookie and the answer
    sets one (`Set-Cookie`); send it back on later calls. An expired session (90 minutes idle)
    is replaced silently by a new cookie on the next answer, so always store the latest
    `Set-Cookie` value.

    **Reading the answer.** Check the headers first, whatever the HTTP status:
    1. `szlahu_down` with any non-blank value: the system is down (maintenance); try later.
    2. `szlahu_error_code` / `szlahu_error` present: the call failed (see the codes below),
       except code 56 when `szlahu_szamlaszam` is also present (the invoice exists).
    3. Otherwise the call succeeded; the body is a PDF (`valaszVerzio` 1 or absent), an XML
       document (`valaszVerzio` 2) or a short text answer, and the `szlahu_*` headers carry the
       invoice number, totals, outstanding amount and customer account URL.
    Match header names case-insensitively. URL-decode `szlahu_szamlaszam` and `szlahu_error`.
    The headers are more reliable than the HTTP status code.

    **Error codes** (in `szlahu_error_code`; with `valaszVerzio` 2 also in `hibakod`):

    | code | meaning |
    | --- | --- |
    | 1 | System maintenance: try again later. |
    | 3 | Login failed (wrong agent key, user name or password). |
    | 7 | Missing data in the request XML. |
    | 53 | Missing XML file: no file part with a known operation name (or the XML was sent as a plain
    text field). |
    | 54 | E-invoice not permitted for the account. |
    | 55 | E-invoice signature failed. |
    | 56 | The notification e-mail could not be sent. If an invoice number came back
    (`szlahu_szamlaszam`), the invoice **exists**: do not issue it again. |
    | 57 | XML read error (malformed XML or wrong structure). |
    | 135 | Log out from the browser session (the user is logged in on the web interface with the same
    session). |
    | 136 | Subscription expired. |
    | 164 | The user has several accounts: the account must be specified. |

    **Retries.** Never retry automatically in a loop. Send the same request at most five times,
    then escalate. Before re-sending an invoice-issuing request after an unclear answer, make
    sure the invoice was not created (code 56 with a number means it was).

    Args:
        body (AgentRequest): The multipart body of a Számla Agent call. Each property is the file
            part of one operation;
            its name selects the operation and its content is the request XML (root element and
            namespace `http://www.szamlazz.hu/<root>` as given per field). Send **exactly one** part
            per
            call, as a file part with a filename and `Content-Type: text/xml`. A plain text form field
            instead of a file part is not found and fails with error 53 ("missing XML file").
            Authentication (`<szamlaagentkulcs>`, or `<felhasznalo>` + `<jelszo>`) is inside the XML.
            Each root's XML is described by the schema of the same name (element order, required
            elements,
            namespace and lists from the provider's XSDs, as OpenAPI `xml` objects); its answers by
            `agentXmlResponse` (`xmlszamlavalasz`), `xmlnyugtavalasz`, `xmlnyugtasendvalasz`,
            `xmlszamladbkdelvalasz`, `szamla` and `QueryTaxpayerResponse`. Elements marked
            `x-session-owned` (credentials, `valaszVerzio`) are written by the session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | str]
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
    body: AgentRequest,
) -> File | str | None:
    """Send one Számla Agent XML request

     Sends one request XML as a file part of a `multipart/form-data` body. The **name** of the
    file part selects the operation (see the `agentRequest` schema: one optional part per
    operation). Send **exactly one** part per call, as a file part with a filename and
    `Content-Type: text/xml`; a plain text form field instead of a file part fails with error 53.

    **Security.** Authentication travels inside the XML (`<szamlaagentkulcs>`, or
    `<felhasznalo>` + `<jelszo>`). The `JSESSIONID` cookie (`sessionCookie`) is optional: it
    only caches that authentication. The first call is sent without a cookie and the answer
    sets one (`Set-Cookie`); send it back on later calls. An expired session (90 minutes idle)
    is replaced silently by a new cookie on the next answer, so always store the latest
    `Set-Cookie` value.

    **Reading the answer.** Check the headers first, whatever the HTTP status:
    1. `szlahu_down` with any non-blank value: the system is down (maintenance); try later.
    2. `szlahu_error_code` / `szlahu_error` present: the call failed (see the codes below),
       except code 56 when `szlahu_szamlaszam` is also present (the invoice exists).
    3. Otherwise the call succeeded; the body is a PDF (`valaszVerzio` 1 or absent), an XML
       document (`valaszVerzio` 2) or a short text answer, and the `szlahu_*` headers carry the
       invoice number, totals, outstanding amount and customer account URL.
    Match header names case-insensitively. URL-decode `szlahu_szamlaszam` and `szlahu_error`.
    The headers are more reliable than the HTTP status code.

    **Error codes** (in `szlahu_error_code`; with `valaszVerzio` 2 also in `hibakod`):

    | code | meaning |
    | --- | --- |
    | 1 | System maintenance: try again later. |
    | 3 | Login failed (wrong agent key, user name or password). |
    | 7 | Missing data in the request XML. |
    | 53 | Missing XML file: no file part with a known operation name (or the XML was sent as a plain
    text field). |
    | 54 | E-invoice not permitted for the account. |
    | 55 | E-invoice signature failed. |
    | 56 | The notification e-mail could not be sent. If an invoice number came back
    (`szlahu_szamlaszam`), the invoice **exists**: do not issue it again. |
    | 57 | XML read error (malformed XML or wrong structure). |
    | 135 | Log out from the browser session (the user is logged in on the web interface with the same
    session). |
    | 136 | Subscription expired. |
    | 164 | The user has several accounts: the account must be specified. |

    **Retries.** Never retry automatically in a loop. Send the same request at most five times,
    then escalate. Before re-sending an invoice-issuing request after an unclear answer, make
    sure the invoice was not created (code 56 with a number means it was).

    Args:
        body (AgentRequest): The multipart body of a Számla Agent call. Each property is the file
            part of one operation;
            its name selects the operation and its content is the request XML (root element and
            namespace `http://www.szamlazz.hu/<root>` as given per field). Send **exactly one** part
            per
            call, as a file part with a filename and `Content-Type: text/xml`. A plain text form field
            instead of a file part is not found and fails with error 53 ("missing XML file").
            Authentication (`<szamlaagentkulcs>`, or `<felhasznalo>` + `<jelszo>`) is inside the XML.
            Each root's XML is described by the schema of the same name (element order, required
            elements,
            namespace and lists from the provider's XSDs, as OpenAPI `xml` objects); its answers by
            `agentXmlResponse` (`xmlszamlavalasz`), `xmlnyugtavalasz`, `xmlnyugtasendvalasz`,
            `xmlszamladbkdelvalasz`, `szamla` and `QueryTaxpayerResponse`. Elements marked
            `x-session-owned` (credentials, `valaszVerzio`) are written by the session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | str
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AgentRequest,
) -> Response[File | str]:
    """Send one Számla Agent XML request

     Sends one request XML as a file part of a `multipart/form-data` body. The **name** of the
    file part selects the operation (see the `agentRequest` schema: one optional part per
    operation). Send **exactly one** part per call, as a file part with a filename and
    `Content-Type: text/xml`; a plain text form field instead of a file part fails with error 53.

    **Security.** Authentication travels inside the XML (`<szamlaagentkulcs>`, or
    `<felhasznalo>` + `<jelszo>`). The `JSESSIONID` cookie (`sessionCookie`) is optional: it
    only caches that authentication. The first call is sent without a cookie and the answer
    sets one (`Set-Cookie`); send it back on later calls. An expired session (90 minutes idle)
    is replaced silently by a new cookie on the next answer, so always store the latest
    `Set-Cookie` value.

    **Reading the answer.** Check the headers first, whatever the HTTP status:
    1. `szlahu_down` with any non-blank value: the system is down (maintenance); try later.
    2. `szlahu_error_code` / `szlahu_error` present: the call failed (see the codes below),
       except code 56 when `szlahu_szamlaszam` is also present (the invoice exists).
    3. Otherwise the call succeeded; the body is a PDF (`valaszVerzio` 1 or absent), an XML
       document (`valaszVerzio` 2) or a short text answer, and the `szlahu_*` headers carry the
       invoice number, totals, outstanding amount and customer account URL.
    Match header names case-insensitively. URL-decode `szlahu_szamlaszam` and `szlahu_error`.
    The headers are more reliable than the HTTP status code.

    **Error codes** (in `szlahu_error_code`; with `valaszVerzio` 2 also in `hibakod`):

    | code | meaning |
    | --- | --- |
    | 1 | System maintenance: try again later. |
    | 3 | Login failed (wrong agent key, user name or password). |
    | 7 | Missing data in the request XML. |
    | 53 | Missing XML file: no file part with a known operation name (or the XML was sent as a plain
    text field). |
    | 54 | E-invoice not permitted for the account. |
    | 55 | E-invoice signature failed. |
    | 56 | The notification e-mail could not be sent. If an invoice number came back
    (`szlahu_szamlaszam`), the invoice **exists**: do not issue it again. |
    | 57 | XML read error (malformed XML or wrong structure). |
    | 135 | Log out from the browser session (the user is logged in on the web interface with the same
    session). |
    | 136 | Subscription expired. |
    | 164 | The user has several accounts: the account must be specified. |

    **Retries.** Never retry automatically in a loop. Send the same request at most five times,
    then escalate. Before re-sending an invoice-issuing request after an unclear answer, make
    sure the invoice was not created (code 56 with a number means it was).

    Args:
        body (AgentRequest): The multipart body of a Számla Agent call. Each property is the file
            part of one operation;
            its name selects the operation and its content is the request XML (root element and
            namespace `http://www.szamlazz.hu/<root>` as given per field). Send **exactly one** part
            per
            call, as a file part with a filename and `Content-Type: text/xml`. A plain text form field
            instead of a file part is not found and fails with error 53 ("missing XML file").
            Authentication (`<szamlaagentkulcs>`, or `<felhasznalo>` + `<jelszo>`) is inside the XML.
            Each root's XML is described by the schema of the same name (element order, required
            elements,
            namespace and lists from the provider's XSDs, as OpenAPI `xml` objects); its answers by
            `agentXmlResponse` (`xmlszamlavalasz`), `xmlnyugtavalasz`, `xmlnyugtasendvalasz`,
            `xmlszamladbkdelvalasz`, `szamla` and `QueryTaxpayerResponse`. Elements marked
            `x-session-owned` (credentials, `valaszVerzio`) are written by the session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File | str]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: AgentRequest,
) -> File | str | None:
    """Send one Számla Agent XML request

     Sends one request XML as a file part of a `multipart/form-data` body. The **name** of the
    file part selects the operation (see the `agentRequest` schema: one optional part per
    operation). Send **exactly one** part per call, as a file part with a filename and
    `Content-Type: text/xml`; a plain text form field instead of a file part fails with error 53.

    **Security.** Authentication travels inside the XML (`<szamlaagentkulcs>`, or
    `<felhasznalo>` + `<jelszo>`). The `JSESSIONID` cookie (`sessionCookie`) is optional: it
    only caches that authentication. The first call is sent without a cookie and the answer
    sets one (`Set-Cookie`); send it back on later calls. An expired session (90 minutes idle)
    is replaced silently by a new cookie on the next answer, so always store the latest
    `Set-Cookie` value.

    **Reading the answer.** Check the headers first, whatever the HTTP status:
    1. `szlahu_down` with any non-blank value: the system is down (maintenance); try later.
    2. `szlahu_error_code` / `szlahu_error` present: the call failed (see the codes below),
       except code 56 when `szlahu_szamlaszam` is also present (the invoice exists).
    3. Otherwise the call succeeded; the body is a PDF (`valaszVerzio` 1 or absent), an XML
       document (`valaszVerzio` 2) or a short text answer, and the `szlahu_*` headers carry the
       invoice number, totals, outstanding amount and customer account URL.
    Match header names case-insensitively. URL-decode `szlahu_szamlaszam` and `szlahu_error`.
    The headers are more reliable than the HTTP status code.

    **Error codes** (in `szlahu_error_code`; with `valaszVerzio` 2 also in `hibakod`):

    | code | meaning |
    | --- | --- |
    | 1 | System maintenance: try again later. |
    | 3 | Login failed (wrong agent key, user name or password). |
    | 7 | Missing data in the request XML. |
    | 53 | Missing XML file: no file part with a known operation name (or the XML was sent as a plain
    text field). |
    | 54 | E-invoice not permitted for the account. |
    | 55 | E-invoice signature failed. |
    | 56 | The notification e-mail could not be sent. If an invoice number came back
    (`szlahu_szamlaszam`), the invoice **exists**: do not issue it again. |
    | 57 | XML read error (malformed XML or wrong structure). |
    | 135 | Log out from the browser session (the user is logged in on the web interface with the same
    session). |
    | 136 | Subscription expired. |
    | 164 | The user has several accounts: the account must be specified. |

    **Retries.** Never retry automatically in a loop. Send the same request at most five times,
    then escalate. Before re-sending an invoice-issuing request after an unclear answer, make
    sure the invoice was not created (code 56 with a number means it was).

    Args:
        body (AgentRequest): The multipart body of a Számla Agent call. Each property is the file
            part of one operation;
            its name selects the operation and its content is the request XML (root element and
            namespace `http://www.szamlazz.hu/<root>` as given per field). Send **exactly one** part
            per
            call, as a file part with a filename and `Content-Type: text/xml`. A plain text form field
            instead of a file part is not found and fails with error 53 ("missing XML file").
            Authentication (`<szamlaagentkulcs>`, or `<felhasznalo>` + `<jelszo>`) is inside the XML.
            Each root's XML is described by the schema of the same name (element order, required
            elements,
            namespace and lists from the provider's XSDs, as OpenAPI `xml` objects); its answers by
            `agentXmlResponse` (`xmlszamlavalasz`), `xmlnyugtavalasz`, `xmlnyugtasendvalasz`,
            `xmlszamladbkdelvalasz`, `szamla` and `QueryTaxpayerResponse`. Elements marked
            `x-session-owned` (credentials, `valaszVerzio`) are written by the session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File | str
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
