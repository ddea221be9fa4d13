"""`nextmove board`, `nextmove keep` and `nextmove today` as a user meets them: states that
come from --as-of and change on the right day, touches that reset them, snoozes, and a
board that helps when a seat is overdue or empty."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from nextmove.domain.people import Interaction, Person, Tie
from nextmove.services.workspace import Workspace
from nextmove.store.network import add_interaction, add_tie, link_me
from nextmove.store.people import add_person
from tests.cli.test_meeting_cli import VISION, add_people, ok
from tests.conftest import Cli

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXTMOVE_TIMEZONE", "Europe/Berlin")


@pytest.fixture
def people(cli: Cli) -> dict[str, int]:
    assert cli.url
    assert cli(["vision", "import", "-"], input=VISION).exit_code == 0
    ana, ben, cleo = add_people(
        cli.url,
        Person(name="Ana Ruiz", title="VP Product", level=8),
        Person(name="Ben Okafor", title="Product Manager", level=3),
        Person(name="Cleo Park", title="Designer", level=3, offered_help=True),
    )
    return {"ana": ana, "ben": ben, "cleo": cleo}


def log_touch(url: str, person_id: int, day: date, kind: str = "call") -> None:
    db = Workspace.open(url)
    try:
        with db.session() as session:
            add_interaction(session, Interaction(person_id, kind, day), now=NOW)
    finally:
        db.dispose()


def seat(cli: Cli, as_of: str, number: int = 1) -> dict:  # type: ignore[type-arg]
    seats = json.loads(ok(cli, ["board", "show", "--as-of", as_of, "--json"]))["seats"]
    assert [s["seat"] for s in seats] == [1, 2, 3]
    return seats[number - 1]  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------- the board


@pytest.mark.parametrize(
    ("as_of", "state"),
    [
        ("2026-09-14", "ok"),
        ("2026-09-15", "due"),
        ("2026-09-28", "due"),
        ("2026-09-29", "overdue"),
        ("2026-09-30", "overdue"),
    ],
)
def test_a_board_seat_is_due_two_weeks_before_its_cadence_and_overdue_from_the_day(
    cli: Cli, people: dict[str, int], as_of: str, state: str
) -> None:
    ok(cli, ["board", "set", "1", "Ana Ruiz", "--why", "mentor", "--last-chat", "2026-07-01"])
    shown = seat(cli, as_of)
    assert shown["status"]["state"] == state
    assert shown["status"]["overdue_on"] == "2026-09-29"
    assert (shown["checkin"] is not None) is (state == "overdue")
    assert len(shown["slots"]) == (3 if state == "overdue" else 0)


def test_an_overdue_seat_comes_with_a_check_in_draft_and_slots_after_today(
    cli: Cli, people: dict[str, int]
) -> None:
    ok(
        cli,
        [
            "board",
            "set",
            "2",
            "Ana Ruiz",
            "--why",
            "led two turnarounds",
            "--cadence",
            "30",
            "--last-chat",
            "2026-10-01",
        ],
    )
    shown = seat(cli, "2026-11-23", 2)
    assert shown["status"]["state"] == "overdue"
    assert shown["checkin"]["body"].startswith("Hi Ana")
    assert "Thursday 1 October" in shown["checkin"]["body"]
    starts = [s["start"] for s in shown["slots"]]
    assert all(s >= "2026-11-23" for s in starts)
    assert all(s["minutes"] == 30 for s in shown["slots"])


def test_an_empty_seat_suggests_people_senior_to_you_whom_you_know_never_strangers_or_peers(
    cli: Cli, people: dict[str, int]
) -> None:
    """Issue 14: senior to you *and* known to you (a tie, or an offer of help), ordered by
    that; a senior stranger, a same-level friend and a same-level helper are not advisors."""
    assert cli.url
    [me, dev, gia, _hal] = add_people(
        cli.url,
        Person(name="Maya Chen", level=3),
        Person(name="Dev Shah", level=3),
        Person(name="Gia Grant", title="Director of Product", level=7),
        Person(name="Hal Hughes", title="Chief Product Officer", level=11, offered_help=True),
    )
    db = Workspace.open(cli.url)
    with db.session() as session:
        link_me(session, me)
        add_tie(session, Tie(me, dev, "stated", strength=5), now=NOW)
        add_tie(session, Tie(me, gia, "met-at", strength=4), now=NOW)
    db.dispose()
    ok(cli, ["me", "set", "--level", "senior"])
    # Dealt in turn, best first: each empty seat gets its own candidates.
    first, second, third = (seat(cli, "2026-11-23", n)["candidates"] for n in (1, 2, 3))
    assert [c["name"] for c in first] == ["Gia Grant"]
    assert first[0]["reasons"] == ["senior to you (Director)", "you know them (a strong tie)"]
    assert [c["name"] for c in second] == ["Hal Hughes"]
    assert second[0]["reasons"] == ["senior to you (C-level)", "offered to help"]
    assert third == []
    ok(cli, ["board", "set", "1", "Gia Grant", "--why", "she knows product"])
    assert [c["name"] for c in seat(cli, "2026-11-23", 2)["candidates"]] == ["Hal Hughes"]


def test_a_chat_resets_the_seat_and_counts_as_a_touch(cli: Cli, people: dict[str, int]) -> None:
    ok(cli, ["board", "set", "1", "Ana Ruiz", "--why", "mentor", "--last-chat", "2026-01-05"])
    ok(cli, ["keep", "set", "Ana Ruiz", "--tier", "A"])
    assert seat(cli, "2026-11-20")["status"]["state"] == "overdue"
    ok(cli, ["board", "chat", "1", "--date", "2026-11-20"])
    assert seat(cli, "2026-11-20")["status"]["state"] == "ok"
    [contact] = json.loads(ok(cli, ["keep", "list", "--as-of", "2026-11-21", "--json"]))["contacts"]
    assert (contact["last_touch"], contact["state"]) == ("2026-11-20", "ok")


def test_a_person_holds_one_seat_and_seats_are_one_to_three(
    cli: Cli, people: dict[str, int]
) -> None:
    ok(cli, ["board", "set", "1", "Ana Ruiz", "--why", "mentor"])
    ok(cli, ["board", "set", "3", "Ana Ruiz", "--why", "mentor"])
    seats = json.loads(ok(cli, ["board", "show", "--as-of", "2026-11-23", "--json"]))["seats"]
    assert [s["person"]["name"] if s["person"] else None for s in seats] == [None, None, "Ana Ruiz"]
    bad = cli(["board", "set", "4", "Ben Okafor", "--why", "x"])
    assert bad.exit_code == 2 and "three seats" in bad.stderr
    ok(cli, ["board", "clear", "3"])
    assert cli(["board", "clear", "3"]).exit_code == 3


# ---------------------------------------------------------------------------- keeping in touch


@pytest.mark.parametrize(
    ("as_of", "state"),
    [
        ("2026-10-29", "ok"),
        ("2026-10-30", "due"),
        ("2026-11-28", "due"),
        ("2026-11-29", "overdue"),
        ("2026-11-30", "overdue"),
    ],
)
def test_a_tier_b_contact_is_due_after_90_days_and_overdue_after_120(
    cli: Cli, people: dict[str, int], as_of: str, state: str
) -> None:
    assert cli.url
    log_touch(cli.url, people["ben"], date(2026, 8, 1))
    ok(cli, ["keep", "set", "Ben Okafor", "--tier", "B"])
    [contact] = json.loads(ok(cli, ["keep", "list", "--as-of", as_of, "--json"]))["contacts"]
    assert contact["state"] == state
    assert (contact["due_on"], contact["overdue_on"]) == ("2026-10-30", "2026-11-29")
    due = json.loads(ok(cli, ["keep", "list", "--state", "due", "--as-of", as_of, "--json"]))
    assert len(due["contacts"]) == (1 if state == "due" else 0)


def test_tier_cadences_are_settings(
    cli: Cli, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli.url
    monkeypatch.setenv("NEXTMOVE_TIER_A_DAYS", "21")
    log_touch(cli.url, people["ben"], date(2026, 11, 1))
    ok(cli, ["keep", "set", "Ben Okafor", "--tier", "a"])
    [contact] = json.loads(ok(cli, ["keep", "list", "--as-of", "2026-11-22", "--json"]))["contacts"]
    assert (contact["state"], contact["due_on"], contact["overdue_on"]) == (
        "due",
        "2026-11-22",
        "2026-11-29",
    )


def test_a_personal_cadence_wins_over_the_tier_and_any_touch_resets_it(
    cli: Cli, people: dict[str, int]
) -> None:
    assert cli.url
    ok(cli, ["keep", "set", "Ben Okafor", "--tier", "C"])
    ok(cli, ["keep", "set", "Ben Okafor", "--every", "10:20"])
    log_touch(cli.url, people["ben"], date(2026, 11, 1), kind="calendar")
    [contact] = json.loads(ok(cli, ["keep", "list", "--as-of", "2026-11-21", "--json"]))["contacts"]
    assert contact["cadence"] == {"ideal_days": 10, "max_days": 20, "personal": True}
    assert contact["state"] == "overdue"
    ok(cli, ["meeting", "add", "Ben Okafor", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "held", "1", "--date", "2026-11-20"])
    [contact] = json.loads(ok(cli, ["keep", "list", "--as-of", "2026-11-21", "--json"]))["contacts"]
    assert (contact["last_touch"], contact["state"]) == ("2026-11-20", "ok")


@pytest.mark.parametrize(("as_of", "state"), [("2026-12-09", "ok"), ("2026-12-10", "overdue")])
def test_a_snooze_keeps_a_contact_quiet_until_its_date(
    cli: Cli, people: dict[str, int], as_of: str, state: str
) -> None:
    assert cli.url
    log_touch(cli.url, people["ben"], date(2026, 8, 1))
    ok(cli, ["keep", "set", "Ben Okafor", "--tier", "A"])
    ok(cli, ["keep", "snooze", "Ben Okafor", "--until", "2026-12-10"])
    [contact] = json.loads(ok(cli, ["keep", "list", "--as-of", as_of, "--json"]))["contacts"]
    assert contact["state"] == state
    assert contact["snoozed"] is (state == "ok")


def test_keep_set_needs_exactly_one_of_tier_or_every(cli: Cli, people: dict[str, int]) -> None:
    for args in ([], ["--tier", "A", "--every", "30"]):
        result = cli(["keep", "set", "Ben Okafor", *args])
        assert result.exit_code == 2 and "either --tier or --every" in result.stderr
    assert cli(["keep", "set", "Ben Okafor", "--tier", "D"]).exit_code == 2
    bad = cli(["keep", "set", "Ben Okafor", "--every", "30:10"])
    assert bad.exit_code == 2 and "do not fit" in bad.stderr


# ---------------------------------------------------------------------------- today


def test_today_gathers_meetings_follow_ups_advisors_contacts_and_the_round(
    cli: Cli, people: dict[str, int]
) -> None:
    assert cli.url
    ok(cli, ["meeting", "add", "Ana Ruiz", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "schedule", "1", "--at", "2026-11-23 10:00", "--date", "2026-11-02"])
    ok(cli, ["meeting", "add", "Ben Okafor", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "schedule", "2", "--at", "2026-11-27 16:00", "--date", "2026-11-02"])
    ok(cli, ["meeting", "add", "Cleo Park", "--as-of", "2026-11-01"])
    ok(cli, ["meeting", "held", "3", "--date", "2026-11-21"])
    ok(cli, ["board", "set", "1", "Ana Ruiz", "--why", "mentor", "--last-chat", "2026-01-01"])
    ok(cli, ["keep", "set", "Ben Okafor", "--tier", "A"])
    digest = json.loads(ok(cli, ["today", "--as-of", "2026-11-23", "--json"]))
    assert digest["today"] == "2026-11-23"
    assert [m["person"]["name"] for m in digest["meetings_today"]] == ["Ana Ruiz"]
    assert [m["person"]["name"] for m in digest["meetings_this_week"]] == ["Ben Okafor"]
    assert [m["person"]["name"] for m in digest["thanks_due"]] == ["Cleo Park"]
    assert [s["person"]["name"] for s in digest["advisors_due"]] == ["Ana Ruiz"]
    assert [c["person"]["name"] for c in digest["contacts_due"]] == ["Ben Okafor"]
    assert digest["round"] is None and digest["next_people"] == []
    text = ok(cli, ["today", "--as-of", "2026-11-23"])
    assert "Meetings today" in text and "Mon 23 Nov 10:00 #1 Ana Ruiz" in text
    assert "Thank-yous due" in text and "Advisors to see" in text


def test_today_with_nothing_to_do_is_short(cli: Cli) -> None:
    assert ok(cli, ["today", "--as-of", "2026-11-23"]).strip() == "Today, Monday 23 November 2026"


def test_an_interaction_for_a_person_added_directly_counts(
    cli: Cli, people: dict[str, int]
) -> None:
    assert cli.url
    db = Workspace.open(cli.url)
    with db.session() as session:
        dana = add_person(session, Person(name="Dana Fox", tier="B"), now=NOW)
    db.dispose()
    log_touch(cli.url, dana, date(2026, 11, 1), kind="message")
    [contact] = json.loads(ok(cli, ["keep", "list", "--as-of", "2026-11-22", "--json"]))["contacts"]
    assert (contact["person"]["name"], contact["last_touch"]) == ("Dana Fox", "2026-11-01")


def test_the_demo_has_a_meeting_in_every_state_an_overdue_seat_and_contacts_due(cli: Cli) -> None:
    ok(cli, ["demo", "--as-of", "2026-11-22"])
    ok(cli, ["demo", "--replace", "--as-of", "2026-11-22"])  # again: no duplicate people
    meetings = json.loads(ok(cli, ["meeting", "list", "--json"]))["meetings"]
    assert {m["state"] for m in meetings} == {
        "idea",
        "requested",
        "scheduled",
        "held",
        "followed-up",
        "declined",
        "no-reply",
    }
    assert len({m["person"]["id"] for m in meetings}) == len(meetings)
    thanked = next(m["id"] for m in meetings if m["state"] == "followed-up")
    shown = json.loads(ok(cli, ["meeting", "show", str(thanked), "--json"]))
    assert shown["agenda"] and shown["notes"] and shown["insights"] and shown["referrals"]
    seats = json.loads(ok(cli, ["board", "show", "--as-of", "2026-11-22", "--json"]))["seats"]
    assert [s["status"]["state"] if s["status"] else None for s in seats] == ["overdue", "ok", None]
    assert seats[2]["candidates"]
    due = json.loads(ok(cli, ["keep", "list", "--as-of", "2026-11-22", "--json"]))["contacts"]
    assert {c["state"] for c in due} >= {"due", "overdue"}
    digest = json.loads(ok(cli, ["today", "--as-of", "2026-11-22", "--json"]))
    assert digest["nudges_due"] and digest["thanks_due"] and digest["meetings_this_week"]


def test_today_lists_the_best_suggestions_as_the_next_people(cli: Cli) -> None:
    from nextmove.domain.vision import Position, RoleOutline
    from tests.services.world import World, plan

    assert cli.url
    db = Workspace.open(cli.url)
    w = World(db)
    w.person("Me", title="Account Executive", function="sales", level=2)
    w.person(
        "Lena Leader",
        title="VP Sales",
        function="sales",
        level=8,
        organization="Beta",
        contact=True,
        offered_help=True,
    )
    w.me(
        "Me",
        plan(
            Position(name="Me", title="Account Executive", function="sales", level=2),
            RoleOutline(title="Sales Manager", function="sales", level=5, scope="x"),
        ),
    )
    db.dispose()
    digest = json.loads(ok(cli, ["today", "--as-of", "2026-11-23", "--json"]))
    assert [p["person"]["name"] for p in digest["next_people"]] == ["Lena Leader"]
    assert any(r["code"] == "offered-help" for r in digest["next_people"][0]["reasons"])
    assert "Lena Leader" in ok(cli, ["today", "--as-of", "2026-11-23"])
