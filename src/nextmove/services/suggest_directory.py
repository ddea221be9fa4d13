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

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from nextmove.domain.paths import Hop, WarmPath
from nextmove.services.members import member_ref
from nextmove.services.ranking_cache import Kept
from nextmove.store import directory as directory_store
from nextmove.store import directory_reads as reads
from nextmove.store.directory import DirectoryMember, Holder
from nextmove.store.ids import workspace_of

ORG_TIE_STRENGTH = 4  # as store.suggest: a manager or a direct report
MEMBER_LEVEL_CONFIDENCE = 0.8  # a level read from a chart's title


# A plain member's score depends on these of their columns only (with their organization's
# facts): members alike in them are scored once (services/suggest.py).
GroupKey = tuple[int, str, int | None, str | None, str, str]


@dataclass(slots=True)
class _Chart:
    """What placing a member in your organization's chart needs: the workspace's
    organizations, your own entry, your chain of command, your predecessor, and the teams
    that grew."""

    orgs: dict[int, tuple[str, str]]
    mine: DirectoryMember | None
    chain: dict[str, int]
    predecessor: tuple[Holder, str] | None
    growth: dict[int, dict[str, tuple[int, int]]]
    department_growth: dict[str, float]

    def facts(self, m: Any) -> dict[str, Any]:
        """The Candidate fields the chart sets for this member (linked to a person or not;
        `m` a row of RANKING_COLUMNS or a DirectoryMember)."""
        facts: dict[str, Any] = {}
        grew = self.growth.get(m.organization_id, {}).get(m.employee_id)
        if grew is not None:
            facts["team_growth"] = grew
        mine = self.mine
        if mine is not None and m.organization_id == mine.organization_id:
            facts["department"] = m.department
            facts["department_growth"] = self.department_growth.get(m.department)
            if m.employee_id in self.chain:
                facts["levels_above_me"] = self.chain[m.employee_id]
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
            if self.predecessor is not None and m.employee_id == self.predecessor[0].employee_id:
                facts["predecessor"] = True
                facts["predecessor_certainty"] = 1.0
                facts["predecessor_why"] = self.predecessor[1]
        return facts


@dataclass(slots=True)
class ChartView:
    rows: list[tuple[Any, ...]] = field(default_factory=list)  # candidate rows of members
    facts: dict[int, dict[str, Any]] = field(default_factory=dict)  # id -> Candidate fields
    members: dict[int, tuple[int, str]] = field(default_factory=dict)  # negative id -> member
    # Members the chart knows nothing more of than their columns, alike per GroupKey: (id,
    # row of RANKING_COLUMNS). Scored once per group; `admit` makes one a row.
    plain: dict[GroupKey, list[tuple[int, Any]]] = field(default_factory=dict)
    ids: dict[tuple[int, str], int] = field(default_factory=dict)  # every member read -> id
    people: int = 0  # members who are not your people
    chart: _Chart | None = None

    def entry(self, pid: int, row: Any) -> tuple[tuple[Any, ...], dict[str, Any]]:
        """A member (not one of your people; a row of RANKING_COLUMNS) as the ranking
        reads them: their candidate row and the chart's facts."""
        assert self.chart is not None
        key, name = self.chart.orgs[row.organization_id]
        level = row.level
        candidate_row = (
            pid,
            row.name,
            row.title,
            name,
            key,
            row.department,
            row.function,
            level,
            "inferred" if level is not None else None,
            MEMBER_LEVEL_CONFIDENCE if level is not None else 0.0,
            "",
            row.city,
            False,
            False,
            False,
            None,
            row.depth,
            None,
        )
        facts = {
            "member_ref": member_ref(key, row.employee_id),
            "source_org": name,
            **self.chart.facts(row),
        }
        return candidate_row, facts

    def admit(self, pid: int, row: Any) -> None:
        """A member becomes one of the rows, scored one by one."""
        candidate_row, self.facts[pid] = self.entry(pid, row)
        self.rows.append(candidate_row)
        self.members[pid] = (row.organization_id, row.employee_id)

    def take_plain(self, pids: set[int]) -> list[tuple[int, Any]]:
        """Remove these members from the plain groups (the ranking knows more of them)."""
        taken: list[tuple[int, Any]] = []
        if not pids:
            return taken
        for key in list(self.plain):
            group = self.plain[key]
            kept = [entry for entry in group if entry[0] not in pids]
            if len(kept) < len(group):
                taken += [entry for entry in group if entry[0] in pids]
                if kept:
                    self.plain[key] = kept
                else:
                    del self.plain[key]
        return taken

    def load_members(self, session: Session, pids: Iterable[int]) -> dict[int, DirectoryMember]:
        """These members (negative ids of this view) as the chart has them now."""
        by_org: dict[int, dict[str, int]] = {}
        for pid in pids:
            if pid in self.members:
                org_id, employee_id = self.members[pid]
                by_org.setdefault(org_id, {})[employee_id] = pid
        out: dict[int, DirectoryMember] = {}
        for org_id, wanted in by_org.items():
            for emp, m in directory_store.members_by_id(session, org_id, wanted).items():
                out[wanted[emp]] = m
        return out


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
    # You are in the seat since your first version in it; a predecessor left it by then (a
    # colleague who held the same title beside you, and moved on, is not one).
    mine = [h.since for h in holders if h.employee_id == me.employee_id]
    began = min(mine) if mine else None
    earlier = [
        h
        for h in holders
        if h.employee_id != me.employee_id
        and not h.current
        and h.until is not None
        and (began is None or h.until <= began)
    ]
    if not earlier:
        return None
    held = earlier[0]
    boss = (
        directory_store.member(session, me.organization_id, me.manager_employee_id)
        if me.manager_employee_id
        else None
    )
    under = f" under {boss.name}" if boss is not None else ""
    until = f", until the org chart of {held.until:%-d %b %Y}" if held.until else ""
    return held, f"held your role before you ({held.title}{under}{until})"


def chart_view(
    session: Session,
    *,
    me_person_id: int | None,
    prefilter: bool,
    min_level: int | None,
    functions: set[str],
    department_growth: dict[str, float],
    by_city: bool = False,
) -> ChartView:
    """The members of the workspace's organizations worth scoring (with `prefilter`, those
    the ranking can place high), read in one pass of the columns the ranking needs. Members
    the chart knows more of (your chain, your team, your predecessor, a team that grew) come
    as rows with their facts; the others as plain groups of members alike (`by_city`: the
    city counts, as when a step of your plan names one)."""
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
    view.chart = place = _Chart(orgs, mine, chain, predecessor, growth, department_growth)
    # Members the chart knows more of than their columns: a team that grew, or a place next
    # to you (your chain, your manager, your reports, your team, your seat).
    grew = {(org, emp) for org, teams in growth.items() for emp in teams}
    my_org = mine.organization_id if mine is not None else None
    near_emps: set[str | None] = set(chain)
    near_managers: set[str | None] = set()
    if mine is not None:
        near_emps.add(mine.manager_employee_id)
        near_managers.add(mine.employee_id)
        if mine.manager_employee_id is not None:
            near_managers.add(mine.manager_employee_id)
        if predecessor is not None:
            near_emps.add(predecessor[0].employee_id)
    me_key = (mine.organization_id, mine.employee_id) if mine is not None else None
    next_id = -2
    plain, ids = view.plain, view.ids
    for row in _ranking_members(
        session,
        orgs,
        prefilter=prefilter,
        min_level=min_level,
        functions=functions,
        above_depth={mine.organization_id: mine.depth} if mine is not None else {},
        wanted=wanted,
    ):
        # row: organization_id, employee_id, name, title, level, function, department,
        # manager_employee_id, city, depth (reads.RANKING_COLUMNS)
        key = (row[0], row[1])
        if key == me_key:
            continue
        pid = linked.get(key)
        if pid is None:
            pid = next_id
            next_id -= 1
            ids[key] = pid
            if key in grew or (
                row[0] == my_org and (row[1] in near_emps or row[7] in near_managers)
            ):
                view.admit(pid, row)
            else:
                group = (row[0], row[3], row[4], row[5], row[6], row[8] if by_city else "")
                if group in plain:
                    plain[group].append((pid, row))
                else:
                    plain[group] = [(pid, row)]
        elif pid != me_person_id:
            facts = place.facts(row)
            if facts:
                view.facts[pid] = facts
    view.people = len(view.ids)
    if prefilter:  # the members not read are people too
        counts = directory_store.member_counts(session, list(orgs))
        view.people = max(view.people, sum(counts.values()) - len(linked))
    return view


# The directory's rows a ranking reads, kept between rankings: they are the same for every
# workspace of a program that asks the same (the directory is shared; nothing of a
# workspace is in them), and change only with a new snapshot. A few reads of at most
# KEPT_ROWS rows each (a read of 100,000 rows is some 20 MB).
KEPT_READS = 2
KEPT_ROWS = 100_000
DIRECTORY_READS: Kept[list[Any]] = Kept(KEPT_READS)


def _ranking_members(
    session: Session,
    orgs: dict[int, tuple[str, str]],
    *,
    prefilter: bool,
    min_level: int | None,
    functions: set[str],
    above_depth: dict[int, int],
    wanted: list[tuple[int, str]],
) -> Iterable[Any]:
    """reads.ranking_members, kept by the organizations' current snapshots and what the read
    depends on (without `prefilter` the read is everyone, whatever the rest)."""
    snapshots = tuple(
        pair
        for pair in directory_store.snapshots_of(session, workspace_of(session))
        if pair[0] in orgs
    )
    key = (
        session.info.get("database"),
        snapshots,
        prefilter,
        (min_level, frozenset(functions), tuple(sorted(above_depth.items())), tuple(wanted))
        if prefilter
        else None,
    )
    found = DIRECTORY_READS.get(key)
    if found is not None:
        return found
    rows = reads.ranking_members(
        session,
        orgs,
        prefilter=prefilter,
        min_level=min_level,
        functions=functions,
        above_depth=above_depth,
        wanted=wanted,
    )
    kept: list[Any] = []
    for row in rows:
        kept.append(row)
        if len(kept) > KEPT_ROWS:  # too many to keep: read on, keep nothing
            return itertools.chain(kept, rows)
    if len(snapshots) == len(orgs) and all(snap is not None for _org, snap in snapshots):
        DIRECTORY_READS.put(key, kept)
    return kept


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


MAX_WAY = 3  # people on a way through the chart (services/suggest.py searches three hops)


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
    return chart_paths(session, me_person_id, [target], ids).get(
        (target.organization_id, target.employee_id)
    )


def _managers(
    session: Session, org_id: int, starts: list[DirectoryMember], hops: int
) -> dict[str, list[DirectoryMember]]:
    """employee id -> their managers, the direct one first, at most `hops` of them: one
    read per level for all of `starts` at once."""
    above: dict[str, list[DirectoryMember]] = {m.employee_id: [] for m in starts}
    tip = {m.employee_id: m for m in starts}  # whose manager to read next, per start
    for _ in range(hops):
        wanted = {m.manager_employee_id for m in tip.values() if m.manager_employee_id}
        if not wanted:
            break
        found = directory_store.members_by_id(session, org_id, wanted)
        nxt = {}
        for emp, m in tip.items():
            boss = found.get(m.manager_employee_id or "")
            if boss is not None and boss.employee_id != emp and boss not in above[emp]:
                above[emp].append(boss)
                nxt[emp] = boss
        tip = nxt
    return above


def chart_paths(
    session: Session,
    me_person_id: int | None,
    targets: list[DirectoryMember],
    ids: dict[str, int] | None = None,
) -> dict[tuple[int, str], tuple[WarmPath, tuple[str, ...]]]:
    """`chart_path` for many members at once: (organization id, employee id) -> the way to
    that member, for those who have one. A few reads in all, whatever the number of
    targets: a way has at most three people, so only three managers above you and above
    each target matter (the first manager you share is the same in the whole chains)."""
    if me_person_id is None or not targets:
        return {}
    link = reads.link_of(session, [me_person_id]).get(me_person_id)
    if link is None:
        return {}
    org_id, my_emp = link
    mine_member = directory_store.member(session, org_id, my_emp)
    if mine_member is None:
        return {}
    inside = [t for t in targets if t.organization_id == org_id]
    if not inside:
        return {}
    mine = _managers(session, org_id, [mine_member], MAX_WAY)[my_emp]
    theirs = _managers(session, org_id, inside, MAX_WAY)
    linked = reads.linked_people(session, [org_id])
    org_key = reads.workspace_orgs(session).get(org_id, (str(org_id), ""))[0]
    up = [my_emp, *(m.employee_id for m in mine)]
    out: dict[tuple[int, str], tuple[WarmPath, tuple[str, ...]]] = {}
    for target in inside:
        down = [target, *theirs.get(target.employee_id, [])]
        at = {m.employee_id: k for k, m in enumerate(down)}
        k = next((k for k, emp in enumerate(up) if emp in at), None)
        if k is None:
            continue  # the shared manager is further up than a way reaches
        above = mine[:k]  # the managers you go up to, the shared one last (k >= 1)
        below = list(reversed(down[: at[up[k]]]))  # from the shared manager's report down
        people = [*above, *below]
        if not people or len(people) > MAX_WAY:
            continue
        hops, names = [], []
        for index, m in enumerate(people):
            pid = linked.get((m.organization_id, m.employee_id))
            if pid is None:
                pid = (ids or {}).get(member_ref(org_key, m.employee_id), -(1_000_002 + index))
            if index < len(above):
                relation = "your manager" if index == 0 else "manager"
            else:
                relation = "direct report"
            hops.append(Hop(pid, ORG_TIE_STRENGTH, relation))
            names.append(m.name)
        out[(target.organization_id, target.employee_id)] = (WarmPath(tuple(hops)), tuple(names))
    return out
