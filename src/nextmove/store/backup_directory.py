"""What a backup carries of the shared organization directory (docs/backup.md, "The
organization directory"), and how a restore puts it back.

A workspace's people link to directory members by (organization, employee id). The directory
itself is shared by every workspace of a database, so a backup does not carry whole charts:
for each organization the workspace is linked to (or its people name), its key and name, and
the directory facts of the members the workspace's people are linked to — the latest version
of each, nothing about anyone else.

A backup may also carry an organization's whole chart with its history (`chart_snapshots`,
`chart_members`, `chart_teams`): every complete snapshot, renumbered 1, 2, …, every member
version and team size between them.

On restore, an organization already in the target directory (same key) is reused as it is
and the people are re-linked to it by employee id; an organization the target does not have
is created — from its whole chart when the backup carries it, otherwise with one snapshot
holding the carried members — so the links work there too."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, insert, select, text

from nextmove.store.directory import LINK, ORG
from nextmove.store.directory_models import DirectoryMember, DirectorySnapshot, DirectoryTeamSize
from nextmove.store.directory_write import (
    STAGE_COLUMNS,
    begin_snapshot,
    ensure_organization,
    find_organization,
    finish_snapshot,
    link_workspace,
)

MEMBER = cast(Table, DirectoryMember.__table__)
SNAPSHOT = cast(Table, DirectorySnapshot.__table__)
TEAM = cast(Table, DirectoryTeamSize.__table__)
# The facts of a member a backup carries: a version's columns but its key's organization
# and the snapshot numbers (those are the database's own).
MEMBER_FACTS = (*STAGE_COLUMNS, "depth")
CHUNK = 500


def directory_facts(conn: Connection, workspace_id: int) -> list[dict[str, Any]]:
    """The organizations of the workspace, each with the members its people link to:
    ``{"id", "key", "name", "linked_at", "members": [{employee_id, name, …}]}``."""
    linked: dict[int, datetime | None] = {
        int(org): at
        for org, at in conn.execute(
            select(LINK.c.organization_id, LINK.c.linked_at).where(
                LINK.c.workspace_id == workspace_id
            )
        )
    }
    wanted: dict[int, set[str]] = {}
    for org, employee in conn.execute(
        text(
            "SELECT directory_org_id, directory_employee_id FROM person "
            "WHERE workspace_id = :ws AND directory_org_id IS NOT NULL"
        ),
        {"ws": workspace_id},
    ):
        wanted.setdefault(int(org), set())
        if employee:
            wanted[int(org)].add(str(employee))
    orgs = []
    for org_id in sorted(set(linked) | set(wanted)):
        row = conn.execute(
            select(ORG.c.key, ORG.c.name, ORG.c.industry).where(ORG.c.id == org_id)
        ).first()
        if row is None:  # a link to an organization deleted since: nothing to carry
            continue
        at = linked.get(org_id)
        orgs.append(
            {
                "id": org_id,
                "key": row.key,
                "name": row.name,
                "industry": row.industry or "",
                "linked_at": at.isoformat() if at else None,
                "members": _latest_versions(conn, org_id, sorted(wanted.get(org_id, ()))),
            }
        )
    return orgs


def _latest_versions(
    conn: Connection, org_id: int, employee_ids: Sequence[str]
) -> list[dict[str, Any]]:
    """Each member's latest version (the current one, or the last before they left)."""
    latest: dict[str, tuple[int, dict[str, Any]]] = {}
    query = select(MEMBER).where(
        MEMBER.c.organization_id == org_id,
        MEMBER.c.employee_id.in_(bindparam("ids", expanding=True)),
    )
    for start in range(0, len(employee_ids), CHUNK):
        for row in conn.execute(query, {"ids": list(employee_ids[start : start + CHUNK])}):
            version = row._mapping
            since = int(version["since_snapshot"])
            known = latest.get(version["employee_id"])
            if known is None or since > known[0]:
                latest[version["employee_id"]] = (since, {k: version[k] for k in MEMBER_FACTS})
    return [latest[e][1] for e in employee_ids if e in latest]


# ------------------------------------------------------------------------------ whole charts

SNAPSHOT_FACTS = ("file", "taken_on", "imported_at", "members", "joiners", "leavers", "moves")


def chart_snapshots(
    conn: Connection, org_id: int
) -> tuple[dict[int, int], list[dict[str, Any]], int | None]:
    """The organization's complete snapshots in order: their ids mapped to the numbers a
    backup gives them (1, 2, …), each one's facts, and the number of the one readers see.
    An import under way (or a failed one not yet undone) is left out, with what it wrote."""
    numbers: dict[int, int] = {}
    facts = []
    rows = conn.execute(
        select(SNAPSHOT)
        .where(SNAPSHOT.c.organization_id == org_id, SNAPSHOT.c.status == "complete")
        .order_by(SNAPSHOT.c.number)
    )
    for row in rows:
        numbers[int(row.id)] = len(numbers) + 1
        facts.append(
            {
                "number": numbers[int(row.id)],
                **{k: row._mapping[k] for k in SNAPSHOT_FACTS},
                "title_changes": row.title_changes,
            }
        )
    current = conn.execute(
        select(ORG.c.current_snapshot_id).where(ORG.c.id == org_id)
    ).scalar_one_or_none()
    return numbers, facts, numbers.get(current) if current is not None else None


def chart_members(
    conn: Connection, org_id: int, numbers: dict[int, int]
) -> Iterator[dict[str, Any]]:
    """Every version of every member, with `since`/`until` as snapshot numbers (`numbers`
    from chart_snapshots), in key order."""
    query = (
        select(MEMBER)
        .where(MEMBER.c.organization_id == org_id)
        .order_by(MEMBER.c.employee_id, MEMBER.c.since_snapshot)
        .execution_options(yield_per=CHUNK * 10)
    )
    for row in conn.execute(query):
        since = numbers.get(int(row.since_snapshot))
        if since is None:  # written by an import that has not finished
            continue
        until = None if row.until_snapshot is None else numbers.get(int(row.until_snapshot))
        version = row._mapping
        yield {**{k: version[k] for k in MEMBER_FACTS}, "since": since, "until": until}


def chart_teams(conn: Connection, org_id: int, numbers: dict[int, int]) -> Iterator[dict[str, Any]]:
    """Every team size row, its snapshot as a number."""
    query = (
        select(TEAM)
        .where(TEAM.c.organization_id == org_id)
        .order_by(TEAM.c.manager_employee_id, TEAM.c.snapshot_id)
        .execution_options(yield_per=CHUNK * 10)
    )
    for row in conn.execute(query):
        number = numbers.get(int(row.snapshot_id))
        if number is not None:
            yield {
                "manager_employee_id": row.manager_employee_id,
                "snapshot": number,
                "direct": row.direct,
                "size": row.size,
            }


# Lines of a whole chart's members, as (line number, checked row): the service checks them.
ChartLines = Callable[[str], Iterator[tuple[int, dict[str, Any]]]]


class ChartMismatch(Exception):
    """A line of a whole chart names a snapshot the chart does not have: (file, line)."""

    def __init__(self, file: str, line: int, problem: str):
        super().__init__(f"{file} line {line}: {problem}")
        self.file, self.line, self.problem = file, line, problem


def _recreate_chart(conn: Connection, org_id: int, chart: Any, lines: ChartLines) -> int:
    """Write an organization's whole chart from a backup into the (new) organization: its
    snapshots, member versions and team sizes; readers moved to its current snapshot.
    Returns the members at the current snapshot."""
    ids: dict[int, int] = {}
    for snap in chart.snapshots:
        ids[snap.number] = int(
            conn.execute(
                SNAPSHOT.insert()
                .values(
                    organization_id=org_id,
                    number=snap.number,
                    file=snap.file,
                    taken_on=snap.taken_on,
                    imported_at=snap.imported_at,
                    status="complete",
                    members=snap.members,
                    joiners=snap.joiners,
                    leavers=snap.leavers,
                    moves=snap.moves,
                    title_changes=snap.title_changes,
                )
                .returning(SNAPSHOT.c.id)
            ).scalar_one()
        )

    def snapshot(file: str, line: int, number: int | None, what: str) -> int | None:
        if number is None:
            return None
        if number not in ids:
            raise ChartMismatch(file, line, f"{what} names snapshot {number}, which it lacks")
        return ids[number]

    current = chart.current
    members = 0
    batch: list[dict[str, Any]] = []
    for line, row in lines(chart.members):
        since, until = row.pop("since"), row.pop("until")
        if until is not None and until <= since:
            raise ChartMismatch(chart.members, line, "a version ends before it starts")
        members += since <= current and (until is None or until > current)
        batch.append(
            {
                "organization_id": org_id,
                "since_snapshot": snapshot(chart.members, line, since, "since"),
                "until_snapshot": snapshot(chart.members, line, until, "until"),
                **row,
            }
        )
        if len(batch) >= CHUNK * 10:
            conn.execute(insert(MEMBER), batch)
            batch = []
    if batch:
        conn.execute(insert(MEMBER), batch)
    batch = []
    for line, row in lines(chart.teams):
        batch.append(
            {
                "organization_id": org_id,
                "manager_employee_id": row["manager_employee_id"],
                "snapshot_id": snapshot(chart.teams, line, row["snapshot"], "snapshot"),
                "direct": row["direct"],
                "size": row["size"],
            }
        )
        if len(batch) >= CHUNK * 10:
            conn.execute(insert(TEAM), batch)
            batch = []
    if batch:
        conn.execute(insert(TEAM), batch)
    conn.execute(ORG.update().where(ORG.c.id == org_id).values(current_snapshot_id=ids[current]))
    return members


@dataclass
class DirectoryRestore:
    """Old organization id (in the archive) → its id in this database; what was done."""

    ids: dict[int, int]
    relinked: int = 0  # organizations already here, re-linked by employee id
    recreated: int = 0  # organizations created from the archive's facts
    members: int = 0  # members created with them (at their current snapshot)
    charts: int = 0  # of those organizations, created from their whole chart and history


def restore_directory(
    conn: Connection,
    workspace_id: int,
    organizations: Iterable[Any],
    *,
    now: datetime,
    taken_on: date,
    file: str,
    lines: ChartLines | None = None,
) -> DirectoryRestore:
    """Link the workspace to each organization of the archive — the one with the same key
    here, else a new one holding the carried members — and say where each old id went.
    `organizations` are the archive's entries (``.id``, ``.key``, ``.name``, ``.industry``,
    ``.linked_at``, ``.members``, each with MEMBER_FACTS, and ``.chart``); `lines` reads a
    whole chart's members, checked (see _recreate_chart)."""
    done = DirectoryRestore({})
    for org in organizations:
        existing = find_organization(conn, org.key)
        if existing is not None:
            org_id = existing[0]
            done.relinked += 1
        elif org.chart is not None and lines is not None:
            org_id = ensure_organization(conn, org.key, org.name, now)
            _set_industry(conn, org_id, org.industry)
            done.members += _recreate_chart(conn, org_id, org.chart, lines)
            done.recreated += 1
            done.charts += 1
        else:
            org_id = ensure_organization(conn, org.key, org.name, now)
            _set_industry(conn, org_id, org.industry)
            snap_id, _ = begin_snapshot(conn, org_id, file=file, taken_on=taken_on, now=now)
            rows = [
                {
                    "organization_id": org_id,
                    "since_snapshot": snap_id,
                    "until_snapshot": None,
                    **{k: getattr(m, k) for k in MEMBER_FACTS},
                }
                for m in org.members
            ]
            for start in range(0, len(rows), CHUNK):
                conn.execute(insert(MEMBER), rows[start : start + CHUNK])
            counts = {"members": len(rows), "joiners": 0, "leavers": 0, "moves": 0}
            finish_snapshot(conn, org_id, snap_id, {**counts, "title_changes": 0})
            done.recreated += 1
            done.members += len(rows)
        link_workspace(conn, workspace_id, org_id, org.linked_at or now)
        done.ids[org.id] = org_id
    return done


def _set_industry(conn: Connection, org_id: int, industry: str) -> None:
    if industry:
        conn.execute(ORG.update().where(ORG.c.id == org_id).values(industry=industry))
