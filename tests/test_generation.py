"""The specs are valid and complete, and generated/ is exactly what they produce."""

from __future__ import annotations

import ast
import copy
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from billing_sessions.retry import UNREADABLE
from billing_sessions_generated.gestix import answers as gestix_answers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import regenerate  # noqa: E402

GENERATED = ROOT / "generated" / regenerate.NAMESPACE

METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.mark.parametrize("provider", regenerate.PROVIDERS)
def test_spec_is_valid_openapi_31(provider: str) -> None:
    spec = regenerate.load_spec(provider)
    assert spec["openapi"].startswith("3.1")
    validate(spec)


@pytest.mark.parametrize("provider", regenerate.PROVIDERS)
def test_every_operation_is_complete(provider: str) -> None:
    spec = regenerate.load_spec(provider)
    assert spec["servers"], "real servers are declared"
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method not in METHODS:
                continue
            where = f"{provider} {method.upper()} {path}"
            assert "security" in op, f"{where}: the generator ignores top-level security"
            assert op.get("operationId"), where
            for status, response in op["responses"].items():
                response = regenerate._resolve(spec, response)
                for media_type, media in response.get("content", {}).items():
                    assert "example" in media or "examples" in media, f"{where} {status} {media_type}"


def _synthetic_spec() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "paths": {
            "/a": {
                "post": {
                    "parameters": [
                        {"$ref": "#/components/parameters/nonce"},
                        {"name": "keep", "in": "query", "schema": {"type": "string"}},
                    ]
                },
                "put": {
                    "parameters": [
                        {"name": "nonce", "in": "query", "required": True, "x-session-owned": True}
                    ],
                    "requestBody": {
                        "content": {
                            "application/x-www-form-urlencoded": {
                                "schema": {
                                    "type": "object",
                                    "required": ["devKey", "data"],
                                    "properties": {
                                        "devKey": {"$ref": "#/components/schemas/devKey"},
                                        "sessionId": {"type": "string", "x-session-owned": True},
                                        "data": {"type": "string"},
                                    },
                                }
                            }
                        }
                    },
                },
            }
        },
        "components": {
            "parameters": {
                "nonce": {"name": "nonce", "in": "query", "required": True, "x-session-owned": True}
            },
            "schemas": {"devKey": {"type": "string", "x-session-owned": True}},
        },
    }


def test_strip_owned_removes_inline_and_referenced_fields() -> None:
    spec = _synthetic_spec()
    before = copy.deepcopy(spec)
    out = regenerate.strip_owned(spec)
    assert spec == before, "the hand-written spec is not modified"
    assert out["paths"]["/a"]["post"]["parameters"] == [before["paths"]["/a"]["post"]["parameters"][1]]
    assert out["paths"]["/a"]["put"]["parameters"] == []
    schema = out["paths"]["/a"]["put"]["requestBody"]["content"]["application/x-www-form-urlencoded"][
        "schema"
    ]
    assert list(schema["properties"]) == ["data"]
    assert schema["required"] == ["data"]
    assert out["components"] == {"parameters": {}, "schemas": {}}


def test_specs_declare_the_owned_parameters() -> None:
    gestix = yaml.safe_dump(regenerate.load_spec("gestix"))
    bill = regenerate.load_spec("bill")
    assert "x-session-owned" in gestix
    owned_bill = {
        name for name, schema in bill["components"]["schemas"].items() if schema.get("x-session-owned")
    }
    assert {"devKey", "sessionId"} <= owned_bill


def _function_args(module: Path, function: str) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name == function:
            return {a.arg for a in node.args.args + node.args.kwonlyargs}
    raise AssertionError(f"{function} not in {module}")


def test_no_generated_function_asks_for_an_owned_parameter() -> None:
    modules = sorted(GENERATED.glob("*/api/*/*.py"))
    assert len(modules) >= 20
    for module in modules:
        if module.name == "__init__.py":
            continue
        args = _function_args(module, "sync_detailed")
        assert not args & {"nonce", "dev_key", "session_id"}, module
    for model in (GENERATED / "bill" / "models").glob("*.py"):
        text = model.read_text(encoding="utf-8")
        if "Body" in model.stem.title().replace("_", ""):
            assert "devKey" not in text and '"sessionId"' not in text, model


def test_drift_generated_matches_specs() -> None:
    assert regenerate.main(["--check"]) == 0, "run scripts/regenerate and commit generated/"


def test_a_new_write_operation_needs_no_nonce(tmp_path: Path) -> None:
    spec = regenerate.load_spec("gestix")
    security: list[dict[str, list[str]]] = [{"sessionAuth": []}]
    created = {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}
    spec["paths"]["/webhooks"] = {
        "post": {
            "operationId": "create_webhook",
            "tags": ["webhooks"],
            "security": security,
            "parameters": [{"$ref": "#/components/parameters/nonce"}],
            "responses": {"201": created},
        },
        "put": {
            "operationId": "update_webhook",
            "tags": ["webhooks"],
            "security": security,
            "parameters": [
                {
                    "name": "nonce",
                    "in": "query",
                    "required": True,
                    "x-session-owned": True,
                    "schema": {"type": "integer", "format": "int64"},
                },
                {"name": "id", "in": "query", "required": True, "schema": {"type": "string"}},
            ],
            "responses": {"201": created},
        },
    }
    regenerate.generate_client("gestix", tmp_path, tmp_path, spec=spec)
    api = regenerate.client_dir(tmp_path, "gestix") / "api" / "webhooks"
    assert _function_args(api / "create_webhook.py", "sync_detailed") == {"client"}
    assert _function_args(api / "update_webhook.py", "asyncio_detailed") == {"client", "id"}
    assert "nonce" not in (api / "create_webhook.py").read_text(encoding="utf-8")


def test_every_operation_reads_its_answer_guarded() -> None:
    """Each generated operation builds its response inside ``answers.reading``: a session turns what the
    parser cannot read (a status outside HTTPStatus, malformed or deeply nested JSON) into a ProviderError."""
    modules = [m for m in sorted(GENERATED.glob("*/api/*/*.py")) if m.name != "__init__.py"]
    assert len(modules) >= 20
    assert UNREADABLE == gestix_answers.UNREADABLE  # the extension the session transport fills in
    for module in modules:
        text = module.read_text(encoding="utf-8")
        assert "from ...answers import reading" in text and "    with reading(response):\n" in text, module


def test_a_new_operation_reads_its_answer_guarded(tmp_path: Path) -> None:
    spec = regenerate.load_spec("gestix")
    spec["paths"]["/hooks"] = {
        "get": {
            "operationId": "list_hooks",
            "tags": ["hooks"],
            "security": [{"sessionAuth": []}],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {}}}}},
        }
    }
    regenerate.generate_client("gestix", tmp_path, tmp_path, spec=spec)
    text = (regenerate.client_dir(tmp_path, "gestix") / "api" / "hooks" / "list_hooks.py").read_text(
        encoding="utf-8"
    )
    assert "    with reading(response):\n        return Response(" in text
    assert (regenerate.client_dir(tmp_path, "gestix") / "answers.py").read_text(
        encoding="utf-8"
    ) == regenerate.ANSWERS_MODULE


def _gestix_webhook(parameter: dict[str, Any], method: str = "post") -> dict[str, Any]:
    spec = regenerate.load_spec("gestix")
    created = {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}
    spec["paths"]["/webhooks"] = {
        method: {
            "operationId": f"{method}_webhook",
            "tags": ["webhooks"],
            "security": [{"sessionAuth": []}],
            "parameters": [parameter],
            "responses": {"201": created},
        }
    }
    return spec


NONCE = {"name": "nonce", "in": "query", "required": True, "schema": {"type": "integer", "format": "int64"}}


def test_an_unmarked_inline_nonce_on_a_write_is_owned_by_the_gestix_rule(tmp_path: Path) -> None:
    # As the provider's docs show it: no x-session-owned mark. The rule owns it anyway.
    regenerate.generate_client("gestix", tmp_path, tmp_path, spec=_gestix_webhook(dict(NONCE), "put"))
    module = regenerate.client_dir(tmp_path, "gestix") / "api" / "webhooks" / "put_webhook.py"
    assert _function_args(module, "sync_detailed") == {"client"}
    assert "nonce" not in module.read_text(encoding="utf-8")


def test_an_unmarked_referenced_nonce_is_owned_too() -> None:
    spec = _gestix_webhook({"$ref": "#/components/parameters/unmarked"})
    spec["components"]["parameters"]["unmarked"] = dict(NONCE)
    out = regenerate.strip_owned(spec, "gestix")
    assert out["paths"]["/webhooks"]["post"]["parameters"] == []


def test_a_nonce_where_the_session_cannot_send_it_stops_the_build_naming_the_operation() -> None:
    spec = _gestix_webhook(dict(NONCE), "get")
    with pytest.raises(regenerate.OwnedParameterError, match=r"GET /webhooks \(get_webhook\).*Fix:"):
        regenerate.strip_owned(spec, "gestix")
    header = _gestix_webhook({**NONCE, "in": "header"})
    with pytest.raises(regenerate.OwnedParameterError, match="nonce"):
        regenerate.strip_owned(header, "gestix")


@pytest.mark.parametrize("provider", ["bill", "bill_v3"])
def test_bill_devkey_and_session_id_are_owned_unmarked_inline_or_by_ref(provider: str) -> None:
    spec = regenerate.load_spec(provider)
    path = "/Crud/Read/{entity}.json" if provider == "bill" else "/v3/vendors"
    operation = spec["paths"][path]["post"]
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {
            "devKey": {"type": "string"},
            "sessionId": {"$ref": "#/components/schemas/plainString"},
            "data": {"type": "string"},
        },
        "required": ["devKey", "sessionId", "data"],
    }
    spec["components"]["schemas"]["plainString"] = {"type": "string"}
    media = "application/x-www-form-urlencoded" if provider == "bill" else "application/json"
    operation["requestBody"] = {"required": True, "content": {media: {"schema": schema}}}
    if provider == "bill_v3":
        operation["parameters"] = [
            {"name": "devKey", "in": "header", "required": True, "schema": {"type": "string"}},
            {"name": "sessionId", "in": "header", "required": True, "schema": {"type": "string"}},
        ]
    out = regenerate.strip_owned(spec, provider)
    stripped = out["paths"][path]["post"]
    kept = stripped["requestBody"]["content"][media]["schema"]
    assert list(kept["properties"]) == ["data"] and kept["required"] == ["data"]
    names = [regenerate._resolve(spec, p).get("name") for p in stripped.get("parameters", [])]
    assert not {"devKey", "sessionId"} & set(names)


def test_bill_session_id_in_a_query_string_stops_the_build() -> None:
    spec = regenerate.load_spec("bill_v3")
    spec["paths"]["/v3/vendors"]["get"]["parameters"].append(
        {"name": "sessionId", "in": "query", "schema": {"type": "string"}}
    )
    with pytest.raises(regenerate.OwnedParameterError, match=r"GET /v3/vendors \(listVendors\)"):
        regenerate.strip_owned(spec, "bill_v3")


def test_bill_v3_functions_never_ask_for_dev_key_or_session_id() -> None:
    api = GENERATED / "bill_v3" / "api"
    modules = [m for m in api.glob("*/*.py") if m.name != "__init__.py"]
    assert len(modules) == 12
    for module in modules:
        assert not _function_args(module, "sync_detailed") & {"dev_key", "session_id"}, module
    login_model = (GENERATED / "bill_v3" / "models" / "login_request.py").read_text("utf-8")
    assert "devKey" not in login_model
