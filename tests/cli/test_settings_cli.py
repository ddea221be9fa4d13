"""`nextmove settings …` as a user meets it: preferences kept per workspace, in effect at once
for that workspace's meetings and invitations and for no other, with where each comes from,
and bad values refused by name with nothing written."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from nextmove.domain.people import Labeled, Person
from nextmove.services.workspace import Workspace
from nextmove.store import workspaces as workspace_store
from nextmove.store.people import add_person
from tests.conftest import Cli

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def ok(cli: Cli, args: list[str]) -> str:
    result = cli(args)
    assert result.exit_code == 0, result.output
    return result.stdout


def make_workspace(url: str, name: str) -> None:
    db = Workspace.open(url)
    try:
        with db.db.session() as session:
            workspace_store.create(session, name, now=NOW)
    finally:
        db.dispose()


def add_ana(url: str, workspace: str | None = None) -> int:
    db = Workspace.open(url, workspace)
    try:
        with db.session() as session:
            ana = Person(name="Ana Ruiz", emails=[Labeled("ana@acme.example")])
            return add_person(session, ana, now=NOW)
    finally:
        db.dispose()


def shown(cli: Cli, *workspace: str) -> dict[str, dict[str, object]]:
    data = json.loads(ok(cli, [*workspace, "settings", "show", "--json"]))
    prefs: dict[str, dict[str, object]] = data["preferences"]
    return prefs


def event_of(cli: Cli, workspace: list[str], meeting_id: int) -> icalendar.Event:
    data = ok(cli, [*workspace, "meeting", "ics", str(meeting_id)])
    event: icalendar.Event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    return event


def test_a_time_zone_set_in_one_workspace_moves_its_meetings_at_once_and_no_others(
    cli: Cli,
) -> None:
    assert cli.url
    make_workspace(cli.url, "b")
    add_ana(cli.url)
    add_ana(cli.url, "b")
    a, b = [], ["--workspace", "b"]
    ok(cli, [*a, "settings", "set", "timezone", "Europe/Berlin"])
    ok(cli, [*a, "settings", "set", "email", "maya@example.com"])
    ok(cli, [*b, "settings", "set", "email", "bo@example.com"])
    ids = []
    for ws in (a, b):
        ok(cli, [*ws, "meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
        [meeting] = json.loads(ok(cli, [*ws, "meeting", "list", "--json"]))["meetings"]
        ok(cli, [*ws, "meeting", "schedule", str(meeting["id"]), "--at", "2026-11-25 10:00"])
        ids.append(meeting["id"])

    in_a, in_b = event_of(cli, a, ids[0]), event_of(cli, b, ids[1])
    assert in_a["DTSTART"].dt.tzinfo.key == "Europe/Berlin"
    assert in_a["DTSTART"].dt.astimezone(UTC) == datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    assert str(in_a["ORGANIZER"]) == "mailto:maya@example.com"
    assert in_b["DTSTART"].dt.astimezone(UTC) == datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    assert str(in_b["ORGANIZER"]) == "mailto:bo@example.com"
    assert "Europe/Berlin" not in ok(cli, [*b, "meeting", "show", str(ids[1])])
    assert "Europe/Berlin" in ok(cli, [*a, "meeting", "show", str(ids[0])])

    # The next command of workspace B sees B's own change; A keeps Berlin.
    ok(cli, [*b, "settings", "set", "timezone", "America/Chicago"])
    assert "America/Chicago" in ok(cli, [*b, "meeting", "show", str(ids[1])])
    assert shown(cli)["timezone"]["value"] == "Europe/Berlin"


def test_settings_show_says_where_each_value_comes_from(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert cli.url
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "config.toml").write_text(
        'meeting_minutes = 45\nworking_hours = "08:00-16:00"\n[suggest_weights]\nlevel_gap = 4.5\n'
    )
    monkeypatch.setenv("NEXTMOVE_NUDGE_AFTER_DAYS", "5")
    make_workspace(cli.url, "b")
    ok(cli, ["settings", "set", "timezone", "europe/berlin"])
    ok(cli, ["settings", "set", "meeting-minutes", "60"])

    prefs = shown(cli)
    assert prefs["timezone"] == {
        "value": "Europe/Berlin",
        "source": "workspace",
        "inherited": "UTC",
        "inherited_from": "default",
    }
    assert prefs["meeting_minutes"]["value"] == 60
    assert prefs["meeting_minutes"]["source"] == "workspace"
    assert prefs["meeting_minutes"]["inherited"] == 45
    assert prefs["working_hours"] == {
        "value": "08:00-16:00",
        "source": "config.toml",
        "inherited": "08:00-16:00",
        "inherited_from": "config.toml",
    }
    assert (prefs["nudge_after_days"]["value"], prefs["nudge_after_days"]["source"]) == (
        5,
        "environment",
    )
    assert prefs["suggest_weights.level_gap"]["value"] == 4.5
    assert prefs["suggest_weights.level_gap"]["source"] == "config.toml"
    assert prefs["suggest_weights.reachability"]["source"] == "default"
    assert prefs["tier_a_days"] == {
        "value": 30,
        "source": "default",
        "inherited": 30,
        "inherited_from": "default",
    }

    other = shown(cli, "--workspace", "b")
    assert (other["timezone"]["value"], other["timezone"]["source"]) == ("UTC", "default")
    assert (other["meeting_minutes"]["value"], other["meeting_minutes"]["source"]) == (
        45,
        "config.toml",
    )

    # Unset: config.toml's value applies again; the table says so too.
    assert "meeting_minutes = 45 (from config.toml)" in ok(
        cli, ["settings", "unset", "meeting_minutes"]
    )
    table = ok(cli, ["settings", "show"])
    assert "Europe/Berlin" in table and "workspace" in table and "config.toml" in table


BAD = [
    ("timezone", "Mars/Olympus", "unknown time zone 'Mars/Olympus'"),
    ("timezone", "", "give a time zone"),
    ("email", "maya at example", "is not an e-mail address"),
    ("working_hours", "17:00-09:00", "ends before it starts"),
    ("working_hours", "9 to 5", "is not like 09:00-17:30"),
    ("working_hours", "09:00-25:00", "impossible time"),
    ("working_days", "funday", "is not a weekday"),
    ("meeting_minutes", "10", "from 15 to 240"),
    ("meeting_minutes", "241", "from 15 to 240"),
    ("meeting_minutes", "thirty", "is not a whole number"),
    ("tier_b_days", "0", "from 1 to 3650"),
    ("suggest_weights.level_gap", "-1", "is not a weight from 0 to 10"),
    ("suggest_weights.level_gap", "nan", "is not a weight from 0 to 10"),
    ("suggest_weights.level_gap", "11", "is not a weight from 0 to 10"),
]


def test_bad_values_are_refused_naming_the_setting_and_nothing_is_written(cli: Cli) -> None:
    ok(cli, ["settings", "set", "timezone", "Asia/Tokyo"])
    before = shown(cli)
    for key, value, says in BAD:
        result = cli(["settings", "set", key, value])
        assert result.exit_code == 2, (key, value, result.output)
        assert f"setting '{key}'" in result.stderr, result.stderr
        assert says in result.output, (key, value, result.output)
        assert "Traceback" not in result.output
    assert shown(cli) == before


def test_an_unknown_setting_lists_the_known_ones(cli: Cli) -> None:
    result = cli(["settings", "set", "colour", "blue"])
    assert result.exit_code == 2
    assert "unknown setting 'colour'" in result.stderr
    assert "timezone" in result.stderr and "working_hours" in result.stderr
    assert "suggest_weights.NAME" in result.stderr and "level_gap" in result.stderr
    # A deployment setting is not a workspace preference.
    refused = cli(["settings", "set", "database_url", "sqlite:///elsewhere.db"])
    assert refused.exit_code == 2 and "unknown setting 'database_url'" in refused.stderr


def test_values_are_kept_the_way_they_are_written_back(cli: Cli) -> None:
    assert "working_days = mon-thu,sat" in ok(
        cli, ["settings", "set", "working_days", "Monday-Thursday,sat"]
    )
    assert "working_hours = 08:30-16:00" in ok(
        cli, ["settings", "set", "working-hours", " 8:30 - 16:00 "]
    )
    assert "suggest_weights.level_gap = 4" in ok(
        cli, ["settings", "set", "weight.level_gap", "4.0"]
    )
    prefs = shown(cli)
    assert prefs["working_days"]["value"] == "mon-thu,sat"
    assert prefs["suggest_weights.level_gap"]["value"] == 4.0


def test_slots_follow_the_workspace_working_hours_and_meeting_length(cli: Cli) -> None:
    ok(cli, ["settings", "set", "timezone", "Europe/Berlin"])
    ok(cli, ["settings", "set", "working_hours", "13:00-15:00"])
    ok(cli, ["settings", "set", "meeting_minutes", "45"])
    data = json.loads(ok(cli, ["slots", "--json", "--as-of", "2026-11-23", "--count", "3"]))
    assert data["timezone"] == "Europe/Berlin" and data["minutes"] == 45
    for slot in data["slots"]:
        start = datetime.fromisoformat(slot["start"])
        end = datetime.fromisoformat(slot["end"])
        assert (
            start.utcoffset() is not None
            and start.hour >= 13
            and end.hour * 60 + end.minute <= 15 * 60
        )
        assert slot["minutes"] == 45
