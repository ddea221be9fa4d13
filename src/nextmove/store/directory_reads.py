"""The directory as a workspace's people views read it: the organizations the workspace works
with, which of their members are already the workspace's people, members by name or for the
ranking, and a seat's earlier holders. Additions to the read API of `store.directory`, kept
apart so the two merge cleanly.

Workspace rows are read through the session's connection, which adds the workspace's
predicate; directory rows are shared and need none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from nextmove.store.directory import (
    MEMBER,
    ORG,
    SNAP,
    TEAM,
    DirectoryMember,
    _member_select,
    _row,
    organization_ids_of,
    visible_at,
)
from nextmove.store.ids import workspace_of
from nextmove.store.people import JOB, PROFILE, P

CURRENT = visible_at(ORG.c.current_snapshot_id)


def workspace_orgs(session: Session) -> dict[int, tuple[str, str]]:
    """The organizations this session's workspace works with: id -> (key, name)."""
    ids = organization_ids_of(session, workspace_of(session))
    if not ids:
        return {}
    rows = session.execute(select(ORG.c.id, ORG.c.key, ORG.c.name).where(ORG.c.id.in_(ids)))
    return {r.id: (r.key, r.name) for r in rows}


def linked_people(session: Session, org_ids: Iterable[int]) -> dict[tuple[int, str], int]:
    """(organization id, employee id) -> the workspace person linked to that member."""
    ids = list(org_ids)
    if not ids:
        return {}
    rows = session.connection().execute(
        select(P.c.directory_org_id, P.c.directory_employee_id, P.c.id).where(
            P.c.directory_org_id.in_(ids), P.c.directory_employee_id.is_not(None)
        )
    )
    return {(o, e): pid for o, e, pid in rows}


def link_of(session: Session, person_ids: Iterable[int]) -> dict[int, tuple[int, str]]:
    """person id -> (organization id, employee id) for those of these people who are linked
    to a directory member."""
    ids = list(set(person_ids))
    out: dict[int, tuple[int, str]] = {}
    for start in range(0, len(ids), 500):
        rows = session.connection().execute(
            select(P.c.id, P.c.directory_org_id, P.c.directory_employee_id).where(
                P.c.id.in_(ids[start : start + 500]),
                P.c.directory_org_id.is_not(None),
                P.c.directory_employee_id.is_not(None),
            )
        )
        out.update({pid: (o, e) for pid, o, e in rows})
    return out


def my_person_id(session: Session) -> int | None:
    return (
        session.connection()
        .execute(select(PROFILE.c.person_id).where(PROFILE.c.id == 1))
        .scalar_one_or_none()
    )


def members_named(session: Session, org_ids: Iterable[int], name: str) -> list[DirectoryMember]:
    """Current members of these organizations called exactly `name` (case-insensitive)."""
    ids = list(org_ids)
    wanted = " ".join(name.split()).lower()
    if not ids or not wanted:
        return []
    rows = session.execute(
        _member_select()
        .where(MEMBER.c.organization_id.in_(ids), CURRENT, func.lower(MEMBER.c.name) == wanted)
        .order_by(MEMBER.c.organization_id, MEMBER.c.employee_id)
        .limit(50)
    )
    return [_row(r) for r in rows]


# What the ranking reads of a member, in this order (store.directory_ranking.RankingRow).
RANKING_COLUMNS = (
    MEMBER.c.organization_id,
    MEMBER.c.employee_id,
    MEMBER.c.name,
    MEMBER.c.title,
    MEMBER.c.level,
    MEMBER.c.function,
    MEMBER.c.department,
    MEMBER.c.manager_employee_id,
    MEMBER.c.city,
    MEMBER.c.depth,
)


def team_growth(session: Session, org_id: int) -> dict[str, tuple[int, int]]:
    """Managers whose team (everyone below them) grew at the organization's current import:
    employee id -> (size at the import before, size now). Reads only the team sizes the
    current import changed, and those managers' earlier sizes."""
    current = session.execute(
        select(ORG.c.current_snapshot_id).where(ORG.c.id == org_id)
    ).scalar_one_or_none()
    if current is None:
        return {}
    earlier = session.execute(
        select(func.count())
        .select_from(SNAP)
        .where(
            SNAP.c.organization_id == org_id,
            SNAP.c.status == "complete",
            SNAP.c.id < current,
        )
    ).scalar()
    if not earlier:
        return {}  # one import: nothing grew yet
    # Per manager whose size the current import wrote, their size at the latest earlier
    # snapshot: one look-up by key each, in one statement.
    earlier_team = TEAM.alias("earlier_team")
    before = (
        select(earlier_team.c.size)
        .where(
            earlier_team.c.organization_id == TEAM.c.organization_id,
            earlier_team.c.manager_employee_id == TEAM.c.manager_employee_id,
            earlier_team.c.snapshot_id < TEAM.c.snapshot_id,
        )
        .order_by(earlier_team.c.snapshot_id.desc())
        .limit(1)
        .correlate(TEAM)
        .scalar_subquery()
    )
    was = func.coalesce(before, 0)
    rows = session.execute(
        select(TEAM.c.manager_employee_id, was, TEAM.c.size).where(
            TEAM.c.organization_id == org_id, TEAM.c.snapshot_id == current, TEAM.c.size > was
        )
    )
    return {emp: (earlier, size) for emp, earlier, size in rows}


@dataclass(frozen=True, slots=True)
class ChartVersion:
    """One version of a member who has several (a move, a new title, a new manager), with
    the dates of the imports it spans."""

    organization_id: int
    organization: str
    employee_id: str
    name: str
    title: str
    department: str
    manager_employee_id: str | None
    since: date
    until: date | None


def changed_members(session: Session, org_ids: Iterable[int]) -> list[ChartVersion]:
    """Every version of the members of these organizations who held more than one title, in
    completed imports up to the current one: the history the "moves" mining reads. Oldest
    first per member."""
    out: list[ChartVersion] = []
    since = SNAP.alias("since_snap")
    until = SNAP.alias("until_snap")
    for org_id in org_ids:
        current = session.execute(
            select(ORG.c.current_snapshot_id).where(ORG.c.id == org_id)
        ).scalar_one_or_none()
        if current is None:
            continue
        # A member with several titles up to the current import has a version that ended
        # (a later one begins where it ends) and a later one with another title: found by
        # the versions that ended (their own index: about 1% of a chart per import), each
        # with one look-up by key; then their versions by key, a chunk of members at a time.
        # (A move or a new manager under the same title is no new role: left out here, as
        # the careers reading them would.)
        later = MEMBER.alias("later")
        several = sorted(
            session.execute(
                select(MEMBER.c.employee_id)
                .where(
                    MEMBER.c.organization_id == org_id,
                    MEMBER.c.until_snapshot.is_not(None),
                    MEMBER.c.until_snapshot <= current,
                    exists().where(
                        later.c.organization_id == MEMBER.c.organization_id,
                        later.c.employee_id == MEMBER.c.employee_id,
                        later.c.since_snapshot > MEMBER.c.since_snapshot,
                        later.c.since_snapshot <= current,
                        later.c.title != MEMBER.c.title,
                    ),
                )
                .distinct()
            ).scalars()
        )
        found: list[ChartVersion] = []
        for start in range(0, len(several), 500):
            rows = session.execute(
                select(
                    MEMBER.c.organization_id,
                    ORG.c.name,
                    MEMBER.c.employee_id,
                    MEMBER.c.name,
                    MEMBER.c.title,
                    MEMBER.c.department,
                    MEMBER.c.manager_employee_id,
                    since.c.taken_on,
                    MEMBER.c.until_snapshot,
                    until.c.taken_on,
                    MEMBER.c.since_snapshot,
                )
                .join(ORG, ORG.c.id == MEMBER.c.organization_id)
                .join(since, since.c.id == MEMBER.c.since_snapshot)
                .outerjoin(until, until.c.id == MEMBER.c.until_snapshot)
                .where(
                    MEMBER.c.organization_id == org_id,
                    MEMBER.c.since_snapshot <= current,
                    MEMBER.c.employee_id.in_(several[start : start + 500]),
                )
            )
            for r in sorted(rows, key=lambda r: (r[2], r[10])):
                ended = r[8] is not None and r[8] <= current
                found.append(ChartVersion(*r[:8], until=r[9] if ended else None))
        out += found
    return out


def people_with_history(session: Session, ids: Iterable[int]) -> set[int]:
    """Those of these people whose employment history is recorded (their own word on their
    career wins over what the chart's versions show)."""
    wanted = sorted(set(ids))
    found: set[int] = set()
    for start in range(0, len(wanted), 500):
        found.update(
            session.connection()
            .execute(
                select(JOB.c.person_id)
                .where(JOB.c.person_id.in_(wanted[start : start + 500]))
                .distinct()
            )
            .scalars()
        )
    return found


def members_page(
    session: Session, org_id: int, *, by_name: bool, limit: int, offset: int
) -> list[DirectoryMember]:
    """One page of the organization's current members, by name (a sort of the whole chart:
    for charts of modest size) or by employee id (the key's order: any size)."""
    order = (MEMBER.c.name, MEMBER.c.employee_id) if by_name else (MEMBER.c.employee_id,)
    rows = session.execute(
        _member_select()
        .where(MEMBER.c.organization_id == org_id, CURRENT)
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    return [_row(r) for r in rows]
