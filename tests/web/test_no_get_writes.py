"""No GET writes: viewing any page or reading any API route of the demo workspace (every
GET route the app serves, with real ids) leaves the database exactly as it was. The meeting
page used to store a generated agenda when first viewed."""

from __future__ import annotations

import re

from fastapi.routing import APIRoute
from sqlalchemy import select

from nextmove.services import meetings as meetings_service
from nextmove.services.workspace import Workspace
from nextmove.store import models  # noqa: F401  (registers every table)
from nextmove.store.base import Base
from nextmove.web.routes import ROUTERS
from tests.web.conftest import AS_OF, Web


def snapshot(db: Workspace) -> dict[str, list[tuple[object, ...]]]:
    with db.session() as session:
        return {
            table.name: sorted((tuple(row) for row in session.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


def get_paths(web: Web, db: Workspace) -> list[str]:
    """Every GET route, its parameters filled with ids that exist in the demo."""
    meeting = meetings_service.list_meetings(db)[0]
    values = {
        "person_id": str(meeting.person_id),
        "meeting_id": str(meeting.id),
        "opp_id": "1",
        "seat": "1",
        "entry_id": "1",
        "task_id": "1",
        "kind": "request",
        "job_id": "0123456789abcdef",
        "path": "app.css",
    }
    templates = [
        route.path
        for router in ROUTERS
        for route in router.routes
        if isinstance(route, APIRoute) and "GET" in route.methods
    ]
    schema = web.client.app.openapi()  # type: ignore[attr-defined]
    templates += [path for path, methods in schema["paths"].items() if "get" in methods]
    fill = lambda m: values.get(m.group(1), "1")  # noqa: E731
    return [re.sub(r"\{(\w+)(?::\w+)?\}", fill, path) for path in templates]


def test_no_get_request_changes_the_database(demo_web: Web, web_db: Workspace) -> None:
    before = snapshot(web_db)
    paths = get_paths(demo_web, web_db)
    assert len(paths) > 40 and "/meetings/{meeting_id}" not in paths
    codes = {}
    for path in paths:
        for url in (path, f"{path}?{AS_OF}"):
            codes[url] = demo_web.get(url).status_code
    assert all(code < 500 for code in codes.values()), codes
    assert sum(code == 200 for code in codes.values()) > 60
    after = snapshot(web_db)
    changed = [name for name in before if before[name] != after[name]]
    assert changed == []


def test_viewing_a_meeting_shows_its_agenda_without_storing_it(
    demo_web: Web, web_db: Workspace
) -> None:
    meeting = next(m for m in meetings_service.list_meetings(web_db) if m.agenda is None)
    page = demo_web.get(f"/meetings/{meeting.id}?{AS_OF}")
    assert page.status_code == 200 and "Who else" in page.text
    api = demo_web.get(f"/api/meetings/{meeting.id}/agenda").json()
    assert api["agenda"].startswith("# 30 minutes with")
    stored = next(m for m in meetings_service.list_meetings(web_db) if m.id == meeting.id)
    assert stored.agenda is None
