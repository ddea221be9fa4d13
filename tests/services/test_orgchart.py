"""Org charts: manager/report ties, exact depth, problems reported precisely, re-imports."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nextmove.errors import InvalidInput, UserError
from nextmove.services import imports, orgchart_import, people
from nextmove.services import vision as vision_service
from nextmove.services.workspace import Workspace
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


def test_oracle_hr_builds_the_tree_with_exact_depths(
    db: Workspace, now: datetime, today: date
) -> None:
    report = run(db, ORACLE, now, today)
    assert (report.records, report.created, report.problems) == (107, 107, [])
    king = people.show_person(db, "Steven King")
    assert (king.person.org_depth, king.person.manager_id, king.person.employee_id) == (
        0,
        None,
        "100",
    )
    reports = {t.other_name for t in king.ties if t.source == "orgchart-report"}
    assert {"Neena Yang", "Lex Garcia"} <= reports and len(reports) == 14
    bruce = people.show_person(db, "Bruce Miller")  # 104 -> 103 -> 102 -> 100
    assert bruce.person.org_depth == 3
    managers = [t.other_name for t in bruce.ties if t.source == "orgchart-manager"]
    assert managers == ["Alexander James"]
    with db.session() as session:
        depths = net.org_depths(session, "oracle hr sample")
    assert max(depths.values()) == 3 and sorted(depths.values()).count(0) == 1


def test_reimporting_the_same_chart_changes_nothing(
    db: Workspace, now: datetime, today: date
) -> None:
    run(db, ORACLE, now, today)
    again = run(db, ORACLE, now, today)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 107)
    assert count(db, models.Person) == 107


def test_a_reimport_merges_people_a_batch_at_a_time(
    db: Workspace, now: datetime, today: date, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """People already there are merged a batch at a time, not all at the end: a re-import
    of a large chart keeps its memory bounded (it once held the whole file: 3 GB for a
    million people)."""
    run(db, ORACLE, now, today)
    moved = tmp_path / "oracle-hr-moved.csv"  # everyone moved to Austin: every row merges
    with ORACLE.open(newline="") as source, moved.open("w", newline="") as target:
        rows = list(csv.DictReader(source))
        writer = csv.DictWriter(target, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({**row, "city": "Austin"} for row in rows)
    monkeypatch.setattr(orgchart_import, "BATCH", 10)
    merged: list[int] = []
    merge = orgchart_import._Run._merge

    def spy(self: orgchart_import._Run, pending: list[tuple[int, int, list[str]]]) -> None:
        merged.append(len(pending))
        merge(self, pending)

    monkeypatch.setattr(orgchart_import._Run, "_merge", spy)
    report = run(db, moved, now, today)
    assert report.updated == 107
    assert sum(merged) == 107 and len(merged) >= 5 and max(merged) < 30


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
    assert count(db, models.Person) == 0 and count(db, models.ImportRun) == 0


def test_partial_breaks_the_cycle_at_its_first_row(
    db: Workspace, now: datetime, today: date
) -> None:
    report = run(db, ORG / "cycle.csv", now, today, organization="Loop Inc", partial=True)
    assert report.created == 5 and len(report.problems) == 1
    bea = people.show_person(db, "Bea Loop").person
    assert (bea.manager_id, bea.org_depth) == (None, 0)
    assert people.show_person(db, "Eve Leaf").person.org_depth == 3


def test_an_unknown_manager_is_reported_precisely(
    db: Workspace, now: datetime, today: date
) -> None:
    with pytest.raises(InvalidInput) as error:
        run(db, ORG / "unknown-manager.csv", now, today, organization="Acme")
    assert [str(p) for p in error.value.problems] == [
        "line 3: employee 2: manager id 99 is not an employee id in the file"
    ]
    assert count(db, models.Person) == 0


def test_duplicate_ids_are_reported_with_both_lines(
    db: Workspace, now: datetime, today: date
) -> None:
    with pytest.raises(InvalidInput) as error:
        run(db, ORG / "duplicate-ids.csv", now, today, organization="Acme")
    assert [str(p) for p in error.value.problems] == [
        "line 4: duplicate employee id 2 (first on line 3)"
    ]
    assert count(db, models.Person) == 0


def test_columns_can_be_renamed(db: Workspace, now: datetime, today: date) -> None:
    report = run(
        db, ORG / "renamed-columns.csv", now, today, organization="Acme",
        column_map={"employee_id": "EmpNo", "manager_id": "Boss", "name": "Full Name"},
    )  # fmt: skip
    assert report.created == 3
    cal = people.show_person(db, "Cal Leaf").person
    assert (cal.title, cal.city, cal.org_depth, cal.email) == (
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


def test_me_links_your_record_and_places_your_chain_on_the_ladder(
    db: Workspace, now: datetime, today: date
) -> None:
    vision_service.set_position(
        db, {"organization": "Oracle HR Sample", "level": "senior"}, now=now
    )
    run(db, ORACLE, now, today, me="104")
    detail = people.show_person(db, "Bruce Miller")
    assert detail.is_me
    # The tree places my chain exactly: my manager one level above me, theirs two, the
    # president at the root; my peers at my depth. (Levels themselves come from the titles,
    # which the title inference reads: "Administration Vice President" is a VP.)
    me = detail.person
    chain = [
        people.show_person(db, n).person for n in ("Alexander James", "Lex Garcia", "Steven King")
    ]
    assert me.org_depth is not None
    assert [p.org_depth for p in chain] == [me.org_depth - 1, me.org_depth - 2, 0]
    assert [p.manager_id for p in (me, *chain[:2])] == [p.id for p in chain]
    assert (chain[1].level, chain[2].level) == (9, 11)
    peer = people.show_person(db, "David Williams").person
    assert peer.org_depth == me.org_depth and peer.manager_id == me.manager_id
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
    assert report.created == 0
    assert report.updated == 2  # Bruce moved, Diana left the chart
    assert "1 people are no longer in this org chart" in report.notes
    bruce = people.show_person(db, "Bruce Miller").person
    assert bruce.org_depth == 1
    assert people.show_person(db, "Diana Nguyen").person.employee_id is None
    assert count(db, models.Person) == 107


def test_org_chart_people_merge_with_people_you_already_know(
    db: Workspace, now: datetime, today: date
) -> None:
    people.add_person(
        db,
        {"name": "Neena Yang", "add_email": ["NYANG@example.com"], "tier": "A"},
        now=now,
        today=today,
    )
    report = run(db, ORACLE, now, today)
    assert (report.created, report.updated) == (106, 1)
    neena = people.show_person(db, "Neena Yang").person
    assert (neena.tier, neena.employee_id, neena.org_depth) == ("A", "101", 1)
    again = run(db, ORACLE, now, today)
    assert (again.created, again.updated) == (0, 0)


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
    depths = {
        name: people.show_person(db, name).person.org_depth
        for name in ("Ana Root", "Ben Middle", "Cy Leaf", "Di Leaf")
    }
    assert depths == {"Ana Root": 0, "Ben Middle": 1, "Cy Leaf": 2, "Di Leaf": 3}
    assert people.show_person(db, "Di Leaf").person.manager_id == (
        people.show_person(db, "Cy Leaf").person.id
    )


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
    ana = people.show_person(db, "Ana Root").person
    assert (ana.title, ana.department, ana.city, ana.email) == ("", "", "", None)
    assert people.show_person(db, "Ben Leaf").person.manager_id == ana.id


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
    functions = {
        name: people.show_person(db, name).person.function
        for name in ("Bea Moss", "Cy Park", "Dee Ray")
    }
    # The title's own function wins; the department fills in where the title is silent.
    assert functions == {"Bea Moss": "operations", "Cy Park": "finance", "Dee Ray": "product"}
    # A re-import (the merge path) reads the same.
    again = run(db, chart, now, today, organization="Mercy Health")
    assert again.unchanged == 4
    assert people.show_person(db, "Bea Moss").person.function == "operations"
