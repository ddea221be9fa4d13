"""Every command has help, every setting is documented, every JSON-printing command is in
docs/json.md. Adding a command or setting without docs fails here."""

from __future__ import annotations

import click
import typer.main

from nextmove.cli.app import app
from nextmove.config import Settings
from tests.conftest import ROOT


def _commands() -> list[tuple[str, click.Command]]:
    root = typer.main.get_command(app)
    found: list[tuple[str, click.Command]] = []

    def walk(prefix: str, command: click.Command) -> None:
        found.append((prefix, command))
        # Typer vendors its own click: recognise groups by what they have, not their class.
        for name, sub in getattr(command, "commands", {}).items():
            walk(f"{prefix} {name}".strip(), sub)

    walk("", root)
    return found


def test_the_walk_sees_every_command() -> None:
    names = {name for name, _ in _commands()}
    assert {"vision show", "journal add", "people list", "import orgchart", "export csv"} <= names


def test_every_command_and_option_has_help() -> None:
    missing = []
    for name, command in _commands():
        if not (command.help or "").strip():
            missing.append(f"nextmove {name}: no help")
        for param in command.params:
            is_option = param.param_type_name == "option"
            if is_option and not (getattr(param, "help", "") or "").strip():
                missing.append(f"nextmove {name} {param.opts[0]}: no help")
            if not is_option and not (getattr(param, "help", "") or "").strip():
                missing.append(f"nextmove {name} {param.name}: argument has no help")
    assert missing == []


def test_every_command_is_in_the_cli_reference() -> None:
    reference = (ROOT / "docs" / "cli.md").read_text()
    missing = [
        f"nextmove {name}"
        for name, command in _commands()
        if name and not hasattr(command, "commands") and f"nextmove {name}" not in reference
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
