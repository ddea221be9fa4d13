"""Reading and writing meetings, insights, referrals, follow-up tasks and research rounds."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from nextmove.domain.meetings import (
    OPEN_STATES,
    Affects,
    Insight,
    Meeting,
    MeetingKind,
    MeetingMode,
    MeetingState,
    Referral,
    Task,
)
from nextmove.store import models
from nextmove.store.ids import same_row
from nextmove.store.meeting_models import (
    BoardSeat,
    KeepInTouch,
    MeetingInsight,
    MeetingReferral,
    MeetingTask,
    ResearchRound,
)
from nextmove.store.meeting_models import (
    Meeting as MeetingRow,
)

_FIELDS = (
    "person_id",
    "idea_on",
    "minutes",
    "place",
    "link",
    "starts_at",
    "sequence",
    "agenda",
    "notes",
    "why",
    "round_id",
    "week",
    "reach_out_by",
    "requested_on",
    "scheduled_on",
    "held_on",
    "followed_up_on",
    "declined_on",
    "no_reply_on",
)


def _to_domain(row: MeetingRow, name: str = "") -> Meeting:
    meeting = Meeting(
        person_id=row.person_id,
        idea_on=row.idea_on,
        id=row.id,
        kind=MeetingKind(row.kind),
        state=MeetingState(row.state),
        mode=MeetingMode(row.mode),
        person_name=name,
    )
    for name_ in _FIELDS:
        setattr(meeting, name_, getattr(row, name_))
    return meeting


def _values(meeting: Meeting) -> dict[str, Any]:
    values = {name: getattr(meeting, name) for name in _FIELDS}
    values["kind"] = meeting.kind.value
    values["state"] = meeting.state.value
    values["mode"] = meeting.mode.value
    return values


def _named(session: Session, statement: Any) -> list[Meeting]:
    rows = session.execute(
        statement.join(models.Person, same_row(models.Person, MeetingRow, "person_id")).add_columns(
            models.Person.name
        )
    ).all()
    return [_to_domain(row, name) for row, name in rows]


def add_meeting(session: Session, meeting: Meeting, *, now: datetime) -> int:
    row = MeetingRow(**_values(meeting), created_at=now, updated_at=now)
    session.add(row)
    session.flush()
    return row.id


def get_meeting(session: Session, meeting_id: int) -> Meeting | None:
    found = _named(session, select(MeetingRow).where(MeetingRow.id == meeting_id))
    return found[0] if found else None


def save_meeting(session: Session, meeting: Meeting, *, now: datetime) -> None:
    row = session.get(MeetingRow, meeting.id)
    assert row is not None
    for key, value in _values(meeting).items():
        setattr(row, key, value)
    row.updated_at = now
    session.flush()


def list_meetings(
    session: Session,
    *,
    states: Iterable[MeetingState] | None = None,
    person_id: int | None = None,
    round_id: int | None = None,
) -> list[Meeting]:
    statement = select(MeetingRow).order_by(MeetingRow.id)
    if states is not None:
        statement = statement.where(MeetingRow.state.in_([s.value for s in states]))
    if person_id is not None:
        statement = statement.where(MeetingRow.person_id == person_id)
    if round_id is not None:
        statement = statement.where(MeetingRow.round_id == round_id)
    return _named(session, statement)


def open_meeting_person_ids(session: Session) -> set[int]:
    """People with a meeting still ahead (idea, requested or scheduled)."""
    return set(
        session.scalars(
            select(MeetingRow.person_id).where(MeetingRow.state.in_([s.value for s in OPEN_STATES]))
        )
    )


def last_held(session: Session, *, kind: MeetingKind | None = None) -> dict[int, date]:
    """person id -> the latest day a meeting with them was held."""
    statement = (
        select(MeetingRow.person_id, func.max(MeetingRow.held_on))
        .where(MeetingRow.held_on.is_not(None))
        .group_by(MeetingRow.person_id)
    )
    if kind is not None:
        statement = statement.where(MeetingRow.kind == kind.value)
    return {pid: day for pid, day in session.execute(statement).all() if day is not None}


def delete_meeting(session: Session, meeting_id: int) -> bool:
    # A referral that led to it stays, no longer naming the meeting it made.
    session.execute(
        update(MeetingReferral)
        .where(MeetingReferral.new_meeting_id == meeting_id)
        .values(new_meeting_id=None)
    )
    result = session.execute(delete(MeetingRow).where(MeetingRow.id == meeting_id))
    return bool(getattr(result, "rowcount", 0))


def clear_meetings(session: Session) -> None:
    for table in (MeetingTask, MeetingInsight, MeetingReferral, MeetingRow, ResearchRound):
        session.execute(delete(table))


# ---------------------------------------------------------------------------- insights


def add_insight(session: Session, meeting_id: int, insight: Insight, *, today: date) -> int:
    row = MeetingInsight(
        meeting_id=meeting_id,
        text=insight.text,
        affects=insight.affects.value if insight.affects else None,
        affects_key=insight.key,
        created_on=today,
    )
    session.add(row)
    session.flush()
    return row.id


def insights_of(session: Session, meeting_id: int) -> list[Insight]:
    return [
        Insight(
            r.text,
            Affects(r.affects) if r.affects else None,
            r.affects_key,
            id=r.id,
            meeting_id=r.meeting_id,
            created_on=r.created_on,
        )
        for r in session.scalars(
            select(MeetingInsight)
            .where(MeetingInsight.meeting_id == meeting_id)
            .order_by(MeetingInsight.id)
        )
    ]


# ---------------------------------------------------------------------------- referrals


def find_referral(session: Session, meeting_id: int, person_id: int) -> Referral | None:
    row = session.scalars(
        select(MeetingReferral).where(
            MeetingReferral.meeting_id == meeting_id, MeetingReferral.person_id == person_id
        )
    ).first()
    return _referral(session, row) if row else None


def add_referral(
    session: Session,
    meeting_id: int,
    person_id: int,
    *,
    new_meeting_id: int | None,
    today: date,
) -> int:
    row = MeetingReferral(
        meeting_id=meeting_id, person_id=person_id, new_meeting_id=new_meeting_id, created_on=today
    )
    session.add(row)
    session.flush()
    return row.id


def _referral(session: Session, row: MeetingReferral) -> Referral:
    meeting = session.get(MeetingRow, row.meeting_id)
    person = session.get(models.Person, row.person_id)
    assert meeting is not None and person is not None
    return Referral(
        row.meeting_id,
        meeting.person_id,
        row.person_id,
        person.name,
        row.new_meeting_id,
        id=row.id,
        created_on=row.created_on,
    )


def referrals_of(session: Session, meeting_id: int) -> list[Referral]:
    return [
        _referral(session, r)
        for r in session.scalars(
            select(MeetingReferral)
            .where(MeetingReferral.meeting_id == meeting_id)
            .order_by(MeetingReferral.id)
        )
    ]


def referrer_of(session: Session, person_id: int) -> int | None:
    """Who first referred this person in a meeting, if anyone."""
    return session.scalars(
        select(MeetingRow.person_id)
        .join(MeetingReferral, same_row(MeetingRow, MeetingReferral, "meeting_id"))
        .where(MeetingReferral.person_id == person_id)
        .order_by(MeetingReferral.id)
        .limit(1)
    ).first()


def referred_in(session: Session, person_id: int) -> list[tuple[int, str]]:
    """The meetings in which this person was referred: (meeting id, name of the person met)."""
    rows = session.execute(
        select(MeetingRow.id, models.Person.name)
        .join(MeetingReferral, same_row(MeetingRow, MeetingReferral, "meeting_id"))
        .join(models.Person, same_row(models.Person, MeetingRow, "person_id"))
        .where(MeetingReferral.person_id == person_id)
        .order_by(MeetingReferral.id)
    ).all()
    return [(r[0], r[1]) for r in rows]


# ---------------------------------------------------------------------------- tasks


def add_task(session: Session, task: Task, *, now: datetime) -> int:
    row = MeetingTask(
        meeting_id=task.meeting_id, text=task.text, due_on=task.due_on, created_at=now
    )
    session.add(row)
    session.flush()
    return row.id


def _tasks(session: Session, statement: Any) -> list[Task]:
    rows = session.execute(
        statement.join(MeetingRow, same_row(MeetingRow, MeetingTask, "meeting_id"))
        .join(models.Person, same_row(models.Person, MeetingRow, "person_id"))
        .add_columns(models.Person.name)
    ).all()
    return [
        Task(r.meeting_id, r.text, r.due_on, id=r.id, done_on=r.done_on, person_name=name)
        for r, name in rows
    ]


def tasks_of(session: Session, meeting_id: int) -> list[Task]:
    return _tasks(
        session,
        select(MeetingTask)
        .where(MeetingTask.meeting_id == meeting_id)
        .order_by(MeetingTask.due_on, MeetingTask.id),
    )


def open_tasks(session: Session) -> list[Task]:
    return _tasks(
        session,
        select(MeetingTask)
        .where(MeetingTask.done_on.is_(None))
        .order_by(MeetingTask.due_on, MeetingTask.id),
    )


def get_task(session: Session, task_id: int) -> Task | None:
    found = _tasks(session, select(MeetingTask).where(MeetingTask.id == task_id))
    return found[0] if found else None


def set_task_done(session: Session, task_id: int, day: date | None) -> None:
    row = session.get(MeetingTask, task_id)
    assert row is not None
    row.done_on = day
    session.flush()


# ---------------------------------------------------------------------------- rounds


def add_round(session: Session, *, today: date, size: int, weeks: int, now: datetime) -> int:
    row = ResearchRound(created_on=today, size=size, weeks=weeks, created_at=now)
    session.add(row)
    session.flush()
    return row.id


def get_round(session: Session, round_id: int) -> tuple[date, int, int] | None:
    row = session.get(ResearchRound, round_id)
    return (row.created_on, row.size, row.weeks) if row else None


def latest_round_id(session: Session) -> int | None:
    return session.scalars(select(func.max(ResearchRound.id))).first()


def introducer_of(session: Session, person_id: int) -> int | None:
    """Who introduced the user to this person: the first tie `introduced-by` of theirs."""
    tie = models.Tie
    return session.scalars(
        select(tie.other_id)
        .where(tie.person_id == person_id, tie.source == "introduced-by")
        .order_by(tie.id)
        .limit(1)
    ).first()


def repoint_person(session: Session, drop_id: int, keep_id: int) -> None:
    """Before two people are merged: move meetings, referrals, a board seat and a cadence
    from `drop_id` to `keep_id` (keeping `keep_id`'s own seat and cadence when both have one)."""
    session.execute(
        update(MeetingRow).where(MeetingRow.person_id == drop_id).values(person_id=keep_id)
    )
    kept = set(
        session.scalars(
            select(MeetingReferral.meeting_id).where(MeetingReferral.person_id == keep_id)
        )
    )
    session.execute(
        delete(MeetingReferral).where(
            MeetingReferral.person_id == drop_id, MeetingReferral.meeting_id.in_(kept)
        )
    )
    session.execute(
        update(MeetingReferral)
        .where(MeetingReferral.person_id == drop_id)
        .values(person_id=keep_id)
    )
    for table in (BoardSeat, KeepInTouch):
        if session.scalars(select(table.person_id).where(table.person_id == keep_id)).first():
            session.execute(delete(table).where(table.person_id == drop_id))
        else:
            session.execute(
                update(table).where(table.person_id == drop_id).values(person_id=keep_id)
            )
    session.flush()
