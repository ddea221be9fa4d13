"""/api/round: the current round's progress and planning a new one, as `nextmove round show
--json` and `round plan --json`."""

from __future__ import annotations

from fastapi import APIRouter

from nextmove.formats.digest_json import round_plan_json, round_progress_json
from nextmove.formats.schemas.board import RoundCreate, RoundPlanPublic, RoundProgressPublic
from nextmove.formats.schemas.core import ErrorPublic
from nextmove.services import meeting_rounds
from nextmove.services import suggest as suggest_service
from nextmove.web.deps import DbDep, SettingsDep, TodayDep

router = APIRouter(prefix="/round", tags=["round"])


@router.get(
    "",
    response_model=RoundProgressPublic | None,
    summary="The current round's progress (as `round show --json`; null without a round)",
)
def get_round(db: DbDep) -> RoundProgressPublic | None:
    round_id = meeting_rounds.current_round_id(db)
    if round_id is None:
        return None
    progress = meeting_rounds.round_progress(db, round_id)
    return round_progress_json(progress)


@router.post(
    "",
    response_model=RoundPlanPublic,
    summary="Plan a round (as `round plan --json`); `dry_run` saves nothing",
    responses={400: {"model": ErrorPublic, "description": "No one to plan a round with."}},
)
def plan_round(
    body: RoundCreate, db: DbDep, settings: SettingsDep, today: TodayDep
) -> RoundPlanPublic:
    plan = suggest_service.plan_research_round(
        db,
        today=today,
        size=body.size,
        weeks=body.weeks,
        weights=settings.weights(),
        cooldown_days=settings.suggest_cooldown_days,
        save=not body.dry_run,
        plan=body.plan,
    )
    return round_plan_json(plan)
