"""Employment histories as careers, for the moves people actually make (domain/moves.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import String, cast, func, or_, select
from sqlalchemy.orm import Session

from nextmove.domain.moves import Career, Role
from nextmove.store.ids import workspace_of
from nextmove.store.people import JOB, PROFILE, P, _chunks
from nextmove.store.suggest import _for_ids


def careers(session: Session, ids: Iterable[int] | None = None) -> list[Career]:
    """Everyone with a past position (or a job change an import saw) — or only these
    people: their positions oldest first, the current one last. Stored history is most
    recent first; where every past position has a start date, the dates decide the order."""
    conn = session.connection()
    jobs: dict[int, list[Role]] = defaultdict(list)
    # Dates as ISO text, parsed by date.fromisoformat: several times cheaper than the
    # driver-level conversion on SQLite, the same on PostgreSQL.
    query = select(
        JOB.c.person_id,
        JOB.c.organization,
        JOB.c.title,
        cast(JOB.c.start_date, String),
        cast(JOB.c.end_date, String),
    ).order_by(JOB.c.person_id, JOB.c.position)
    rows: Iterable[Any] = (
        conn.execute(query).all() if ids is None else _for_ids(session, query, JOB.c.person_id, ids)
    )
    day = _day
    for pid, org, title, start, end in rows:
        jobs[pid].append(Role(title or "", org or "", day(start), day(end)))
    people = select(
        P.c.id, P.c.name, P.c.organization, P.c.title, P.c.changed_jobs_on, P.c.industry
    )
    found: Iterable[Any]
    if ids is None:
        found = conn.execute(
            people.where(
                or_(
                    # A subquery: the session scopes only the outer FROM list.
                    P.c.id.in_(
                        select(JOB.c.person_id).where(JOB.c.workspace_id == workspace_of(session))
                    ),
                    P.c.changed_jobs_on.is_not(None),
                )
            )
        ).all()
    else:
        found = _for_ids(session, people, P.c.id, ids)
    out: list[Career] = []
    for pid, name, org, title, changed_on, industry in found:
        past = jobs.get(pid, [])
        if all(r.start is not None for r in past):
            past = sorted(past, key=lambda r: r.start or date.min)
        else:
            past = past[::-1]
        current = Role(title or "", org or "", changed_on, None)
        out.append(Career(pid, name, (*past, current), changed_on, industry or ""))
    return out


def my_person_id(session: Session) -> int | None:
    """The user's own record in the network, when linked (`nextmove me link`)."""
    return (
        session.connection().execute(select(PROFILE.c.person_id).where(PROFILE.c.id == 1)).scalar()
    )


def past_titles(session: Session) -> list[str]:
    """Every distinct title in people's histories (the roles people left)."""
    query = select(JOB.c.title).where(JOB.c.title != "").distinct()
    return [t for (t,) in session.connection().execute(query)]


def people_who_held(session: Session, titles: Iterable[str]) -> set[int]:
    """The people whose history holds one of these titles."""
    conn = session.connection()
    found: set[int] = set()
    for chunk in _chunks(sorted(set(titles))):
        query = select(JOB.c.person_id).where(JOB.c.title.in_(chunk)).distinct()
        found.update(pid for (pid,) in conn.execute(query))
    return found


def history_counts(session: Session) -> tuple[int, int]:
    """(people with a history, past positions in all histories)."""
    row = (
        session.connection()
        .execute(select(func.count(func.distinct(JOB.c.person_id)), func.count()))
        .one()
    )
    return int(row[0] or 0), int(row[1] or 0)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None
