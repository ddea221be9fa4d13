"""Imports that drifted, crashed or wrote half on 0.1, on SQLite and PostgreSQL: each test is
built from the input that showed the bug."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nextmove.errors import InvalidInput, UserError
from nextmove.services import imports, people
from nextmove.services.workspace import Workspace
from nextmove.store import directory, models

FIXTURES = Path(__file__).resolve().parent.parent / "formats" / "fixtures"


def run(db: Workspace, kind: str, path: Path, now: datetime, today: date, **options: object):  # type: ignore[no-untyped-def]
    return imports.import_file(db, kind, path, now=now, today=today, **options)  # type: ignore[arg-type]


def member(db: Workspace, employee_id: str) -> directory.DirectoryMember:
    """The current directory entry of an employee of the one organization imported."""
    with db.session() as session:
        (org,) = directory.organizations_of(session, db.id)
        found = directory.member(session, org.id, employee_id)
    assert found is not None
    return found


def counts(db: Workspace) -> tuple[int, int, int]:
    with db.session() as session:
        return tuple(  # type: ignore[return-value]
            int(session.scalar(select(func.count()).select_from(m)) or 0)
            for m in (models.Person, models.PersonSource, models.Interaction)
        )


def test_a_partial_org_chart_whose_cycle_was_cut_reimports_unchanged(
    db: Workspace, now: datetime, today: date
) -> None:
    chart = FIXTURES / "orgchart" / "cycle.csv"
    first = run(db, "orgchart", chart, now, today, partial=True, organization="Acme")
    assert (first.created, len(first.problems)) == (5, 1)
    for _ in range(2):
        again = run(db, "orgchart", chart, now, today, partial=True, organization="Acme")
        assert (again.created, again.updated, again.unchanged) == (0, 0, 5)
    assert member(db, "2").manager_employee_id is None  # the cycle is still cut at its first row


def test_a_reimported_chart_moves_a_manager_link_that_really_changed(
    db: Workspace, now: datetime, today: date, tmp_path: Path
) -> None:
    chart = tmp_path / "chart.csv"
    chart.write_text("id,name,manager_id\n1,Ada Root,\n2,Bea Lead,1\n3,Cal Dev,2\n")
    run(db, "orgchart", chart, now, today, organization="Acme")
    chart.write_text("id,name,manager_id\n1,Ada Root,\n2,Bea Lead,1\n3,Cal Dev,1\n")
    report = run(db, "orgchart", chart, now, today, organization="Acme")
    assert (report.updated, report.unchanged) == (1, 2)
    assert member(db, "3").manager_employee_id == "1"


def test_an_org_chart_with_a_header_and_no_rows_is_refused_and_changes_nothing(
    db: Workspace, now: datetime, today: date, tmp_path: Path
) -> None:
    run(
        db,
        "orgchart",
        FIXTURES / "orgchart" / "cycle.csv",
        now,
        today,
        partial=True,
        organization="Acme",
    )
    before = counts(db), member(db, "5")
    empty = tmp_path / "empty-chart.csv"
    empty.write_text("employee_id,name,manager_id\n")
    with pytest.raises(UserError, match=r"empty-chart\.csv: no employees below the header"):
        run(db, "orgchart", empty, now, today, organization="Acme")
    assert (counts(db), member(db, "5")) == before


def test_an_org_chart_whose_last_read_block_is_all_duplicate_ids(
    db: Workspace, now: datetime, today: date, tmp_path: Path
) -> None:
    rows = ["id,name,manager_id"]
    rows += [f"{i},Person {i},{i // 2 or ''}" for i in range(1, 2_001)]
    # Over one read block (500 KB) of rows whose ids were all seen already.
    rows += [f"{i},Copy {i} {'with a long name ' * 16},1" for i in range(1, 2_001)]
    chart = tmp_path / "chart.csv"
    chart.write_text("\n".join(rows) + "\n")
    assert chart.stat().st_size > 550_000  # the unique rows end early in the first block
    report = run(db, "orgchart", chart, now, today, partial=True, organization="Acme")
    assert (report.created, len(report.problems)) == (2_000, 2_000)
    assert str(report.problems[0]) == "line 2002: duplicate employee id 1 (first on line 2)"
    again = run(db, "orgchart", chart, now, today, partial=True, organization="Acme")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2_000)


def test_two_vcards_sharing_a_uid_are_two_people_and_reimport_unchanged(
    db: Workspace, now: datetime, today: date, tmp_path: Path
) -> None:
    cards = tmp_path / "shared-uid.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:1234-same\r\nFN:Ana Okafor\r\n"
        "EMAIL:ana@example.org\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:1234-same\r\nFN:Ben Schmidt\r\n"
        "EMAIL:ben@example.com\r\nEND:VCARD\r\n"
    )
    first = run(db, "vcard", cards, now, today)
    assert (first.created, first.updated) == (2, 0)
    assert [e.value for e in people.show_person(db, "Ana Okafor").person.emails] == [
        "ana@example.org"
    ]
    assert [e.value for e in people.show_person(db, "Ben Schmidt").person.emails] == [
        "ben@example.com"
    ]
    again = run(db, "vcard", cards, now, today)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


@pytest.mark.parametrize("order", ["with e-mail first", "without e-mail first"])
def test_the_same_name_on_two_linkedin_rows_is_no_job_change(
    db: Workspace, now: datetime, today: date, tmp_path: Path, order: str
) -> None:
    rows = [
        "Ana,Okafor,,ana@example.org,Acme,Product Manager,09 Oct 2024",
        "Ana,Okafor,https://www.linkedin.com/in/ana-okafor-2,,Lumen,Director,11 Oct 2024",
    ]
    if order == "without e-mail first":
        rows.reverse()
    path = tmp_path / "Connections.csv"
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
    path.write_text("\n".join([header, *rows]) + "\n")
    for _ in range(2):
        report = run(db, "linkedin", path, now, today)
        assert report.job_changes == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)


def test_an_unreadable_recurring_series_is_a_problem_and_nothing_is_written(
    db: Workspace, now: datetime, today: date, tmp_path: Path
) -> None:
    card = tmp_path / "ana.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Okafor\r\nEMAIL:ana@example.org\r\nEND:VCARD\r\n"
    )
    run(db, "vcard", card, now, today)
    doe = "ana@example.org"
    calendar = tmp_path / "calendar.ics"
    calendar.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        "BEGIN:VEVENT\r\nUID:ok\r\nDTSTART:20261102T100000Z\r\nDURATION:PT1H\r\n"
        f"SUMMARY:Coffee\r\nATTENDEE:mailto:{doe}\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:weekly\r\nDTSTART:20260105T100000Z\r\nDURATION:PT1H\r\n"
        f"RRULE:FREQ=WEEKLY;INTERVAL=0\r\nSUMMARY:1:1\r\nATTENDEE:mailto:{doe}\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    before = counts(db)
    with pytest.raises(InvalidInput, match="event 2 '1:1': RRULE INTERVAL=0"):
        run(db, "ics", calendar, now, today)
    assert counts(db) == before
    report = run(db, "ics", calendar, now, today, partial=True)
    assert (report.interactions, [p.where for p in report.problems]) == (
        1,
        ["line 12: event 2 '1:1'"],
    )


def test_a_linkedin_zip_whose_first_header_is_damaged_is_called_a_damaged_zip(
    db: Workspace, now: datetime, today: date, tmp_path: Path
) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Connections.csv", "First Name,Last Name\n")
    data = bytearray(archive.read_bytes())
    data[2:4] = b"\x00\x00"  # "PK\x03\x04" -> "PK\x00\x00"
    archive.write_bytes(bytes(data))
    with pytest.raises(UserError, match=r"export\.zip.*(damaged|not a readable ZIP archive)"):
        run(db, "linkedin", archive, now, today)
    assert counts(db) == (0, 0, 0)


def test_two_rows_of_one_person_that_disagree_do_not_flip_them_on_every_import(
    db: Workspace, now: datetime, today: date, tmp_path: Path
) -> None:
    # Found by benchmarks/fuzz_imports.py: a Google CSV with one contact twice, its
    # department spelled two ways, "updated" that contact on every re-import.
    path = tmp_path / "contacts.csv"
    path.write_text(
        "First Name,Middle Name,Last Name,Organization Name,Organization Title,"
        "Organization Department,E-mail 1 - Label,E-mail 1 - Value\n"
        "Ana,,Okafor,Acme,Product Manager,Product,Work,ana@example.org\n"
        "Ana,,Okafor,Acme,Product Manager,P;roduct,Work,ana@example.org\n"
    )
    first = run(db, "google", path, now, today)
    assert first.created == 1
    for minutes in (1, 2):
        again = run(db, "google", path, now + timedelta(minutes=minutes), today)
        assert (again.created, again.updated, again.unchanged, again.job_changes) == (0, 0, 2, [])
    assert people.show_person(db, "Ana Okafor").person.department == "P;roduct"
