"""Links are untrusted input at every edge (CLI, forms, API): http, https, mailto and tel
only, no control characters. The attacks of issue 19: a meeting link with a line break
(after which its invitation, the whole /calendar.ics feed and `calendar export` failed) and
`javascript:` links on pages. Links stored before the check (release 0.1) are shown as text
and left out of calendars, so nothing that already exists breaks."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime

import icalendar
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update

from nextmove.config import load_settings
from nextmove.services import meetings as meetings_service
from nextmove.services import people as people_service
from nextmove.services.workspace import Workspace
from nextmove.store.meeting_models import Meeting
from nextmove.store.models import Person
from nextmove.web.app import create_app
from tests.web.conftest import AS_OF, BASE, PORT, Web

JSON = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}
NEWLINE_LINK = "https://meet.example.com/abc\nATTENDEE:mailto:attacker@example.com"
SCRIPT = "javascript:alert(document.cookie)"


@pytest.fixture
def cweb(web_db: Workspace, db_url: str) -> Iterator[Web]:
    settings = load_settings(database_url=db_url, email="me@example.com", timezone="UTC")
    with TestClient(create_app(settings, port=PORT, db=web_db), base_url=BASE) as client:
        yield Web(client)


def _scheduled(db: Workspace, today: date, now: datetime) -> int:
    person = people_service.add_person(
        db, {"name": "Ana Ruiz", "add_email": ["ana@example.com"]}, now=now, today=today
    )
    meeting = meetings_service.add_meeting(db, str(person.id), today=today, now=now)
    assert meeting.id is not None
    settings = load_settings(timezone="UTC")
    meetings_service.schedule_meeting(
        db, meeting.id, settings=settings, at="2026-11-24 10:00", day=today, now=now
    )
    return meeting.id


def test_a_meeting_link_with_a_line_break_is_refused_in_the_api_and_the_form(
    cweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _scheduled(web_db, today, now)
    api = cweb.client.post(
        f"/api/meetings/{meeting}/schedule?{AS_OF}",
        json={"at": "2026-11-25 10:00", "link": NEWLINE_LINK},
        headers=JSON,
    )
    assert api.status_code == 400, api.text
    assert "link: the link contains a control character (U+000A" in api.json()["error"]
    form = cweb.submit(
        f"/meetings/{meeting}/schedule?{AS_OF}",
        {"at": "2026-11-25 10:00", "link": NEWLINE_LINK},
        page=f"/meetings/{meeting}",
    )
    assert form.status_code == 400
    assert "control character" in form.text and 'id="e-link"' in form.text
    assert cweb.get("/calendar.ics").status_code == 200
    assert meetings_service.list_meetings(web_db)[0].link == ""


def test_a_bad_link_stored_before_the_check_breaks_no_calendar_and_is_not_clickable(
    cweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    meeting = _scheduled(web_db, today, now)
    with web_db.session() as session:  # as release 0.1 let it in
        session.execute(update(Meeting).values(link=NEWLINE_LINK))
        session.execute(update(Person).values(links=[{"value": SCRIPT, "label": ""}]))
    feed = cweb.get("/calendar.ics")
    assert feed.status_code == 200
    invite = cweb.get(f"/meetings/{meeting}/invite.ics")
    assert invite.status_code == 200
    [event] = icalendar.Calendar.from_ical(invite.content).walk("VEVENT")
    assert "URL" not in event and "attacker" not in invite.text
    page = cweb.get(f"/meetings/{meeting}?{AS_OF}")
    assert page.status_code == 200 and 'href="https://meet.example.com/abc' not in page.text
    person = cweb.get(f"/people/{meetings_service.list_meetings(web_db)[0].person_id}")
    assert person.status_code == 200
    assert 'href="javascript:' not in person.text and "javascript:alert" in person.text


@pytest.mark.parametrize("link", [SCRIPT, "data:text/html,<script>alert(1)</script>"])
def test_script_links_are_refused_for_people_and_opportunities(
    cweb: Web, web_db: Workspace, link: str
) -> None:
    person = cweb.client.post("/api/people", json={"name": "Rosa", "links": [link]}, headers=JSON)
    assert person.status_code == 400 and person.json()["error"].startswith("link: ")
    opp = cweb.client.post(
        "/api/opportunities", json={"title": "Head of X", "link": link}, headers=JSON
    )
    assert opp.status_code == 400 and "links are not allowed, only http" in opp.json()["error"]
    form = cweb.submit("/people/new", {"name": "Rosa", "links": link}, page="/people/new")
    assert form.status_code == 400 and "links are not allowed, only http" in form.text.lower()
    opp_form = cweb.submit(
        "/opportunities/new",
        {"title": "Head of X", "source": "job-board", "link": link},
        page="/opportunities/new",
    )
    assert (
        opp_form.status_code == 400 and "links are not allowed, only http" in opp_form.text.lower()
    )
    assert cweb.client.get("/api/people").json()["people"] == []
    assert cweb.client.get("/api/opportunities").json()["opportunities"] == []


FORMULAS = ['=HYPERLINK("http://x.example","click")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


def test_csv_export_neutralises_formula_cells(
    cweb: Web, web_db: Workspace, today: date, now: datetime
) -> None:
    people_service.add_person(
        web_db,
        {"name": FORMULAS[0], "notes": FORMULAS[1], "organization": FORMULAS[2],
         "title": FORMULAS[3], "city": FORMULAS[4], "industry": FORMULAS[5],
         "add_phone": ["+1 555 0100"]},
        now=now, today=today,
    )  # fmt: skip
    text = cweb.get("/people/export.csv").text
    [row] = list(csv.DictReader(io.StringIO(text)))
    cells = [row[k] for k in ("name", "notes", "organization", "title", "phones")]
    assert cells == ["'" + FORMULAS[0], "'+1+1", "'-2+3", "'@SUM(A1)", "'+1 555 0100"]
    assert all(not v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())
