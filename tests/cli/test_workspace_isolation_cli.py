"""Two workspaces in one database, on SQLite and PostgreSQL: nothing of one is visible from
the other through any CLI read command, an id of the other's rows used directly is "not
found" and changes nothing, and deleting one leaves the other as it was.

The default workspace holds the demo (438 people, meetings, opportunities, a board); the
workspace "other" holds a few rows of its own, every one of them named "Otherland"."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
import typer.main

from nextmove.cli.app import build_app
from tests.conftest import Cli

AS_OF = "--as-of=2026-11-22"
MARK = "Otherland"
OTHER = ["-w", "other"]
# Read commands that need no argument but are not about one workspace's rows.
NOT_PER_WORKSPACE = {"workspace list"}
# Commands that would write: run as a dry run.
DRY_RUN = {"round plan": ["--dry-run"]}


def run(cli: Cli, args: list[str], *, ok: bool = True) -> str:
    result = cli(args)
    assert "Internal error" not in result.output, (args, result.output)
    assert "Traceback" not in result.output, (args, result.output)
    if ok:
        assert result.exit_code == 0, (args, result.output)
    return result.output


def data(cli: Cli, args: list[str]) -> Any:
    result = cli([*args, "--json"])
    assert result.exit_code == 0, (args, result.output)
    return json.loads(result.stdout)


def fill_other(cli: Cli) -> dict[str, int]:
    """The workspace "other": you, three people, a tie, a touch, a meeting, an opportunity
    linked to a person, a journal entry, a board seat, an alternative plan. Returns ids."""
    run(cli, ["workspace", "create", "other"])
    w = OTHER
    run(
        cli,
        [
            *w,
            "me",
            "set",
            "--name",
            "Zenobia Otherland",
            "--title",
            "Otherland Chief",
            "--organization",
            "Otherland Corp",
            "--level",
            "director",
            "--function",
            "product",
        ],
    )
    for name, title in [
        ("Quentin Otherland", "VP Otherland Product"),
        ("Ursula Otherland", "Otherland Director"),
        ("Vince Otherland", "Otherland Analyst"),
    ]:
        run(
            cli,
            [
                *w,
                "people",
                "add",
                name,
                "--title",
                title,
                "--organization",
                "Otherland Corp",
                "--email",
                f"{name.split()[0].lower()}@otherland.example",
                "--tier",
                "A",
            ],
        )
    run(
        cli,
        [
            *w,
            "people",
            "tie",
            "Quentin Otherland",
            "Ursula Otherland",
            "--note",
            "Otherland colleagues",
        ],
    )
    run(
        cli,
        [
            *w,
            "touch",
            "Quentin Otherland",
            "--kind",
            "call",
            "--note",
            "Otherland call",
            "--date",
            "2026-11-01",
        ],
    )
    run(cli, [*w, "meeting", "add", "Ursula Otherland", "--why", "Otherland growth story", AS_OF])
    run(
        cli,
        [
            *w,
            "opp",
            "add",
            "Otherland Head of Product",
            "-o",
            "Otherland Corp",
            "--level",
            "director",
            "--function",
            "product",
            "--source",
            "recruiter",
            "--date",
            "2026-11-20",
        ],
    )
    run(
        cli,
        [
            *w,
            "journal",
            "add",
            "Otherland roadmap review",
            "--energy",
            "2",
            "--engagement",
            "5",
            "--date",
            "2026-11-20",
        ],
    )
    run(cli, [*w, "board", "set", "1", "Quentin Otherland", "--why", "Otherland veteran"])
    run(cli, [*w, "plan", "add", "Otherland wild card"])
    people = {p["name"]: p["id"] for p in data(cli, [*w, "people", "list"])["people"]}
    meeting = data(cli, [*w, "meeting", "list"])["meetings"][0]["id"]
    opp = data(cli, [*w, "opp", "list"])["opportunities"][0]["id"]
    run(cli, [*w, "opp", "link", str(opp), "Ursula Otherland"])
    entry = data(cli, [*w, "journal", "list"])[0]["id"]
    return {
        "person": people["Quentin Otherland"],
        "person2": people["Ursula Otherland"],
        "meeting": meeting,
        "opp": opp,
        "entry": entry,
    }


def demo_ids(cli: Cli) -> dict[str, Any]:
    people = data(cli, ["people", "list", "--limit", "0"])["people"]
    assert len(people) == 438
    return {
        "names": [p["name"] for p in people],
        "person": next(p["id"] for p in people if p["name"] == "Ana Ruiz"),
        "person2": next(p["id"] for p in people if p["name"] == "Tom Becker"),
        "meeting": data(cli, ["meeting", "list"])["meetings"][0]["id"],
        "opp": data(cli, ["opp", "list"])["opportunities"][0]["id"],
        "entry": data(cli, ["journal", "list"])[0]["id"],
    }


def read_commands() -> list[tuple[str, bool]]:
    """Every command that takes --json and needs no argument: (name, takes --as-of)."""
    found: list[tuple[str, bool]] = []

    def walk(prefix: str, command: Any) -> None:
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                walk(f"{prefix} {name}".strip(), sub)
            return
        names = {p.name for p in command.params}
        required = [p for p in command.params if getattr(p, "required", False)]
        if "json" in names and not required and prefix not in NOT_PER_WORKSPACE:
            found.append((prefix, "as_of" in names))

    walk("", typer.main.get_command(build_app()))
    return found


def counts(cli: Cli, *flags: str) -> dict[str, int]:
    return {
        "people": data(cli, [*flags, "people", "list"])["total"],
        "meetings": len(data(cli, [*flags, "meeting", "list"])["meetings"]),
        "opportunities": len(data(cli, [*flags, "opp", "list"])["opportunities"]),
        "journal": len(data(cli, [*flags, "journal", "list"])),
        "board": sum(1 for s in data(cli, [*flags, "board", "show"])["seats"] if s["person"]),
    }


@pytest.fixture
def two(cli: Cli) -> tuple[Cli, dict[str, Any], dict[str, int]]:
    run(cli, ["demo", AS_OF])
    other = fill_other(cli)
    return cli, demo_ids(cli), other


def outputs(cli: Cli, flags: list[str], ids: dict[str, Any], tmp: Path) -> dict[str, str]:
    """What every read command prints in one workspace, as text and as JSON."""
    seen: dict[str, str] = {}
    for name, dated in read_commands():
        args = [*flags, *name.split(), *DRY_RUN.get(name, []), *([AS_OF] if dated else [])]
        seen[name] = run(cli, args, ok=False) + run(cli, [*args, "--json"], ok=False)
    for args in (
        ["people", "show", str(ids["person"])],
        ["people", "chain", str(ids["person"])],
        ["path", str(ids["person2"])],
        ["meeting", "show", str(ids["meeting"])],
        ["opp", "show", str(ids["opp"])],
        ["opp", "people", str(ids["opp"])],
        ["plan", "show", "main"],
        ["people", "list", "--query", "an", "--limit", "0"],  # words in both's names
        ["people", "list", "--query", MARK],
        ["vision", "export"],
    ):
        seen[" ".join(args)] = run(cli, [*flags, *args], ok=False)
    for kind in ("vcard", "csv"):
        target = tmp / f"{'-'.join(flags) or 'default'}.{kind}"
        run(cli, [*flags, "export", kind, str(target)])
        seen[f"export {kind}"] = target.read_text(encoding="utf-8")
    pdf = tmp / f"{'-'.join(flags) or 'default'}.pdf"
    run(cli, [*flags, "report", str(pdf), AS_OF])
    seen["report"] = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return seen


def test_no_read_command_shows_the_other_workspace(
    two: tuple[Cli, dict[str, Any], dict[str, int]], tmp_path: Path
) -> None:
    cli, demo, other = two
    assert len(read_commands()) >= 18
    mine = outputs(cli, [], demo, tmp_path)
    leaks = {name: MARK for name, text in mine.items() if MARK in text}
    assert leaks == {}
    # The demo is there (the commands did show something) …
    assert "Ana Ruiz" in mine["people list"] and "Ana Ruiz" in mine["meeting list"]
    theirs = outputs(cli, OTHER, other, tmp_path)
    # … and so is "other" in its own workspace, with none of the demo's 438 people.
    assert "Quentin Otherland" in theirs["people list"] and MARK in theirs["report"]
    assert "Otherland growth story" in theirs["meeting list"]
    demo_names = demo["names"]
    leaks = {
        name: [n for n in demo_names if n in text]
        for name, text in theirs.items()
        if any(n in text for n in demo_names)
    }
    assert leaks == {}


def direct_attempts(ids: dict[str, Any]) -> list[list[str]]:
    """Commands that name another workspace's rows by id: each must be "not found"."""
    p, p2, m, o, e = (str(ids[k]) for k in ("person", "person2", "meeting", "opp", "entry"))
    return [
        ["people", "show", p],
        ["people", "edit", p, "--title", "Hijacked"],
        ["people", "tie", p, p2],
        ["people", "chain", p],
        ["people", "export", p, "-"],
        ["people", "delete", p, "--yes"],
        ["touch", p, "--note", "Hijacked"],
        ["path", p],
        ["keep", "set", p, "--tier", "C"],
        ["me", "link", p],
        ["meeting", "add", p, "--why", "Hijacked"],
        ["board", "set", "2", p, "--why", "Hijacked"],
        ["meeting", "show", m],
        ["meeting", "note", m, "Hijacked"],
        ["meeting", "request", m],
        ["meeting", "delete", m],
        ["opp", "show", o],
        ["opp", "edit", o, "--notes", "Hijacked"],
        ["opp", "status", o, "applied"],
        ["opp", "link", o, p],
        ["opp", "delete", o],
        ["journal", "delete", e],
    ]


def test_ids_of_the_other_workspace_are_not_found_and_nothing_changes(
    two: tuple[Cli, dict[str, Any], dict[str, int]],
) -> None:
    cli, demo, other = two
    before = (counts(cli), counts(cli, *OTHER))
    shown_before = (
        run(cli, ["people", "show", str(demo["person"]), "--json"]),
        run(cli, [*OTHER, "people", "show", str(other["person"]), "--json"]),
    )
    wrong = []
    for flags, ids in (([], other), (OTHER, demo)):
        for args in direct_attempts(ids):
            result = cli([*flags, *args])
            if result.exit_code != 3 or "Hijacked" in result.stdout:
                wrong.append((flags, args, result.exit_code, result.output[-300:]))
    assert wrong == []
    assert (counts(cli), counts(cli, *OTHER)) == before
    assert (
        run(cli, ["people", "show", str(demo["person"]), "--json"]),
        run(cli, [*OTHER, "people", "show", str(other["person"]), "--json"]),
    ) == shown_before
    everything = run(cli, ["people", "list", "--json"]) + run(cli, [*OTHER, "people", "list"])
    assert "Hijacked" not in everything


def test_deleting_a_workspace_leaves_the_other_intact(
    two: tuple[Cli, dict[str, Any], dict[str, int]],
) -> None:
    cli, demo, _other = two
    kept = counts(cli)
    kept_person = run(cli, ["people", "show", str(demo["person"]), "--json"])
    assert counts(cli, *OTHER) == {
        "people": 3,
        "meetings": 1,
        "opportunities": 1,
        "journal": 1,
        "board": 1,
    }
    run(cli, ["workspace", "delete", "other", "--yes"])
    assert counts(cli) == kept
    assert run(cli, ["people", "show", str(demo["person"]), "--json"]) == kept_person
    # The same demo in a second workspace: counts alike, and a refused delete changes nothing.
    run(cli, ["workspace", "create", "second"])
    run(cli, ["-w", "second", "demo", AS_OF])
    second = counts(cli, "-w", "second")
    assert second == kept
    run(cli, ["workspace", "delete", "default", "--yes"], ok=False)
    assert counts(cli, "-w", "second") == second
    assert counts(cli) == kept
