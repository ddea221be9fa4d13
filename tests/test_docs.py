"""Every command has help, every setting is documented, every JSON-printing command is in
docs/json.md. Adding a command or setting without docs fails here."""

from __future__ import annotations

import re
from typing import Any

import typer.main

from nextmove.cli.app import build_app
from nextmove.config import Settings
from tests.conftest import ROOT

# Typer >= 0.29 carries its own copy of click, so its commands are not `click.Command`s:
# groups are recognised by their `commands`, parameters by their `param_type_name`.


def _is_group(command: Any) -> bool:
    return hasattr(command, "commands")


def _is_option(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "option"


def _is_argument(param: Any) -> bool:
    return getattr(param, "param_type_name", "") == "argument"


def _commands() -> list[tuple[str, Any]]:
    """Every command and group of the app, by its full name ('' is the root)."""
    root = typer.main.get_command(build_app())
    found: list[tuple[str, Any]] = []

    def walk(prefix: str, command: Any) -> None:
        found.append((prefix, command))
        if _is_group(command):
            for name, sub in command.commands.items():
                walk(f"{prefix} {name}".strip(), sub)

    walk("", root)
    return found


def test_the_walk_sees_every_command() -> None:
    names = {name for name, _ in _commands()}
    assert {"vision show", "vision check", "journal add", "me set", "demo", "init"} <= names


def test_help_paragraphs_read_as_sentences_without_the_docstrings_line_breaks() -> None:
    # Typer's rich mode prints a docstring's line breaks as they are: "who did\n it)".
    broken = [
        name
        for name, command in _commands()
        if any("\n" in p for p in (command.help or "").split("\n\n"))
    ]
    assert broken == []


def test_every_command_and_option_has_help() -> None:
    missing = []
    for name, command in _commands():
        if not (command.help or "").strip():
            missing.append(f"nextmove {name}: no help")
        for param in command.params:
            if _is_option(param) and not (param.help or "").strip():
                missing.append(f"nextmove {name} {param.opts[0]}: no help")
            if _is_argument(param) and not (getattr(param, "help", "") or "").strip():
                missing.append(f"nextmove {name} {param.name}: argument has no help")
    assert missing == []


def test_every_command_is_in_the_cli_reference() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text()
    missing = [
        f"nextmove {name}"
        for name, command in _commands()
        if name and not _is_group(command) and f"nextmove {name}" not in reference
    ]
    assert missing == []


def test_every_json_command_is_in_the_json_reference() -> None:
    reference = (ROOT / "docs" / "json.md").read_text()
    missing = [
        f"nextmove {name}"
        for name, command in _commands()
        if any(p.name == "json" for p in command.params)
        and f"`nextmove {name} --json`" not in reference
    ]
    assert missing == []


def test_every_setting_is_described_and_documented() -> None:
    reference = (ROOT / "docs" / "configuration.md").read_text()
    for name, field in Settings.model_fields.items():
        assert (field.description or "").strip(), f"setting {name} has no description"
        assert f"`{name}`" in reference, f"setting {name} is missing from docs/configuration.md"
        assert f"NEXTMOVE_{name.upper()}" in reference


def test_the_generated_docs_are_what_the_models_generate() -> None:
    # `make lint` runs the same check; `make docs` rewrites them.
    from cogapp import Cog

    files = [str(ROOT / "docs" / name) for name in ("json.md", "api.md")]
    assert Cog().main(["cog", "--check", *files]) == 0, "run `make docs`"


def test_each_json_section_is_generated_from_its_model_or_listed_as_pending() -> None:
    from nextmove.formats.schemas.registry import COMMANDS, PENDING

    reference = (ROOT / "docs" / "json.md").read_text()
    sections = re.split(r"^## ", reference, flags=re.M)[1:]
    documented: dict[str, str] = {}
    for section in sections:
        heading = section.splitlines()[0]
        found = re.match(r"`nextmove (.+?)(?: [A-Z][A-Z_ ]*)? --json`", heading)
        if found:
            documented[found.group(1)] = section
    registered = [c.command for c in COMMANDS]
    assert sorted(documented) == sorted([*registered, *PENDING])
    assert not set(registered) & set(PENDING)
    for command in registered:
        assert f'command_fields("{command}")' in documented[command], command


def test_every_shape_the_generated_docs_link_to_is_described() -> None:
    api = (ROOT / "docs" / "api.md").read_text()
    described = {name.lower() for name in re.findall(r"^### (\w+)", api, flags=re.M)}
    linked = set(re.findall(r"\]\(#(\w+)\)", api))
    linked |= set(re.findall(r"\]\(api\.md#(\w+)\)", (ROOT / "docs" / "json.md").read_text()))
    assert linked and linked <= described, sorted(linked - described)
