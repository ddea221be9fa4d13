"""Judging an opportunity against the person's own plan. Pure: the vision, a journal summary
and the opportunity come in; scores, flags with their thresholds, and a verdict come out.

Every number below is a documented threshold (docs/opportunities.md); tests sit at each one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, utils

from nextmove.domain.journal import JournalSummary, Tally, activity_key
from nextmove.domain.levels import level_label
from nextmove.domain.opportunities import Opportunity, priority_key
from nextmove.domain.vision import Choice, Vision

# --- thresholds --------------------------------------------------------------------------

# Priority fit: the weighted mean of the 1–5 ratings, weights by rank (1st, 2nd, 3rd).
RANK_WEIGHTS = (3, 2, 1)
# Impressive: this many levels above today or more, or a VP title or higher, or a brand.
IMPRESSIVE_LEVEL_JUMP = 2
IMPRESSIVE_LEVEL = 9  # vp
# Misaligned: the top priority rated at or below this, or the priority fit below FIT_WEAK_BELOW.
TOP_PRIORITY_WEAK_AT_MOST = 2
FIT_WEAK_BELOW = 2.5
# Reach: fewer levels up than this (in the same function, or a function off your path) is
# not a big enough reach; below zero is a step down.
REACH_MIN_LEVELS = 1
# Detour: at least this many of function, level and industry lead away from your path.
DETOUR_MISMATCHES_AT_LEAST = 2
# Energy: the share of the role's work the journal shows as draining, and the share that
# energizes you.
DRAINING_SHARE_AT_LEAST = 0.5
ENERGIZING_SHARE_BELOW = 1 / 3
# Two phrases name the same activity, strength or industry at this rapidfuzz
# token_set_ratio or more ("workshops" ~ "running workshops").
MATCH_AT_LEAST = 85
# Verdict bands on the overall score (1–5).
STRONG_FIT_AT_LEAST = 4.0
WORTH_EXPLORING_AT_LEAST = 3.0
# Overall score: weights of the parts that are known.
OVERALL_WEIGHTS = {"priority_fit": 3, "energy": 1, "path": 1}

# Priority names nextmove knows how to infer a rating for (by words in the name).
CAREER_WORDS = ("career", "trajectory", "advancement", "promotion", "seniority", "title")
PLACE_WORDS = ("family", "location", "home", "commute", "kids", "children", "partner", "city")
SKILL_WORDS = ("skill", "learn", "development", "growth", "stretch")
FLEX_WORDS = ("flexib", "remote", "balance", "work-life", "work life")


@dataclass(frozen=True, slots=True)
class Flag:
    code: str
    severity: str  # "serious" | "caution"
    title: str
    explanation: str
    threshold: str
    inputs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PriorityScore:
    rank: int
    name: str
    weight: int
    rating: int | None
    basis: str  # "rated" | "inferred" | "unrated"
    why: str


@dataclass(frozen=True, slots=True)
class WorkItem:
    name: str
    kind: str  # "drains" | "energizer" | "strength" | "neutral"
    why: str
    strength: bool = False


@dataclass(frozen=True, slots=True)
class Energy:
    items: list[WorkItem]
    energizing_share: float | None
    draining_share: float | None
    strengths_share: float | None
    score: float | None  # 1–5: 3 + 2 × (energizing share − draining share)


@dataclass(frozen=True, slots=True)
class PathCheck:
    part: str  # "function" | "level" | "industry"
    on_path: bool | None  # None: unknown
    why: str


@dataclass(frozen=True, slots=True)
class Reach:
    level_change: int | None
    function_change: bool | None
    description: str
    path: list[PathCheck]
    score: float | None  # 1–5: 1 + 4 × matched / known


@dataclass(frozen=True, slots=True)
class ChoiceCheck:
    subject: str  # "industry" | "company" | "city"
    choice: str
    outcome: str  # "kept" | "broken" | "open" | "unknown"
    why: str


@dataclass(frozen=True, slots=True)
class Verdict:
    key: str  # strong-fit | worth-exploring | weak-fit | think-twice | misaligned | unknown
    text: str


VERDICT_ORDER = (
    "strong-fit",
    "worth-exploring",
    "weak-fit",
    "think-twice",
    "misaligned",
    "unknown",
)


@dataclass(frozen=True, slots=True)
class Evaluation:
    opportunity: Opportunity
    priorities: list[PriorityScore]
    fit: float | None
    energy: Energy
    reach: Reach
    choices: list[ChoiceCheck]
    impressive: list[str]  # why it looks impressive; empty when it does not
    flags: list[Flag]
    overall: float | None
    verdict: Verdict

    @property
    def flag_codes(self) -> list[str]:
        return [f.code for f in self.flags]


# --- helpers -----------------------------------------------------------------------------


def same_phrase(a: str, b: str) -> bool:
    """Case- and order-insensitive; one phrase contained in the other counts."""
    a, b = activity_key(a), activity_key(b)
    if not a or not b:
        return False
    return a == b or fuzz.token_set_ratio(a, b, processor=utils.default_process) >= MATCH_AT_LEAST


def _has_word(name: str, words: Iterable[str]) -> bool:
    key = priority_key(name)
    return any(w in key for w in words)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if abs(n) == 1 else "s")


def _entries(n: int) -> str:
    return f"{n} journal " + ("entry" if n == 1 else "entries")


# --- stay-or-change choices --------------------------------------------------------------


def check_choices(vision: Vision, opp: Opportunity) -> list[ChoiceCheck]:
    me, choices = vision.me, vision.choices
    checks: list[ChoiceCheck] = []

    city = choices.city
    if city is Choice.OPEN:
        checks.append(ChoiceCheck("city", city.value, "open", "You are open on the city."))
    elif opp.remote:
        checks.append(
            ChoiceCheck(
                "city",
                city.value,
                "kept",
                "The role is remote: you can "
                + ("stay where you are." if city is Choice.STAY else "move where you like."),
            )
        )
    elif not (opp.city and me.city):
        checks.append(
            ChoiceCheck("city", city.value, "unknown", "The role's city or yours is not known.")
        )
    else:
        same = same_phrase(opp.city, me.city)
        if city is Choice.STAY:
            outcome = "kept" if same else "broken"
            why = (
                f"It is in {opp.city}, where you live."
                if same
                else f"You chose to stay in {me.city}; the role is in {opp.city}."
            )
        else:
            outcome = "broken" if same else "kept"
            why = (
                f"You chose to leave {me.city}; the role is there."
                if same
                else f"You want to move; the role is in {opp.city}."
            )
        checks.append(ChoiceCheck("city", city.value, outcome, why))

    industry = choices.industry
    if industry is Choice.OPEN:
        checks.append(
            ChoiceCheck("industry", industry.value, "open", "You are open on the industry.")
        )
    elif not (opp.industry and me.industry):
        checks.append(
            ChoiceCheck(
                "industry", industry.value, "unknown", "The role's industry or yours is not known."
            )
        )
    else:
        same = same_phrase(opp.industry, me.industry)
        if industry is Choice.STAY:
            outcome = "kept" if same else "broken"
            why = (
                f"It is in {opp.industry}, your industry."
                if same
                else f"You chose to stay in {me.industry}; the role is in {opp.industry}."
            )
        else:
            outcome = "broken" if same else "kept"
            why = (
                f"You chose to change industry; the role is in {me.industry}."
                if same
                else f"It takes you into {opp.industry}."
            )
        checks.append(ChoiceCheck("industry", industry.value, outcome, why))

    company = choices.company
    if company is Choice.OPEN:
        checks.append(ChoiceCheck("company", company.value, "open", "You are open on the company."))
    elif not (opp.organization and me.organization):
        checks.append(
            ChoiceCheck(
                "company",
                company.value,
                "unknown",
                "The role's organization or yours is not known.",
            )
        )
    else:
        same = same_phrase(opp.organization, me.organization)
        if company is Choice.STAY:
            outcome = "kept" if same else "broken"
            why = (
                f"An internal move at {me.organization}."
                if same
                else f"You chose to stay at {me.organization}; the role is at {opp.organization}."
            )
        else:
            outcome = "broken" if same else "kept"
            why = (
                f"You chose to change company; the role is at {me.organization}."
                if same
                else f"A move to {opp.organization}."
            )
        checks.append(ChoiceCheck("company", company.value, outcome, why))
    return checks


# --- reach and path ----------------------------------------------------------------------


def _path_checks(vision: Vision, opp: Opportunity) -> list[PathCheck]:
    steps = vision.steps[:2]
    functions = [s.function for s in steps if s.function]
    levels = [s.level for s in steps if s.level is not None]
    industries = [s.industry for s in steps if s.industry] or (
        [vision.me.industry] if vision.me.industry else []
    )
    checks: list[PathCheck] = []
    if opp.function is None or not functions:
        checks.append(PathCheck("function", None, "The role's function or your path's is unknown."))
    elif opp.function in functions:
        checks.append(PathCheck("function", True, f"{opp.function}: the function of your path."))
    else:
        checks.append(
            PathCheck(
                "function",
                False,
                f"{opp.function}, while your path is in {' then '.join(dict.fromkeys(functions))}.",
            )
        )
    if opp.level is None or not levels:
        checks.append(PathCheck("level", None, "The role's level or your path's is unknown."))
    else:
        low = vision.me.level if vision.me.level is not None else min(levels)
        high = max(levels)
        if low <= opp.level <= high:
            checks.append(
                PathCheck(
                    "level",
                    True,
                    f"{level_label(opp.level)}: between today ({level_label(low)}) and two jobs "
                    f"from now ({level_label(high)}).",
                )
            )
        elif opp.level > high:
            checks.append(
                PathCheck(
                    "level",
                    False,
                    f"{level_label(opp.level)}: beyond where your path goes ({level_label(high)}).",
                )
            )
        else:
            checks.append(
                PathCheck(
                    "level",
                    False,
                    f"{level_label(opp.level)}: below where you are today ({level_label(low)}).",
                )
            )
    if not opp.industry or not industries:
        checks.append(PathCheck("industry", None, "The role's industry or your path's is unknown."))
    elif any(same_phrase(opp.industry, i) for i in industries):
        checks.append(PathCheck("industry", True, f"{opp.industry}: continuity with your path."))
    else:
        checks.append(
            PathCheck(
                "industry",
                False,
                f"{opp.industry}, while your path is in {' then '.join(dict.fromkeys(industries))}.",
            )
        )
    return checks


def assess_reach(vision: Vision, opp: Opportunity) -> Reach:
    me = vision.me
    change = None if (opp.level is None or me.level is None) else opp.level - me.level
    function_change = (
        None if (opp.function is None or me.function is None) else opp.function != me.function
    )
    if change is None:
        description = "Level change unknown: set the role's level and yours (`nextmove me set`)."
    elif change > 0:
        description = f"A step up of {_plural(change, 'level')} ({level_label(opp.level)})."
    elif change == 0:
        description = f"A lateral move at your level ({level_label(opp.level)})."
    else:
        description = f"A step down of {_plural(-change, 'level')} ({level_label(opp.level)})."
    if function_change:
        description += f" A change of function, from {me.function} to {opp.function}."
    path = _path_checks(vision, opp)
    known = [p for p in path if p.on_path is not None]
    score = round(1 + 4 * sum(1 for p in known if p.on_path) / len(known), 2) if known else None
    return Reach(change, function_change, description, path, score)


# --- energizers and strengths ------------------------------------------------------------


def _matches(name: str, tallies: Iterable[Tally]) -> Tally | None:
    for tally in tallies:
        if same_phrase(name, tally.name):
            return tally
    return None


def assess_energy(vision: Vision, journal: JournalSummary | None, opp: Opportunity) -> Energy:
    """Each part of the role's work against the journal (evidence first) and the vision."""
    items: list[WorkItem] = []
    draining = [*journal.draining, *journal.themes_draining] if journal else []
    energizing = [*journal.energizing, *journal.themes_energizing] if journal else []
    for name in opp.involves:
        strength = next((s for s in vision.strengths if same_phrase(name, s)), None)
        drained = _matches(name, draining)
        energized = _matches(name, energizing)
        listed = next((e for e in vision.energizers if same_phrase(name, e)), None)
        if drained is not None:
            kind = "drains"
            why = (
                f"Your journal: {drained.name!r} averages {drained.mean_energy:+.1f} energy "
                f"over {_entries(drained.count)}."
            )
        elif energized is not None:
            kind = "energizer"
            why = (
                f"Your journal: {energized.name!r} averages {energized.mean_energy:+.1f} energy "
                f"over {_entries(energized.count)}."
            )
        elif listed is not None:
            kind = "energizer"
            why = f"Listed as an energizer in your vision ({listed!r})."
        elif strength is not None:
            kind = "strength"
            why = f"One of your strengths ({strength!r})."
        else:
            kind = "neutral"
            why = "Neither an energizer, a strength, nor draining in your journal."
        if strength is not None and kind != "strength":
            why += f" Also one of your strengths ({strength!r})."
        items.append(WorkItem(name, kind, why, strength=strength is not None))
    if not items:
        return Energy([], None, None, None, None)
    n = len(items)
    energizing_share = sum(1 for i in items if i.kind == "energizer") / n
    draining_share = sum(1 for i in items if i.kind == "drains") / n
    strengths_share = sum(1 for i in items if i.strength) / n
    score = round(3 + 2 * (energizing_share - draining_share), 2)
    return Energy(items, energizing_share, draining_share, strengths_share, score)


# --- priorities --------------------------------------------------------------------------


def infer_rating(
    name: str, vision: Vision, opp: Opportunity, reach: Reach, choices: list[ChoiceCheck]
) -> tuple[int, str] | None:
    """A default 1–5 rating for a priority nextmove recognises by name; None otherwise."""
    if _has_word(name, CAREER_WORDS):
        if reach.level_change is None:
            return None
        change = reach.level_change
        rating = 5 if change >= 2 else 4 if change == 1 else 2 if change == 0 else 1
        why = f"from the level change ({change:+d})"
        off_path = any(p.on_path is False for p in reach.path if p.part == "function")
        if off_path and rating > 1:
            rating -= 1
            why += ", one less because the function is off your path"
        return rating, why
    if _has_word(name, PLACE_WORDS):
        if opp.remote:
            return 5, "remote: no move needed"
        city = next(c for c in choices if c.subject == "city")
        if city.outcome == "kept":
            return 4, f"keeps your city choice ({city.choice})"
        if city.outcome == "broken":
            return 1, f"breaks your city choice ({city.choice})"
        if city.outcome == "open" and opp.city and vision.me.city:
            if same_phrase(opp.city, vision.me.city):
                return 4, f"in {vision.me.city}, where you live"
            return 2, f"a move to {opp.city}"
        return None
    if _has_word(name, SKILL_WORDS):
        if reach.level_change is None and reach.function_change is None:
            return None
        up = (reach.level_change or 0) >= REACH_MIN_LEVELS
        new_function = bool(reach.function_change)
        if up and new_function:
            return 5, "a level up and a new function"
        if up or new_function:
            return 4, "a level up" if up else "a new function"
        return 2, "same function, no level up"
    if _has_word(name, FLEX_WORDS):
        if opp.remote:
            return 5, "remote"
        if opp.city and vision.me.city:
            if same_phrase(opp.city, vision.me.city):
                return 3, "on site, in your city"
            return 2, f"on site in {opp.city}"
        return None
    return None


def score_priorities(
    vision: Vision, opp: Opportunity, reach: Reach, choices: list[ChoiceCheck]
) -> list[PriorityScore]:
    scores: list[PriorityScore] = []
    for rank, priority in enumerate(vision.priorities[:3], start=1):
        weight = RANK_WEIGHTS[rank - 1]
        rated = opp.ratings.get(priority_key(priority.name))
        if rated is not None:
            scores.append(PriorityScore(rank, priority.name, weight, rated, "rated", "your rating"))
            continue
        inferred = infer_rating(priority.name, vision, opp, reach, choices)
        if inferred is not None:
            scores.append(
                PriorityScore(rank, priority.name, weight, inferred[0], "inferred", inferred[1])
            )
        else:
            scores.append(
                PriorityScore(
                    rank,
                    priority.name,
                    weight,
                    None,
                    "unrated",
                    f"not rated: `nextmove opp rate {opp.id if opp.id is not None else 'ID'} "
                    f'"{priority.name}" N`',
                )
            )
    return scores


def priority_fit(scores: list[PriorityScore]) -> float | None:
    """Weighted mean of the known ratings (RANK_WEIGHTS); None when none is known."""
    known = [s for s in scores if s.rating is not None]
    if not known:
        return None
    return round(sum(s.weight * (s.rating or 0) for s in known) / sum(s.weight for s in known), 2)


# --- flags -------------------------------------------------------------------------------


def impressive_reasons(vision: Vision, opp: Opportunity, reach: Reach) -> list[str]:
    reasons = []
    if reach.level_change is not None and reach.level_change >= IMPRESSIVE_LEVEL_JUMP:
        reasons.append(f"{_plural(reach.level_change, 'level')} above you today")
    if opp.level is not None and opp.level >= IMPRESSIVE_LEVEL:
        reasons.append(f"a {level_label(opp.level).lower()} title")
    if opp.brand:
        reasons.append(f"a well-known name{f' ({opp.organization})' if opp.organization else ''}")
    return reasons


def _flags(
    vision: Vision,
    opp: Opportunity,
    scores: list[PriorityScore],
    fit: float | None,
    reach: Reach,
    energy: Energy,
    choices: list[ChoiceCheck],
    impressive: list[str],
) -> list[Flag]:
    flags: list[Flag] = []
    top = scores[0] if scores else None
    top_weak = (
        top is not None and top.rating is not None and top.rating <= TOP_PRIORITY_WEAK_AT_MOST
    )
    fit_weak = fit is not None and fit < FIT_WEAK_BELOW
    if impressive and (top_weak or fit_weak):
        weak = []
        if top_weak and top is not None:
            weak.append(f"your top priority, {top.name}, rates {top.rating}/5 ({top.basis})")
        if fit_weak:
            weak.append(f"the priority fit is {fit:.1f}/5")
        flags.append(
            Flag(
                "impressive-but-misaligned",
                "serious",
                "Impressive but misaligned",
                f"It looks like a big move ({', '.join(impressive)}), but {' and '.join(weak)}. "
                "The worst move is an impressive job that isn't a fit: you lose interest and "
                "derail.",
                f"impressive: ≥{IMPRESSIVE_LEVEL_JUMP} levels up, a {level_label(IMPRESSIVE_LEVEL)}"
                f" title or higher, or marked as a brand; misaligned: top priority rated "
                f"≤{TOP_PRIORITY_WEAK_AT_MOST} or priority fit <{FIT_WEAK_BELOW}",
                {
                    "impressive": impressive,
                    "top_priority_rating": top.rating if top else None,
                    "priority_fit": fit,
                },
            )
        )
    change = reach.level_change
    if change is not None and change < 0:
        flags.append(
            Flag(
                "step-down",
                "serious",
                "A step down",
                f"{level_label(opp.level)} is {_plural(-change, 'level')} below you today "
                f"({level_label(vision.me.level)}). If it is deliberate (a new field, more life), "
                "write why in its notes.",
                "level change < 0",
                {"level_change": change},
            )
        )
    elif change is not None and change < REACH_MIN_LEVELS:
        function_on_path = next((p.on_path for p in reach.path if p.part == "function"), None)
        bridge = bool(reach.function_change) and function_on_path is True
        if not bridge:
            by_hr = " proposed by HR" if opp.source.value == "hr-proposal" else ""
            flags.append(
                Flag(
                    "not-a-big-enough-reach",
                    "caution",
                    "Not a big enough reach",
                    f"A lateral move{by_hr}: "
                    f"{level_label(opp.level)}, your level today"
                    + (
                        ", in the same function."
                        if not reach.function_change
                        else ", in a function off your path."
                    )
                    + " A next move should stretch you: a level up, or a new function that "
                    "builds toward two jobs from now.",
                    f"level change < {REACH_MIN_LEVELS}, unless the function changes toward "
                    "your path",
                    {"level_change": change, "function_change": reach.function_change},
                )
            )
    mismatches = [p for p in reach.path if p.on_path is False]
    if len(mismatches) >= DETOUR_MISMATCHES_AT_LEAST:
        flags.append(
            Flag(
                "detour-from-your-path",
                "serious",
                "A detour from your path",
                "It leads away from where you want to be two jobs from now: "
                + "; ".join(f"{p.part} — {p.why.rstrip('.')}" for p in mismatches)
                + ".",
                f"≥{DETOUR_MISMATCHES_AT_LEAST} of function, level and industry off your path",
                {"off_path": [p.part for p in mismatches]},
            )
        )
    for check in choices:
        if check.outcome == "broken":
            flags.append(
                Flag(
                    f"breaks-{check.subject}-choice",
                    "serious",
                    f"Breaks your {check.choice}-in-{check.subject} choice"
                    if check.choice == "stay"
                    else f"Breaks your change-{check.subject} choice",
                    check.why,
                    f"your {check.subject} choice is '{check.choice}'",
                    {"choice": check.choice},
                )
            )
    if energy.draining_share is not None and energy.draining_share >= DRAINING_SHARE_AT_LEAST:
        drains = [i.name for i in energy.items if i.kind == "drains"]
        flags.append(
            Flag(
                "drains-you",
                "serious",
                "Much of the work drains you",
                f"{len(drains)} of {len(energy.items)} parts of the work drain you by your "
                f"journal: {', '.join(drains)}.",
                f"draining share ≥ {DRAINING_SHARE_AT_LEAST:.0%}",
                {"draining_share": round(energy.draining_share, 2)},
            )
        )
    elif energy.energizing_share is not None and energy.energizing_share < ENERGIZING_SHARE_BELOW:
        flags.append(
            Flag(
                "little-that-energizes-you",
                "caution",
                "Little that energizes you",
                f"Only {energy.energizing_share:.0%} of the work is something that energizes you.",
                f"energizing share < {ENERGIZING_SHARE_BELOW:.0%}",
                {"energizing_share": round(energy.energizing_share, 2)},
            )
        )
    return flags


# --- the verdict -------------------------------------------------------------------------


def overall_score(fit: float | None, energy: Energy, reach: Reach) -> float | None:
    parts = {"priority_fit": fit, "energy": energy.score, "path": reach.score}
    known = {k: v for k, v in parts.items() if v is not None}
    if not known:
        return None
    total = sum(OVERALL_WEIGHTS[k] for k in known)
    return round(sum(OVERALL_WEIGHTS[k] * v for k, v in known.items()) / total, 2)


def _verdict(flags: list[Flag], overall: float | None, fit: float | None) -> Verdict:
    serious = [f for f in flags if f.severity == "serious"]
    cautions = [f for f in flags if f.severity == "caution"]
    if any(f.code == "impressive-but-misaligned" for f in flags):
        return Verdict(
            "misaligned",
            "Impressive but misaligned: it looks like a big move, yet it serves your top "
            "priorities poorly. Don't take a job for how it looks.",
        )
    if serious:
        return Verdict(
            "think-twice", "Think twice: " + "; ".join(f.title.lower() for f in serious) + "."
        )
    if overall is None or fit is None:
        return Verdict(
            "unknown",
            "Not enough to judge: rate it against your priorities (`nextmove opp rate`) and "
            "say what the work involves (`--involves`).",
        )
    watch = f" Watch: {'; '.join(f.title.lower() for f in cautions)}." if cautions else ""
    if overall >= STRONG_FIT_AT_LEAST and not cautions:
        return Verdict("strong-fit", f"Strong fit ({overall:.1f}/5) with your plan.")
    if overall >= WORTH_EXPLORING_AT_LEAST:
        return Verdict("worth-exploring", f"Worth exploring ({overall:.1f}/5).{watch}")
    return Verdict("weak-fit", f"Weak fit ({overall:.1f}/5) with your plan.{watch}")


def evaluate_opportunity(
    vision: Vision, journal: JournalSummary | None, opp: Opportunity
) -> Evaluation:
    """Judge one opportunity against the person's own plan."""
    choices = check_choices(vision, opp)
    reach = assess_reach(vision, opp)
    energy = assess_energy(vision, journal, opp)
    scores = score_priorities(vision, opp, reach, choices)
    fit = priority_fit(scores)
    impressive = impressive_reasons(vision, opp, reach)
    flags = _flags(vision, opp, scores, fit, reach, energy, choices, impressive)
    overall = overall_score(fit, energy, reach)
    return Evaluation(
        opportunity=opp,
        priorities=scores,
        fit=fit,
        energy=energy,
        reach=reach,
        choices=choices,
        impressive=impressive,
        flags=flags,
        overall=overall,
        verdict=_verdict(flags, overall, fit),
    )


def rank_evaluations(evaluations: Iterable[Evaluation]) -> list[Evaluation]:
    """Best first: by verdict band, then by overall score (unknown last)."""
    return sorted(
        evaluations,
        key=lambda e: (
            VERDICT_ORDER.index(e.verdict.key),
            -(e.overall if e.overall is not None else 0.0),
            e.opportunity.id or 0,
        ),
    )
