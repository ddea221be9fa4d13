"""What the organization directory adds to the ranking: the members of the workspace's
organizations who are not your people yet (as candidates with their org-chart facts), and for
everyone in the chart — member or linked person — the facts only the chart knows: how many
levels above you they sit along your chain of command, your manager and your reports, your
own team, who held your seat in an earlier import (your predecessor), and whose team grew at
the last import (a manager who is hiring).

Members get negative ids, valid only within one ranking (services/suggest.py keeps -1 for
you); `member_ref` names them for good.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from nextmove.domain.paths import Hop, WarmPath
from nextmove.services.members import member_ref
from nextmove.store import directory as directory_store
from nextmove.store import directory_reads as reads
from nextmove.store.directory import DirectoryMember, Holder

ORG_TIE_STRENGTH = 4  # as store.suggest: a manager or a direct report
MEMBER_LEVEL_CONFIDENCE = 0.8  # a level read from a chart's title


@dataclass(slots=True)
class ChartView:
    rows: list[tuple[Any, ...]] = field(default_factory=list)  # candidate rows of members
    facts: dict[int, dict[str, Any]] = field(default_factory=dict)  # id -> Candidate fields
    members: dict[int, DirectoryMember] = field(default_factory=dict)  # negative id -> member
    people: int = 0  # members who are not your people


def chart_size(session: Session) -> int:
    """How many members the workspace's org charts hold now (from the snapshots' counts)."""
    orgs = reads.workspace_orgs(session)
    return sum(directory_store.member_counts(session, list(orgs)).values()) if orgs else 0


def _predecessor(session: Session, me: DirectoryMember) -> tuple[Holder, str] | None:
    """Who held your seat — your title under your manager — before you, in an earlier import,
    and the words for it."""
    holders = directory_store.holders(
        session,
        me.organization_id,
        manager_employee_id=me.manager_employee_id,
        title=me.title,
    )
    earlier = [h for h in holders if h.employee_id != me.employee_id and not h.current]
    if not earlier:
        return None
    held = earlier[0]
    boss = (
        directory_store.member(session, me.organization_id, me.manager_employee_id)
        if me.manager_employee_id
        else None
    )
    under = f" under {boss.name}" if boss is not None else ""
    until = f", before the org chart of {held.until:%-d %b %Y}" if held.until else ""
    return held, f"held your role before you ({held.title}{under}{until})"


def chart_view(
    session: Session,
    *,
    me_person_id: int | None,
    prefilter: bool,
    min_level: int | None,
    functions: set[str],
    department_growth: dict[str, float],
) -> ChartView:
    view = ChartView()
    orgs = reads.workspace_orgs(session)
    if not orgs:
        return view
    linked = reads.linked_people(session, orgs)
    mine: DirectoryMember | None = None
    if me_person_id is not None:
        link = reads.link_of(session, [me_person_id]).get(me_person_id)
        if link is not None and link[0] in orgs:
            mine = directory_store.member(session, *link)
    chain: dict[str, int] = {}
    predecessor: tuple[Holder, str] | None = None
    wanted: list[tuple[int, str]] = []
    if mine is not None:
        above = directory_store.chain(session, mine.organization_id, mine.employee_id)
        chain = {m.employee_id: hops for hops, m in enumerate(above, start=1)}
        predecessor = _predecessor(session, mine)
        wanted = [(mine.organization_id, e) for e in chain]
        wanted += [
            (mine.organization_id, m.employee_id)
            for m in directory_store.reports(session, mine.organization_id, mine.employee_id)
        ]
        if predecessor is not None:
            wanted.append((mine.organization_id, predecessor[0].employee_id))
    growth = {org: reads.team_growth(session, org) for org in orgs}
    members = reads.ranking_members(
        session,
        orgs,
        prefilter=prefilter,
        min_level=min_level,
        functions=functions,
        above_depth={mine.organization_id: mine.depth} if mine is not None else {},
        wanted=wanted,
    )
    next_id = -2
    for m in members:
        key = (m.organization_id, m.employee_id)
        if mine is not None and key == (mine.organization_id, mine.employee_id):
            continue
        pid = linked.get(key)
        if pid is None:
            pid = next_id
            next_id -= 1
            view.members[pid] = m
            org_key = orgs[m.organization_id][0]
            view.rows.append(
                (
                    pid,
                    m.name,
                    m.title,
                    m.organization,
                    org_key,
                    m.department,
                    m.function,
                    m.level,
                    "inferred" if m.level is not None else None,
                    MEMBER_LEVEL_CONFIDENCE if m.level is not None else 0.0,
                    "",
                    m.city,
                    False,
                    False,
                    False,
                    None,
                    m.depth,
                    None,
                )
            )
            facts: dict[str, Any] = {
                "member_ref": member_ref(org_key, m.employee_id),
                "source_org": m.organization,
            }
        elif pid == me_person_id:
            continue
        else:
            facts = {}
        grew = growth.get(m.organization_id, {}).get(m.employee_id)
        if grew is not None:
            facts["team_growth"] = grew
        if mine is not None and m.organization_id == mine.organization_id:
            facts["department"] = m.department
            facts["department_growth"] = department_growth.get(m.department)
            if m.employee_id in chain:
                facts["levels_above_me"] = chain[m.employee_id]
            if m.manager_employee_id == mine.employee_id:
                facts["levels_above_me"] = -1
                facts["reports_to_me"] = True
                facts["direct_strength"] = ORG_TIE_STRENGTH
                facts["direct_relation"] = "reports to you"
            elif m.employee_id == mine.manager_employee_id:
                facts["direct_strength"] = ORG_TIE_STRENGTH
                facts["direct_relation"] = "your manager"
            facts["same_team"] = (
                mine.manager_employee_id is not None
                and m.manager_employee_id == mine.manager_employee_id
            )
            if predecessor is not None and m.employee_id == predecessor[0].employee_id:
                facts["predecessor"] = True
                facts["predecessor_certainty"] = 1.0
                facts["predecessor_why"] = predecessor[1]
        if facts:
            view.facts[pid] = facts
    view.people = len(view.members)
    return view


@dataclass(frozen=True, slots=True)
class ChartTie:
    """Your manager or a direct report in your organization's chart: a person id (one of
    your people, or negative for a member who is not), the member and how you know them."""

    person_id: int
    member: DirectoryMember
    ref: str
    relation: str  # "your manager" | "reports to you"


def chart_ties(session: Session, me_person_id: int | None) -> list[ChartTie]:
    """Your manager and your direct reports in the chart of your organization (the one your
    own person is linked to); members who are not your people get ids from -2 down."""
    if me_person_id is None:
        return []
    orgs = reads.workspace_orgs(session)
    link = reads.link_of(session, [me_person_id]).get(me_person_id)
    if link is None or link[0] not in orgs:
        return []
    mine = directory_store.member(session, *link)
    if mine is None:
        return []
    found: list[tuple[DirectoryMember, str]] = []
    if mine.manager_employee_id:
        boss = directory_store.member(session, mine.organization_id, mine.manager_employee_id)
        if boss is not None:
            found.append((boss, "your manager"))
    for report in directory_store.reports(session, mine.organization_id, mine.employee_id):
        found.append((report, "reports to you"))
    linked = reads.linked_people(session, [mine.organization_id])
    out, next_id = [], -2
    for m, relation in found:
        pid = linked.get((m.organization_id, m.employee_id))
        if pid is None:
            pid, next_id = next_id, next_id - 1
        ref = member_ref(orgs[m.organization_id][0], m.employee_id)
        out.append(ChartTie(pid, m, ref, relation))
    return out


def chart_path(
    session: Session,
    me_person_id: int | None,
    target: DirectoryMember,
    ids: dict[str, int] | None = None,
) -> tuple[WarmPath, tuple[str, ...]] | None:
    """The way to a member of your organization's chart through it: up your chain of
    command to the manager you share, then down theirs — at most three people, the last
    being them. Each hop is an org-chart tie ("your manager", "their manager", "direct
    report"); people who are members get the ids `ids` gives their references, else
    negative ids from -1,000,002 down (valid for this answer only).
    None when you are not in their organization's chart or the way is longer."""
    if me_person_id is None:
        return None
    link = reads.link_of(session, [me_person_id]).get(me_person_id)
    if link is None or link[0] != target.organization_id:
        return None
    mine = directory_store.chain(session, link[0], link[1])
    theirs = directory_store.chain(session, target.organization_id, target.employee_id)
    up = [link[1], *(m.employee_id for m in mine)]
    down = [target, *theirs]
    at = {m.employee_id: k for k, m in enumerate(down)}
    for k, emp in enumerate(up):
        if emp not in at:
            continue
        j = at[emp]
        above = mine[:k]  # the managers you go up to, the shared one last (k >= 1)
        below = list(reversed(down[:j]))  # from the shared manager's report to the target
        people = [*above, *below]
        if not people or len(people) > 3:
            return None
        linked = reads.linked_people(session, [target.organization_id])
        hops, names = [], []
        for index, m in enumerate(people):
            pid = linked.get((m.organization_id, m.employee_id))
            if pid is None:
                ref = member_ref(reads.workspace_orgs(session)[m.organization_id][0], m.employee_id)
                pid = (ids or {}).get(ref, -(1_000_002 + index))
            if index < len(above):
                relation = "your manager" if index == 0 else "manager"
            else:
                relation = "direct report"
            hops.append(Hop(pid, ORG_TIE_STRENGTH, relation))
            names.append(m.name)
        return WarmPath(tuple(hops)), tuple(names)
    return None
