"""The journey of this round in a real browser: open the demo, read who to talk to next and
why, see the network map, open an opportunity's evaluation, rate it, and compare two."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

AS_OF = "as_of=2026-11-22"


def test_reading_suggestions_then_evaluating_and_comparing_opportunities(
    empty_server: str, browser: Any, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    server = empty_server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/demo?{AS_OF}")
    page.get_by_role("button", name="Create the demo workspace").click()
    expect(page.get_by_role("status")).to_contain_text("her opportunities and her network")

    main_nav = page.get_by_role("navigation", name="Main")
    main_nav.get_by_role("link", name="Suggestions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Who to talk to next")
    first = page.locator("li.suggestion").first
    expect(first.get_by_role("heading", level=3)).to_have_text("1. Tom Becker")
    expect(first).to_contain_text("held your role before you")
    expect(first).to_contain_text(
        "How to reach them: you know them directly (stated, very strong tie)"
    )

    # The "why" disclosure opens from the keyboard and lists every reason with its share.
    why = first.locator("details.why")
    expect(why.get_by_role("table")).to_be_hidden()
    why.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(why.get_by_role("table")).to_be_visible()
    expect(why.get_by_role("table")).to_contain_text("predecessor")
    expect(why.get_by_role("table")).to_contain_text("Score")
    plan = first.get_by_role("link", name="Plan a meeting with Tom Becker")
    expect(plan).to_have_attribute("href", re.compile(r"^/meetings/new\?person_id=\d+&as_of="))

    picture = page.get_by_role("img", name="Your network")
    expect(picture).to_be_visible()
    page.screenshot(path=str(screenshots / "suggestions.png"), full_page=True)

    # The person's warm paths, from the list.
    first.get_by_role("heading", level=3).get_by_role("link", name="Tom Becker").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Warm paths to Tom Becker")
    expect(
        page.get_by_text("You know Tom Becker directly (stated, very strong tie)")
    ).to_be_visible()
    page.screenshot(path=str(screenshots / "paths.png"), full_page=True)

    # Opportunities: the misaligned VP role, its evaluation, a rating.
    main_nav.get_by_role("link", name="Opportunities").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Opportunities")
    expect(page.get_by_role("heading", name="Where your options come from")).to_be_visible()
    page.screenshot(path=str(screenshots / "opportunities.png"), full_page=True)
    page.get_by_role("link", name="VP of Product, Consumer Banking").click()
    expect(page.get_by_role("heading", name="Verdict: misaligned")).to_be_visible()
    flags = page.locator("#flags")
    expect(flags).to_contain_text("Impressive but misaligned")
    expect(flags).to_contain_text("Breaks your stay-in-city choice")
    page.get_by_label("Your rating for skills development").select_option("2")
    page.get_by_role("button", name="Save ratings").click()
    expect(page.get_by_role("status")).to_contain_text("Your ratings are saved")
    expect(page.locator("#fit")).to_contain_text("2/5 rated")
    page.screenshot(path=str(screenshots / "opportunity.png"), full_page=True)

    # Compare two, ticked in the list.
    main_nav.get_by_role("link", name="Opportunities").click()
    page.get_by_label("Compare #3").check()
    page.get_by_label("Compare #4").check()
    page.get_by_role("button", name="Compare selected").click()
    expect(page.get_by_role("heading", level=2).first).to_have_text(
        "Best against your plan: #4 Group Product Manager, Patient Experience"
    )
    table = page.get_by_role("table")
    expect(table.get_by_role("rowheader", name="Verdict")).to_be_visible()
    expect(table.get_by_role("rowheader", name="1. family life")).to_be_visible()
    expect(table).to_contain_text("Impressive but misaligned")
    page.screenshot(path=str(screenshots / "compare.png"), full_page=True)
    context.close()


def test_suggestions_map_and_comparison_read_at_phone_width(
    server: str, browser: Any, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    for path, name in (
        (f"/suggestions?{AS_OF}", "suggestions-phone.png"),
        (f"/map?{AS_OF}", "map-phone.png"),
        (f"/opportunities/3?{AS_OF}", "opportunity-phone.png"),
        (f"/opportunities/compare?ids=3&ids=4&{AS_OF}", "compare-phone.png"),
    ):
        page.goto(server + path)
        # Nothing is wider than the phone: the page never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
        page.screenshot(path=str(screenshots / name), full_page=True)
    page.goto(f"{server}/map?{AS_OF}")
    expect(page.get_by_role("img", name="Your network")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Tom Becker")
    context.close()


def test_a_pasted_job_posting_becomes_an_opportunity_without_javascript(
    server: str, browser: Any, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(f"{server}/opportunities?{AS_OF}")
    page.get_by_role("link", name="Add an opportunity").click()
    page.get_by_label("Job posting text").fill(
        "Director of Product, Virtual Care\nMercy Digital\nLocation: Chicago, IL\n\n"
        "You will lead four product managers.\n"
    )
    page.get_by_label("What the work involves").fill("coaching junior PMs\nworkshops")
    page.get_by_role("button", name="Add the opportunity").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Director of Product, Virtual Care")
    expect(page.get_by_role("status")).to_contain_text("Added #6")
    facts = page.locator("section", has=page.get_by_role("heading", name="The role"))
    expect(facts).to_contain_text("Mercy Digital")
    expect(facts).to_contain_text("Director")
    expect(facts).to_contain_text("job-board")
    expect(page.get_by_role("heading", name=re.compile(r"^Verdict: "))).to_be_visible()
    page.screenshot(path=str(screenshots / "opportunity-from-posting-phone-no-js.png"))
    context.close()
