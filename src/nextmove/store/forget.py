"""After a person is deleted: remove their name, e-mails and phones from every text that stays
(other people's "how you know them", meetings' "why", notes, insights, tasks, decisions, the
import history's file names). See domain.forget for what is replaced and by what."""

from __future__ import annotations

from typing import cast

from sqlalchemy import Table, or_, select, update
from sqlalchemy.orm import Session

from nextmove.domain.forget import (
    Rewrite,
    Rewrites,
    Traces,
    file_names_person,
    last_path_part,
    names_in_full,
    scrub,
    scrubbed_file_name,
)
from nextmove.store import models
from nextmove.store.ids import workspace_of
from nextmove.store.meeting_models import Meeting, MeetingReferral
from nextmove.store.opportunity_models import OpportunityPerson

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
# How the confirmation names each kind of record: (singular, plural).
NOUNS: dict[type[models.Base], tuple[str, str]] = {
    models.Person: ("other person", "other people"),
    models.Tie: ("tie note", "tie notes"),
    models.Interaction: ("logged contact", "logged contacts"),
    models.PersonSource: ("import source", "import sources"),
    models.ImportRun: ("import in the history", "imports in the history"),
    models.Meeting: ("meeting", "meetings"),
    models.MeetingInsight: ("meeting insight", "meeting insights"),
    models.MeetingTask: ("meeting task", "meeting tasks"),
    models.BoardSeat: ("board seat", "board seats"),
    models.Opportunity: ("opportunity", "opportunities"),
    models.OpportunityStatus: ("opportunity status note", "opportunity status notes"),
    models.OpportunityDecision: ("opportunity decision", "opportunity decisions"),
    models.JournalEntry: ("journal entry", "journal entries"),
    models.Priority: ("priority", "priorities"),
}
# Which column of each table ties a row to the records `linked_to` finds.
LINK_COLUMN: dict[type[models.Base], tuple[str, str]] = {
    models.Person: ("id", "people"),
    models.Opportunity: ("id", "opportunities"),
    models.OpportunityStatus: ("opportunity_id", "opportunities"),
    models.OpportunityDecision: ("opportunity_id", "opportunities"),
    models.Meeting: ("id", "meetings"),
    models.MeetingInsight: ("meeting_id", "meetings"),
    models.MeetingTask: ("meeting_id", "meetings"),
}


def linked_to(session: Session, person_id: int) -> dict[str, set[int]]:
    """The records about a person that outlive them (read before the delete): opportunities
    they were linked to, people they were tied to, managed or introduced, and meetings where
    they were suggested or that their suggestion led to."""
    conn = session.connection()
    tie = cast(Table, models.Tie.__table__)
    person = cast(Table, models.Person.__table__)
    link = cast(Table, OpportunityPerson.__table__)
    meeting = cast(Table, Meeting.__table__)
    referral = cast(Table, MeetingReferral.__table__)
    people = set(conn.scalars(select(tie.c.other_id).where(tie.c.person_id == person_id)))
    people |= set(conn.scalars(select(tie.c.person_id).where(tie.c.other_id == person_id)))
    people |= set(conn.scalars(select(person.c.id).where(person.c.manager_id == person_id)))
    theirs = select(meeting.c.id).where(
        meeting.c.workspace_id == workspace_of(session), meeting.c.person_id == person_id
    )
    suggested = conn.execute(
        select(referral.c.person_id, referral.c.new_meeting_id).where(
            referral.c.meeting_id.in_(theirs)
        )
    ).all()
    people |= {row.person_id for row in suggested}
    meetings = {row.new_meeting_id for row in suggested if row.new_meeting_id is not None}
    meetings |= set(
        conn.scalars(select(referral.c.meeting_id).where(referral.c.person_id == person_id))
    )
    opportunities = set(
        conn.scalars(select(link.c.opportunity_id).where(link.c.person_id == person_id))
    )
    people.discard(person_id)
    return {"people": people, "opportunities": opportunities, "meetings": meetings - {None}}


def scrub_traces(
    session: Session, traces: Traces, linked: dict[str, set[int]] | None = None
) -> Rewrites:
    """Rewrite every stored text that names the deleted person: the full name everywhere,
    the first name too in the `linked` records and in texts naming them in full."""
    if not traces:
        return Rewrites()
    linked = linked or {}
    conn = session.connection()
    sqlite = conn.dialect.name == "sqlite"
    found: list[Rewrite] = []
    for model, names in TEXTS:
        table = cast(Table, model.__table__)
        keys = list(table.primary_key.columns)
        columns = [table.c[name] for name in names]
        # A superset in SQL (ignoring ASCII case), exact whole-word matching in Python.
        words = [w for w in traces.name.split() if w] if "file" in names else []
        link_name, kind = LINK_COLUMN.get(model, ("", ""))
        about_ids = linked.get(kind, set()) if kind else set()
        # Rows naming the first name are candidates: linked, or naming them in full elsewhere.
        wanted = [
            # SQLite's LIKE ignores ASCII case by itself; lower() on every row costs 3×.
            column.contains(s, autoescape=True) if sqlite else column.icontains(s, autoescape=True)
            for column in columns
            for s in (*traces.strings, *words, *traces.short_names)
        ]
        rows = texts = 0
        for row in conn.execute(
            select(*keys, *columns, *([table.c[link_name]] if link_name else [])).where(
                or_(*wanted)
            )
        ).all():
            about = (link_name and row._mapping[table.c[link_name]] in about_ids) or any(
                names_in_full(row._mapping[column], traces) for column in columns
            )
            values: dict[str, str | None] = {}
            for column in columns:
                text = row._mapping[column]
                if text is None:
                    continue
                new = scrub(text, traces, about=bool(about))
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
                rows += 1
                texts += len(values)
        if rows:
            found.append(Rewrite(*NOUNS[model], records=rows, texts=texts))
    return Rewrites(tuple(found))


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
