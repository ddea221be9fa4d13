"""Every page as a user meets it, on SQLite and PostgreSQL."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from nextmove.services import vision as vision_service
from nextmove.services.workspace import Workspace
from tests.conftest import ROOT
from tests.web.conftest import AS_OF, Web

EXAMPLE = ROOT / "docs" / "examples" / "vision.toml"


def _vision_form(**changes: str) -> dict[str, str]:
    form = {
        "step_slots": "2",
        "me.name": "Ana Ruiz",
        "me.title": "Senior Analyst",
        "me.level": "senior",
        "me.function": "data",
        "me.city": "Lisbon",
        "steps[0].title": "Analytics Manager",
        "steps[0].level": "manager",
        "steps[0].function": "data",
        "steps[0].scope": "A team of five analysts",
        "steps[0].city": "Lisbon",
        "steps[1].title": "Director of Analytics",
        "steps[1].level": "director",
        "steps[1].function": "data",
        "steps[1].scope": "All analytics for one business unit",
        "steps[1].remote": "on",
        "priorities[0].name": "family life",
        "priorities[0].note": "Home by six",
        "priorities[1].name": "skills development",
        "priorities[2].name": "compensation",
        "choices.industry": "open",
        "choices.company": "open",
        "choices.city": "stay",
        "energizers": "teaching\nworkshops",
        "strengths": "clear writing",
    }
    form.update(changes)
    return form


def test_today_shows_the_vision_check_and_journal_highlights(demo_web: Web) -> None:
    page = demo_web.get(f"/?{AS_OF}")
    assert page.status_code == 200
    assert "Today, Maya" in page.text
    assert "Your vision is clear: no weaknesses found." in page.text
    assert "customer interviews" in page.text
    assert 'role="img"' in page.text  # the energy chart


def test_today_on_an_empty_workspace_invites_writing_a_vision(web: Web) -> None:
    page = web.get(f"/?{AS_OF}")
    assert page.status_code == 200
    assert "Get started: four steps to your next move" in page.text
    assert 'href="/vision/edit?as_of=2026-11-22#step-0">Write your plan</a>' in page.text
    assert "weakness" not in page.text  # the guide, not a check of a plan not yet written


def test_vision_page_shows_every_part_of_the_plan_and_its_check(demo_web: Web) -> None:
    page = demo_web.get(f"/vision?{AS_OF}").text
    for expected in (
        "Maya Chen",
        "Senior Product Manager",
        "Group Product Manager, Patient Experience",
        "Director of Product",
        "Next job",
        "Two jobs from now",
        "family life",
        "career trajectory",
        "coaching junior PMs",
        "Writing crisp product specs",
        'class="choice stay"',
        "no weaknesses found",
    ):
        assert expected in page, expected


def test_saving_the_edit_form_replaces_the_vision(web: Web, web_db: Workspace) -> None:
    response = web.submit("/vision/edit", _vision_form(), page="/vision/edit")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/vision?saved=form")
    vision = vision_service.get_vision(web_db)
    assert vision.me.name == "Ana Ruiz" and vision.me.level == 3
    assert [s.title for s in vision.steps] == ["Analytics Manager", "Director of Analytics"]
    assert vision.steps[1].remote is True
    assert [p.name for p in vision.priorities] == [
        "family life",
        "skills development",
        "compensation",
    ]
    assert vision.energizers == ["teaching", "workshops"]
    assert "Your vision is saved" in web.get("/vision?saved=form").text


def test_the_edit_form_shows_what_is_saved(demo_web: Web) -> None:
    page = demo_web.get("/vision/edit").text
    assert 'value="Group Product Manager, Patient Experience"' in page
    assert '<option value="senior" selected>' in page
    assert "Patients drop out between booking and the first visit" in page


def test_a_bad_field_is_shown_next_to_it_and_nothing_is_saved(
    demo_web: Web, web_db: Workspace
) -> None:
    before = vision_service.get_vision(web_db)
    response = demo_web.submit(
        "/vision/edit",
        _vision_form(
            **{
                "steps[1].level": "wizard",
                "priorities[2].name": "",
                "priorities[2].note": "only a note",
            }
        ),
        page="/vision/edit",
    )
    assert response.status_code == 400
    page = response.text
    assert "Not saved: 2 problems" in page
    assert 'id="f-steps-1-level-error"' in page
    assert "unknown level &#39;wizard&#39;" in page
    assert 'id="f-priorities-2-name-error"' in page
    assert 'aria-invalid="true"' in page
    assert 'value="Analytics Manager"' in page  # what was typed is kept
    assert vision_service.get_vision(web_db) == before


def test_every_fix_link_of_an_empty_plan_points_at_a_part_of_the_form(web: Web) -> None:
    import re

    today = web.get(f"/vision?{AS_OF}").text
    targets = set(re.findall(r'href="/vision/edit\?as_of=2026-11-22#([^"]+)"', today))
    assert targets  # an empty plan has weaknesses, each with a link
    form = web.get("/vision/edit").text
    missing = [t for t in targets if f'id="{t}"' not in form]
    assert missing == []
    # The web never tells people to run a command: the journal is named, not its command.
    assert "nextmove journal add" not in today and "in your energy journal" in today


def test_a_vague_next_step_is_flagged_with_advice_on_the_vision_page(web: Web) -> None:
    web.submit(
        "/vision/edit",
        _vision_form(**{"steps[0].title": "I'm open to anything"}),
        page="/vision/edit",
    )
    page = web.get(f"/vision?{AS_OF}").text
    assert "reads as &#39;open to anything&#39;" in page
    assert "rough outline" in page
    assert 'href="/vision/edit?as_of=2026-11-22#f-steps-0-title"' in page


def test_adding_a_step_slot_keeps_what_was_typed(web: Web) -> None:
    response = web.submit("/vision/edit", _vision_form(add_step="1"), page="/vision/edit")
    assert response.status_code == 200
    assert 'name="steps[2].title"' in response.text
    assert 'value="Analytics Manager"' in response.text


def test_an_uploaded_vision_file_replaces_the_vision(web: Web, web_db: Workspace) -> None:
    response = web.submit(
        "/vision/import",
        {},
        page="/vision",
        files={"file": ("vision.toml", EXAMPLE.read_bytes(), "application/toml")},
    )
    assert response.status_code == 303
    assert vision_service.get_vision(web_db).me.name == "Jordan Okafor"


def test_an_uploaded_file_with_errors_names_field_and_line_and_changes_nothing(
    demo_web: Web, web_db: Workspace, tmp_path: Path
) -> None:
    before = vision_service.get_vision(web_db)
    bad = EXAMPLE.read_text().replace('level = "manager"', 'level = "wizard"')
    response = demo_web.submit(
        "/vision/import",
        {},
        page="/vision",
        files={"file": ("plan.toml", bad.encode(), "text/plain")},
    )
    assert response.status_code == 400
    assert "plan.toml: 1 problem" in response.text
    assert "steps[0].level: unknown level" in response.text
    assert "line " in response.text
    assert vision_service.get_vision(web_db) == before


def test_the_vision_file_downloads_as_toml(demo_web: Web) -> None:
    response = demo_web.get("/vision/export")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    assert "[me]" in response.text and 'name = "Maya Chen"' in response.text


def test_journal_page_shows_the_summary_chart_and_entries(demo_web: Web) -> None:
    page = demo_web.get(f"/journal?{AS_OF}").text
    assert "Energizes you most" in page and "Drains you most" in page
    assert "<svg" in page and "Energy per day, last 30 days" in page
    assert "status reporting" in page
    assert 'name="activity"' in page


def test_logging_an_activity_shows_it_in_the_list(web: Web) -> None:
    response = web.submit(
        f"/journal?{AS_OF}",
        {
            "activity": "mentoring a new analyst",
            "energy": "2",
            "engagement": "5",
            "flow": "on",
            "themes": "people, teaching",
            "date": "2026-11-21",
            "note": "",
        },
    )
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.startswith("/journal?added=")
    page = web.get(location.split("#")[0]).text
    assert "Logged entry #" in page
    assert "mentoring a new analyst" in page
    assert "people, teaching" in page
    assert 'class="just-added"' in page


def test_a_journal_entry_without_energy_shows_the_error_and_logs_nothing(
    web: Web, web_db: Workspace
) -> None:
    response = web.submit(
        "/journal", {"activity": "", "energy": "", "engagement": "3", "date": "2026-11-21"}
    )
    assert response.status_code == 400
    assert "Not logged" in response.text
    assert 'id="f-energy-error"' in response.text
    assert 'id="f-activity-error"' in response.text
    assert vision_service.list_journal(web_db, start=None, end=None) == []


def test_deleting_an_entry_removes_it_from_the_list(demo_web: Web, web_db: Workspace) -> None:
    entry = vision_service.list_journal(web_db, start=None, end=None)[0]
    response = demo_web.submit(f"/journal/{entry.id}/delete", {})
    assert response.status_code == 303
    ids = [e.id for e in vision_service.list_journal(web_db, start=None, end=None)]
    assert entry.id not in ids
    again = demo_web.submit(f"/journal/{entry.id}/delete", {})
    assert again.status_code == 404
    assert f"no journal entry with id {entry.id}" in again.text


def test_a_long_journal_lists_the_latest_entries_with_a_link_to_all(
    demo_web: Web, web_db: Workspace
) -> None:
    total = len(vision_service.list_journal(web_db, start=None, end=None))
    assert total > 25
    page = demo_web.get(f"/journal?{AS_OF}").text
    assert f"(latest 25 of {total})" in page
    assert page.count('<tr id="entry-') == 25
    assert f"Show all {total} entries" in page
    every = demo_web.get(f"/journal?{AS_OF}&all=1").text
    assert every.count('<tr id="entry-') == total
    assert "Show all" not in every


def test_as_of_decides_which_days_the_journal_shows(demo_web: Web) -> None:
    page = demo_web.get("/journal?as_of=2026-01-01").text
    assert "No entries in this period" in page
    assert "Seen as of" in page


def test_settings_show_the_database_and_folders(web: Web, db_url: str) -> None:
    page = web.get("/settings").text
    assert "Database" in page and "Data directory" in page
    assert "config.toml" in page
    assert ("SQLite" in page) == db_url.startswith("sqlite")


def test_the_demo_page_creates_the_demo_and_never_overwrites_silently(
    web: Web, web_db: Workspace
) -> None:
    assert web.submit("/demo?as_of=2026-11-22", {}, page="/demo").status_code == 303
    assert vision_service.get_vision(web_db).me.name == "Maya Chen"
    refused = web.submit("/demo", {}, page="/demo")
    assert refused.status_code == 400
    assert "already holds a workspace" in refused.text
    assert web.submit("/demo", {"replace": "yes"}, page="/demo").status_code == 303


def test_a_bad_as_of_date_is_a_clear_error_page(web: Web) -> None:
    response = web.get("/journal?as_of=yesterday")
    assert response.status_code == 400
    assert "this address is not valid" in response.text
    assert "as_of" in response.text


def test_an_unknown_address_is_a_clear_404_page(web: Web) -> None:
    response = web.get("/no-such-page")
    assert response.status_code == 404
    assert "there is no page at this address" in response.text


class _Audit(HTMLParser):
    """Collects what the accessibility rules need: headings, controls, labels."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.skip_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.controls.append(a)
        if tag == "label" and a.get("for"):
            self.label_for.add(a["for"] or "")
        if tag == "a" and a.get("href") == "#main":
            self.skip_link = True


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/vision",
        "/vision/edit",
        "/journal",
        "/settings",
        "/demo",
        "/people",
        "/people?q=zzz",
        "/people/new",
        "/people/1",
        "/people/13",
        "/people/1/edit",
        "/people/13/delete",
        "/opportunities",
        "/opportunities/3",
        "/opportunities/new",
        "/opportunities/2/edit",
        "/opportunities/compare",
        "/opportunities/compare?ids=3&ids=4",
        "/suggestions",
        "/suggestions/paths/13",
        "/map",
        "/import",
    ],
)
def test_every_page_has_a_skip_link_one_h1_ordered_headings_and_labelled_controls(
    demo_web: Web, path: str
) -> None:
    audit = _Audit()
    audit.feed(demo_web.get(f"{path}{'&' if '?' in path else '?'}{AS_OF}").text)
    assert audit.skip_link
    assert audit.headings.count(1) == 1 and audit.headings[0] == 1
    for before, after in zip(audit.headings, audit.headings[1:], strict=False):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after}"
    unlabelled = [c for c in audit.controls if c.get("id") not in audit.label_for]
    assert unlabelled == []


def test_an_error_whose_advice_is_a_command_points_to_the_page_instead(demo_web: Web) -> None:
    page = demo_web.get("/people/999999")
    assert page.status_code == 404
    assert "nextmove people list" not in page.text  # the web never says to run a command
    assert 'href="/people">Go to People</a>' in page.text


def test_the_vision_check_on_the_web_never_tells_you_to_run_a_command(
    web: Web, web_db: Workspace
) -> None:
    """A position without a level, energizers without journal entries: the advice said
    "Set it with `nextmove me set`" and "Log … with `nextmove journal add`" on the page."""
    from datetime import UTC, datetime

    from nextmove.services.vision import import_vision

    text = (
        'version = 1\npriorities = ["a", "b", "c"]\nenergizers = ["coaching"]\n'
        '[me]\ntitle = "Science Teacher"\n'
        '[[steps]]\ntitle = "Instructional Designer"\n'
    )
    import_vision(web_db, text, source="v.toml", now=datetime(2026, 11, 22, tzinfo=UTC))
    for path in ("/vision", "/"):
        page = web.get(path).text
        assert "nextmove me set" not in page and "nextmove journal add" not in page, path
    page = web.get("/vision").text
    assert "Fill it in where you edit your vision" in page
    assert "Log a few weeks of activities in your energy journal" in page
