"""`nextmove meeting …` as a user meets it: the life of a research meeting, drafts and agenda,
referrals and the chain of introductions, invitations read by two parsers, slots that avoid
a real calendar, and nudges that fall due on the right day."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest
import vobject

from nextmove.domain.people import Labeled, Person
from nextmove.services.workspace import Workspace
from nextmove.store.people import add_person
from tests.conftest import Cli

FIXTURES = Path(__file__).parent.parent / "formats" / "fixtures" / "ics"
STANDUP = FIXTURES / "google_style_weekly_standup_with_exceptions.ics"
EVERYTHING = FIXTURES / "every_kind_of_time.ics"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)

VISION = """
[me]
name = "Maya Chen"
title = "Senior Product Manager"

[[steps]]
title = "Group Product Manager, Patient Experience"
function = "product"
level = "manager"
scope = "Lead three product managers"

[[priorities]]
name = "family life"
"""


def add_people(url: str, *people: Person) -> list[int]:
    db = Workspace.open(url)
    try:
        with db.session() as session:
            return [add_person(session, p, now=NOW) for p in people]
    finally:
        db.dispose()


@pytest.fixture(autouse=True)
def _settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXTMOVE_TIMEZONE", "Europe/Berlin")
    monkeypatch.setenv("NEXTMOVE_EMAIL", "maya@example.com")


@pytest.fixture
def ana(cli: Cli) -> int:
    assert cli.url
    assert cli(["vision", "import", "-"], input=VISION).exit_code == 0
    [pid] = add_people(
        cli.url,
        Person(
            name="Ana Ruiz",
            title="VP Product",
            organization="Acme",
            emails=[Labeled("ana@acme.example")],
            level=8,
        ),
    )
    return pid


def ok(cli: Cli, args: list[str]) -> str:
    result = cli(args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_meeting_goes_from_idea_to_followed_up_with_each_step_dated(cli: Cli, ana: int) -> None:
    ok(
        cli,
        [
            "meeting",
            "add",
            "Ana Ruiz",
            "--why",
            "you built Acme's app team",
            "--as-of",
            "2026-11-02",
        ],
    )
    ok(cli, ["meeting", "request", "1", "--date", "2026-11-03"])
    ok(cli, ["meeting", "schedule", "1", "--at", "2026-11-10 10:00", "--date", "2026-11-05"])
    ok(cli, ["meeting", "held", "1", "--date", "2026-11-10"])
    ok(cli, ["meeting", "followed-up", "1", "--date", "2026-11-11"])
    shown = json.loads(ok(cli, ["meeting", "show", "1", "--json"]))
    assert shown["state"] == "followed-up"
    assert shown["history"] == [
        {"state": "idea", "on": "2026-11-02"},
        {"state": "requested", "on": "2026-11-03"},
        {"state": "scheduled", "on": "2026-11-05"},
        {"state": "held", "on": "2026-11-10"},
        {"state": "followed-up", "on": "2026-11-11"},
    ]
    assert shown["starts_at"] == "2026-11-10T09:00:00+00:00"


def test_a_step_out_of_order_is_refused_and_changes_nothing(cli: Cli, ana: int) -> None:
    ok(cli, ["meeting", "add", str(ana), "--as-of", "2026-11-01"])
    result = cli(["meeting", "followed-up", "1"])
    assert result.exit_code == 2
    assert "is idea; it cannot become followed-up" in result.stderr
    assert "from: held" in result.stderr
    assert json.loads(ok(cli, ["meeting", "show", "1", "--json"]))["state"] == "idea"


def test_an_unknown_or_shared_name_is_a_clear_error(cli: Cli, ana: int) -> None:
    assert cli.url
    add_people(cli.url, Person(name="Sam Lee", organization="A"), Person(name="Sam Lee"))
    unknown = cli(["meeting", "add", "Nobody Here"])
    assert unknown.exit_code == 3 and "nobody called 'Nobody Here'" in unknown.stderr
    shared = cli(["meeting", "add", "Sam Lee"])
    assert shared.exit_code == 2
    assert "2 people are called 'Sam Lee'" in shared.stderr and "#2 Sam Lee — A" in shared.stderr


@pytest.mark.parametrize(
    ("as_of", "due"), [("2026-11-09", False), ("2026-11-10", True), ("2026-11-11", True)]
)
def test_a_nudge_falls_due_seven_days_after_the_request(
    cli: Cli, ana: int, as_of: str, due: bool
) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "request", "1", "--date", "2026-11-03"])
    [meeting] = json.loads(ok(cli, ["meeting", "list", "--as-of", as_of, "--json"]))["meetings"]
    assert meeting["nudge_due"] is due
    assert meeting["nudge_on"] == "2026-11-10"
    digest = json.loads(ok(cli, ["today", "--as-of", as_of, "--json"]))
    assert [m["id"] for m in digest["nudges_due"]] == ([1] if due else [])


def test_the_nudge_delay_is_a_setting(cli: Cli, ana: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXTMOVE_NUDGE_AFTER_DAYS", "3")
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "request", "1", "--date", "2026-11-03"])
    [meeting] = json.loads(ok(cli, ["meeting", "list", "--as-of", "2026-11-06", "--json"]))[
        "meetings"
    ]
    assert meeting["nudge_due"] is True and meeting["nudge_on"] == "2026-11-06"


def test_the_request_draft_names_why_this_person_and_the_outline(cli: Cli, ana: int) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--why", "you built Acme's patient app team"])
    text = ok(cli, ["meeting", "draft", "1", "--kind", "request", "--as-of", "2026-11-23"])
    assert text.startswith("Subject: ")
    assert "you built Acme's patient app team" in text
    assert "Group Product Manager, Patient Experience" in text
    assert "30 minutes" in text


def test_a_thank_you_needs_an_insight_and_then_names_it(cli: Cli, ana: int) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "held", "1", "--date", "2026-11-20"])
    refused = cli(["meeting", "draft", "1", "--kind", "thanks"])
    assert refused.exit_code == 2 and "names what you learned" in refused.stderr
    ok(cli, ["meeting", "insight", "1", "Lead a cross-team launch first", "--affects", "step:1"])
    assert "What stays with me: lead a cross-team launch first." in ok(
        cli, ["meeting", "draft", "1", "--kind", "thanks"]
    )
    shown = json.loads(ok(cli, ["meeting", "show", "1", "--json"]))
    assert shown["insights"][0]["affects"] == "step:1"
    assert shown["insights"][0]["affects_label"].startswith("next job: Group Product Manager")


@pytest.mark.parametrize("affects", ["step:3", "priority:2", "choice:salary", "vibe:1", "step:x"])
def test_an_insight_linked_to_a_part_of_the_vision_that_does_not_exist_is_refused(
    cli: Cli, ana: int, affects: str
) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    result = cli(["meeting", "insight", "1", "text", "--affects", affects])
    assert result.exit_code == 2, result.output
    assert "--affects" in result.stderr
    assert json.loads(ok(cli, ["meeting", "show", "1", "--json"]))["insights"] == []


def test_the_agenda_is_written_on_view_and_stored_only_once_edited(
    cli: Cli, ana: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    agenda = ok(cli, ["meeting", "agenda", "1"])
    assert agenda.startswith("# 30 minutes with Ana Ruiz")
    assert "Who else should I talk to?" in agenda
    # Showing it stored nothing: the meeting has no agenda of its own yet.
    assert json.loads(ok(cli, ["meeting", "show", "1", "--json"]))["agenda"] is None
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\necho "- Ask about the reorg" >> "$1"\n')
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", str(editor))
    ok(cli, ["meeting", "agenda", "1", "--edit"])
    again = ok(cli, ["meeting", "agenda", "1"])
    assert again.rstrip().endswith("- Ask about the reorg")
    assert again.startswith(agenda.rstrip())


def test_a_referral_creates_the_person_once_with_a_tie_and_a_meeting_idea(
    cli: Cli, ana: int
) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "held", "1", "--date", "2026-11-10"])
    first = ok(
        cli, ["meeting", "refer", "1", "Maria Lopez", "--org", "Initech", "--as-of", "2026-11-10"]
    )
    assert "Added Maria Lopez" in first
    again = ok(
        cli,
        ["meeting", "refer", "1", "Maria Lopez", "--org", "Initech, Inc.", "--as-of", "2026-11-10"],
    )
    assert "already referred" in again
    meetings = json.loads(ok(cli, ["meeting", "list", "--json"]))["meetings"]
    assert [(m["person"]["name"], m["state"]) for m in meetings] == [
        ("Ana Ruiz", "held"),
        ("Maria Lopez", "idea"),
    ]
    assert meetings[1]["why"] == "Ana Ruiz suggested I talk to you"
    chain = json.loads(ok(cli, ["people", "chain", "Maria Lopez", "--json"]))["chain"]
    assert [c["name"] for c in chain] == ["Ana Ruiz", "Maria Lopez"]
    assert chain[1]["introduced_by"] == ana


def test_a_referred_person_gets_level_and_function_from_the_title_given(cli: Cli, ana: int) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(
        cli,
        [
            "meeting",
            "refer",
            "1",
            "Grace Whitfield",
            "--org",
            "Riverbend",
            "--title",
            "VP of Product",
        ],
    )
    grace = json.loads(ok(cli, ["people", "show", "Grace Whitfield", "--json"]))
    assert (grace["first_name"], grace["last_name"]) == ("Grace", "Whitfield")
    assert grace["level"]["key"] == "vp"
    assert grace["function"] == "product"


def test_a_referral_finds_an_existing_person_by_email_before_creating_one(
    cli: Cli, ana: int
) -> None:
    assert cli.url
    [maria] = add_people(
        cli.url, Person(name="María López-Vidal", emails=[Labeled("maria@initech.example")])
    )
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    out = ok(cli, ["meeting", "refer", "1", "Maria Lopez", "--email", "Maria@Initech.example"])
    assert f"Found María López-Vidal (#{maria})" in out


def test_the_chain_of_introductions_follows_referrals_back_to_the_first_person_met(
    cli: Cli, ana: int
) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "held", "1", "--date", "2026-11-10"])
    ok(
        cli, ["meeting", "refer", "1", "Maria Lopez", "--org", "Initech", "--as-of", "2026-11-10"]
    )  # meeting 2
    ok(cli, ["meeting", "held", "2", "--date", "2026-11-12"])
    ok(cli, ["meeting", "refer", "2", "Li Wei", "--org", "Globex", "--as-of", "2026-11-12"])
    assert ok(cli, ["people", "chain", "Li Wei"]).strip() == "you → Ana Ruiz → Maria Lopez → Li Wei"
    shown = json.loads(ok(cli, ["meeting", "show", "3", "--json"]))
    assert [c["name"] for c in shown["chain"]] == ["Ana Ruiz", "Maria Lopez", "Li Wei"]
    assert "directly" in ok(cli, ["people", "chain", "Ana Ruiz"])


def test_tasks_fall_due_and_can_be_done(cli: Cli, ana: int) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "task", "1", "Send her the deck", "--due", "2026-11-25"])
    before = json.loads(ok(cli, ["today", "--as-of", "2026-11-24", "--json"]))
    on = json.loads(ok(cli, ["today", "--as-of", "2026-11-25", "--json"]))
    assert before["tasks_due"] == []
    assert [t["text"] for t in on["tasks_due"]] == ["Send her the deck"]
    ok(cli, ["task", "done", "1", "--date", "2026-11-25"])
    assert json.loads(ok(cli, ["today", "--as-of", "2026-11-26", "--json"]))["tasks_due"] == []


def test_a_time_skipped_by_the_clocks_changing_is_refused(cli: Cli, ana: int) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    result = cli(["meeting", "schedule", "1", "--at", "2026-03-29 02:30"])
    assert result.exit_code == 2 and "does not exist in Europe/Berlin" in result.stderr


# ---------------------------------------------------------------------------- calendars


def _instants(data: bytes) -> tuple[list[datetime], list[datetime]]:
    by_icalendar = [
        e.DTSTART.astimezone(UTC)
        for e in icalendar.Calendar.from_ical(data).walk("VEVENT")
        if isinstance(e.DTSTART, datetime)
    ]
    by_vobject = [
        e.dtstart.value.astimezone(UTC)
        for e in vobject.readOne(data.decode()).vevent_list
        if isinstance(e.dtstart.value, datetime)
    ]
    return by_icalendar, by_vobject


@pytest.mark.parametrize(
    ("zone", "at", "utc"),
    [
        ("Europe/Berlin", "2026-03-30 10:00", datetime(2026, 3, 30, 8, 0, tzinfo=UTC)),
        ("Europe/Berlin", "2026-03-27 10:00", datetime(2026, 3, 27, 9, 0, tzinfo=UTC)),
        ("America/Chicago", "2026-11-02 09:30", datetime(2026, 11, 2, 15, 30, tzinfo=UTC)),
        ("America/Chicago", "2026-10-30 09:30", datetime(2026, 10, 30, 14, 30, tzinfo=UTC)),
    ],
)
def test_the_invitation_parses_in_both_readers_at_the_right_instant_across_dst(
    cli: Cli,
    ana: int,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    zone: str,
    at: str,
    utc: datetime,
) -> None:
    monkeypatch.setenv("NEXTMOVE_TIMEZONE", zone)
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "schedule", "1", "--at", at, "--place", "Café Luna"])
    path = tmp_path / "invite.ics"
    ok(cli, ["meeting", "ics", "1", str(path)])
    data = path.read_bytes()
    assert _instants(data) == ([utc], [utc])
    event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(icalendar.Calendar.from_ical(data)["METHOD"]) == "REQUEST"
    assert str(event["ORGANIZER"]) == "mailto:maya@example.com"
    assert str(event["ATTENDEE"]) == "mailto:ana@acme.example"
    assert event.walk("VALARM")
    assert int(event["SEQUENCE"]) == 0


def test_rescheduling_keeps_the_uid_and_bumps_the_sequence(
    cli: Cli, ana: int, tmp_path: Path
) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "schedule", "1", "--at", "2026-11-25 10:00"])
    first = icalendar.Calendar.from_ical(cli(["meeting", "ics", "1"]).stdout).walk("VEVENT")[0]
    ok(cli, ["meeting", "schedule", "1", "--at", "2026-11-25 10:00"])  # no change
    ok(cli, ["meeting", "schedule", "1", "--at", "2026-11-26 15:00"])
    second = icalendar.Calendar.from_ical(cli(["meeting", "ics", "1"]).stdout).walk("VEVENT")[0]
    assert str(first["UID"]) == str(second["UID"])
    assert (int(first["SEQUENCE"]), int(second["SEQUENCE"])) == (0, 1)


def test_an_invitation_needs_a_scheduled_meeting_and_your_email(
    cli: Cli, ana: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    unscheduled = cli(["meeting", "ics", "1"])
    assert unscheduled.exit_code == 2 and "not scheduled" in unscheduled.stderr
    monkeypatch.delenv("NEXTMOVE_EMAIL")
    ok(cli, ["meeting", "schedule", "1", "--at", "2026-11-25 10:00"])
    no_email = cli(["meeting", "ics", "1"])
    assert no_email.exit_code == 2 and "`email`" in no_email.stderr


def test_the_exported_calendar_holds_meetings_check_ins_and_follow_ups_for_both_readers(
    cli: Cli, ana: int, tmp_path: Path
) -> None:
    assert cli.url
    [ben] = add_people(cli.url, Person(name="Ben Okafor"))
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "schedule", "1", "--at", "2026-11-26 14:00"])
    ok(cli, ["meeting", "add", str(ben), "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "held", "2", "--date", "2026-11-20"])
    ok(cli, ["meeting", "task", "2", "Send the deck", "--due", "2026-11-27"])
    ok(cli, ["board", "set", "1", str(ben), "--why", "mentor", "--last-chat", "2026-09-01"])
    path = tmp_path / "feed.ics"
    ok(cli, ["calendar", "export", str(path), "--as-of", "2026-11-24"])
    data = path.read_bytes()
    cal = icalendar.Calendar.from_ical(data)
    summaries = sorted(str(c["SUMMARY"]) for c in cal.walk() if c.name in ("VEVENT", "VTODO"))
    assert summaries == [
        "Check in with Ben Okafor (board seat 1)",
        "Research meeting: Maya Chen and Ana Ruiz",
        "Send the deck (Ben Okafor)",
        "Thank Ben Okafor (meeting #2)",
    ]
    assert _instants(data) == (
        [datetime(2026, 11, 26, 13, 0, tzinfo=UTC)],
        [datetime(2026, 11, 26, 13, 0, tzinfo=UTC)],
    )
    assert len(vobject.readOne(data.decode()).vevent_list) == 3


def test_meeting_slots_never_overlap_recurring_or_all_day_busy_times(cli: Cli, ana: int) -> None:
    from nextmove.formats.ics import read_busy

    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    for fixture, as_of in ((STANDUP, "2026-03-23"), (EVERYTHING, "2026-11-23")):
        shown = json.loads(
            ok(
                cli,
                [
                    "meeting",
                    "slots",
                    "1",
                    "--busy",
                    str(fixture),
                    "--as-of",
                    as_of,
                    "--days",
                    "14",
                    "--json",
                ],
            )
        )
        assert shown["minutes"] == 30 and shown["slots"]
        start = datetime.fromisoformat(shown["slots"][0]["start"]).replace(hour=0, minute=0)
        busy = read_busy(
            fixture.read_bytes(),
            start=start,
            end=start.replace(year=2027),
            timezone="Europe/Berlin",
        )
        for slot in shown["slots"]:
            s, e = datetime.fromisoformat(slot["start"]), datetime.fromisoformat(slot["end"])
            assert s.hour >= 9 and (e.hour, e.minute) <= (17, 30)
            assert s.weekday() < 5
            assert all(e <= b.start or s >= b.end for b in busy), slot
            assert s.date().isoformat() not in ("2026-11-25", "2026-11-26", "2026-11-30")


def test_a_second_open_meeting_with_the_same_person_is_refused(cli: Cli, ana: int) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    again = cli(["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-02"])
    assert again.exit_code == 2 and "already has an open meeting: #1 (idea)" in again.stderr
    ok(cli, ["meeting", "add", "Ana Ruiz", "--kind", "advisor-checkin", "--as-of", "2026-11-02"])
    ok(cli, ["meeting", "declined", "1", "--date", "2026-11-03"])
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-04"])


def test_an_advisor_check_in_held_in_person_resets_the_seat_and_needs_no_thank_you(
    cli: Cli, ana: int
) -> None:
    ok(cli, ["board", "set", "1", "Ana Ruiz", "--why", "mentor", "--last-chat", "2026-01-01"])
    ok(
        cli,
        [
            "meeting",
            "add",
            "Ana Ruiz",
            "--kind",
            "advisor-checkin",
            "--mode",
            "in-person",
            "--as-of",
            "2026-11-01",
        ],
    )
    ok(cli, ["meeting", "held", "1", "--date", "2026-11-20"])
    seat = json.loads(ok(cli, ["board", "show", "--as-of", "2026-11-21", "--json"]))["seats"][0]
    assert (seat["last_chat_on"], seat["status"]["state"]) == ("2026-11-20", "ok")
    assert json.loads(ok(cli, ["today", "--as-of", "2026-11-21", "--json"]))["thanks_due"] == []


def test_the_same_person_referred_in_two_meetings_is_one_person_with_one_open_idea(
    cli: Cli, ana: int
) -> None:
    assert cli.url
    [ben] = add_people(cli.url, Person(name="Ben Okafor"))
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "add", str(ben), "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "refer", "1", "Maria Lopez", "--org", "Initech", "--as-of", "2026-11-02"])
    second = ok(
        cli, ["meeting", "refer", "2", "maria lopez", "--org", "INITECH", "--as-of", "2026-11-03"]
    )
    assert "Found Maria Lopez" in second and "meeting idea #3" in second
    meetings = json.loads(ok(cli, ["meeting", "list", "--json"]))["meetings"]
    assert [m["person"]["name"] for m in meetings].count("Maria Lopez") == 1


def test_deleting_a_meeting_keeps_the_people_it_introduced(cli: Cli, ana: int) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "refer", "1", "Maria Lopez", "--as-of", "2026-11-02"])
    ok(cli, ["meeting", "delete", "1"])
    meetings = json.loads(ok(cli, ["meeting", "list", "--json"]))["meetings"]
    assert [m["person"]["name"] for m in meetings] == ["Maria Lopez"]
    assert "Ana Ruiz → Maria Lopez" in ok(cli, ["people", "chain", "Maria Lopez"])
    assert cli(["meeting", "delete", "1"]).exit_code == 3


def test_a_booked_meeting_is_never_offered_again_as_a_slot(cli: Cli, ana: int) -> None:
    assert cli.url
    [ben] = add_people(cli.url, Person(name="Ben Okafor", title="Director", organization="Initech"))
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "add", str(ben), "--as-of", "2026-11-01"])

    def slots(args: list[str]) -> list[str]:
        shown = json.loads(ok(cli, [*args, "--as-of", "2026-11-23", "--json"]))
        return [s["start"] for s in shown["slots"]]

    first = slots(["meeting", "slots", "2"])[0]
    assert first in slots(["slots"])
    at = datetime.fromisoformat(first).strftime("%Y-%m-%d %H:%M")
    ok(cli, ["meeting", "schedule", "1", "--at", at])
    # Neither the other meeting, nor the general slots, nor its own page offers it again.
    assert first not in slots(["meeting", "slots", "2"])
    assert first not in slots(["slots"])
    assert first not in slots(["meeting", "slots", "1"])


def test_held_before_its_scheduled_time_needs_early_and_changes_nothing_without_it(
    cli: Cli, ana: int
) -> None:
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "schedule", "1", "--at", "2026-11-25 10:00"])
    early = cli(["meeting", "held", "1", "--as-of", "2026-11-24"])
    assert early.exit_code == 2
    assert "2026-11-25 10:00 (Europe/Berlin), which has not come yet" in early.stderr
    assert "--early" in early.stderr
    assert "scheduled" in ok(cli, ["meeting", "show", "1"])
    assert "held" in ok(cli, ["meeting", "held", "1", "--as-of", "2026-11-24", "--early"])


def test_no_meeting_with_yourself(cli: Cli, ana: int) -> None:
    ok(cli, ["people", "add", "Maya Chen"])
    ok(cli, ["me", "link", "Maya Chen"])
    refused = cli(["meeting", "add", "Maya Chen"])
    assert refused.exit_code == 2
    assert "Maya Chen is you: a meeting needs someone else" in refused.stderr
    assert json.loads(ok(cli, ["meeting", "list", "--json"]))["meetings"] == []


def test_the_demo_exports_its_calendar_with_no_setup(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("NEXTMOVE_EMAIL")
    ok(cli, ["demo", "--as-of", "2026-11-22"])
    path = tmp_path / "feed.ics"
    ok(cli, ["calendar", "export", str(path), "--as-of", "2026-11-22"])
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(cal["METHOD"]) == "PUBLISH"
    meetings = [e for e in cal.walk("VEVENT") if "meeting" in str(e["SUMMARY"]).lower()]
    assert meetings
    # The demo's "me" has an address, so its invitations download too.
    listed = ok(cli, ["meeting", "list", "--state", "scheduled", "--json"])
    first = json.loads(listed)["meetings"][0]["id"]
    assert "ORGANIZER" in ok(cli, ["meeting", "ics", str(first)])
