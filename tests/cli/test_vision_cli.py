"""The vision as a user meets it: import, show, export, check, and bad input that changes nothing."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT, Cli

EXAMPLE = ROOT / "docs" / "examples" / "vision.toml"


def test_import_of_the_documented_example_then_show_json_returns_every_field(cli: Cli) -> None:
    assert cli(["vision", "import", str(EXAMPLE)]).exit_code == 0
    result = cli("vision show --json")
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    source = tomllib.loads(EXAMPLE.read_text())

    assert shown["me"]["name"] == "Jordan Okafor"
    assert shown["me"]["level"] == {"rank": 3, "key": "senior", "label": "Senior"}
    assert {
        k: shown["me"][k] for k in ("title", "organization", "function", "industry", "city")
    } == {k: source["me"][k] for k in ("title", "organization", "function", "industry", "city")}
    assert [p["name"] for p in shown["priorities"]] == [
        "family life",
        "career trajectory",
        "skills development",
    ]
    assert [p["rank"] for p in shown["priorities"]] == [1, 2, 3]
    assert shown["priorities"][0]["note"].startswith("Home for dinner")
    assert shown["choices"] == {"industry": "stay", "company": "open", "city": "stay"}
    assert shown["energizers"] == source["energizers"]
    assert shown["strengths"] == source["strengths"]
    assert [s["title"] for s in shown["steps"]] == [s["title"] for s in source["steps"]]
    assert [s["name"] for s in shown["steps"]] == ["next job", "two jobs from now"]
    first, second = shown["steps"]
    assert first["level"]["key"] == "manager" and second["level"]["key"] == "director"
    assert first["remote"] is True and first["organization_kind"] == "growth-stage company"
    assert first["problems"] == source["steps"][0]["problems"]
    assert second["organization"] == "Lumen Analytics"
    assert second["scope"] == source["steps"][1]["scope"]


def test_export_then_import_gives_back_the_same_vision(cli: Cli, tmp_path: Path) -> None:
    cli(["vision", "import", str(EXAMPLE)])
    before = cli("vision show --json").stdout
    exported = tmp_path / "out.toml"
    assert cli(["vision", "export", str(exported)]).exit_code == 0
    assert cli(["vision", "import", str(exported)]).exit_code == 0
    assert cli("vision show --json").stdout == before


def test_the_documented_example_passes_the_check_except_for_missing_journal_evidence(
    cli: Cli,
) -> None:
    cli(["vision", "import", str(EXAMPLE)])
    result = cli("vision check --json --as-of 2026-11-22")
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert [f["code"] for f in report["findings"]] == ["energizers-without-evidence"]


def test_open_to_anything_next_step_is_flagged_with_advice(cli: Cli, tmp_path: Path) -> None:
    text = EXAMPLE.read_text().replace(
        'title = "Product Marketing Manager, Group Lead"', 'title = "I\'m open to anything"'
    )
    vague = tmp_path / "vague.toml"
    vague.write_text(text)
    cli(["vision", "import", str(vague)])
    result = cli("vision check --json")
    report = json.loads(result.stdout)
    assert report["ok"] is False
    vague_findings = [f for f in report["findings"] if f["code"] == "vague-outline"]
    assert vague_findings and vague_findings[0]["field"] == "steps[0].title"
    assert "rough outline" in vague_findings[0]["advice"]
    human = cli("vision check")
    assert "open to anything" in human.stdout and human.exit_code == 0
    assert cli("vision check --strict").exit_code == 1


def test_the_demo_vision_passes_the_check_clean(cli: Cli) -> None:
    assert cli("demo --as-of 2026-11-22").exit_code == 0
    report = json.loads(cli("vision check --json --as-of 2026-11-22").stdout)
    plans = report.pop("plans")
    assert report == {"ok": True, "weaknesses": 0, "notes": 0, "findings": []}
    assert all(p["ok"] for p in plans) and plans[0]["main"] is True


BAD_FILES = {
    "malformed": ('priorities = ["a", "b"\n[me]\n', "not valid TOML", "line 2"),
    "unknown field": (
        '[me]\nname = "A"\nnickname = "B"\n',
        "unknown field 'me.nickname'",
        "line 3",
    ),
    "four priorities": ('priorities = ["a", "b", "c", "d"]\n', "priorities: 4 given", "line 1"),
    "unknown level": (
        '[me]\nname = "A"\n\n[[steps]]\ntitle = "X"\nlevel = "grand poobah"\n',
        "steps[0].level: unknown level 'grand poobah'",
        "line 6",
    ),
    "bad choice": ('[choices]\ncity = "maybe"\n', "choices.city", "line 2"),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_vision_file_names_field_and_line_and_changes_nothing(
    cli: Cli, tmp_path: Path, case: str
) -> None:
    cli(["vision", "import", str(EXAMPLE)])
    before = cli("vision show --json").stdout
    text, message, line = BAD_FILES[case]
    bad = tmp_path / "bad.toml"
    bad.write_text(text)
    result = cli(["vision", "import", str(bad)])
    assert result.exit_code == 2
    assert str(bad) in result.stderr
    assert message in result.stderr
    assert line in result.stderr
    assert "Traceback" not in result.output
    assert cli("vision show --json").stdout == before


def test_missing_file_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    result = cli(["vision", "import", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_unknown_level_for_me_set_is_rejected_and_nothing_changes(cli: Cli) -> None:
    cli(["vision", "import", str(EXAMPLE)])
    result = cli("me set --level wizard")
    assert result.exit_code == 2
    assert "unknown level 'wizard'" in result.stderr and "director (7)" in result.stderr
    assert json.loads(cli("me show --json").stdout)["level"]["key"] == "senior"


def test_me_set_refuses_a_title_longer_than_it_keeps_and_changes_nothing(cli: Cli) -> None:
    """On PostgreSQL a 301-character title was an internal error; on SQLite it was kept."""
    cli(["vision", "import", str(EXAMPLE)])
    result = cli(["me", "set", "--title", "T" * 301, "--name", "Jo"])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert "--title: is 301 characters long; at most 300 fit" in result.stderr
    assert "T" * 60 not in result.stderr
    me = json.loads(cli("me show --json").stdout)
    assert me["title"] == "Senior Product Marketing Manager" and me["name"] == "Jordan Okafor"
    assert cli(["me", "set", "--name", "N" * 201]).exit_code == 2


def test_me_set_changes_only_the_given_fields(cli: Cli) -> None:
    cli(["vision", "import", str(EXAMPLE)])
    assert cli(["me", "set", "--title", "Principal PMM", "--level", "lead"]).exit_code == 0
    me = json.loads(cli("me show --json").stdout)
    assert me["title"] == "Principal PMM" and me["level"]["key"] == "lead"
    assert me["organization"] == "Lumen Analytics"


def test_errors_show_no_traceback_unless_debug(cli: Cli) -> None:
    result = cli("journal delete 999")
    assert result.exit_code == 3
    assert "no journal entry with id 999" in result.stderr and "Traceback" not in result.output
    debug = cli("--debug journal delete 999")
    assert "Traceback" in debug.stderr


def test_as_of_that_is_not_a_date_is_a_clear_error(cli: Cli) -> None:
    result = cli("vision check --as-of 22/11/2026")
    assert result.exit_code == 2 and "--as-of" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_demo_refuses_to_overwrite_a_workspace_without_replace(cli: Cli) -> None:
    cli(["vision", "import", str(EXAMPLE)])
    result = cli("demo")
    assert result.exit_code == 2 and "--replace" in result.stderr
    assert json.loads(cli("me show --json").stdout)["name"] == "Jordan Okafor"
    assert cli("demo --replace").exit_code == 0
    assert json.loads(cli("me show --json").stdout)["name"] == "Maya Chen"
