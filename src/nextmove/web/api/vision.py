"""/api/vision: the plan, its check."""

from __future__ import annotations

from fastapi import APIRouter

from nextmove.formats.json_shapes import vision_json
from nextmove.formats.plan_json import checks_json
from nextmove.formats.schemas.core import CheckPublic, ErrorPublic, VisionCreate, VisionPublic
from nextmove.services import vision as vision_service
from nextmove.web.deps import DbDep, NowDep, TodayDep

router = APIRouter(prefix="/vision", tags=["vision"])


@router.get("", response_model=VisionPublic, summary="Your vision (as `vision show --json`)")
def get_vision(db: DbDep) -> VisionPublic:
    return vision_json(vision_service.get_vision(db))


@router.put(
    "",
    response_model=VisionPublic,
    summary="Replace your vision",
    responses={400: {"model": ErrorPublic, "description": "A field is not valid."}},
)
def put_vision(body: VisionCreate, db: DbDep, now: NowDep) -> VisionPublic:
    vision = vision_service.save_vision_data(
        db, body.as_vision_data(), source="request body", now=now
    )
    return vision_json(vision)


@router.get("/check", response_model=CheckPublic, summary="Every weakness, with advice")
def get_check(db: DbDep, today: TodayDep) -> CheckPublic:
    return checks_json(vision_service.run_plan_checks(db, today=today))
