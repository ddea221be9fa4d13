"""The energy journal from the command line."""

from __future__ import annotations

import json

from tests.conftest import Cli


def test_logged_activities_show_up_in_the_summary_for_the_window(cli: Cli) -> None:
    cli(
        "journal add 'customer interviews' --energy 2 --engagement 5 --flow --theme research --date 2026-11-20"
    )
    cli("journal add 'status report' --energy -2 --engagement 1 --theme admin --date 2026-11-21")
    cli("journal add 'old thing' --energy 2 --date 2026-10-01")
    summary = json.loads(cli("journal summary --days 30 --as-of 2026-11-22 --json").stdout)
    assert summary["from"] == "2026-10-24" and summary["to"] == "2026-11-22"
    assert summary["entries"] == 2
    assert summary["energizing"][0]["name"] == "customer interviews"
    assert summary["energizing"][0]["flow"] == 1
    assert summary["draining"][0]["name"] == "status report"
    assert summary["themes"]["draining"][0]["name"] == "admin"


def test_the_window_boundary_follows_as_of(cli: Cli) -> None:
    cli("journal add planning --energy 1 --date 2026-10-24")
    inside = json.loads(cli("journal list --days 30 --as-of 2026-11-22 --json").stdout)
    outside = json.loads(cli("journal list --days 30 --as-of 2026-11-23 --json").stdout)
    assert [e["activity"] for e in inside] == ["planning"]
    assert outside == []


def test_add_defaults_to_the_as_of_date(cli: Cli) -> None:
    out = cli("journal add writing --energy 1 --as-of 2026-02-03")
    assert "2026-02-03" in out.stdout
    entries = json.loads(cli("journal list --as-of 2026-02-03 --json").stdout)
    assert entries[0]["date"] == "2026-02-03" and entries[0]["engagement"] == 3


def test_energy_out_of_range_is_rejected_and_nothing_is_logged(cli: Cli) -> None:
    result = cli("journal add x --energy 3")
    assert result.exit_code == 2 and "--energy" in result.stderr
    assert json.loads(cli("journal list --json").stdout) == []


def test_an_empty_activity_is_rejected(cli: Cli) -> None:
    result = cli(["journal", "add", "  ", "--energy", "1"])
    assert result.exit_code == 2 and "activity: must not be empty" in result.stderr


def test_delete_removes_an_entry(cli: Cli) -> None:
    cli("journal add x --energy 1 --as-of 2026-11-22")
    entry_id = json.loads(cli("journal list --as-of 2026-11-22 --json").stdout)[0]["id"]
    assert cli(f"journal delete {entry_id}").exit_code == 0
    assert json.loads(cli("journal list --as-of 2026-11-22 --json").stdout) == []


def test_human_summary_names_what_energizes_and_drains(cli: Cli) -> None:
    cli("demo --as-of 2026-11-22")
    out = cli("journal summary --as-of 2026-11-22").stdout
    assert "Energizes you most" in out and "customer interviews" in out
    assert "Drains you most" in out and "status reporting" in out
