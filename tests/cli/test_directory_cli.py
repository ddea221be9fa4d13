"""`nextmove directory list` and `nextmove directory history`, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

from nextmove.store import workspaces
from nextmove.store.db import Database
from tests.conftest import NOW, Cli

HEADER = "employee_id,name,title,manager_id,department\n"
FIRST = (
    HEADER
    + "1,Ada Root,CEO,,Exec\n2,Bea Lead,VP Sales,1,Sales\n3,Cy Rep,Account Executive,2,Sales\n"
)
# Cy is promoted and moves under Ada; Di joins; nobody leaves.
SECOND = (
    HEADER
    + "1,Ada Root,CEO,,Exec\n2,Bea Lead,VP Sales,1,Sales\n3,Cy Rep,Sales Director,1,Sales\n"
    + "4,Di New,Account Executive,2,Sales\n"
)


def test_the_directory_lists_your_organizations_and_their_history(cli: Cli, tmp_path: Path) -> None:
    empty = cli(["directory", "list"])
    assert empty.exit_code == 0 and "No org charts yet" in empty.stdout
    first, second = tmp_path / "acme-2026-10.csv", tmp_path / "acme-2026-11.csv"
    first.write_text(FIRST)
    second.write_text(SECOND)
    for path, day in ((first, "2026-10-01"), (second, "2026-11-01")):
        done = cli(
            ["import", "orgchart", str(path), "--organization", "Acme, Inc.", "--as-of", day]
        )
        assert done.exit_code == 0, done.output
    assert "snapshot 2: 4 members — 1 joined, 0 left, 1 moved, 1 changed title" in done.stdout
    listed = json.loads(cli(["directory", "list", "--json"]).stdout)
    assert listed == {
        "organizations": [
            {"id": listed["organizations"][0]["id"], "name": "Acme, Inc.", "members": 4,
             "snapshots": 2, "last_import": "2026-11-01", "last_file": "acme-2026-11.csv"}
        ]
    }  # fmt: skip
    history = json.loads(cli(["directory", "history", "acme", "--json"]).stdout)
    assert [
        (s["number"], s["taken_on"], s["file"], s["members"], s["joiners"], s["leavers"],
         s["moves"], s["title_changes"])
        for s in history["snapshots"]
    ] == [
        (1, "2026-10-01", "acme-2026-10.csv", 3, 3, 0, 0, 0),
        (2, "2026-11-01", "acme-2026-11.csv", 4, 1, 0, 1, 1),
    ]  # fmt: skip
    table = cli(["directory", "history", "Acme Inc"])
    assert table.exit_code == 0
    assert "acme-2026-11.csv" in table.stdout and "Acme, Inc.: 4 members" in table.stdout
    human = cli(["directory", "list"])
    assert "Acme, Inc." in human.stdout and "2026-11-01" in human.stdout


def test_the_history_of_an_organization_you_never_imported_is_not_found(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "acme.csv"
    path.write_text(FIRST)
    cli(["import", "orgchart", str(path), "--organization", "Acme"])
    missing = cli(["directory", "history", "Globex"])
    assert missing.exit_code == 3
    assert "no organization 'Globex' in your directory" in missing.stderr
    assert "Your organizations: Acme." in missing.stderr


def test_another_workspace_does_not_see_your_organizations(
    cli: Cli, db_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "acme.csv"
    path.write_text(FIRST)
    cli(["import", "orgchart", str(path), "--organization", "Acme"])
    database = Database.open(db_url)
    with database.session() as session:
        workspaces.create(session, "client-b", now=NOW)
    database.dispose()
    other = json.loads(cli(["--workspace", "client-b", "directory", "list", "--json"]).stdout)
    assert other == {"organizations": []}
    assert cli(["--workspace", "client-b", "directory", "history", "Acme"]).exit_code == 3


def test_a_chart_dated_before_the_latest_snapshot_is_refused(cli: Cli, tmp_path: Path) -> None:
    """Snapshots are a history in date order: an older export imported after a newer one
    (or a mistyped --as-of) is refused, naming both dates, with nothing written."""
    first, second = tmp_path / "acme-2026-10.csv", tmp_path / "acme-2026-11.csv"
    first.write_text(FIRST)
    second.write_text(SECOND)
    done = cli(
        ["import", "orgchart", str(second), "--organization", "Acme", "--as-of", "2026-11-01"]
    )
    assert done.exit_code == 0, done.output
    older = cli(
        ["import", "orgchart", str(first), "--organization", "ACME", "--as-of", "2026-10-01"]
    )
    assert older.exit_code == 2 and "Traceback" not in older.output
    assert "Acme's latest org chart is dated 2026-11-01" in older.stderr
    assert "--as-of" in older.stderr
    history = json.loads(cli(["directory", "history", "acme", "--json"]).stdout)
    assert [(s["number"], s["taken_on"]) for s in history["snapshots"]] == [(1, "2026-11-01")]
    # The same day, or later, is a new snapshot as before.
    again = cli(
        ["import", "orgchart", str(first), "--organization", "Acme", "--as-of", "2026-11-01"]
    )
    assert again.exit_code == 0, again.output
