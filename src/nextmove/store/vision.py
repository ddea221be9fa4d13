"""Reading and writing the vision and the journal. Only this package touches SQL."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.orm import Session

from nextmove.domain.journal import JournalEntry
from nextmove.domain.vision import (
    GAUGES,
    Choice,
    Choices,
    Gauges,
    Plan,
    Position,
    Priority,
    RoleOutline,
    Vision,
    plan_key,
)
from nextmove.store import models
from nextmove.store.bulk import serialize_writers
from nextmove.store.ids import same_row

# Ranks are moved out of the way by this much while plans are reordered (rank is unique).
_RANK_SHIFT = 1000


def hold_for_update(session: Session) -> None:
    """Call first in a transaction that reads the vision and writes it back: one such writer
    at a time, so two edits at once (`me set --title` and `me set --city`, the CLI and the web
    app) both land instead of the later one overwriting the other, and the single profile row
    is created once. Readers are not blocked."""
    profile = models.Profile.__table__
    assert isinstance(profile, Table)
    serialize_writers(session, profile)


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
    steps: dict[int, list[RoleOutline]] = {}
    for s in session.scalars(
        select(models.VisionStep).order_by(models.VisionStep.plan_id, models.VisionStep.position)
    ):
        steps.setdefault(s.plan_id, []).append(
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
        )
    for row in session.scalars(select(models.Plan).order_by(models.Plan.rank)):
        plan = Plan(
            name=row.name,
            steps=steps.get(row.id, []),
            choices=Choices(
                industry=Choice(row.choice_industry),
                company=Choice(row.choice_company),
                city=Choice(row.choice_city),
            ),
            note=row.note,
            gauges=Gauges(**{g: getattr(row, g) for g in GAUGES}),
        )
        if row.rank == 0:
            vision.steps, vision.plan_name, vision.plan_note = plan.steps, plan.name, plan.note
            vision.gauges = plan.gauges
            if profile is None:
                vision.choices = plan.choices
        else:
            vision.alternatives.append(plan)
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


def save_vision(
    session: Session, vision: Vision, *, now: datetime, renamed: dict[str, str] | None = None
) -> None:
    """Replace the whole vision (position, plans with their steps and choices, priorities,
    lists). `renamed` maps a plan's old name to its new one, so the plan keeps its row."""
    save_position(session, vision.me, now=now)
    profile = _profile(session)
    assert profile is not None
    profile.choice_industry = vision.choices.industry.value
    profile.choice_company = vision.choices.company.value
    profile.choice_city = vision.choices.city.value
    profile.energizers = list(vision.energizers)
    profile.strengths = list(vision.strengths)
    session.execute(delete(models.Priority))
    save_plans(session, vision, now=now, renamed=renamed)
    for rank, priority in enumerate(vision.priorities, start=1):
        session.add(models.Priority(rank=rank, name=priority.name, note=priority.note))
    session.flush()


def plan_ids(session: Session) -> dict[str, int]:
    """plan_key(name) -> the plan's row id."""
    return {
        plan_key(name): id_
        for id_, name in session.execute(select(models.Plan.id, models.Plan.name))
    }


def main_plan_id(session: Session) -> int | None:
    return session.scalar(select(models.Plan.id).where(models.Plan.rank == 0))


def plan_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(models.Plan.id, models.Plan.name)).all())  # type: ignore[arg-type]


def save_plans(
    session: Session, vision: Vision, *, now: datetime, renamed: dict[str, str] | None = None
) -> None:
    """Write every plan of the vision. A plan keeps its row (and the meetings that explored it)
    when its name stays the same, or when `renamed` maps its old name to the new one."""
    renamed = {plan_key(old): plan_key(new) for old, new in (renamed or {}).items()}
    rows = {plan_key(r.name): r for r in session.scalars(select(models.Plan))}
    by_new_key = {renamed.get(key, key): row for key, row in rows.items()}
    wanted = {plan_key(p.name) for p in vision.plans}
    for key, row in by_new_key.items():
        if key not in wanted:
            # The meetings that explored it stay, no longer naming a plan.
            session.execute(
                update(models.Meeting).where(models.Meeting.plan_id == row.id).values(plan_id=None)
            )
            session.delete(row)
    session.flush()
    session.execute(update(models.Plan).values(rank=models.Plan.rank + _RANK_SHIFT))
    # Free every name first, so plans can swap names within one save.
    for row in by_new_key.values():
        if row in session:
            row.name = f"\x01{row.id}"
    session.flush()
    session.execute(delete(models.VisionStep))
    for rank, plan in enumerate(vision.plans):
        found = by_new_key.get(plan_key(plan.name))
        row = found if found is not None and found in session else models.Plan()
        session.add(row)
        row.name = plan.name
        row.rank = rank
        row.note = plan.note
        row.choice_industry = plan.choices.industry.value
        row.choice_company = plan.choices.company.value
        row.choice_city = plan.choices.city.value
        for gauge, value in plan.gauges.as_dict().items():
            setattr(row, gauge, value)
        row.updated_at = now
        session.flush()
        _add_steps(session, row.id, plan.steps)
    session.flush()


def _add_steps(session: Session, plan_id: int, steps: list[RoleOutline]) -> None:
    for position, step in enumerate(steps):
        session.add(
            models.VisionStep(
                plan_id=plan_id,
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
    for table in (
        models.JournalEntry,
        models.Priority,
        models.VisionStep,
        models.Plan,
        models.Profile,
    ):
        session.execute(delete(table))


def plan_meeting_counts(session: Session) -> dict[str, int]:
    """plan_key(name) -> how many meetings recorded that they explored the plan."""
    rows = session.execute(
        select(models.Plan.name, func.count(models.Meeting.id))
        .join(models.Meeting, same_row(models.Plan, models.Meeting, "plan_id"))
        .group_by(models.Plan.name)
    ).all()
    return {plan_key(name): count for name, count in rows}


def set_meeting_plan(session: Session, meeting_id: int, plan_id: int | None) -> bool:
    """Record which plan a meeting explores (None: none). False when there is no meeting."""
    result = session.execute(
        update(models.Meeting).where(models.Meeting.id == meeting_id).values(plan_id=plan_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def meeting_plan_names(session: Session, meeting_ids: list[int] | None = None) -> dict[int, str]:
    """meeting id -> the name of the plan it explores, for meetings that name one."""
    query = select(models.Meeting.id, models.Plan.name).join(
        models.Plan, same_row(models.Plan, models.Meeting, "plan_id")
    )
    if meeting_ids is not None:
        query = query.where(models.Meeting.id.in_(meeting_ids))
    return dict(session.execute(query).all())  # type: ignore[arg-type]
