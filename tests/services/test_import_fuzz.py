"""Every importer against damaged files (a seeded mutator over real files; see
tests/fuzzing.py): a clear error or a clean import, never an internal error or a hang,
nothing half-written, and a second import of the same file changes nothing.

Bounded for CI (INPUTS per format, on SQLite); benchmarks/fuzz_imports.py runs thousands."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from nextmove.services.workspace import Workspace
from nextmove.store.db import make_engine, migrate
from tests.fuzzing import Tally, check_busy, check_import, inputs, seeds

INPUTS = 48
SEED = 19
SUFFIX = {"linkedin-zip": ".zip", "vcard": ".vcf", "ics": ".ics"}


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Workspace:
    url = f"sqlite:///{tmp_path / 'fuzz.db'}"
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    return Workspace.open(url)


def test_every_seed_file_is_a_real_file_of_its_kind() -> None:
    # The icalendar and recurring-ical-events wheels ship their test calendars: the fuzzer
    # starts from 200 and more real calendars, not only ours.
    assert len(seeds("ics")) > 100
    for kind in ("linkedin", "linkedin-zip", "google", "vcard", "orgchart"):
        assert seeds(kind), kind


@pytest.mark.parametrize("kind", ["linkedin", "linkedin-zip", "google", "vcard", "orgchart", "ics"])
def test_damaged_files_are_refused_clearly_or_imported_cleanly_and_idempotently(
    kind: str, sqlite_db: Workspace, tmp_path: Path
) -> None:
    tally = Tally()
    if kind == "ics":  # people to meet, so that calendar imports write interactions
        found = sorted(
            {
                a.lower()
                for s in seeds("ics")
                for a in re.findall(rb"mailto:([\w.%+-]+@[\w.-]+)", s.data)
            }
        )
        people = tmp_path / "attendees.vcf"
        people.write_bytes(
            b"".join(
                b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Attendee %d\r\nEMAIL:%s\r\nEND:VCARD\r\n"
                % (i, a)
                for i, a in enumerate(found)
            )
        )
        check_import(sqlite_db, "vcard", people, partial=True, tally=Tally(), source="attendees")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # icalendar's warnings about guessed TZIDs
        for n, (name, data) in enumerate(inputs(kind, INPUTS, SEED)):
            path = tmp_path / f"input{SUFFIX.get(kind, '.csv')}"
            path.write_bytes(data)
            check_import(sqlite_db, kind, path, partial=n % 2 == 1, tally=tally, source=name)
    assert tally.imported + tally.refused == INPUTS
    # Both outcomes are exercised: real files import, badly damaged ones are refused.
    assert tally.imported > 0 and tally.refused > 0


def test_damaged_calendars_give_busy_times_or_a_clear_error() -> None:
    tally = Tally()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, data in inputs("slots", INPUTS, SEED):
            check_busy(data, source=name, tally=tally)
    assert tally.imported > 0 and tally.refused > 0
