"""/plans and /api/plans as a user meets them, on SQLite and PostgreSQL: the demo's plans side
by side; add, rate, edit, promote, delete by form and by API; bad input shown at its plan with
nothing changed; a meeting records the plan it explored."""

from __future__ import annotations

import html

from nextmove.services import plans as plans_service
from nextmove.services import vision as vision_service
from nextmove.services.workspace import Workspace
from tests.web.conftest import AS_OF, BASE, Web

HEADERS = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}


def test_the_demo_plans_are_side_by_side_with_gauges_check_opportunities_and_people(
    demo_web: Web,
) -> None:
    page = demo_web.get(f"/plans?{AS_OF}")
    assert page.status_code == 200
    text_of_page = page.text
    for text in (
        "current path",
        "if it vanished",
        "wild card",
        "Lead Instructor, Product Management",
        "Likeability",
        "Group Product Manager, Patient Experience",  # an opportunity the main plan serves
        "People to meet",
    ):
        assert text in text_of_page, text
    headings = [
        text_of_page.index(f'-h">{name}</h2>')
        for name in ("current path", "if it vanished", "wild card")
    ]
    assert headings == sorted(headings)
    assert ">Add plan</button>" in text_of_page  # two alternatives: room for a third
    assert 'aria-current="page"' in text_of_page


def test_forms_add_rate_promote_and_delete_a_plan(web: Web, web_db: Workspace) -> None:
    added = web.submit("/plans/add", {"name": "wild card", "from": "main"}, page="/plans")
    assert added.status_code == 303
    rated = web.submit(
        "/plans/set",
        {"plan": "wild card", "new_name": "wild card", "confidence": "70", "note": "Teach."},
        page="/plans",
    )
    assert rated.status_code == 303
    plan = vision_service.get_vision(web_db).alternatives[0]
    assert plan.gauges.confidence == 70 and plan.note == "Teach."
    assert web.submit("/plans/promote", {"plan": "wild card"}, page="/plans").status_code == 303
    assert vision_service.get_vision(web_db).plan_name == "wild card"
    gone = web.submit("/plans/delete", {"plan": "current path"}, page="/plans")
    assert gone.status_code == 303
    assert vision_service.get_vision(web_db).alternatives == []


def test_a_bad_gauge_or_a_duplicate_is_shown_on_the_page_and_changes_nothing(
    web: Web, web_db: Workspace
) -> None:
    web.submit("/plans/add", {"name": "wild card"}, page="/plans")
    before = vision_service.export_vision(web_db)
    bad = web.submit(
        "/plans/set",
        {"plan": "wild card", "new_name": "wild card", "coherence": "140"},
        page="/plans",
    )
    assert bad.status_code == 400
    assert "coherence: 140 is outside 0–100" in bad.text and "Not saved" in bad.text
    dupe = web.submit("/plans/add", {"name": "Wild Card"}, page="/plans")
    assert dupe.status_code == 400 and "already a plan named" in dupe.text
    assert vision_service.export_vision(web_db) == before


def test_the_edit_page_saves_a_plan_document_and_shows_problems_with_their_lines(
    web: Web, web_db: Workspace
) -> None:
    web.submit("/plans/add", {"name": "wild card"}, page="/plans")
    page = web.get("/plans/edit?plan=wild+card")
    assert page.status_code == 200 and 'name = "wild card"' in html.unescape(page.text)
    text = 'name = "wild card"\n\n[[steps]]\ntitle = "Instructor"\nlevel = "lead"\n'
    saved = web.submit("/plans/edit", {"plan": "wild card", "text": text}, page="/plans")
    assert saved.status_code == 303
    assert vision_service.get_vision(web_db).alternatives[0].steps[0].title == "Instructor"
    bad = web.submit(
        "/plans/edit",
        {"plan": "wild card", "text": text.replace('"lead"', '"leed"')},
        page="/plans",
    )
    assert bad.status_code == 400 and "line 5" in bad.text and "steps[0].level" in bad.text
    assert vision_service.get_vision(web_db).alternatives[0].steps[0].level == 4
    assert web.get("/plans/edit?plan=nope").status_code == 404


def test_the_api_adds_edits_compares_promotes_and_deletes(demo_web: Web) -> None:
    client = demo_web.client
    third = client.post("/api/plans", json={"name": "third", "from": "main"}, headers=HEADERS)
    assert third.status_code == 201, third.text
    assert len(third.json()["steps"]) == 2
    fourth = client.post("/api/plans", json={"name": "fourth"}, headers=HEADERS)
    assert fourth.status_code == 400 and "already have 3" in fourth.json()["error"]
    assert "You have 3 alternatives" in demo_web.get("/plans").text
    listed = client.get(f"/api/plans?{AS_OF}").json()
    assert [p["name"] for p in listed["plans"]] == [
        "current path",
        "if it vanished",
        "wild card",
        "third",
    ]
    patched = client.patch(
        "/api/plans/wild card", json={"confidence": 55, "note": "Teach."}, headers=HEADERS
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["gauges"]["confidence"] == 55
    bad = client.patch("/api/plans/wild card", json={"confidence": 101}, headers=HEADERS)
    assert bad.status_code in (400, 422)
    compared = client.get(f"/api/plans/compare?{AS_OF}").json()
    assert compared["best_by_gauge"]["likeability"] == "wild card"
    assert all(len(p["people"]) <= 3 for p in compared["plans"])
    assert client.get("/api/plans/nope").status_code == 404
    promoted = client.post("/api/plans/wild card/promote", json={}, headers=HEADERS)
    assert promoted.status_code == 200
    assert promoted.json()["plans"][0]["name"] == "wild card"
    assert client.delete("/api/plans/if it vanished", headers=HEADERS).status_code == 204
    assert client.delete("/api/plans/main", headers=HEADERS).status_code == 400


def test_a_meeting_records_the_plan_it_explores(
    demo_web: Web, web_db: Workspace, today: object
) -> None:
    meeting_id = demo_web.client.get("/api/meetings").json()["meetings"][0]["id"]
    saved = demo_web.submit(f"/meetings/{meeting_id}/plan", {"plan": "wild card"}, page="/plans")
    assert saved.status_code == 303
    page = demo_web.get(f"/meetings/{meeting_id}")
    assert '<option value="wild card" selected>' in page.text
    assert plans_service.meeting_plan(web_db, meeting_id) == "wild card"
    api = demo_web.client.put(
        f"/api/meetings/{meeting_id}/plan", json={"plan": None}, headers=HEADERS
    )
    assert api.status_code == 200 and api.json() == {"meeting_id": meeting_id, "plan": None}
    missing = demo_web.client.put(
        "/api/meetings/99999/plan", json={"plan": "main"}, headers=HEADERS
    )
    assert missing.status_code == 404
