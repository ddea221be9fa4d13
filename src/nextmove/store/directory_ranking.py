"""What the ranking reads of an organization's chart, without bringing every member into
Python: the members worth scoring (the ranking's filter, `ranking_filter`) counted per group
of members alike in what a score reads (`ranking_groups`: the database aggregates, Python
sees thousands of groups, not a million rows), the members the chart knows more of read by
key or by manager (`ranking_rows_of`, `ranking_team_of`), and the first members of the best
groups in the ranking's order (`ranking_group_members`).

Directory tables are shared: nothing here reads a workspace's rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    and_,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from nextmove.store.directory import MEMBER, ORG
from nextmove.store.directory_reads import CURRENT, RANKING_COLUMNS
from nextmove.store.prefilter import level_conditions

CHUNK = {"postgresql": 5000}  # keys per IN list (SQLite: 500, its look-ups are cheap)
GROUPING_MEMORY = "32MB"
GROUPS_PER_READ = 100  # groups per read of their members (the OR of their columns)

# A group of members alike in everything a plain member's score reads: organization id,
# title, level, function, department, city ("" when the city does not count).
GroupKey = tuple[int, str, int | None, str | None, str, str]


class RankingRow(NamedTuple):
    """A member as the ranking reads them (RANKING_COLUMNS): a plain tuple."""

    organization_id: int
    employee_id: str
    name: str
    title: str
    level: int | None
    function: str | None
    department: str
    manager_employee_id: str | None
    city: str
    depth: int


class RankingGroup(NamedTuple):
    key: GroupKey
    members: int  # members of the group the filter lets through
    depth: int  # the smallest depth among them (a member's depth says they are in a chart)
    # SQLite: the group's members packed into one text by the same aggregate (`unpack`), so
    # the shortlist needs no second pass over the chart. None on PostgreSQL, whose second
    # pass is a parallel scan.
    packed: str | None = None


# Separators of the packed members: ASCII's unit and record separators, which no chart has
# (`unpack` checks it: a group that does not unpack into its count is read again instead).
UNIT, RECORD = "\x1f", "\x1e"
_PACKED = (
    "group_concat(directory_member.employee_id || char(31) || directory_member.name"
    " || char(31) || ifnull('=' || directory_member.manager_employee_id, '')"
    " || char(31) || directory_member.city || char(31) || directory_member.depth, char(30))"
)


def unpack(group: RankingGroup) -> list[RankingRow] | None:
    """The members of a group packed by `ranking_groups` (SQLite), or None when the group was
    not packed or does not unpack cleanly into its count of members."""
    if group.packed is None:
        return None
    org_id, title, level, function, department, _city = group.key
    out: list[RankingRow] = []
    for record in group.packed.split(RECORD):
        fields = record.split(UNIT)
        if len(fields) != 5 or not fields[4].lstrip("-").isdigit():
            return None
        emp, name, manager, city, depth = fields
        out.append(RankingRow(org_id, emp, name, title, level, function, department,
                              manager[1:] if manager else None, city, int(depth)))  # fmt: skip
    return out if len(out) == group.members else None


def ranking_filter(
    org_ids: Iterable[int],
    *,
    prefilter: bool,
    min_level: int | None,
    functions: Iterable[str],
    above_depth: dict[int, int],
    wanted: Iterable[tuple[int, str]] = (),
) -> ColumnElement[bool]:
    """Which current members of these organizations the ranking scores. Without `prefilter`,
    everyone; with it, those the ranking can place high: above your level (or at it in a
    target function), above your depth in your own organization (`above_depth`: organization
    id -> your depth), and the members named in `wanted` (your chain, your reports, your
    predecessor)."""
    ids = sorted(set(org_ids))
    if not ids:
        return false()
    base = and_(MEMBER.c.organization_id.in_(ids), CURRENT)
    if not prefilter:
        return base
    conditions = level_conditions(
        MEMBER.c.level, MEMBER.c.function, min_level=min_level, functions=sorted(set(functions))
    )
    for org_id, depth in above_depth.items():
        conditions.append(and_(MEMBER.c.organization_id == org_id, MEMBER.c.depth < depth))
    for org_id, emp in wanted:
        conditions.append(and_(MEMBER.c.organization_id == org_id, MEMBER.c.employee_id == emp))
    if not conditions:
        return false()
    return and_(base, or_(*conditions))


def _group_columns(by_city: bool) -> list[Any]:
    city = MEMBER.c.city if by_city else literal("")
    return [
        MEMBER.c.organization_id,
        MEMBER.c.title,
        MEMBER.c.level,
        MEMBER.c.function,
        MEMBER.c.department,
        city,
    ]


def ranking_groups(
    session: Session, where: ColumnElement[bool], *, by_city: bool
) -> list[RankingGroup]:
    """The members `where` lets through, counted per group of members alike (`by_city`: the
    city counts). One aggregate in the database (on SQLite packing each group's members)."""
    columns = _group_columns(by_city)
    keyed = columns if by_city else columns[:-1]
    if session.get_bind().dialect.name == "postgresql":
        # The planner cannot know how few groups there are (titles repeat): with the default
        # 4 MB it sorts every row on disk instead of hashing the groups. For this read only.
        session.execute(text(f"SET LOCAL work_mem = '{GROUPING_MEMORY}'"))
    sqlite = session.get_bind().dialect.name == "sqlite"
    aggregates: list[Any] = [func.count(), func.min(MEMBER.c.depth)]
    if sqlite:
        aggregates.append(literal_column(_PACKED))
    rows = session.execute(
        select(*keyed, *aggregates)
        .select_from(MEMBER.join(ORG, ORG.c.id == MEMBER.c.organization_id))
        .where(where)
        .group_by(*keyed)
    )
    width = len(keyed)
    return [
        RankingGroup(
            (r[0], r[1], r[2], r[3], r[4], r[5] if by_city else ""),
            r[width],
            r[width + 1],
            r[width + 2] if sqlite else None,
        )
        for r in rows
    ]


def _rows(session: Session, where: ColumnElement[bool]) -> list[RankingRow]:
    rows = session.execute(
        select(*RANKING_COLUMNS)
        .select_from(MEMBER.join(ORG, ORG.c.id == MEMBER.c.organization_id))
        .where(where)
    )
    return [RankingRow._make(r) for r in rows]


def ranking_rows_upto(
    session: Session, where: ColumnElement[bool], most: int
) -> list[RankingRow] | None:
    """Every member `where` lets through when there are at most `most` of them; else None
    (having read no more than `most` + 1)."""
    rows = session.execute(
        select(*RANKING_COLUMNS)
        .select_from(MEMBER.join(ORG, ORG.c.id == MEMBER.c.organization_id))
        .where(where)
        .limit(most + 1)
    ).all()
    if len(rows) > most:
        return None
    return [RankingRow._make(r) for r in rows]


def ranking_rows_of(
    session: Session, where: ColumnElement[bool], keys: Iterable[tuple[int, str]]
) -> list[RankingRow]:
    """Those of these members (organization id, employee id) that `where` lets through,
    read by key."""
    by_org: dict[int, list[str]] = {}
    for org_id, emp in set(keys):
        by_org.setdefault(org_id, []).append(emp)
    out: list[RankingRow] = []
    chunk = CHUNK.get(session.get_bind().dialect.name, 500)
    for org_id, emps in sorted(by_org.items()):
        emps.sort()
        for start in range(0, len(emps), chunk):
            out += _rows(
                session,
                and_(
                    where,
                    MEMBER.c.organization_id == org_id,
                    MEMBER.c.employee_id.in_(emps[start : start + chunk]),
                ),
            )
    return out


def ranking_team_of(
    session: Session, where: ColumnElement[bool], org_id: int, managers: Iterable[str]
) -> list[RankingRow]:
    """The direct reports of these managers that `where` lets through (the manager index)."""
    wanted = sorted(set(managers))
    if not wanted:
        return []
    return _rows(
        session,
        and_(
            where,
            MEMBER.c.organization_id == org_id,
            MEMBER.c.manager_employee_id.in_(wanted),
        ),
    )


def _is(column: Any, value: Any) -> ColumnElement[bool]:
    return column.is_(None) if value is None else column == value


def ranking_group_members(
    session: Session,
    where: ColumnElement[bool],
    groups: list[GroupKey],
    *,
    by_city: bool,
    per_group: int,
) -> list[RankingRow]:
    """The first `per_group` members of each of these groups that `where` lets through, in
    the ranking's order among members alike: by name (code points, as Python compares), then
    the later employee id first."""
    if not groups or per_group < 1:
        return []
    postgres = session.get_bind().dialect.name == "postgresql"
    name = MEMBER.c.name.collate("C") if postgres else MEMBER.c.name
    emp = MEMBER.c.employee_id.collate("C") if postgres else MEMBER.c.employee_id
    partition = _group_columns(by_city)
    if not by_city:
        partition = partition[:-1]
    out: list[RankingRow] = []
    for start in range(0, len(groups), GROUPS_PER_READ):
        match = or_(
            *(
                and_(
                    MEMBER.c.organization_id == org_id,
                    MEMBER.c.title == title,
                    _is(MEMBER.c.level, level),
                    _is(MEMBER.c.function, function),
                    MEMBER.c.department == department,
                    *([MEMBER.c.city == city] if by_city else []),
                )
                for org_id, title, level, function, department, city in groups[
                    start : start + GROUPS_PER_READ
                ]
            )
        )
        place = (
            func.row_number()
            .over(partition_by=partition, order_by=(name, emp.desc()))
            .label("place")
        )
        inner = (
            select(*RANKING_COLUMNS, place)
            .select_from(MEMBER.join(ORG, ORG.c.id == MEMBER.c.organization_id))
            .where(where, match)
            .subquery()
        )
        rows = session.execute(
            select(*(inner.c[c.name] for c in RANKING_COLUMNS)).where(inner.c.place <= per_group)
        )
        out += [RankingRow._make(r) for r in rows]
    return out
