"""The career-plan report and the meeting brief as a reader meets them: each PDF rendered to
PNG by poppler's pdftoppm and read back with pdftotext, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from nextmove.config import Settings, load_settings
from nextmove.domain.meetings import MeetingState
from nextmove.errors import NotFound, UserError
from nextmove.services import demo, meeting_brief, meetings, opportunities, plans, report
from nextmove.services.suggest import plan_research_round
from nextmove.services.workspace import Workspace
from nextmove.store import people as people_repo


def pdf_text(path: Path) -> str:
    """The text a reader sees, in reading order (columns one after the other)."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def flat(text: str) -> str:
    """The text with line breaks and runs of spaces made one space (for phrases that wrap)."""
    return re.sub(r"\s+", " ", text)


def pages_as_png(path: Path, folder: Path) -> list[Path]:
    """Every page drawn by pdftoppm, as a reader's viewer would."""
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(path), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout
    found = re.search(rb"Pages:\s+(\d+)", info)
    assert found
    return int(found.group(1))


@pytest.fixture
def settings(db_url: str) -> Settings:
    return load_settings(database_url=db_url)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A folder of its own for the PDFs (the SQLite database lives in tmp_path)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def demo_db(db: Workspace, today: date, now: datetime) -> Workspace:
    demo.create_demo(db, today=today, now=now)
    return db


def _write(db: Workspace, path: Path, settings: Settings, today: date, now: datetime, **kw):  # type: ignore[no-untyped-def]
    return report.write_report(db, path, settings=settings, today=today, now=now, **kw)


def _contact_names(db: Workspace) -> list[str]:
    with db.session() as session:
        return [p.name for p in people_repo.iter_people(session) if p.name != "Maya Chen"]


def test_the_report_of_the_demo_shows_the_plan_evidence_board_meetings_and_next_steps(
    demo_db: Workspace, settings: Settings, today: date, now: datetime, out: Path
) -> None:
    target = out / "plan.pdf"
    written = _write(demo_db, target, settings, today, now)
    text = flat(pdf_text(target))
    assert "Maya Chen’s career plan" in text
    for title in ("Group Product Manager, Patient Experience", "Director of Product"):
        assert title in text
    for priority in ("family life", "career trajectory", "skills development"):
        assert priority in text
    for advisor in ("Sofia Rossi", "Ana Ruiz"):
        assert advisor in text
    assert "Lead one cross-team launch before asking for a group PM role" in text
    assert "The energy evidence" in text and "customer interviews" in text
    assert "VP of Product, Consumer Banking" in text and "misaligned" in text
    # each flag is its own label (each starts with a capital), not one sentence cut by "; "
    assert "A detour from your path · Breaks your" in text and "; Breaks" not in text
    assert "Next steps" in text
    assert "At a glance:" in text and "board 2 of 3 seats" in text
    # the counts add up to the total: the demo's declined and unanswered requests are counted too
    # the counts add up to the total: the demo's declined and unanswered requests are counted too
    assert (
        "8 research meetings so far: 2 held, 1 scheduled, 2 awaiting a reply, 1 still an idea, "
        "2 declined or unanswered; 3 insights recorded." in text
    )
    pngs = pages_as_png(target, out)
    assert len(pngs) == written.pages == pdf_pages(target) >= 2
    assert all(p.stat().st_size > 5_000 for p in pngs)  # drawn pages, not blank ones
    assert b"pdfaid:part" in target.read_bytes()  # PDF/A metadata
    assert target.stat().st_mode & 0o077 == 0  # yours alone
    assert [p.name for p in out.glob(".*")] == []  # no temporary file left


def test_the_private_report_names_no_contact_anywhere(
    demo_db: Workspace, settings: Settings, today: date, now: datetime, out: Path
) -> None:
    held = next(m for m in meetings.list_meetings(demo_db) if m.person_name == "Ben Okafor")
    assert held.id is not None
    meetings.add_insight(
        demo_db, held.id, "Ben Okafor says Sofia's team hires in spring", affects=None, today=today
    )
    target = out / "private.pdf"
    _write(demo_db, target, settings, today, now, private=True)
    text = pdf_text(target)
    view = json.dumps(
        report.report_view(demo_db, settings=settings, today=today, now=now, private=True),
        ensure_ascii=False,
    )
    names = _contact_names(demo_db)
    assert len(names) > 100
    for name in names:
        assert name not in flat(text), name
        assert name not in view, name
        for word in name.split():
            if len(word) > 1 and word not in ("Maya", "Chen"):
                assert not re.search(rf"\b{re.escape(word)}\b", text), (name, word)
    assert "Private edition" in text
    assert "team hires in spring" in flat(text)  # the insight is kept, its names are not
    assert "Group Product Manager, Patient Experience" in flat(text)


WILD_CARD = """\
name = "wild card"
note = "Start a patient-advocacy non-profit."
resources = 30
likeability = 90
confidence = 40
coherence = 80

[choices]
industry = "change"

[[steps]]
title = "Program Director, Patient Advocacy"
function = "operations"
level = "director"
industry = "non-profit"

[[steps]]
title = "Executive Director"
function = "executive"
level = "vp"
industry = "non-profit"
"""


@pytest.fixture
def two_plans(demo_db: Workspace, now: datetime) -> Workspace:
    if "wild card" not in [p.name for p in plans.list_plans(demo_db, today=now.date())]:
        plans.create_plan(demo_db, "wild card", source=None, now=now)
    plans.import_plan(demo_db, "wild card", WILD_CARD, source="test", now=now)
    opportunities.add_opportunity(
        demo_db,
        {
            "title": "Program Director, Patient Advocacy",
            "source": "network-referral",
            "organization": "Hope Health Alliance",
            "function": "operations",
            "level": "director",
            "industry": "non-profit",
        },
        today=now.date(),
        now=now,
    )
    return demo_db


def test_every_plan_with_its_gauges_and_the_opportunities_it_serves(
    two_plans: Workspace, settings: Settings, today: date, now: datetime, out: Path
) -> None:
    target = out / "plans.pdf"
    _write(two_plans, target, settings, today, now)
    text = flat(pdf_text(target))
    assert "Main plan: current path" in text
    assert re.search(r"Alternative \d: wild card", text)
    assert "Program Director, Patient Advocacy" in text and "Executive Director" in text
    assert "Start a patient-advocacy non-profit." in text
    for gauge in ("RESOURCES", "LIKEABILITY", "CONFIDENCE", "COHERENCE"):
        assert gauge in text
    assert "A step on your wild card plan, a detour from your main plan (current path)" in text
    view = report.report_view(two_plans, settings=settings, today=today, now=now)
    wild = next(p for p in view["plans"] if p["name"] == "wild card")
    assert [(g["label"], g["value"]) for g in wild["gauges"]] == [
        ("resources", 30),
        ("likeability", 90),
        ("confidence", 40),
        ("coherence", 80),
    ]
    assert [o["title"] for o in wild["serves"]] == [
        "Program Director, Patient Advocacy at Hope Health Alliance"
    ]


def test_a_plans_choices_gauges_and_check_are_never_split_across_pages(
    db: Workspace, settings: Settings, out: Path
) -> None:
    # On 4 December the demo's third plan reaches the foot of page 1: its gauges went over.
    today, now = date(2026, 12, 4), datetime(2026, 12, 4, 20, 0, tzinfo=UTC)
    demo.create_demo(db, today=today, now=now)
    target = out / "plan.pdf"
    written = _write(db, target, settings, today, now)
    for page in range(1, written.pages + 1):
        text_of_page = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(target), "-"],
            capture_output=True,
            check=True,
        ).stdout.decode("utf-8")
        stays, gauges = text_of_page.count("Stay or change:"), text_of_page.count("COHERENCE")
        assert stays == gauges == text_of_page.count("Check:"), page


def test_only_the_named_plan_and_an_unknown_plan_is_refused_writing_nothing(
    two_plans: Workspace, settings: Settings, today: date, now: datetime, out: Path
) -> None:
    view = report.report_view(two_plans, settings=settings, today=today, now=now, plan="WILD card")
    assert [p["name"] for p in view["plans"]] == ["wild card"]
    advocacy = next(o for o in view["opportunities"]["items"] if "Advocacy" in o["title"])
    assert advocacy["plans"].startswith("A step on your wild card plan")
    main = report.report_view(two_plans, settings=settings, today=today, now=now, plan="main")
    assert [p["name"] for p in main["plans"]] == ["current path"]
    target = out / "plan.pdf"
    with pytest.raises(NotFound) as caught:
        _write(two_plans, target, settings, today, now, plan="odyssey")
    assert "no plan named 'odyssey'" in str(caught.value)
    assert "wild card" in (caught.value.hint or "")
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing/plan.pdf", "does not exist"), (".", "is a folder"), ("plan.txt", "end in .pdf")],
)
def test_a_bad_target_is_refused_before_any_work(
    db: Workspace,
    settings: Settings,
    today: date,
    now: datetime,
    out: Path,
    name: str,
    message: str,
) -> None:
    with pytest.raises(UserError, match=message):
        _write(db, out / name, settings, today, now)
    assert list(out.iterdir()) == []


def test_a_new_report_replaces_the_old_one_whole(
    demo_db: Workspace, settings: Settings, today: date, now: datetime, out: Path
) -> None:
    target = out / "plan.pdf"
    target.write_bytes(b"an old report")
    _write(demo_db, target, settings, today, now)
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in out.iterdir()] == ["plan.pdf"]


def test_an_empty_workspace_gets_a_short_report_that_says_what_to_do(
    db: Workspace, settings: Settings, today: date, now: datetime, out: Path
) -> None:
    target = out / "empty.pdf"
    _write(db, target, settings, today, now)
    text = flat(pdf_text(target))
    assert "My career plan" in text
    assert "No steps written yet" in text
    assert "No journal entries" in text
    assert "No research meetings yet" in text


def test_a_round_shows_with_its_chart(
    demo_db: Workspace, settings: Settings, today: date, now: datetime, out: Path
) -> None:
    plan_research_round(demo_db, today=today, size=4, weeks=2)
    view = report.report_view(demo_db, settings=settings, today=today, now=now)
    assert view["round"]["size"] == 4 and len(view["round"]["meetings"]) == 4
    assert view["round"]["chart_svg"].startswith("<svg")
    target = out / "round.pdf"
    _write(demo_db, target, settings, today, now)
    text = flat(pdf_text(target))
    assert "A round of 4 meetings over 2 weeks" in text
    first = view["round"]["meetings"][0]
    assert f"Week {first['week']}: {first['who']} (idea)" in text


def test_the_same_data_gives_the_same_pdf(
    demo_db: Workspace, settings: Settings, today: date, now: datetime
) -> None:
    first = report.report_pdf(demo_db, settings=settings, today=today, now=now)
    assert report.report_pdf(demo_db, settings=settings, today=today, now=now) == first


# ---------------------------------------------------------------------------- the brief


def _meeting_with(db: Workspace, name: str) -> int:
    found = next(m for m in meetings.list_meetings(db) if m.person_name == name)
    assert found.id is not None
    return found.id


def test_the_brief_fits_one_page_with_the_person_the_way_the_agenda_and_the_plan(
    demo_db: Workspace, settings: Settings, today: date, out: Path
) -> None:
    scheduled = next(
        m for m in meetings.list_meetings(demo_db) if m.state is MeetingState.SCHEDULED
    )
    assert scheduled.id is not None
    target = out / "brief.pdf"
    meeting_brief.write_brief(demo_db, scheduled.id, target, settings=settings, today=today)
    assert pdf_pages(target) == 1
    assert len(pages_as_png(target, out)) == 1
    text = flat(pdf_text(target))
    assert f"minutes with {scheduled.person_name}" in text
    for part in ("Who they are", "How they got there", "The way to them", "Agenda and questions"):
        assert part.upper() in text
    assert "What to share of your plan".upper() in text
    assert "Group Product Manager, Patient Experience" in text  # your next step, to react to
    assert "family life" in text
    assert "Who else should I talk to?" in text
    with demo_db.session() as session:
        from nextmove.store import meetings as meeting_repo

        stored = meeting_repo.get_meeting(session, scheduled.id)
    assert stored is not None and stored.agenda is None  # reading the brief changed nothing


def test_the_brief_tells_how_they_got_there_from_their_history(
    demo_db: Workspace, settings: Settings, today: date, now: datetime, out: Path
) -> None:
    meeting = meetings.add_meeting(demo_db, "Tom Becker", today=today, now=now)
    assert meeting.id is not None
    view = meeting_brief.brief_view(demo_db, meeting.id, settings=settings, today=today)
    roles = [j["role"] for j in view["history"]]
    assert "Senior Product Manager, Patient App at Northwind Health" in roles
    target = out / "tom.pdf"
    meeting_brief.write_brief(demo_db, meeting.id, target, settings=settings, today=today)
    assert "Senior Product Manager, Patient App at Northwind Health" in flat(pdf_text(target))
    assert pdf_pages(target) == 1


def test_the_brief_of_a_meeting_exploring_an_alternative_shares_that_plan(
    two_plans: Workspace, settings: Settings, today: date, now: datetime, out: Path
) -> None:
    meeting = meetings.add_meeting(two_plans, "Tom Becker", today=today, now=now)
    assert meeting.id is not None
    plans.set_meeting_plan(two_plans, meeting.id, "WILD CARD", now=now)
    target = out / "wild.pdf"
    meeting_brief.write_brief(two_plans, meeting.id, target, settings=settings, today=today)
    text = flat(pdf_text(target))
    assert "Exploring: your wild card plan" in text
    assert "Program Director, Patient Advocacy" in text  # the wild card's next step, shared
    assert "Group Product Manager, Patient Experience role" not in text
    assert pdf_pages(target) == 1


def test_the_brief_keeps_the_agenda_you_edited_and_what_you_learned(
    demo_db: Workspace, settings: Settings, today: date, now: datetime, out: Path
) -> None:
    meeting_id = _meeting_with(demo_db, "Ben Okafor")
    meetings.set_agenda(
        demo_db, meeting_id, "# Agenda\n## Scheduling\n- How big is the squad?\n", now=now
    )
    view = meeting_brief.brief_view(demo_db, meeting_id, settings=settings, today=today)
    assert view["agenda"]["sections"] == [
        {"title": "Scheduling", "items": ["How big is the squad?"]}
    ]
    assert "Ask for the scheduling squad's roadmap" in [i["text"] for i in view["earlier"]]


def test_the_brief_of_an_unknown_meeting_is_refused_writing_nothing(
    db: Workspace, settings: Settings, today: date, out: Path
) -> None:
    with pytest.raises(NotFound, match="no meeting 999"):
        meeting_brief.write_brief(db, 999, out / "b.pdf", settings=settings, today=today)
    assert list(out.iterdir()) == []


def test_what_you_wrote_is_printed_as_written_never_run_as_typst(
    db: Workspace, settings: Settings, today: date, now: datetime, out: Path
) -> None:
    from nextmove.services import vision

    tricky = '#panic("x") *bold* $x^2$ [link] @ref <label> \\ `code` // no comment'
    vision.save_vision_data(
        db,
        {
            "me": {"name": "Maya #Chen"},
            "steps": [{"title": tricky}, {"title": "Director of Product"}],
            "priorities": [{"name": "family life", "note": "= not a heading"}],
        },
        source="test",
        now=now,
    )
    target = out / "tricky.pdf"
    _write(db, target, settings, today, now)
    text = flat(pdf_text(target))
    assert tricky in text
    assert "Maya #Chen’s career plan" in text and "= not a heading" in text


def test_release_01s_database_gives_a_report_and_a_brief(
    tmp_path: Path, today: date, now: datetime, out: Path
) -> None:
    """A database nextmove 0.1 wrote (upgraded on open) prints as well as a new one."""
    import shutil

    copy = tmp_path / "release-0.1.db"
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "release-0.1" / "nextmove.db", copy)
    url = f"sqlite:///{copy}"
    db = Workspace.open(url)
    try:
        settings = load_settings(database_url=url)
        _write(db, out / "old.pdf", settings, today, now)
        text = flat(pdf_text(out / "old.pdf"))
        assert "Maya Chen’s career plan" in text and "Sofia Rossi" in text
        assert "Lead one cross-team launch before asking for a group PM role" in text
        held = next(m for m in meetings.list_meetings(db) if m.person_name == "Ben Okafor")
        assert held.id is not None
        meeting_brief.write_brief(db, held.id, out / "brief.pdf", settings=settings, today=today)
        assert pdf_pages(out / "brief.pdf") == 1
    finally:
        db.dispose()
