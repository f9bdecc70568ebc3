"""Keep credentials, tokens, session ids and cookies out of log lines.

httpx logs every request URL at INFO; Gestix ``POST /auth`` carries the password in its query string (the
provider's design); httpcore logs response headers (Set-Cookie) at DEBUG. The filter below is attached to
those loggers and ours when this package is imported, and rewrites such values to ``<redacted>``.
"""

from __future__ import annotations

import logging
import os
import re
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # imported by the package on load: httpx only when a request is redacted
    import httpx

__all__ = [
    "CODEC_LOGGERS",
    "ENV",
    "LOGGERS",
    "REDACTED",
    "SECRET_HEADERS",
    "SECRET_NAMES",
    "HeaderCodecFilter",
    "RedactingFilter",
    "configure_from_env",
    "install",
    "redact",
    "redact_request",
]

SECRET_NAMES = (
    "password",
    "username",
    "userName",
    "devKey",
    "sessionId",
    "sessionid",
    "SessionID",
    "api_token",
    "apiToken",
    "xa-token",
    "access_token",
    "refresh_token",
    "client_secret",
    "JSESSIONID",
    "jelszo",
    "szamlaagentkulcs",
    "Authorization",
    "rememberMeId",
    "remember_me_id",
)
_QUERY = re.compile(r"(?i)\b(" + "|".join(re.escape(n) for n in SECRET_NAMES) + r")=([^&\s\"';]+)")
_BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+")
# httpcore logs raw response headers at DEBUG: (b'set-cookie', b'...')
_SET_COOKIE = re.compile(r"(?i)(set-cookie'?,\s*b?')([^']+)")
REDACTED = "<redacted>"


def redact(text: str) -> str:
    text = _SET_COOKIE.sub(r"\1" + REDACTED, text)
    return _BEARER.sub(r"\1 " + REDACTED, _QUERY.sub(r"\1=" + REDACTED, text))


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


_FILTER = RedactingFilter()


class HeaderCodecFilter(logging.Filter):
    """``hpack`` (HTTP/2, ``http2=True``) logs header names and values, and whole encoded header blocks (which
    a Huffman decoder reads back), at DEBUG: every bytes argument becomes ``<redacted>``; of a header tuple,
    only the name is kept."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else (record.args,)
        if any(isinstance(a, bytes | bytearray | memoryview | tuple) for a in args):
            record.args = tuple(_header_arg(a) for a in args)
        return True


def _header_arg(value: object) -> object:
    if isinstance(value, tuple) and value:
        return f"({value[0]!r}, {REDACTED})"
    if isinstance(value, bytes | bytearray | memoryview):
        return REDACTED
    return value


_CODEC_FILTER = HeaderCodecFilter()
#: The HTTP/2 header codec's loggers (h2's own logs only through a logger it is given; httpcore gives none).
CODEC_LOGGERS = ("hpack", "hpack.hpack", "hpack.table", "h2", "h2.connection")


# Logger filters only see records made by that very logger, not by its children: name each one.
LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
    "billing_sessions",
    "billing_sessions.stores",
)


def install() -> None:
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
    for name in CODEC_LOGGERS:
        logger = logging.getLogger(name)
        if _CODEC_FILTER not in logger.filters:
            logger.addFilter(_CODEC_FILTER)


ENV = "BILLING_SESSIONS_LOG"


def configure_from_env() -> None:
    """``BILLING_SESSIONS_LOG=debug|info``: log this package's events to stderr (secrets redacted)."""
    level = os.environ.get(ENV, "").strip().upper()
    if level not in {"DEBUG", "INFO", "WARNING"}:
        return
    logger = logging.getLogger("billing_sessions")
    if not any(isinstance(h, _EnvHandler) for h in logger.handlers):
        handler = _EnvHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler.addFilter(_FILTER)
        logger.addHandler(handler)
    logger.setLevel(level)


class _EnvHandler(logging.StreamHandler[TextIO]):
    """The stderr handler ``configure_from_env`` adds (once)."""


#: Header names that carry a credential (lower case): redacted on errors, dropped from cross-origin redirects.
SECRET_HEADERS = frozenset(n.lower() for n in (*SECRET_NAMES, "Cookie", "Set-Cookie", "Proxy-Authorization"))
_SECRET_HEADERS = SECRET_HEADERS


def redact_request(request: httpx.Request) -> httpx.Request:
    """A copy of ``request`` fit to keep on an error: secret query values and headers redacted, no body
    (a login's form or JSON body holds the password)."""
    import httpx

    url = request.url
    if url.query:
        url = url.copy_with(query=redact(url.query.decode("ascii", "replace")).encode("ascii", "replace"))
    headers = [
        (name, REDACTED if name.lower() in _SECRET_HEADERS else value)
        for name, value in request.headers.multi_items()
    ]
    return httpx.Request(request.method, url, headers=headers, extensions=request.extensions)
