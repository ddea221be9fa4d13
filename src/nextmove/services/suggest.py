"""`suggest`, `path`: who to talk to next, and how to reach them.

The database does the narrowing (a prefiltered scan for large networks), the domain does the
weighing (domain/suggest.py). Warm paths are searched from the target's side, two levels of
neighbours deep, and joined with the people you know directly: at most three hops, and only
for the people near the top, so a million-person org chart costs a few small queries.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from nextmove.domain.meetings import MeetingKind
from nextmove.domain.paths import Hop, WarmPath, find_paths
from nextmove.domain.plans import get_plan
from nextmove.domain.predecessor import PastSeat, Seat, find_predecessor
from nextmove.domain.rounds import RoundSlot, plan_round
from nextmove.domain.suggest import (
    DEFAULT_COOLDOWN_DAYS,
    STRENGTH_WORDS,
    Candidate,
    PastRole,
    Suggestion,
    Weights,
    rank_candidates,
    score_candidate,
)
from nextmove.domain.vision import Vision
from nextmove.errors import UserError
from nextmove.services import ranking_cache
from nextmove.services.progress import gc_paused
from nextmove.services.suggest_directory import (
    ChartView,
    chart_path,
    chart_paths,
    chart_size,
    chart_view,
    scored_members,
)
from nextmove.services.workspace import Workspace
from nextmove.store import directory_reads as reads
from nextmove.store import meetings as meetings_repo
from nextmove.store import moves as moves_repo
from nextmove.store import network as network_repo
from nextmove.store import people as people_repo
from nextmove.store import suggest as repo
from nextmove.store import vision as vision_repo
from nextmove.store.directory_ranking import GroupKey, RankingRow

ME = -1  # the user in path search when they have no person record of their own
PREFILTER_ABOVE = 50_000  # below this many people, everyone is scored
PATH_POOL = 40  # how many of the best unconnected people get a warm-path search
INVERSE_RELATION = {"manager": "direct report", "direct report": "manager"}


@dataclass(slots=True)
class SuggestResult:
    suggestions: list[Suggestion]
    people: int  # people in the database
    considered: int  # people the ranking scored
    linked: bool  # the user's own person record is known (org chart places them)
    # The workspace has an org chart to find yourself in: without one (LinkedIn only), the
    # tip to mark your record in it is no use.
    charted: bool = True


def _department_growth(session: Session, organization: str) -> dict[str, float]:
    """Growth per department between the last two org-chart imports of the organization."""
    snaps = network_repo.snapshots(session, organization) if organization else {}
    if len(snaps) < 2:
        return {}
    *_, before, after = (snaps[k] for k in sorted(snaps))
    return {
        dept: (count - before[dept]) / before[dept]
        for dept, count in after.items()
        if before.get(dept)
    }


def _past_roles(session: Session, ids: list[int]) -> dict[int, tuple[PastRole, ...]]:
    raw = repo.past_roles(session, ids)
    if not raw:
        return {}
    from nextmove.services.titles import infer_titles  # loaded only when there is history

    guesses = infer_titles(title for roles in raw.values() for _org, title in roles if title)
    out: dict[int, tuple[PastRole, ...]] = {}
    for pid, roles in raw.items():
        out[pid] = tuple(
            PastRole(
                title=title,
                organization=org,
                function=(g.function if (g := guesses.get(title)) else None),
                level=(g.level if g else None),
            )
            for org, title in roles
        )
    return out


def _my_seat(vision: Vision, my_roles: list[tuple[str, str, date | None, date | None]]) -> Seat:
    """Your seat: title, organization and level from your profile, and when you began it
    (from your own employment history, when it records the start)."""
    started = next(
        (start for _org, title, start, end in my_roles if start and end is None and title),
        None,
    )
    return Seat(vision.me.title, vision.me.organization, vision.me.level, started)


def _candidates(
    session: Session,
    vision: Vision,
    *,
    today: date,
    weights: Weights | None,
    cooldown_days: int,
    keep: int,
) -> tuple[list[Candidate], repo.Me, int, ChartView, int]:
    """Everyone worth ranking, as Candidates: your people (prefiltered when many), the
    members of your org charts the chart knows more of, and of the other members the `keep`
    best (scored once per group of members alike: the rest can rank no higher). Also how
    many people were scored in all."""
    me = repo.load_me(session)
    total = people_repo.count_people(session)
    # Everyone the ranking could read: your people and the members of your org charts (from
    # the snapshots' counts, no scan). A large chart is prefiltered like a large network.
    everyone = total + chart_size(session)
    direct = repo.direct_ties(session, me)
    targets = {s.function for s in vision.steps[:2] if s.function}
    rows = repo.candidate_rows(
        session,
        exclude=me.person_id,
        min_level=vision.me.level,
        target_functions=targets,
        direct_ids=direct.keys(),
        me=me,
        prefilter=everyone > PREFILTER_ABOVE,
    )
    growth = _department_growth(session, vision.me.organization)
    chart = chart_view(
        session,
        me_person_id=me.person_id,
        prefilter=everyone > PREFILTER_ABOVE,
        min_level=vision.me.level,
        functions=targets,
        department_growth=growth,
        by_city=any(s.city for s in vision.steps[:2]),
    )
    ids = [r.id for r in rows if r.id > 0]
    history = _past_roles(session, ids)
    made, made_members = _made_the_move(session, vision, list(history), chart)
    chain = repo.chain_of_command(session, me)
    seats = repo.roles_at(session, vision.me.organization)
    mine = _my_seat(vision, seats.get(me.person_id, []) if me.person_id is not None else [])
    met = repo.last_meetings(session, ids)
    for pid, day in meetings_repo.last_held(session, kind=MeetingKind.RESEARCH).items():
        if pid not in met or met[pid] < day:
            met[pid] = day
    planned = meetings_repo.open_meeting_person_ids(session)
    my_depth, my_org, my_manager = me.org_depth, me.org_key, me.manager_id

    def candidate(row: repo.CandidateRow, facts: dict[str, Any] | None) -> Candidate:
        pid, manager_id = row.id, row.manager_id
        same_chart = my_depth is not None and row.org_depth is not None and row.org_key == my_org
        strength, relation = direct.get(pid, (None, ""))
        reports_to_me = me.person_id is not None and manager_id == me.person_id
        # Exact distance only along one chain of command: your managers above, your reports
        # below. Across branches of the chart, levels come from titles.
        exact_gap = chain.get(pid) if pid in chain else (-1 if reports_to_me else None)
        before = (
            find_predecessor(
                mine,
                title=row.title or "",
                organization=row.organization or "",
                level=row.level,
                history=tuple(PastSeat(*r) for r in seats[pid]),
                today=today,
            )
            if pid in seats
            else None
        )
        fields: dict[str, Any] = {
            "person_id": pid,
            "name": row.name,
            "title": row.title or "",
            "organization": row.organization or "",
            "function": row.function,
            "level": row.level,
            "level_exact": row.level_source in ("orgchart", "user"),
            "level_confidence": row.level_confidence or 0.0,
            "levels_above_me": exact_gap if same_chart else None,
            "industry": row.industry or "",
            "city": row.city or "",
            "history": history.get(pid, ()),
            "offered_help": bool(row.offered_help),
            "navigated_transition": bool(row.navigated_transition),
            "peer": bool(row.peer),
            "same_team": my_manager is not None and manager_id == my_manager,
            "predecessor": before is not None,
            "predecessor_why": before.why if before else "",
            "predecessor_certainty": before.certainty if before else 0.0,
            "reports_to_me": reports_to_me,
            "department": row.department or "",
            "department_growth": growth.get(row.department) if same_chart else None,
            "direct_strength": strength,
            "direct_relation": relation,
            "last_contact": row.last_contact,
            "last_research_meeting": met.get(pid),
            "planned": pid in planned,
            "made_move": made.get(pid, ""),
        }
        if facts:
            fields.update(facts)
        return Candidate(**fields)

    # The plain members: one score per group of members alike (any one of them stands for
    # all), and only the best `keep` of them become candidates. One left out ranks below
    # `keep` others whatever the rest of the ranking: the top `keep` are the same.
    options = {"today": today, "weights": weights, "cooldown_days": cooldown_days}
    best: list[tuple[float, GroupKey]] = []
    for group, size in chart.plain.items():
        if size <= 0:
            continue
        stand_in, facts = chart.entry(0, chart.stand_in(group))
        s = score_candidate(
            vision,
            candidate(repo.CandidateRow._make(stand_in), facts),
            explain=False,
            **options,  # type: ignore[arg-type]
        )
        if s is not None:
            best.append((s.score, group))
    best.sort(key=lambda g: -g[0])
    cut, count = 0.0, 0
    for score, group in best:
        if count >= keep and score < cut:
            break
        cut, count = score, count + chart.plain[group]
    chosen = {group: score for score, group in best if count and score >= cut}
    shortlist = chart.shortlist(session, list(chosen), keep)
    # In the ranking's order: score, then name, then the later member first (the smaller id).
    shortlist.sort(key=lambda r: (r.organization_id, r.employee_id), reverse=True)
    shortlist.sort(key=lambda r: (-chosen[chart.group_of(r)], r.name))
    for row in shortlist[:keep]:
        chart.admit(row)
    chart.number()
    made.update({chart.ids[key]: text for key, text in made_members.items() if key in chart.ids})
    candidates = [candidate(r, chart.facts.get(r.id)) for r in rows]
    # Members of the org charts, read as the same named rows as your people.
    candidates += [candidate(repo.CandidateRow._make(r), chart.facts.get(r[0])) for r in chart.rows]
    scored = len(candidates) + sum(size for size in chart.plain.values() if size > 0)
    return candidates, me, total + chart.people, chart, scored


def _made_the_move(
    session: Session, vision: Vision, ids: list[int], chart: ChartView
) -> tuple[dict[int, str], dict[tuple[int, str], str]]:
    """Who among these people and the members the ranking scores made the move you want —
    from a role like yours to one like your next step — as "Data Scientist → Product
    Manager, 2021" (docs/moves.md); from their recorded histories and from the org charts'
    imports. Members (who are admitted to the ranking) by organization id and employee id."""
    step = vision.next_step
    if step is None or not vision.me.title.strip() or not step.title.strip():
        return {}, {}
    from nextmove.services.moves import made_the_move  # loaded only when there is history
    from nextmove.services.moves_directory import chart_careers

    careers = moves_repo.careers(session, ids) if ids else []
    keys: dict[int, tuple[int, str]] = {}
    scored: dict[tuple[int, str], RankingRow] = {}
    if chart.chart is not None:
        charted = chart_careers(session, keys=keys)
        # Members' careers count only for members the ranking scores (the filter's).
        scored = scored_members(session, chart, keys.values())
        careers += [c for c in charted if c.person_id not in keys or keys[c.person_id] in scored]
    made = made_the_move(careers, vision) if careers else {}
    members = {keys[pid]: text for pid, text in made.items() if pid in keys}
    for key in members:  # a career to tell: scored one by one
        chart.admit(scored[key])
    return {pid: text for pid, text in made.items() if pid not in keys}, members


def path_finder(
    session: Session, me: repo.Me, direct: dict[int, tuple[int, str]], targets: list[int]
):  # type: ignore[no-untyped-def]
    """Fetch what warm paths to `targets` need, then return a function target -> paths."""
    first = repo.neighbours(session, targets)
    second_ids = {other for t in targets for other, _s, _r in first.get(t, ())}
    second = repo.neighbours(session, second_ids - set(targets))
    edges: dict[tuple[int, int], tuple[int, str]] = {}

    def link(a: int, b: int, strength: int, relation: str) -> None:
        """b is a's `relation`; keep the strongest tie per ordered pair."""
        if (a, b) not in edges or edges[(a, b)][0] < strength:
            edges[(a, b)] = (strength, relation)

    relevant: set[int] = set(targets) | second_ids
    for source in (first, second):
        for pid, found in source.items():
            for other, strength, relation in found:
                link(pid, other, strength, relation)
                link(other, pid, strength, INVERSE_RELATION.get(relation, relation))
                relevant.add(other)
    ties: dict[int, list[Hop]] = {}
    for (a, b), (strength, relation) in edges.items():
        ties.setdefault(a, []).append(Hop(b, strength, relation))
    start = me.person_id if me.person_id is not None else ME
    ties[start] = [Hop(pid, s, how) for pid, (s, how) in direct.items() if pid in relevant]
    names = people_repo.names_of(session, relevant)

    def paths(target: int, limit: int = 3) -> tuple[list[WarmPath], dict[int, str]]:
        return find_paths(start, target, ties, max_hops=3, limit=limit), names

    return paths


def describe_path(path: WarmPath, names: dict[int, str]) -> tuple[str, ...]:
    """Names along a path, each but the last with how you reach them: 'Ana (your manager,
    strong)'."""
    out = []
    for index, hop in enumerate(path.hops):
        name = names.get(hop.person_id, f"#{hop.person_id}")
        if index < len(path.hops) - 1 or len(path.hops) == 1:
            relation = hop.relation
            if index > 0 and relation in INVERSE_RELATION:
                relation = f"their {relation}"
            name += f" ({relation}, {STRENGTH_WORDS.get(hop.strength, 'some')})"
        out.append(name)
    return tuple(out)


def _describe_names(path: WarmPath, names: tuple[str, ...]) -> tuple[str, ...]:
    """describe_path for a path whose people are named in order (members have no ids)."""
    return describe_path(
        path, {hop.person_id: name for hop, name in zip(path.hops, names, strict=True)}
    )


def suggest_people(
    db: Workspace,
    *,
    today: date,
    limit: int = 10,
    weights: Weights | None = None,
    cooldown_days: int = DEFAULT_COOLDOWN_DAYS,
    exclude: set[int] | None = None,
    plan: str | None = None,
) -> SuggestResult:
    """The best people to meet next, each with a score, reasons and a path where needed;
    aimed at the main plan, or at the plan named `plan`."""
    if limit < 1:
        raise UserError("must be at least 1", field="limit")
    question = (
        "suggest",
        today,
        limit,
        weights,
        cooldown_days,
        frozenset(exclude or ()),
        plan,
    )
    with db.session() as session:
        found = ranking_cache.kept(
            session,
            db,
            question,
            lambda: _suggest(
                session,
                today=today,
                limit=limit,
                weights=weights,
                cooldown_days=cooldown_days,
                exclude=exclude,
                plan=plan,
            ),
        )
    # A list of its own for the caller; the suggestions themselves are not changed by anyone.
    return replace(found, suggestions=list(found.suggestions))


def _suggest(
    session: Session,
    *,
    today: date,
    limit: int,
    weights: Weights | None,
    cooldown_days: int,
    exclude: set[int] | None,
    plan: str | None,
) -> SuggestResult:
    vision = vision_repo.load_vision(session)
    # Your title read where you set no level or function (the reference loads only then).
    from nextmove.services.titles import read_position

    vision.me = read_position(vision.me)
    if plan is not None:
        vision = vision.following(get_plan(vision, plan))
    with gc_paused():
        candidates, me, total, chart, scored = _candidates(
            session,
            vision,
            today=today,
            weights=weights,
            cooldown_days=cooldown_days,
            keep=max(limit * 3, PATH_POOL) + limit,
        )
    if exclude:
        candidates = [c for c in candidates if c.person_id not in exclude]
    options = {"today": today, "weights": weights, "cooldown_days": cooldown_days}
    ranked = rank_candidates(vision, candidates, explain=False, **options)  # type: ignore[arg-type]
    pool = [s for s in ranked[: max(limit * 3, PATH_POOL)] if not s.candidate.direct_strength]
    if pool:
        direct = repo.direct_ties(session, me)
        finder = path_finder(session, me, direct, [s.candidate.person_id for s in pool])
        rescored: dict[int, Suggestion] = {}
        chart_ids = {c.member_ref: c.person_id for c in candidates if c.member_ref}
        # Members of your chart: the way through it (your chain of command), for all of
        # the pool at once.
        pool_members = chart.load_members(session, (s.candidate.person_id for s in pool))
        through_chart = chart_paths(session, me.person_id, list(pool_members.values()), chart_ids)
        for s in pool:
            found, names = finder(s.candidate.person_id, 1)
            described = describe_path(found[0], names) if found else ()
            member = pool_members.get(s.candidate.person_id)
            if not found and member is not None:
                through = through_chart.get((member.organization_id, member.employee_id))
                if through is not None:
                    found, described = [through[0]], _describe_names(*through)
            if found:
                c = replace(s.candidate, path=found[0], path_names=described)
                better = score_candidate(vision, c, explain=False, **options)  # type: ignore[arg-type]
                if better is not None:
                    rescored[c.person_id] = better
        ranked = [rescored.get(s.candidate.person_id, s) for s in ranked]
        ranked.sort(key=lambda s: (-s.score, s.candidate.name, s.candidate.person_id))
    explained = [
        score_candidate(vision, s.candidate, **options) or s  # type: ignore[arg-type]
        for s in ranked[:limit]
    ]
    charted = me.person_id is not None or bool(reads.workspace_orgs(session))
    return SuggestResult(explained, total, scored, me.person_id is not None, charted)


@dataclass(slots=True)
class PathResult:
    person_id: int
    name: str
    direct: tuple[int, str] | None  # (strength, how) when you know them directly
    paths: list[WarmPath]
    described: list[tuple[str, ...]]


def warm_paths(db: Workspace, ref: str, *, limit: int = 3) -> PathResult:
    """The best warm-introduction paths to a person, up to three hops."""
    # Loaded here, not at start-up: `suggest` needs neither.
    from nextmove.services import members
    from nextmove.services.meetings import resolve_person

    with db.session() as session:
        member = members.unlinked_member(session, ref)
        if member is not None:
            # A member of your org chart: the way through the chart, nothing stored.
            me = repo.load_me(session)
            found_path = chart_path(session, me.person_id, member)
            if found_path is None:
                return PathResult(0, member.name, None, [], [])
            way, names = found_path
            return PathResult(0, member.name, None, [way], [_describe_names(way, names)])
        target = resolve_person(session, ref, act=False).id
        assert target is not None
        me = repo.load_me(session)
        if target == me.person_id:
            raise UserError("that is you", hint="Name someone else.")
        direct = repo.direct_ties(session, me)
        finder = path_finder(session, me, direct, [target])
        found, names = finder(target, limit + 1)
        found = [p for p in found if p.length > 1][:limit]  # the direct tie is reported apart
        name = people_repo.names_of(session, [target]).get(target, "")
    return PathResult(
        target, name, direct.get(target), found, [describe_path(p, names) for p in found]
    )


@dataclass(slots=True)
class RoundPlan:
    slots: list[RoundSlot]
    round_id: int | None  # None for a dry run


def plan_research_round(
    db: Workspace,
    *,
    today: date,
    size: int = 6,
    weeks: int = 3,
    weights: Weights | None = None,
    cooldown_days: int = DEFAULT_COOLDOWN_DAYS,
    save: bool = True,
    plan: str | None = None,
) -> RoundPlan:
    """Plan a round of informational interviews from the suggestions: diverse (domain/rounds),
    paced over the weeks, and saved as meeting ideas of a new round (unless a dry run)."""
    if not 1 <= size <= 30:
        raise UserError("must be between 1 and 30", field="size")
    if not 1 <= weeks <= 12:
        raise UserError("must be between 1 and 12", field="weeks")
    ranked = suggest_people(
        db,
        today=today,
        limit=size * 5,
        weights=weights,
        cooldown_days=cooldown_days,
        plan=plan,
    ).suggestions
    if not ranked:
        raise UserError(
            "no one to plan a round with yet",
            hint="Import your network first (`nextmove import linkedin FILE`, …).",
        )
    slots = plan_round(ranked, size=size, weeks=weeks, start=today)
    round_id = None
    if save:
        from nextmove.services import meeting_rounds  # loaded only when a round is saved

        round_id = meeting_rounds.save_round(
            db,
            [
                (
                    s.suggestion.candidate.member_ref or s.suggestion.candidate.person_id,
                    s.week,
                    s.reach_out_by,
                    "; ".join([s.why_chosen, *(r.text for r in s.suggestion.reasons[:2])]),
                )
                for s in slots
            ],
            today=today,
            size=size,
            weeks=weeks,
            plan=plan,
        )
    return RoundPlan(slots, round_id)
