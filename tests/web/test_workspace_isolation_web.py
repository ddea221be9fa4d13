"""Two workspaces behind one web app, on SQLite and PostgreSQL: every page and every GET
/api route (walked from the app's routes and its OpenAPI document) shows nothing of the
other workspace; the other's ids in an address, a form or an API call are "not found" and
change nothing; deleting one workspace leaves the other as it was.

The default workspace holds the demo; "other" is filled through the CLI by
tests/cli/test_workspace_isolation_cli.py's `fill_other` (every row named "Otherland")."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute

from nextmove.services import meetings as meetings_service
from nextmove.services import opportunities as opportunities_service
from nextmove.services import people as people_service
from nextmove.services import vision as vision_service
from nextmove.services.workspace import Workspace, open_workspace
from nextmove.web.routes import ROUTERS
from tests.cli.test_workspace_isolation_cli import MARK, counts, fill_other
from tests.conftest import Cli
from tests.web.conftest import AS_OF, BASE, PORT, Web

COOKIE = f"nextmove_workspace_{PORT}"
ID_PARAMS = {"person_id", "meeting_id", "opp_id", "entry_id", "task_id"}
# Not about one workspace's rows: the same in every workspace (the demo page describes the
# demo's persona, whatever the workspace holds).
SHARED_PATHS = {"/api/openapi.json", "/demo"}


def route_templates(web: Web) -> list[str]:
    """Every GET route of the app: the pages and the API (from its OpenAPI document)."""
    pages = [
        route.path
        for router in ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute) and "GET" in route.methods
    ]
    schema = web.get("/api/openapi.json").json()
    api = [path for path, methods in schema["paths"].items() if "get" in methods]
    assert len(api) > 20
    return sorted(set(pages + api) - SHARED_PATHS)


def fill(template: str, ids: dict[str, int]) -> str:
    fixed = {"seat": "1", "kind": "request", "job_id": "0123456789abcdef"}

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(ids[name]) if name in ids else fixed.get(name, "1")

    return re.sub(r"\{(\w+)(?::\w+)?\}", value, template)


def ids_of(db: Workspace) -> dict[str, int]:
    meeting = meetings_service.list_meetings(db)[0]
    return {
        "person_id": meeting.person_id,
        "meeting_id": meeting.id,
        "opp_id": _first_opportunity(db),
        "entry_id": _first_entry(db),
        "task_id": 10**9,  # no task in "other": the id of none at all
    }


def _first_opportunity(db: Workspace) -> int:
    return min(o.id for o in opportunities_service.list_opportunities(db)[0])


def _first_entry(db: Workspace) -> int:
    return min(e.id for e in vision_service.list_journal(db, start=None, end=None) if e.id)


@pytest.fixture
def two(
    demo_web: Web,
    web_db: Workspace,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Web, Cli, Workspace, Workspace]:
    cli = Cli(capsys, monkeypatch, db_url)
    fill_other(cli)
    other = open_workspace(web_db.db, "other")
    return demo_web, cli, web_db, other


def use(web: Web, name: str | None) -> None:
    """Work in workspace `name` (None: the app's own), as the header's switch does."""
    web.client.cookies.clear()
    if name is not None:
        web.client.cookies.set(COOKIE, name, domain="127.0.0.1", path="/")


def test_no_page_or_api_route_shows_the_other_workspace(
    two: tuple[Web, Cli, Workspace, Workspace],
) -> None:
    web, _cli, default, other = two
    templates = route_templates(web)
    demo_names = [p.name for p in people_service.list_people(default, limit=None)[0]]
    assert len(demo_names) == 438
    seen: dict[str, tuple[int, int]] = {}
    leaks: list[tuple[str, str, str]] = []
    for workspace, mine, theirs, marks in (
        (None, default, other, [MARK]),
        ("other", other, default, demo_names),
    ):
        use(web, workspace)
        own, foreign = ids_of(mine), ids_of(theirs)
        for template in templates:
            for ids in (own, foreign):
                url = fill(template, ids)
                if ids is foreign and url == fill(template, own):
                    continue  # no id in it: asked once
                response = web.get(f"{url}?{AS_OF}")
                assert response.status_code < 500, (workspace, url, response.text[:300])
                text = response.text
                leaks += [(str(workspace), url, m) for m in marks if m in text]
                if ids is foreign and any(f"{{{p}}}" in template for p in ID_PARAMS):
                    seen[f"{workspace} {url}"] = (response.status_code, 404)
    # Searches and the person picker, with words the other workspace's names hold.
    # (The word searched for is shown back in the search box: the names are what must not.)
    their_names = ["Quentin Otherland", "Ursula Otherland", "Vince Otherland", "otherland.example"]
    for workspace, word, marks in ((None, MARK, their_names), ("other", "an", demo_names)):
        use(web, workspace)
        for url in (
            f"/people?q={word}",
            f"/api/people?query={word}&limit=1000",
            f"/api/people/picks?q={word}",
        ):
            text = web.get(url).text
            leaks += [(str(workspace), url, m) for m in marks if m in text]
    assert leaks == []
    wrong = {url: code for url, (code, want) in seen.items() if code != want}
    assert wrong == {}
    # The walk did reach each workspace's own rows.
    use(web, "other")
    assert "Quentin Otherland" in web.get("/people").text
    assert "Otherland" in web.get("/api/people").text
    use(web, None)
    assert "Ana Ruiz" in web.get("/people").text


def test_the_others_ids_in_forms_and_api_calls_are_not_found_and_change_nothing(
    two: tuple[Web, Cli, Workspace, Workspace],
) -> None:
    web, cli, default, other = two
    before = (counts(cli), counts(cli, "-w", "other"))
    for workspace, theirs in ((None, other), ("other", default)):
        use(web, workspace)
        ids = ids_of(theirs)
        person, meeting, opp, entry = (
            ids["person_id"],
            ids["meeting_id"],
            ids["opp_id"],
            ids["entry_id"],
        )
        forms = {
            f"/people/{person}/edit": {"name": "Hijacked"},
            f"/people/{person}/delete": {},
            f"/people/{person}/touches": {"kind": "call", "note": "Hijacked"},
            f"/people/{person}/keep": {"tier": "C"},
            f"/people/{person}/me": {},
        }
        wrong = []
        for url, data in forms.items():
            response = web.submit(url, data)
            if response.status_code != 404:
                wrong.append((workspace, url, response.status_code))
        api = [
            ("PATCH", f"/api/people/{person}", {"title": "Hijacked"}),
            ("DELETE", f"/api/people/{person}", None),
            ("POST", f"/api/people/{person}/touches", {"kind": "call", "note": "Hijacked"}),
            ("DELETE", f"/api/meetings/{meeting}", None),
            ("POST", f"/api/meetings/{meeting}/notes", {"text": "Hijacked"}),
            ("PATCH", f"/api/opportunities/{opp}", {"notes": "Hijacked"}),
            ("DELETE", f"/api/opportunities/{opp}", None),
            ("DELETE", f"/api/journal/entries/{entry}", None),
            ("POST", "/api/meetings", {"person_id": person, "why": "Hijacked"}),
            ("PUT", "/api/board/2", {"person": person, "why": "Hijacked"}),
        ]
        for method, url, body in api:
            response = web.client.request(
                method,
                url,
                json=body,
                headers={"Origin": BASE, "Sec-Fetch-Site": "same-origin"},
            )
            if response.status_code != 404 or "Hijacked" in response.text:
                wrong.append((workspace, f"{method} {url}", response.status_code))
        assert wrong == []
    assert (counts(cli), counts(cli, "-w", "other")) == before
    use(web, None)
    assert "Hijacked" not in web.get("/api/people?limit=0").text
    use(web, "other")
    assert "Hijacked" not in web.get("/api/people").text


def test_deleting_a_workspace_on_the_settings_page_leaves_the_other_intact(
    two: tuple[Web, Cli, Workspace, Workspace],
) -> None:
    web, cli, _default, _other = two
    kept = counts(cli)
    use(web, "other")
    page = web.get("/workspace/delete?name=other")
    assert page.status_code == 200 and "3 people" in page.text
    refused = web.submit("/workspace/delete", {"name": "other", "confirm": "oth"}, page="/settings")
    assert refused.status_code == 400 and "type the workspace" in refused.text
    assert counts(cli, "-w", "other")["people"] == 3
    done = web.submit("/workspace/delete", {"name": "other", "confirm": "other"}, page="/settings")
    assert done.status_code == 303
    # The cookie named the deleted workspace: it is dropped, and the app is back in its own.
    assert COOKIE not in web.client.cookies or not web.client.cookies.get(COOKIE)
    assert counts(cli) == kept
    settings = web.get(done.headers["location"])
    assert "Deleted workspace <strong>other</strong>" in settings.text
    assert "Ana Ruiz" in web.get("/people").text


def snapshot(db: Workspace) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every workspace."""
    from sqlalchemy import select

    from nextmove.store import models  # noqa: F401  (registers every table)
    from nextmove.store.base import Base

    with db.db.session(all_workspaces=True) as session:
        return {
            table.name: sorted((tuple(row) for row in session.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


def test_every_write_route_given_the_others_ids_changes_nothing(
    two: tuple[Web, Cli, Workspace, Workspace],
) -> None:
    """Every form (POST) and every API write (POST, PUT, PATCH, DELETE) whose address holds
    an id, sent with the other workspace's ids: refused (404, or 400/422 for a body refused
    before the id is looked up), never a 5xx, and not one row of either workspace changes."""
    web, _cli, default, other = two
    forms = [
        route.path
        for router in ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute)
        and "POST" in route.methods
        and any(f"{{{p}}}" in route.path for p in ID_PARAMS)
    ]
    schema = web.get("/api/openapi.json").json()
    api = [
        (method.upper(), path)
        for path, methods in schema["paths"].items()
        for method in methods
        if method != "get" and any(f"{{{p}}}" in path for p in ID_PARAMS)
    ]
    assert len(forms) > 15 and len(api) > 20
    before = snapshot(default)
    wrong = []
    for workspace, theirs in ((None, other), ("other", default)):
        use(web, workspace)
        ids = ids_of(theirs)
        for template in forms:
            url = fill(template, ids)
            response = web.submit(
                url, {"note": "Hijacked", "name": "Hijacked", "rating[1]": "3", "text": "Hijacked"}
            )
            if response.status_code not in (400, 404) or "Hijacked" in response.text:
                wrong.append((workspace, url, response.status_code))
        for method, template in api:
            url = fill(template, ids)
            response = web.client.request(
                method,
                url,
                json={},
                headers={"Origin": BASE, "Sec-Fetch-Site": "same-origin"},
            )
            if response.status_code not in (400, 404, 422):
                wrong.append((workspace, f"{method} {url}", response.status_code))
    assert wrong == []
    assert snapshot(default) == before
