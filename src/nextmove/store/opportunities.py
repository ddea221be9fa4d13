"""Reading and writing opportunities, their ratings, status history and decisions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from nextmove.domain.opportunities import (
    Decision,
    Opportunity,
    Source,
    Status,
    StatusChange,
    priority_key,
)
from nextmove.store.opportunity_models import (
    Opportunity as OpportunityRow,
)
from nextmove.store.opportunity_models import (
    OpportunityDecision,
    OpportunityRating,
    OpportunityStatus,
)

EDITABLE = (
    "title",
    "organization",
    "function",
    "level",
    "industry",
    "city",
    "remote",
    "source",
    "link",
    "notes",
    "brand",
    "involves",
)


def _to_domain(row: OpportunityRow) -> Opportunity:
    return Opportunity(
        id=row.id,
        title=row.title,
        organization=row.organization,
        function=row.function,
        level=row.level,
        industry=row.industry,
        city=row.city,
        remote=row.remote,
        source=Source(row.source),
        link=row.link,
        notes=row.notes,
        brand=row.brand,
        involves=list(row.involves or []),
        status=Status(row.status),
        ratings={r.priority: r.rating for r in row.ratings},
        history=[StatusChange(Status(h.status), h.day, h.note) for h in row.history],
        decisions=[Decision(d.day, d.choice, d.why, id=d.id) for d in row.decisions],
        added_on=row.added_on,
    )


def _query():  # type: ignore[no-untyped-def]
    return select(OpportunityRow).options(
        selectinload(OpportunityRow.ratings),
        selectinload(OpportunityRow.history),
        selectinload(OpportunityRow.decisions),
    )


def add_opportunity(session: Session, opp: Opportunity, *, today: date, now: datetime) -> int:
    row = OpportunityRow(
        **{name: getattr(opp, name) for name in EDITABLE if name != "source"},
        source=opp.source.value,
        status=opp.status.value,
        added_on=today,
        created_at=now,
        updated_at=now,
    )
    row.involves = list(opp.involves)
    row.history.append(
        OpportunityStatus(status=opp.status.value, day=today, note="added", created_at=now)
    )
    for name, rating in opp.ratings.items():
        row.ratings.append(OpportunityRating(priority=priority_key(name), rating=rating))
    session.add(row)
    session.flush()
    return row.id


def _row(session: Session, opp_id: int) -> OpportunityRow | None:
    return session.scalars(_query().where(OpportunityRow.id == opp_id)).one_or_none()


def get_opportunity(session: Session, opp_id: int) -> Opportunity | None:
    row = _row(session, opp_id)
    return None if row is None else _to_domain(row)


def list_opportunities(session: Session, *, status: Status | None = None) -> list[Opportunity]:
    query = _query().order_by(OpportunityRow.id)
    if status is not None:
        query = query.where(OpportunityRow.status == status.value)
    return [_to_domain(row) for row in session.scalars(query)]


def update_opportunity(
    session: Session, opp_id: int, changes: dict[str, object], *, now: datetime
) -> bool:
    row = _row(session, opp_id)
    if row is None:
        return False
    for name, value in changes.items():
        if name not in EDITABLE:
            raise ValueError(f"not an editable field: {name}")
        if isinstance(value, Source):
            value = value.value
        setattr(row, name, list(value) if isinstance(value, list) else value)  # type: ignore[arg-type]
    row.updated_at = now
    session.flush()
    return True


def set_status(
    session: Session, opp_id: int, status: Status, *, day: date, note: str, now: datetime
) -> bool:
    row = _row(session, opp_id)
    if row is None:
        return False
    row.status = status.value
    row.updated_at = now
    row.history.append(OpportunityStatus(status=status.value, day=day, note=note, created_at=now))
    session.flush()
    return True


def set_rating(
    session: Session, opp_id: int, priority: str, rating: int | None, *, now: datetime
) -> bool:
    row = _row(session, opp_id)
    if row is None:
        return False
    key = priority_key(priority)
    existing = next((r for r in row.ratings if r.priority == key), None)
    if rating is None:
        if existing is not None:
            row.ratings.remove(existing)
    elif existing is not None:
        existing.rating = rating
    else:
        row.ratings.append(OpportunityRating(priority=key, rating=rating))
    row.updated_at = now
    session.flush()
    return True


def add_decision(session: Session, opp_id: int, decision: Decision, *, now: datetime) -> int | None:
    row = _row(session, opp_id)
    if row is None:
        return None
    record = OpportunityDecision(
        day=decision.day, choice=decision.choice, why=decision.why, created_at=now
    )
    row.decisions.append(record)
    row.updated_at = now
    session.flush()
    return record.id


def delete_opportunity(session: Session, opp_id: int) -> bool:
    row = session.get(OpportunityRow, opp_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def clear_opportunities(session: Session) -> None:
    for table in (OpportunityDecision, OpportunityStatus, OpportunityRating, OpportunityRow):
        session.execute(delete(table))
