"""docs/api.md, generated from the API's own OpenAPI schema and the models in
nextmove.formats.schemas (`make docs` writes it; `make lint` fails when it differs)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

from nextmove.formats import schemas
from nextmove.formats.schemas.reference import models_reference
from nextmove.formats.schemas.registry import COMMANDS
from nextmove.web import api as api_package
from nextmove.web.api import router

_METHODS = ("get", "post", "put", "patch", "delete")
_REF = "#/components/schemas/"


def api_schema() -> dict[str, Any]:
    """The OpenAPI document of the routes under /api (as /api/openapi.json lists them)."""
    app = FastAPI(title="nextmove")
    app.include_router(router)
    return app.openapi()


def schema_models() -> dict[str, type[BaseModel]]:
    """Every model in nextmove.formats.schemas, by class name (names are unique), and those
    still declared beside their routes (the accounts API's)."""
    found: dict[str, type[BaseModel]] = {}
    for package in (schemas, api_package):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            for name, value in vars(module).items():
                if (
                    inspect.isclass(value)
                    and issubclass(value, BaseModel)
                    and value.__module__ == module.__name__
                    and not name.startswith("_")
                ):
                    found[name] = value
    return found


def _schema_text(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        name = schema["$ref"].removeprefix(_REF)
        return f"[{name}](#{name.lower()})"
    if "anyOf" in schema:
        return " or ".join(_schema_text(s) for s in schema["anyOf"])
    kind = schema.get("type")
    if kind == "array":
        return "list of " + _schema_text(schema.get("items", {}))
    if kind == "object" and "additionalProperties" in schema:
        extra = schema["additionalProperties"]
        return "object" if extra is True else f"object of {_schema_text(extra)} by name"
    if "enum" in schema:
        return " or ".join(f"`{v}`" for v in schema["enum"])
    return {"null": "null", "string": "string", "integer": "integer", "number": "number"}.get(
        str(kind), str(kind or "any JSON value")
    )


def _body(operation: dict[str, Any]) -> str:
    content = operation.get("requestBody", {}).get("content", {})
    for media, spec in content.items():
        text = _schema_text(spec.get("schema", {}))
        return text if media == "application/json" else f"{text} ({media})"
    return ""


def _answer(operation: dict[str, Any]) -> str:
    for status, spec in sorted(operation.get("responses", {}).items()):
        if status.startswith("2"):
            schema = spec.get("content", {}).get("application/json", {}).get("schema")
            return f"{status}: " + (_schema_text(schema) if schema else "no body")
    return ""


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def routes_table() -> str:
    """One row per route: method and path, what it does, its query, its body, its answer."""
    as_command = {c.route: c.command for c in COMMANDS if c.route}
    rows = ["| route | what it does | query | body | answer |", "| --- | --- | --- | --- | --- |"]
    for path, item in api_schema()["paths"].items():
        for method in _METHODS:
            if method not in item:
                continue
            operation = item[method]
            route = f"{method.upper()} {path}"
            summary = operation.get("summary", "")
            if route in as_command and "--json" not in summary:
                summary += f" (as `nextmove {as_command[route]} --json`)"
            query = ", ".join(
                f"`{p['name']}`"
                for p in operation.get("parameters", [])
                if p["in"] == "query" and p["name"] not in ("workspace", "as_of")
            )
            rows.append(
                f"| `{route}` | {_cell(summary)} | {query} | {_cell(_body(operation))} "
                f"| {_cell(_answer(operation))} |"
            )
    return "\n".join(rows) + "\n"


def shapes_reference() -> str:
    """Every shape the API returns or accepts, and every shape a command prints."""
    names = set(api_schema().get("components", {}).get("schemas", {}))
    models = schema_models()
    shapes: list[Any] = [models[n] for n in sorted(names) if n in models]
    shapes += [c.shape for c in COMMANDS if c.shape is not None]
    return models_reference(shapes)
