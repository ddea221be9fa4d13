"""Importing the network, on SQLite and PostgreSQL: atomic, idempotent, precise."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nextmove.errors import InvalidInput, UserError
from nextmove.services import imports, people
from nextmove.services.export import export_vcard
from nextmove.services.workspace import Workspace
from nextmove.store import models

FIXTURES = Path(__file__).resolve().parent.parent / "formats" / "fixtures"
LI = FIXTURES / "linkedin"


def run(db: Workspace, kind: str, path: Path, now: datetime, today: date, **options: object):  # type: ignore[no-untyped-def]
    return imports.import_file(db, kind, path, now=now, today=today, **options)  # type: ignore[arg-type]


def count(db: Workspace, model: type) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def person_named(db: Workspace, name: str):  # type: ignore[no-untyped-def]
    return people.show_person(db, name)


def test_importing_the_same_linkedin_file_twice_changes_nothing(
    db: Workspace, now: datetime, today: date
) -> None:
    first = run(db, "linkedin", LI / "current-export-with-notes-preamble.csv", now, today)
    assert (first.created, first.updated, first.unchanged) == (4, 0, 0)
    second = run(db, "linkedin", LI / "current-export-with-notes-preamble.csv", now, today)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 4)
    assert count(db, models.Person) == 4
    assert count(db, models.PersonSource) == 4


def test_a_newer_export_records_job_changes_as_history_and_a_reason_to_reconnect(
    db: Workspace, now: datetime, today: date
) -> None:
    run(db, "linkedin", LI / "current-export-with-notes-preamble.csv", now, today)
    later = date(2026, 12, 1)
    report = run(db, "linkedin", LI / "newer-export-with-job-changes.csv", now, later)
    assert (report.created, report.updated, report.unchanged) == (1, 2, 2)
    assert {(c.name, c.before, c.after) for c in report.job_changes} == {
        (
            "Ana Okafor",
            "Senior Product Manager at Northwind Health",
            "Director of Product at Lumen Analytics",
        ),
        ("Ben Schmidt", "Staff Engineer at Contoso", "Principal Engineer at Contoso"),
    }
    ana = person_named(db, "Ana Okafor").person
    assert (ana.organization, ana.title) == ("Lumen Analytics", "Director of Product")
    assert [(j.organization, j.title) for j in ana.history] == [
        ("Northwind Health", "Senior Product Manager")
    ]
    assert ana.changed_jobs_on == later
    lines, total = people.list_people(db, flags=["changed-jobs"])
    assert total == 2 and {line.name for line in lines} == {"Ana Okafor", "Ben Schmidt"}
    again = run(db, "linkedin", LI / "newer-export-with-job-changes.csv", now, later)
    assert (again.created, again.updated) == (0, 0)
    # The old export again: stale, nobody moves back.
    stale = run(db, "linkedin", LI / "current-export-with-notes-preamble.csv", now, later)
    assert (stale.created, stale.updated) == (0, 0)
    assert person_named(db, "Ana Okafor").person.organization == "Lumen Analytics"


def test_older_exports_without_urls_still_match_on_reimport(
    db: Workspace, now: datetime, today: date
) -> None:
    run(db, "linkedin", LI / "older-export-no-preamble-no-url-member-urns.csv", now, today)
    again = run(db, "linkedin", LI / "older-export-no-preamble-no-url-member-urns.csv", now, today)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_hidden_profiles_are_skipped_with_their_reason(
    db: Workspace, now: datetime, today: date
) -> None:
    report = run(db, "linkedin", LI / "hidden-profiles.csv", now, today)
    assert report.created == 2
    assert report.skipped_by_reason() == {"hidden profile (LinkedIn exports no details)": 2}


@pytest.mark.parametrize(
    ("kind", "path", "message"),
    [
        (
            "linkedin",
            FIXTURES / "bad" / "photo-renamed-to.csv",
            "not a CSV file: it is a binary file",
        ),
        ("linkedin", FIXTURES / "bad" / "empty.csv", "the file is empty"),
        ("linkedin", FIXTURES / "bad" / "semicolons-not-linkedin.csv", "wrong columns"),
        ("google", LI / "current-export-with-notes-preamble.csv", "wrong columns"),
        ("vcard", FIXTURES / "bad" / "truncated.vcf", "truncated vCard"),
        ("vcard", FIXTURES / "bad" / "not-a-vcard.vcf", "not a vCard file"),
        ("orgchart", FIXTURES / "orgchart" / "wrong-columns.csv", "wrong columns"),
        ("ics", FIXTURES / "bad" / "truncated.ics", "truncated calendar"),
        ("linkedin", FIXTURES / "no-such-file.csv", "no such file"),
    ],
)
def test_a_file_that_cannot_be_read_is_one_error_and_nothing_is_written(
    db: Workspace, now: datetime, today: date, kind: str, path: Path, message: str
) -> None:
    with pytest.raises(UserError, match=message) as error:
        run(db, kind, path, now, today, organization="Acme" if kind == "orgchart" else None)
    assert path.name in str(error.value)
    assert count(db, models.Person) == 0
    assert count(db, models.ImportRun) == 0


def test_a_row_with_a_problem_means_nothing_is_written(
    db: Workspace, now: datetime, today: date
) -> None:
    with pytest.raises(InvalidInput) as error:
        run(db, "linkedin", LI / "bad-date.csv", now, today)
    assert [str(p) for p in error.value.problems] == [
        "line 6: Connected On: 'sometime last year' is not a date"
    ]
    assert "--partial" in (error.value.hint or "")
    assert count(db, models.Person) == 0


def test_partial_imports_the_good_rows_and_reports_the_others(
    db: Workspace, now: datetime, today: date
) -> None:
    report = run(db, "linkedin", LI / "bad-date.csv", now, today, partial=True)
    assert report.created == 1 and [p.where for p in report.problems] == ["line 6"]
    assert count(db, models.Person) == 1


def test_dry_run_reports_and_writes_nothing(db: Workspace, now: datetime, today: date) -> None:
    report = run(
        db, "linkedin", LI / "current-export-with-notes-preamble.csv", now, today, dry_run=True
    )
    assert report.created == 4 and report.import_id is None
    assert count(db, models.Person) == 0
    assert count(db, models.ImportRun) == 0


def test_every_ez_vcard_sample_imports_and_a_second_import_changes_nothing(
    db: Workspace, now: datetime, today: date
) -> None:
    folder = FIXTURES / "vcard"
    first = run(db, "vcard", folder, now, today, partial=True)
    assert first.created > 15
    assert [p.where for p in first.problems] == ["John_Doe_ANDROID.vcf card 6 (line 71)"]
    second = run(db, "vcard", folder, now, today, partial=True)
    assert (second.created, second.updated) == (0, 0)


def test_a_vcard_export_imports_back_without_duplicates(
    db: Workspace, now: datetime, today: date, tmp_path: Path
) -> None:
    run(db, "linkedin", LI / "current-export-with-notes-preamble.csv", now, today)
    run(db, "google", FIXTURES / "google" / "current-google-contacts.csv", now, today)
    before = count(db, models.Person)
    assert export_vcard(db, tmp_path / "all.vcf") == before
    report = run(db, "vcard", tmp_path / "all.vcf", now, today)
    assert (report.created, report.updated, report.unchanged) == (0, 0, before)
    assert count(db, models.Person) == before


def test_google_current_and_legacy_exports(db: Workspace, now: datetime, today: date) -> None:
    report = run(db, "google", FIXTURES / "google" / "current-google-contacts.csv", now, today)
    assert report.created == 3
    legacy = run(db, "google", FIXTURES / "google" / "legacy-google-csv.csv", now, today)
    assert legacy.created == 2
    again = run(db, "google", FIXTURES / "google" / "legacy-google-csv.csv", now, today)
    assert (again.created, again.updated) == (0, 0)


def test_the_same_person_from_linkedin_and_an_address_book_is_one_person(
    db: Workspace, now: datetime, today: date, tmp_path: Path
) -> None:
    run(db, "linkedin", LI / "current-export-with-notes-preamble.csv", now, today)
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Okafor\r\nEMAIL;TYPE=home:ANA.OKAFOR@example.com\r\n"
        "TEL;TYPE=cell:+1 312 555 0100\r\nORG:Some Old Job\r\nEND:VCARD\r\n"
    )
    target = tmp_path / "ana.vcf"
    target.write_text(card)
    report = run(db, "vcard", target, now, today)
    assert (report.created, report.updated) == (0, 1)
    ana = person_named(db, "Ana Okafor").person
    assert ana.organization == "Northwind Health"  # an address book does not overrule LinkedIn
    assert [p.value for p in ana.phones] == ["+1 312 555 0100"]
    assert {s.kind for s in person_named(db, "Ana Okafor").sources} == {"linkedin", "vcard"}


def test_the_linkedin_zip_adds_invitations_and_messages_as_interactions(
    db: Workspace, now: datetime, today: date, tmp_path: Path
) -> None:
    archive = tmp_path / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for member in (LI / "linkedin-export").iterdir():
            zf.write(member, member.name)
    report = run(db, "linkedin", archive, now, today)
    assert report.created == 4
    assert report.interactions == 6  # 2 invitations + Ana on 2 days + Ben and David on one
    assert report.skipped_by_reason() == {"not someone in your network": 1}
    ana = person_named(db, "Ana Okafor")
    assert ana.person.last_contact == date(2025, 3, 20)
    assert [i.kind for i in ana.interactions] == ["message", "message", "message"]
    again = run(db, "linkedin", archive, now, today)
    assert (again.created, again.updated, again.interactions) == (0, 0, 0)


def test_calendar_events_with_people_you_know_become_last_contacts(
    db: Workspace, now: datetime, today: date
) -> None:
    run(db, "linkedin", LI / "current-export-with-notes-preamble.csv", now, today)
    people.add_person(
        db,
        {"name": "Priya Nayak", "add_email": ["priya.nayak@northwind.example"]},
        now=now,
        today=today,
    )
    calendar = FIXTURES / "ics" / "google-calendar-export.ics"
    report = run(db, "ics", calendar, now, today, timezone="America/Chicago")
    assert report.interactions == 10  # 8 weekly 1:1s and the offsite with Priya, coffee with Ana
    assert person_named(db, "Priya Nayak").person.last_contact == date(2026, 11, 20)
    assert person_named(db, "Ana Okafor").person.last_contact == date(2026, 11, 5)
    assert "no attendee is in your network" in report.skipped_by_reason()
    again = run(db, "ics", calendar, now, today, timezone="America/Chicago")
    assert (again.interactions, again.unchanged) == (0, 10)


def test_an_import_run_is_recorded_with_its_counts(
    db: Workspace, now: datetime, today: date
) -> None:
    run(db, "linkedin", LI / "hidden-profiles.csv", now, today)
    with db.session() as session:
        row = session.scalars(select(models.ImportRun)).one()
    assert (row.kind, row.records, row.created, row.skipped) == ("linkedin", 4, 2, 2)


def test_a_zip_that_is_not_a_zip_is_one_error(
    db: Workspace, now: datetime, today: date, tmp_path: Path
) -> None:
    bad = tmp_path / "export.zip"
    bad.write_bytes(b"PK\x03\x04garbage")
    with pytest.raises(UserError, match="not a readable ZIP archive"):
        run(db, "linkedin", bad, now, today)
