"""Server mode under TestClient, on both backends: signing in and out, cookies, CSRF for
cookie-signed API writes, Bearer tokens, coaches within their grants, the audit log — and
every bad input a clear message with the right status, never a 5xx."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from nextmove.config import load_settings
from nextmove.services import accounts, coaching, sign_in
from nextmove.services.workspace import Database
from nextmove.web.app import create_app
from nextmove.web.auth import SESSION_COOKIE, ServerMode

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "correct horse battery staple"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
SAME_SITE = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}


class Browser:
    """One person's browser: a TestClient with its own cookie jar."""

    def __init__(self, client: TestClient):
        self.client = client

    def form_token(self) -> str:
        match = _TOKEN.search(self.client.get("/login").text)
        assert match
        return match.group(1)

    def sign_in(self, email: str, password: str = PASSWORD, next: str = "/"):  # type: ignore[no-untyped-def]
        return self.client.post(
            "/login",
            data={
                "csrf_token": self.form_token(),
                "email": email,
                "password": password,
                "next": next,
            },
            headers=SAME_SITE,
            follow_redirects=False,
        )

    def post_form(self, url: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
        match = _TOKEN.search(self.client.get("/settings").text)
        assert match
        return self.client.post(
            url,
            data={"csrf_token": match.group(1), **data},
            headers=SAME_SITE,
            follow_redirects=False,
        )

    def api_token(self) -> str:
        token = self.client.get("/api/me").json()["csrf_token"]
        assert token
        return str(token)


@pytest.fixture
def server_db(db_url: str) -> Iterator[Database]:
    database = Database.open(db_url)
    yield database
    database.dispose()


@pytest.fixture
def make_browser(server_db: Database, db_url: str) -> Iterator[object]:
    mode = ServerMode(secret=b"s" * 32, secure_cookies=False, session_lifetime=timedelta(hours=12))
    app = create_app(
        load_settings(database_url=db_url),
        port=PORT,
        db=server_db,
        server=mode,
        base_url=BASE,
        hosts=frozenset({f"127.0.0.1:{PORT}"}),
    )
    clients: list[TestClient] = []

    def make() -> Browser:
        client = TestClient(app, base_url=BASE)
        client.__enter__()
        clients.append(client)
        return Browser(client)

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def people(server_db: Database) -> dict[str, accounts.AccountInfo]:
    now = datetime.now(UTC)
    made = {}
    for key, role in (("ann", "member"), ("bob", "member"), ("cat", "coach")):
        made[key] = accounts.create_account(
            server_db,
            email=f"{key}@example.org",
            name=key.title(),
            role=role,
            password=PASSWORD,
            now=now,
        )
    return made


def test_anonymous_pages_redirect_to_login_and_api_calls_get_401(make_browser, people) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser()
    page = browser.client.get("/journal?as_of=2026-11-22", follow_redirects=False)
    assert page.status_code == 303
    assert page.headers["location"] == "/login?next=%2Fjournal%3Fas_of%3D2026-11-22"
    api = browser.client.get("/api/vision")
    assert api.status_code == 401
    assert api.json()["error"] == "you are not signed in"
    assert browser.client.get("/login").status_code == 200


def test_sign_in_sets_a_secure_session_cookie_and_returns_to_the_page(make_browser, people) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser()
    response = browser.sign_in("Ann@Example.org ", next="/journal")
    assert response.status_code == 303
    assert response.headers["location"] == "/journal"
    cookie = next(c for c in response.headers.get_list("set-cookie") if SESSION_COOKIE in c)
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Max-Age=43200" in cookie
    page = browser.client.get("/journal")
    assert page.status_code == 200
    assert "Signed in as Ann (ann@example.org)" in page.text
    me = browser.client.get("/api/me").json()
    assert me["account"]["email"] == "ann@example.org"
    assert me["workspace"] == {"id": people["ann"].workspace_id, "access": "own", "owner": "Ann"}


def test_sign_in_never_goes_to_another_site_afterwards(make_browser, people) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser()
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        assert browser.sign_in("ann@example.org", next=target).headers["location"] == "/"


def test_a_wrong_password_and_an_unknown_email_get_the_same_message(make_browser, people) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser()
    wrong_password = browser.sign_in("ann@example.org", "not the password")
    unknown = browser.sign_in("nobody@example.org", PASSWORD)
    for response in (wrong_password, unknown):
        assert response.status_code == 401
        assert "Wrong e-mail or password." in response.text
        assert SESSION_COOKIE not in response.headers.get("set-cookie", "")


def test_ten_failures_lock_the_account_even_for_the_right_password(make_browser, people) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser()
    for _ in range(sign_in.ACCOUNT_FAILURES):
        assert browser.sign_in("ann@example.org", "guess guess guess").status_code == 401
    locked = browser.sign_in("ann@example.org", PASSWORD)
    assert locked.status_code == 429
    assert "Too many failed sign-ins for this account" in locked.text
    assert 840 <= int(locked.headers["retry-after"]) <= 900
    # Another account is not locked by Ann's failures.
    assert browser.sign_in("bob@example.org", PASSWORD).status_code == 303


def test_a_cookie_signed_api_write_needs_the_csrf_header_a_bearer_call_does_not(
    make_browser, people, server_db: Database
) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser()
    browser.sign_in("ann@example.org")
    entry = {"activity": "customer interviews", "energy": 2, "date": "2026-11-20"}
    refused = browser.client.post("/api/journal/entries", json=entry)
    assert refused.status_code == 403
    assert "X-CSRF-Token" in refused.json()["error"]
    forged = browser.client.post(
        "/api/journal/entries", json=entry, headers={"X-CSRF-Token": "0" * 64}
    )
    assert forged.status_code == 403
    ok = browser.client.post(
        "/api/journal/entries", json=entry, headers={"X-CSRF-Token": browser.api_token()}
    )
    assert ok.status_code == 201
    token = accounts.create_api_token(
        server_db, "ann@example.org", name="script", now=datetime.now(UTC)
    )
    script = make_browser()
    bearer = {"Authorization": f"Bearer {token}"}
    assert script.client.post("/api/journal/entries", json=entry, headers=bearer).status_code == 201
    assert script.client.get("/api/me", headers=bearer).json()["csrf_token"] is None


def test_bad_and_disabled_tokens_are_refused_with_clear_messages(
    make_browser, people, server_db: Database
) -> None:  # type: ignore[no-untyped-def]
    script = make_browser()
    forged = script.client.get("/api/vision", headers={"Authorization": "Bearer nm_forged"})
    assert forged.status_code == 401
    assert "not valid" in forged.json()["error"]
    basic = script.client.get("/api/vision", headers={"Authorization": "Basic YTpi"})
    assert basic.status_code == 401
    token = accounts.create_api_token(server_db, "bob@example.org", name="x", now=datetime.now(UTC))
    accounts.disable_account(server_db, "bob@example.org")
    disabled = script.client.get("/api/vision", headers={"Authorization": f"Bearer {token}"})
    assert disabled.status_code == 403
    assert disabled.json()["error"] == "this API token belongs to a disabled account"


def test_a_disabled_account_cannot_sign_in_and_its_sessions_end(
    make_browser, people, server_db: Database
) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser()
    browser.sign_in("bob@example.org")
    assert browser.client.get("/api/me").status_code == 200
    accounts.disable_account(server_db, "bob@example.org")
    assert browser.client.get("/api/me").status_code == 401
    again = make_browser().sign_in("bob@example.org")
    assert again.status_code == 403
    assert "This account is disabled." in again.text
    # With a wrong password it is the generic message: a disabled account is not revealed.
    assert make_browser().sign_in("bob@example.org", "wrong wrong wrong").status_code == 401


def test_an_expired_or_forged_cookie_sends_the_page_to_login_and_the_api_to_401(
    make_browser, people, server_db: Database
) -> None:  # type: ignore[no-untyped-def]
    long_ago = datetime.now(UTC) - timedelta(days=30)
    expired = sign_in.sign_in(
        server_db,
        email="ann@example.org",
        password=PASSWORD,
        address="test",
        now=long_ago,
        lifetime=timedelta(days=14),
    )
    browser = make_browser()
    browser.client.cookies.set(SESSION_COOKIE, expired.token)
    page = browser.client.get("/vision", follow_redirects=False)
    assert page.status_code == 303
    assert "your+session+has+expired" in page.headers["location"]
    assert "Your session has expired." in browser.client.get(page.headers["location"]).text
    assert browser.client.get("/api/vision").json()["error"] == "your session has expired"
    browser.client.cookies.set(SESSION_COOKIE, "forged-" + "x" * 40)
    assert browser.client.get("/api/vision").status_code == 401


def test_sign_out_and_sign_out_everywhere(make_browser, people) -> None:  # type: ignore[no-untyped-def]
    laptop, phone = make_browser(), make_browser()
    laptop.sign_in("ann@example.org")
    phone.sign_in("ann@example.org")
    out = laptop.post_form("/logout", {})
    assert out.status_code == 303 and out.headers["location"] == "/login"
    assert laptop.client.get("/api/me").status_code == 401
    assert phone.client.get("/api/me").status_code == 200
    laptop.sign_in("ann@example.org")
    assert "2 browsers" in laptop.client.get("/settings").text
    laptop.post_form("/logout", {"everywhere": "yes"})
    assert phone.client.get("/api/me").status_code == 401


def test_settings_show_the_account_not_the_servers_paths(make_browser, people) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser()
    browser.sign_in("ann@example.org")
    page = browser.client.get("/settings").text
    assert "ann@example.org" in page and "Your coaches" in page and "Audit log" in page
    assert "Data directory" not in page and "postgresql" not in page.lower()


def test_api_token_created_on_settings_is_shown_once_and_works(make_browser, people) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser()
    browser.sign_in("ann@example.org")
    page = browser.post_form("/settings/tokens", {"name": "weekly export"})
    token = re.search(r'class="new-token">(nm_[^<]+)<', page.text)
    assert token
    script = make_browser()
    me = script.client.get("/api/me", headers={"Authorization": f"Bearer {token.group(1)}"})
    assert me.json()["account"]["email"] == "ann@example.org"
    assert token.group(1) not in browser.client.get("/settings").text


def test_a_coach_sees_a_client_within_the_grant_and_loses_it_at_once(
    make_browser, people, server_db: Database
) -> None:  # type: ignore[no-untyped-def]
    ann, coach = make_browser(), make_browser()
    ann.sign_in("ann@example.org")
    coach.sign_in("cat@example.org")
    ws = people["ann"].workspace_id
    assert coach.client.get(f"/api/vision?workspace={ws}").status_code == 404
    assert coach.client.get("/api/coach/clients").json() == []
    granted = ann.post_form("/settings/coaches", {"coach": "cat@example.org", "access": "view"})
    assert granted.status_code == 303
    clients = coach.client.get("/api/coach/clients").json()
    assert [(c["email"], c["workspace_id"], c["access"]) for c in clients] == [
        ("ann@example.org", ws, "view")
    ]
    assert coach.client.get(f"/api/vision?workspace={ws}").status_code == 200
    # View access reads only.
    write = coach.client.post(
        f"/api/journal/entries?workspace={ws}",
        json={"activity": "x", "energy": 1},
        headers={"X-CSRF-Token": coach.api_token()},
    )
    assert write.status_code == 403
    assert "your access to this workspace is 'view'" in write.json()["error"]
    # Bob never granted anything.
    bob_ws = people["bob"].workspace_id
    assert coach.client.get(f"/api/vision?workspace={bob_ws}").status_code == 404
    # Revoked mid-session: the next request is refused.
    ann.post_form("/settings/coaches/revoke", {"coach": "cat@example.org"})
    gone = coach.client.get(f"/api/vision?workspace={ws}")
    assert gone.status_code == 404
    assert coach.client.get("/api/coach/clients").json() == []
    # The audit log has the coach's visits, and only the client reads it.
    log = ann.client.get("/api/audit").json()
    assert [(e["actor"]["email"], e["action"], e["method"], e["path"]) for e in log] == [
        ("cat@example.org", "write", "POST", "/api/journal/entries"),
        ("cat@example.org", "read", "GET", "/api/vision"),
    ]
    assert coach.client.get("/api/audit").json() == []


def test_a_coach_with_edit_access_writes_and_keeps_private_notes(
    make_browser, people, server_db: Database
) -> None:  # type: ignore[no-untyped-def]
    coaching.grant_access(
        server_db,
        client_email="ann@example.org",
        coach_email="cat@example.org",
        access="edit",
        now=datetime.now(UTC),
    )
    coach = make_browser()
    coach.sign_in("cat@example.org")
    ws = people["ann"].workspace_id
    csrf = {"X-CSRF-Token": coach.api_token()}
    ok = coach.client.post(
        f"/api/journal/entries?workspace={ws}",
        json={"activity": "mock interview", "energy": 1, "date": "2026-11-20"},
        headers=csrf,
    )
    assert ok.status_code == 201
    notes = coach.client.put(
        f"/api/coach/clients/{ws}/notes", json={"body": "Ann: push on the board."}, headers=csrf
    )
    assert notes.status_code == 200
    assert coach.client.get(f"/api/coach/clients/{ws}/notes").json()["body"].startswith("Ann:")
    bob_ws = people["bob"].workspace_id
    assert coach.client.get(f"/api/coach/clients/{bob_ws}/notes").status_code == 404


def test_granting_to_a_non_coach_or_unknown_email_is_a_clear_message(make_browser, people) -> None:  # type: ignore[no-untyped-def]
    ann = make_browser()
    ann.sign_in("ann@example.org")
    member = ann.post_form("/settings/coaches", {"coach": "bob@example.org", "access": "view"})
    assert member.status_code == 400
    assert "bob@example.org is not a coach account" in member.text
    unknown = ann.post_form("/settings/coaches", {"coach": "zed@example.org", "access": "view"})
    assert unknown.status_code == 404
    bad = ann.post_form("/settings/coaches", {"coach": "cat@example.org", "access": "own"})
    assert bad.status_code == 400


def test_a_workspace_parameter_that_is_not_a_number_is_a_400(make_browser, people) -> None:  # type: ignore[no-untyped-def]
    coach = make_browser()
    coach.sign_in("cat@example.org")
    response = coach.client.get("/api/vision?workspace=abc")
    assert response.status_code == 400
    assert response.json()["field"] == "workspace"


def test_local_mode_has_no_sign_in(web) -> None:  # type: ignore[no-untyped-def]
    assert web.get("/login").status_code == 404
    assert web.get("/api/me").json() == {
        "mode": "local",
        "account": None,
        "workspace": {"id": None, "access": "own", "owner": None},
        "csrf_token": None,
    }
    assert web.get("/journal").status_code == 200


def test_behind_https_every_cookie_is_secure(server_db: Database, db_url: str, people) -> None:  # type: ignore[no-untyped-def]
    base = "https://career.example.org"
    mode = ServerMode(secret=b"s" * 32, secure_cookies=True, session_lifetime=timedelta(hours=1))
    app = create_app(
        load_settings(database_url=db_url),
        port=PORT,
        db=server_db,
        server=mode,
        base_url=base,
        hosts=frozenset({"career.example.org"}),
    )
    with TestClient(app, base_url=base) as client:
        page = client.get("/login")
        assert "Secure" in page.headers["set-cookie"]
        token = _TOKEN.search(page.text)
        assert token
        signed = client.post(
            "/login",
            data={"csrf_token": token.group(1), "email": "ann@example.org", "password": PASSWORD},
            headers={"Origin": base, "Sec-Fetch-Site": "same-origin"},
            follow_redirects=False,
        )
        assert signed.status_code == 303
        session = next(c for c in signed.headers.get_list("set-cookie") if SESSION_COOKIE in c)
        assert "Secure" in session and "HttpOnly" in session
        # A form posted from another origin is refused even with a valid token.
        other = client.post(
            "/login",
            data={"csrf_token": token.group(1), "email": "ann@example.org", "password": PASSWORD},
            headers={"Origin": "https://evil.example"},
            follow_redirects=False,
        )
        assert other.status_code == 403


def test_the_coach_pages_open_a_client_and_keep_private_notes(
    make_browser, people, server_db: Database
) -> None:  # type: ignore[no-untyped-def]
    coaching.grant_access(
        server_db,
        client_email="ann@example.org",
        coach_email="cat@example.org",
        access="view",
        now=datetime.now(UTC),
    )
    coach = make_browser()
    coach.sign_in("cat@example.org")
    ws = people["ann"].workspace_id
    dashboard = coach.client.get("/coach")
    assert dashboard.status_code == 200 and "Ann" in dashboard.text and "Bob" not in dashboard.text
    client_page = coach.client.get(f"/coach/clients/{ws}")
    assert "Your private notes" in client_page.text
    saved = coach.post_form(f"/coach/clients/{ws}/notes", {"body": "Wants a VP role by 2028."})
    assert saved.status_code == 303
    assert "Wants a VP role by 2028." in coach.client.get(f"/coach/clients/{ws}").text
    assert coach.client.get(f"/coach/clients/{people['bob'].workspace_id}").status_code == 404
    opened = coach.post_form(f"/coach/clients/{ws}/open", {})
    assert opened.status_code == 303
    journal = coach.client.get("/journal")
    assert "You are in <strong>Ann</strong>" in journal.text
    # A member has no clients page of use, and Ann never sees the coach's notes.
    ann = make_browser()
    ann.sign_in("ann@example.org")
    assert "Wants a VP role" not in ann.client.get("/settings").text


def test_a_coach_invites_a_client_who_accepts_or_declines(make_browser, people) -> None:  # type: ignore[no-untyped-def]
    coach, ann, bob = make_browser(), make_browser(), make_browser()
    coach.sign_in("cat@example.org")
    ann.sign_in("ann@example.org")
    bob.sign_in("bob@example.org")
    csrf = {"X-CSRF-Token": coach.api_token()}
    answers = [
        coach.client.post(
            "/api/coach/invitations", json={"email": email, "access": "edit"}, headers=csrf
        )
        for email in ("ann@example.org", "bob@example.org", "nobody@example.org")
    ]
    # The same answer for an e-mail without an account: nothing to probe.
    assert {r.status_code for r in answers} == {202}
    assert len({r.json()["message"] for r in answers}) == 1
    pending = ann.client.get("/api/invitations").json()
    assert [(i["coach"]["email"], i["access"]) for i in pending] == [("cat@example.org", "edit")]
    assert "asks for <strong>edit</strong> access" in ann.client.get("/settings").text
    accepted = ann.post_form(f"/settings/invitations/{pending[0]['id']}", {"answer": "accept"})
    assert accepted.status_code == 303
    assert ann.client.get("/api/invitations").json() == []
    bob_invite = bob.client.get("/api/invitations").json()[0]
    # Ann cannot answer Bob's invitation.
    stolen = ann.client.post(
        f"/api/invitations/{bob_invite['id']}/accept",
        json={},
        headers={"X-CSRF-Token": ann.api_token()},
    )
    assert stolen.status_code == 404
    declined = bob.client.delete(
        f"/api/invitations/{bob_invite['id']}", headers={"X-CSRF-Token": bob.api_token()}
    )
    assert declined.status_code == 204
    clients = coach.client.get("/api/coach/clients").json()
    assert [(c["email"], c["access"]) for c in clients] == [("ann@example.org", "edit")]
    # A member cannot invite anyone.
    member = ann.client.post(
        "/api/coach/invitations",
        json={"email": "bob@example.org"},
        headers={"X-CSRF-Token": ann.api_token()},
    )
    assert member.status_code == 403


def _journal(browser: Browser, activity: str, workspace: int | None = None):  # type: ignore[no-untyped-def]
    query = f"?workspace={workspace}" if workspace else ""
    return browser.client.post(
        f"/api/journal/entries{query}",
        json={"activity": activity, "energy": 2, "date": "2026-11-20"},
        headers={"X-CSRF-Token": browser.api_token()},
    )


def _activities(browser: Browser, workspace: int | None = None) -> list[str]:
    query = f"&workspace={workspace}" if workspace else ""
    response = browser.client.get(f"/api/journal/entries?as_of=2026-11-22{query}")
    assert response.status_code == 200, response.text
    return sorted(e["activity"] for e in response.json())


def test_each_account_works_in_its_own_workspace_and_a_coach_in_a_granted_one(
    make_browser, people, server_db: Database
) -> None:  # type: ignore[no-untyped-def]
    ann, bob, coach = make_browser(), make_browser(), make_browser()
    ann.sign_in("ann@example.org")
    bob.sign_in("bob@example.org")
    coach.sign_in("cat@example.org")
    assert _journal(ann, "Ann's customer interviews").status_code == 201
    assert _journal(bob, "Bob's budget review").status_code == 201
    assert _activities(ann) == ["Ann's customer interviews"]
    assert _activities(bob) == ["Bob's budget review"]
    assert _activities(coach) == []
    assert "Bob's budget review" not in ann.client.get("/journal?as_of=2026-11-22").text
    coaching.grant_access(
        server_db,
        client_email="ann@example.org",
        coach_email="cat@example.org",
        access="edit",
        now=datetime.now(UTC),
    )
    ann_ws, bob_ws = people["ann"].workspace_id, people["bob"].workspace_id
    assert _activities(coach, ann_ws) == ["Ann's customer interviews"]
    assert _journal(coach, "Mock interview with Cat", ann_ws).status_code == 201
    assert _activities(ann) == ["Ann's customer interviews", "Mock interview with Cat"]
    assert _activities(coach) == []  # the coach's own workspace is untouched
    # Bob's workspace stays out of reach, by id, for reads and writes.
    assert coach.client.get(f"/api/journal/entries?workspace={bob_ws}").status_code == 404
    assert _journal(coach, "sneaky", bob_ws).status_code == 404
    assert _journal(ann, "sneaky", bob_ws).status_code == 404
    assert _activities(bob) == ["Bob's budget review"]
    # A page the coach opened shows Ann's journal.
    coach.post_form(f"/coach/clients/{ann_ws}/open", {})
    assert "Mock interview with Cat" in coach.client.get("/journal?as_of=2026-11-22").text


def test_the_dashboard_shows_each_clients_figures_stalled_first(
    make_browser, people, server_db: Database
) -> None:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    for email in ("ann@example.org", "bob@example.org"):
        coaching.grant_access(
            server_db, client_email=email, coach_email="cat@example.org", access="view", now=now
        )
    ann = make_browser()
    ann.sign_in("ann@example.org")
    assert _journal(ann, "Informational interview prep").status_code == 201
    coach = make_browser()
    coach.sign_in("cat@example.org")
    clients = coach.client.get("/api/coach/clients").json()
    # Bob has done nothing: stalled, listed first.
    assert [(c["email"], c["stalled"]) for c in clients] == [
        ("bob@example.org", True),
        ("ann@example.org", False),
    ]
    bob_line, ann_line = clients
    assert bob_line["last_activity"] is None and bob_line["plan_check"] == "no plan yet"
    assert ann_line["last_activity"] is not None
    assert ann_line["meetings_this_week"] == 0 and ann_line["replies_awaited"] == 0
    page = coach.client.get("/coach").text
    assert page.index("Bob") < page.index("Ann") and "stalled" in page


def test_local_mode_takes_a_workspace_id_too(web) -> None:  # type: ignore[no-untyped-def]
    assert web.get("/api/vision?workspace=1").status_code == 200
    missing = web.get("/api/vision?workspace=999")
    assert missing.status_code == 404


def test_address_book_sync_is_not_offered_by_a_server_and_its_forms_are_refused(
    make_browser, people, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    browser = make_browser()
    browser.sign_in("ann@example.org")
    page = browser.client.get("/settings").text
    assert "Address book sync" in page
    assert "Not offered on a nextmove server" in page
    assert 'action="/settings/sync"' not in page
    added = browser.post_form(
        "/settings/sync",
        {"name": "phone", "carddav": "http://127.0.0.1:9/", "user": "a", "password": "pw"},
    )
    assert added.status_code == 403
    assert "address book sync is not offered by a nextmove server" in added.text
    assert not list(tmp_path.rglob("sync-phone-*"))
