"""The network as a user meets it: import, list, show, edit, touch, export, and errors."""

from __future__ import annotations

import csv
import json
import stat
from pathlib import Path

from tests.conftest import Cli

FIXTURES = Path(__file__).resolve().parent.parent / "formats" / "fixtures"
LI = FIXTURES / "linkedin"


def test_import_prints_the_report_and_json_gives_its_shape(cli: Cli) -> None:
    result = cli(["import", "linkedin", str(LI / "hidden-profiles.csv")])
    assert result.exit_code == 0, result.output
    assert "2 created, 0 updated, 0 unchanged, 2 skipped" in result.stdout
    assert "hidden profile" in result.stdout
    again = json.loads(
        cli(["import", "linkedin", str(LI / "hidden-profiles.csv"), "--json"]).stdout
    )
    assert (again["created"], again["updated"], again["unchanged"], again["skipped"]) == (
        0,
        0,
        2,
        2,
    )
    assert again["skipped_by_reason"] == {"hidden profile (LinkedIn exports no details)": 2}


def test_a_bad_file_exits_2_with_the_file_and_the_reason(cli: Cli) -> None:
    result = cli(["import", "linkedin", str(FIXTURES / "bad" / "photo-renamed-to.csv")])
    assert result.exit_code == 2
    assert "photo-renamed-to.csv: not a CSV file: it is a binary file" in result.stderr
    assert "Traceback" not in result.output
    problems = cli(["import", "linkedin", str(LI / "bad-date.csv")])
    assert problems.exit_code == 2
    assert "line 6: Connected On" in problems.stderr and "--partial" in problems.stderr
    assert json.loads(cli("people list --json").stdout)["total"] == 0


def test_job_changes_are_announced(cli: Cli) -> None:
    cli(["import", "linkedin", str(LI / "current-export-with-notes-preamble.csv")])
    result = cli(
        [
            "import",
            "linkedin",
            str(LI / "newer-export-with-job-changes.csv"),
            "--as-of",
            "2026-12-01",
        ]
    )
    assert "2 changed jobs — a reason to reconnect" in result.stdout
    assert (
        "Ana Okafor: Senior Product Manager at Northwind Health → Director of Product at Lumen Analytics"
        in result.stdout
    )
    listed = json.loads(cli("people list --flag changed-jobs --json").stdout)
    assert [p["name"] for p in listed["people"]] == ["Ana Okafor", "Ben Schmidt"]


def test_show_edit_touch_and_tie(cli: Cli) -> None:
    cli(["import", "linkedin", str(LI / "current-export-with-notes-preamble.csv")])
    edited = cli(
        [
            "people",
            "edit",
            "Ana Okafor",
            "--tier",
            "A",
            "--offered-help",
            "--level",
            "senior",
            "--json",
        ]
    )
    assert edited.exit_code == 0, edited.output
    person = json.loads(edited.stdout)
    assert (person["tier"], person["flags"], person["level"]["key"], person["level_source"]) == (
        "A",
        ["offered-help"],
        "senior",
        "user",
    )
    assert (
        cli(
            ["touch", "Ana Okafor", "--kind", "call", "--note", "plans", "--date", "2026-11-20"]
        ).exit_code
        == 0
    )
    assert (
        cli(["people", "tie", "Ana Okafor", "David Kim", "--source", "introduced-by"]).exit_code
        == 0
    )
    shown = json.loads(cli(["people", "show", "ana okafor", "--json"]).stdout)
    assert shown["last_contact"] == "2026-11-20"
    assert shown["interactions"][0] | {"id": 0} == {
        "id": 0,
        "date": "2026-11-20",
        "kind": "call",
        "note": "plans",
        "source": "user",
    }
    assert [(t["name"], t["source"]) for t in shown["ties"]] == [("David Kim", "introduced-by")]
    assert shown["sources"][0]["where"] == "line 5"
    human = cli(["people", "show", str(shown["id"])])
    assert "Ana Okafor" in human.stdout and "introduced by them" in human.stdout


def test_unknown_and_ambiguous_references(cli: Cli) -> None:
    cli(["people", "add", "Sam Lee", "--organization", "Acme"])
    cli(["people", "add", "Sam Lee", "--organization", "Globex"])
    ambiguous = cli(["people", "show", "Sam Lee"])
    assert ambiguous.exit_code == 2 and "2 people are called 'Sam Lee'" in ambiguous.stderr
    missing = cli(["people", "show", "Nobody Here"])
    assert missing.exit_code == 3 and "nobody called 'Nobody Here'" in missing.stderr


def test_delete_asks_unless_told_not_to(cli: Cli) -> None:
    cli(["people", "add", "Ana Okafor"])
    aborted = cli(["people", "delete", "Ana Okafor"], input="n\n")
    assert aborted.exit_code == 1
    assert json.loads(cli("people list --json").stdout)["total"] == 1
    assert "1 person" in cli("people list").stdout  # not "1 people"
    assert cli(["people", "delete", "Ana Okafor", "--yes"]).exit_code == 0
    assert json.loads(cli("people list --json").stdout)["total"] == 0


def test_orgchart_import_with_me_and_json(cli: Cli) -> None:
    result = cli(["import", "orgchart", str(FIXTURES / "orgchart" / "oracle-hr.csv"),
                  "--organization", "Oracle HR Sample", "--me", "104", "--json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["created"] == 107
    shown = json.loads(cli(["people", "show", "Bruce Miller", "--json"]).stdout)
    assert shown["is_me"] and shown["org_chart"] == {
        "employee_id": "104",
        "manager_id": shown["org_chart"]["manager_id"],
        "depth": 3,
    }
    cycle = cli(
        ["import", "orgchart", str(FIXTURES / "orgchart" / "cycle.csv"), "--organization", "Loop"]
    )
    assert cycle.exit_code == 2 and "lines 3, 4, 5: management cycle: 2 → 4 → 3 → 2" in cycle.stderr


def test_export_csv_has_every_person_and_field(cli: Cli, tmp_path: Path) -> None:
    cli(["import", "linkedin", str(LI / "current-export-with-notes-preamble.csv")])
    target = tmp_path / "people.csv"
    assert cli(["export", "csv", str(target)]).exit_code == 0
    with target.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["name"] for r in rows] == ["Ana Okafor", "Ben Schmidt", "Chloé Dubois", "David Kim"]
    assert rows[0]["linkedin_url"] == "https://www.linkedin.com/in/ana-okafor"
    assert rows[0]["known_since"] == "2024-10-09"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # everyone's details: yours only


def test_export_vcard_then_import_it_creates_nobody(cli: Cli, tmp_path: Path) -> None:
    cli(["import", "google", str(FIXTURES / "google" / "current-google-contacts.csv")])
    target = tmp_path / "all.vcf"
    assert cli(["export", "vcard", str(target)]).stdout.startswith("Wrote 3 cards")
    again = json.loads(cli(["import", "vcard", str(target), "--json"]).stdout)
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 3)


def test_me_link_and_unlink(cli: Cli) -> None:
    cli(["people", "add", "Maya Chen"])
    assert "You are #1 Maya Chen" in cli(["me", "link", "Maya Chen"]).stdout
    assert json.loads(cli(["people", "show", "1", "--json"]).stdout)["is_me"] is True
    cli(["me", "link", "--unlink"])
    assert json.loads(cli(["people", "show", "1", "--json"]).stdout)["is_me"] is False


def test_a_usage_mistake_is_worded_not_an_internal_error(cli: Cli) -> None:
    result = cli(["people", "edit", "Nobody"])
    assert result.exit_code == 2
    assert "Internal error" not in result.output
    assert "give at least one field" in result.output
