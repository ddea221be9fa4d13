"""The meeting pages as a user meets them, on SQLite and PostgreSQL: plan → page → schedule →
invitation → notes → referral, the board, the steps, drafts, and refusals shown in place."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime

import icalendar
import pytest
from fastapi.testclient import TestClient

from nextmove.config import load_settings
from nextmove.services import meetings as meeting_service
from nextmove.services import people as people_service
from nextmove.services.workspace import Workspace
from nextmove.web.app import create_app
from tests.web.conftest import AS_OF, BASE, PORT, Web
from tests.web.test_pages import (
    test_every_page_has_a_skip_link_one_h1_ordered_headings_and_labelled_controls as audit_page,
)

ZONE = "America/New_York"


@pytest.fixture
def mweb(web_db: Workspace, db_url: str) -> Iterator[Web]:
    """The app with an e-mail address (the invitation's organizer) and a time zone not UTC."""
    settings = load_settings(database_url=db_url, email="me@example.com", timezone=ZONE)
    app = create_app(settings, port=PORT, db=web_db)
    with TestClient(app, base_url=BASE) as client:
        yield Web(client)


def _person(db: Workspace, today: date, now: datetime, name: str = "Ana Ruiz", **more: str) -> int:
    fields = {"name": name, "title": "VP Product", "organization": "Caremark", **more}
    person = people_service.add_person(db, fields, now=now, today=today)
    assert person.id is not None
    return person.id


def _plan(web: Web, person_id: int) -> int:
    """A meeting idea with the person, planned on 2026-11-01."""
    response = web.submit(
        "/meetings?as_of=2026-11-01",
        {
            "person_id": str(person_id),
            "why": "you built the patient app team",
            "kind": "research",
            "mode": "video",
        },
        page=f"/meetings/new?person_id={person_id}",
    )
    assert response.status_code == 303, response.text
    found = re.match(r"/meetings/(\d+)\?", response.headers["location"])
    assert found, response.headers["location"]
    return int(found.group(1))


def _seen(html: str) -> str:
    """What the page says, without tags."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))


def _post(web: Web, meeting_id: int, action: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
    return web.submit(
        f"/meetings/{meeting_id}/{action}?{AS_OF}", data, page=f"/meetings/{meeting_id}"
    )


def test_planning_from_a_suggestion_creates_an_idea_and_lands_on_its_page(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    ana = _person(web_db, today, now)
    form = mweb.get(f"/meetings/new?person_id={ana}&{AS_OF}")
    assert form.status_code == 200
    assert "Plan a meeting with Ana Ruiz" in form.text
    assert "VP Product, Caremark" in form.text
    assert ">Plan meeting</button>" in form.text
    assert "I am writing to you because" in form.text  # the why, prefilled from their role
    response = mweb.submit(
        f"/meetings?{AS_OF}",
        {
            "person_id": str(ana),
            "why": "you built the patient app team",
            "kind": "research",
            "mode": "in-person",
        },
        page=f"/meetings/new?person_id={ana}",
    )
    assert response.status_code == 303
    page = mweb.get(response.headers["location"])
    assert "<h1>Meeting #1 with Ana Ruiz</h1>" in page.text
    assert "Planned: meeting #1 with Ana Ruiz is an idea" in page.text
    assert "2026-11-22 — idea" in _seen(page.text)
    [meeting] = meeting_service.list_meetings(web_db)
    assert (meeting.state.value, meeting.mode.value, meeting.why) == (
        "idea",
        "in-person",
        "you built the patient app team",
    )


def test_planning_by_a_name_several_people_share_says_so_next_to_the_field(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    _person(web_db, today, now, "Sam Lee", organization="A")
    _person(web_db, today, now, "Sam Lee", organization="B")
    response = mweb.submit(
        "/meetings",
        {"person": "Sam Lee", "why": "", "kind": "research", "mode": "video"},
        page="/meetings/new",
    )
    assert response.status_code == 400
    assert "2 people are called" in response.text
    assert 'id="f-person-error"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert meeting_service.list_meetings(web_db) == []


def test_planning_with_nobody_named_asks_who(mweb: Web) -> None:
    response = mweb.submit(
        "/meetings", {"person": "", "kind": "research", "mode": "video"}, page="/meetings/new"
    )
    assert response.status_code == 400
    assert "Say who: their id or their name." in response.text
    unknown = mweb.submit(
        "/meetings",
        {"person": "99999999999", "kind": "research", "mode": "video"},
        page="/meetings/new",
    )
    assert unknown.status_code == 400
    assert "No person with id 99999999999" in unknown.text


def test_the_board_shows_each_meeting_in_the_column_of_its_state(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    empty = mweb.get("/meetings").text
    assert "No meetings yet" in empty
    assert 'href="/suggestions"' in empty
    first = _plan(mweb, _person(web_db, today, now))
    second = _plan(mweb, _person(web_db, today, now, "Tom Berg"))
    assert (
        _post(mweb, second, "state", {"state": "requested", "date": "2026-11-10"}).status_code
        == 303
    )
    board = mweb.get(f"/meetings?{AS_OF}").text
    ideas = board.split('id="col-idea-h"')[1].split("</section>")[0]
    requested = board.split('id="col-requested-h"')[1].split("</section>")[0]
    assert f"#{first} Ana Ruiz" in ideas and "(1)" in ideas
    assert f"#{second} Tom Berg" in requested and "Tom Berg" not in ideas
    assert "Nudge due" in requested  # 12 days without a reply
    assert 'href="/calendar.ics?as_of=2026-11-22"' in board
    filtered = mweb.get("/meetings?kind=advisor-checkin").text
    assert "Ana Ruiz" not in filtered


def test_each_step_moves_the_meeting_on_and_dates_its_history(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(mweb, _person(web_db, today, now))
    page = mweb.get(f"/meetings/{meeting}?{AS_OF}").text
    assert ">Request sent</button>" in page and ">Followed up</button>" not in page
    for state, day in (("requested", "2026-11-10"), ("held", "2026-11-20"), ("followed-up", "")):
        response = _post(mweb, meeting, "state", {"state": state, "date": day})
        assert response.status_code == 303, response.text
    page = _seen(mweb.get(f"/meetings/{meeting}?{AS_OF}").text)
    assert "2026-11-10 — requested" in page
    assert "2026-11-20 — held" in page
    assert "2026-11-22 — followed-up" in page
    assert "Nothing more to do for this meeting" in page
    other = _plan(mweb, _person(web_db, today, now, "Tom Berg"))
    _post(mweb, other, "state", {"state": "requested", "date": ""})
    assert _post(mweb, other, "state", {"state": "no-reply", "date": ""}).status_code == 303
    assert "— no-reply" in _seen(mweb.get(f"/meetings/{other}").text)


def test_a_step_out_of_order_shows_the_services_words(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(mweb, _person(web_db, today, now))
    response = _post(mweb, meeting, "state", {"state": "followed-up", "date": ""})
    assert response.status_code == 400
    assert f"Meeting {meeting} is idea; it cannot become followed-up" in response.text
    assert "A meeting becomes followed-up from: held." in response.text
    early = _post(mweb, meeting, "state", {"state": "requested", "date": "2026-01-01"})
    assert early.status_code == 400
    assert "is before the idea" in early.text


def test_scheduling_shows_your_time_and_the_invitation_parses_and_a_reschedule_bumps_it(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    ana = _person(web_db, today, now, add_email=["ana@example.com"])  # type: ignore[arg-type]
    meeting = _plan(mweb, ana)
    page = mweb.get(f"/meetings/{meeting}?{AS_OF}").text
    assert "Download invitation (.ics)" not in page
    assert mweb.get(f"/meetings/{meeting}/invite.ics").status_code == 400
    response = _post(
        mweb,
        meeting,
        "schedule",
        {
            "at": "2026-11-24T10:00",
            "minutes": "45",
            "mode": "video",
            "place": "",
            "link": "https://meet.example.com/abc",
        },
    )
    assert response.status_code == 303, response.text
    page = mweb.get(response.headers["location"]).text
    assert "Tue 24 Nov 2026, 10:00 (America/New_York)" in page
    assert ">Download invitation (.ics)</a>" in page
    ics = mweb.get(f"/meetings/{meeting}/invite.ics")
    assert ics.status_code == 200
    assert ics.headers["content-type"].startswith("text/calendar")
    assert ics.headers["content-disposition"] == 'attachment; filename="meeting-1.ics"'
    calendar = icalendar.Calendar.from_ical(ics.content)
    assert str(calendar["METHOD"]) == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert str(event["ATTENDEE"]).lower() == "mailto:ana@example.com"
    start = event.decoded("DTSTART")
    assert start.isoformat() == "2026-11-24T10:00:00-05:00"
    assert int(event.get("SEQUENCE", 0)) == 0
    again = _post(mweb, meeting, "schedule", {"at": "2026-11-25 14:30", "mode": "video"})
    assert again.status_code == 303
    event = icalendar.Calendar.from_ical(mweb.get(f"/meetings/{meeting}/invite.ics").content)
    [moved] = event.walk("VEVENT")
    assert int(moved["SEQUENCE"]) == 1
    assert moved.decoded("DTSTART").isoformat() == "2026-11-25T14:30:00-05:00"


def test_a_time_the_clocks_skip_is_refused_next_to_the_field(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(mweb, _person(web_db, today, now))
    response = _post(mweb, meeting, "schedule", {"at": "2027-03-14T02:30", "minutes": "30"})
    assert response.status_code == 400
    assert "that time does not exist in America/New_York" in response.text
    assert 'id="e-at"' in response.text
    assert re.search(
        r'id="f-at"[^>]*aria-describedby="f-at-hint e-at"[^>]*aria-invalid="true"', response.text
    )
    assert 'value="2027-03-14T02:30"' in response.text  # what was typed stays
    bad = _post(mweb, meeting, "schedule", {"at": "tomorrow", "minutes": "30"})
    assert bad.status_code == 400 and "is not a date and time" in bad.text
    short = _post(mweb, meeting, "schedule", {"at": "2026-11-24 10:00", "minutes": "2"})
    assert short.status_code == 400 and 'id="e-minutes"' in short.text
    assert meeting_service.list_meetings(web_db)[0].state.value == "idea"


def test_slots_are_proposed_and_one_click_schedules_the_meeting(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(mweb, _person(web_db, today, now))
    page = mweb.get(f"/meetings/{meeting}?{AS_OF}").text
    # 2026-11-22 is a Sunday: slots start on Monday, within working hours in the user's zone.
    first = re.search(r'name="at" value="(2026-11-2\d (\d\d):(\d\d))"', page)
    assert first, page
    assert 9 <= int(first.group(2)) < 18
    assert "Book </span>Mon 23 Nov, " in page
    response = _post(mweb, meeting, "schedule", {"at": first.group(1), "mode": "video"})
    assert response.status_code == 303
    local = datetime.strptime(first.group(1), "%Y-%m-%d %H:%M")
    assert f"{local:%a %d %b %Y, %H:%M} ({ZONE})" in mweb.get(f"/meetings/{meeting}").text


def test_notes_insights_and_tasks_appear_on_the_page(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(mweb, _person(web_db, today, now))
    assert (
        _post(
            mweb, meeting, "notes", {"text": "Owns the scheduling roadmap", "date": ""}
        ).status_code
        == 303
    )
    assert (
        _post(
            mweb, meeting, "insights", {"text": "Lead one launch first", "affects": ""}
        ).status_code
        == 303
    )
    assert (
        _post(mweb, meeting, "tasks", {"text": "Send the deck", "due": "2026-11-29"}).status_code
        == 303
    )
    page = mweb.get(f"/meetings/{meeting}?{AS_OF}").text
    assert '<time datetime="2026-11-22">2026-11-22</time> Owns the scheduling roadmap' in page
    assert "Lead one launch first" in page
    assert "Send the deck" in page and "due 2026-11-29" in page
    empty = _post(mweb, meeting, "notes", {"text": "  "})
    assert (
        empty.status_code == 400
        and "The note is empty" in empty.text
        and 'id="e-note"' in empty.text
    )
    wrong = _post(mweb, meeting, "insights", {"text": "x", "affects": "step:9"})
    assert wrong.status_code == 400 and "your vision has 0 step(s)" in wrong.text
    [task] = meeting_service.show_meeting(
        web_db, meeting, settings=load_settings(), today=today
    ).tasks
    done = mweb.submit(f"/tasks/{task.id}/done?{AS_OF}", {}, page=f"/meetings/{meeting}")
    assert done.status_code == 303
    assert "done 2026-11-22" in mweb.get(done.headers["location"]).text


def test_a_referral_creates_the_person_and_a_meeting_idea_introduced_by_them(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    ana = _person(web_db, today, now)
    meeting = _plan(mweb, ana)
    response = _post(
        mweb,
        meeting,
        "referrals",
        {
            "name": "Maria Lopez",
            "organization": "Acme Health",
            "title": "Director of Product",
            "email": "",
        },
    )
    assert response.status_code == 303
    page = mweb.get(response.headers["location"]).text
    assert "Maria Lopez added as a meeting idea, introduced by Ana Ruiz." in page
    maria = people_service.show_person(web_db, "Maria Lopez").person
    assert maria.organization == "Acme Health"
    assert f'href="/people/{maria.id}?as_of=2026-11-22">Maria Lopez</a>' in page
    ideas = [m for m in meeting_service.list_meetings(web_db) if m.person_id == maria.id]
    assert [m.state.value for m in ideas] == ["idea"]
    assert ideas[0].why == "Ana Ruiz suggested I talk to you"
    chain = mweb.get(f"/meetings/{ideas[0].id}").text
    assert "How you reached Maria Lopez" in chain and ">Ana Ruiz</a>" in chain
    again = _post(
        mweb, meeting, "referrals", {"name": "Maria Lopez", "organization": "Acme Health"}
    )
    assert "was already referred by Ana Ruiz" in mweb.get(again.headers["location"]).text
    nameless = _post(mweb, meeting, "referrals", {"name": ""})
    assert nameless.status_code == 400 and "The referral needs a name" in nameless.text


def test_a_referral_picked_from_the_suggestions_is_that_person_not_a_new_one(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    ana = _person(web_db, today, now)
    meeting = _plan(mweb, ana)
    known = people_service.add_person(
        web_db, {"name": "Maria Lopez", "organization": "Globex"}, now=now, today=today
    )
    response = _post(mweb, meeting, "referrals", {"name": f"Maria Lopez #{known.id}"})
    assert response.status_code == 303
    ideas = [m for m in meeting_service.list_meetings(web_db) if m.person_id == known.id]
    assert len(ideas) == 1
    assert people_service.resolve(web_db, "Maria Lopez") == known.id  # no second Maria


def test_the_drafts_that_fit_the_state_are_on_the_page_ready_to_copy(demo_web: Web) -> None:
    idea = demo_web.get(f"/meetings/2?{AS_OF}").text  # Maria Lopez, an idea
    assert 'id="draft-request"' in idea and "readonly" in idea
    assert "Subject: 30 minutes of your advice (Ana Ruiz suggested I ask)" in idea
    assert 'data-copy="draft-request"' in idea
    followed = demo_web.get(f"/meetings/1?{AS_OF}").text  # Ana Ruiz, followed up
    assert 'id="draft-thanks"' in followed and 'id="draft-request"' not in followed
    assert "Thank you for taking the time to talk with me" in followed
    assert "## Who else to talk to" in followed  # the agenda


def test_without_a_vision_the_request_draft_says_what_is_missing(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(mweb, _person(web_db, today, now))
    page = mweb.get(f"/meetings/{meeting}?{AS_OF}").text
    assert "A meeting request needs a rough outline of the role you want" in page
    assert 'href="/vision/edit?as_of=2026-11-22"' in page


def test_the_agenda_can_be_replaced(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(mweb, _person(web_db, today, now))
    assert (
        _post(mweb, meeting, "agenda", {"agenda": "1. Their path\n2. Who else"}).status_code == 303
    )
    assert "1. Their path\n2. Who else" in mweb.get(f"/meetings/{meeting}").text


def test_deleting_asks_first_then_the_meeting_is_gone(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(mweb, _person(web_db, today, now))
    confirm = mweb.get(f"/meetings/{meeting}/delete")
    assert confirm.status_code == 200 and "Delete meeting #1 with Ana Ruiz?" in confirm.text
    response = mweb.submit(f"/meetings/{meeting}/delete", {}, page=f"/meetings/{meeting}")
    assert response.status_code == 303
    assert "Deleted meeting #1 with Ana Ruiz" in mweb.get(response.headers["location"]).text
    assert mweb.get(f"/meetings/{meeting}").status_code == 404


def test_an_unknown_meeting_is_the_apps_404(mweb: Web) -> None:
    missing = mweb.get("/meetings/4242")
    assert missing.status_code == 404
    assert "no meeting 4242" in missing.text.lower()
    assert mweb.get("/meetings/new?person_id=4242").status_code == 404


def test_the_calendar_feed_downloads_with_every_scheduled_meeting(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(mweb, _person(web_db, today, now))
    _post(mweb, meeting, "schedule", {"at": "2026-11-24 10:00"})
    feed = mweb.get(f"/calendar.ics?{AS_OF}")
    assert feed.status_code == 200
    assert feed.headers["content-disposition"] == 'attachment; filename="nextmove.ics"'
    calendar = icalendar.Calendar.from_ical(feed.content)
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert any("Ana Ruiz" in str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))


def test_the_demo_board_and_pages_render(demo_web: Web) -> None:
    board = demo_web.get(f"/meetings?{AS_OF}")
    assert board.status_code == 200
    for meeting_id in range(1, 9):
        page = demo_web.get(f"/meetings/{meeting_id}?{AS_OF}")
        assert page.status_code in (200, 404), page.text


@pytest.mark.parametrize(
    "path",
    [
        "/meetings",
        "/meetings?kind=research",
        "/meetings/new",
        "/meetings/new?person_id=13",
        "/meetings/1",
        "/meetings/2",
        "/meetings/4",
        "/meetings/1/delete",
    ],
)
def test_every_meeting_page_has_one_h1_ordered_headings_and_labelled_controls(
    demo_web: Web, path: str
) -> None:
    audit_page(demo_web, path)


BUSY_MONDAY = b"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:busy-1@test
DTSTAMP:20261120T000000Z
DTSTART;TZID=America/New_York:20261123T080000
DTEND;TZID=America/New_York:20261123T190000
SUMMARY:Offsite
END:VEVENT
END:VCALENDAR
"""


def test_an_uploaded_calendar_keeps_the_slots_off_its_busy_times(
    mweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(mweb, _person(web_db, today, now))
    assert "Book </span>Mon 23 Nov" in mweb.get(f"/meetings/{meeting}?{AS_OF}").text
    page = mweb.submit(
        f"/meetings/{meeting}/slots?{AS_OF}",
        {},
        page=f"/meetings/{meeting}",
        files={"busy": ("work.ics", BUSY_MONDAY, "text/calendar")},
    )
    assert page.status_code == 200
    assert "Avoiding the busy times in work.ics." in page.text
    assert "Book </span>Mon 23 Nov" not in page.text
    assert "Book </span>Tue 24 Nov" in page.text
    broken = mweb.submit(
        f"/meetings/{meeting}/slots",
        {},
        page=f"/meetings/{meeting}",
        files={"busy": ("notes.ics", b"hello", "text/calendar")},
    )
    assert broken.status_code == 400
    assert 'id="e-busy"' in broken.text and "notes.ics" in broken.text
