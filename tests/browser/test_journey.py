"""The main journey of this round in a real browser: open the demo, read the vision and its
check, log a journal entry with real clicks and keys, and see it in the list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

AS_OF = "as_of=2026-11-22"


def test_opening_the_demo_reading_its_vision_and_logging_an_entry(
    empty_server: str, browser: Any, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    server = empty_server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/?{AS_OF}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Today")
    page.screenshot(path=str(screenshots / "today-empty.png"), full_page=True)
    page.get_by_role("link", name="explore the demo").click()
    page.get_by_role("button", name="Create the demo workspace").click()
    expect(page.get_by_role("status")).to_contain_text("The demo workspace is ready")
    expect(page.get_by_role("heading", level=1)).to_have_text("Today, Maya")
    expect(page.get_by_text("Your vision is clear: no weaknesses found.")).to_be_visible()
    page.screenshot(path=str(screenshots / "today.png"), full_page=True)

    # The first Tab reaches the skip link; it takes the keyboard to the content.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Vision").click()
    expect(page).to_have_url(f"{server}/vision?{AS_OF}")
    expect(
        page.get_by_role("heading", name="Group Product Manager, Patient Experience")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Director of Product")).to_be_visible()
    check = page.locator("#check")
    expect(check.get_by_role("heading", name="Check")).to_be_visible()
    expect(check).to_contain_text("no weaknesses found")
    page.screenshot(path=str(screenshots / "vision.png"), full_page=True)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Journal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Energy journal")
    page.get_by_label("What did you do?").click()
    page.keyboard.type("user research synthesis")
    page.get_by_role("radio", name="energizing").click()
    page.get_by_label("Engagement").select_option("5")
    page.get_by_label("I was in flow (lost track of time)").focus()
    page.keyboard.press("Space")
    expect(page.get_by_label("I was in flow (lost track of time)")).to_be_checked()
    page.get_by_label("Themes (optional)").click()
    page.keyboard.type("research, people")
    page.keyboard.press("Enter")  # submits the form

    expect(page.get_by_role("status")).to_contain_text("Logged entry #")
    row = page.locator("tr.just-added")
    expect(row).to_contain_text("user research synthesis")
    expect(row).to_contain_text("+2")
    expect(row).to_contain_text("research, people")
    page.screenshot(path=str(screenshots / "journal.png"), full_page=True)

    # Deleting asks first (a small script); accepting the question deletes the entry.
    questions: list[str] = []

    def accept(dialog: Any) -> None:
        questions.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    row.get_by_role("button", name="Delete").click()
    expect(page.get_by_role("status")).to_contain_text("Deleted entry #")
    assert questions and "user research synthesis" in questions[0]
    expect(page.get_by_text("user research synthesis")).to_have_count(0)
    context.close()


def test_a_journal_entry_can_be_logged_without_javascript(
    server: str, browser: Any, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(f"{server}/journal?{AS_OF}")
    page.get_by_label("What did you do?").fill("status reporting")
    page.get_by_role("radio", name="draining").click()
    page.get_by_role("button", name="Log it").click()
    expect(page.get_by_role("status")).to_contain_text("Logged entry #")
    expect(page.locator("tr.just-added")).to_contain_text("status reporting")
    page.screenshot(path=str(screenshots / "journal-phone-no-js.png"))
    page.goto(f"{server}/journal?{AS_OF}")
    page.screenshot(path=str(screenshots / "journal-form-phone-no-js.png"))
    context.close()


def test_the_vision_form_shows_a_problem_next_to_its_field_at_phone_width(
    server: str, browser: Any, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(viewport={"width": 375, "height": 812})
    page = context.new_page()
    page.goto(f"{server}/vision/edit?{AS_OF}")
    page.get_by_label("Note for priority 3 (optional)").fill("")
    page.get_by_label("Priority 3", exact=True).fill("")
    page.get_by_label("Note for priority 3 (optional)").fill("a note without a priority")
    page.get_by_role("button", name="Save your vision").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Not saved: 1 problem")
    expect(summary).to_be_focused()
    expect(page.locator("#f-priorities-2-name-error")).to_be_visible()
    page.screenshot(path=str(screenshots / "vision-edit-error-phone.png"))

    # Fix it, and make the next job vague: the check names the weakness after saving.
    page.get_by_label("Priority 3", exact=True).fill("mission")
    page.locator("#f-steps-0-title").fill("Something new, open to anything")
    page.get_by_role("button", name="Save your vision").click()
    expect(page.get_by_role("status")).to_contain_text("Your vision is saved")
    check = page.locator("#check")
    expect(check).to_contain_text("The next job reads as 'open to anything'.")
    check.get_by_role("link", name="Fix this").first.click()
    expect(page.locator("#f-steps-0-title")).to_have_value("Something new, open to anything")
    page.goto(f"{server}/vision?{AS_OF}#check")
    page.screenshot(path=str(screenshots / "vision-check-phone.png"))
    page.goto(f"{server}/vision?{AS_OF}")
    page.screenshot(path=str(screenshots / "vision-phone.png"))
    page.goto(f"{server}/?{AS_OF}")
    page.screenshot(path=str(screenshots / "today-phone.png"))
    context.close()
