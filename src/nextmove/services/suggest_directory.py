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

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy.orm import Session

from nextmove.domain.paths import Hop, WarmPath
from nextmove.services.members import member_ref
from nextmove.services.ranking_cache import Kept
from nextmove.store import directory as directory_store
from nextmove.store import directory_ranking as ranking
from nextmove.store import directory_reads as reads
from nextmove.store.directory import DirectoryMember, Holder
from nextmove.store.directory_ranking import GroupKey, RankingGroup, RankingRow
from nextmove.store.ids import workspace_of

ORG_TIE_STRENGTH = 4  # as store.suggest: a manager or a direct report
MEMBER_LEVEL_CONFIDENCE = 0.8  # a level read from a chart's title
# Up to this many members pass the ranking's filter: they are read at once (one pass) rather
# than counted per group in the database and read again for the shortlist (two).
READ_AT_ONCE = 20_000


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


Key = tuple[int, str]  # a member: organization id, employee id


@dataclass(slots=True)
class ChartView:
    """The members of the workspace's org charts as the ranking sees them. Members the chart
    knows more of than their columns are read one by one (`admitted`); the others stay in the
    database, counted per group of members alike (`plain`), and only the first members of
    the best groups are ever read (`shortlist`)."""

    rows: list[tuple[Any, ...]] = field(default_factory=list)  # candidate rows of members
    facts: dict[int, dict[str, Any]] = field(default_factory=dict)  # id -> Candidate fields
    members: dict[int, Key] = field(default_factory=dict)  # negative id -> member
    ids: dict[Key, int] = field(default_factory=dict)  # admitted member -> id
    # Members scored one by one, not numbered yet (`number`).
    admitted: dict[Key, RankingRow] = field(default_factory=dict)
    # Members the ranking knows apart (you, your people, the admitted): never plain.
    known: set[Key] = field(default_factory=set)
    # The members the ranking knows nothing more of than their columns: how many per group
    # of members alike, and the smallest depth among them.
    plain: dict[GroupKey, int] = field(default_factory=dict)
    depth: dict[GroupKey, int] = field(default_factory=dict)
    total: dict[GroupKey, int] = field(default_factory=dict)  # before any was set apart
    where: Any = None  # the ranking's filter (store.directory_ranking.ranking_filter)
    held: list[RankingRow] | None = None  # every member it lets through, when few do
    packed: dict[GroupKey, RankingGroup] = field(default_factory=dict)  # SQLite's groups
    by_city: bool = False
    people: int = 0  # members who are not your people
    chart: _Chart | None = None

    def group_of(self, row: RankingRow) -> GroupKey:
        return (
            row.organization_id,
            row.title,
            row.level,
            row.function,
            row.department,
            row.city if self.by_city else "",
        )

    def set_apart(self, row: RankingRow) -> bool:
        """Count a member the ranking reads one by one out of their group; False when they
        already were."""
        key = (row.organization_id, row.employee_id)
        if key in self.known:
            return False
        self.known.add(key)
        group = self.group_of(row)
        self.plain[group] = self.plain.get(group, 0) - 1
        return True

    def admit(self, row: RankingRow) -> None:
        """A member becomes one of the rows, scored one by one."""
        self.set_apart(row)
        self.admitted.setdefault((row.organization_id, row.employee_id), row)

    def stand_in(self, group: GroupKey) -> RankingRow:
        """Any member of a plain group, as far as a score can tell."""
        org_id, title, level, function, department, city = group
        return RankingRow(org_id, "", "", title, level, function, department, None, city,
                          self.depth.get(group, 0))  # fmt: skip

    def shortlist(
        self, session: Session, groups: list[GroupKey], per_group: int
    ) -> list[RankingRow]:
        """The first `per_group` plain members of each of these groups, in the ranking's
        order among members alike (by name, then the later employee id first)."""
        held = self.held
        if held is None and self.packed:  # SQLite: the groups' members came packed
            held = []
            for group in groups:
                members = ranking.unpack(self.packed[group]) if group in self.packed else None
                if members is None:
                    held = None
                    break
                held += members
        if held is not None:  # the members of these groups are at hand
            wanted = set(groups)
            first: dict[GroupKey, list[RankingRow]] = {}
            for r in sorted(held, key=lambda r: (r.organization_id, r.employee_id)):
                if (r.organization_id, r.employee_id) not in self.known:
                    group = self.group_of(r)
                    if group in wanted:
                        first.setdefault(group, []).append(r)
            out: list[RankingRow] = []
            for members in first.values():
                members.reverse()  # the later employee id first, then (stable) by name
                members.sort(key=lambda r: r.name)
                out += members[:per_group]
            return out
        # Members set apart may sit among the first of a group: read as many more.
        extra = max((self.total.get(g, 0) - self.plain.get(g, 0) for g in groups), default=0)
        rows = ranking.ranking_group_members(
            session, self.where, groups, by_city=self.by_city, per_group=per_group + extra
        )
        return [r for r in rows if (r.organization_id, r.employee_id) not in self.known]

    def number(self) -> None:
        """Give the admitted members their ids, in the order of the chart's key (ties in the
        ranking go to the smaller id), and make them rows."""
        next_id = -2 - len(self.ids)
        for key in sorted(self.admitted.keys() - self.ids.keys()):
            row = self.admitted[key]
            candidate_row, self.facts[next_id] = self.entry(next_id, row)
            self.rows.append(candidate_row)
            self.members[next_id] = key
            self.ids[key] = next_id
            next_id -= 1

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
    the ranking can place high). Members the chart knows more of (your chain, your team,
    your predecessor, a team that grew) are read by key and admitted with their facts; the
    others are counted in the database per group of members alike (`by_city`: the city
    counts, as when a step of your plan names one) and stay there until `shortlist`."""
    view = ChartView(by_city=by_city)
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
    view.where = ranking.ranking_filter(
        orgs,
        prefilter=prefilter,
        min_level=min_level,
        functions=functions,
        above_depth={mine.organization_id: mine.depth} if mine is not None else {},
        wanted=wanted,
    )
    # Few members pass the filter (a chart of modest size, or you sit high): one read of
    # them all. Many: the database counts them per group, and only the shortlist is read.
    read = _directory_read(
        session,
        view,
        orgs,
        (min_level, frozenset(functions), tuple(sorted(wanted)), mine.depth if mine else None)
        if prefilter
        else None,
    )
    view.held = read if not read or isinstance(read[0], RankingRow) else None
    if view.held is not None:
        for row in view.held:
            group = view.group_of(row)
            view.total[group] = view.total.get(group, 0) + 1
            view.depth[group] = min(view.depth.get(group, row.depth), row.depth)
        view.plain = dict(view.total)
    else:
        for found_group in cast(list[RankingGroup], read):
            view.plain[found_group.key] = view.total[found_group.key] = found_group.members
            view.depth[found_group.key] = found_group.depth
            if found_group.packed is not None:
                view.packed[found_group.key] = found_group
    # Members the chart knows more of than their columns: a team that grew, or a place next
    # to you (your chain, your manager, your reports, your team, your seat); and you and
    # your people, who are not members to suggest.
    keys: set[tuple[int, str]] = set(linked)
    keys |= {(org, emp) for org, teams in growth.items() for emp in teams}
    team: list[str] = []
    if mine is not None:
        my_org = mine.organization_id
        keys |= {(my_org, emp) for emp in chain}
        keys.add((my_org, mine.employee_id))
        if mine.manager_employee_id is not None:
            keys.add((my_org, mine.manager_employee_id))
            team.append(mine.manager_employee_id)
        team.append(mine.employee_id)
        if predecessor is not None:
            keys.add((my_org, predecessor[0].employee_id))
    me_key = (mine.organization_id, mine.employee_id) if mine is not None else None
    found = ranking.ranking_rows_of(session, view.where, keys)
    if mine is not None:
        found += ranking.ranking_team_of(session, view.where, mine.organization_id, team)
    passed = 0  # members read who are neither you nor your people
    for row in sorted(found):
        key = (row.organization_id, row.employee_id)
        if not view.set_apart(row):
            continue  # read twice (by key and as one of a team)
        pid = linked.get(key)
        if key == me_key:
            continue
        if pid is None:
            view.admitted[key] = row
            passed += 1
        elif pid != me_person_id:
            facts = place.facts(row)
            if facts:
                view.facts[pid] = facts
    passed += sum(view.plain.values())
    view.people = passed
    if prefilter:  # the members not read are people too
        counts = directory_store.member_counts(session, list(orgs))
        view.people = max(view.people, sum(counts.values()) - len(linked))
    return view


# The directory's rows a ranking reads, kept between rankings: they are the same for every
# workspace of a program that asks the same (the directory is shared; nothing of a
# workspace is in them), and change only with a new snapshot. A few reads of at most
# KEPT_ROWS members each (the members at once, or their groups with SQLite's packing).
KEPT_READS = 2
KEPT_ROWS = 100_000
DIRECTORY_READS: Kept[list[Any]] = Kept(KEPT_READS)


def _directory_read(
    session: Session, view: ChartView, orgs: dict[int, tuple[str, str]], filtered: Any
) -> list[Any]:
    """The members the ranking's filter lets through when few do (RankingRows), else their
    groups (RankingGroups); kept by the organizations' current snapshots and what the filter
    depends on (`filtered`: None when everyone passes)."""
    snapshots = tuple(
        pair
        for pair in directory_store.snapshots_of(session, workspace_of(session))
        if pair[0] in orgs
    )
    key = (session.info.get("database"), snapshots, filtered, view.by_city)
    found = DIRECTORY_READS.get(key)
    if found is not None:
        return found
    rows: list[Any] | None = ranking.ranking_rows_upto(session, view.where, READ_AT_ONCE)
    if rows is None:
        rows = ranking.ranking_groups(session, view.where, by_city=view.by_city)
        size = sum(g.members for g in rows)
    else:
        size = len(rows)
    if (
        size <= KEPT_ROWS
        and len(snapshots) == len(orgs)
        and all(snap is not None for _org, snap in snapshots)
    ):
        DIRECTORY_READS.put(key, rows)
    return rows


def scored_members(session: Session, view: ChartView, keys: Iterable[Key]) -> dict[Key, RankingRow]:
    """Those of these members the ranking scores: the ones its filter lets through who are
    neither you nor your people."""
    if view.where is None:
        return {}
    return {
        (r.organization_id, r.employee_id): r
        for r in ranking.ranking_rows_of(session, view.where, keys)
        if (r.organization_id, r.employee_id) in view.admitted
        or (r.organization_id, r.employee_id) not in view.known
    }


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
