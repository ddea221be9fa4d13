"""After a person is deleted: remove their name, e-mails and phones from every text that stays
(other people's "how you know them", meetings' "why", notes, insights, tasks, decisions, the
import history's file names). See domain.forget for what is replaced and by what."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, or_, select, update
from sqlalchemy.orm import Session

from nextmove.domain.forget import (
    Traces,
    file_names_person,
    last_path_part,
    scrub,
    scrubbed_file_name,
)
from nextmove.store import models

# Every free text that can name someone other than the row's own person: (model, columns).
TEXTS: tuple[tuple[type[models.Base], tuple[str, ...]], ...] = (
    (models.Person, ("how_known", "notes")),
    (models.Tie, ("note",)),
    (models.Interaction, ("note",)),
    (models.PersonSource, ("file", "locator")),
    (models.ImportRun, ("file", "organization")),
    (models.Meeting, ("why", "notes", "agenda", "place", "link")),
    (models.MeetingInsight, ("text",)),
    (models.MeetingTask, ("text",)),
    (models.BoardSeat, ("why",)),
    (models.Opportunity, ("notes", "link")),
    (models.OpportunityStatus, ("note",)),
    (models.OpportunityDecision, ("why",)),
    (models.JournalEntry, ("activity", "note")),
    (models.Priority, ("note",)),
)
FILE_COLUMNS = {"file"}


def scrub_traces(session: Session, traces: Traces) -> int:
    """Rewrite every stored text that names the deleted person; returns how many rows."""
    if not traces:
        return 0
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    changed = 0
    for model, names in TEXTS:
        table = cast(Table, model.__table__)
        keys = list(table.primary_key.columns)
        columns = [table.c[name] for name in names]
        # A superset in SQL (ignoring ASCII case), exact whole-word matching in Python.
        words = [w for w in traces.name.split() if w] if "file" in names else []
        wanted = [
            # SQLite's LIKE ignores ASCII case by itself; lower() on every row costs 3×.
            column.contains(s, autoescape=True) if sqlite else column.icontains(s, autoescape=True)
            for column in columns
            for s in (*traces.strings, *words)
        ]
        for row in conn.execute(select(*keys, *columns).where(or_(*wanted))).all():
            values: dict[str, str | None] = {}
            for column in columns:
                text = row._mapping[column]
                if text is None:
                    continue
                new = scrub(text, traces)
                if column.name in FILE_COLUMNS and file_names_person(new, traces):
                    new = scrubbed_file_name(new)
                if new != text:
                    values[column.name] = new
            if values:
                conn.execute(
                    update(table)
                    .where(*(key == row._mapping[key] for key in keys))
                    .values(**values)
                )
                changed += 1
    return changed


def strip_folders(session: Session) -> int:
    """Import history written before it kept file names only (release 0.1 stored the whole
    path, which names the user's folders): keep the last part. Returns how many rows."""
    run = cast(Table, models.ImportRun.__table__)
    conn = session.connection()
    rows = conn.execute(
        select(run.c.id, run.c.file).where(
            or_(
                run.c.file.contains("/", autoescape=True),
                run.c.file.contains("\\", autoescape=True),
            )
        )
    ).all()
    for row in rows:
        conn.execute(update(run).where(run.c.id == row.id).values(file=last_path_part(row.file)))
    return len(rows)
