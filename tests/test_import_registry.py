"""One registry of import kinds (domain.import_kinds): the CLI's commands, the web form, the
API's choices, the readers, docs/import.md, merge authority and contact sources all follow it.
Adding a kind in one place only fails here."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from nextmove.cli.app import build_app
from nextmove.config import load_settings
from nextmove.domain import merge
from nextmove.domain.import_kinds import FILE_KIND_NAMES, REGISTRY
from nextmove.services.imports import READERS
from nextmove.store import suggest
from nextmove.web.app import create_app
from nextmove.web.import_forms import KINDS
from tests.conftest import ROOT


def test_every_kind_of_file_has_a_reader_and_every_reader_a_kind() -> None:
    assert list(READERS) == list(FILE_KIND_NAMES)


def test_the_import_commands_are_the_registrys_kinds_with_its_help() -> None:
    group = typer.main.get_command(build_app()).commands["import"]  # type: ignore[attr-defined]
    assert list(group.commands) == list(FILE_KIND_NAMES)
    for kind in REGISTRY:
        command = group.commands[kind.name]
        assert command.help == kind.summary
        [path] = [p for p in command.params if p.name == "path"]
        assert path.help == kind.path_help


def test_the_web_form_and_the_api_offer_the_registrys_kinds(tmp_path: Path) -> None:
    assert [k.name for k in KINDS] == list(FILE_KIND_NAMES)
    app = create_app(load_settings(database_url=f"sqlite:///{tmp_path / 'n.db'}"))
    [kind] = [
        p
        for p in app.openapi()["paths"]["/api/imports"]["post"]["parameters"]
        if p["name"] == "kind"
    ]
    assert kind["schema"]["enum"] == list(FILE_KIND_NAMES)


def test_docs_import_md_has_one_section_per_kind_in_the_registrys_order() -> None:
    text = (ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    sections = re.findall(r"(?m)^## `([a-z]+)`", text)
    assert sections == list(FILE_KIND_NAMES)


def test_merge_authority_and_contact_sources_come_from_the_registry() -> None:
    for kind in REGISTRY:
        assert merge.authority(kind.name) == kind.authority
        assert (kind.name in suggest.CONTACT_SOURCES) is kind.contact_source
    # You outrank every file; an org chart or LinkedIn outranks an address book.
    assert merge.authority("user") > max(k.authority for k in REGISTRY)
    assert merge.authority("orgchart") > merge.authority("vcard")
    assert "orgchart" not in suggest.CONTACT_SOURCES and "manual" in suggest.CONTACT_SOURCES
