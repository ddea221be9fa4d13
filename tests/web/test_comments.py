# ruff: noqa: F811  (the fixtures of test_server_mode, imported by name)
"""Comments in server mode, on both backends: a coach with comment access comments on a
client's plan and opportunity (pages and API), view cannot, edit can; the client sees them,
replies and resolves them (the coach cannot resolve); each coach request is in the audit log;
no comment reaches another workspace."""

from __future__ import annotations

from datetime import UTC, datetime

from nextmove.services import coaching
from nextmove.services.workspace import Database
from tests.web.test_server_mode import (  # noqa: F401 (fixtures)
    Browser,
    make_browser,
    people,
    server_db,
)


def _grant(db: Database, access: str) -> None:
    coaching.grant_access(
        db,
        client_email="ann@example.org",
        coach_email="cat@example.org",
        access=access,
        now=datetime.now(UTC),
    )


def _opportunity(browser: Browser, title: str) -> int:
    made = browser.client.post(
        "/api/opportunities",
        json={"title": title, "source": "recruiter", "organization": "Acme"},
        headers={"X-CSRF-Token": browser.api_token()},
    )
    assert made.status_code == 201, made.text
    return int(made.json()["id"])


def _signed_in(make_browser, email: str) -> Browser:  # type: ignore[no-untyped-def]
    browser: Browser = make_browser()
    assert browser.sign_in(email).status_code == 303
    return browser


def test_a_coach_with_comment_access_comments_and_the_client_resolves(  # type: ignore[no-untyped-def]
    make_browser, people, server_db: Database
) -> None:
    ann = _signed_in(make_browser, "ann@example.org")
    opp = _opportunity(ann, "Head of Data")
    _grant(server_db, "comment")
    coach = _signed_in(make_browser, "cat@example.org")
    ws = people["ann"].workspace_id

    # On the plan, through the page form (the coach opened Ann's workspace).
    coach.post_form(f"/coach/clients/{ws}/open", {})
    plans = coach.client.get("/plans")
    assert "Add a comment" in plans.text and "Ann reads and resolves" in plans.text
    sent = coach.post_form(
        "/plans/comments", {"plan": "current path", "body": "Two jobs out looks thin."}
    )
    assert sent.status_code == 303, sent.text
    # On the opportunity, through the API with a Bearer-less cookie call.
    api = coach.client.post(
        f"/api/comments?workspace={ws}",
        json={"subject": "opportunity", "about": str(opp), "body": "Ask who left this role."},
        headers={"X-CSRF-Token": coach.api_token()},
    )
    assert api.status_code == 201, api.text
    assert api.json()["author"] == {"name": "Cat", "email": "cat@example.org", "role": "coach"}
    # Comment access changes nothing else.
    other = coach.post_form("/plans/set", {"plan": "current path", "note": "mine now"})
    assert other.status_code == 403

    # Ann sees both, on their pages and in the API.
    plans_page = ann.client.get("/plans").text
    assert "Two jobs out looks thin." in plans_page and "1 open" in plans_page
    assert "Ask who left this role." in ann.client.get(f"/opportunities/{opp}").text
    listed = ann.client.get("/api/comments?open=true").json()
    assert [(c["subject"], c["subject_name"], c["body"]) for c in listed] == [
        ("plan", "current path", "Two jobs out looks thin."),
        ("opportunity", "Head of Data", "Ask who left this role."),
    ]
    # The coach cannot resolve; Ann can (form and API), and reopen.
    first, second = listed[0]["id"], listed[1]["id"]
    refused = coach.client.post(
        f"/api/comments/{first}/resolve?workspace={ws}",
        json={},
        headers={"X-CSRF-Token": coach.api_token()},
    )
    assert refused.status_code == 403
    assert ann.post_form(f"/comments/{first}/resolve", {}).status_code == 303
    done = ann.client.post(
        f"/api/comments/{second}/resolve", json={}, headers={"X-CSRF-Token": ann.api_token()}
    )
    assert done.status_code == 200 and done.json()["resolved_by"] == "Ann"
    assert ann.client.get("/api/comments?open=true").json() == []
    page = ann.client.get("/plans").text
    assert "1 resolved" in page and "resolved by Ann" in page
    again = ann.client.post(
        f"/api/comments/{second}/resolve",
        json={"reopen": True},
        headers={"X-CSRF-Token": ann.api_token()},
    )
    assert again.json()["open"] is True

    # Every request of the coach is in Ann's audit log, the comments as writes.
    log = ann.client.get("/api/audit").json()
    writes = [(e["method"], e["path"]) for e in log if e["action"] == "write"]
    assert ("POST", "/plans/comments") in writes
    assert ("POST", "/api/comments") in writes
    assert ("POST", f"/api/comments/{first}/resolve") in writes


def test_view_access_cannot_comment_and_edit_access_can(  # type: ignore[no-untyped-def]
    make_browser, people, server_db: Database
) -> None:
    ann = _signed_in(make_browser, "ann@example.org")
    opp = _opportunity(ann, "Staff engineer")
    _grant(server_db, "view")
    coach = _signed_in(make_browser, "cat@example.org")
    ws = people["ann"].workspace_id
    body = {"subject": "plan", "about": "current path", "body": "Looks good"}
    csrf = {"X-CSRF-Token": coach.api_token()}
    refused = coach.client.post(f"/api/comments?workspace={ws}", json=body, headers=csrf)
    assert refused.status_code == 403
    assert "you cannot comment" in refused.json()["error"]
    coach.post_form(f"/coach/clients/{ws}/open", {})
    assert "Add a comment" not in coach.client.get(f"/opportunities/{opp}").text
    form = coach.post_form(f"/opportunities/{opp}/comments", {"body": "x"})
    assert form.status_code == 403
    assert ann.client.get("/api/comments").json() == []

    _grant(server_db, "edit")
    ok = coach.client.post(f"/api/comments?workspace={ws}", json=body, headers=csrf)
    assert ok.status_code == 201
    page = coach.post_form(f"/opportunities/{opp}/comments", {"body": "Negotiate the title."})
    assert page.status_code == 303 and "#comment-" in page.headers["location"]
    assert "Negotiate the title." in coach.client.get(f"/opportunities/{opp}").text
    # Even edit access does not resolve: that is the client's.
    first = ann.client.get("/api/comments").json()[0]["id"]
    assert coach.post_form(f"/comments/{first}/resolve", {}).status_code == 403


def test_comments_stay_in_their_workspace_and_bad_input_is_clear(  # type: ignore[no-untyped-def]
    make_browser, people, server_db: Database
) -> None:
    ann = _signed_in(make_browser, "ann@example.org")
    bob = _signed_in(make_browser, "bob@example.org")
    bob_opp = _opportunity(bob, "Bob's secret role")
    _grant(server_db, "comment")
    coach = _signed_in(make_browser, "cat@example.org")
    ws = people["ann"].workspace_id
    csrf = {"X-CSRF-Token": coach.api_token()}
    # Bob's opportunity id, used in Ann's workspace: not found, nothing written.
    probe = coach.client.post(
        f"/api/comments?workspace={ws}",
        json={"subject": "opportunity", "about": str(bob_opp), "body": "hi"},
        headers=csrf,
    )
    assert probe.status_code == 404
    assert "Bob's secret role" not in probe.text
    # Bob's workspace itself: no grant, 404.
    bob_ws = people["bob"].workspace_id
    assert coach.client.get(f"/api/comments?workspace={bob_ws}").status_code == 404
    # Ann's own comment is hers; Bob never sees it, and cannot resolve it by id.
    ann.client.post(
        "/api/comments",
        json={"subject": "plan", "about": "current path", "body": "Note to self"},
        headers={"X-CSRF-Token": ann.api_token()},
    )
    mine = ann.client.get("/api/comments").json()
    assert [c["author"]["role"] for c in mine] == ["owner"]
    assert bob.client.get("/api/comments").json() == []
    stolen = bob.client.post(
        f"/api/comments/{mine[0]['id']}/resolve", json={}, headers={"X-CSRF-Token": bob.api_token()}
    )
    assert stolen.status_code == 404
    assert ann.client.get("/api/comments?open=true").json()[0]["open"] is True
    # Bad input: an empty comment, an unknown plan, an unknown subject, one too long.
    empty = coach.post_form("/plans/comments", {"plan": "current path", "body": "   "})
    assert empty.status_code == 400 and "the comment is empty" in empty.text
    unknown = coach.client.post(
        f"/api/comments?workspace={ws}",
        json={"subject": "plan", "about": "No such plan", "body": "x"},
        headers=csrf,
    )
    assert unknown.status_code == 404 and "no plan named" in unknown.json()["error"]
    kind = coach.client.post(
        f"/api/comments?workspace={ws}",
        json={"subject": "journal", "about": "1", "body": "x"},
        headers=csrf,
    )
    assert kind.status_code == 422
    long = coach.client.post(
        f"/api/comments?workspace={ws}",
        json={"subject": "plan", "about": "current path", "body": "x" * 5001},
        headers=csrf,
    )
    assert long.status_code == 422
    assert len(ann.client.get("/api/comments").json()) == 1


def test_deleting_an_opportunity_takes_its_comments(  # type: ignore[no-untyped-def]
    make_browser, people, server_db: Database
) -> None:
    ann = _signed_in(make_browser, "ann@example.org")
    opp = _opportunity(ann, "Director")
    csrf = {"X-CSRF-Token": ann.api_token()}
    ann.client.post(
        "/api/comments",
        json={"subject": "opportunity", "about": str(opp), "body": "Ask about budget"},
        headers=csrf,
    )
    assert len(ann.client.get("/api/comments").json()) == 1
    assert ann.client.delete(f"/api/opportunities/{opp}", headers=csrf).status_code in (200, 204)
    assert ann.client.get("/api/comments").json() == []
