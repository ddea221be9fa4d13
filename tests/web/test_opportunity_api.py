"""/api/opportunities: the same shapes as `nextmove opp … --json`, on both backends."""

from __future__ import annotations

from datetime import date

from nextmove.formats.opportunity_json import (
    compare_json,
    evaluate_json,
    list_json,
    opportunity_json,
)
from nextmove.services import opportunities as opp_service
from nextmove.services.workspace import Workspace
from tests.web.conftest import AS_OF, BASE, Web

JSON = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}
TODAY = date(2026, 11, 22)


def test_list_has_the_shape_of_opp_list_json(demo_web: Web, web_db: Workspace) -> None:
    response = demo_web.get("/api/opportunities")
    assert response.status_code == 200
    assert response.json() == list_json(*opp_service.list_opportunities(web_db))
    assert response.json()["source_mix"]["network_or_self_created"] == 2


def test_one_opportunity_has_the_shape_of_opp_show_json(demo_web: Web, web_db: Workspace) -> None:
    response = demo_web.get("/api/opportunities/3")
    assert response.json() == opportunity_json(opp_service.get_opportunity(web_db, 3))
    assert demo_web.get("/api/opportunities/99").json()["error"] == "no opportunity with id 99"


def test_evaluation_and_compare_have_the_cli_shapes(demo_web: Web, web_db: Workspace) -> None:
    evaluated = demo_web.get(f"/api/opportunities/evaluation?{AS_OF}").json()
    assert evaluated == evaluate_json(*opp_service.evaluate(web_db, [], today=TODAY))
    one = demo_web.get(f"/api/opportunities/3/evaluation?{AS_OF}").json()
    assert one["verdict"]["key"] == "misaligned"
    assert "impressive-but-misaligned" in [f["code"] for f in one["flags"]]
    compared = demo_web.get(f"/api/opportunities/compare?ids=3&ids=4&{AS_OF}").json()
    assert compared == compare_json(opp_service.compare(web_db, [3, 4], today=TODAY))
    assert compared["best"] == 4
    too_few = demo_web.get("/api/opportunities/compare?ids=3")
    assert too_few.status_code == 400


def test_adding_from_a_posting_fills_the_role(web: Web) -> None:
    response = web.client.post(
        "/api/opportunities",
        json={"posting": "Director of Product\nAcme Health\nLocation: Chicago, IL\n"},
        headers=JSON,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["title"] == "Director of Product"
    assert body["organization"] == "Acme Health"
    assert body["source"] == "job-board"
    assert body["level"]["key"] == "director"


def test_adding_without_a_source_is_a_400_that_says_what_to_give(web: Web) -> None:
    response = web.client.post("/api/opportunities", json={"title": "Head of X"}, headers=JSON)
    assert response.status_code == 400
    body = response.json()
    # The field as the request names it, not as the CLI's option (--source).
    assert (body["error"], body["field"]) == ("source: required", "source")
    assert "job-board" in body["hint"]


def test_status_rating_decision_and_delete(demo_web: Web, web_db: Workspace) -> None:
    status = demo_web.client.post(
        "/api/opportunities/4/status",
        json={"status": "applied", "note": "sent", "date": "2026-11-20"},
        headers=JSON,
    )
    assert status.status_code == 200
    assert status.json()["history"][-1] == {
        "status": "applied",
        "date": "2026-11-20",
        "note": "sent",
    }
    rated = demo_web.client.post(
        "/api/opportunities/4/ratings", json={"priority": "2", "rating": 4}, headers=JSON
    )
    assert rated.json()["priority"] == "career trajectory"
    assert rated.json()["opportunity"]["ratings"]["career trajectory"] == 4
    unknown = demo_web.client.post(
        "/api/opportunities/4/ratings", json={"priority": "golf", "rating": 4}, headers=JSON
    )
    assert unknown.status_code == 400
    decided = demo_web.client.post(
        "/api/opportunities/4/decisions",
        json={"choice": "accept", "why": "It fits all three priorities."},
        headers=JSON,
    )
    assert decided.status_code == 201
    assert decided.json()["status"] == "accepted"
    assert demo_web.client.delete("/api/opportunities/4", headers=JSON).status_code == 204
    assert demo_web.client.delete("/api/opportunities/4", headers=JSON).status_code == 404


def test_text_the_database_cannot_store_is_a_400(web: Web) -> None:
    response = web.client.post(
        "/api/opportunities", json={"title": "A\x00B", "source": "recruiter"}, headers=JSON
    )
    assert response.status_code == 400
    assert "NUL" in response.json()["error"]


def test_patch_changes_only_the_fields_given(demo_web: Web, web_db: Workspace) -> None:
    before = opp_service.get_opportunity(web_db, 2)
    response = demo_web.client.patch(
        "/api/opportunities/2",
        json={"level": 5, "involves": ["coaching junior PMs"], "city": ""},
        headers=JSON,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["level"]["key"] == "manager"
    assert body["involves"] == ["coaching junior PMs"]
    assert body["title"] == before.title
    assert body["organization"] == before.organization
    assert demo_web.client.patch("/api/opportunities/2", json={}, headers=JSON).status_code == 400
