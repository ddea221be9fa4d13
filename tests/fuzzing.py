"""A seeded mutation fuzzer for the importers, shared by the fuzzing tests (a few dozen inputs
per format, in CI) and benchmarks/fuzz_imports.py (thousands, by hand).

Each input is a real file (our fixtures, the shared fixtures, icalendar's and
recurring-ical-events' own test calendars) damaged by a few seeded mutations: bytes flipped,
inserted, deleted or repeated, lines spliced from another file of the same kind, tokens that
broke 0.1 (`INTERVAL=0`, a stray `END:VTIMEZONE`, a 300-character TZID, `[/]`, a BOM, NUL,
an odd UTF-16 byte), truncation. `check_import` then holds every importer to its contract:

- a clear UserError, or a clean import — never any other exception, never longer than a
  time bound (a hang is an error, not a slow test);
- nothing half-written: a refused file leaves the database as it was;
- idempotent: importing the same file again (a minute later) creates, updates and flags
  nothing and leaves the database as it was;
- the report prints (the file's text is never read as markup).
"""

from __future__ import annotations

import codecs
import io
import random
import signal
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from nextmove.errors import UserError
from nextmove.services import imports
from nextmove.services.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "formats" / "fixtures"
SHARED = ROOT.parent / "shared" / "fixtures"
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 22)
TIME_BOUND = 20.0  # seconds per import: generous on a busy two-core machine

# The tables an import writes people and what it knows of them to (its own record in
# import_run and the chart's headcount in org_snapshot grow with every import, by design).
TABLES = (
    "person",
    "person_email",
    "employment",
    "person_source",
    "tie",
    "interaction",
    "org_position",
    "profile",
)

TOKENS = (
    b"\x00",
    b"\r",
    b"\r\r\n",
    b'"',
    b",",
    b";",
    b"\n\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xed\xa0\x80",  # a UTF-8-encoded lone surrogate
    b"\xe2\x80\xae",  # right-to-left override
    b"[/]",
    b"[bold]",
    b"=cmd|' /C calc'!A0",
    b"END:VTIMEZONE\r\n",
    b"BEGIN:VTIMEZONE\r\n",
    b"END:VEVENT\r\n",
    b"BEGIN:VEVENT\r\n",
    b"RRULE:FREQ=DAILY;INTERVAL=0\r\n",
    b"RRULE:FREQ=SECONDLY\r\n",
    b"RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\n",
    b"RECURRENCE-ID:20260105T100000Z\r\n",
    b"DURATION:PT3H\r\n",
    b"EXDATE:garbage\r\n",
    b"DTSTART;TZID=" + b"X" * 300 + b":20260105T100000\r\n",
    b"DTSTART:99991231T235959Z\r\n",
    b"DTSTART:00010101\r\n",
    b"UID:same\r\n",
    b"BEGIN:VCARD\r\n",
    b"END:VCARD\r\n",
    b"ENCODING=QUOTED-PRINTABLE:=\r\n",
    b"PHOTO;ENCODING=b:AAAA\r\n",
    b"1,Dup,1\n",
    b",,,,,,\n",
    b"x" * 5000,
    b"9" * 400,
)


@dataclass(frozen=True, slots=True)
class Seed:
    name: str
    data: bytes


def _files(folder: Path, *suffixes: str) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)


def _package_calendars() -> list[Path]:
    """icalendar's and recurring-ical-events' own test calendars, read from the installed
    packages (both ship them)."""
    import icalendar
    import recurring_ical_events

    found: list[Path] = []
    for package, where in (
        (icalendar, ("tests", "calendars")),
        (recurring_ical_events, ("test", "calendars")),
    ):
        folder = Path(package.__file__).resolve().parent.joinpath(*where)
        found += _files(folder, ".ics")
    return found


def linkedin_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def seeds(kind: str) -> list[Seed]:
    """The real files each kind of import starts from."""
    paths: list[Path]
    if kind == "linkedin":
        paths = _files(FIXTURES / "linkedin", ".csv")
    elif kind == "linkedin-zip":
        export = FIXTURES / "linkedin" / "linkedin-export"
        members = {p.name: p.read_bytes() for p in _files(export, ".csv")}
        return [Seed("linkedin-export.zip", linkedin_zip(members))]
    elif kind == "google":
        paths = _files(FIXTURES / "google", ".csv")
    elif kind == "vcard":
        paths = _files(FIXTURES / "vcard", ".vcf") + _files(SHARED / "vcard", ".vcf")
    elif kind == "orgchart":
        paths = _files(FIXTURES / "orgchart", ".csv")
    elif kind in ("ics", "slots"):
        paths = _files(FIXTURES / "ics", ".ics") + _package_calendars()
    else:
        raise ValueError(kind)
    return [Seed(p.name, p.read_bytes()) for p in paths]


def mutate(data: bytes, rng: random.Random, others: list[Seed]) -> bytes:
    """One to four seeded mutations of `data`."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.random()
        at = rng.randrange(len(buf) + 1)
        if choice < 0.15 and buf:  # flip bytes
            for _ in range(rng.randint(1, 8)):
                i = rng.randrange(len(buf))
                buf[i] = rng.randrange(256)
        elif choice < 0.40:  # insert a token that broke something once
            buf[at:at] = rng.choice(TOKENS)
        elif choice < 0.50 and buf:  # delete a range
            buf[at : at + rng.randint(1, 200)] = b""
        elif choice < 0.60 and buf:  # repeat a range (duplicate rows, cards, events)
            end = min(len(buf), at + rng.randint(1, 2000))
            buf[at:at] = buf[at:end] * rng.randint(1, 3)
        elif choice < 0.72 and others:  # splice lines of another file of the same kind
            other = rng.choice(others).data
            lines = other.splitlines(keepends=True)
            if lines:
                i = rng.randrange(len(lines))
                buf[at:at] = b"".join(lines[i : i + rng.randint(1, 30)])
        elif choice < 0.80 and buf:  # swap two lines
            lines = bytes(buf).splitlines(keepends=True)
            if len(lines) > 2:
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
                lines[i], lines[j] = lines[j], lines[i]
                buf = bytearray(b"".join(lines))
        elif choice < 0.86 and buf:  # truncate
            del buf[rng.randrange(len(buf)) :]
        elif choice < 0.92:  # re-encode as UTF-16, sometimes with a dangling byte
            body = bytes(buf).decode("utf-8", "replace").encode("utf-16-le")
            buf = bytearray(codecs.BOM_UTF16_LE + body + (b"\x41" if rng.random() < 0.5 else b""))
        else:  # a very long cell or line
            buf[at:at] = bytes([rng.choice(b'abc,;:"\n')]) * rng.randint(100, 20_000)
    return bytes(buf)


def mutate_zip(data: bytes, rng: random.Random, others: list[Seed]) -> bytes:
    """Damage the archive itself, or one of its members (and zip it again)."""
    if rng.random() < 0.5:
        return mutate(data, rng, [])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    name = rng.choice(sorted(members))
    members[name] = mutate(members[name], rng, [Seed(n, d) for n, d in members.items()])
    return linkedin_zip(members)


def inputs(kind: str, count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    """`count` damaged files of `kind`, the same ones for the same seed."""
    rng = random.Random(f"{kind}:{seed}")
    pool = seeds(kind)
    intact = min(len(pool), max(1, count // 4))  # real files as they are, then damaged ones
    for base in rng.sample(pool, intact):
        yield f"{base.name} (as is)", base.data
    damage = mutate_zip if kind == "linkedin-zip" else mutate
    for n in range(intact, count):
        base = rng.choice(pool)
        yield f"{base.name} #{n}", damage(base.data, rng, pool)


class Hang(BaseException):
    """An import ran past the time bound. A BaseException, so no `except Exception` in a
    library swallows it."""


@contextmanager
def time_bound(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def snapshot(db: Workspace) -> dict[str, list[tuple[object, ...]]]:
    """Every row an import may write, in a stable order."""
    found: dict[str, list[tuple[object, ...]]] = {}
    with db.db.session(all_workspaces=True) as session:  # the whole database, as stored
        for table in TABLES:
            rows = session.execute(text(f"SELECT * FROM {table}")).all()
            found[table] = sorted((tuple(r) for r in rows), key=repr)
    return found


@dataclass(slots=True)
class Tally:
    """What a run of the fuzzer saw, per outcome."""

    imported: int = 0
    refused: int = 0
    messages: dict[str, int] = field(default_factory=dict)

    def refusal(self, message: str) -> None:
        self.refused += 1
        lines = message.splitlines()
        first = lines[1] if len(lines) > 1 and "problem" in lines[0] else lines[0]
        key = first.split(": ")[-1][:70]
        self.messages[key] = self.messages.get(key, 0) + 1


def check_import(
    db: Workspace, kind: str, path: Path, *, partial: bool, tally: Tally, source: str
) -> None:
    """Hold one import of `path` to the contract above; AssertionError (or the importer's
    own exception, or Hang) when it breaks it."""
    from nextmove.cli.context import console
    from nextmove.cli.imports import print_report

    importer = "linkedin" if kind == "linkedin-zip" else kind
    options: dict[str, object] = {"organization": "Acme"} if kind == "orgchart" else {}
    before = snapshot(db)
    try:
        with time_bound(TIME_BOUND):
            report = imports.import_file(
                db,
                importer,
                path,
                now=NOW,
                today=TODAY,
                partial=partial,
                source=source,
                **options,  # type: ignore[arg-type]
            )
    except UserError as exc:
        assert snapshot(db) == before, f"{source}: refused ({exc}) but the database changed"
        tally.refusal(str(exc))
        return
    tally.imported += 1
    with console.capture():
        print_report(report)
    after = snapshot(db)
    with time_bound(TIME_BOUND):
        again = imports.import_file(
            db,
            importer,
            path,
            now=NOW + timedelta(minutes=1),
            today=TODAY,
            partial=partial,
            source=source,
            **options,  # type: ignore[arg-type]
        )
    drift = (again.created, again.updated, len(again.job_changes), again.interactions)
    assert drift == (0, 0, 0, 0), f"{source}: the second import changed {drift}"
    assert snapshot(db) == after, f"{source}: the second import changed the database"


def check_busy(data: bytes, *, source: str, tally: Tally) -> None:
    """`slots --busy`: a clear error or busy times, within the time bound."""
    from nextmove.formats.ics import read_busy

    start = datetime(2026, 1, 1, tzinfo=UTC)
    try:
        with time_bound(TIME_BOUND):
            read_busy(
                data,
                start=start,
                end=start + timedelta(days=60),
                timezone="Europe/Berlin",
                source=source,
            )
    except UserError as exc:
        tally.refusal(str(exc))
        return
    tally.imported += 1
