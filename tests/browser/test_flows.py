"""The flows of issue 15 in a real browser at 1280 and 375 px: a meeting's page in stages,
the opportunities board (buttons, and drag where scripts run), compare at phone width, and
the demo's calendar with no setup. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import icalendar
import pytest

pytestmark = pytest.mark.browser

AS_OF = "as_of=2026-11-22"
WIDTHS = ((1280, 900), (375, 812))


def _no_sideways_scroll(page: Any, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


def test_a_meeting_page_opens_at_the_stage_its_state_calls_for(
    server: str, browser: Any, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    for width, height in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(f"{server}/meetings?{AS_OF}")
        scheduled = page.locator("section.board-column.state-scheduled")
        scheduled.get_by_role("link").first.click()
        expect(page.locator("#state-h")).to_contain_text("scheduled")
        # One section open, the agenda's; the time is on the collapsed Schedule's line.
        expect(page.locator("details.stage[open]")).to_have_count(1)
        expect(page.locator("#stage-prepare")).to_have_attribute("open", "")
        expect(page.locator("#stage-schedule > summary")).to_contain_text("Tue 24 Nov 10:00")
        # The agenda reads as a document, not as Markdown source.
        agenda = page.locator(".agenda-text")
        expect(agenda.locator("h4, li").first).to_be_visible()
        expect(agenda).not_to_contain_text("## ")
        _no_sideways_scroll(page, width)
        page.screenshot(path=str(screenshots / f"flows-meeting-{width}.png"), full_page=True)
        # The demo's own record has an address: the invitation downloads with no setup.
        page.locator("#stage-schedule > summary").click()
        expect(page.get_by_role("link", name="Download invitation (.ics)")).to_be_visible()
        page.locator("#stage-after > summary").click()
        expect(page.get_by_label("Note", exact=True)).to_be_visible()
        context.close()


def test_the_opportunities_board_moves_cards_by_button_and_by_drag(
    server: str, browser: Any, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    for width, height in WIDTHS:
        for scripts in (True, False):
            context = browser.new_context(
                viewport={"width": width, "height": height}, java_script_enabled=scripts
            )
            page = context.new_page()
            page.goto(f"{server}/opportunities?{AS_OF}")
            expect(page.locator("section.opp-column")).to_have_count(5)
            _no_sideways_scroll(page, width)
            name = f"flows-opportunities-{width}{'' if scripts else '-no-js'}.png"
            page.screenshot(path=str(screenshots / name), full_page=True)
            context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/opportunities?{AS_OF}")
    considering = page.locator('section.opp-column[data-status="considering"]')
    card = considering.locator("li.opp-card").first
    title = card.get_by_role("heading", level=4).inner_text()
    # A button moves it one column on.
    card.get_by_role("button", name=re.compile("^Exploring")).click()
    expect(page.locator(".notice[role=status]")).to_contain_text(f"{title} is now exploring")
    exploring = page.locator('section.opp-column[data-status="exploring"]')
    moved = exploring.locator("li.opp-card", has_text=title)
    expect(moved).to_have_count(1)
    # Dragging it onto another column moves it there.
    moved.drag_to(page.locator('section.opp-column[data-status="applied"]'))
    expect(page.locator(".notice[role=status]")).to_contain_text(f"{title} is now applied")
    applied = page.locator('section.opp-column[data-status="applied"]')
    expect(applied.locator("li.opp-card", has_text=title)).to_have_count(1)
    page.screenshot(path=str(screenshots / "flows-opportunities-dragged.png"), full_page=True)
    context.close()


def test_compare_reads_at_phone_width_without_sideways_scrolling(
    server: str, browser: Any, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    for width, height in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(f"{server}/opportunities?{AS_OF}")
        for box in page.locator("input[name=ids]").all()[:3]:
            box.check()
        page.get_by_role("button", name="Compare selected").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Compare opportunities")
        if width < 600:
            expect(page.locator(".compare-stack")).to_be_visible()
            expect(page.locator("table.compare")).to_be_hidden()
        else:
            expect(page.locator("table.compare")).to_be_visible()
        _no_sideways_scroll(page, width)
        page.screenshot(path=str(screenshots / f"flows-compare-{width}.png"), full_page=True)
        context.close()


def test_the_demo_calendar_downloads_with_no_setup(
    server: str, browser: Any, tmp_path: Path
) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto(f"{server}/meetings?{AS_OF}")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download your calendar (.ics)").click()
    saved = tmp_path / "feed.ics"
    info.value.save_as(saved)
    calendar = icalendar.Calendar.from_ical(saved.read_bytes())
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert calendar.walk("VEVENT")
    context.close()
