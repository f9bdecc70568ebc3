"""Reading an answer, guarded (written by scripts/regenerate).

When the parser cannot read an answer (a status outside ``HTTPStatus``, malformed or too deeply nested JSON,
a body of the wrong shape), the function in the response extension ``UNREADABLE``, if the caller's
transport put one there, makes the exception raised instead. Without it the parser's own error propagates.

Answer models are built with ``tolerant``: the generated ``from_dict``, and when that refuses a field of a
JSON object (a type the spec did not promise, a missing "required" key), the function in the response
extension ``LENIENT``, if the caller's transport put one there, builds the model field by field: one field
that does not fit must not cost the rest of the answer.
"""

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Protocol, Self, TypeVar

import httpx

UNREADABLE = "unreadable_answer"
LENIENT = "lenient_model"
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


class Model(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


M = TypeVar("M", bound=Model)


def tolerant(cls: type[M], response: httpx.Response) -> M:
    data = response.json()
    try:
        return cls.from_dict(data)
    except PARSE_ERRORS:
        lenient: Callable[[type[M], dict[str, Any]], M] | None = (
            response.extensions.get(LENIENT)
        )
        if lenient is None or not isinstance(data, dict):
            raise
        return lenient(cls, data)
