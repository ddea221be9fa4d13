"""JSON shapes of plans (`plan list/show/compare --json`, /api/plans) and of which plan an
opportunity serves (in `opp evaluate --json`). Documented in docs/json.md."""

from __future__ import annotations

from typing import Any

from nextmove.domain.opportunities import Opportunity
from nextmove.domain.plans import PlanCheck, PlanFit, PlanVerdict
from nextmove.domain.vision import GAUGE_MEANINGS, GAUGES, Plan
from nextmove.formats.json_shapes import findings_json, step_json
from nextmove.formats.schemas.core import CheckPublic
from nextmove.formats.schemas.plans import PlanComparePublic, PlanListPublic, PlanPublic


def plan_core_json(plan: Plan, *, main: bool, rank: int) -> dict[str, Any]:
    return {
        "name": plan.name,
        "main": main,
        "rank": rank,
        "note": plan.note,
        "gauges": plan.gauges.as_dict(),
        "choices": {
            "industry": plan.choices.industry.value,
            "company": plan.choices.company.value,
            "city": plan.choices.city.value,
        },
        "steps": [step_json(i, s) for i, s in enumerate(plan.steps)],
    }


def plan_fit_json(fit: PlanFit) -> dict[str, Any]:
    return {
        "plan": fit.plan,
        "main": fit.main,
        "kind": fit.kind,
        "on_path": list(fit.on_path),
        "off_path": list(fit.off_path),
        "broken_choices": list(fit.broken_choices),
        "path_score": fit.path_score,
        "why": fit.why,
    }


def plan_verdict_json(verdict: PlanVerdict | None) -> dict[str, Any] | None:
    if verdict is None:
        return None
    return {
        "best": verdict.best,
        "text": verdict.text,
        "fits": [plan_fit_json(f) for f in verdict.fits],
    }


def served_json(opp: Opportunity, fit: PlanFit) -> dict[str, Any]:
    return {
        "id": opp.id,
        "title": opp.title,
        "organization": opp.organization,
        "status": opp.status.value,
        "kind": fit.kind,
        "why": fit.why,
    }


def person_to_meet_json(person: Any) -> dict[str, Any]:
    c = person.candidate
    return {
        "id": c.person_id,
        "name": c.name,
        "title": c.title,
        "organization": c.organization,
        "score": person.score,
        "why": person.reasons[0].text if person.reasons else "",
    }


def plan_summary_json(summary: Any, people: list[Any] | None = None) -> PlanPublic:
    """A services.plans.PlanSummary (with the people to meet for it, when given)."""
    shape = plan_core_json(summary.plan, main=summary.main, rank=summary.rank)
    shape["check"] = findings_json(summary.findings)
    shape["serves"] = [served_json(o, f) for o, f in summary.serves]
    shape["meetings"] = summary.meetings
    if people is not None:
        shape["people"] = [person_to_meet_json(p) for p in people]
    return PlanPublic.model_validate(shape)


def plan_list_json(summaries: list[Any]) -> PlanListPublic:
    """`plan list --json`: every plan, the main plan first."""
    return PlanListPublic(plans=[plan_summary_json(s) for s in summaries])


def compare_plans_json(summaries: list[Any], people: dict[str, list[Any]]) -> PlanComparePublic:
    best: dict[str, str | None] = {}
    for gauge in GAUGES:
        rated = [(getattr(s.plan.gauges, gauge), s.name) for s in summaries]
        known = [r for r in rated if r[0] is not None]
        top = max((v for v, _ in known), default=None)
        leaders = [n for v, n in known if v == top]
        best[gauge] = leaders[0] if len(leaders) == 1 else None
    shape = {
        "gauges": dict(GAUGE_MEANINGS),
        "best_by_gauge": best,
        "plans": [plan_summary_json(s, people.get(s.name, [])) for s in summaries],
    }
    return PlanComparePublic.model_validate(shape)


def checks_json(checks: list[PlanCheck]) -> CheckPublic:
    """`vision check --json`: the main plan's findings, and the check of every plan."""
    shape = findings_json(checks[0].findings)
    shape["plans"] = [
        {"name": c.plan.name, "main": c.main, **findings_json(c.findings)} for c in checks
    ]
    shape["ok"] = all(p["ok"] for p in shape["plans"])
    return CheckPublic.model_validate(shape)
