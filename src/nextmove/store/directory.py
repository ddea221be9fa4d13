"""Reading the organization directory: members at a snapshot (the current one unless asked),
managers and reports, a member's positions over time, who held a seat before, team sizes
across snapshots, and the organizations a workspace works with.

The directory is shared between workspaces: the functions that look across organizations
(`find_by_email`, `search`) take the organizations the caller may see. Writing is
`store.directory_write` (the import's short transactions).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    and_,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session

from nextmove.store import directory_models as dm

ORG = cast(Table, dm.Organization.__table__)
SNAP = cast(Table, dm.DirectorySnapshot.__table__)
MEMBER = cast(Table, dm.DirectoryMember.__table__)
TEAM = cast(Table, dm.DirectoryTeamSize.__table__)
LINK = cast(Table, dm.WorkspaceOrganization.__table__)

# A management chain longer than this is not a chain (the import refuses cycles; this is the
# belt to those braces).
MAX_CHAIN = 200
IN_CHUNK = 500


@dataclass(frozen=True, slots=True)
class DirectoryMember:
    """A member of an organization's chart as one snapshot has them."""

    organization_id: int
    organization: str
    employee_id: str
    name: str
    title: str
    level: int | None
    function: str | None
    department: str
    manager_employee_id: str | None
    city: str
    email: str | None
    depth: int
    since_snapshot: int


@dataclass(frozen=True, slots=True)
class Position:
    """One version of a member: what the chart said from one snapshot until another (`until`
    None: still true). Dates are the snapshots' `taken_on`."""

    title: str
    level: int | None
    function: str | None
    department: str
    manager_employee_id: str | None
    city: str
    depth: int
    since_snapshot: int
    since_number: int
    since: date
    until_snapshot: int | None
    until_number: int | None
    until: date | None


@dataclass(frozen=True, slots=True)
class Holder:
    """Someone who held a seat (a title under a manager), and when."""

    employee_id: str
    name: str
    title: str
    since: date
    until: date | None
    current: bool  # the version is still true at the current snapshot


@dataclass(frozen=True, slots=True)
class TeamSize:
    """A manager's team at one snapshot: direct reports and everyone below them."""

    snapshot_id: int
    number: int
    taken_on: date
    direct: int
    size: int


@dataclass(frozen=True, slots=True)
class Snapshot:
    id: int
    number: int
    file: str
    taken_on: date
    imported_at: datetime
    status: str
    members: int
    joiners: int
    leavers: int
    moves: int
    title_changes: int


@dataclass(frozen=True, slots=True)
class OrganizationSummary:
    """An organization in the directory, as `directory list` shows it."""

    id: int
    key: str
    name: str
    current_snapshot_id: int | None
    members: int
    snapshots: int
    last_import: date | None
    last_file: str | None
    linked_at: datetime | None


def visible_at(snapshot: Any) -> ColumnElement[bool]:
    """The versions true at `snapshot` (a value or a column)."""
    return and_(
        MEMBER.c.since_snapshot <= snapshot,
        or_(MEMBER.c.until_snapshot.is_(None), MEMBER.c.until_snapshot > snapshot),
    )


def _member_select() -> Select[Any]:
    return select(
        MEMBER.c.organization_id,
        ORG.c.name.label("organization"),
        MEMBER.c.employee_id,
        MEMBER.c.name,
        MEMBER.c.title,
        MEMBER.c.level,
        MEMBER.c.function,
        MEMBER.c.department,
        MEMBER.c.manager_employee_id,
        MEMBER.c.city,
        MEMBER.c.email,
        MEMBER.c.depth,
        MEMBER.c.since_snapshot,
    ).join(ORG, ORG.c.id == MEMBER.c.organization_id)


def _at(snapshot: int | None) -> Any:
    """The snapshot to read: the one asked for, else the organization's current one."""
    return snapshot if snapshot is not None else ORG.c.current_snapshot_id


def _row(row: Any) -> DirectoryMember:
    return DirectoryMember(*row)


def current_snapshot(session: Session, org_id: int) -> int | None:
    return session.execute(
        select(ORG.c.current_snapshot_id).where(ORG.c.id == org_id)
    ).scalar_one_or_none()


def members(
    session: Session,
    org_id: int,
    *,
    snapshot: int | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[DirectoryMember]:
    """The organization's members at `snapshot` (default: the current one), by employee id.
    A million-member organization: page with `limit`/`offset`, or use `search`."""
    query = (
        _member_select()
        .where(MEMBER.c.organization_id == org_id, visible_at(_at(snapshot)))
        .order_by(MEMBER.c.employee_id)
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    return [_row(r) for r in session.execute(query)]


def member(
    session: Session, org_id: int, employee_id: str, *, snapshot: int | None = None
) -> DirectoryMember | None:
    row = session.execute(
        _member_select().where(
            MEMBER.c.organization_id == org_id,
            MEMBER.c.employee_id == employee_id,
            visible_at(_at(snapshot)),
        )
    ).first()
    return _row(row) if row else None


def members_by_id(
    session: Session, org_id: int, employee_ids: Iterable[str]
) -> dict[str, DirectoryMember]:
    """Current members by employee id (ids not in the chart are left out)."""
    ids = sorted(set(employee_ids))
    found: dict[str, DirectoryMember] = {}
    for start in range(0, len(ids), IN_CHUNK):
        rows = session.execute(
            _member_select().where(
                MEMBER.c.organization_id == org_id,
                MEMBER.c.employee_id.in_(ids[start : start + IN_CHUNK]),
                visible_at(ORG.c.current_snapshot_id),
            )
        )
        for row in rows:
            found[row.employee_id] = _row(row)
    return found


def members_for_role(
    session: Session, org_id: int, *, function: str | None, level: int | None, limit: int
) -> list[DirectoryMember]:
    """Current members close to a role at this organization: in its function (when known),
    from one level below it up; those one or two levels above it (where its hiring manager
    sits) first, then the rest by closeness in level, then the most senior."""
    query = _member_select().where(
        MEMBER.c.organization_id == org_id, visible_at(ORG.c.current_snapshot_id)
    )
    if function:
        query = query.where(MEMBER.c.function == function)
    order: list[Any] = []
    if level is not None:
        query = query.where(MEMBER.c.level >= level - 1)
        order.append(func.abs(MEMBER.c.level - (level + 1.5)))
    order += [MEMBER.c.level.desc().nulls_last(), MEMBER.c.depth, MEMBER.c.name]
    return [_row(r) for r in session.execute(query.order_by(*order).limit(limit))]


def reports(session: Session, org_id: int, manager_employee_id: str) -> list[DirectoryMember]:
    """The current direct reports of a manager, by name."""
    rows = session.execute(
        _member_select()
        .where(
            MEMBER.c.organization_id == org_id,
            MEMBER.c.manager_employee_id == manager_employee_id,
            visible_at(ORG.c.current_snapshot_id),
        )
        .order_by(MEMBER.c.name, MEMBER.c.employee_id)
    )
    return [_row(r) for r in rows]


def chain(session: Session, org_id: int, employee_id: str) -> list[DirectoryMember]:
    """The member's managers, the direct manager first, up to the root (the member is not
    included). Empty for the root or an unknown id."""
    out: list[DirectoryMember] = []
    seen = {employee_id}
    current = member(session, org_id, employee_id)
    while current is not None and current.manager_employee_id and len(out) < MAX_CHAIN:
        if current.manager_employee_id in seen:
            break
        seen.add(current.manager_employee_id)
        current = member(session, org_id, current.manager_employee_id)
        if current is not None:
            out.append(current)
    return out


def find_by_email(
    session: Session, email: str, *, org_ids: Iterable[int] | None = None
) -> list[DirectoryMember]:
    """Current members with this e-mail address (already normalised: lower case), in the
    given organizations (default: every organization). There is no index on e-mail (see
    directory_models): this reads the organizations' members, so look up many addresses
    at once with `emails_in`."""
    if not email:
        return []
    query = _member_select().where(MEMBER.c.email == email, visible_at(ORG.c.current_snapshot_id))
    if org_ids is not None:
        query = query.where(MEMBER.c.organization_id.in_(list(org_ids)))
    return [_row(r) for r in session.execute(query.order_by(MEMBER.c.organization_id))]


def emails_in(session: Session, org_id: int, emails: Iterable[str]) -> dict[str, str]:
    """e-mail -> employee id of the current members of one organization with these
    addresses (the smallest employee id where two share one): one read of the
    organization's members, however many addresses."""
    wanted = {e for e in emails if e}
    if not wanted:
        return {}
    rows = session.execute(
        select(MEMBER.c.email, MEMBER.c.employee_id)
        .join(ORG, ORG.c.id == MEMBER.c.organization_id)
        .where(
            MEMBER.c.organization_id == org_id,
            MEMBER.c.email.is_not(None),
            visible_at(ORG.c.current_snapshot_id),
        ),
        execution_options={"stream_results": True, "yield_per": 20_000},
    )
    found: dict[str, str] = {}
    for email, emp in rows:
        if email in wanted and (email not in found or emp < found[email]):
            found[email] = emp
    return found


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(
    session: Session, org_ids: Iterable[int], text: str, limit: int = 20
) -> list[DirectoryMember]:
    """Current members of these organizations whose name, title, department, city, e-mail
    or employee id contains `text` (case-insensitive), by name."""
    ids = list(org_ids)
    text = " ".join(text.split())
    if not ids or not text:
        return []
    pattern = _like(text.lower())
    fields = (
        MEMBER.c.name,
        MEMBER.c.title,
        MEMBER.c.department,
        MEMBER.c.city,
        MEMBER.c.email,
        MEMBER.c.employee_id,
    )
    query = (
        _member_select()
        .where(
            MEMBER.c.organization_id.in_(ids),
            visible_at(ORG.c.current_snapshot_id),
            or_(*(func.lower(f).like(pattern, escape="\\") for f in fields)),
        )
        .order_by(MEMBER.c.name, MEMBER.c.organization_id, MEMBER.c.employee_id)
        .limit(max(1, min(limit, 1000)))
    )
    return [_row(r) for r in session.execute(query)]


def positions(session: Session, org_id: int, employee_id: str) -> list[Position]:
    """The member's versions, oldest first, with the dates of the snapshots they span. Only
    versions of completed snapshots up to the current one (an import under way is not
    history yet)."""
    since = SNAP.alias("since_snap")
    until = SNAP.alias("until_snap")
    current = current_snapshot(session, org_id)
    if current is None:
        return []
    rows = session.execute(
        select(
            MEMBER.c.title,
            MEMBER.c.level,
            MEMBER.c.function,
            MEMBER.c.department,
            MEMBER.c.manager_employee_id,
            MEMBER.c.city,
            MEMBER.c.depth,
            MEMBER.c.since_snapshot,
            since.c.number,
            since.c.taken_on,
            MEMBER.c.until_snapshot,
            until.c.number,
            until.c.taken_on,
        )
        .join(since, since.c.id == MEMBER.c.since_snapshot)
        .outerjoin(until, until.c.id == MEMBER.c.until_snapshot)
        .where(
            MEMBER.c.organization_id == org_id,
            MEMBER.c.employee_id == employee_id,
            MEMBER.c.since_snapshot <= current,
        )
        .order_by(MEMBER.c.since_snapshot)
    )
    out = []
    for r in rows:
        ends = r[10] is not None and r[10] <= current
        out.append(
            Position(
                *r[:10],
                until_snapshot=r[10] if ends else None,
                until_number=r[11] if ends else None,
                until=r[12] if ends else None,
            )
        )
    return out


def holders(
    session: Session, org_id: int, *, manager_employee_id: str | None, title: str
) -> list[Holder]:
    """Everyone who held this seat — `title` (case-insensitive) under this manager — in any
    snapshot up to the current one, the most recent first. The predecessor of someone in
    the seat now is the holder before them."""
    since = SNAP.alias("since_snap")
    until = SNAP.alias("until_snap")
    current = current_snapshot(session, org_id)
    if current is None:
        return []
    manager = (
        MEMBER.c.manager_employee_id.is_(None)
        if manager_employee_id is None
        else MEMBER.c.manager_employee_id == manager_employee_id
    )
    rows = session.execute(
        select(
            MEMBER.c.employee_id,
            MEMBER.c.name,
            MEMBER.c.title,
            since.c.taken_on,
            MEMBER.c.until_snapshot,
            until.c.taken_on,
        )
        .join(since, since.c.id == MEMBER.c.since_snapshot)
        .outerjoin(until, until.c.id == MEMBER.c.until_snapshot)
        .where(
            MEMBER.c.organization_id == org_id,
            manager,
            func.lower(MEMBER.c.title) == " ".join(title.split()).lower(),
            MEMBER.c.since_snapshot <= current,
        )
        .order_by(MEMBER.c.since_snapshot.desc(), MEMBER.c.employee_id)
    )
    out: list[Holder] = []
    for emp, name, held, since_on, until_id, until_on in rows:
        ended = until_id is not None and until_id <= current
        out.append(Holder(emp, name, held, since_on, until_on if ended else None, not ended))
    return out


def team_sizes(session: Session, org_id: int, manager_employee_id: str) -> list[TeamSize]:
    """The manager's team at every completed snapshot, oldest first (0 where they had
    none). Read from the rows written when a size changed."""
    current = current_snapshot(session, org_id)
    if current is None:
        return []
    snaps = session.execute(
        select(SNAP.c.id, SNAP.c.number, SNAP.c.taken_on)
        .where(
            SNAP.c.organization_id == org_id,
            SNAP.c.status == "complete",
            SNAP.c.id <= current,
        )
        .order_by(SNAP.c.id)
    ).all()
    changes = session.execute(
        select(TEAM.c.snapshot_id, TEAM.c.direct, TEAM.c.size)
        .where(
            TEAM.c.organization_id == org_id,
            TEAM.c.manager_employee_id == manager_employee_id,
            TEAM.c.snapshot_id <= current,
        )
        .order_by(TEAM.c.snapshot_id)
    ).all()
    out: list[TeamSize] = []
    direct = size = 0
    i = 0
    for snap_id, number, taken_on in snaps:
        while i < len(changes) and changes[i][0] <= snap_id:
            _, direct, size = changes[i]
            i += 1
        out.append(TeamSize(snap_id, number, taken_on, direct, size))
    return out


def snapshots(session: Session, org_id: int) -> list[Snapshot]:
    """The organization's imports, oldest first (failed ones included: their status says)."""
    rows = session.execute(
        select(
            SNAP.c.id,
            SNAP.c.number,
            SNAP.c.file,
            SNAP.c.taken_on,
            SNAP.c.imported_at,
            SNAP.c.status,
            SNAP.c.members,
            SNAP.c.joiners,
            SNAP.c.leavers,
            SNAP.c.moves,
            SNAP.c.title_changes,
        )
        .where(SNAP.c.organization_id == org_id)
        .order_by(SNAP.c.number)
    )
    return [Snapshot(*r) for r in rows]


def organizations_of(session: Session, workspace_id: int) -> list[OrganizationSummary]:
    """The organizations this workspace works with, by name, with their current size and
    last import."""
    last = SNAP.alias("last_snap")
    snapshot_count = (
        select(func.count())
        .where(SNAP.c.organization_id == ORG.c.id, SNAP.c.status == "complete")
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            ORG.c.id,
            ORG.c.key,
            ORG.c.name,
            ORG.c.current_snapshot_id,
            func.coalesce(last.c.members, literal(0)),
            snapshot_count,
            last.c.taken_on,
            last.c.file,
            LINK.c.linked_at,
        )
        .join(LINK, LINK.c.organization_id == ORG.c.id)
        .outerjoin(last, last.c.id == ORG.c.current_snapshot_id)
        .where(LINK.c.workspace_id == workspace_id)
        .order_by(ORG.c.name, ORG.c.id)
    )
    return [OrganizationSummary(*r) for r in rows]


def organization_ids_of(session: Session, workspace_id: int) -> list[int]:
    return list(
        session.execute(
            select(LINK.c.organization_id).where(LINK.c.workspace_id == workspace_id)
        ).scalars()
    )


def last_snapshot_date(session: Session, key: str) -> tuple[str, date] | None:
    """The organization's name and the date of its latest complete snapshot (None: none)."""
    row = session.execute(
        select(ORG.c.name, func.max(SNAP.c.taken_on))
        .join(ORG, ORG.c.id == SNAP.c.organization_id)
        .where(ORG.c.key == key, SNAP.c.status == "complete")
        .group_by(ORG.c.name)
    ).first()
    return (row[0], row[1]) if row else None


def snapshots_of(session: Session, workspace_id: int) -> tuple[tuple[int, int | None], ...]:
    """(organization id, its current snapshot) for each organization the workspace works
    with: what the workspace reads of the directory changes only when this does."""
    rows = session.execute(
        select(LINK.c.organization_id, ORG.c.current_snapshot_id)
        .join(ORG, ORG.c.id == LINK.c.organization_id)
        .where(LINK.c.workspace_id == workspace_id)
        .order_by(LINK.c.organization_id)
    )
    return tuple((int(r[0]), r[1]) for r in rows)


def snapshots_of_many(
    session: Session, workspace_ids: list[int]
) -> dict[int, tuple[tuple[int, int | None], ...]]:
    """`snapshots_of` for many workspaces at once."""
    found: dict[int, list[tuple[int, int | None]]] = {}
    rows = session.execute(
        select(LINK.c.workspace_id, LINK.c.organization_id, ORG.c.current_snapshot_id)
        .join(ORG, ORG.c.id == LINK.c.organization_id)
        .where(LINK.c.workspace_id.in_(workspace_ids))
        .order_by(LINK.c.workspace_id, LINK.c.organization_id)
    )
    for ws, org, snap in rows:
        found.setdefault(int(ws), []).append((int(org), snap))
    return {ws: tuple(pairs) for ws, pairs in found.items()}


def organization_by_key(session: Session, key: str) -> tuple[int, str] | None:
    row = session.execute(select(ORG.c.id, ORG.c.name).where(ORG.c.key == key)).first()
    return (row.id, row.name) if row else None


def member_counts(session: Session, org_ids: Sequence[int]) -> dict[int, int]:
    """Current members per organization (from the snapshots' counts: no scan)."""
    if not org_ids:
        return {}
    rows = session.execute(
        select(ORG.c.id, SNAP.c.members)
        .join(SNAP, SNAP.c.id == ORG.c.current_snapshot_id)
        .where(ORG.c.id.in_(list(org_ids)))
    )
    return {r[0]: r[1] for r in rows}


@dataclass(frozen=True, slots=True)
class ChartOrigin:
    """Where an organization's current chart came from, and what holds for all its members:
    the current snapshot's file and import time, and the organization's industry."""

    file: str
    imported_at: datetime | None
    industry: str


def chart_origin(session: Session, org_id: int) -> ChartOrigin:
    row = session.execute(
        select(ORG.c.industry, SNAP.c.file, SNAP.c.imported_at)
        .select_from(ORG.outerjoin(SNAP, SNAP.c.id == ORG.c.current_snapshot_id))
        .where(ORG.c.id == org_id)
    ).first()
    if row is None:
        return ChartOrigin("", None, "")
    return ChartOrigin(row.file or "", row.imported_at, row.industry or "")


def set_industry(session: Session, org_id: int, industry: str) -> None:
    """The organization's industry, shown on its members' pages."""
    session.execute(ORG.update().where(ORG.c.id == org_id).values(industry=industry))
