"""Suggestions → Moves people made, and /api/moves, on SQLite and PostgreSQL, over the demo."""

from __future__ import annotations

import re

from nextmove.formats.moves_json import moves_json
from nextmove.services import moves as moves_service
from nextmove.services.workspace import Workspace
from tests.web.conftest import AS_OF, Web


def test_the_suggestions_page_links_to_the_moves_page(demo_web: Web) -> None:
    page = demo_web.get(f"/suggestions?{AS_OF}").text
    assert 'href="/suggestions/moves' in page


def test_the_moves_page_shows_where_people_in_your_role_went(demo_web: Web) -> None:
    page = demo_web.get(f"/suggestions/moves?{AS_OF}")
    assert page.status_code == 200
    text = page.text
    assert "Where people in a role like Senior Product Manager went next" in text
    first = re.search(r'<li class="card destination">\s*<h3><a [^>]*>([^<]+)</a>', text)
    assert first is not None and first.group(1) == "Group Product Manager"
    assert "Lina Pham" in text and "Tom Becker" in text


def test_the_moves_page_lists_exactly_who_made_a_move_with_a_meeting_step(
    demo_web: Web, web_db: Workspace
) -> None:
    page = demo_web.get(f"/suggestions/moves?{AS_OF}&to=Group+Product+Manager").text
    names = re.findall(r'<li class="card move">\s*<h3><a [^>]*>([^<]+)</a>', page)
    # Most recent first: the demo dates Tom's move (2023); Lina's is undated.
    assert names == ["Tom Becker", "Lina Pham"]
    assert page.count("Plan a research meeting") == 2 and "/meetings/new?person_id=" in page


def test_the_api_gives_the_cli_json_shape(demo_web: Web, web_db: Workspace) -> None:
    got = demo_web.get(f"/api/moves?{AS_OF}&from=Senior+Product+Manager&to=Director+of+Product")
    assert got.status_code == 200
    report = moves_service.find_moves(
        web_db, from_title="Senior Product Manager", to_title="Director of Product",
        as_of=__import__("datetime").date(2026, 11, 22),
    )  # fmt: skip
    assert got.json() == moves_json(report)


def test_a_silent_network_shows_onet_with_its_attribution(web: Web) -> None:
    page = web.get(f"/suggestions/moves?{AS_OF}&from=Registered+Nurse").text
    assert "Registered Nurses" in page and "Nurse Practitioners" in page
    assert "O*NET 27.0 Database" in page and "CC BY 4.0" in page


def test_bad_input_is_a_message_not_a_crash(web: Web) -> None:
    page = web.get(f"/suggestions/moves?{AS_OF}")
    assert page.status_code == 200 and "no role to start from" in page.text
    assert web.get(f"/suggestions/moves?{AS_OF}&to={'x' * 300}").status_code == 400
    assert web.get(f"/api/moves?{AS_OF}").status_code == 400


def test_a_chart_member_who_made_the_move_links_to_their_member_page_and_a_filled_form(
    web: Web, web_db: Workspace, tmp_path
) -> None:
    """The links were /people/-2 and /meetings/new?person_id=-2: a 404 and a 422."""
    from datetime import date

    from tests.services.test_moves import CHART_2024, CHART_2025, import_chart

    import_chart(web_db, tmp_path, CHART_2024, date(2024, 3, 1))
    import_chart(web_db, tmp_path, CHART_2025, date(2025, 3, 1))
    url = (
        "/suggestions/moves?as_of=2025-06-01&from=Nurse+Manager&to=Director+of+Clinical+Operations"
    )
    page = web.get(url).text
    assert "Bea Moss" in page and "person_id=-" not in page and "/people/-" not in page
    assert 'href="/people/m/mercy-health:2' in page
    assert web.get("/people/m/mercy-health:2").status_code == 200
    # "Plan a research meeting" adds them (a POST, as from a suggestion), then the form.
    assert 'action="/people/m/mercy-health:2/add' in page
    added = web.submit("/people/m/mercy-health:2/add", {"next": "meeting"}, page=url)
    assert added.status_code == 303 and "/meetings/new?person_id=" in added.headers["location"]
    form = web.get(added.headers["location"]).text
    assert "Bea Moss" in form
