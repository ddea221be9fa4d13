"""A meeting's page in stages (prepare, schedule, after the meeting), its agenda as Markdown,
a confirmation before marking a meeting held ahead of its time, no meeting with yourself,
and an invitation that says what it is missing — on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import date, datetime

import icalendar

from nextmove.services import meetings as meeting_service
from nextmove.services import people as people_service
from nextmove.services.workspace import Database
from tests.web.conftest import AS_OF, Web
from tests.web.test_meeting_pages import _person, _plan, _post, _seen


def _open_stages(html: str) -> set[str]:
    return set(re.findall(r'<details class="stage" id="stage-(\w+)" open>', html))


def test_only_the_current_stage_is_open(
    web: Web, web_db: Database, today: date, now: datetime
) -> None:
    meeting = _plan(web, _person(web_db, today, now))
    page = web.get(f"/meetings/{meeting}?{AS_OF}").text
    assert _open_stages(page) == {"prepare"}
    assert "The request to copy" in page
    _post(web, meeting, "state", {"state": "requested", "date": "2026-11-10"})
    assert _open_stages(web.get(f"/meetings/{meeting}?{AS_OF}").text) == {"schedule"}
    _post(web, meeting, "state", {"state": "held", "date": "2026-11-20"})
    page = web.get(f"/meetings/{meeting}?{AS_OF}").text
    assert _open_stages(page) == {"after"}
    assert "The thank-you to copy" in page
    # A refused form opens its own stage, whatever the state.
    refused = _post(web, meeting, "tasks", {"text": "", "due": "2026-12-01"})
    assert refused.status_code == 400
    assert "after" in _open_stages(refused.text)


def test_the_agenda_is_rendered_from_markdown_with_html_escaped(
    web: Web, web_db: Database, today: date, now: datetime
) -> None:
    meeting = _plan(web, _person(web_db, today, now))
    agenda = "# Questions\n\n- How did you move up?\n- <script>alert(1)</script>\n\n[x](javascript:alert(1))"
    assert _post(web, meeting, "agenda", {"agenda": agenda}).status_code == 303
    page = web.get(f"/meetings/{meeting}").text
    assert "<h4>Questions</h4>" in page
    assert "<li>How did you move up?</li>" in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="javascript:' not in page
    assert "# Questions" in page  # the editable text keeps the Markdown


def test_held_before_its_time_asks_to_confirm_and_changes_nothing_until_then(
    web: Web, web_db: Database, today: date, now: datetime
) -> None:
    meeting = _plan(web, _person(web_db, today, now))
    assert _post(web, meeting, "schedule", {"at": "2026-11-24 10:00"}).status_code == 303
    response = _post(web, meeting, "state", {"state": "held", "date": ""})
    assert response.status_code == 400
    text = _seen(response.text)
    assert "is scheduled for 2026-11-24 10:00 (UTC), which has not come yet" in text
    assert "Yes, it was held" in text
    assert meeting_service.list_meetings(web_db)[0].state.value == "scheduled"
    confirmed = _post(web, meeting, "state", {"state": "held", "date": "", "early": "yes"})
    assert confirmed.status_code == 303
    assert meeting_service.list_meetings(web_db)[0].state.value == "held"


def test_held_before_its_time_is_409_in_the_api_until_early_is_sent(
    web: Web, web_db: Database, today: date, now: datetime
) -> None:
    meeting = _plan(web, _person(web_db, today, now))
    _post(web, meeting, "schedule", {"at": "2026-11-24 10:00"})
    headers = {"Origin": "http://127.0.0.1:8765", "Sec-Fetch-Site": "same-origin"}
    url = f"/api/meetings/{meeting}/state?{AS_OF}"
    early = web.client.post(url, json={"state": "held"}, headers=headers)
    assert early.status_code == 409
    assert "has not come yet" in early.json()["error"]
    done = web.client.post(url, json={"state": "held", "early": True}, headers=headers)
    assert done.status_code == 200 and done.json()["state"] == "held"


def test_no_meeting_with_yourself(web: Web, web_db: Database, today: date, now: datetime) -> None:
    me = _person(web_db, today, now, "Maya Chen")
    people_service.link_me(web_db, str(me))
    response = web.submit(
        f"/meetings?{AS_OF}",
        {"person_id": str(me), "why": "", "kind": "research", "mode": "video"},
        page=f"/meetings/new?person_id={me}",
    )
    assert response.status_code == 400
    assert "Maya Chen is you: a meeting needs someone else" in _seen(response.text)
    assert meeting_service.list_meetings(web_db) == []


def test_without_an_email_the_invitation_says_what_is_missing_and_where_to_add_it(
    web: Web, web_db: Database, today: date, now: datetime
) -> None:
    me = _person(web_db, today, now, "Maya Chen")
    people_service.link_me(web_db, str(me))
    meeting = _plan(web, _person(web_db, today, now))
    _post(web, meeting, "schedule", {"at": "2026-11-24 10:00"})
    page = web.get(f"/meetings/{meeting}?{AS_OF}").text
    assert "Download invitation (.ics)" not in page
    assert "The invitation needs your e-mail address as its organizer" in _seen(page)
    assert f'href="/people/{me}/edit?{AS_OF}"' in page or f'href="/people/{me}/edit"' in page
    # Your own record's address is enough: the invitation downloads with you as organizer.
    people_service.edit_person(
        web_db, str(me), {"add_email": ["maya@example.com"]}, now=now, today=today
    )
    page = web.get(f"/meetings/{meeting}?{AS_OF}").text
    assert ">Download invitation (.ics)</a>" in page
    [event] = icalendar.Calendar.from_ical(web.get(f"/meetings/{meeting}/invite.ics").content).walk(
        "VEVENT"
    )
    assert str(event["ORGANIZER"]).lower() == "mailto:maya@example.com"


def test_your_own_calendar_feed_needs_no_organizer_address(
    web: Web, web_db: Database, today: date, now: datetime
) -> None:
    meeting = _plan(web, _person(web_db, today, now, add_email=["ana@example.com"]))  # type: ignore[arg-type]
    _post(web, meeting, "schedule", {"at": "2026-11-24 10:00"})
    feed = web.get(f"/calendar.ics?{AS_OF}")
    assert feed.status_code == 200
    calendar = icalendar.Calendar.from_ical(feed.content)
    assert str(calendar["METHOD"]) == "PUBLISH"
    [event] = [e for e in calendar.walk("VEVENT") if "Ana Ruiz" in str(e["SUMMARY"])]
    assert "ORGANIZER" not in event and "ATTENDEE" not in event
