"""Members of your org charts on the web, on SQLite and PostgreSQL: listed with your people,
a page of their org-chart facts at /people/m/ORG:EMPLOYEE_ID, and one of your people the
moment you add them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from nextmove.services import imports
from nextmove.services import people as people_service
from nextmove.services.workspace import Workspace
from tests.cli.test_directory_story_cli import JUNE, MARCH
from tests.web.conftest import Web


def _charts(db: Workspace, tmp_path: Path) -> None:
    for name, text, day, me in (
        ("march.csv", MARCH, date(2026, 3, 1), None),
        ("june.csv", JUNE, date(2026, 6, 1), "NW7"),
    ):
        (tmp_path / name).write_text(text)
        imports.import_file(
            db,
            "orgchart",
            tmp_path / name,
            now=datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
            today=day,
            organization="Northwind",
            me=me,
        )


def test_members_list_with_your_people_and_have_a_page(
    web: Web, web_db: Workspace, tmp_path: Path
) -> None:
    _charts(web_db, tmp_path)
    listed = web.get("/people").text
    assert "12 people" in listed
    assert 'href="/people/m/northwind:NW3">Ana Alves</a>' in listed
    page = web.get("/people/m/northwind:NW3")
    assert page.status_code == 200
    assert "In the Northwind org chart" in page.text
    assert "not one of your people yet" in page.text
    assert 'href="/people/m/northwind:NW5">Gil Grant</a>' in page.text  # her manager
    assert "Ida Ink" in page.text and "Product Analytics Manager" in page.text
    assert "Senior Data Analyst, Data" in page.text  # her earlier position
    # Nothing was stored by reading.
    assert people_service.list_people(web_db, query="Alves")[0][0].member_ref == "northwind:NW3"


def test_adding_a_member_makes_them_one_of_your_people_once(
    web: Web, web_db: Workspace, tmp_path: Path
) -> None:
    _charts(web_db, tmp_path)
    added = web.submit("/people/m/northwind:NW3/add", {}, page="/people/m/northwind:NW3")
    assert added.status_code == 303
    person_page = added.headers["location"]
    assert person_page.startswith("/people/") and "/m/" not in person_page
    page = web.get(person_page).text
    assert "Ana Alves" in page and "In the Northwind org chart" in page
    # The member's address now leads to the person; adding again changes nothing.
    again = web.get("/people/m/northwind:NW3", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"] == person_page
    web.submit("/people/m/northwind:NW3/add", {}, page="/people/m/northwind:NW3")
    lines, total = people_service.list_people(web_db, limit=None)
    assert total == 12 and [p.name for p in lines].count("Ana Alves") == 1


def test_an_unknown_member_is_a_404_and_a_bad_reference_a_400(
    web: Web, web_db: Workspace, tmp_path: Path
) -> None:
    _charts(web_db, tmp_path)
    assert web.get("/people/m/northwind:NW99").status_code == 404
    assert web.get("/people/m/nowhere:NW1").status_code == 404
    assert web.get("/people/m/no-colon").status_code == 400


def test_a_suggested_member_links_to_their_page_and_plan_a_meeting_adds_them(
    web: Web, web_db: Workspace, tmp_path: Path
) -> None:
    _charts(web_db, tmp_path)
    from nextmove.services import vision as vision_service
    from tests.cli.test_directory_story_cli import VISION

    vision_service.import_vision(web_db, VISION, source="vision.toml", now=datetime.now(UTC))
    page = web.get("/suggestions?as_of=2026-06-15").text
    first = page.split('class="card suggestion"', 2)[1]
    assert "Ana Alves" in first and 'href="/people/m/northwind:NW3?as_of=2026-06-15"' in first
    assert "held your role before you" in first and "org chart" in first
    # The network map knows your manager from the chart.
    assert 'Bo Berg <span class="muted">(your manager' in page
    planned = web.submit(
        "/people/m/northwind:NW3/add", {"next": "meeting"}, page="/suggestions?as_of=2026-06-15"
    )
    assert planned.status_code == 303
    assert planned.headers["location"].startswith("/meetings/new?person_id=")
    form = web.get(planned.headers["location"]).text
    assert "Plan a meeting with Ana Alves" in form
