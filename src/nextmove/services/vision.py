"""Use cases for the person's plan: position, vision file, check, energy journal."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from nextmove.domain.check import Finding
from nextmove.domain.edits import PositionEdit, apply_position_edit
from nextmove.domain.journal import (
    ENERGY_MAX,
    ENERGY_MIN,
    ENGAGEMENT_MAX,
    ENGAGEMENT_MIN,
    JournalEntry,
    JournalSummary,
    summarize_journal,
)
from nextmove.domain.vision import Position, Vision
from nextmove.errors import NotFound, UserError
from nextmove.services.workspace import Workspace
from nextmove.store import vision as repo

if TYPE_CHECKING:  # the plan check and the vision file's format load when used (not on `show`)
    from nextmove.domain.plans import PlanCheck

EVIDENCE_WINDOW_DAYS = 90


def get_vision(db: Workspace) -> Vision:
    with db.session() as session:
        return repo.load_vision(session)


def import_vision(db: Workspace, text: str, *, source: str, now: datetime) -> Vision:
    """Parse and validate first, then replace the saved vision in one transaction."""
    from nextmove.formats.vision_toml import parse_vision

    vision = parse_vision(text, source)
    with db.session() as session:
        repo.hold_for_update(session)
        repo.save_vision(session, vision, now=now)
    return vision


def save_vision_data(db: Workspace, data: dict[str, Any], *, source: str, now: datetime) -> Vision:
    """Validate a vision given as plain data (a web form, a JSON body; the vision file's shape),
    then replace the saved vision in one transaction. Problems name each field."""
    from nextmove.formats.vision_toml import vision_from_data

    vision = vision_from_data(data, source)
    with db.session() as session:
        repo.hold_for_update(session)
        current = repo.load_vision(session)
        # A form or body without plans keeps them: it edits the main plan only.
        if "plans" not in data:
            vision.alternatives = current.alternatives
        if "plan" not in data:
            vision.plan_name, vision.plan_note = current.plan_name, current.plan_note
            vision.gauges = current.gauges
        repo.save_vision(session, vision, now=now)
    return vision


def export_vision(db: Workspace) -> str:
    from nextmove.formats.vision_toml import render_vision

    return render_vision(get_vision(db))


def set_position(db: Workspace, edit: PositionEdit, *, now: datetime) -> Position:
    """Change some fields of the current position; levels and functions are validated."""
    with db.session() as session:
        repo.hold_for_update(session)
        updated = apply_position_edit(repo.load_vision(session).me, edit)
        repo.save_position(session, updated, now=now)
    return updated


def journal_window(today: date, days: int) -> tuple[date, date]:
    if days < 1:
        raise UserError("must be at least 1", field="days")
    return today - timedelta(days=days - 1), today


def run_check(db: Workspace, *, today: date) -> list[Finding]:
    """The check of the main plan (with the person's position, priorities, energizers)."""
    return run_plan_checks(db, today=today)[0].findings


def run_plan_checks(db: Workspace, *, today: date) -> list[PlanCheck]:
    """The check per plan: the main plan's in full, then each alternative's own."""
    from nextmove.domain.plans import check_plans

    start, end = journal_window(today, EVIDENCE_WINDOW_DAYS)
    with db.session() as session:
        vision = repo.load_vision(session)
        entries = repo.list_journal_entries(session, start=start, end=end)
    summary = summarize_journal(entries, start=start, end=end, limit=10) if entries else None
    checks = check_plans(vision, summary)
    from nextmove.services.moves import untrodden_next_step  # reads every history: only here

    untrodden = untrodden_next_step(db, today=today, vision=vision)
    if untrodden is not None:
        main = checks[0]
        checks[0] = replace(main, findings=[*main.findings, untrodden])
    return checks


ACTIVITY_MAX_CHARS = 300


def validate_journal_entry(entry: JournalEntry) -> None:
    if not entry.activity.strip():
        raise UserError(
            "activity: must not be empty", hint="Say what you did, e.g. 'customer interviews'."
        )
    if len(entry.activity.strip()) > ACTIVITY_MAX_CHARS:
        raise UserError(
            f"activity: longer than {ACTIVITY_MAX_CHARS} characters",
            hint="Name the activity in a few words; put details in the note.",
        )
    for name, text in (
        ("activity", entry.activity),
        ("note", entry.note),
        *(("themes", t) for t in entry.themes),
    ):
        if "\x00" in text:
            raise UserError(f"{name}: contains a NUL character")
    if not ENERGY_MIN <= entry.energy <= ENERGY_MAX:
        raise UserError(
            f"energy: {entry.energy} is outside {ENERGY_MIN}…{ENERGY_MAX}",
            hint="−2 draining, −1 tiring, 0 neutral, +1 good, +2 energizing.",
        )
    if not ENGAGEMENT_MIN <= entry.engagement <= ENGAGEMENT_MAX:
        raise UserError(
            f"engagement: {entry.engagement} is outside {ENGAGEMENT_MIN}…{ENGAGEMENT_MAX}",
            hint="1 bored … 5 fully absorbed.",
        )


def add_journal_entry(db: Workspace, entry: JournalEntry, *, now: datetime) -> JournalEntry:
    validate_journal_entry(entry)
    entry = replace(
        entry,
        activity=entry.activity.strip(),
        themes=[t.strip() for t in entry.themes if t.strip()],
    )
    with db.session() as session:
        entry_id = repo.add_journal_entry(session, entry, now=now)
    return replace(entry, id=entry_id)


def list_journal(db: Workspace, *, start: date | None, end: date | None) -> list[JournalEntry]:
    with db.session() as session:
        return repo.list_journal_entries(session, start=start, end=end)


def delete_journal_entry(db: Workspace, entry_id: int) -> None:
    with db.session() as session:
        if not repo.delete_journal_entry(session, entry_id):
            raise NotFound(
                f"no journal entry with id {entry_id}", hint="`nextmove journal list` shows ids."
            )


def summarize(db: Workspace, *, today: date, days: int, limit: int = 5) -> JournalSummary:
    start, end = journal_window(today, days)
    entries = list_journal(db, start=start, end=end)
    return summarize_journal(entries, start=start, end=end, limit=limit)
