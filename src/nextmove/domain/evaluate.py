"""Judging an opportunity against the person's own plan. Pure: the vision, a journal summary
and the opportunity come in; scores, flags with their thresholds, and a verdict come out.

Every number below is a documented threshold (docs/opportunities.md); tests sit at each one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from nextmove.domain.energy import Energy, assess_energy
from nextmove.domain.journal import JournalSummary
from nextmove.domain.levels import level_label
from nextmove.domain.matching import same_phrase
from nextmove.domain.opportunities import Opportunity, priority_key
from nextmove.domain.plans import PlanVerdict, fit_to_plans
from nextmove.domain.reach import Reach, assess_reach
from nextmove.domain.stay_or_change import ChoiceCheck, check_choices
from nextmove.domain.vision import Vision

# --- thresholds --------------------------------------------------------------------------

# Priority fit: the weighted mean of the 1–5 ratings, weights by rank (1st, 2nd, 3rd).
RANK_WEIGHTS = (3, 2, 1)
# Impressive (only above your level today): this many levels above or more, or a VP title
# or higher, or a brand.
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
    plans: PlanVerdict | None = None  # which of your plans it serves best

    @property
    def flag_codes(self) -> list[str]:
        return [f.code for f in self.flags]


# --- helpers -----------------------------------------------------------------------------


def _has_word(name: str, words: Iterable[str]) -> bool:
    key = priority_key(name)
    return any(w in key for w in words)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if abs(n) == 1 else "s")


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
        function_on_path = next((p.on_path for p in reach.path if p.part == "function"), None)
        if function_on_path is False and rating > 1:
            rating -= 1
            why += ", one less because the function is off your path"
        elif reach.function_change and function_on_path is True and change >= 0 and rating < 5:
            rating += 1
            why += f", one more for the move into {opp.function}, the function of your path"
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
    """Why a role looks like a big move, relative to you: levels above you today, a VP title
    or higher that is above yours, a well-known name. Never for a role at or below your
    level: a lateral VP offer to a VP is not impressive, however the title reads."""
    change = reach.level_change
    if change is not None and change <= 0:
        return []
    reasons = []
    if change is not None and change >= IMPRESSIVE_LEVEL_JUMP:
        reasons.append(f"{_plural(change, 'level')} above you today")
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
    *,
    journaled: bool = True,
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
    elif (
        energy.energizing_share is not None
        and energy.energizing_share < ENERGIZING_SHARE_BELOW
        and (journaled or energy.energizing_share > 0)
    ):
        # With nothing in your journal, no match with the energizers you listed is no
        # evidence that the work would not energize you: the work items say so instead.
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
    flags = _flags(
        vision, opp, scores, fit, reach, energy, choices, impressive, journaled=journal is not None
    )
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
        plans=fit_to_plans(vision, opp),
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
