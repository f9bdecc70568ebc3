"""A Prism-like server that answers every operation of a spec with the spec's own examples.

It checks the specs against the generated clients without any provider logic: what the spec promises,
the generated client must parse. ``Prefer: example=<name>`` picks a named example,
``Prefer: code=<n>`` a status.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from billing_sessions.sandbox import examples


def base_path(provider: str) -> str:
    """The path part of the spec's first server URL, with each variable at its default."""
    server = examples.spec(provider)["servers"][0]
    url = str(server["url"])
    for name, var in server.get("variables", {}).items():
        url = url.replace("{" + name + "}", str(var["default"]))
    return urlsplit(url).path.rstrip("/")


def _prefer(request: Request) -> dict[str, str]:
    found = re.findall(r"(\w+)=([\w.-]+)", request.headers.get("prefer", ""))
    return dict(found)


def _answer(provider: str, path: str, method: str, request: Request) -> Response:
    operation = examples.spec(provider)["paths"][path][method]
    prefer = _prefer(request)
    statuses = [s for s in operation["responses"] if s.startswith("2")]
    status = prefer.get("code", statuses[0])
    documented = examples.response(provider, path, method, status)
    headers = examples.header_examples(provider, path, method, status)
    content: dict[str, Any] = documented.get("content", {})
    if not content:
        return Response(status_code=int(status), headers=headers)
    media_type, media = next(iter(content.items()))
    if "example" in prefer:
        body = examples._resolve(provider, media["examples"][prefer["example"]])["value"]
    else:
        body = examples.example(provider, path, method, status)
    raw = json.dumps(body).encode() if "json" in media_type else str(body).encode()
    return Response(raw, status_code=int(status), media_type=media_type, headers=headers)


def app(provider: str) -> Starlette:
    routes = []
    prefix = base_path(provider)
    for path, item in examples.spec(provider)["paths"].items():
        for method in item:
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue

            async def endpoint(request: Request, _p: str = path, _m: str = method) -> Response:
                await request.body()
                return _answer(provider, _p, _m, request)

            routes.append(Route(prefix + path, endpoint, methods=[method.upper()]))
    return Starlette(routes=routes)
