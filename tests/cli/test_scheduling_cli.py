"""`nextmove calendar busy` and `nextmove slots` as a user meets them: real calendar files,
settings for working hours and zone, and clear errors for bad files and settings."""

from __future__ import annotations

import json
from datetime import datetime, time
from pathlib import Path

import pytest

from tests.conftest import Cli

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures" / "ics"
STANDUP = FIXTURES / "google_style_weekly_standup_with_exceptions.ics"


@pytest.fixture(autouse=True)
def _berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXTMOVE_TIMEZONE", "Europe/Berlin")


def test_calendar_busy_lists_recurring_instances_with_their_exceptions(cli_sqlite: Cli) -> None:
    result = cli_sqlite(["calendar", "busy", str(STANDUP), "--as-of", "2026-03-23", "--days", "10"])
    assert result.exit_code == 0, result.output
    assert "Team standup (moved)" in result.stdout
    assert "Mon 23 Mar" in result.stdout and "Fri 27 Mar" in result.stdout
    assert "Wed 25 Mar" not in result.stdout  # an EXDATE
    assert "Wed 01 Apr" not in result.stdout  # cancelled


def test_calendar_busy_json_gives_instants_with_offsets_across_dst(cli_sqlite: Cli) -> None:
    result = cli_sqlite(
        ["calendar", "busy", str(STANDUP), "--as-of", "2026-03-23", "--days", "17", "--json"]
    )
    shown = json.loads(result.stdout)
    assert shown["timezone"] == "Europe/Berlin"
    assert shown["from"] == "2026-03-23T00:00:00+01:00"
    starts = [b["start"] for b in shown["busy"]]
    assert starts == [
        "2026-03-23T10:00:00+01:00",
        "2026-03-27T10:00:00+01:00",
        "2026-03-30T15:00:00+02:00",
        "2026-04-06T10:00:00+02:00",
        "2026-04-08T10:00:00+02:00",
    ]
    assert {b["minutes"] for b in shown["busy"]} == {30}


def test_slots_avoid_the_calendar_and_stay_in_working_hours(cli_sqlite: Cli) -> None:
    result = cli_sqlite(
        ["slots", "--busy", str(STANDUP), "--as-of", "2026-03-23", "--count", "8", "--json"]
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(result.stdout)
    assert shown["minutes"] == 30 and len(shown["slots"]) == 8
    busy = json.loads(
        cli_sqlite(["calendar", "busy", str(STANDUP), "--as-of", "2026-03-23", "--json"]).stdout
    )["busy"]
    for slot in shown["slots"]:
        start, end = datetime.fromisoformat(slot["start"]), datetime.fromisoformat(slot["end"])
        assert start.weekday() < 5 and time(9) <= start.time() and end.time() <= time(17, 30)
        for b in busy:
            assert not (
                start < datetime.fromisoformat(b["end"])
                and datetime.fromisoformat(b["start"]) < end
            )
    assert len({s["start"][:10] for s in shown["slots"]}) >= 5  # spread over days


def test_slots_follow_the_working_hours_and_length_settings(
    cli_sqlite: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEXTMOVE_WORKING_DAYS", "sat,sun")
    monkeypatch.setenv("NEXTMOVE_WORKING_HOURS", "10:00-12:00")
    monkeypatch.setenv("NEXTMOVE_MEETING_MINUTES", "45")
    shown = json.loads(cli_sqlite("slots --as-of 2026-11-23 --days 7 --json").stdout)
    assert shown["minutes"] == 45
    for slot in shown["slots"]:
        start = datetime.fromisoformat(slot["start"])
        assert start.weekday() in (5, 6) and slot["minutes"] == 45
        assert time(10) <= start.time() and datetime.fromisoformat(slot["end"]).time() <= time(12)


def test_slots_without_a_calendar_print_a_readable_list(cli_sqlite: Cli) -> None:
    result = cli_sqlite("slots --as-of 2026-11-23 --count 3")
    assert result.exit_code == 0
    assert "3 30-minute slot(s), Europe/Berlin" in result.stdout
    # At least a day's notice (slot_lead_hours, default 24): nothing on Monday itself.
    assert "Mon 23 Nov" not in result.stdout and "Tue 24 Nov" in result.stdout


def test_the_notice_before_the_first_slot_is_a_setting(
    cli_sqlite: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEXTMOVE_SLOT_LEAD_HOURS", "0")
    assert "Mon 23 Nov" in cli_sqlite("slots --as-of 2026-11-23 --count 3").stdout
    monkeypatch.setenv("NEXTMOVE_SLOT_LEAD_HOURS", "72")
    shown = cli_sqlite("slots --as-of 2026-11-23 --count 3").stdout
    assert "Wed 25 Nov" not in shown and "Thu 26 Nov" in shown


def test_a_file_that_is_not_a_calendar_is_one_clear_error(cli_sqlite: Cli) -> None:
    result = cli_sqlite(["slots", "--busy", str(FIXTURES / "not_a_calendar.csv")])
    assert result.exit_code == 2
    assert "not_a_calendar.csv" in result.stderr and "not an iCalendar file" in result.stderr
    assert "Hint:" in result.stderr and "Traceback" not in result.output


def test_a_missing_calendar_file_is_named(cli_sqlite: Cli, tmp_path: Path) -> None:
    result = cli_sqlite(["calendar", "busy", str(tmp_path / "nope.ics")])
    assert result.exit_code == 2
    assert "nope.ics: cannot read the calendar file" in result.stderr


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("NEXTMOVE_WORKING_HOURS", "17:00-09:00", "ends before it starts"),
        ("NEXTMOVE_WORKING_DAYS", "weekdays", "not a weekday"),
        ("NEXTMOVE_TIMEZONE", "Berlin", "unknown time zone"),
    ],
)
def test_a_bad_scheduling_setting_is_named_with_a_hint(
    cli_sqlite: Cli, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, says: str
) -> None:
    monkeypatch.setenv(variable, value)
    result = cli_sqlite("slots")
    assert result.exit_code == 2
    assert says in result.stderr and variable in result.stderr
