"""Untrusted input at the CLI: the attacks of issue 19 get a clear message naming the field,
exit 2, no traceback, and nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Cli

NEWLINE_LINK = "https://meet.example.com/abc\nATTENDEE:mailto:attacker@example.com"
SCRIPT = "javascript:alert(document.cookie)"


def test_the_cli_refuses_a_bad_meeting_link_and_calendar_export_still_works(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEXTMOVE_EMAIL", "me@example.com")
    assert cli(["people", "add", "Ana Ruiz"]).exit_code == 0
    assert cli(["meeting", "add", "1"]).exit_code == 0
    refused = cli(["meeting", "schedule", "1", "--at", "2026-11-24 10:00", "--link", NEWLINE_LINK])
    assert refused.exit_code == 2
    assert "link: the link contains a control character" in refused.output
    assert "Traceback" not in refused.output
    assert (
        cli(
            ["meeting", "schedule", "1", "--at", "2026-11-24 10:00", "--link", "zoom.us/j/1"]
        ).exit_code
        == 0
    )
    out = tmp_path / "cal.ics"
    assert cli(["calendar", "export", str(out), "--as-of", "2026-11-22"]).exit_code == 0
    assert "https://zoom.us/j/1" in out.read_text(encoding="utf-8").replace("\r\n ", "")
    bad = cli(["people", "add", "Rosa", "--link", SCRIPT])
    assert bad.exit_code == 2 and "link: javascript links are not allowed, only http" in bad.output


def test_an_imported_cards_unsafe_links_are_dropped_the_same_way_on_every_import(
    cli: Cli, tmp_path: Path
) -> None:
    card = tmp_path / "rosa.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Rosa Diaz\r\nUID:rosa-1\r\n"
        f"URL:{SCRIPT}\r\nURL:https://rosa.example\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    assert cli(["import", "vcard", str(card)]).exit_code == 0
    person = json.loads(cli(["people", "show", "Rosa Diaz", "--json"]).stdout)
    assert [link["url"] for link in person["links"]] == ["https://rosa.example"]
    again = json.loads(cli(["import", "vcard", str(card), "--json"]).stdout)
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 1)
    out = tmp_path / "all.vcf"
    assert cli(["export", "vcard", str(out)]).exit_code == 0
    assert "javascript" not in out.read_text(encoding="utf-8")
