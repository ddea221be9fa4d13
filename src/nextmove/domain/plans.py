"""Alternative plans (Designing Your Life's Odyssey plans): the path you're on, what you'd do
if it vanished, the wild card. Pure operations on a Vision, the check per plan, and which
plan an opportunity serves best."""

from __future__ import annotations

import copy
import unicodedata
from dataclasses import dataclass, replace

from nextmove.domain.check import Finding, check_vision
from nextmove.domain.journal import JournalSummary
from nextmove.domain.opportunities import Opportunity
from nextmove.domain.reach import assess_reach
from nextmove.domain.stay_or_change import check_choices
from nextmove.domain.vision import (
    GAUGE_MAX,
    GAUGE_MIN,
    GAUGES,
    MAIN_PLAN,
    MAX_ALTERNATIVES,
    PLAN_NAME_MAX,
    Plan,
    Vision,
    plan_key,
)
from nextmove.errors import NotFound, UserError

LIST_HINT = "`nextmove plan list` shows your plans."


def clean_plan_name(name: str) -> str:
    """A plan's name as stored: spaces collapsed; 1–60 printable characters, not "main"."""
    text = " ".join(str(name).split())
    if not text:
        raise UserError("a plan needs a name", hint="e.g. 'wild card'")
    if len(text) > PLAN_NAME_MAX:
        raise UserError(
            f"the plan name {text[:20]!r}… is longer than {PLAN_NAME_MAX} characters",
            hint="A short name reads best side by side, e.g. 'wild card'.",
        )
    if any(unicodedata.category(c).startswith("C") for c in text):
        raise UserError(f"the plan name {text!r} contains a control character")
    if plan_key(text) == MAIN_PLAN:
        raise UserError(
            f"{MAIN_PLAN!r} cannot name a plan: it always means your main plan",
            hint="Pick another name, e.g. 'current path', 'if it vanished' or 'wild card'.",
        )
    return text


def check_gauge(name: str, value: int | None) -> int | None:
    if name not in GAUGES:
        raise UserError(f"unknown gauge {name!r}", hint=f"Gauges: {', '.join(GAUGES)}.")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise UserError(f"{value!r} is not a whole number", field=name)
    if not GAUGE_MIN <= value <= GAUGE_MAX:
        raise UserError(
            f"{value} is outside {GAUGE_MIN}–{GAUGE_MAX}",
            hint=f"Rate the plan from {GAUGE_MIN} (none) to {GAUGE_MAX} (full).",
            field=name,
        )
    return value


def duplicate_names(vision: Vision) -> list[str]:
    seen: set[str] = set()
    dupes = []
    for plan in vision.plans:
        key = plan_key(plan.name)
        if key in seen:
            dupes.append(plan.name)
        seen.add(key)
    return dupes


def get_plan(vision: Vision, name: str) -> Plan:
    plan = vision.find_plan(name)
    if plan is None:
        names = ", ".join(repr(p.name) for p in vision.plans)
        raise NotFound(f"no plan named {name!r}", hint=f"Your plans: {names}. {LIST_HINT}")
    return plan


def is_main(vision: Vision, plan: Plan) -> bool:
    return plan_key(plan.name) == plan_key(vision.plan_name)


def _copy(vision: Vision) -> Vision:
    return copy.deepcopy(vision)


def _with_plans(vision: Vision, main: Plan, alternatives: list[Plan]) -> Vision:
    return replace(
        vision,
        steps=main.steps,
        choices=main.choices,
        plan_name=main.name,
        plan_note=main.note,
        gauges=main.gauges,
        alternatives=alternatives,
    )


def add_plan(vision: Vision, name: str, *, source: str | None = None) -> Vision:
    """A new alternative, empty or a copy of the steps and choices of `source`."""
    name = clean_plan_name(name)
    if any(plan_key(p.name) == plan_key(name) for p in vision.plans):
        raise UserError(
            f"there is already a plan named {name!r}",
            hint="Pick another name; `nextmove plan list` shows the names in use.",
        )
    origin = get_plan(vision, source) if source is not None else None
    if len(vision.alternatives) >= MAX_ALTERNATIVES:
        raise UserError(
            f"you already have {MAX_ALTERNATIVES} alternative plans besides your main plan",
            hint="Delete or promote one first (`nextmove plan delete NAME`); the method asks "
            "for three Odyssey plans in all.",
        )
    new = _copy(vision)
    plan = Plan(name=name)
    if origin is not None:
        plan = Plan(name=name, steps=copy.deepcopy(origin.steps), choices=replace(origin.choices))
    new.alternatives.append(plan)
    return new


def promote_plan(vision: Vision, name: str) -> Vision:
    """The named alternative becomes the main plan; the old main is kept as an alternative in
    its place."""
    plan = get_plan(vision, name)
    if is_main(vision, plan):
        raise UserError(f"{plan.name!r} is already your main plan")
    new = _copy(vision)
    index = next(i for i, p in enumerate(new.alternatives) if plan_key(p.name) == plan_key(name))
    chosen = new.alternatives[index]
    alternatives = list(new.alternatives)
    alternatives[index] = new.main_plan
    return _with_plans(new, chosen, alternatives)


def delete_plan(vision: Vision, name: str) -> Vision:
    plan = get_plan(vision, name)
    if is_main(vision, plan):
        raise UserError(
            f"{plan.name!r} is your main plan and cannot be deleted",
            hint="Promote another plan first (`nextmove plan promote NAME`), then delete this one.",
        )
    new = _copy(vision)
    new.alternatives = [p for p in new.alternatives if plan_key(p.name) != plan_key(plan.name)]
    return new


def replace_plan(vision: Vision, name: str, plan: Plan) -> Vision:
    """Put `plan` where the plan called `name` is (an edit; the name may change)."""
    old = get_plan(vision, name)
    new = _copy(vision)
    plan.name = clean_plan_name(plan.name)
    for other in new.plans:
        if plan_key(other.name) == plan_key(plan.name) and plan_key(other.name) != plan_key(
            old.name
        ):
            raise UserError(
                f"there is already a plan named {plan.name!r}", hint="Pick another name."
            )
    if is_main(vision, old):
        return _with_plans(new, plan, new.alternatives)
    new.alternatives = [
        plan if plan_key(p.name) == plan_key(old.name) else p for p in new.alternatives
    ]
    return new


def set_plan(
    vision: Vision,
    name: str,
    *,
    gauges: dict[str, int | None] | None = None,
    note: str | None = None,
    rename: str | None = None,
) -> Vision:
    """Change a plan's gauges (only those given), note or name."""
    plan = copy.deepcopy(get_plan(vision, name))
    for gauge, value in (gauges or {}).items():
        setattr(plan.gauges, gauge, check_gauge(gauge, value))
    if note is not None:
        if "\x00" in note or any(unicodedata.category(c) == "Cs" for c in note):
            raise UserError("contains a character that is not text", field="note")
        plan.note = note.strip()
    if rename is not None:
        plan.name = rename
    return replace_plan(vision, plan.name if rename is None else name, plan)


# --- the check, per plan ------------------------------------------------------------------

# Findings about the person (position, priorities, energizers) are the same for every plan;
# an alternative's check shows only what is its own.
PERSON_FIELDS = ("me", "priorities", "energizers", "strengths")


@dataclass(frozen=True, slots=True)
class PlanCheck:
    plan: Plan
    main: bool
    findings: list[Finding]


def _own(finding: Finding) -> bool:
    return finding.field.split(".")[0].split("[")[0] not in PERSON_FIELDS


def check_plans(vision: Vision, journal: JournalSummary | None = None) -> list[PlanCheck]:
    """`vision check` per plan: the main plan's full check, and for each alternative the
    findings about its own steps and choices."""
    checks = [PlanCheck(vision.main_plan, True, check_vision(vision, journal))]
    for plan in vision.alternatives:
        findings = [f for f in check_vision(vision.following(plan), journal) if _own(f)]
        checks.append(PlanCheck(plan, False, findings))
    return checks


# --- which plan an opportunity serves ---------------------------------------------------

# An opportunity is a step on a plan when no more than this many of function, level and
# industry lead away from that plan's path and it breaks none of the plan's choices, with at
# least one of them on the path; a detour when more lead away or a choice is broken.
STEP_OFF_PATH_AT_MOST = 0
DETOUR_OFF_PATH_AT_LEAST = 2


@dataclass(frozen=True, slots=True)
class PlanFit:
    plan: str
    main: bool
    kind: str  # "step" | "partial" | "detour" | "unknown"
    on_path: list[str]
    off_path: list[str]
    broken_choices: list[str]
    path_score: float | None  # 1–5, as in the evaluation's path part
    why: str


@dataclass(frozen=True, slots=True)
class PlanVerdict:
    fits: list[PlanFit]
    best: str | None  # the name of the plan it serves best, None when it serves none
    text: str


def _plan_label(name: str, main: bool) -> str:
    if main:
        return f"your main plan ({name})"
    return f"your {name if name.casefold().endswith('plan') else name + ' plan'}"


def fit_to_plan(vision: Vision, plan: Plan, opp: Opportunity, *, main: bool) -> PlanFit:
    aimed = vision.following(plan)
    reach = assess_reach(aimed, opp)
    on = [p.part for p in reach.path if p.on_path is True]
    off = [p.part for p in reach.path if p.on_path is False]
    broken = [c.subject for c in check_choices(aimed, opp) if c.outcome == "broken"]
    label = _plan_label(plan.name, main)
    reasons = [f"{p.part}: {p.why.rstrip('.')}" for p in reach.path if p.on_path is False]
    reasons += [f"breaks its {subject} choice" for subject in broken]
    if len(off) >= DETOUR_OFF_PATH_AT_LEAST or broken:
        kind, why = "detour", f"A detour from {label}: " + "; ".join(reasons) + "."
    elif not on:
        kind, why = "unknown", f"Too little known to place it on {label}."
    elif len(off) <= STEP_OFF_PATH_AT_MOST:
        kind, why = "step", f"A step on {label}: " + ", ".join(on) + " on its path."
    else:
        kind, why = "partial", f"Partly on {label}: " + "; ".join(reasons) + "."
    return PlanFit(plan.name, main, kind, on, off, broken, reach.score, why)


_KIND_ORDER = {"step": 0, "partial": 1, "unknown": 2, "detour": 3}


def fit_to_plans(vision: Vision, opp: Opportunity) -> PlanVerdict:
    """How the opportunity serves each plan, which it serves best, in one sentence:
    "A step on your wild card plan, a detour from your main plan."."""
    fits = [fit_to_plan(vision, p, opp, main=i == 0) for i, p in enumerate(vision.plans)]
    ranked = sorted(
        fits,
        key=lambda f: (_KIND_ORDER[f.kind], -(f.path_score or 0.0), not f.main),
    )
    best = ranked[0] if ranked and ranked[0].kind in ("step", "partial") else None
    main = fits[0]
    parts: list[str] = []
    if best is not None:
        verb = "A step on" if best.kind == "step" else "Partly on"
        parts.append(f"{verb} {_plan_label(best.plan, best.main)}")
        if not best.main:
            words = {
                "detour": "a detour from",
                "partial": "only partly on",
                "unknown": "unclear on",
            }
            if main.kind in words:
                parts.append(f"{words[main.kind]} {_plan_label(main.plan, True)}")
            else:
                parts.append(f"also a step on {_plan_label(main.plan, True)}")
        else:
            detours = [f for f in fits if f.kind == "detour" and not f.main]
            if detours:
                parts.append(
                    "a detour from " + " and ".join(_plan_label(f.plan, False) for f in detours)
                )
        text = ", ".join(parts) + "."
    elif all(f.kind == "detour" for f in fits):
        text = "A detour from every one of your plans." if len(fits) > 1 else main.why
    else:
        text = "Too little known about the role to place it on your plans."
    return PlanVerdict(fits, best.plan if best else None, text)


def plans_served(
    vision: Vision, opportunities: list[Opportunity]
) -> dict[str, list[tuple[Opportunity, PlanFit]]]:
    """Plan name -> the opportunities it is the best plan for, steps first."""
    served: dict[str, list[tuple[Opportunity, PlanFit]]] = {p.name: [] for p in vision.plans}
    for opp in opportunities:
        verdict = fit_to_plans(vision, opp)
        for fit in verdict.fits:
            if fit.kind in ("step", "partial") and (fit.plan == verdict.best or fit.kind == "step"):
                served[fit.plan].append((opp, fit))

    def order(item: tuple[Opportunity, PlanFit]) -> tuple[int, float]:
        return (
            _KIND_ORDER[item[1].kind],
            -(item[1].path_score or 0.0),
        )

    return {name: sorted(items, key=order) for name, items in served.items()}
