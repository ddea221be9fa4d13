# ruff: noqa: F811  (the fixture of test_coach_journey, imported by name)
"""Comments in a real browser (Debian's Chromium) against a real `nextmove server` on
PostgreSQL: a client gives a coach comment access; the coach opens the client's plans and
leaves a comment (and has no other write control); the client sees it on their plan, replies
and resolves it. Screenshots at 1280 and 375 px go to artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_coach_journey import WIDTHS, _sign_in, coach_server  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", WIDTHS, ids=["1280", "375"])
def test_a_coach_comments_on_a_plan_and_the_client_resolves_it(
    coach_server: str, browser: Any, screenshots: Path, size: tuple[int, int]
) -> None:
    from playwright.sync_api import expect

    base, (width, height) = coach_server, size
    ann = _sign_in(browser, base, "ann@example.org", width, height)
    ann.get_by_label("Coach's e-mail").fill("casey@example.org")
    ann.get_by_label("Access").select_option("comment")
    ann.get_by_role("button", name="Give access").click()
    expect(ann.locator("#coaches-h + p + ul")).to_contain_text("Casey Coach")

    coach = _sign_in(browser, base, "casey@example.org", width, height)
    coach.goto(f"{base}/coach")
    coach.get_by_role("button", name="Open workspace").click()
    coach.goto(f"{base}/plans")
    expect(coach.locator(".client-banner")).to_contain_text("comment access")
    expect(coach.get_by_role("button", name="Make main plan")).to_have_count(0)
    coach.get_by_label("Add a comment").fill("Name the role two jobs out, not just the next one.")
    coach.get_by_role("button", name="Comment", exact=True).click()
    expect(coach.locator("main p.notice")).to_contain_text("Your comment on “current path” is sent")
    expect(coach.locator(".comment")).to_contain_text("Name the role two jobs out")
    coach.screenshot(path=str(screenshots / f"server-coach-comment-{width}.png"), full_page=True)

    ann.goto(f"{base}/plans")
    thread = ann.locator(".comments")
    expect(thread).to_contain_text("Casey Coach")
    expect(thread).to_contain_text("1 open")
    ann.get_by_label("Reply").fill("Head of Product at a scale-up — I'll add it.")
    ann.get_by_role("button", name="Reply").click()
    expect(ann.locator(".comment")).to_have_count(2)
    # Her own reply waits for no one: not counted, nothing to resolve.
    expect(thread.locator("h3")).to_contain_text("1 open")
    mine = ann.locator(".comment", has_text="Head of Product")
    expect(mine.get_by_role("button", name="Resolve")).to_have_count(0)
    ann.locator(".comment", has_text="Casey Coach").get_by_role("button", name="Resolve").click()
    expect(ann.get_by_role("status")).to_contain_text("Comment resolved")
    expect(ann.locator(".comments")).to_contain_text("1 resolved")
    expect(ann.locator(".comments h3")).not_to_contain_text("open")
    ann.screenshot(path=str(screenshots / f"server-client-comments-{width}.png"), full_page=True)
    ann.goto(f"{base}/settings")
    expect(ann.locator("main")).to_contain_text("/plans/comments")
