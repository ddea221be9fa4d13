"""Server mode in a real browser (Debian's Chromium) against a real `nextmove server` on
PostgreSQL: an admin creates a coach and two clients; client A gives the coach access; the
coach sees A and not B; A revokes; the coach sees nothing of A at once; A reads the audit
log of the coach's visits. Screenshots at 1280 and 375 px go to artifacts/screenshots/."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.pg_server import PostgresServer
from tests.server_process import new_pg_database, run_server

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
WIDTHS = ((1280, 900), (375, 812))


def _admin(db_url: str, *args: str, password: str | None = None) -> str:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from nextmove.cli.app import main; main()",
            "--db",
            db_url,
            "admin",
            *args,
        ],
        input=password,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def coach_server(tmp_path: Path, pg_server: PostgresServer) -> Iterator[str]:
    url = new_pg_database(pg_server)
    for email, name, role in (
        ("casey@example.org", "Casey Coach", "coach"),
        ("ann@example.org", "Ann Lee", "member"),
        ("bob@example.org", "Bob Stone", "member"),
    ):
        made = _admin(
            url,
            "create-user",
            email,
            "--name",
            name,
            "--role",
            role,
            "--password-stdin",
            password=PASSWORD + "\n",
        )
        assert f"Created {role} {name}" in made
    yield from run_server(tmp_path, url, workers=2)


def _sign_in(browser: Any, base: str, email: str, width: int, height: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{base}/settings")
    assert "/login" in page.url
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/settings")
    return page


def test_a_client_grants_a_coach_and_revokes_at_once(
    coach_server: str, browser: Any, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    base = coach_server
    width, height = WIDTHS[0]
    login = browser.new_context(viewport={"width": width, "height": height}).new_page()
    login.goto(f"{base}/login")
    login.get_by_label("E-mail").fill("ann@example.org")
    login.get_by_label("Password").fill("not my password")
    login.get_by_role("button", name="Sign in").click()
    expect(login.get_by_role("alert")).to_contain_text("Wrong e-mail or password.")
    login.screenshot(path=str(screenshots / f"server-login-error-{width}.png"), full_page=True)
    login.context.close()

    ann = _sign_in(browser, base, "ann@example.org", width, height)
    ann.goto(f"{base}/journal")
    ann.get_by_label("What did you do?").fill("Customer interviews at Northwind")
    ann.get_by_role("radio", name="energizing").click()
    ann.get_by_role("button", name="Log it").click()
    expect(ann.get_by_role("status")).to_contain_text("Logged entry")
    bob = _sign_in(browser, base, "bob@example.org", width, height)
    bob.goto(f"{base}/journal")
    expect(bob.locator("main")).not_to_contain_text("Customer interviews at Northwind")
    bob.get_by_label("What did you do?").fill("Budget review with finance")
    bob.get_by_role("radio", name="tiring").click()
    bob.get_by_role("button", name="Log it").click()
    expect(bob.get_by_role("status")).to_contain_text("Logged entry")
    bob.context.close()
    ann.goto(f"{base}/settings")
    ann.get_by_label("Coach's e-mail").fill("casey@example.org")
    ann.get_by_label("Access").select_option("view")
    ann.get_by_role("button", name="Give access").click()
    expect(ann.locator("#coaches-h + p + ul")).to_contain_text("Casey Coach")

    coach = _sign_in(browser, base, "casey@example.org", width, height)
    coach.get_by_role("link", name="Clients").click()
    table = coach.locator("table.coach-clients")
    expect(table).to_contain_text("Ann Lee")
    expect(table).not_to_contain_text("Bob Stone")
    coach.screenshot(path=str(screenshots / f"server-coach-{width}.png"), full_page=True)
    coach.set_viewport_size({"width": WIDTHS[1][0], "height": WIDTHS[1][1]})
    assert coach.evaluate("document.documentElement.scrollWidth") <= WIDTHS[1][0]
    coach.screenshot(path=str(screenshots / f"server-coach-{WIDTHS[1][0]}.png"), full_page=True)
    coach.set_viewport_size({"width": width, "height": height})
    coach.get_by_role("button", name="Open workspace").click()
    expect(coach.locator(".client-banner")).to_contain_text("Ann Lee")
    coach.goto(f"{base}/journal")
    expect(coach.locator(".client-banner")).to_contain_text("view access, read only")
    expect(coach.locator("main")).to_contain_text("Customer interviews at Northwind")
    expect(coach.locator("main")).not_to_contain_text("Budget review with finance")
    coach.screenshot(path=str(screenshots / f"server-coach-in-client-{width}.png"), full_page=True)

    # Ann revokes; the coach's very next page is their own again, and A is gone from the list.
    ann.goto(f"{base}/settings")
    ann.get_by_role("button", name="Revoke").click()
    expect(ann.get_by_text("No coach has access to your workspace.")).to_be_visible()
    coach.reload()
    expect(coach.locator(".client-banner")).to_have_count(0)
    expect(coach.locator("main")).not_to_contain_text("Customer interviews at Northwind")
    coach.goto(f"{base}/coach")
    expect(coach.locator("table.coach-clients")).to_have_count(0)
    expect(coach.get_by_text("No client has given you access yet.")).to_be_visible()

    # Ann reads who looked at what.
    ann.reload()
    log = ann.locator("table.audit-log")
    expect(log).to_contain_text("Casey Coach")
    expect(log).to_contain_text("GET /journal")
    ann.screenshot(path=str(screenshots / f"server-settings-{width}.png"), full_page=True)

    # The same pages at phone width: nothing runs off the side.
    small_w, small_h = WIDTHS[1]
    for page in (ann, coach):
        page.set_viewport_size({"width": small_w, "height": small_h})
    ann.goto(f"{base}/settings")
    assert ann.evaluate("document.documentElement.scrollWidth") <= small_w
    ann.screenshot(path=str(screenshots / f"server-settings-{small_w}.png"), full_page=True)
    coach.goto(f"{base}/coach")
    assert coach.evaluate("document.documentElement.scrollWidth") <= small_w
    coach.screenshot(path=str(screenshots / f"server-coach-empty-{small_w}.png"), full_page=True)
    login = browser.new_context(viewport={"width": small_w, "height": small_h}).new_page()
    login.goto(f"{base}/login")
    login.screenshot(path=str(screenshots / f"server-login-{small_w}.png"), full_page=True)
    login.context.close()
    ann.context.close()
    coach.context.close()
