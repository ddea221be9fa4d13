"""The reads suggestions need, as few and as narrow as possible: a prefiltered scan of people,
the user's direct ties, neighbourhoods for warm paths, past roles and department growth."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from nextmove.domain.import_kinds import contact_sources
from nextmove.store.ids import same_row
from nextmove.store.people import INTERACTION, JOB, POSITION, PROFILE, SOURCE, TIE, P, _chunks
from nextmove.store.prefilter import level_conditions

WITH_POSITION = P.outerjoin(POSITION, same_row(P, POSITION, "person_id"))
ORG_TIE_STRENGTH = 4  # a manager or a direct report
CONTACT_STRENGTH = 2  # someone in your imported contacts, with no tie recorded
# Sources whose people you know: the registry's contact sources, and people you added yourself.
CONTACT_SOURCES = (*contact_sources(), "manual")
# Columns the ranking reads, in the order of CandidateRow's fields.
CANDIDATE_COLUMNS = (
    P.c.id,
    P.c.name,
    P.c.title,
    P.c.organization,
    P.c.org_key,
    P.c.department,
    P.c.function,
    P.c.level,
    P.c.level_source,
    P.c.level_confidence,
    P.c.industry,
    P.c.city,
    P.c.offered_help,
    P.c.navigated_transition,
    P.c.peer,
    P.c.last_contact,
    POSITION.c.depth.label("org_depth"),
    P.c.manager_id,
)


class CandidateRow(NamedTuple):
    """One person as the ranking reads them (CANDIDATE_COLUMNS, by name). A named tuple:
    as cheap to build and read as a plain one on the hundreds of thousands of rows a scan
    can give, without unpacking 18 values by position."""

    id: int
    name: str
    title: str
    organization: str
    org_key: str
    department: str
    function: str | None
    level: int | None
    level_source: str | None
    level_confidence: float
    industry: str
    city: str
    offered_help: bool
    navigated_transition: bool
    peer: bool
    last_contact: date | None
    org_depth: int | None
    manager_id: int | None


@dataclass(frozen=True, slots=True)
class Me:
    person_id: int | None
    org_key: str
    org_depth: int | None
    manager_id: int | None
    department: str


def load_me(session: Session) -> Me:
    """The user's own place: their person record (via profile.person_id), if linked."""
    conn = session.connection()
    person_id = conn.execute(select(PROFILE.c.person_id).where(PROFILE.c.id == 1)).scalar()
    if person_id is None:
        return Me(None, "", None, None, "")
    row = conn.execute(
        select(P.c.org_key, POSITION.c.depth.label("org_depth"), P.c.manager_id, P.c.department)
        .select_from(WITH_POSITION)
        .where(P.c.id == person_id)
    ).one_or_none()
    if row is None:
        return Me(None, "", None, None, "")
    return Me(person_id, row.org_key or "", row.org_depth, row.manager_id, row.department or "")


def candidate_rows(
    session: Session,
    *,
    exclude: int | None,
    min_level: int | None,
    target_functions: Iterable[str],
    direct_ids: Iterable[int],
    me: Me,
    prefilter: bool,
) -> list[CandidateRow]:
    """People worth scoring. Without `prefilter`, everyone; with it, only those the ranking
    can place high: above you (by level or org depth), in a target function at or above your
    level, flagged as helpful or as transition navigators, or known to you directly."""
    query = select(*CANDIDATE_COLUMNS).select_from(WITH_POSITION)
    if exclude is not None:
        query = query.where(P.c.id != exclude)
    if prefilter:
        conditions: list[Any] = [
            P.c.offered_help.is_(True),
            P.c.navigated_transition.is_(True),
            *level_conditions(
                P.c.level, P.c.function, min_level=min_level, functions=list(target_functions)
            ),
        ]
        if me.org_depth is not None and me.org_key:
            conditions.append(and_(P.c.org_key == me.org_key, POSITION.c.depth < me.org_depth))
        query = query.where(or_(*conditions))
        rows = list(map(CandidateRow._make, session.connection().execute(query)))
        seen = {r.id for r in rows}
        missing = [i for i in direct_ids if i not in seen and i != exclude]
        for chunk in _chunks(missing):
            rows.extend(
                map(
                    CandidateRow._make,
                    session.connection().execute(
                        select(*CANDIDATE_COLUMNS)
                        .select_from(WITH_POSITION)
                        .where(P.c.id.in_(chunk))
                    ),
                )
            )
        return rows
    return list(map(CandidateRow._make, session.connection().execute(query)))


MAX_CHAIN = 64  # a chain of command longer than this is a data error, not an organization


def chain_of_command(session: Session, me: Me) -> dict[int, int]:
    """Your managers up to the top of the org chart -> how many levels above you each sits
    (your manager 1, theirs 2, …): the only people whose distance the tree gives exactly."""
    above: dict[int, int] = {}
    manager, hops = me.manager_id, 1
    conn = session.connection()
    while manager is not None and manager not in above and hops <= MAX_CHAIN:
        above[manager] = hops
        manager = conn.execute(select(P.c.manager_id).where(P.c.id == manager)).scalar()
        hops += 1
    return above


def direct_ties(
    session: Session, me: Me, among: Iterable[int] | None = None
) -> dict[int, tuple[int, str]]:
    """Everyone you know directly -> (strength 1…5, how): recorded ties with you, your manager
    and reports in the org chart, and the people in your imported contacts. With `among`,
    only those of these people (a few look-ups instead of a pass over every contact)."""
    conn = session.connection()
    found: dict[int, tuple[int, str]] = {}
    wanted = None if among is None else set(among)

    def keep(pid: int, strength: int, how: str) -> None:
        if wanted is not None and pid not in wanted:
            return
        if pid != me.person_id and (pid not in found or found[pid][0] < strength):
            found[pid] = (strength, how)

    contacts = select(SOURCE.c.person_id).where(SOURCE.c.kind.in_(CONTACT_SOURCES))
    rows: Iterable[Any]
    if wanted is None:
        rows = conn.execute(contacts.distinct())
    else:
        rows = _for_ids(session, contacts, SOURCE.c.person_id, wanted)
    for row in rows:
        keep(row[0], CONTACT_STRENGTH, "in your contacts")
    if me.person_id is None:
        return found
    for r in conn.execute(
        select(TIE.c.person_id, TIE.c.other_id, TIE.c.strength, TIE.c.source).where(
            or_(TIE.c.person_id == me.person_id, TIE.c.other_id == me.person_id)
        )
    ):
        other = r.other_id if r.person_id == me.person_id else r.person_id
        keep(other, r.strength, r.source.replace("-", " "))
    if me.manager_id is not None:
        keep(me.manager_id, ORG_TIE_STRENGTH, "your manager")
    for (pid,) in conn.execute(select(P.c.id).where(P.c.manager_id == me.person_id)):
        keep(pid, ORG_TIE_STRENGTH, "reports to you")
    return found


def plan_roles(session: Session, ids: Iterable[int]) -> dict[int, Any]:
    """What the ranking compares with your plan, per person: function, level, industry,
    organization and city."""
    query = select(P.c.id, P.c.function, P.c.level, P.c.industry, P.c.organization, P.c.city)
    return {r.id: r for r in _for_ids(session, query, P.c.id, ids)}


def neighbours(session: Session, ids: Iterable[int]) -> dict[int, list[tuple[int, int, str]]]:
    """For each id: (other id, strength, relation from the id's point of view) — recorded ties
    in both directions, manager and direct reports."""
    conn = session.connection()
    wanted = list(dict.fromkeys(ids))
    out: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for chunk in _chunks(wanted):
        members = set(chunk)
        for r in conn.execute(
            select(TIE.c.person_id, TIE.c.other_id, TIE.c.strength, TIE.c.source).where(
                or_(TIE.c.person_id.in_(chunk), TIE.c.other_id.in_(chunk))
            )
        ):
            relation = r.source.replace("-", " ")
            if r.person_id in members:
                out[r.person_id].append((r.other_id, r.strength, relation))
            if r.other_id in members:
                out[r.other_id].append((r.person_id, r.strength, relation))
        for up in conn.execute(select(P.c.id, P.c.manager_id).where(P.c.id.in_(chunk))):
            if up.manager_id is not None:
                out[up.id].append((up.manager_id, ORG_TIE_STRENGTH, "manager"))
        for down in conn.execute(select(P.c.id, P.c.manager_id).where(P.c.manager_id.in_(chunk))):
            out[down.manager_id].append((down.id, ORG_TIE_STRENGTH, "direct report"))
    return out


IN_LIST_LIMIT = 5000  # above this many ids, one scan filtered in Python beats IN lists


def _for_ids(session: Session, query: Any, column: Any, ids: Iterable[int]) -> Iterable[Any]:
    """Rows of `query` for these ids: IN lists for a few, one pass for many."""
    wanted = set(ids)
    conn = session.connection()
    if len(wanted) <= IN_LIST_LIMIT:
        for chunk in _chunks(sorted(wanted)):
            yield from conn.execute(query.where(column.in_(chunk)))
        return
    for row in conn.execute(query):
        if row[0] in wanted:
            yield row


def past_roles(session: Session, ids: Iterable[int]) -> dict[int, list[tuple[str, str]]]:
    """Employment history as (organization, title), most recent first."""
    roles: dict[int, list[tuple[str, str]]] = defaultdict(list)
    query = select(JOB.c.person_id, JOB.c.organization, JOB.c.title).order_by(
        JOB.c.person_id, JOB.c.position
    )
    for r in _for_ids(session, query, JOB.c.person_id, ids):
        roles[r.person_id].append((r.organization or "", r.title or ""))
    return roles


def roles_at(
    session: Session, organization: str
) -> dict[int, list[tuple[str, str, date | None, date | None]]]:
    """Past and present roles held at an organization, per person: (organization, title,
    start, end). What deciding who held your seat before you needs."""
    roles: dict[int, list[tuple[str, str, date | None, date | None]]] = defaultdict(list)
    if not organization.strip():
        return roles
    query = select(
        JOB.c.person_id, JOB.c.organization, JOB.c.title, JOB.c.start_date, JOB.c.end_date
    ).where(func.lower(JOB.c.organization) == organization.strip().lower())
    for r in session.connection().execute(query):
        if r.title:
            roles[r.person_id].append((r.organization or "", r.title, r.start_date, r.end_date))
    return roles


def last_meetings(session: Session, ids: Iterable[int]) -> dict[int, date]:
    """The latest research meeting logged as an interaction (kind "meeting") per person."""
    query = (
        select(INTERACTION.c.person_id, func.max(INTERACTION.c.day))
        .where(INTERACTION.c.kind == "meeting")
        .group_by(INTERACTION.c.person_id)
    )
    return {pid: day for pid, day in _for_ids(session, query, INTERACTION.c.person_id, ids)}
