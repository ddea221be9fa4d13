"""The workspace switch in the header and the workspaces on the Settings page: switch,
create, rename, delete; each form CSRF-checked; bad names refused on the page."""

from __future__ import annotations

from datetime import datetime

import pytest
from fastapi.testclient import TestClient

from nextmove.services import people as people_service
from nextmove.services import workspaces as workspaces_service
from nextmove.services.workspace import Workspace, open_workspace
from nextmove.web.app import app_from_environment
from tests.conftest import Cli
from tests.web.conftest import BASE, PORT, Web

COOKIE = f"nextmove_workspace_{PORT}"


def make(web_db: Workspace, name: str, now: datetime, *people: str) -> Workspace:
    workspaces_service.create_workspace(web_db.db, name, now=now)
    workspace = open_workspace(web_db.db, name)
    for person in people:
        people_service.add_person(workspace, {"name": person}, now=now, today=now.date())
    return workspace


def test_one_workspace_shows_its_name_and_no_switch(web: Web) -> None:
    page = web.get("/people").text
    assert 'class="ws-switch"' in page and "default</a>" in page
    assert 'id="ws-pick"' not in page


def test_switching_shows_the_other_workspace_on_every_page(
    web: Web, web_db: Workspace, now: datetime
) -> None:
    people_service.add_person(web_db, {"name": "Ana Okafor"}, now=now, today=now.date())
    make(web_db, "client-bo", now, "Bo Lindqvist")
    page = web.get("/people").text
    assert '<option value="client-bo">' in page and "Ana Okafor" in page
    switched = web.submit(
        "/workspace/switch", {"workspace": "client-bo", "next": "/people"}, page="/people"
    )
    assert switched.status_code == 303 and switched.headers["location"] == "/people"
    page = web.get("/people").text
    assert "Bo Lindqvist" in page and "Ana Okafor" not in page
    assert '<option value="client-bo" selected>' in page
    assert [p["name"] for p in web.get("/api/people").json()["people"]] == ["Bo Lindqvist"]
    # Back to the default one.
    web.submit("/workspace/switch", {"workspace": "default", "next": "/"}, page="/people")
    assert "Ana Okafor" in web.get("/people").text


def test_a_switch_goes_to_the_section_not_to_a_record_of_the_workspace_left(
    web: Web, web_db: Workspace, now: datetime
) -> None:
    make(web_db, "other", now)
    for sent, expected in [
        ("/people/5", "/"),
        ("https://evil.example/", "/"),
        ("//evil.example/", "/"),
        ("/meetings", "/meetings"),
    ]:
        response = web.submit("/workspace/switch", {"workspace": "other", "next": sent})
        assert response.headers["location"] == expected, sent


def test_switching_needs_the_forms_token_and_an_existing_workspace(
    web: Web, web_db: Workspace, now: datetime
) -> None:
    make(web_db, "other", now)
    forged = web.client.post(
        "/workspace/switch",
        data={"workspace": "other", "next": "/"},
        headers={"Origin": BASE, "Sec-Fetch-Site": "same-origin"},
        follow_redirects=False,
    )
    assert forged.status_code == 403 and COOKIE not in forged.headers.get("set-cookie", "")
    cross = web.client.post(
        "/workspace/switch",
        data={"workspace": "other", "csrf_token": web.token()},
        headers={"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"},
        follow_redirects=False,
    )
    assert cross.status_code == 403
    missing = web.submit("/workspace/switch", {"workspace": "nope", "next": "/"})
    assert missing.status_code == 404 and "no workspace" in missing.text
    assert COOKIE not in web.client.cookies


def test_a_cookie_naming_no_workspace_or_from_another_port_is_the_apps_own(
    web: Web, web_db: Workspace, now: datetime
) -> None:
    people_service.add_person(web_db, {"name": "Ana Okafor"}, now=now, today=now.date())
    make(web_db, "other", now, "Bo Lindqvist")
    web.client.cookies.set(COOKIE, "deleted-long-ago", domain="127.0.0.1", path="/")
    assert "Ana Okafor" in web.get("/people").text
    web.client.cookies.clear()
    # Another nextmove server on this machine (another port, another database) switched.
    web.client.cookies.set("nextmove_workspace_9999", "other", domain="127.0.0.1", path="/")
    web.client.cookies.set("nextmove_workspace", "other", domain="127.0.0.1", path="/")
    page = web.get("/people").text
    assert "Ana Okafor" in page and "Bo Lindqvist" not in page


def test_create_on_the_settings_page_switches_to_the_new_workspace(
    web: Web, web_db: Workspace, now: datetime
) -> None:
    people_service.add_person(web_db, {"name": "Ana Okafor"}, now=now, today=now.date())
    created = web.submit("/workspace/create", {"name": "client-cy"}, page="/settings")
    assert created.status_code == 303
    page = web.get(created.headers["location"]).text
    assert "Created workspace <strong>client-cy</strong>" in page
    assert "You are working in <strong>client-cy</strong>" in page
    assert "Ana Okafor" not in web.get("/people").text
    for bad, message in [("my clients", "not a valid workspace name"), ("Client-CY", "exists")]:
        refused = web.submit("/workspace/create", {"name": bad}, page="/settings")
        assert refused.status_code == 400 and message in refused.text
        assert 'id="ws-create-error"' in refused.text
        assert f'value="{bad}"' in refused.text  # what was typed stays in the field
    names = [w.name for w in workspaces_service.list_workspaces(web_db.db)]
    assert names == ["default", "client-cy"]


def test_rename_keeps_the_current_workspace_current(
    web: Web, web_db: Workspace, now: datetime
) -> None:
    make(web_db, "acme", now, "Bo Lindqvist")
    web.submit("/workspace/switch", {"workspace": "acme", "next": "/"})
    renamed = web.submit("/workspace/rename", {"old": "acme", "new": "acme-2027"}, page="/settings")
    assert renamed.status_code == 303
    page = web.get(renamed.headers["location"]).text
    assert "now called <strong>acme-2027</strong>" in page
    assert "You are working in <strong>acme-2027</strong>" in page
    assert "Bo Lindqvist" in web.get("/people").text
    taken = web.submit(
        "/workspace/rename", {"old": "acme-2027", "new": "Default"}, page="/settings"
    )
    assert taken.status_code == 400 and "exists already" in taken.text
    assert 'id="ws-new-2-error"' in taken.text  # next to the form it came from
    assert 'value="Default"' in taken.text


def test_the_default_workspace_has_no_delete_and_refuses_one(
    web: Web, web_db: Workspace, now: datetime
) -> None:
    make(web_db, "other", now)
    page = web.get("/settings").text
    assert "/workspace/delete?name=other" in page
    assert "/workspace/delete?name=default" not in page
    refused = web.get("/workspace/delete?name=default")
    assert refused.status_code == 400 and "cannot be deleted" in refused.text
    posted = web.submit(
        "/workspace/delete", {"name": "default", "confirm": "default"}, page="/settings"
    )
    assert posted.status_code == 400
    assert [w.name for w in workspaces_service.list_workspaces(web_db.db)] == ["default", "other"]


def test_serve_starts_in_the_workspace_it_was_given(
    db_url: str, monkeypatch: pytest.MonkeyPatch, now: datetime
) -> None:
    database = Workspace.open(db_url)
    try:
        people_service.add_person(database, {"name": "Ana Okafor"}, now=now, today=now.date())
        make(database, "acme", now, "Bo Lindqvist")
    finally:
        database.dispose()
    monkeypatch.setenv("NEXTMOVE_DATABASE_URL", db_url)
    monkeypatch.setenv("NEXTMOVE_WORKSPACE", "acme")  # what `nextmove -w acme serve` sets
    with TestClient(app_from_environment(), base_url="http://127.0.0.1:8765") as client:
        page = client.get("/people").text
    assert "Bo Lindqvist" in page and "Ana Okafor" not in page


def test_serve_with_a_workspace_that_does_not_exist_says_so_before_starting(
    cli_sqlite: Cli,
) -> None:
    result = cli_sqlite("-w nope serve --no-browser --port 8652")
    assert result.exit_code == 3
    assert "no workspace 'nope'" in result.stderr and "running" not in result.stdout
