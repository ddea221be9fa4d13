"""Who to talk to next: an explained score for each person you could meet.

Pure. The service gathers, for each candidate, the facts below (from the org chart, titles,
history, ties, interactions and meetings) and this module weighs them. Every factor is a
number in [0, 1] (or a penalty) times a transparent weight from `Weights`; each suggestion
keeps its contributions so the explanation is exactly the arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import lru_cache

from nextmove.domain.advisors import EXECUTIVE_AT_LEAST, outside_role
from nextmove.domain.functions import FUNCTIONS
from nextmove.domain.levels import layers_between, level_label
from nextmove.domain.paths import MAX_STRENGTH, WarmPath
from nextmove.domain.vision import Position, RoleOutline, Vision

MANAGER_RANK = 5
STRENGTH_WORDS = {1: "weak", 2: "light", 3: "good", 4: "strong", 5: "very strong"}
DEFAULT_COOLDOWN_DAYS = 120
# How much an outside role counts as seniority for an executive (less for anyone else).
OUTSIDE_FACTOR = {"board": 1.0, "operating-partner": 0.9, "search": 0.8, "advisor": 0.6}


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each factor counts. Adjustable in config.toml under [suggest.weights]."""

    level_gap: float = 3.0
    target_role: float = 2.5
    held_target_role: float = 1.5
    predecessor: float = 2.5
    moved_like_you: float = 2.0
    target_function_leader: float = 1.0
    growing_team: float = 1.0
    offered_help: float = 2.0
    navigated_transition: float = 1.5
    reachability: float = 2.0
    peer_penalty: float = 2.0
    recently_contacted_penalty: float = 0.5

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


@dataclass(frozen=True, slots=True)
class PastRole:
    title: str = ""
    organization: str = ""
    function: str | None = None
    level: int | None = None


@dataclass(slots=True)
class Candidate:
    """What nextmove knows about one person, as the ranking needs it."""

    person_id: int
    name: str
    title: str = ""
    organization: str = ""
    function: str | None = None
    level: int | None = None
    level_exact: bool = False  # from the org chart rather than inferred from a title
    level_confidence: float = 0.0
    levels_above_me: int | None = None  # exact, from the org chart, when both are in it
    industry: str = ""
    city: str = ""
    history: tuple[PastRole, ...] = ()
    offered_help: bool = False
    navigated_transition: bool = False
    peer: bool = False
    same_team: bool = False
    predecessor: bool = False
    predecessor_why: str = ""  # what the data shows, e.g. "was Nurse Manager at X until 2024"
    predecessor_certainty: float = 1.0  # 1 for your seat; less when it may only be a like role
    reports_to_me: bool = False  # your direct report in the org chart
    department: str = ""
    department_growth: float | None = None  # e.g. 0.25 = grew 25 % between org-chart imports
    # (before, after): the team they manage, everyone below them, at the last two imports of
    # the organization's chart, when it grew (a manager who is hiring).
    team_growth: tuple[int, int] | None = None
    direct_strength: int | None = None  # 1..5 when you know them directly
    direct_relation: str = ""  # "your manager", "in your contacts", …
    last_contact: date | None = None
    last_research_meeting: date | None = None
    planned: bool = False  # a meeting idea or request already exists
    path: WarmPath | None = None  # best warm path when not a direct contact
    path_names: tuple[str, ...] = ()  # names along the path, for the explanation
    # The move you want, as they made it ("Data Scientist → Product Manager, 2021"): from a
    # role like yours to one like your next step (domain/moves.py).
    made_move: str = ""
    # "northwind:NW1042" for a member of an organization's chart who is not one of your
    # people yet (person_id is then negative, valid only within one ranking).
    member_ref: str = ""
    source_org: str = ""  # the organization whose chart they come from, for a member


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    text: str
    contribution: float


@dataclass(slots=True)
class Suggestion:
    candidate: Candidate
    score: float
    reasons: list[Reason] = field(default_factory=list)


def _norm(text: str | None) -> str:
    return (text or "").strip().lower()


def level_gap(me_level: int | None, c: Candidate) -> tuple[int | None, bool]:
    """Levels above you: exact from the org chart (hops of depth) when you are both in it,
    else management layers between the two ladder ranks (docs/levels.md)."""
    if c.levels_above_me is not None:
        return c.levels_above_me, True
    if me_level is None or c.level is None:
        return None, False
    return layers_between(me_level, c.level), c.level_exact


def level_gap_factor(gap: int | None) -> float:
    """Two to three levels above you is best; one above or four above is good; same level or
    below is low; far above is mostly reachable through an introduction."""
    if gap is None:
        return 0.2
    return {2: 1.0, 3: 1.0, 1: 0.55, 4: 0.6}.get(
        gap, 0.35 if gap >= 5 else (0.1 if gap == 0 else 0.0)
    )


def lateral_step(step: RoleOutline, me: Position | None) -> bool:
    """A step at your own function and level (a science teacher's next job as an
    instructional designer, both mid-level education): function and level cannot tell the
    job you hold from the one you want, so only its title and outline can."""
    return (
        me is not None
        and step.function is not None
        and step.level is not None
        and step.function == me.function
        and step.level == me.level
    )


def closeness(c: Candidate, step: RoleOutline, *, lateral: bool = False) -> float:
    """How close a person's current role is to a target outline (0..1). A level two away
    adds to another likeness but is none by itself: a VP of Sales is not "close" to a CFO
    seat, nor a recruiter to an engineering manager's (what_matches could name nothing).
    For a `lateral` step (lateral_step) function and level count for nothing. A rung or a
    city alone is no likeness either: a senior recruiter does not work close to a senior
    designer's job — the work (function, industry, organization, domain) must match too."""
    work = 0.0
    if step.function and c.function == step.function and not lateral:
        work += 0.45
    if step.industry and _norm(c.industry) == _norm(step.industry):
        work += 0.15
    if step.organization and _norm(c.organization) == _norm(step.organization):
        work += 0.1
    if domain_overlap(c, step):
        work += 0.1
    if not work:
        return 0.0
    score = work
    near_level = 0.0
    if step.level is not None and c.level is not None and not lateral:
        distance = abs(c.level - step.level)
        score += 0.25 if distance == 0 else 0.2 if distance == 1 else 0.0
        near_level = 0.1 if distance == 2 else 0.0
    if step.city and _norm(c.city) == _norm(step.city):
        score += 0.05
    return min(score + near_level, 1.0)


_DOMAIN_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "for",
        "in",
        "on",
        "at",
        "to",
        "with",
        "from",
        "by",
        "or",
        "our",
        "your",
        "their",
        "new",
        "team",
        "teams",
        "role",
        "roles",
        "job",
        "jobs",
        "work",
        "lead",
        "leading",
        "manage",
        "managing",
        "build",
        "building",
        "own",
        "owning",
        "run",
        "running",
        "senior",
        "junior",
        "head",
        "director",
        "manager",
        "vice",
        "president",
        "vp",
        "chief",
        "officer",
        "principal",
        "staff",
        "group",
        "global",
        "regional",
    ]
)


@lru_cache(maxsize=1 << 15)
def _words(*texts: str) -> frozenset[str]:
    """The content words of some phrases, lowercased, light plurals folded."""
    out: set[str] = set()
    for text in texts:
        for word in re.findall(r"[a-z][a-z0-9+#]{2,}", (text or "").lower()):
            if word not in _DOMAIN_STOP:
                out.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return frozenset(out)


# The names of functions say what `function` already says; a domain is the rest.
_FUNCTION_WORDS = frozenset(w for name in FUNCTIONS for w in name.split("-")) | {"management"}


def _step_words(step: RoleOutline) -> frozenset[str]:
    return _outline_words(step.title, step.scope, *step.problems)


@lru_cache(maxsize=64)
def _outline_words(title: str, scope: str, *problems: str) -> frozenset[str]:
    """A step's domain words, read once per step (the ranking asks for every person)."""
    qualifier = re.split(r"\s*[,(–—]\s*|\s+-\s+", title, maxsplit=1)
    words = _words(qualifier[1] if len(qualifier) > 1 else "", scope, *problems)
    return words - _FUNCTION_WORDS


def domain_overlap(c: Candidate, step: RoleOutline) -> list[str]:
    """Words of the step's outline (title qualifier, scope, problems, industry) that the
    person's title, department, industry or organization also names: the domain you share."""
    wanted = _step_words(step)
    if not wanted:
        return []
    # One text at a time: titles, departments and organizations repeat across a network.
    named = _words(c.title) | _words(c.department) | _words(c.industry) | _words(c.organization)
    return sorted(wanted & named)


def holds_step(c: Candidate, step: RoleOutline, me: Position | None = None) -> bool:
    """The person's current role matches the step's outline: the step's own title (its
    words, qualifiers aside), or its function and level (a rung either side only with the
    step's title); and its industry or organization where the outline names one. Someone
    holding your own title holds your job, not your next one; and for a step at your own
    function and level (lateral_step) only its title tells."""
    if step.industry and c.industry and _norm(c.industry) != _norm(step.industry):
        return False
    if step.organization and _norm(c.organization) != _norm(step.organization):
        return False
    titled = bool(step.title) and _title_words(c.title) == _title_words(step.title)
    near_level = step.level is None or c.level is None or abs(c.level - step.level) <= 1
    if titled and near_level and (not step.function or c.function in (None, step.function)):
        return True
    if not step.function or c.function != step.function or lateral_step(step, me):
        return False
    if me is not None and me.title and c.title and _title_words(c.title) == _title_words(me.title):
        return False
    return step.level is not None and c.level == step.level


def _role_like_step(
    role: PastRole, step: RoleOutline, me: Position | None, *, tolerance: int = 1
) -> bool:
    """A role (past or present) like a step of your plan: the step's title, or its function
    and level — but not your own role, and not by function and level for a lateral step."""
    if role.title and step.title and _title_words(role.title) == _title_words(step.title):
        return True
    if lateral_step(step, me):
        return False
    if (
        me is not None
        and me.title
        and role.title
        and _title_words(role.title) == _title_words(me.title)
    ):
        return False
    return _like(role, step.function, step.level, tolerance=tolerance)


_TITLE_GLUE = frozenset({"of", "the", "and", "for", "a", "an", "&"})


@lru_cache(maxsize=8192)
def _title_words(title: str) -> frozenset[str]:
    """The words of a title proper (qualifiers after a comma or dash aside), every rank word
    kept: "Director of Clinical Operations" and "Manager, Clinical Operations" differ."""
    proper = re.split(r"\s*[,(–—]\s*|\s+-\s+", title, maxsplit=1)[0].lower()
    return frozenset(
        w[:-1] if w.endswith("s") and len(w) > 4 else w
        for w in re.findall(r"[a-z0-9+#&]+", proper)
        if w not in _TITLE_GLUE
    )


def _level_words(rank: int) -> str:
    label = level_label(rank)
    return label if label.lower().endswith("level") else f"{label.lower()} level"


def what_matches(c: Candidate, step: RoleOutline, *, lateral: bool = False) -> list[str]:
    """The parts of a step's outline this person's role shares, in words (for a `lateral`
    step, not its function and level: they are yours too)."""
    parts: list[str] = []
    if step.function and c.function == step.function and not lateral:
        parts.append(f"the same function ({step.function})")
    if (
        step.level is not None
        and c.level is not None
        and abs(c.level - step.level) <= 1
        and not lateral
    ):
        parts.append(_level_words(c.level))
    if step.industry and _norm(c.industry) == _norm(step.industry):
        parts.append(f"in {step.industry}")
    if step.organization and _norm(c.organization) == _norm(step.organization):
        parts.append(f"at {c.organization}")
    if step.city and _norm(c.city) == _norm(step.city):
        parts.append(f"in {c.city}")
    shared = domain_overlap(c, step)
    if shared:
        parts.append(", ".join(shared[:3]) + ", as in your outline")
    return parts


def _like(role: PastRole, function: str | None, level: int | None, *, tolerance: int = 1) -> bool:
    if function is None or role.function != function:
        return False
    return level is None or role.level is None or abs(role.level - level) <= tolerance


def _role_like_mine(
    history: tuple[PastRole, ...], function: str | None, level: int | None
) -> PastRole | None:
    """A past role like yours: your function, at your level or one below — never one above
    yours, which is a step you are still to take, not the role you hold."""
    like = [
        r
        for r in history
        if _like(r, function, level) and (r.level is None or level is None or r.level <= level)
    ]
    return next((r for r in like if r.level == level), like[0] if like else None)


def _moved_text(was: PastRole, c: Candidate) -> str:
    """ "moved from a role like yours (Senior PM at Contoso) into one like your target
    (Director of Product)": the roles named, where the data has their titles."""
    before = f" ({was.title}{f' at {was.organization}' if was.organization else ''})"
    after = f" ({c.title})" if c.title else ""
    if c.predecessor and c.predecessor_certainty >= 1.0:
        # The predecessor reason already names the role: say where it led, once.
        return f"went on from your role to one like your target{after}"
    return (
        f"moved from a role like yours{before if was.title else ''} "
        f"into one like your target{after}"
    )


def _target_text(
    c: Candidate, step: RoleOutline, index: int, *, held: bool, me: Position | None = None
) -> str:
    which = "your next job" if index == 0 else "two jobs from now"
    parts = what_matches(c, step, lateral=lateral_step(step, me))
    if held:
        role = f"{c.title} at {c.organization}" if c.organization else c.title
        head = (
            f"holds the job you want next ({role})"
            if index == 0
            else f"holds the job you want two jobs from now ({role})"
        )
        return head + (f": {'; '.join(parts)}" if parts else "")
    if parts:
        return f"works close to {which}: {'; '.join(parts)}"
    return f"works close to {which}"


def _reachability(c: Candidate, today: date, *, explain: bool = True) -> tuple[float, str]:
    if c.direct_strength:
        strength = max(1, min(MAX_STRENGTH, c.direct_strength))
        base = strength / MAX_STRENGTH
        if c.last_contact is not None and (today - c.last_contact).days <= 365:
            base = min(1.0, base + 0.15)
        if not explain:
            return base, ""
        how = f"{c.direct_relation}, " if c.direct_relation else ""
        return base, f"you know them directly ({how}{STRENGTH_WORDS[strength]} tie)"
    if c.path is not None:
        if not explain:
            return 0.8 * c.path.quality, ""
        chain = " → ".join(("you", *c.path_names)) if c.path_names else f"{c.path.length} hops"
        return 0.8 * c.path.quality, f"warm path: {chain}"
    return 0.05, "no tie yet: look for an introduction"


def score_candidate(
    vision: Vision,
    c: Candidate,
    *,
    today: date,
    weights: Weights | None = None,
    cooldown_days: int = DEFAULT_COOLDOWN_DAYS,
    explain: bool = True,
) -> Suggestion | None:
    """The explained score of one person, or None when they should not be suggested now
    (met in a research meeting within the cooldown, or already planned). With `explain`
    false the reasons carry no text: the same numbers, cheaper, for ranking many people."""
    w = weights or Weights()
    if c.planned:
        return None
    if (
        c.last_research_meeting is not None
        and (today - c.last_research_meeting).days < cooldown_days
    ):
        return None
    me = vision.me
    parts: list[tuple[str, str, float]] = []  # (code, text, contribution): cheap to build

    def add(code: str, weight: float, factor: float, text: str | Callable[[], str]) -> None:
        if factor:
            words = (text() if callable(text) else text) if explain else ""
            parts.append((code, words, round(weight * factor, 3)))

    gap, exact = level_gap(me.level, c)
    factor = level_gap_factor(gap)
    if not exact and gap is not None and c.level_confidence:
        factor *= 0.5 + 0.5 * min(1.0, c.level_confidence)
    outside = outside_role(c.title, c.organization) if c.title else None
    if outside is not None:
        # A board member, operating or search partner: a senior outside advisor, the
        # seniority an executive can still look up to, whatever rank the title reads as.
        executive = me.level is not None and me.level >= EXECUTIVE_AT_LEAST
        as_outside = OUTSIDE_FACTOR[outside[0]] * (1.0 if executive else 0.6)
        factor = as_outside if gap is None or gap <= 0 else max(factor, as_outside)
    if not explain:
        gap_text = ""
    elif outside is not None:
        gap_text = outside[1]
    elif gap is None:
        # Say which side is unknown: their title that reads as no rung, or your own level.
        gap_text = (
            f"{level_label(c.level)}; your own level is not set, so how far above you is unknown"
            if c.level is not None
            else "seniority not clear from their title"
        )
    elif gap > 0:
        gap_text = f"{gap} level{'s' if gap != 1 else ''} above you ({level_label(c.level) if c.level is not None else 'org chart'})"
        if 2 <= gap <= 3:
            gap_text += ": the sweet spot for advice"
        elif gap >= 5 and not c.direct_strength:
            gap_text += ": best reached through an introduction"
    elif gap == 0:
        gap_text = "at your level"
    else:
        gap_text = f"{-gap} level{'s' if gap != -1 else ''} below you"
    if explain and exact and gap is not None and outside is None:
        gap_text += " (org chart)"
    parts.append(("level-gap", gap_text, round(w.level_gap * factor, 3)))

    # Credits for leading or doing the work you aim at go only to people at or above you:
    # your own reports, or anyone whose level sits below yours, teach you little about it.
    below_me = c.reports_to_me or (gap is not None and gap < 0)
    if c.level is not None and me.level is not None and c.level < me.level:
        below_me = True
    steps = vision.steps[:2]
    if steps:
        # An outside role's rank (an operating partner reads as a senior VP) is no seat on
        # your path: how close their work is to your next job is read without it.
        work = replace(c, level=None) if outside is not None and c.level is not None else c
        held = [holds_step(work, s, me) for s in steps]
        # Someone in your own role (a fellow science teacher) is where you are, not close
        # to where you are going: only a step of the same title is near them.
        own = bool(me.title and c.title) and _title_words(c.title) == _title_words(me.title)
        near = [
            1.0
            if h
            else 0.0
            if own and _title_words(s.title) != _title_words(c.title)
            else closeness(work, s, lateral=lateral_step(s, me))
            for h, s in zip(held, steps, strict=True)
        ]
        best = max(near[0], 0.85 * near[1]) if len(near) > 1 else near[0]
        index = 0 if near[0] >= (0.85 * near[1] if len(near) > 1 else 0) else 1
        if not below_me:
            add(
                "target-role",
                w.target_role,
                best,
                lambda: _target_text(work, steps[index], index, held=held[index], me=me),
            )
        # The role a move ended in is already named by "made the move you want": say it once.
        moved_into = c.made_move.rsplit("→", 1)[-1] if c.made_move else ""
        for role in c.history:
            if role.title and role.title in moved_into:
                continue
            if any(_role_like_step(role, s, me) for s in steps):
                add(
                    "held-target-role",
                    w.held_target_role,
                    1.0,
                    f"has held a role like your target ({role.title or role.function})"
                    if explain
                    else "",
                )
                break
        if c.made_move:
            add("made-the-move", w.moved_like_you, 1.0, f"made the move you want ({c.made_move})")
        elif (
            me.function
            and (was := _role_like_mine(c.history, me.function, me.level)) is not None
            and any(
                _role_like_step(PastRole(title=c.title, function=c.function, level=c.level), s, me)
                for s in steps
            )
        ):
            add(
                "moved-like-you",
                w.moved_like_you,
                1.0,
                lambda: _moved_text(was, c),
            )
        targets = {s.function for s in steps if s.function}
        if (
            c.function in targets
            and c.level is not None
            and c.level >= max(MANAGER_RANK, me.level or 0)
            and not below_me
        ):
            add(
                "target-function-leader",
                w.target_function_leader,
                1.0,
                lambda: (
                    "a leader in general management, where you are aiming"
                    if c.function == "executive"
                    else f"a leader in {c.function}, the function you are aiming at"
                ),
            )
    if c.predecessor:
        add(
            "predecessor",
            w.predecessor,
            max(0.0, min(1.0, c.predecessor_certainty)),
            lambda: (
                c.predecessor_why
                or "held your current role before you: knows it and where it leads"
            ),
        )
    if c.team_growth is not None:
        before, after = c.team_growth
        add(
            "growing-team",
            w.growing_team,
            min(1.0, (after - before) / max(before, 1)),
            lambda: (
                f"hiring: their team grew from {before} to {after} since the last org chart"
                if before
                else f"hiring: they built a team of {after} since the last org chart"
            ),
        )
    elif c.department_growth is not None and c.department_growth > 0.1:
        add(
            "growing-team",
            w.growing_team,
            min(1.0, c.department_growth * 2),
            lambda: (
                f"their part of the organization grew {c.department_growth:.0%} "
                "since the last org chart"
            ),
        )
    if c.offered_help:
        add("offered-help", w.offered_help, 1.0, "offered to help — take them up on it")
    if c.navigated_transition:
        add(
            "navigated-transition",
            w.navigated_transition,
            1.0,
            "went through a 'what's next' move themselves: sees what you won't",
        )
    reach, reach_text = _reachability(c, today, explain=explain)
    parts.append(("reachability", reach_text, round(w.reachability * reach, 3)))
    if c.peer or (c.same_team and gap is not None and gap <= 0):
        parts.append(
            (
                "peer",
                "a peer in your own team: may not get what you do, or be invested in the "
                "status quo",
                -w.peer_penalty,
            )
        )
    if c.reports_to_me:
        parts.append(
            (
                "your-report",
                "reports to you: ask them about their work, not about your next step",
                -w.peer_penalty,
            )
        )
    if c.last_contact is not None and (today - c.last_contact).days < 14 and not c.direct_strength:
        parts.append(
            (
                "recent-contact",
                "you were in touch in the last two weeks",
                -w.recently_contacted_penalty,
            )
        )
    score = round(sum(part[2] for part in parts), 3)
    if not explain:
        return Suggestion(candidate=c, score=score)
    reasons = [Reason(code, text, value) for code, text, value in parts]
    reasons.sort(key=lambda r: (-abs(r.contribution), r.code))
    return Suggestion(candidate=c, score=score, reasons=reasons)


def rank_candidates(
    vision: Vision,
    candidates: list[Candidate],
    *,
    today: date,
    weights: Weights | None = None,
    limit: int | None = None,
    cooldown_days: int = DEFAULT_COOLDOWN_DAYS,
    explain: bool = True,
) -> list[Suggestion]:
    """Score everyone and return the best first (ties broken by name, then id). The ranking
    uses the numbers alone; only the people returned are explained in words."""
    scored = [
        s
        for c in candidates
        if (
            s := score_candidate(
                vision, c, today=today, weights=weights, cooldown_days=cooldown_days, explain=False
            )
        )
    ]
    scored.sort(key=lambda s: (-s.score, s.candidate.name, s.candidate.person_id))
    chosen = scored[:limit] if limit else scored
    if not explain:
        return chosen
    return [
        score_candidate(
            vision, s.candidate, today=today, weights=weights, cooldown_days=cooldown_days
        )
        or s
        for s in chosen
    ]
