"""/api/opportunities: the same operations and shapes as `nextmove opp … --json`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from nextmove.domain.edits import OpportunityInput
from nextmove.formats.opportunity_json import (
    compare_json,
    evaluate_json,
    evaluation_json,
    list_json,
    opportunity_json,
)
from nextmove.formats.schemas.core import ErrorPublic
from nextmove.formats.schemas.opportunities import (
    ComparePublic,
    DecisionCreate,
    DecisionResultPublic,
    EvaluateListPublic,
    EvaluationPublic,
    OpportunityCreate,
    OpportunityListPublic,
    OpportunityPublic,
    OpportunityUpdate,
    RatingCreate,
    RatingPublic,
    StatusCreate,
    StatusValue,
)
from nextmove.services import opportunities as service
from nextmove.web.deps import DbDep, NowDep, TodayDep

router = APIRouter(prefix="/opportunities", tags=["opportunities"])

OppId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The opportunity's id.")]
Ids = Annotated[
    list[Annotated[int, Query(ge=1, le=2**31 - 1)]] | None,
    Query(description="Opportunity ids (repeat: ?ids=1&ids=3)."),
]
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorPublic, "description": "No such opportunity."}
}
BAD: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorPublic, "description": "A field is not valid."}
}


@router.get("", response_model=OpportunityListPublic, summary="All, with the source mix")
def list_opportunities(db: DbDep, status: StatusValue | None = None) -> OpportunityListPublic:
    opportunities, mix = service.list_opportunities(db, status=status)
    return list_json(opportunities, mix)


def _given(fields: dict[str, Any]) -> OpportunityInput:
    """A body's fields (what was sent, by name) as the service's input."""
    given: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}
    return OpportunityInput(**given)


@router.post(
    "",
    response_model=OpportunityPublic,
    status_code=201,
    summary="Add one (by hand, or from a posting's text)",
    responses=BAD,
)
def add_opportunity(
    body: OpportunityCreate, db: DbDep, today: TodayDep, now: NowDep
) -> OpportunityPublic:
    added = service.add_from_input(
        db,
        _given(body.model_dump(exclude={"posting"}, exclude_none=True)),
        posting=body.posting.encode("utf-8") if body.posting.strip() else None,
        posting_source="posting",
        today=today,
        now=now,
    )
    opp = added.opportunity
    return opportunity_json(opp)


@router.get(
    "/evaluation",
    response_model=EvaluateListPublic,
    summary="Evaluate several (default: every open one), as `opp evaluate --json`",
    responses={**BAD, **NOT_FOUND},
)
def evaluate_many(db: DbDep, today: TodayDep, ids: Ids = None) -> EvaluateListPublic:
    evaluations, mix = service.evaluate(db, list(ids or []), today=today)
    return evaluate_json(evaluations, mix)


@router.get(
    "/compare",
    response_model=ComparePublic,
    summary="Side by side, best first, as `opp compare --json`",
    responses={**BAD, **NOT_FOUND},
)
def compare(db: DbDep, today: TodayDep, ids: Ids = None) -> ComparePublic:
    return compare_json(service.compare(db, list(ids or []), today=today))


@router.get(
    "/{opp_id}", response_model=OpportunityPublic, summary="One opportunity", responses=NOT_FOUND
)
def get_opportunity(opp_id: OppId, db: DbDep) -> OpportunityPublic:
    return opportunity_json(service.get_opportunity(db, opp_id))


@router.patch(
    "/{opp_id}",
    response_model=OpportunityPublic,
    summary="Change fields (as `opp edit`)",
    responses={**BAD, **NOT_FOUND},
)
def edit_opportunity(
    opp_id: OppId, body: OpportunityUpdate, db: DbDep, now: NowDep
) -> OpportunityPublic:
    given = _given(body.model_dump(exclude_unset=True, exclude_none=True))
    opp = service.edit_opportunity(db, opp_id, given, now=now)
    return opportunity_json(opp)


@router.delete("/{opp_id}", status_code=204, summary="Delete one", responses=NOT_FOUND)
def delete_opportunity(opp_id: OppId, db: DbDep) -> Response:
    service.delete_opportunity(db, opp_id)
    return Response(status_code=204)


@router.get(
    "/{opp_id}/evaluation",
    response_model=EvaluationPublic,
    summary="Its evaluation against your plan",
    responses={**BAD, **NOT_FOUND},
)
def evaluate_one(opp_id: OppId, db: DbDep, today: TodayDep) -> EvaluationPublic:
    evaluations, _mix = service.evaluate(db, [opp_id], today=today)
    return evaluation_json(evaluations[0])


@router.post(
    "/{opp_id}/status",
    response_model=OpportunityPublic,
    summary="Move it to a new status",
    responses={**BAD, **NOT_FOUND},
)
def set_status(
    opp_id: OppId, body: StatusCreate, db: DbDep, today: TodayDep, now: NowDep
) -> OpportunityPublic:
    opp = service.set_status(
        db, opp_id, body.status, day=body.date or today, note=body.note, now=now
    )
    return opportunity_json(opp)


@router.post(
    "/{opp_id}/ratings",
    response_model=RatingPublic,
    summary="Rate it against one of your priorities (null clears)",
    responses={**BAD, **NOT_FOUND},
)
def rate(opp_id: OppId, body: RatingCreate, db: DbDep, now: NowDep) -> RatingPublic:
    name, opp = service.rate_opportunity(db, opp_id, body.priority, body.rating, now=now)
    return RatingPublic.model_validate(
        {"priority": name, "rating": body.rating, "opportunity": opportunity_json(opp)}
    )


@router.post(
    "/{opp_id}/decisions",
    response_model=DecisionResultPublic,
    status_code=201,
    summary="Record a decision and why",
    responses={**BAD, **NOT_FOUND},
)
def decide(
    opp_id: OppId, body: DecisionCreate, db: DbDep, today: TodayDep, now: NowDep
) -> DecisionResultPublic:
    decision, status = service.decide(
        db, opp_id, choice=body.choice, why=body.why, day=body.date or today, now=now
    )
    return DecisionResultPublic.model_validate(
        {
            "decision": {
                "id": decision.id,
                "date": decision.day,
                "choice": decision.choice,
                "why": decision.why,
            },
            "status": status.value if status else None,
        }
    )
