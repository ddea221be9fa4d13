"""Reading and writing opportunities, their ratings, status history and decisions."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.orm import Session, selectinload

from nextmove.domain.opportunities import (
    Decision,
    Opportunity,
    Source,
    Status,
    StatusChange,
    priority_key,
)
from nextmove.store import models
from nextmove.store.ids import same_row
from nextmove.store.opportunity_models import (
    Opportunity as OpportunityRow,
)
from nextmove.store.opportunity_models import (
    OpportunityDecision,
    OpportunityPerson,
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


# ------------------------------------------------------------------ people at opportunities

P = cast(Table, models.Person.__table__)


def link_person(session: Session, opp_id: int, person_id: int, role: str, *, now: datetime) -> bool:
    """Link a person to an opportunity in a role; False when that link already exists."""
    exists = session.get(OpportunityPerson, (opp_id, person_id, role))
    if exists is not None:
        return False
    session.add(
        OpportunityPerson(opportunity_id=opp_id, person_id=person_id, role=role, created_at=now)
    )
    session.flush()
    return True


def unlink_person(session: Session, opp_id: int, person_id: int, role: str | None) -> int:
    statement = delete(OpportunityPerson).where(
        OpportunityPerson.opportunity_id == opp_id, OpportunityPerson.person_id == person_id
    )
    if role is not None:
        statement = statement.where(OpportunityPerson.role == role)
    return int(session.execute(statement).rowcount)  # type: ignore[attr-defined]


def people_of(session: Session, opp_id: int) -> dict[int, list[str]]:
    """person id -> roles, for everyone linked to the opportunity."""
    found: dict[int, list[str]] = {}
    for person_id, role in session.execute(
        select(OpportunityPerson.person_id, OpportunityPerson.role)
        .where(OpportunityPerson.opportunity_id == opp_id)
        .order_by(OpportunityPerson.role, OpportunityPerson.person_id)
    ):
        found.setdefault(person_id, []).append(role)
    return found


def opportunities_of_person(
    session: Session, person_id: int
) -> list[tuple[int, str, str, str, str]]:
    """The opportunities a person is linked to: (id, title, organization, status, role)."""
    rows = session.execute(
        select(
            OpportunityRow.id,
            OpportunityRow.title,
            OpportunityRow.organization,
            OpportunityRow.status,
            OpportunityPerson.role,
        )
        .join(OpportunityPerson, same_row(OpportunityRow, OpportunityPerson, "opportunity_id"))
        .where(OpportunityPerson.person_id == person_id)
        .order_by(OpportunityRow.id, OpportunityPerson.role)
    ).all()
    return [(r[0], r[1], r[2], str(r[3]), r[4]) for r in rows]


def repoint_opportunity_people(session: Session, drop_id: int, keep_id: int) -> None:
    """Before two people are merged: their opportunity links move to the one kept."""
    kept = set(
        session.execute(
            select(OpportunityPerson.opportunity_id, OpportunityPerson.role).where(
                OpportunityPerson.person_id == keep_id
            )
        ).all()
    )
    for opp_id, role in session.execute(
        select(OpportunityPerson.opportunity_id, OpportunityPerson.role).where(
            OpportunityPerson.person_id == drop_id
        )
    ).all():
        if (opp_id, role) in kept:
            session.execute(
                delete(OpportunityPerson).where(
                    OpportunityPerson.opportunity_id == opp_id,
                    OpportunityPerson.person_id == drop_id,
                    OpportunityPerson.role == role,
                )
            )
    session.execute(
        update(OpportunityPerson)
        .where(OpportunityPerson.person_id == drop_id)
        .values(person_id=keep_id)
    )


def people_at(session: Session, organization_key: str, *, limit: int) -> list[int]:
    """People you know at an organization, most senior first."""
    if not organization_key:
        return []
    query = (
        select(P.c.id)
        .where(P.c.org_key == organization_key)
        .order_by(P.c.level.desc().nulls_last(), P.c.name)
        .limit(limit)
    )
    return [pid for (pid,) in session.connection().execute(query)]


def people_near(
    session: Session,
    *,
    function: str,
    level: int | None,
    industry: str,
    exclude_org_key: str,
    limit: int,
) -> list[int]:
    """People elsewhere in the opportunity's function, from one level below it to two above
    (same industry first, then closest in level): they know what the role is like."""
    query = select(P.c.id).where(P.c.function == function, P.c.org_key != exclude_org_key)
    order: list[Any] = []
    if industry:
        order.append((func.lower(P.c.industry) == industry.strip().lower()).desc())
    if level is not None:
        query = query.where(P.c.level.between(level - 1, level + 2))
        order.append(func.abs(P.c.level - level))
    query = query.order_by(*order, P.c.name).limit(limit)
    return [pid for (pid,) in session.connection().execute(query)]
