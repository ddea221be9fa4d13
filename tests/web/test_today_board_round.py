"""The Today digest, the Round and the Board pages, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient

from nextmove.config import load_settings
from nextmove.domain.edits import PersonEdit
from nextmove.services import board as board_service
from nextmove.services import meeting_rounds
from nextmove.services import meetings as meeting_service
from nextmove.services import people as people_service
from nextmove.services import today as today_service
from nextmove.services.workspace import Workspace
from nextmove.web.app import create_app
from tests.web.conftest import AS_OF, BASE, PORT, Web

TODAY = date(2026, 11, 22)


def section(html: str, section_id: str) -> str:
    """The HTML of one `<section … id="…">` of a page."""
    start = html.index(f'id="{section_id}"')
    return html[start : html.index("</section>", start)]


def person_id(db: Workspace, name: str) -> int:
    return people_service.resolve(db, name)


# ---------------------------------------------------------------------------- Today


def test_today_shows_the_demo_digest_with_meetings_replies_advisors_and_contacts(
    demo_web: Web, web_db: Workspace
) -> None:
    page = demo_web.get(f"/?{AS_OF}")
    assert page.status_code == 200
    text = page.text
    assert "Coming to this page" not in text
    priya = next(m for m in meeting_service.list_meetings(web_db) if m.person_name == "Priya Nayak")
    week = section(text, "meetings-week")
    assert f'href="/meetings/{priya.id}?as_of=2026-11-22">Priya Nayak</a>' in week
    assert "Tue 24 Nov, 10:00" in week
    assert "No meetings today." in section(text, "meetings-today")
    follow = section(text, "follow-ups")
    assert "Tom Berg" in follow and "send a nudge" in follow
    assert "Ben Okafor" in follow and "send your thanks" in follow
    assert "No follow-up due." in follow
    advisors = section(text, "advisors-due")
    sofia = person_id(web_db, "Sofia Rossi")
    assert f'href="/people/{sofia}?as_of=2026-11-22">Sofia Rossi</a>' in advisors
    assert "overdue since 2026-10-13" in advisors
    assert 'href="/board?as_of=2026-11-22"' in advisors
    contacts = section(text, "contacts-due")
    assert "67 contacts due or overdue; the 5 to reach first" in contacts
    assert "Elif Gill" in contacts and "tier A, overdue since 2025-12-22" in contacts
    assert 'href="/people?keep=due&amp;as_of=2026-11-22">See all 67 contacts due</a>' in contacts
    assert contacts.count("<li>") == 5
    # The five are the first of the digest's order: tier, how overdue, tie, plan.
    digest = today_service.build_digest(
        web_db, settings=load_settings(), today=TODAY, now=datetime(2026, 11, 22, 9, tzinfo=UTC)
    )
    listed = re.findall(r'href="/people/(\d+)\?as_of=2026-11-22">', contacts)
    assert [int(i) for i in listed] == [c.person_id for c in digest.contacts_due[:5]]
    assert {c.tier for c in digest.contacts_due[:5]} == {"A"}
    assert "Get started" not in text  # the demo has done every step
    # The vision check and the energy chart stay.
    assert 'id="check-h"' in text and 'id="energy-h"' in text


def test_today_lists_the_next_people_with_a_plan_link_and_the_round_once_planned(
    demo_web: Web, web_db: Workspace
) -> None:
    text = demo_web.get(f"/?{AS_OF}").text
    nxt = section(text, "next-people")
    tom = person_id(web_db, "Tom Becker")
    assert "<strong>Tom Becker</strong>" in nxt
    assert f'href="/meetings/new?person_id={tom}&amp;as_of=2026-11-22"' in nxt
    assert 'href="/suggestions?as_of=2026-11-22"' in nxt
    assert "No round of research meetings yet." in section(text, "round")

    saved = demo_web.submit(
        f"/round?{AS_OF}", {"size": "4", "weeks": "2", "action": "save"}, page="/round"
    )
    assert saved.status_code == 303
    round_card = section(demo_web.get(f"/?{AS_OF}").text, "round")
    assert "Round #1: 4 people over 2 weeks" in round_card
    assert "<strong>4</strong> idea" in round_card
    assert 'href="/round?as_of=2026-11-22"' in round_card


def test_an_empty_workspace_gets_the_first_run_guide_instead_of_empty_cards(
    web: Web, web_db: Workspace, now: datetime, today: date
) -> None:
    text = web.get(f"/?{AS_OF}").text
    guide = section(text, "guide-h")
    assert "0 of 4 done" in guide
    for step, href in (
        ("You", "/vision/edit?as_of=2026-11-22#f-me"),
        ("Your plan", "/vision/edit?as_of=2026-11-22#step-0"),
        ("Your people", "/import?as_of=2026-11-22"),
        ("Whom to meet", "/suggestions?as_of=2026-11-22"),
    ):
        assert f"<h3>{step}</h3>" in guide and f'href="{href}"' in guide
    for sentence in ("No meetings today.", "No advisor is due", "No round of research"):
        assert sentence not in text  # no wall of "nothing yet"
    people_service.add_person(web_db, PersonEdit(name="Dana Lee"), now=now, today=today)
    guide = section(web.get(f"/?{AS_OF}").text, "guide-h")
    assert "1 of 4 done" in guide
    assert '<h3>Your people <span class="guide-done">done</span></h3>' in guide
    assert 'href="/import' not in guide


@pytest.fixture
def berlin_web(web_db: Workspace, db_url: str) -> Iterator[Web]:
    settings = load_settings(database_url=db_url, timezone="Europe/Berlin")
    app = create_app(settings, port=PORT, db=web_db)
    with TestClient(app, base_url=BASE) as client:
        yield Web(client)


def test_a_meeting_late_tonight_is_today_and_one_just_after_midnight_is_this_week(
    berlin_web: Web, web_db: Workspace, now: datetime
) -> None:
    settings = load_settings(timezone="Europe/Berlin")
    for name, at in (("Late Tonight", "2026-11-22 23:30"), ("After Midnight", "2026-11-23 00:30")):
        people_service.add_person(web_db, PersonEdit(name=name), now=now, today=TODAY)
        meeting = meeting_service.add_meeting(web_db, name, today=TODAY, now=now)
        assert meeting.id is not None
        meeting_service.schedule_meeting(
            web_db, meeting.id, settings=settings, at=at, day=TODAY, now=now
        )
    text = berlin_web.get(f"/?{AS_OF}").text
    today_card = section(text, "meetings-today")
    week_card = section(text, "meetings-week")
    # 00:30 in Berlin on the 23rd is still the 22nd in UTC: the user's zone decides.
    assert "Late Tonight" in today_card and "23:30" in today_card
    assert "After Midnight" not in today_card
    assert "After Midnight" in week_card and "Mon 23 Nov, 00:30" in week_card
    assert "Times in Europe/Berlin." in week_card


# ---------------------------------------------------------------------------- Round


def test_preview_shows_the_planned_round_and_saves_nothing(
    demo_web: Web, web_db: Workspace
) -> None:
    page = demo_web.get(f"/round?{AS_OF}")
    assert "No round yet." in page.text
    assert 'name="size" value="6"' in page.text and 'name="weeks" value="3"' in page.text
    preview = demo_web.submit(
        f"/round?{AS_OF}", {"size": "6", "weeks": "3", "action": "preview"}, page="/round"
    )
    assert preview.status_code == 200
    card = section(preview.text, "preview")
    assert "Preview: 6 people" in card
    assert "nothing is saved yet" in card
    assert "Tom Becker" in card and "went through a what&#39;s-next move themselves" in card
    assert "2026-11-26" in card
    assert meeting_rounds.current_round_id(web_db) is None
    assert "No round yet." in demo_web.get(f"/round?{AS_OF}").text


def test_save_round_saves_meeting_ideas_and_the_page_shows_each_person_by_week(
    demo_web: Web, web_db: Workspace
) -> None:
    saved = demo_web.submit(
        f"/round?{AS_OF}", {"size": "6", "weeks": "3", "action": "save"}, page="/round"
    )
    assert saved.status_code == 303
    assert saved.headers["location"].startswith("/round?saved=1")
    round_id = meeting_rounds.current_round_id(web_db)
    assert round_id == 1
    text = demo_web.get(saved.headers["location"]).text
    assert "Saved as round #1" in text
    progress = section(text, "progress")
    assert '<h2 id="progress-h">Round #1</h2>' in progress
    meetings = meeting_rounds.round_meetings(web_db, round_id)
    assert len(meetings) == 6
    for meeting in meetings:
        assert f'href="/meetings/{meeting.id}?as_of=2026-11-22">{meeting.person_name}</a>' in (
            progress
        )
    assert progress.count("<h3>Week ") == 3
    assert re.search(r"<th scope=\"row\">All</th><td class=\"num\"><strong>6</strong>", progress)


@pytest.mark.parametrize(
    ("size", "weeks", "field", "message"),
    [
        ("0", "3", "size", "The number of people must be a whole number from 1 to 30."),
        ("six", "3", "size", "The number of people must be a whole number from 1 to 30."),
        ("6", "13", "weeks", "The number of weeks must be a whole number from 1 to 12."),
    ],
)
def test_a_bad_round_size_or_length_comes_back_next_to_its_field(
    demo_web: Web, web_db: Workspace, size: str, weeks: str, field: str, message: str
) -> None:
    answer = demo_web.submit(
        f"/round?{AS_OF}", {"size": size, "weeks": weeks, "action": "save"}, page="/round"
    )
    assert answer.status_code == 400
    assert f'<p class="field-error" id="f-{field}-error">' in answer.text
    assert message in answer.text
    assert f'id="f-{field}" name="{field}" value="{size if field == "size" else weeks}"' in (
        answer.text
    )
    assert 'aria-invalid="true"' in answer.text
    assert meeting_rounds.current_round_id(web_db) is None


def test_an_empty_workspace_is_told_what_to_do_before_planning_a_round(web: Web) -> None:
    page = web.get("/round")
    assert "Start with your plan and your network" in page.text
    answer = web.submit("/round", {"size": "6", "weeks": "3", "action": "preview"}, page="/round")
    assert answer.status_code == 400
    assert "No one to plan a round with yet." in answer.text


# ---------------------------------------------------------------------------- Board


def test_the_board_shows_each_seat_with_its_state_draft_slots_and_candidates(
    demo_web: Web, web_db: Workspace
) -> None:
    text = demo_web.get(f"/board?{AS_OF}").text
    assert "<h1>Your board of three</h1>" in text
    one = section(text, "seat-1")
    sofia = person_id(web_db, "Sofia Rossi")
    assert f'href="/people/{sofia}?as_of=2026-11-22">Sofia Rossi</a>' in one
    assert "overdue since 2026-10-13" in one
    assert "she has hired and coached a dozen group PMs" in one
    assert "every 90 days" in one and "2026-07-15" in one
    assert re.search(r'<textarea id="checkin-1" readonly[^>]*>Subject: Coffee soon\?', one)
    assert 'data-copy="checkin-1"' in one
    assert one.count("<time datetime=") == 3
    assert "Monday 23 November, 10:30–11:00" in one
    two = section(text, "seat-2")
    assert "Ana Ruiz" in two and "due 2027-01-25" in two and "<textarea" not in two
    three = section(text, "seat-3")
    assert "empty" in three
    assert "Tom Becker" in three
    assert "senior to you (Lead), you know them (a very strong tie), offered to help" in three
    assert "Seat Tom Becker" in three
    keep = section(text, "keep")
    assert "67 contacts due or overdue, overdue first; the first 20." in keep
    assert keep.count("<li>") == 20
    assert keep.index("Elif Gill") < keep.index("Siddharth Hall")
    assert 'href="/people?keep=due&amp;as_of=2026-11-22"' in keep


def test_seating_a_candidate_fills_the_seat(demo_web: Web, web_db: Workspace) -> None:
    tom = person_id(web_db, "Tom Becker")
    answer = demo_web.submit(
        f"/board/3?{AS_OF}",
        {"person": f"#{tom}", "why": "A strong tie, senior to you, offered to help"},
        page="/board",
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == "/board?done=set&seat=3&as_of=2026-11-22#seat-3"
    text = demo_web.get(answer.headers["location"].split("#")[0]).text
    assert "Seat 3 is filled." in text
    three = section(text, "seat-3")
    assert f'href="/people/{tom}?as_of=2026-11-22">Tom Becker</a>' in three
    assert "Candidates from your network" not in three


def test_seating_by_name_with_a_cadence_and_a_last_chat_shows_when_it_is_due(
    demo_web: Web,
) -> None:
    answer = demo_web.submit(
        f"/board/3?{AS_OF}",
        {"person": "Nora Kim", "why": "runs design", "cadence": "30", "last_chat": "2026-11-01"},
        page="/board",
    )
    assert answer.status_code == 303
    three = section(demo_web.get(f"/board?{AS_OF}").text, "seat-3")
    assert "Nora Kim" in three and "runs design" in three
    assert "every 30 days" in three and "2026-11-01" in three
    # Overdue after 30 days (1 December), due in the two weeks before: since the 17th.
    assert "state-due" in three and "due 2026-11-17" in three


def test_clearing_a_seat_empties_it_and_we_met_resets_its_cadence(
    demo_web: Web, web_db: Workspace, now: datetime
) -> None:
    met = demo_web.submit(f"/board/1/chat?{AS_OF}", {"date": "2026-11-20"}, page="/board")
    assert met.status_code == 303
    one = section(demo_web.get(f"/board?{AS_OF}").text, "seat-1")
    assert "state-ok" in one and "2026-11-20" in one and "<textarea" not in one
    cleared = demo_web.submit(f"/board/1/clear?{AS_OF}", {}, page="/board")
    assert cleared.status_code == 303
    text = demo_web.get(cleared.headers["location"].split("#")[0]).text
    assert "Seat 1 is empty." in text
    one = section(text, "seat-1")
    assert "Sofia Rossi" not in one.split("Candidates")[0]
    assert "Seat someone" in one
    seats = board_service.show_board(web_db, settings=load_settings(), today=TODAY, now=now)
    assert seats[0].empty


def test_the_clear_form_asks_for_confirmation(demo_web: Web) -> None:
    one = section(demo_web.get(f"/board?{AS_OF}").text, "seat-1")
    assert 'data-confirm="Empty seat 1 (Sofia Rossi)?"' in one


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"person": "", "why": "x"}, "person", "Say who: their name or their number (#12)."),
        ({"person": "Nora Kim", "why": " "}, "why", "Say why you would ask them for advice."),
        ({"person": "Nora Kim", "why": "x", "cadence": "0"}, "cadence", "from 1 to 3650"),
        ({"person": "Nora Kim", "why": "x", "last_chat": "yesterday"}, "last_chat", "A date"),
        ({"person": "Nobody Atall", "why": "x"}, "person", "Nobody called &#39;Nobody Atall&#39;"),
    ],
)
def test_bad_input_to_seat_someone_comes_back_next_to_the_field(
    demo_web: Web, data: dict[str, str], field: str, message: str
) -> None:
    answer = demo_web.submit(f"/board/3?{AS_OF}", data, page="/board")
    assert answer.status_code == 400
    three = section(answer.text, "seat-3")
    error = re.search(rf'<p class="field-error pre-line" id="seat3-{field}-error">(.*?)</p>', three)
    assert error and message in error.group(1)
    assert f'id="seat3-{field}"' in three and 'aria-invalid="true"' in three
    assert 'class="error-summary"' in answer.text
    assert f'href="#seat3-{field}"' in answer.text


def test_an_ambiguous_name_lists_the_people_next_to_the_field(
    demo_web: Web, web_db: Workspace, now: datetime
) -> None:
    people_service.add_person(
        web_db, PersonEdit(name="Nora Kim", title="Nurse"), now=now, today=TODAY
    )
    answer = demo_web.submit(f"/board/3?{AS_OF}", {"person": "Nora Kim", "why": "x"}, page="/board")
    assert answer.status_code == 400
    error = re.search(
        r'id="seat3-person-error">(.*?)</p>', section(answer.text, "seat-3"), re.DOTALL
    )
    assert error and "2 people are called &#39;Nora Kim&#39;" in error.group(1)
    assert "Nurse" in error.group(1)


def test_a_bad_chat_date_comes_back_next_to_the_date(demo_web: Web) -> None:
    answer = demo_web.submit(f"/board/2/chat?{AS_OF}", {"date": "soon"}, page="/board")
    assert answer.status_code == 400
    two = section(answer.text, "seat-2")
    assert 'id="seat2-chat-date-error"' in two and "A date like 2026-11-20." in two
    assert "2026-11-10" in two  # the last chat did not change
