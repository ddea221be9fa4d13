"""The JSON API: the same operations and shapes as the CLI's --json, on both backends."""

from __future__ import annotations

from typing import Any

from nextmove.formats.json_shapes import vision_json
from nextmove.services import vision as vision_service
from nextmove.services.workspace import Workspace
from tests.web.conftest import AS_OF, BASE, Web

JSON = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}


def _put(web: Web, body: dict[str, Any]):  # type: ignore[no-untyped-def]
    return web.client.put("/api/vision", json=body, headers=JSON)


def test_get_vision_has_the_shape_of_vision_show_json(demo_web: Web, web_db: Workspace) -> None:
    response = demo_web.get("/api/vision")
    assert response.status_code == 200
    assert response.json() == vision_json(vision_service.get_vision(web_db))
    assert [p["rank"] for p in response.json()["priorities"]] == [1, 2, 3]


def test_putting_back_what_get_returned_changes_nothing(demo_web: Web) -> None:
    before = demo_web.get("/api/vision").json()
    response = _put(demo_web, before)
    assert response.status_code == 200
    assert response.json() == before
    assert demo_web.get("/api/vision").json() == before


def test_put_accepts_levels_as_keys_or_ranks(web: Web) -> None:
    body = {
        "me": {"name": "Ana", "title": "Analyst", "level": 2, "function": "data"},
        "steps": [
            {"title": "Senior Analyst", "level": "senior", "function": "data"},
            {"title": "Analytics Manager", "level": {"key": "manager"}, "function": "data"},
        ],
        "priorities": [{"name": "family life"}, {"name": "mission", "note": "health"}],
        "choices": {"city": "stay"},
    }
    response = _put(web, body)
    assert response.status_code == 200
    shown = response.json()
    assert shown["me"]["level"] == {"rank": 2, "key": "mid", "label": "Mid-level"}
    assert [s["level"]["key"] for s in shown["steps"]] == ["senior", "manager"]
    assert shown["choices"] == {"industry": "open", "company": "open", "city": "stay"}


def test_a_bad_vision_is_refused_with_each_field_named_and_nothing_changes(
    demo_web: Web,
) -> None:
    before = demo_web.get("/api/vision").json()
    body = dict(before)
    body["steps"] = [dict(before["steps"][0], level="wizard"), before["steps"][1]]
    body["priorities"] = [*before["priorities"], {"name": "mission"}]
    response = _put(demo_web, body)
    assert response.status_code == 400
    error = response.json()
    assert error["error"].startswith("request body: 2 problems")
    assert error["hint"]
    fields = {p["field"] for p in error["problems"]}
    assert fields == {"steps[0].level", "priorities"}
    assert demo_web.get("/api/vision").json() == before


def test_the_check_names_a_vague_next_step(web: Web) -> None:
    _put(web, {"steps": [{"title": "open to anything"}]})
    check = web.get(f"/api/vision/check?{AS_OF}").json()
    assert check["ok"] is False
    assert "vague-outline" in {f["code"] for f in check["findings"]}
    assert all(f["advice"] for f in check["findings"])


def test_the_demo_vision_passes_the_check(demo_web: Web) -> None:
    check = demo_web.get(f"/api/vision/check?{AS_OF}").json()
    plans = check.pop("plans")
    assert check == {"ok": True, "weaknesses": 0, "notes": 0, "findings": []}
    assert [(p["name"], p["main"], p["findings"]) for p in plans] == [
        ("current path", True, []),
        ("if it vanished", False, []),
        ("wild card", False, []),
    ]


def test_journal_entries_can_be_added_listed_and_deleted(web: Web) -> None:
    created = web.client.post(
        f"/api/journal/entries?{AS_OF}",
        json={"activity": "customer interviews", "energy": 2, "flow": True, "themes": ["research"]},
        headers=JSON,
    )
    assert created.status_code == 201
    entry = created.json()
    assert entry["date"] == "2026-11-22" and entry["engagement"] == 3
    listed = web.get(f"/api/journal/entries?{AS_OF}").json()
    assert listed == [entry]
    assert web.client.delete(f"/api/journal/entries/{entry['id']}", headers=JSON).status_code == 204
    missing = web.client.delete(f"/api/journal/entries/{entry['id']}", headers=JSON)
    assert missing.status_code == 404
    assert missing.json() == {
        "error": f"no journal entry with id {entry['id']}",
        "hint": "`nextmove journal list` shows ids.",
    }


def test_an_entry_out_of_range_is_refused(web: Web) -> None:
    response = web.client.post(
        "/api/journal/entries", json={"activity": "x", "energy": 5}, headers=JSON
    )
    assert response.status_code == 422
    assert response.json()["error"] == "the request is not valid"


def test_the_summary_has_the_shape_of_journal_summary_json(demo_web: Web) -> None:
    summary = demo_web.get(f"/api/journal/summary?{AS_OF}&days=30&limit=3").json()
    assert summary["from"] == "2026-10-24" and summary["to"] == "2026-11-22"
    assert set(summary) == {
        "from",
        "to",
        "entries",
        "mean_energy",
        "flow_entries",
        "energizing",
        "draining",
        "themes",
    }
    assert summary["energizing"][0]["name"] == "customer interviews"
    assert len(summary["draining"]) <= 3
    assert set(summary["themes"]) == {"energizing", "draining"}


def test_the_openapi_schema_covers_every_api_operation_and_no_page(web: Web) -> None:
    schema = web.get("/api/openapi.json").json()
    operations = {(path, method) for path, ops in schema["paths"].items() for method in ops}
    assert operations == {
        ("/api/vision", "get"),
        ("/api/vision", "put"),
        ("/api/vision/check", "get"),
        ("/api/plans", "get"),
        ("/api/plans", "post"),
        ("/api/plans/compare", "get"),
        ("/api/plans/{name}", "get"),
        ("/api/plans/{name}", "patch"),
        ("/api/plans/{name}", "delete"),
        ("/api/plans/{name}/promote", "post"),
        ("/api/meetings/{meeting_id}/plan", "put"),
        ("/api/settings", "get"),
        ("/api/settings", "patch"),
        ("/api/journal/entries", "get"),
        ("/api/journal/entries", "post"),
        ("/api/journal/entries/{entry_id}", "delete"),
        ("/api/journal/summary", "get"),
        ("/api/opportunities", "get"),
        ("/api/opportunities", "post"),
        ("/api/opportunities/evaluation", "get"),
        ("/api/opportunities/compare", "get"),
        ("/api/opportunities/{opp_id}", "get"),
        ("/api/opportunities/{opp_id}", "delete"),
        ("/api/opportunities/{opp_id}", "patch"),
        ("/api/opportunities/{opp_id}/evaluation", "get"),
        ("/api/opportunities/{opp_id}/status", "post"),
        ("/api/opportunities/{opp_id}/ratings", "post"),
        ("/api/opportunities/{opp_id}/decisions", "post"),
        ("/api/opportunities/{opp_id}/people", "get"),
        ("/api/opportunities/{opp_id}/people", "post"),
        ("/api/opportunities/{opp_id}/people/{person_id}", "delete"),
        ("/api/opportunities/{opp_id}/meetings", "post"),
        ("/api/suggestions", "get"),
        ("/api/moves", "get"),
        ("/api/people/{person_id}/paths", "get"),
        ("/api/today", "get"),
        ("/api/round", "get"),
        ("/api/round", "post"),
        ("/api/board", "get"),
        ("/api/board/{seat}", "put"),
        ("/api/board/{seat}", "delete"),
        ("/api/board/{seat}/chat", "post"),
        ("/api/people", "get"),
        ("/api/people", "post"),
        ("/api/people/{person_id}", "get"),
        ("/api/people/{person_id}", "patch"),
        ("/api/people/{person_id}", "delete"),
        ("/api/people/{person_id}/export", "get"),
        ("/api/people/{person_id}/touches", "post"),
        ("/api/people/{person_id}/ties", "post"),
        ("/api/people/picks", "get"),
        ("/api/people/{person_id}/chain", "get"),
        ("/api/people/{person_id}/merge", "post"),
        ("/api/people/{person_id}/keep", "put"),
        ("/api/keep", "get"),
        ("/api/imports", "post"),
        ("/api/imports/{job_id}", "get"),
        ("/api/moves", "get"),
        ("/api/meetings", "get"),
        ("/api/meetings", "post"),
        ("/api/meetings/{meeting_id}", "get"),
        ("/api/meetings/{meeting_id}", "delete"),
        ("/api/meetings/{meeting_id}/state", "post"),
        ("/api/meetings/{meeting_id}/schedule", "post"),
        ("/api/meetings/{meeting_id}/slots", "get"),
        ("/api/meetings/{meeting_id}/drafts/{kind}", "get"),
        ("/api/meetings/{meeting_id}/agenda", "get"),
        ("/api/meetings/{meeting_id}/agenda", "put"),
        ("/api/meetings/{meeting_id}/notes", "post"),
        ("/api/meetings/{meeting_id}/insights", "post"),
        ("/api/meetings/{meeting_id}/referrals", "post"),
        ("/api/meetings/{meeting_id}/tasks", "post"),
        ("/api/tasks/{task_id}/done", "post"),
        ("/api/meetings/{meeting_id}/invite.ics", "get"),
        ("/api/me", "get"),
        ("/api/me/sessions", "delete"),
        ("/api/audit", "get"),
        ("/api/coach/clients", "get"),
        ("/api/coach/clients/{workspace_id}/notes", "get"),
        ("/api/coach/clients/{workspace_id}/notes", "put"),
        ("/api/coach/invitations", "post"),
        ("/api/invitations", "get"),
        ("/api/invitations/{invitation_id}/accept", "post"),
        ("/api/invitations/{invitation_id}", "delete"),
        ("/api/comments", "get"),
        ("/api/comments", "post"),
        ("/api/comments/{comment_id}/resolve", "post"),
        ("/api/program", "get"),
    }
    assert {"VisionCreate", "VisionPublic", "JournalEntryCreate", "JournalEntryPublic"} <= set(
        schema["components"]["schemas"]
    )


def test_text_the_database_cannot_store_is_a_clear_400_on_every_backend(web: Web) -> None:
    vision = _put(web, {"me": {"name": "Ana\u0000"}})
    assert vision.status_code == 400
    assert vision.json()["problems"] == [
        {"field": "me.name", "message": "contains a NUL character"}
    ]
    long_title = _put(web, {"steps": [{"title": "x" * 301}]})
    assert long_title.status_code == 400
    entry = web.client.post(
        "/api/journal/entries",
        json={"activity": "planning", "energy": 1, "note": "a\u0000b"},
        headers=JSON,
    )
    assert entry.status_code == 400
    assert entry.json()["error"] == "note: contains a NUL character"
