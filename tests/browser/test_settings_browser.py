"""The Settings page in a real Chromium: a first-run user in Chicago takes the device's time
zone with one click and saves it for the workspace."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser


def test_a_first_run_user_takes_the_device_time_zone_with_one_click_and_saves_it(
    browser: object, empty_server: str, screenshots: Path
) -> None:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 375, "height": 900}, timezone_id="America/Chicago"
    )
    page = context.new_page()
    page.goto(empty_server + "/settings")
    assert page.input_value("#f-timezone") == "UTC"
    offer = page.get_by_role("button", name="Use this device's time zone: America/Chicago")
    offer.click()
    assert page.input_value("#f-timezone") == "America/Chicago"
    page.get_by_role("button", name="Save settings").click()
    assert "Saved: Time zone." in page.locator(".notice").inner_text()
    assert page.input_value("#f-timezone") == "America/Chicago"
    assert "Set here" in (page.locator("#f-timezone-origin").text_content() or "")
    # Chosen now: no more offer.
    assert page.locator(".device-zone").count() == 0
    page.screenshot(path=str(screenshots / "settings-saved-375.png"), full_page=True)
    context.close()
