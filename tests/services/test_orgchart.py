"""Org charts through `import orgchart`: the directory's tree with exact depths, problems
reported precisely with nothing written, re-imports, renamed columns, you and your people
linked to your entries. (The directory's history: tests/services/test_directory_import.py.)"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from nextmove.errors import InvalidInput, UserError
from nextmove.services import imports, people
from nextmove.services import vision as vision_service
from nextmove.services.workspace import Workspace
from nextmove.store import directory as d
from nextmove.store import models
from nextmove.store import network as net

ORG = Path(__file__).resolve().parent.parent / "formats" / "fixtures" / "orgchart"
ORACLE = ORG / "oracle-hr.csv"


def run(db: Workspace, path: Path, now: datetime, today: date, **options: object):  # type: ignore[no-untyped-def]
    options.setdefault("organization", "Oracle HR Sample")
    return imports.import_file(db, "orgchart", path, now=now, today=today, **options)  # type: ignore[arg-type]


def count(db: Workspace, model: type) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def org(db: Workspace) -> int:
    with db.session() as session:
        (only,) = d.organizations_of(session, db.id)
    return only.id


def by_name(db: Workspace) -> dict[str, d.DirectoryMember]:
    with db.session() as session:
        return {m.name: m for m in d.members(session, org(db))}


def test_oracle_hr_builds_the_tree_with_exact_depths(
    db: Workspace, now: datetime, today: date
) -> None:
    report = run(db, ORACLE, now, today)
    assert (report.records, report.created, report.problems) == (107, 107, [])
    members = by_name(db)
    king = members["Steven King"]
    assert (king.depth, king.manager_employee_id, king.employee_id) == (0, None, "100")
    with db.session() as session:
        reports = {m.name for m in d.reports(session, king.organization_id, "100")}
        assert {"Neena Yang", "Lex Garcia"} <= reports and len(reports) == 14
        bruce = members["Bruce Miller"]  # 104 -> 103 -> 102 -> 100
        assert bruce.depth == 3
        assert [m.name for m in d.chain(session, bruce.organization_id, "104")] == [
            "Alexander James", "Lex Garcia", "Steven King",
        ]  # fmt: skip
    assert max(m.depth for m in members.values()) == 3
    assert sorted(m.depth for m in members.values()).count(0) == 1
    # The chart is the directory's, not your contacts: nobody became a person.
    assert count(db, models.Person) == 0


def test_reimporting_the_same_chart_changes_nothing(
    db: Workspace, now: datetime, today: date
) -> None:
    run(db, ORACLE, now, today)
    again = run(db, ORACLE, now, today)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 107)
    assert count(db, models.DirectoryMember) == 107


def test_each_import_keeps_a_headcount_per_department(
    db: Workspace, now: datetime, today: date
) -> None:
    first = run(db, ORACLE, now, today)
    with db.session() as session:
        snapshot = net.snapshots(session, "Oracle HR Sample")[first.import_id]
    assert snapshot["Shipping"] == 45 and snapshot["Executive"] == 3
    assert sum(snapshot.values()) == 107


def test_a_cycle_is_reported_with_its_lines_and_nothing_is_written(
    db: Workspace, now: datetime, today: date
) -> None:
    with pytest.raises(InvalidInput) as error:
        run(db, ORG / "cycle.csv", now, today, organization="Loop Inc")
    assert [str(p) for p in error.value.problems] == [
        "lines 3, 4, 5: management cycle: 2 → 4 → 3 → 2"
    ]
    assert count(db, models.DirectoryMember) == 0 and count(db, models.ImportRun) == 0
    assert count(db, models.Organization) == 0


def test_partial_breaks_the_cycle_at_its_first_row(
    db: Workspace, now: datetime, today: date
) -> None:
    report = run(db, ORG / "cycle.csv", now, today, organization="Loop Inc", partial=True)
    assert report.created == 5 and len(report.problems) == 1
    members = by_name(db)
    assert (members["Bea Loop"].manager_employee_id, members["Bea Loop"].depth) == (None, 0)
    assert members["Eve Leaf"].depth == 3
    # Re-importing the same chart cuts the cycle there again: nothing changed.
    again = run(db, ORG / "cycle.csv", now, today, organization="Loop Inc", partial=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)


def test_an_unknown_manager_is_reported_precisely(
    db: Workspace, now: datetime, today: date
) -> None:
    with pytest.raises(InvalidInput) as error:
        run(db, ORG / "unknown-manager.csv", now, today, organization="Acme")
    assert [str(p) for p in error.value.problems] == [
        "line 3: employee 2: manager id 99 is not an employee id in the file"
    ]
    assert count(db, models.DirectoryMember) == 0


def test_duplicate_ids_are_reported_with_both_lines(
    db: Workspace, now: datetime, today: date
) -> None:
    with pytest.raises(InvalidInput) as error:
        run(db, ORG / "duplicate-ids.csv", now, today, organization="Acme")
    assert [str(p) for p in error.value.problems] == [
        "line 4: duplicate employee id 2 (first on line 3)"
    ]
    assert count(db, models.DirectoryMember) == 0


def test_columns_can_be_renamed(db: Workspace, now: datetime, today: date) -> None:
    report = run(
        db, ORG / "renamed-columns.csv", now, today, organization="Acme",
        column_map={"employee_id": "EmpNo", "manager_id": "Boss", "name": "Full Name"},
    )  # fmt: skip
    assert report.created == 3
    cal = by_name(db)["Cal Leaf"]
    assert (cal.title, cal.city, cal.depth, cal.email) == (
        "Software Engineer",
        "Austin",
        2,
        "cal@example.com",
    )


def test_the_organization_defaults_to_your_own(db: Workspace, now: datetime, today: date) -> None:
    with pytest.raises(UserError, match="which organization"):
        imports.import_file(db, "orgchart", ORACLE, now=now, today=today)
    vision_service.set_position(
        db, {"organization": "Oracle HR Sample", "level": "senior"}, now=now
    )
    report = imports.import_file(db, "orgchart", ORACLE, now=now, today=today)
    assert report.created == 107


def test_me_links_you_to_your_entry(db: Workspace, now: datetime, today: date) -> None:
    vision_service.set_position(
        db, {"organization": "Oracle HR Sample", "level": "senior"}, now=now
    )
    run(db, ORACLE, now, today, me="104")
    detail = people.show_person(db, "Bruce Miller")
    assert detail.is_me
    with db.session() as session:
        linked = session.execute(
            text(
                "SELECT directory_org_id, directory_employee_id FROM person "
                "WHERE workspace_id = :ws"
            ),
            {"ws": db.id},
        ).all()
    assert [tuple(r) for r in linked] == [(org(db), "104")]
    with pytest.raises(UserError, match="999: there is no employee with that id") as refused:
        run(db, ORACLE, now, today, me="999")
    assert refused.value.field == "me"


def test_a_newer_chart_moves_people_and_lets_leavers_go(
    db: Workspace, now: datetime, today: date, tmp_path: Path
) -> None:
    run(db, ORACLE, now, today)
    lines = ORACLE.read_text().splitlines()
    header, rows = lines[0], lines[1:]
    # 104 now reports to the president directly; 107 has left.
    rows = [
        r.replace(",Programmer,103,", ",Programmer,100,") if r.startswith("104,") else r
        for r in rows
    ]
    rows = [r for r in rows if not r.startswith("107,")]
    newer = tmp_path / "oracle-hr-newer.csv"
    newer.write_text("\n".join([header, *rows]) + "\n")
    report = run(db, newer, now, today)
    assert (report.created, report.updated) == (0, 1)  # Bruce moved
    assert any("106 members — 0 joined, 1 left, 1 moved" in note for note in report.notes)
    members = by_name(db)
    assert members["Bruce Miller"].depth == 1
    assert "Diana Nguyen" not in members
    with db.session() as session:
        (diana,) = d.positions(session, org(db), "107")
    assert diana.until is not None


def test_people_you_already_know_are_linked_to_their_entry(
    db: Workspace, now: datetime, today: date
) -> None:
    people.add_person(
        db,
        {"name": "Neena Yang", "add_email": ["NYANG@example.com"], "tier": "A"},
        now=now,
        today=today,
    )
    report = run(db, ORACLE, now, today)
    assert report.created == 107
    assert any("1 of your people linked" in note for note in report.notes)
    neena = people.show_person(db, "Neena Yang").person
    assert neena.tier == "A"
    with db.session() as session:
        linked = session.execute(
            text(
                "SELECT directory_employee_id FROM person "
                "WHERE workspace_id = :ws AND name = 'Neena Yang'"
            ),
            {"ws": db.id},
        ).scalar_one()
    assert linked == "101"
    assert count(db, models.Person) == 1


def test_partial_places_a_row_whose_id_first_appeared_on_a_row_without_a_name(
    db: Workspace, tmp_path: Path, now: datetime, today: date
) -> None:
    chart = tmp_path / "chart.csv"
    chart.write_text(
        "employee_id,name,manager_id\n"
        "3,,\n"  # no name: skipped, but id 3 was seen first here
        "1,Ana Root,\n"
        "2,Ben Middle,1\n"
        "3,Cy Leaf,2\n"
        "4,Di Leaf,3\n",
        encoding="utf-8",
    )
    report = run(db, chart, now, today, organization="Acme", partial=True)
    assert report.created == 4 and len(report.problems) == 1
    members = by_name(db)
    depths = {name: m.depth for name, m in members.items()}
    assert depths == {"Ana Root": 0, "Ben Middle": 1, "Cy Leaf": 2, "Di Leaf": 3}
    assert members["Di Leaf"].manager_employee_id == "3"


def test_a_column_nextmove_does_not_read_fills_no_field(
    db: Workspace, tmp_path: Path, now: datetime, today: date
) -> None:
    """A chart without title, department, city or email but with another column after the
    ones read (a hire date): those fields stay empty, not that column's values."""
    chart = tmp_path / "chart.csv"
    chart.write_text(
        "employee_id,name,manager_id,hire_date\n1,Ana Root,,2013-06-17\n2,Ben Leaf,1,2015-01-02\n",
        encoding="utf-8",
    )
    run(db, chart, now, today, organization="Acme")
    members = by_name(db)
    ana = members["Ana Root"]
    assert (ana.title, ana.department, ana.city, ana.email) == ("", "", "", None)
    assert members["Ben Leaf"].manager_employee_id == "1"


def test_the_department_column_gives_a_function_where_the_title_names_none(
    db: Workspace, now: datetime, today: date, tmp_path: Path
) -> None:
    chart = tmp_path / "hospital.csv"
    chart.write_text(
        "employee_id,name,title,department,manager_id\n"
        "1,Ada Stone,Chief Operating Officer,Executive,\n"
        "2,Bea Moss,Director,Clinical Operations,1\n"
        "3,Cy Park,Senior Manager,Finance,1\n"
        "4,Dee Ray,Product Manager,Engineering,1\n",
        encoding="utf-8",
    )
    run(db, chart, now, today, organization="Mercy Health")
    functions = {n: by_name(db)[n].function for n in ("Bea Moss", "Cy Park", "Dee Ray")}
    # The title's own function wins; the department fills in where the title is silent.
    assert functions == {"Bea Moss": "operations", "Cy Park": "finance", "Dee Ray": "product"}
    again = run(db, chart, now, today, organization="Mercy Health")
    assert again.unchanged == 4
