"""The whole method in a real browser, with real clicks: open the demo, read today, open a
suggestion, plan a research meeting, schedule it, download its invitation, add notes and a
referral, find the referral under People, and evaluate an opportunity."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import icalendar
import pytest

pytestmark = pytest.mark.browser

AS_OF = "as_of=2026-11-22"


def test_from_today_to_a_research_meeting_a_referral_and_an_opportunity(
    configured_server: str, browser: Any, screenshots: Path, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    server = configured_server
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    script_errors: list[str] = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    main_nav = page.get_by_role("navigation", name="Main")
    notice = page.locator(".notice[role=status]")  # what a form's answer says

    # Open the demo, and read today.
    page.goto(f"{server}/demo?{AS_OF}")
    page.get_by_role("button", name="Create the demo workspace").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Today, Maya")
    week = page.locator("section", has=page.get_by_role("heading", name="This week"))
    expect(week).to_contain_text("Priya Nayak")
    follow = page.locator("section", has=page.get_by_role("heading", name="Replies and follow-ups"))
    expect(follow).to_contain_text("send a nudge")
    expect(follow).to_contain_text("send your thanks")
    advisors = page.locator("section", has=page.get_by_role("heading", name="Advisors to see"))
    expect(advisors).to_contain_text("overdue")
    next_people = page.locator(
        "section", has=page.get_by_role("heading", name="Next people to reach out to")
    )
    expect(next_people).to_contain_text("Tom Becker")
    page.screenshot(path=str(screenshots / "journey-1-today.png"), full_page=True)

    # Open a suggestion: the best one, with why and how to reach them.
    main_nav.get_by_role("link", name="Suggestions").click()
    first = page.locator("li.suggestion").first
    expect(first.get_by_role("heading", level=3)).to_have_text("1. Tom Becker")
    first.locator("details.why summary").click()
    expect(first.locator("details.why").get_by_role("table")).to_contain_text("predecessor")
    page.screenshot(path=str(screenshots / "journey-2-suggestion.png"), full_page=True)

    # Plan a meeting with him.
    first.get_by_role("link", name="Plan a meeting with Tom Becker").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tom Becker")
    expect(page.get_by_label("Why this person")).not_to_have_value("")
    page.get_by_label("Why this person").fill(
        "He held my role before me: how did he move up, and what does the director job need?"
    )
    page.get_by_role("button", name="Plan meeting").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile(r"Meeting #\d+ with Tom Becker")
    )
    expect(notice).to_contain_text("Planned")
    meeting_url = page.url.split("?")[0]
    expect(page.locator("#state-h")).to_contain_text("idea")
    # The page opens at its first stage, Prepare: the request to copy.
    drafts = page.locator("#draft-card-request")
    expect(drafts.locator("textarea").first).to_contain_text("Tom")
    expect(drafts.get_by_role("button", name=re.compile("^Copy")).first).to_be_visible()
    expect(page.get_by_label("Date and time")).to_be_hidden()  # Schedule is collapsed

    # Schedule it: a time in her time zone, 30 minutes by video.
    page.locator("#stage-schedule > summary").click()
    page.get_by_label("Date and time").fill("2026-11-25T14:00")
    page.get_by_label("Mode").select_option("video")
    page.get_by_label("Video link (optional)").fill("https://meet.example.com/tom")
    page.get_by_role("button", name="Schedule", exact=True).click()
    expect(notice).to_contain_text("Scheduled for")
    expect(page.locator("#state-h")).to_contain_text("scheduled")
    page.screenshot(path=str(screenshots / "journey-3-meeting-scheduled.png"), full_page=True)

    # One section open, Prepare (the agenda); the time is on the collapsed Schedule's line.
    expect(page.locator("details.stage[open]")).to_have_count(1)
    expect(page.locator("#stage-prepare")).to_have_attribute("open", "")
    expect(page.locator("#stage-schedule > summary")).to_contain_text("Wed 25 Nov 14:00, video")

    # Download its invitation from the notice, and read it as a calendar would.
    with page.expect_download() as info:
        page.get_by_role("status").get_by_role("link", name="Download the invitation").click()
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    calendar = icalendar.Calendar.from_ical(saved.read_bytes())
    assert str(calendar["METHOD"]) == "REQUEST"
    event = next(iter(calendar.walk("VEVENT")))
    assert "Tom Becker" in str(event["SUMMARY"])
    start = event.decoded("DTSTART")
    assert (start.year, start.month, start.day, start.hour) == (2026, 11, 25, 14)
    assert str(start.tzinfo) == "America/Chicago" or start.utcoffset().total_seconds() == -6 * 3600
    assert "mailto:maya.chen@example.com" in str(event["ORGANIZER"]).lower()

    # After the meeting: marked held (its time has not come on 2026-11-22: confirm), then
    # notes and a referral.
    page.get_by_role("button", name="Held", exact=True).click()
    expect(page.locator("#confirm-held")).to_contain_text("has not come yet")
    page.get_by_role("button", name="Yes, it was held").click()
    expect(page.locator("#state-h")).to_contain_text("held")
    expect(page.get_by_label("Note", exact=True)).to_be_visible()  # After the meeting is open
    page.get_by_label("Note", exact=True).fill(
        "Tom moved to scheduling after two years; the director role wants a P&L owner."
    )
    page.get_by_role("button", name="Add note").click()
    expect(notice).to_be_visible()
    notes = page.locator("#notes")
    expect(notes).to_contain_text("the director role wants a P&L owner")

    page.get_by_label("Name", exact=True).fill("Grace Whitfield")
    page.get_by_label("Organization").fill("Riverbend Health")
    page.get_by_label("Title").fill("VP of Product")
    page.get_by_role("button", name="Add referral").click()
    expect(notice).to_contain_text(
        "Grace Whitfield added as a meeting idea, introduced by Tom Becker"
    )
    referrals = page.locator("#referrals")
    expect(referrals).to_contain_text("Grace Whitfield")
    page.screenshot(path=str(screenshots / "journey-4-notes-and-referral.png"), full_page=True)

    # Find the referral under People, and see who introduced her.
    main_nav.get_by_role("link", name="People").click()
    page.get_by_role("searchbox", name="Search").fill("whitfield")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 person found")).to_be_visible()
    page.get_by_role("link", name="Grace Whitfield").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Grace Whitfield")
    chain = page.locator("section", has=page.get_by_role("heading", name="How you got here"))
    steps = chain.get_by_role("list", name="The chain of introductions")
    expect(steps.get_by_role("listitem")).to_have_text(
        [re.compile("^You"), "Tom Becker", "Grace Whitfield"]
    )
    expect(steps.get_by_role("link")).to_have_text(["Tom Becker"])
    expect(chain).to_contain_text("Introduced by Tom Becker")
    meetings = page.locator("section", has=page.get_by_role("heading", name="Meetings"))
    expect(meetings).to_contain_text("idea")
    page.screenshot(path=str(screenshots / "journey-5-referral-person.png"), full_page=True)

    # The meeting is on the board, under held.
    main_nav.get_by_role("link", name="Meetings").click()
    scheduled = page.locator("section", has=page.get_by_role("heading", name=re.compile("^Held")))
    expect(scheduled.first).to_contain_text("Tom Becker")
    page.screenshot(path=str(screenshots / "journey-6-meetings-board.png"), full_page=True)

    # Evaluate an opportunity.
    main_nav.get_by_role("link", name="Opportunities").click()
    page.get_by_role("link", name="Group Product Manager, Patient Experience").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Verdict: "))).to_be_visible()
    expect(page.locator("#fit")).to_contain_text("family life")
    people = page.locator("#people")
    expect(people).to_contain_text("Priya Nayak")
    expect(people).to_contain_text("referrer")
    page.screenshot(path=str(screenshots / "journey-7-opportunity.png"), full_page=True)

    # And the meeting is still there, held, when she comes back to it.
    page.goto(f"{meeting_url}?{AS_OF}")
    expect(page.locator("#state-h")).to_contain_text("held")
    # The page's own script ran everywhere without an error.
    assert script_errors == []
    context.close()


def test_every_page_of_the_method_reads_at_phone_width_without_javascript(
    server: str, browser: Any, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 812})
    page = context.new_page()
    for path, name in (
        ("/", "today"),
        ("/people", "people"),
        ("/people?q=maria", "people-search"),
        ("/meetings", "meetings"),
        ("/meetings/1", "meeting"),
        ("/meetings/new?person_id=2", "meeting-new"),
        ("/board", "board"),
        ("/round", "round"),
        ("/import", "import"),
        ("/journal", "journal"),
        ("/people/38", "person"),
        ("/opportunities/4", "opportunity-people"),
        ("/settings", "settings"),
    ):
        page.goto(f"{server}{path}{'&' if '?' in path else '?'}{AS_OF}")
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        # Nothing is wider than the phone: the page never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
        page.screenshot(path=str(screenshots / f"{name}-phone-no-js.png"), full_page=True)
    context.close()


def test_copy_buttons_appear_only_where_a_script_can_copy(
    server: str, browser: Any, screenshots: Path
) -> None:
    from playwright.sync_api import expect

    for scripts, visible in ((False, 0), (True, 1)):
        context = browser.new_context(java_script_enabled=scripts)
        page = context.new_page()
        page.goto(f"{server}/board?{AS_OF}")
        copy = page.get_by_role("button", name=re.compile("^Copy"))
        expect(copy.filter(visible=True)).to_have_count(visible)
        context.close()
