"""The pages people use daily, in a real Chromium: the network map (zoom and pan), people as
cards with a person picker, Today's first-run guide, and an axe-core audit of every page at
1280 and 375 px with JavaScript on and off. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/vision",
    "/vision/edit",
    "/plans",
    "/plans/edit?plan=wild+card",
    "/journal",
    "/settings",
    "/demo",
    "/people",
    "/people?keep=due",
    "/people/38",
    "/people/38/edit",
    "/people/new",
    "/people/38/delete",
    "/opportunities",
    "/opportunities/3",
    "/opportunities/new",
    "/opportunities/compare?ids=3&ids=4",
    "/suggestions",
    "/map",
    "/suggestions/paths/13",
    "/suggestions/moves",
    "/round",
    "/board",
    "/meetings",
    "/meetings/1",
    "/meetings/new?person_id=13",
    "/meetings/1/delete",
    "/import",
]
WIDTHS = (1280, 375)
SCRIPT = re.compile(r"\.js(\?|$)")  # app.js?v=…


def test_axe_finds_no_serious_or_critical_violation_on_any_page(
    browser: object, server: str
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found: list[tuple[str, int, bool, str, str]] = []
    for js in (True, False):
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
            if not js:  # the page's own scripts never load; axe is injected by Playwright
                context.route(SCRIPT, lambda route: route.abort())
            page = context.new_page()
            page.goto(server + "/map")
            assert page.locator(".map-tools").is_hidden() is (not js)  # JS really on / off
            for path in PAGES:
                page.goto(server + path)
                for v in axe.run(page).response["violations"]:
                    found.append((path, width, js, v["id"], v["impact"] or ""))
            context.close()
    by_impact = Counter(impact for *_, impact in found)
    print(f"axe-core: {len(PAGES)} pages x {len(WIDTHS)} widths x JS on/off: {dict(by_impact)}")
    serious = [f for f in found if f[4] in ("serious", "critical")]
    assert not serious, serious


def test_the_map_zooms_with_keys_and_buttons_and_starts_with_you_in_view(
    browser: object, server: str, screenshots: Path
) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})  # type: ignore[attr-defined]
    page.goto(server + "/map")
    view = page.locator(".map-view")
    svg = view.locator("svg")
    natural = float(svg.get_attribute("width") or 0)
    # On a phone the drawing keeps its size (names stay readable) and scrolls, you in view.
    assert natural > 375
    me = page.locator(".node.me").bounding_box()
    box = view.bounding_box()
    assert me and box and box["x"] <= me["x"] <= box["x"] + box["width"]
    page.screenshot(path=str(screenshots / "map-375.png"), full_page=True)
    view.focus()
    page.keyboard.press("-")
    assert float(svg.get_attribute("width") or 0) < natural
    page.get_by_role("button", name="Fit").click()
    assert float(svg.get_attribute("width") or 0) <= box["width"] + 1
    page.get_by_role("button", name="Zoom in").click()
    assert float(svg.get_attribute("width") or 0) > box["width"]
    page.keyboard.press("ArrowRight")  # the focused view scrolls natively
    page.close()
    wide = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    wide.goto(server + "/map")
    wide.screenshot(path=str(screenshots / "map-1280.png"), full_page=True)
    wide.close()


def test_people_are_cards_on_a_phone_and_the_person_picker_suggests_names(
    browser: object, server: str, screenshots: Path
) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 800})  # type: ignore[attr-defined]
    page.goto(server + "/people")
    first = page.locator(".people-table tbody tr").first
    box = first.bounding_box()
    assert box and box["y"] < 1000  # the first person before a wall of filters
    assert not page.locator(".more-filters").evaluate("d => d.open")
    label = first.locator("td[data-label='Level']").evaluate(
        "td => getComputedStyle(td, '::before').content"
    )
    assert label == '"Level"'
    page.screenshot(path=str(screenshots / "people-375.png"))
    page.goto(server + "/meetings/new")
    page.locator("#f-person").press_sequentially("Tom Be", delay=30)
    page.wait_for_function(
        "() => document.querySelectorAll('#people-picker option').length > 0", timeout=5000
    )
    options = page.locator("#people-picker option").evaluate_all("os => os.map(o => o.value)")
    assert options[0].startswith("Tom Becker #")
    page.locator("#f-person").fill(options[0])
    page.screenshot(path=str(screenshots / "picker-375.png"))
    page.close()


def test_a_first_run_today_is_a_guide_through_the_four_steps(
    browser: object, empty_server: str, screenshots: Path
) -> None:
    for width in WIDTHS:
        page = browser.new_page(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
        page.goto(empty_server + "/")
        guide = page.locator(".guide")
        assert "0 of 4 done" in guide.inner_text()
        assert page.locator(".empty-state").count() == 0
        page.screenshot(path=str(screenshots / f"today-first-run-{width}.png"), full_page=True)
        page.get_by_role("link", name="Write your plan").click()
        assert page.url.endswith("/vision/edit#step-0")
        page.close()
