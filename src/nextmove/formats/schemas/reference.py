"""Markdown describing the JSON shapes, generated from the models themselves (docs/json.md,
docs/api.md; `make docs` writes them with cog and `make lint` fails when they differ)."""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from pydantic import BaseModel
from typing_extensions import TypeAliasType

from nextmove.formats.schemas.registry import COMMANDS, JsonCommand

API_PAGE = "api.md"


def anchor(model: type[BaseModel]) -> str:
    return model.__name__.lower()


def model_link(model: type[BaseModel], *, page: str = API_PAGE) -> str:
    return f"[{model.__name__}]({page}#{anchor(model)})"


_SCALARS: dict[Any, str] = {
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    dt.date: "date (`YYYY-MM-DD`)",
    dt.datetime: "instant (ISO 8601 with offset)",
    Any: "any JSON value",
    type(None): "null",
}


def type_text(annotation: Any, *, page: str = API_PAGE) -> str:
    """How a field's type reads in the docs: "[LevelPublic](api.md#levelpublic) or null"."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_text(args[0], page=page)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(type_text(a, page=page) for a in args)
    if origin is Literal:
        names = [f"`{a}`" if a is not None else "null" for a in args]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    if origin in (list, tuple, set, frozenset):
        return f"list of {type_text(args[0], page=page)}" if args else "list"
    if origin is dict:
        return f"object of {type_text(args[1], page=page)} by name" if args else "object"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return model_link(annotation, page=page)
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    if isinstance(annotation, TypeAliasType):
        return type_text(annotation.__value__, page=page)
    return str(annotation).replace("typing.", "")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def fields_table(model: type[BaseModel], *, page: str = API_PAGE) -> str:
    """A model's fields as a Markdown table: name, type, what it means."""
    rows = ["| field | type | meaning |", "| --- | --- | --- |"]
    for name, field in model.model_fields.items():
        meaning = field.description or ""
        if not field.is_required():
            default = field.get_default(call_default_factory=True)
            shown = "null" if default is None else repr(default).replace("'", '"')
            meaning = f"{meaning} (optional; default `{shown}`)".strip()
        rows.append(
            f"| `{field.alias or name}` | {_cell(type_text(field.annotation, page=page))} "
            f"| {_cell(meaning)} |"
        )
    return "\n".join(rows)


def top_model(shape: Any) -> tuple[str, type[BaseModel] | None]:
    """("a list of ", Model) for list[Model]; ("", Model) for a model."""
    origin = typing.get_origin(shape)
    args = typing.get_args(shape)
    if origin is list:
        return "A list of ", args[0]
    if origin in (typing.Union, types.UnionType):
        models = [a for a in args if a is not type(None)]
        return "Null or ", models[0] if models else None
    return "", shape if isinstance(shape, type) and issubclass(shape, BaseModel) else None


def command_fields(command: str) -> str:
    """The generated part of a command's section in docs/json.md."""
    entry = _entry(command)
    return shape_fields(entry.shape, entry.route)


def shape_fields(shape: Any, route: str | None = None) -> str:
    """A shape's model, the route that returns it, and its fields, for docs/json.md."""
    lead, model = top_model(shape)
    assert model is not None, f"{shape}: not a model"
    answer = f", as `{route}` returns it" if route else ""
    lines = [
        f"Its model: {lead.lower()}{model_link(model)}{answer}.",
        "",
        fields_table(model),
    ]
    return "\n".join(lines) + "\n"


def _entry(command: str) -> JsonCommand:
    for entry in COMMANDS:
        if entry.command == command:
            return entry
    raise KeyError(f"no JSON command {command!r} in formats/schemas/registry.py")


def models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """Every model a type mentions, itself first, then what its fields mention."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
        for field in annotation.model_fields.values():
            yield from models_in(field.annotation)
        return
    if isinstance(annotation, TypeAliasType):
        yield from models_in(annotation.__value__)
        return
    for arg in typing.get_args(annotation):
        yield from models_in(arg)


def models_reference(shapes: Iterable[Any]) -> str:
    """Each model once, by name: its fields, and which commands print it."""
    found: dict[str, type[BaseModel]] = {}
    for shape in shapes:
        for model in models_in(shape):
            found.setdefault(model.__name__, model)
    printed_by: dict[str, list[str]] = {}
    for entry in COMMANDS:
        _, top = top_model(entry.shape)
        if top is not None:
            printed_by.setdefault(top.__name__, []).append(f"`nextmove {entry.command} --json`")
    out: list[str] = []
    for name in sorted(found):
        model = found[name]
        out += [f"### {name}", ""]
        doc = (model.__doc__ or "").strip()
        if (
            doc
            and not doc.startswith(("A base class", "!!!"))
            and model.__module__.startswith("nextmove.")
        ):
            out += [" ".join(doc.split()), ""]
        if name in printed_by:
            out += ["Printed by " + ", ".join(printed_by[name]) + ".", ""]
        out += [fields_table(model, page=""), ""]
    return "\n".join(out)


def converted() -> list[JsonCommand]:
    return [c for c in COMMANDS if c.shape is not None]
