"""A meeting's page in stages (prepare, schedule, after the meeting), its agenda as Markdown,
a confirmation before marking a meeting held ahead of its time, no meeting with yourself,
and an invitation that says what it is missing — on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import date, datetime

import icalendar

from nextmove.services import meetings as meeting_service
from nextmove.services import people as people_service
from nextmove.services.workspace import Workspace
from tests.web.conftest import AS_OF, Web
from tests.web.test_meeting_pages import _person, _plan, _post, _seen


def _open_stages(html: str) -> set[str]:
    return set(re.findall(r'<details class="stage" id="stage-(\w+)" open>', html))


def _line(html: str, key: str) -> str:
    """A stage's summary line: what its collapsed section says it holds."""
    found = re.search(
        rf'<details class="stage" id="stage-{key}".*?<span class="muted stage-what">(.*?)</span>',
        html,
        re.S,
    )
    assert found, key
    return found.group(1)


def _page(web: Web, meeting: int) -> str:
    return web.get(f"/meetings/{meeting}?{AS_OF}").text


def test_an_idea_opens_prepare_only_with_the_request_to_send(
    web: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(web, _person(web_db, today, now))
    page = _page(web, meeting)
    assert _open_stages(page) == {"prepare"}
    assert "The request to copy" in page
    assert _line(page, "prepare").startswith("the request to send")
    assert _line(page, "schedule") == "no time yet: send the request first"


def test_a_request_opens_schedule_only_and_says_whether_the_nudge_is_due(
    web: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(web, _person(web_db, today, now))
    _post(web, meeting, "state", {"state": "requested", "date": "2026-11-10"})
    page = _page(web, meeting)
    assert _open_stages(page) == {"schedule"}
    assert _line(page, "prepare").startswith("request sent 2026-11-10")
    assert _line(page, "schedule") == "no time yet: the nudge is due"
    recent = _plan(web, _person(web_db, today, now, name="Li Wei"))
    _post(web, recent, "state", {"state": "requested", "date": "2026-11-21"})
    assert _line(_page(web, recent), "schedule") == "no time yet: waiting for a reply"


def test_a_scheduled_meeting_opens_prepare_only_its_time_on_the_schedule_line(
    web: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(web, _person(web_db, today, now))
    scheduled = _post(web, meeting, "schedule", {"at": "2026-11-24 10:00", "mode": "in-person"})
    assert scheduled.status_code == 303
    # It lands on the notice, not on an anchor inside Schedule (a browser opens a collapsed
    # section to show the target of a link, which would leave two sections open).
    location = scheduled.headers["location"]
    assert location.endswith("#scheduled-notice")
    assert 'id="scheduled-notice"' in web.get(location.split("#")[0]).text
    page = _page(web, meeting)
    # Only the agenda's section is open: the time is read from the collapsed one's line.
    assert _open_stages(page) == {"prepare"}
    assert _line(page, "schedule") == "Tue 24 Nov 10:00, in person"
    assert "<h2" in page.split('id="stage-prepare"')[1].split("</summary>")[0]
    assert (
        '<span class="tag">now</span>' in page.split('id="stage-prepare"')[1].split("</summary>")[0]
    )
    # Its agenda is in the open section.
    assert page.index('id="agenda"') > page.index('id="stage-prepare"')
    # A refused schedule form opens Schedule instead, still one section.
    refused = _post(web, meeting, "schedule", {"at": "not a time"})
    assert refused.status_code == 400
    assert _open_stages(refused.text) == {"schedule"}


def test_held_and_followed_up_open_after_only_with_what_is_recorded(
    web: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(web, _person(web_db, today, now))
    _post(web, meeting, "state", {"state": "requested", "date": "2026-11-10"})
    _post(web, meeting, "state", {"state": "held", "date": "2026-11-20"})
    page = _page(web, meeting)
    assert _open_stages(page) == {"after"}
    assert "The thank-you to copy" in page
    assert _line(page, "after").startswith("thank-you due ")
    assert _post(web, meeting, "notes", {"text": "Talk to Maria"}).status_code == 303
    assert (
        _post(web, meeting, "tasks", {"text": "Send deck", "due": "2026-12-01"}).status_code == 303
    )
    _post(web, meeting, "state", {"state": "followed-up", "date": "2026-11-21"})
    page = _page(web, meeting)
    assert _open_stages(page) == {"after"}
    assert _line(page, "after") == "1 note, 1 open task"
    # A refused form opens its own section, whatever the state.
    refused = _post(web, meeting, "tasks", {"text": "", "due": "2026-12-01"})
    assert refused.status_code == 400
    assert _open_stages(refused.text) == {"after"}


def test_a_refused_after_form_on_an_idea_opens_after_alone(
    web: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(web, _person(web_db, today, now))
    refused = _post(web, meeting, "notes", {"text": ""})
    assert refused.status_code == 400
    assert _open_stages(refused.text) == {"after"}


def test_closed_meetings_keep_every_section_collapsed(
    web: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    for state in ("declined", "no-reply"):
        meeting = _plan(web, _person(web_db, today, now, name=f"Someone {state}"))
        _post(web, meeting, "state", {"state": "requested", "date": "2026-11-01"})
        _post(web, meeting, "state", {"state": state, "date": "2026-11-15"})
        page = _page(web, meeting)
        assert _open_stages(page) == set(), state
        assert '<span class="tag">now</span>' not in page


def test_the_agenda_is_rendered_from_markdown_with_html_escaped(
    web: Web, web_db: Workspace, today: date, now: datetime
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
    web: Web, web_db: Workspace, today: date, now: datetime
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
    web: Web, web_db: Workspace, today: date, now: datetime
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


def test_no_meeting_with_yourself(web: Web, web_db: Workspace, today: date, now: datetime) -> None:
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
    web: Web, web_db: Workspace, today: date, now: datetime
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
    web: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _plan(web, _person(web_db, today, now, add_email=["ana@example.com"]))  # type: ignore[arg-type]
    _post(web, meeting, "schedule", {"at": "2026-11-24 10:00"})
    feed = web.get(f"/calendar.ics?{AS_OF}")
    assert feed.status_code == 200
    calendar = icalendar.Calendar.from_ical(feed.content)
    assert str(calendar["METHOD"]) == "PUBLISH"
    [event] = [e for e in calendar.walk("VEVENT") if "Ana Ruiz" in str(e["SUMMARY"])]
    assert "ORGANIZER" not in event and "ATTENDEE" not in event
