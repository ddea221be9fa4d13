"""/api/suggestions and /api/people/{id}/paths: as `nextmove suggest --json` and
`nextmove path ID --json`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from nextmove.formats.json_shapes import paths_json, suggestions_json
from nextmove.formats.schemas.core import ErrorPublic
from nextmove.formats.schemas.suggest import PathsPublic, SuggestionsPublic
from nextmove.services import suggest as suggest_service
from nextmove.web.deps import DbDep, SettingsDep, TodayDep

router = APIRouter(tags=["suggestions"])


@router.get(
    "/suggestions",
    response_model=SuggestionsPublic,
    summary="Who to talk to next (as `suggest --json`)",
)
def get_suggestions(
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    limit: Annotated[int, Query(ge=1, le=100, description="How many people.")] = 10,
    plan: Annotated[
        str | None,
        Query(max_length=120, description="Aim at this plan (default: your main plan)."),
    ] = None,
) -> SuggestionsPublic:
    result = suggest_service.suggest_people(
        db,
        today=today,
        limit=limit,
        weights=settings.weights(),
        cooldown_days=settings.suggest_cooldown_days,
        plan=plan,
    )
    return suggestions_json(result)


@router.get(
    "/people/{person_id}/paths",
    response_model=PathsPublic,
    summary="Warm-introduction paths to a person (as `path ID --json`)",
    responses={
        404: {"model": ErrorPublic, "description": "No such person."},
        400: {"model": ErrorPublic, "description": "That is you."},
    },
)
def get_paths(
    person_id: Annotated[int, Path(ge=1, le=2**31 - 1, description="The person's id.")],
    db: DbDep,
    limit: Annotated[int, Query(ge=1, le=10, description="How many paths.")] = 3,
) -> PathsPublic:
    result = suggest_service.warm_paths(db, str(person_id), limit=limit)
    return paths_json(result)
