"""/api/meetings and /api/tasks: the same shapes as `nextmove meeting … --json`, both backends."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import icalendar
import pytest
from fastapi.testclient import TestClient

from nextmove.config import load_settings
from nextmove.domain.edits import PersonEdit
from nextmove.formats.meeting_json import meeting_detail_json, meeting_json
from nextmove.services import meetings as meeting_service
from nextmove.services import people as people_service
from nextmove.services.workspace import Workspace
from nextmove.web.app import create_app
from tests.web.conftest import AS_OF, BASE, PORT

JSON = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}
ZONE = "Europe/Berlin"


@pytest.fixture
def api(web_db: Workspace, db_url: str) -> Iterator[TestClient]:
    settings = load_settings(database_url=db_url, email="me@example.com", timezone=ZONE)
    with TestClient(create_app(settings, port=PORT, db=web_db), base_url=BASE) as client:
        yield client


@pytest.fixture
def ana(web_db: Workspace, today: date, now: datetime) -> int:
    person = people_service.add_person(
        web_db,
        PersonEdit(
            name="Ana Ruiz",
            title="VP Product",
            organization="Caremark",
            add_emails=("ana@example.com",),
        ),
        now=now,
        today=today,
    )
    assert person.id is not None
    return person.id


def _plan(api: TestClient, person: int | str) -> dict:  # type: ignore[type-arg]
    key = "person_id" if isinstance(person, int) else "person"
    response = api.post(
        "/api/meetings?as_of=2026-11-01", json={key: person, "why": "your path"}, headers=JSON
    )
    assert response.status_code == 201, response.text
    return response.json()  # type: ignore[no-any-return]


def test_planning_returns_the_idea_in_the_shape_of_meeting_list_json(
    api: TestClient, web_db: Workspace, ana: int
) -> None:
    created = _plan(api, "Ana Ruiz")
    assert created["person"] == {"id": ana, "name": "Ana Ruiz"}
    assert (created["state"], created["mode"], created["why"]) == ("idea", "video", "your path")
    listed = api.get(f"/api/meetings?{AS_OF}").json()
    [meeting] = meeting_service.list_meetings(web_db)
    assert listed == {"meetings": [meeting_json(meeting)]}
    assert api.get("/api/meetings?state=held").json() == {"meetings": []}
    twice = api.post("/api/meetings", json={"person_id": ana}, headers=JSON)
    assert twice.status_code == 400 and "already has an open meeting" in twice.json()["error"]
    nobody = api.post("/api/meetings", json={"person": "99999999999"}, headers=JSON)
    assert nobody.status_code == 404
    assert api.post("/api/meetings", json={}, headers=JSON).status_code == 400


def test_one_meeting_has_the_shape_of_meeting_show_json(
    api: TestClient, web_db: Workspace, ana: int, today: date
) -> None:
    meeting_id = _plan(api, ana)["id"]
    shown = api.get(f"/api/meetings/{meeting_id}?{AS_OF}").json()
    d = meeting_service.show_meeting(web_db, meeting_id, settings=load_settings(), today=today)
    assert shown == meeting_detail_json(
        d.meeting,
        nudge=d.nudge,
        drafts=d.drafts,
        thanks_due_on=d.thanks_due_on,
        insights=d.insights,
        referrals=d.referrals,
        tasks=d.tasks,
        chain=d.chain,
        vision=d.vision,
    )
    assert shown["drafts"] == ["request"]
    missing = api.get("/api/meetings/4242")
    assert missing.status_code == 404 and missing.json()["error"] == "no meeting 4242"


def test_steps_schedule_and_the_invitation_round_trip(api: TestClient, ana: int) -> None:
    meeting_id = _plan(api, ana)["id"]
    step = api.post(
        f"/api/meetings/{meeting_id}/state",
        json={"state": "requested", "date": "2026-11-10"},
        headers=JSON,
    )
    assert step.status_code == 200 and step.json()["state"] == "requested"
    assert step.json()["history"][-1] == {"state": "requested", "on": "2026-11-10"}
    refused = api.post(
        f"/api/meetings/{meeting_id}/state", json={"state": "followed-up"}, headers=JSON
    )
    assert refused.status_code == 400
    assert (
        refused.json()["error"]
        == f"meeting {meeting_id} is requested; it cannot become followed-up"
    )
    assert api.get(f"/api/meetings/{meeting_id}/invite.ics").status_code == 400
    scheduled = api.post(
        f"/api/meetings/{meeting_id}/schedule?{AS_OF}",
        json={"at": "2026-11-24 10:00", "minutes": 45, "link": "https://meet.example.com/x"},
        headers=JSON,
    ).json()
    assert scheduled["starts_at"] == "2026-11-24T09:00:00+00:00"
    assert (scheduled["state"], scheduled["minutes"], scheduled["sequence"]) == ("scheduled", 45, 0)
    again = api.post(
        f"/api/meetings/{meeting_id}/schedule", json={"at": "2026-11-24 11:00"}, headers=JSON
    ).json()
    assert again["sequence"] == 1
    ics = api.get(f"/api/meetings/{meeting_id}/invite.ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(ics.content)
    assert str(calendar["METHOD"]) == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert str(event["ATTENDEE"]).lower() == "mailto:ana@example.com"
    assert event.decoded("DTSTART").isoformat() == "2026-11-24T11:00:00+01:00"
    assert int(event["SEQUENCE"]) == 1
    gap = api.post(
        f"/api/meetings/{meeting_id}/schedule", json={"at": "2027-03-28 02:30"}, headers=JSON
    )
    assert gap.status_code == 400 and "does not exist in Europe/Berlin" in gap.json()["error"]
    far = api.post(
        f"/api/meetings/{meeting_id}/schedule", json={"at": "0001-01-01 00:10"}, headers=JSON
    )
    assert far.status_code == 400


def test_slots_drafts_and_the_agenda(api: TestClient, ana: int) -> None:
    meeting_id = _plan(api, ana)["id"]
    slots = api.get(f"/api/meetings/{meeting_id}/slots?days=5&{AS_OF}").json()
    assert (slots["meeting_id"], slots["timezone"], slots["minutes"]) == (meeting_id, ZONE, 30)
    assert slots["slots"] and slots["slots"][0]["start"].startswith("2026-11-23T")
    no_outline = api.get(f"/api/meetings/{meeting_id}/drafts/request")
    assert no_outline.status_code == 400 and "rough outline" in no_outline.json()["error"]
    agenda = api.get(f"/api/meetings/{meeting_id}/agenda").json()
    assert agenda["agenda"].startswith("# 30 minutes with Ana Ruiz")
    put = api.put(
        f"/api/meetings/{meeting_id}/agenda", json={"agenda": "1. Their path"}, headers=JSON
    )
    assert put.json() == {"meeting_id": meeting_id, "agenda": "1. Their path"}
    assert api.get(f"/api/meetings/{meeting_id}/agenda").json()["agenda"] == "1. Their path"


def test_a_draft_has_its_subject_and_body(demo_web) -> None:  # type: ignore[no-untyped-def]
    draft = demo_web.get(f"/api/meetings/2/drafts/request?{AS_OF}").json()
    assert draft["subject"] == "30 minutes of your advice (Ana Ruiz suggested I ask)"
    assert draft["text"] == f"Subject: {draft['subject']}\n\n{draft['body']}"


def test_notes_insights_referrals_and_tasks_round_trip(
    api: TestClient, web_db: Workspace, ana: int
) -> None:
    meeting_id = _plan(api, ana)["id"]
    note = api.post(
        f"/api/meetings/{meeting_id}/notes?{AS_OF}", json={"text": "Owns scheduling"}, headers=JSON
    )
    assert note.status_code == 201 and note.json()["notes"] == "2026-11-22: Owns scheduling"
    insight = api.post(
        f"/api/meetings/{meeting_id}/insights?{AS_OF}",
        json={"text": "Lead a launch first", "affects": "choice:city"},
        headers=JSON,
    )
    assert insight.status_code == 201
    assert insight.json()["affects"] == "choice:city"
    assert insight.json()["affects_label"] == "stay or change city: open"
    referral = api.post(
        f"/api/meetings/{meeting_id}/referrals?{AS_OF}",
        json={"name": "Maria Lopez", "organization": "Acme Health"},
        headers=JSON,
    )
    assert referral.status_code == 201
    body = referral.json()
    assert body["created_person"] is True and body["already_referred"] is False
    maria = people_service.show_person(web_db, "Maria Lopez").person
    assert body["person"] == {"id": maria.id, "name": "Maria Lopez"}
    idea = api.get(f"/api/meetings/{body['meeting_id']}").json()
    assert idea["state"] == "idea" and [c["name"] for c in idea["chain"]] == [
        "Ana Ruiz",
        "Maria Lopez",
    ]
    task = api.post(
        f"/api/meetings/{meeting_id}/tasks",
        json={"text": "Send the deck", "due": "2026-11-29"},
        headers=JSON,
    )
    assert task.status_code == 201 and task.json()["due"] == "2026-11-29"
    done = api.post(f"/api/tasks/{task.json()['id']}/done?{AS_OF}", json={}, headers=JSON)
    assert done.json()["done"] == "2026-11-22"
    assert api.post("/api/tasks/4242/done", json={}, headers=JSON).status_code == 404
    shown = api.get(f"/api/meetings/{meeting_id}").json()
    assert [r["person"]["name"] for r in shown["referrals"]] == ["Maria Lopez"]
    assert [t["text"] for t in shown["tasks"]] == ["Send the deck"]


def test_deleting_a_meeting_keeps_the_people(api: TestClient, web_db: Workspace, ana: int) -> None:
    meeting_id = _plan(api, ana)["id"]
    assert api.delete(f"/api/meetings/{meeting_id}", headers=JSON).status_code == 204
    assert api.get(f"/api/meetings/{meeting_id}").status_code == 404
    assert api.delete(f"/api/meetings/{meeting_id}", headers=JSON).status_code == 404
    assert people_service.show_person(web_db, str(ana)).person.name == "Ana Ruiz"
