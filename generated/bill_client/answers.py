"""Reading an answer, guarded (written by scripts/regenerate).

When the parser cannot read an answer (a status outside ``HTTPStatus``, malformed or too deeply nested JSON,
a body of the wrong shape), the function in the response extension ``UNREADABLE``, if the caller's
transport put one there, makes the exception raised instead. Without it the parser's own error propagates.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import httpx

UNREADABLE = "unreadable_answer"
PARSE_ERRORS = (
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    AttributeError,
    RecursionError,
)


@contextmanager
def reading(response: httpx.Response) -> Iterator[None]:
    try:
        yield
    except PARSE_ERRORS as exc:
        convert: Callable[[httpx.Response, Exception], Exception] | None = (
            response.extensions.get(UNREADABLE)
        )
        if convert is None:
            raise
        raise convert(response, exc) from exc
