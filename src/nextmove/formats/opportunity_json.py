"""The documented JSON shapes of the opportunity commands (docs/json.md)."""

from __future__ import annotations

from typing import Any

from nextmove.domain import evaluate as ev
from nextmove.domain.evaluate import Evaluation
from nextmove.domain.matching import MATCH_AT_LEAST
from nextmove.domain.opportunities import (
    MOSTLY_PASSIVE_ABOVE,
    SOURCE_HELP,
    Opportunity,
    OpportunityPeople,
    PersonNear,
    SourceMix,
)
from nextmove.formats.json_shapes import level_json
from nextmove.formats.plan_json import plan_verdict_json
from nextmove.formats.schemas.opportunities import (
    ComparePublic,
    EvaluateListPublic,
    EvaluationPublic,
    OpportunityListPublic,
    OpportunityPeoplePublic,
    OpportunityPublic,
)


def opportunity_json(opp: Opportunity) -> OpportunityPublic:
    shape = {
        "id": opp.id,
        "title": opp.title,
        "organization": opp.organization,
        "function": opp.function,
        "level": level_json(opp.level),
        "industry": opp.industry,
        "city": opp.city,
        "remote": opp.remote,
        "source": opp.source.value,
        "link": opp.link,
        "notes": opp.notes,
        "brand": opp.brand,
        "involves": list(opp.involves),
        "status": opp.status.value,
        "added_on": opp.added_on.isoformat() if opp.added_on else None,
        "ratings": dict(sorted(opp.ratings.items())),
        "history": [
            {"status": h.status.value, "date": h.day.isoformat(), "note": h.note}
            for h in opp.history
        ],
        "decisions": [
            {"id": d.id, "date": d.day.isoformat(), "choice": d.choice, "why": d.why}
            for d in opp.decisions
        ],
    }
    return OpportunityPublic.model_validate(shape)


def source_mix_json(mix: SourceMix) -> dict[str, Any]:
    return {
        "total": mix.total,
        "by_source": mix.by_source,
        "hr_and_job_boards": mix.passive,
        "network_or_self_created": mix.own,
        "mostly_hr_and_job_boards": mix.mostly_passive,
        "threshold": f"more than {MOSTLY_PASSIVE_ABOVE:.0%} from hr-proposal and job-board",
        "advice": mix.advice,
        "sources": {s.value: text for s, text in SOURCE_HELP.items()},
    }


def list_json(opportunities: list[Opportunity], mix: SourceMix) -> OpportunityListPublic:
    shape = {
        "opportunities": [opportunity_json(o) for o in opportunities],
        "source_mix": source_mix_json(mix),
    }
    return OpportunityListPublic.model_validate(shape)


def evaluation_json(e: Evaluation) -> EvaluationPublic:
    opp = e.opportunity
    known_weights = sum(p.weight for p in e.priorities if p.rating is not None)
    shape = {
        "opportunity": {
            "id": opp.id,
            "title": opp.title,
            "organization": opp.organization,
            "source": opp.source.value,
            "status": opp.status.value,
        },
        "verdict": {"key": e.verdict.key, "text": e.verdict.text},
        "plans": plan_verdict_json(e.plans),
        "overall": {
            "value": e.overall,
            "scale": "1-5",
            "method": "weighted mean of the known parts",
            "weights": dict(ev.OVERALL_WEIGHTS),
            "inputs": {
                "priority_fit": e.fit,
                "energy": e.energy.score,
                "path": e.reach.score,
            },
            "bands": {
                "strong-fit": f">= {ev.STRONG_FIT_AT_LEAST} and no flags",
                "worth-exploring": f">= {ev.WORTH_EXPLORING_AT_LEAST} and no serious flag",
                "weak-fit": f"< {ev.WORTH_EXPLORING_AT_LEAST}",
            },
        },
        "priority_fit": {
            "value": e.fit,
            "scale": "1-5",
            "method": "weighted mean of the known ratings; unrated priorities are left out",
            "weights_by_rank": list(ev.RANK_WEIGHTS),
            "known_weight": known_weights,
            "thresholds": {
                "top_priority_weak_at_most": ev.TOP_PRIORITY_WEAK_AT_MOST,
                "fit_weak_below": ev.FIT_WEAK_BELOW,
            },
            "priorities": [
                {
                    "rank": p.rank,
                    "name": p.name,
                    "weight": p.weight,
                    "rating": p.rating,
                    "basis": p.basis,
                    "why": p.why,
                }
                for p in e.priorities
            ],
        },
        "energy": {
            "value": e.energy.score,
            "scale": "1-5",
            "method": "3 + 2 × (energizing share − draining share) of what the work involves",
            "energizing_share": _share(e.energy.energizing_share),
            "draining_share": _share(e.energy.draining_share),
            "strengths_share": _share(e.energy.strengths_share),
            "items": [
                {"name": i.name, "kind": i.kind, "strength": i.strength, "why": i.why}
                for i in e.energy.items
            ],
            "match": f"rapidfuzz token_set_ratio >= {MATCH_AT_LEAST}",
            "thresholds": {
                "draining_share_at_least": ev.DRAINING_SHARE_AT_LEAST,
                "energizing_share_below": round(ev.ENERGIZING_SHARE_BELOW, 4),
            },
        },
        "reach": {
            "level_change": e.reach.level_change,
            "level": level_json(opp.level),
            "function_change": e.reach.function_change,
            "description": e.reach.description,
            "impressive": e.impressive,
            "thresholds": {
                "reach_min_levels": ev.REACH_MIN_LEVELS,
                "impressive_level_jump": ev.IMPRESSIVE_LEVEL_JUMP,
                "impressive_level": ev.IMPRESSIVE_LEVEL,
                "detour_mismatches_at_least": ev.DETOUR_MISMATCHES_AT_LEAST,
            },
            "path": {
                "value": e.reach.score,
                "scale": "1-5",
                "method": "1 + 4 × (parts on your path / parts known)",
                "parts": [
                    {"part": p.part, "on_path": p.on_path, "why": p.why} for p in e.reach.path
                ],
            },
        },
        "choices": [
            {"subject": c.subject, "choice": c.choice, "outcome": c.outcome, "why": c.why}
            for c in e.choices
        ],
        "flags": [
            {
                "code": f.code,
                "severity": f.severity,
                "title": f.title,
                "explanation": f.explanation,
                "threshold": f.threshold,
                "inputs": f.inputs,
            }
            for f in e.flags
        ],
    }
    return EvaluationPublic.model_validate(shape)


def _share(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def evaluate_json(evaluations: list[Evaluation], mix: SourceMix) -> EvaluateListPublic:
    shape = {
        "evaluations": [evaluation_json(e) for e in evaluations],
        "source_mix": source_mix_json(mix),
    }
    return EvaluateListPublic.model_validate(shape)


def compare_json(evaluations: list[Evaluation]) -> ComparePublic:
    shape = {
        "best": evaluations[0].opportunity.id if evaluations else None,
        "ranking": [e.opportunity.id for e in evaluations],
        "evaluations": [evaluation_json(e) for e in evaluations],
    }
    return ComparePublic.model_validate(shape)


def person_near_json(p: PersonNear) -> dict[str, Any]:
    return {
        "id": p.person_id,
        "name": p.name,
        "title": p.title,
        "organization": p.organization,
        "function": p.function,
        "level": level_json(p.level),
        "roles": p.roles,
        "direct": {"strength": p.direct[0], "how": p.direct[1]} if p.direct else None,
        "path": " → ".join(("you", *p.path)) if p.path else None,
    }


def opportunity_people_json(found: OpportunityPeople) -> OpportunityPeoplePublic:
    """`nextmove opp people ID --json`."""
    shape = {
        "opportunity": {
            "id": found.opportunity_id,
            "title": found.title,
            "organization": found.organization,
        },
        "involved": [person_near_json(p) for p in found.involved],
        "at_organization": [person_near_json(p) for p in found.at_organization],
        "nearby": [person_near_json(p) for p in found.nearby],
        "in_chart": [
            {
                "member": p.member_ref,
                "name": p.name,
                "title": p.title,
                "organization": p.organization,
                "function": p.function,
                "level": level_json(p.level),
                "why": p.why,
            }
            for p in found.in_chart
        ],
    }
    return OpportunityPeoplePublic.model_validate(shape)
