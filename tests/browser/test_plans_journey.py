"""Plans side by side in a real browser: the demo's three plans in columns at 1280 px with
their rows aligned, stacked at phone width without sideways scrolling; promote a plan by
clicking, and delete one after confirming."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

AS_OF = "as_of=2026-11-22"


def test_plans_compare_side_by_side_then_promote_and_delete(
    server: str, browser: Any, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    script_errors: list[str] = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    page.goto(f"{server}/vision?{AS_OF}")
    page.get_by_role("link", name="Compare plans").click()
    plans = page.locator("section.plan")
    expect(plans).to_have_count(3)
    boxes = [plans.nth(i).bounding_box() for i in range(3)]
    assert len({round(b["y"]) for b in boxes}) == 1  # one row of columns
    assert boxes[0]["x"] < boxes[1]["x"] < boxes[2]["x"]
    # The gauges start on the same line in every column (rows aligned across plans).
    gauges = [plans.nth(i).locator("dl.gauges").bounding_box()["y"] for i in range(3)]
    assert max(gauges) - min(gauges) < 2
    page.screenshot(path=str(screenshots / "plans-1280.png"), full_page=True)

    wild = plans.filter(has=page.get_by_role("heading", name="wild card"))
    wild.get_by_role("button", name="Make main plan").click()
    expect(page.locator(".notice[role=status]")).to_contain_text("“wild card” is now your main")
    expect(plans.first.get_by_role("heading", level=2)).to_have_text("wild card")

    page.once("dialog", lambda dialog: dialog.accept())
    vanished = plans.filter(has=page.get_by_role("heading", name="if it vanished"))
    vanished.get_by_role("button", name="Delete").click()
    expect(page.locator(".notice[role=status]")).to_contain_text("Deleted the plan")
    expect(plans).to_have_count(2)
    assert script_errors == []
    context.close()


def test_plans_read_at_phone_width(server: str, browser: Any, screenshots: Path) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    for path, name in (("/plans", "plans"), ("/plans/edit?plan=wild+card", "plan-edit")):
        page.goto(f"{server}{path}{'&' if '?' in path else '?'}{AS_OF}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
        page.screenshot(path=str(screenshots / f"{name}-phone.png"), full_page=True)
    context.close()
