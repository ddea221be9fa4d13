"""/api/plans: alternative plans side by side, as `nextmove plan … --json`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response

from nextmove.formats.plan_json import compare_plans_json, plan_list_json, plan_summary_json
from nextmove.formats.schemas.core import ErrorPublic
from nextmove.formats.schemas.plans import (
    MeetingPlanEdit,
    MeetingPlanPublic,
    PlanComparePublic,
    PlanCreate,
    PlanEdit,
    PlanListPublic,
    PlanPublic,
)
from nextmove.services import plans as service
from nextmove.web.deps import DbDep, NowDep, SettingsDep, TodayDep

router = APIRouter(tags=["plans"])

MeetingId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The meeting's id.")]
PlanName = Annotated[str, Path(max_length=200, description="The plan's name; 'main' is yours.")]

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorPublic, "description": "No plan (or meeting) by that name."}
}
BAD: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorPublic, "description": "A field is not valid."}
}


def _plan(db: DbDep, name: str, today: TodayDep) -> PlanPublic:
    return plan_summary_json(service.show_plan(db, name, today=today))


@router.get("/plans", response_model=PlanListPublic, summary="Your plans (as `plan list --json`)")
def list_plans(db: DbDep, today: TodayDep) -> PlanListPublic:
    summaries = service.list_plans(db, today=today)
    return plan_list_json(summaries)


@router.get(
    "/plans/compare",
    response_model=PlanComparePublic,
    summary="Your plans side by side, with people to meet for each (as `plan compare --json`)",
)
def compare_plans(
    db: DbDep, today: TodayDep, settings: SettingsDep, people: int = 3
) -> PlanComparePublic:
    people = max(0, min(people, 10))
    summaries = service.list_plans(db, today=today)
    to_meet = (
        service.people_for_plans(
            db,
            today=today,
            limit=people,
            weights=settings.weights(),
            cooldown_days=settings.suggest_cooldown_days,
        )
        if people
        else {}
    )
    return compare_plans_json(summaries, to_meet)


@router.post(
    "/plans",
    response_model=PlanPublic,
    status_code=201,
    summary="Add an alternative plan (at most three)",
    responses={**BAD, **NOT_FOUND},
)
def add_plan(body: PlanCreate, db: DbDep, today: TodayDep, now: NowDep) -> PlanPublic:
    plan = service.create_plan(db, body.name, source=body.from_plan, now=now)
    return _plan(db, plan.name, today)


@router.get("/plans/{name}", response_model=PlanPublic, summary="One plan", responses=NOT_FOUND)
def get_plan(name: PlanName, db: DbDep, today: TodayDep) -> PlanPublic:
    return _plan(db, name, today)


@router.patch(
    "/plans/{name}",
    response_model=PlanPublic,
    summary="Change a plan's gauges, note or name (only the fields given)",
    responses={**BAD, **NOT_FOUND},
)
def edit_plan(
    name: PlanName, body: PlanEdit, db: DbDep, today: TodayDep, now: NowDep
) -> PlanPublic:
    given = body.model_dump(exclude_unset=True)
    gauges: dict[str, int | None] = {
        k: given[k] for k in ("resources", "likeability", "confidence", "coherence") if k in given
    }
    plan = service.change_plan(
        db, name, gauges=gauges, note=given.get("note"), rename=given.get("name"), now=now
    )
    return _plan(db, plan.name, today)


@router.post(
    "/plans/{name}/promote",
    response_model=PlanListPublic,
    summary="Make a plan the main plan; the old main plan stays as an alternative",
    responses={**BAD, **NOT_FOUND},
)
def promote_plan(name: PlanName, db: DbDep, today: TodayDep, now: NowDep) -> PlanListPublic:
    service.promote(db, name, now=now)
    return list_plans(db, today)


@router.delete(
    "/plans/{name}",
    status_code=204,
    summary="Delete an alternative plan",
    responses={**BAD, **NOT_FOUND},
)
def delete_plan(name: PlanName, db: DbDep, now: NowDep) -> Response:
    service.remove_plan(db, name, now=now)
    return Response(status_code=204)


@router.put(
    "/meetings/{meeting_id}/plan",
    response_model=MeetingPlanPublic,
    summary="Record which plan a meeting explores (null clears it)",
    tags=["meetings"],
    responses={**BAD, **NOT_FOUND},
)
def set_meeting_plan(
    meeting_id: MeetingId, body: MeetingPlanEdit, db: DbDep, now: NowDep
) -> MeetingPlanPublic:
    explores = service.set_meeting_plan(db, meeting_id, body.plan, now=now)
    return MeetingPlanPublic(meeting_id=meeting_id, plan=explores)
