"""Reading and writing the board of three and keep-in-touch cadences and snoozes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.orm import Session

from nextmove.store import models
from nextmove.store.ids import same_row
from nextmove.store.meeting_models import BoardSeat, KeepInTouch

MAX_OFFERED_HELP = 5000  # people flagged as offering help, read for board candidates


@dataclass(frozen=True, slots=True)
class SeatRow:
    seat: int
    person_id: int
    name: str
    why: str
    cadence_days: int
    last_chat_on: date | None
    since: date


def seats(session: Session) -> list[SeatRow]:
    rows = session.execute(
        select(BoardSeat, models.Person.name)
        .join(models.Person, same_row(models.Person, BoardSeat, "person_id"))
        .order_by(BoardSeat.seat)
    ).all()
    return [
        SeatRow(s.seat, s.person_id, name, s.why, s.cadence_days, s.last_chat_on, s.since)
        for s, name in rows
    ]


def set_seat(
    session: Session,
    seat: int,
    person_id: int,
    *,
    why: str,
    cadence_days: int,
    last_chat_on: date | None,
    today: date,
) -> None:
    """Put a person in a seat (replacing whoever sat there; a person holds one seat)."""
    session.execute(
        delete(BoardSeat).where(or_(BoardSeat.seat == seat, BoardSeat.person_id == person_id))
    )
    session.flush()
    session.add(
        BoardSeat(
            seat=seat,
            person_id=person_id,
            why=why,
            cadence_days=cadence_days,
            last_chat_on=last_chat_on,
            since=today,
        )
    )
    session.flush()


def clear_seat(session: Session, seat: int) -> bool:
    result = session.execute(delete(BoardSeat).where(BoardSeat.seat == seat))
    return bool(getattr(result, "rowcount", 0))


def set_last_chat(session: Session, seat: int, day: date) -> None:
    row = session.get(BoardSeat, seat)
    assert row is not None
    row.last_chat_on = day
    session.flush()


def clear_board(session: Session) -> None:
    session.execute(delete(BoardSeat))
    session.execute(delete(KeepInTouch))


# ---------------------------------------------------------------------------- keep in touch


@dataclass(frozen=True, slots=True)
class KeepRow:
    """A person kept in touch with: their tier, personal cadence and snooze, last contact."""

    person_id: int
    name: str
    tier: str | None
    ideal_days: int | None
    max_days: int | None
    snooze_until: date | None
    last_contact: date | None


def kept(session: Session, *, person_id: int | None = None) -> list[KeepRow]:
    """Everyone with a tier or a personal cadence (or a snooze), by name (or just one)."""
    person, keep = models.Person, KeepInTouch
    statement = (
        select(
            person.id,
            person.name,
            person.tier,
            keep.ideal_days,
            keep.max_days,
            keep.snooze_until,
            person.last_contact,
        )
        .outerjoin(
            keep, and_(keep.workspace_id == person.workspace_id, keep.person_id == person.id)
        )
        .where(or_(person.tier.is_not(None), keep.person_id.is_not(None)))
        .order_by(person.name_key, person.id)
    )
    if person_id is not None:
        statement = statement.where(person.id == person_id)
    return [KeepRow(*r) for r in session.execute(statement).all()]


def _keep_row(session: Session, person_id: int) -> KeepInTouch:
    row = session.get(KeepInTouch, person_id)
    if row is None:
        row = KeepInTouch(person_id=person_id)
        session.add(row)
    return row


def set_cadence(session: Session, person_id: int, ideal: int | None, maximum: int | None) -> None:
    row = _keep_row(session, person_id)
    row.ideal_days, row.max_days = ideal, maximum
    session.flush()


def set_snooze(session: Session, person_id: int, until: date | None) -> None:
    row = _keep_row(session, person_id)
    row.snooze_until = until
    session.flush()


def set_tier(session: Session, person_id: int, tier: str | None) -> None:
    row = session.get(models.Person, person_id)
    assert row is not None
    row.tier = tier
    session.flush()


def advisor_rows(session: Session, known: Iterable[int]) -> list[Any]:
    """What judging board candidates needs, for the people you know and everyone who offered
    to help: (id, name, title, organization, level, offered_help, manager_id)."""
    from nextmove.store.suggest import _for_ids  # IN lists for a few, one pass for many

    person = models.Person.__table__
    columns = (
        person.c.id,
        person.c.name,
        person.c.title,
        person.c.organization,
        person.c.level,
        person.c.offered_help,
        person.c.manager_id,
    )
    rows = {r.id: r for r in _for_ids(session, select(*columns), person.c.id, known)}
    for r in session.connection().execute(
        select(*columns).where(person.c.offered_help.is_(True)).limit(MAX_OFFERED_HELP)
    ):
        rows.setdefault(r.id, r)
    return list(rows.values())
