"""Reading and writing the vision and the journal. Only this package touches SQL."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from nextmove.domain.journal import JournalEntry
from nextmove.domain.vision import Choice, Choices, Position, Priority, RoleOutline, Vision
from nextmove.store import models


def _profile(session: Session) -> models.Profile | None:
    return session.get(models.Profile, 1)


def has_profile(session: Session) -> bool:
    return _profile(session) is not None


def load_vision(session: Session) -> Vision:
    profile = _profile(session)
    vision = Vision()
    if profile is not None:
        vision.me = Position(
            name=profile.name,
            title=profile.title,
            organization=profile.organization,
            function=profile.function,
            level=profile.level,
            industry=profile.industry,
            city=profile.city,
        )
        vision.choices = Choices(
            industry=Choice(profile.choice_industry),
            company=Choice(profile.choice_company),
            city=Choice(profile.choice_city),
        )
        vision.energizers = list(profile.energizers or [])
        vision.strengths = list(profile.strengths or [])
    steps = session.scalars(select(models.VisionStep).order_by(models.VisionStep.position))
    vision.steps = [
        RoleOutline(
            title=s.title,
            function=s.function,
            level=s.level,
            industry=s.industry,
            organization=s.organization,
            organization_kind=s.organization_kind,
            city=s.city,
            remote=s.remote,
            scope=s.scope,
            problems=list(s.problems or []),
        )
        for s in steps
    ]
    priorities = session.scalars(select(models.Priority).order_by(models.Priority.rank))
    vision.priorities = [Priority(name=p.name, note=p.note) for p in priorities]
    return vision


def save_position(session: Session, position: Position, *, now: datetime) -> None:
    profile = _profile(session) or models.Profile(id=1, energizers=[], strengths=[])
    profile.name = position.name
    profile.title = position.title
    profile.organization = position.organization
    profile.function = position.function
    profile.level = position.level
    profile.industry = position.industry
    profile.city = position.city
    profile.updated_at = now
    session.add(profile)


def save_vision(session: Session, vision: Vision, *, now: datetime) -> None:
    """Replace the whole vision (position, steps, priorities, choices, lists)."""
    save_position(session, vision.me, now=now)
    profile = _profile(session)
    assert profile is not None
    profile.choice_industry = vision.choices.industry.value
    profile.choice_company = vision.choices.company.value
    profile.choice_city = vision.choices.city.value
    profile.energizers = list(vision.energizers)
    profile.strengths = list(vision.strengths)
    session.execute(delete(models.VisionStep))
    session.execute(delete(models.Priority))
    session.flush()
    for position, step in enumerate(vision.steps):
        session.add(
            models.VisionStep(
                position=position,
                title=step.title,
                function=step.function,
                level=step.level,
                industry=step.industry,
                organization=step.organization,
                organization_kind=step.organization_kind,
                city=step.city,
                remote=step.remote,
                scope=step.scope,
                problems=list(step.problems),
            )
        )
    for rank, priority in enumerate(vision.priorities, start=1):
        session.add(models.Priority(rank=rank, name=priority.name, note=priority.note))
    session.flush()


def add_journal_entry(session: Session, entry: JournalEntry, *, now: datetime) -> int:
    row = models.JournalEntry(
        day=entry.day,
        activity=entry.activity,
        energy=entry.energy,
        engagement=entry.engagement,
        flow=entry.flow,
        themes=list(entry.themes),
        note=entry.note,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row.id


def list_journal_entries(
    session: Session, *, start: date | None = None, end: date | None = None
) -> list[JournalEntry]:
    query = select(models.JournalEntry).order_by(models.JournalEntry.day, models.JournalEntry.id)
    if start is not None:
        query = query.where(models.JournalEntry.day >= start)
    if end is not None:
        query = query.where(models.JournalEntry.day <= end)
    return [
        JournalEntry(
            id=row.id,
            day=row.day,
            activity=row.activity,
            energy=row.energy,
            engagement=row.engagement,
            flow=row.flow,
            themes=list(row.themes or []),
            note=row.note,
        )
        for row in session.scalars(query)
    ]


def delete_journal_entry(session: Session, entry_id: int) -> bool:
    result = session.execute(delete(models.JournalEntry).where(models.JournalEntry.id == entry_id))
    return bool(result.rowcount)  # type: ignore[attr-defined]


def clear_workspace(session: Session) -> None:
    """Delete everything this module owns (used by the demo's --replace)."""
    for table in (models.JournalEntry, models.Priority, models.VisionStep, models.Profile):
        session.execute(delete(table))
