# ruff: noqa: F811  (the fixtures of test_server_mode, imported by name)
"""The demo is for nextmove on your own computer: on a server, where the workspace at hand
may be a client's (a coach with edit access), it would replace that workspace with Maya
Chen's and put Northwind into the directory every account shares. It is refused there, and
Today does not offer it; the client's workspace is untouched."""

from __future__ import annotations

from datetime import UTC, datetime

from nextmove.services import accounts, coaching, vision
from nextmove.services.directory import list_organizations
from nextmove.services.workspace import Database, open_workspace
from tests.web.test_server_mode import (  # noqa: F401
    Browser,
    make_browser,
    people,
    server_db,
)

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)


def test_a_coach_cannot_fill_a_client_s_workspace_with_the_demo(
    make_browser, people: dict[str, accounts.AccountInfo], server_db: Database
) -> None:  # type: ignore[no-untyped-def]
    ann = open_workspace(server_db, workspace_id=people["ann"].workspace_id)
    vision.save_vision_data(ann, {"me": {"name": "Ann Own"}}, source="test", now=NOW)
    coaching.grant_access(
        server_db, client_email="ann@example.org", coach_email="cat@example.org",
        access="edit", now=NOW,
    )  # fmt: skip
    coach: Browser = make_browser()
    assert coach.sign_in("cat@example.org").status_code == 303
    ws = people["ann"].workspace_id
    page = coach.client.get(f"/demo?workspace={ws}")
    assert page.status_code == 403 and "not offered by a nextmove server" in page.text
    made = coach.post_form(f"/demo?workspace={ws}", {"replace": "yes"})
    assert made.status_code == 403
    assert vision.get_vision(ann).me.name == "Ann Own"
    assert list_organizations(ann) == []
    # A member's own Today page does not offer it either.
    member: Browser = make_browser()
    assert member.sign_in("bob@example.org").status_code == 303
    today = member.client.get("/")
    assert today.status_code == 200 and "Explore the demo" not in today.text
    assert member.post_form("/demo", {}).status_code == 403
