"""`nextmove moves` on a real database (SQLite and PostgreSQL): the moves people made, mined
from org charts imported twice and from histories edited over time, listed exactly."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from nextmove.domain.edits import PersonEdit, PositionEdit
from nextmove.errors import UserError
from nextmove.services import imports, moves, people
from nextmove.services import vision as vision_service
from nextmove.services.workspace import Workspace

CHART_2024 = (
    "employee_id,name,title,department,manager_id\n"
    "1,Ada Stone,Chief Operating Officer,Operations,\n"
    "2,Bea Moss,Nurse Manager,Cardiology,1\n"
    "3,Cy Park,Nurse Manager,Oncology,1\n"
    "4,Dee Ray,Nurse Manager,Surgery,1\n"
    "5,Eli Fox,Registered Nurse,Surgery,4\n"
)
# A year later: Bea and Cy moved into operations, Dee stayed, Eli became a nurse manager.
CHART_2025 = (
    "employee_id,name,title,department,manager_id\n"
    "1,Ada Stone,Chief Operating Officer,Operations,\n"
    "2,Bea Moss,Director of Clinical Operations,Operations,1\n"
    "3,Cy Park,Director of Clinical Operations,Operations,1\n"
    "4,Dee Ray,Nurse Manager,Surgery,1\n"
    "5,Eli Fox,Nurse Manager,Surgery,4\n"
)


def import_chart(db: Workspace, tmp_path: Path, text: str, day: date) -> None:
    path = tmp_path / f"chart-{day.isoformat()}.csv"
    path.write_text(text, encoding="utf-8")
    now = datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC)
    imports.import_file(db, "orgchart", path, now=now, today=day, organization="Mercy Health")


@pytest.fixture
def hospital(db: Workspace, tmp_path: Path, now: datetime) -> Workspace:
    import_chart(db, tmp_path, CHART_2024, date(2024, 3, 1))
    import_chart(db, tmp_path, CHART_2025, date(2025, 3, 1))
    vision_service.set_position(
        db, PositionEdit(title="Nurse Manager", organization="St. Luke's"), now=now
    )
    return db


def test_moves_lists_exactly_the_people_who_made_the_move(hospital: Workspace) -> None:
    report = moves.find_moves(
        hospital, to_title="Director of Clinical Operations", as_of=date(2025, 6, 1)
    )
    assert [m.name for m in report.moves] == ["Bea Moss", "Cy Park"]
    assert all(m.when == date(2025, 3, 1) for m in report.moves)
    assert all(m.from_title == "Nurse Manager" for m in report.moves)
    # Dee (stayed), Eli (nurse → nurse manager) and Ada (no move) are not there.
    assert not report.nearest and report.onet_occupation == ""


def test_a_chart_member_who_made_the_move_is_named_by_a_reference_that_works(
    hospital: Workspace,
) -> None:
    """`nextmove meeting add -2` was the step printed for a member of the chart: Typer reads
    -2 as an option ("No such option: -2"), and the id is valid for one reading only."""
    from nextmove.formats.moves_json import meeting_step
    from nextmove.services.meetings import planning_for

    report = moves.find_moves(
        hospital, to_title="Director of Clinical Operations", as_of=date(2025, 6, 1)
    )
    bea = next(m for m in report.moves if m.name == "Bea Moss")
    assert bea.ref == "mercy-health:2" and bea.handle == "mercy-health:2"
    assert meeting_step(bea).startswith("nextmove meeting add mercy-health:2 --why ")
    person, _ = planning_for(hospital, bea.handle)
    assert person.name == "Bea Moss" and (person.id or 0) > 0


def test_where_people_in_your_role_went_next_with_counts(hospital: Workspace) -> None:
    report = moves.find_moves(hospital, as_of=date(2025, 6, 1))
    assert report.origin.title == "Nurse Manager"
    (dest,) = report.destinations
    assert (dest.title, dest.people) == ("Director of Clinical Operations", 2)
    assert {m.name for m in dest.moves} == {"Bea Moss", "Cy Park"}


def test_a_role_held_at_the_first_import_has_no_known_time_in_role(
    hospital: Workspace, tmp_path: Path
) -> None:
    """Bea and Cy were nurse managers when the first chart was taken: how long before it
    they started, the charts do not show — "12 months in role" would be the gap between
    two imports, not theirs. Eli, who became a nurse manager in the second chart and moved
    on in a third, was seen starting: his time is known."""
    report = moves.find_moves(hospital, as_of=date(2025, 6, 1))
    (dest,) = report.destinations
    assert dest.typical_months is None
    assert all(m.months_in_role is None for m in dest.moves)
    import_chart(
        hospital,
        tmp_path,
        CHART_2025.replace(
            "5,Eli Fox,Nurse Manager,Surgery,4",
            "5,Eli Fox,Director of Clinical Operations,Operations,1",
        ),
        date(2025, 9, 1),
    )
    report = moves.find_moves(
        hospital, to_title="Director of Clinical Operations", as_of=date(2025, 10, 1)
    )
    eli = next(m for m in report.moves if m.name == "Eli Fox")
    assert eli.months_in_role == 6


def test_as_of_before_the_second_import_sees_no_move(hospital: Workspace) -> None:
    report = moves.find_moves(hospital, as_of=date(2024, 12, 31))
    assert report.destinations == [] and report.silent


def test_a_history_edited_over_time_is_a_move_with_its_time_in_role(
    db: Workspace, now: datetime
) -> None:
    start = date(2019, 1, 15)
    people.add_person(
        db, PersonEdit(name="Gus Lee", title="Data Scientist", organization="Acme"),
        now=now, today=start,
    )  # fmt: skip
    people.edit_person(
        db, "Gus Lee", PersonEdit(title="Product Manager", organization="Acme"),
        now=now, today=date(2021, 6, 1),
    )  # fmt: skip
    people.add_person(
        db, PersonEdit(name="Hal Wu", title="Data Scientist", organization="Acme"),
        now=now, today=start,
    )  # fmt: skip
    report = moves.find_moves(
        db, from_title="Senior Data Scientist", to_title="Product Manager", as_of=date(2022, 1, 1)
    )
    assert [(m.name, m.year) for m in report.moves] == [("Gus Lee", 2021)]
    assert report.moves[0].to_organization == "Acme"


def test_onet_related_roles_appear_where_the_network_is_silent(db: Workspace) -> None:
    report = moves.find_moves(db, from_title="Registered Nurse", as_of=date(2025, 1, 1))
    assert report.silent and report.destinations == []
    assert report.onet_occupation == "Registered Nurses"
    titles = [r.title for r in report.onet_related]
    assert "Nurse Practitioners" in titles and len(titles) <= 6
    target = moves.find_moves(
        db, from_title="Registered Nurse", to_title="Nurse Practitioner", as_of=date(2025, 1, 1)
    )
    assert target.moves == [] and target.onet_target_related is True


def test_no_title_to_start_from_is_a_clear_error(db: Workspace) -> None:
    with pytest.raises(UserError, match="--from"):
        moves.find_moves(db, as_of=date(2025, 1, 1))
    with pytest.raises(UserError, match="at most"):
        moves.find_moves(db, from_title="x" * 500, as_of=date(2025, 1, 1))
    with pytest.raises(UserError, match="--to"):
        moves.find_moves(db, from_title="Nurse", to_title="  ", as_of=date(2025, 1, 1))


def test_the_nearest_move_is_named_when_nobody_made_yours(
    hospital: Workspace, now: datetime
) -> None:
    report = moves.find_moves(
        hospital, to_title="VP of Clinical Operations", as_of=date(2025, 6, 1) + timedelta(1)
    )
    assert report.moves == []
    assert [m.name for m in report.nearest] == ["Bea Moss", "Cy Park"]


def test_vision_check_notes_a_next_step_nobody_took_and_names_the_nearest_move(
    hospital: Workspace, now: datetime
) -> None:
    vision = vision_service.get_vision(hospital)
    data = {
        "me": {"title": "Nurse Manager", "organization": "St. Luke's", "level": "manager",
               "function": "healthcare"},
        "steps": [{"title": "VP of Clinical Operations", "level": "vp", "function": "operations"}],
    }  # fmt: skip
    assert vision.me.title == "Nurse Manager"
    vision_service.save_vision_data(hospital, data, source="test", now=now)
    findings = vision_service.run_check(hospital, today=date(2025, 6, 1))
    (note,) = [f for f in findings if f.code == "untrodden-move"]
    assert "Nurse Manager → VP of Clinical Operations" in note.message
    assert "Bea Moss" in note.advice and note.severity == "note"
    # Once the step is one somebody took, the note goes.
    data["steps"] = [{"title": "Director of Clinical Operations", "level": "director",
                      "function": "operations"}]  # fmt: skip
    vision_service.save_vision_data(hospital, data, source="test", now=now)
    findings = vision_service.run_check(hospital, today=date(2025, 6, 1))
    assert "untrodden-move" not in {f.code for f in findings}


def test_suggestions_say_who_made_the_move_you_want(hospital: Workspace, now: datetime) -> None:
    from nextmove.services import suggest

    data = {
        "me": {"title": "Nurse Manager", "organization": "St. Luke's", "level": "manager",
               "function": "healthcare"},
        "steps": [{"title": "Director of Clinical Operations", "level": "director",
                   "function": "operations"}],
    }  # fmt: skip
    vision_service.save_vision_data(hospital, data, source="test", now=now)
    result = suggest.suggest_people(hospital, today=date(2025, 6, 1), limit=10)
    texts = {s.candidate.name: [r.text for r in s.reasons] for s in result.suggestions}
    want = "made the move you want (Nurse Manager → Director of Clinical Operations, 2025)"
    assert want in texts["Bea Moss"] and want in texts["Cy Park"]
    assert not any(t.startswith("made the move") for t in texts.get("Dee Ray", []))
    assert not any(t.startswith("made the move") for t in texts.get("Eli Fox", []))


LI = Path(__file__).resolve().parent.parent / "formats" / "fixtures" / "linkedin"


def test_linkedin_exports_at_two_dates_are_moves_seen_on_the_later_one(
    db: Workspace, now: datetime
) -> None:
    older, newer = date(2026, 11, 1), date(2026, 12, 1)
    for name, day in (("current-export-with-notes-preamble.csv", older),
                      ("newer-export-with-job-changes.csv", newer)):  # fmt: skip
        imports.import_file(db, "linkedin", LI / name, now=now, today=day)
    report = moves.find_moves(
        db, from_title="Senior Product Manager", to_title="Director of Product", as_of=newer
    )
    assert [(m.name, m.from_organization, m.to_organization, m.when) for m in report.moves] == [
        ("Ana Okafor", "Northwind Health", "Lumen Analytics", newer)
    ]
    # Ben went from Staff to Principal Engineer (the same level on the ladder): not this move.
    spm = moves.find_moves(db, from_title="Senior Product Manager", as_of=newer)
    assert [(d.title, d.people) for d in spm.destinations] == [("Director of Product", 1)]
    assert moves.find_moves(db, from_title="Senior Product Manager", as_of=older).silent
