"""/api/today, /api/round and /api/board: the shapes of the CLI's `--json`, round trips, and
errors, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from nextmove.config import load_settings
from nextmove.domain.edits import PersonEdit
from nextmove.formats.digest_json import board_json, round_progress_json, today_json
from nextmove.services import board as board_service
from nextmove.services import meeting_rounds
from nextmove.services import people as people_service
from nextmove.services import today as today_service
from nextmove.services.workspace import Workspace
from tests.web.conftest import AS_OF, BASE, Web

TODAY = date(2026, 11, 22)
JSON = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}


def call(web: Web, method: str, url: str, body: dict[str, Any] | None = None):  # type: ignore[no-untyped-def]
    return web.client.request(method, url, json=body, headers=JSON)


def test_api_today_is_the_digest_as_today_json(
    demo_web: Web, web_db: Workspace, now: datetime
) -> None:
    answer = demo_web.get(f"/api/today?{AS_OF}")
    assert answer.status_code == 200
    body = answer.json()
    digest = today_service.build_digest(web_db, settings=load_settings(), today=TODAY, now=now)
    assert body == today_json(digest)
    assert [m["person"]["name"] for m in body["meetings_this_week"]] == ["Priya Nayak"]
    assert [m["person"]["name"] for m in body["nudges_due"]] == ["Tom Berg"]
    assert [s["person"]["name"] for s in body["advisors_due"]] == ["Sofia Rossi"]
    assert body["advisors_due"][0]["status"]["state"] == "overdue"
    assert body["contacts_due"][0] == {
        "person": {"id": people_service.resolve(web_db, "Elif Gill"), "name": "Elif Gill"},
        "state": "overdue",
        "due_on": body["contacts_due"][0]["due_on"],
        "overdue_on": "2025-12-22",
        "days_since": body["contacts_due"][0]["days_since"],
        "snoozed": False,
        "tier": "A",
        "tie_strength": 2,
        "plan_relevance": body["contacts_due"][0]["plan_relevance"],
    }
    assert all(0 <= c["plan_relevance"] <= 1 for c in body["contacts_due"])
    # Who to reach first: tier A before B before C, then the longest overdue.
    tiers = [c["tier"] or "Z" for c in body["contacts_due"]]
    assert tiers == sorted(tiers)
    assert body["next_people"][0]["person"]["name"] == "Tom Becker"
    assert body["round"] is None


def test_api_round_previews_without_saving_then_saves_and_shows_progress(
    demo_web: Web, web_db: Workspace
) -> None:
    assert demo_web.get("/api/round").json() is None
    preview = call(
        demo_web, "POST", f"/api/round?{AS_OF}", {"size": 4, "weeks": 2, "dry_run": True}
    )
    assert preview.status_code == 200
    plan = preview.json()
    assert plan["round_id"] is None
    assert len(plan["slots"]) == 4
    assert {s["week"] for s in plan["slots"]} == {1, 2}
    assert plan["slots"][0]["suggestion"]["person"]["name"] == "Tom Becker"
    assert plan["slots"][0]["why_chosen"]
    assert demo_web.get("/api/round").json() is None

    saved = call(demo_web, "POST", f"/api/round?{AS_OF}", {"size": 4, "weeks": 2})
    assert saved.status_code == 200
    assert saved.json()["round_id"] == 1
    shown = demo_web.get("/api/round").json()
    assert shown == round_progress_json(meeting_rounds.round_progress(web_db, 1))
    assert shown["totals"]["idea"] == 4
    assert set(shown["per_week"]) == {"1", "2"}


def test_api_round_on_an_empty_workspace_says_what_to_do(web: Web) -> None:
    answer = call(web, "POST", "/api/round", {"dry_run": True})
    assert answer.status_code == 400
    assert answer.json()["error"] == "no one to plan a round with yet"
    assert call(web, "POST", "/api/round", {"size": 31}).status_code == 422


def test_api_board_round_trip_set_chat_clear(
    demo_web: Web, web_db: Workspace, now: datetime
) -> None:
    board = demo_web.get(f"/api/board?{AS_OF}").json()
    seats = board_service.show_board(web_db, settings=load_settings(), today=TODAY, now=now)
    assert board == board_json(seats)
    assert [s["person"]["name"] if s["person"] else None for s in board["seats"]] == [
        "Sofia Rossi",
        "Ana Ruiz",
        None,
    ]
    assert board["seats"][0]["checkin"]["subject"] == "Coffee soon?"
    assert len(board["seats"][0]["slots"]) == 3
    assert board["seats"][2]["candidates"][0]["name"] == "Tom Becker"

    tom = board["seats"][2]["candidates"][0]["id"]
    put = call(
        demo_web,
        "PUT",
        f"/api/board/3?{AS_OF}",
        {"person": tom, "why": "knows the role", "cadence_days": 60, "last_chat_on": "2026-10-01"},
    )
    assert put.status_code == 200
    seat = put.json()
    assert seat["person"] == {"id": tom, "name": "Tom Becker"}
    assert seat["cadence_days"] == 60 and seat["last_chat_on"] == "2026-10-01"
    assert seat["status"]["state"] == "due"

    chat = call(demo_web, "POST", f"/api/board/3/chat?{AS_OF}", {"date": "2026-11-21"})
    assert chat.status_code == 200
    assert chat.json()["last_chat_on"] == "2026-11-21"
    assert chat.json()["status"]["state"] == "ok"
    assert demo_web.get(f"/api/board?{AS_OF}").json()["seats"][2]["last_chat_on"] == "2026-11-21"

    assert call(demo_web, "DELETE", "/api/board/3").status_code == 204
    assert demo_web.get(f"/api/board?{AS_OF}").json()["seats"][2]["person"] is None
    gone = call(demo_web, "DELETE", "/api/board/3")
    assert gone.status_code == 404 and gone.json()["error"] == "seat 3 is empty"
    assert call(demo_web, "POST", "/api/board/3/chat", {}).status_code == 404


def test_api_board_set_by_name_and_its_errors(
    demo_web: Web, web_db: Workspace, now: datetime
) -> None:
    by_name = call(demo_web, "PUT", "/api/board/3", {"person": "Nora Kim", "why": "design"})
    assert by_name.status_code == 200 and by_name.json()["person"]["name"] == "Nora Kim"
    unknown = call(demo_web, "PUT", "/api/board/3", {"person": "Nobody Atall", "why": "x"})
    assert unknown.status_code == 404
    people_service.add_person(web_db, PersonEdit(name="Nora Kim"), now=now, today=TODAY)
    ambiguous = call(demo_web, "PUT", "/api/board/2", {"person": "Nora Kim", "why": "x"})
    assert ambiguous.status_code == 409
    assert "2 people are called 'Nora Kim'" in ambiguous.json()["error"]
    blank_why = call(demo_web, "PUT", "/api/board/2", {"person": "Ana Ruiz", "why": "  "})
    assert blank_why.status_code == 400
    assert (
        call(demo_web, "PUT", "/api/board/4", {"person": "Ana Ruiz", "why": "x"}).status_code == 422
    )
    assert (
        call(demo_web, "PUT", "/api/board/2", {"person": "Ana Ruiz", "why": "x", "cadence_days": 0})
    ).status_code == 422
