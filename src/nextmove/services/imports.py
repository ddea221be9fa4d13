"""`nextmove import <kind> PATH`: one use case per kind of file, all with the same contract.

- Atomic: one transaction; any problem in any row means nothing is written, unless
  `partial` (then the good rows are written and the problems reported).
- `dry_run` does everything, reports it, and rolls back.
- A file that cannot be read at all (binary, not CSV, wrong columns, a truncated vCard) is one
  UserError naming the file and why, before anything is written.
- The report says what was created, updated, unchanged and skipped (with reasons), and every
  problem with its line or card.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from nextmove.domain.import_kinds import FILE_KINDS, file_kind
from nextmove.domain.imports import ImportReport, Skip
from nextmove.domain.people import ContactRecord, normalize_email
from nextmove.errors import InvalidInput, Problem, UserError
from nextmove.services.contact_import import BATCH, ContactMerger
from nextmove.services.progress import NoProgress, Progress, gc_paused
from nextmove.services.workspace import Workspace
from nextmove.store import bulk
from nextmove.store import network as net
from nextmove.store import people as repo

MAX_SHOWN_PROBLEMS = 25
BULK_CONTACTS = 10_000  # a file this large into an empty network rebuilds indexes once


Item = ContactRecord | Skip | Problem


def problems_error(source: str, problems: list[Problem]) -> InvalidInput:
    shown = list(problems[:MAX_SHOWN_PROBLEMS])
    if len(problems) > MAX_SHOWN_PROBLEMS:
        shown.append(Problem("", f"… and {len(problems) - MAX_SHOWN_PROBLEMS} more"))
    error = InvalidInput(
        source,
        shown,
        hint="Nothing was imported. Fix these rows, or pass --partial to import the others "
        "and skip them.",
    )
    error.problems = problems
    return error


@dataclass(frozen=True, slots=True)
class FileImport:
    """One import of one file, as every reader takes it."""

    path: Path
    source: str  # the file's name in the report, its messages and the import's record
    now: datetime
    today: date
    dry_run: bool
    partial: bool
    progress: Progress
    timezone: str = "UTC"
    organization: str | None = None
    column_map: dict[str, str] | None = None
    me: str | None = None


def import_file(
    db: Workspace,
    kind: str,
    path: Path,
    *,
    now: datetime,
    today: date,
    dry_run: bool = False,
    partial: bool = False,
    organization: str | None = None,
    column_map: dict[str, str] | None = None,
    me: str | None = None,
    timezone: str = "UTC",
    progress: Progress | None = None,
    source: str | None = None,
) -> ImportReport:
    """Import one file (or, for vCards, a folder of them) of the given kind, with the reader
    registered for it (`READERS`). `source` names the file in the report, its messages and
    the import's record (default: the path; the web app passes the uploaded file's name,
    since the path is a temporary file)."""
    wanted = file_kind(kind)
    given = {"organization": organization, "column_map": column_map, "me": me}
    refused = [name for name, value in given.items() if value and name not in wanted.options]
    if refused:
        takers = [k.name for k in FILE_KINDS if set(refused) <= set(k.options)]
        raise UserError(
            ", ".join(f"--{OPTION_FLAGS[name]}" for name in refused)
            + (" is" if len(refused) == 1 else " are")
            + (f" for `import {' / '.join(takers)}` only" if takers else " not an option here")
        )
    job = FileImport(
        path=path,
        source=source or str(path),
        now=now,
        today=today,
        dry_run=dry_run,
        partial=partial,
        progress=progress or NoProgress(),
        timezone=timezone,
        **given,  # type: ignore[arg-type]
    )
    return READERS[wanted.name](db, job)


# The CLI's spelling of each option, for messages.
OPTION_FLAGS = {"organization": "organization", "column_map": "map", "me": "me"}


def _read_linkedin(db: Workspace, job: FileImport) -> ImportReport:
    from nextmove.formats.textfile import decode, read_bytes

    data = read_bytes(job.path)
    if data[:2] == b"PK":  # a ZIP, even one whose first header is damaged
        return import_linkedin_zip(
            db,
            data,
            source=job.source,
            now=job.now,
            today=job.today,
            dry_run=job.dry_run,
            partial=job.partial,
            progress=job.progress,
        )
    from nextmove.formats.linkedin import parse_connections

    text = decode(data, job.source, what="a CSV file")
    return _import_records(db, "linkedin", parse_connections(text, job.source), job)


def _read_google(db: Workspace, job: FileImport) -> ImportReport:
    from nextmove.formats.google import parse_google
    from nextmove.formats.textfile import decode, read_bytes

    text = decode(read_bytes(job.path), job.source, what="a CSV file")
    return _import_records(db, "google", parse_google(text, job.source), job)


def _read_vcard(db: Workspace, job: FileImport) -> ImportReport:
    return _import_records(db, "vcard", _vcard_items(job.path, job.source), job)


def _read_orgchart(db: Workspace, job: FileImport) -> ImportReport:
    from nextmove.services.directory_import import import_directory
    from nextmove.services.enrolment import enrol_employees

    if not job.dry_run:
        _check_snapshot_date(db, job.organization, job.today)
    result = import_directory(
        db,
        job.path,
        organization=job.organization,
        column_map=job.column_map,
        me=job.me,
        now=job.now,
        today=job.today,
        dry_run=job.dry_run,
        partial=job.partial,
        progress=job.progress,
        source=job.source,
    )
    if not job.dry_run and result.organization_id is not None:
        # A program admin's chart: the employees' workspaces read it (services/enrolment.py).
        employees = enrol_employees(db.db, now=job.now, organization_id=result.organization_id)
        if employees:
            result.report.notes.append(
                f"{employees} program employee{'s' if employees != 1 else ''} with an account "
                "read this chart (their e-mail is in it)"
            )
    return result.report


def _check_snapshot_date(db: Workspace, organization: str | None, today: date) -> None:
    """A snapshot is dated (--as-of) on or after the organization's latest one: the history
    — who held a position before whom, a team's size over time — reads them in order."""
    from nextmove.domain.people import clean_text, org_key
    from nextmove.store import directory as directory_store
    from nextmove.store.network import my_profile_position

    with db.session() as session:
        name = clean_text(organization or my_profile_position(session)[0])[:200]
        found = directory_store.last_snapshot_date(session, org_key(name)) if name else None
    if found is None:
        return
    name, last = found
    if today < last:
        raise UserError(
            f"{name}'s latest org chart is dated {last.isoformat()}; this one would be dated "
            f"{today.isoformat()}, before it",
            hint=f"Give the date the chart was exported with --as-of (on or after "
            f"{last.isoformat()}): the directory keeps its snapshots in date order.",
            field="as_of",
        )


def _read_ics(db: Workspace, job: FileImport) -> ImportReport:
    return import_calendar(
        db,
        job.path,
        now=job.now,
        today=job.today,
        dry_run=job.dry_run,
        partial=job.partial,
        tz=_zone(job.timezone),
        source=job.source,
    )


def _import_records(
    db: Workspace, kind: str, items: Iterable[Item], job: FileImport
) -> ImportReport:
    return import_contacts(
        db,
        kind,
        list(items),
        source=job.source,
        now=job.now,
        today=job.today,
        dry_run=job.dry_run,
        partial=job.partial,
        progress=job.progress,
    )


Reader = Callable[[Workspace, FileImport], ImportReport]

# The reader of each kind of file in the registry (domain.import_kinds), by the kind's name.
READERS: dict[str, Reader] = {
    "linkedin": _read_linkedin,
    "vcard": _read_vcard,
    "google": _read_google,
    "orgchart": _read_orgchart,
    "ics": _read_ics,
}


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except Exception:
        raise UserError(f"timezone {name!r} is not an IANA time zone name") from None


def _vcard_items(path: Path, source: str) -> list[Item]:
    from nextmove.formats.textfile import decode, read_bytes
    from nextmove.formats.vcard import parse_vcards

    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".vcf", ".vcard"))
        if not files:
            raise UserError(f"{path}: no .vcf files in this folder")
    else:
        files = [path]
    items: list[Item] = []
    for file in files:
        name = str(file) if len(files) > 1 else source
        text = decode(read_bytes(file), name, what="a vCard file")
        for item in parse_vcards(text, name):
            if len(files) > 1:
                item.where = f"{file.name} {item.where}"
            items.append(item)
    return items


def import_contacts(
    db: Workspace,
    kind: str,
    items: Iterable[Item],
    *,
    source: str,
    now: datetime,
    today: date,
    dry_run: bool,
    partial: bool,
    progress: Progress | None = None,
    then: Callable[[Session, ImportReport], None] | None = None,
) -> ImportReport:
    progress = progress or NoProgress()
    report = ImportReport(kind, source, dry_run=dry_run, partial=partial)
    items = list(items)
    progress.start(f"Importing {Path(source).name}", len(items))
    with gc_paused(), db.session() as session:
        import_id = net.start_import_run(session, kind=kind, file=source, partial=partial, now=now)
        report.import_id = import_id
        merger = ContactMerger(
            session,
            kind=kind,
            import_id=import_id,
            file=Path(source).name,
            now=now,
            today=today,
            report=report,
        )
        large = len(items) >= BULK_CONTACTS and merger.memory_only
        with bulk.indexes_rebuilt_after(session, [repo.P, repo.SOURCE], enabled=large):
            batch: list[ContactRecord] = []
            for item in items:
                report.records += 1
                if isinstance(item, Skip):
                    report.skipped.append(item)
                elif isinstance(item, Problem):
                    report.problems.append(item)
                else:
                    batch.append(item)
                    if len(batch) >= BATCH:
                        merger.add(batch)
                        progress.advance(len(batch))
                        batch = []
            merger.add(batch)
            progress.advance(len(batch))
        progress.finish()
        if then is not None:
            then(session, report)
        _finish(session, report)
    return report


def _finish(session: Session, report: ImportReport) -> None:
    if report.problems and not report.partial:
        raise problems_error(report.source, report.problems)
    if report.dry_run:
        session.rollback()
        report.import_id = None
        return
    assert report.import_id is not None
    net.finish_import_run(session, report.import_id, report)


# ---------------------------------------------------------------------------- LinkedIn ZIP


def import_linkedin_zip(
    db: Workspace,
    data: bytes,
    *,
    source: str,
    now: datetime,
    today: date,
    dry_run: bool,
    partial: bool,
    progress: Progress | None = None,
) -> ImportReport:
    """Connections.csv, then Invitations.csv and messages.csv as interactions with the people
    at the other end — all in one transaction."""
    from nextmove.formats.linkedin import (
        parse_connections,
        parse_invitations,
        parse_messages,
        read_export_zip,
    )

    export = read_export_zip(data, source)
    assert export.connections is not None
    items = list(parse_connections(export.connections, export.names["Connections.csv"]))
    exchanges: list = []  # type: ignore[type-arg]
    if export.invitations is not None:
        exchanges += [
            ("Invitations.csv", x)
            for x in parse_invitations(export.invitations, export.names["Invitations.csv"])
        ]
    if export.messages is not None:
        exchanges += [
            ("messages.csv", x)
            for x in parse_messages(export.messages, export.names["messages.csv"])
        ]

    def then(session: Session, report: ImportReport) -> None:
        rows = []
        from nextmove.formats.linkedin import Exchange

        found = repo.ids_by_profile_url(
            session, (u for _, x in exchanges if isinstance(x, Exchange) for u in x.profile_urls)
        )
        wanted: list[tuple[int, str, date, str, str]] = []
        for member, x in exchanges:
            where = f"{member} {x.where}"
            report.records += 1
            if isinstance(x, Problem):
                report.problem(where, x.message)
                continue
            people = [found[u] for u in x.profile_urls if u in found]
            if not people:
                report.skip(where, "not someone in your network")
                continue
            for person_id in dict.fromkeys(people):
                wanted.append((person_id, x.kind, x.day, x.note, x.key))
        have = net.existing_interaction_keys(session, (w[4] for w in wanted))
        for row in wanted:
            if (row[0], row[4]) not in have:
                have.add((row[0], row[4]))
                rows.append(row)
        net.add_imported_interactions(
            session, rows, source="linkedin", import_id=report.import_id, now=now
        )
        report.interactions += len(rows)

    return import_contacts(
        db,
        "linkedin",
        items,
        source=source,
        now=now,
        today=today,
        dry_run=dry_run,
        partial=partial,
        progress=progress,
        then=then,
    )


# ---------------------------------------------------------------------------- calendars


def import_calendar(
    db: Workspace,
    path: Path,
    *,
    now: datetime,
    today: date,
    dry_run: bool,
    partial: bool,
    tz: tzinfo,
    source: str | None = None,
) -> ImportReport:
    """Events whose attendees are people in the network become interactions (kind
    `calendar`), one per person per occurrence; a re-import adds nothing (event UIDs)."""
    from nextmove.formats.ics_events import CalendarEvent, parse_calendar
    from nextmove.formats.textfile import decode, read_bytes

    source = source or str(path)
    text = decode(read_bytes(path), source, what="an iCalendar file")
    events = list(parse_calendar(text, source, today=today, tz=tz))
    report = ImportReport("ics", source, dry_run=dry_run, partial=partial)
    with db.session() as session:
        import_id = net.start_import_run(session, kind="ics", file=source, partial=partial, now=now)
        report.import_id = import_id
        me = net.my_person_id(session)
        addresses = {a for e in events if isinstance(e, CalendarEvent) for a in e.attendees}
        found = repo.ids_by_email(session, addresses)
        wanted: list[tuple[int, str, date, str, str]] = []
        for event in events:
            report.records += 1
            if isinstance(event, Problem):
                report.problems.append(event)
                continue
            people = [found[a] for a in event.attendees if a in found and found[a] != me]
            if not people:
                report.skip(event.where, "no attendee is in your network")
                continue
            for person_id in dict.fromkeys(people):
                wanted.append(
                    (person_id, "calendar", event.day, event.summary or "Calendar event", event.key)
                )
        have = net.existing_interaction_keys(session, (w[4] for w in wanted))
        rows = []
        for row in wanted:
            if (row[0], row[4]) in have:
                report.unchanged += 1
                continue
            have.add((row[0], row[4]))
            rows.append(row)
        net.add_imported_interactions(session, rows, source="ics", import_id=import_id, now=now)
        report.interactions = len(rows)
        _finish(session, report)
    return report


def recent_imports(db: Workspace, *, limit: int = 10) -> list[net.ImportRunLine]:
    """The last imports that wrote something (dry runs and refused files leave no record),
    newest first."""
    with db.session() as session:
        return net.import_runs(session, newest=limit)


def attendee_addresses(values: Iterable[str]) -> Iterator[str]:
    for value in values:
        address = normalize_email(value)
        if address:
            yield address
