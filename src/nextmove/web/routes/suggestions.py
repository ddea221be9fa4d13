"""Suggestions: who to talk to next with every reason and the warm path, the network map,
and the warm paths to one person."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from nextmove.services import suggest as suggest_service
from nextmove.services.network_map import network_map
from nextmove.web.deps import DbDep, SettingsDep, TodayDep
from nextmove.web.network_map import draw_map
from nextmove.web.render import render

router = APIRouter(include_in_schema=False)

LIMITS = (5, 10, 20, 50)
MAP_TOP = 8  # suggestions drawn on the map
Limit = Annotated[int, Query(ge=1, le=100, description="How many people to list.")]
PersonId = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _map(db: DbDep, settings: SettingsDep, today: TodayDep, limit: int):  # type: ignore[no-untyped-def]
    data = network_map(
        db,
        today=today,
        limit=limit,
        weights=settings.weights(),
        cooldown_days=settings.suggest_cooldown_days,
    )
    return data, draw_map(data, top=MAP_TOP)


@router.get("/suggestions", response_class=HTMLResponse, summary="Suggestions")
def suggestions_page(
    request: Request, db: DbDep, settings: SettingsDep, today: TodayDep, limit: Limit = 10
) -> HTMLResponse:
    data, drawing = _map(db, settings, today, limit)
    return render(
        request,
        "suggestions.html",
        data=data,
        result=data.result,
        drawing=drawing,
        limit=limit,
        limits=LIMITS,
        map_top=MAP_TOP,
        cooldown_days=settings.suggest_cooldown_days,
    )


@router.get("/map", response_class=HTMLResponse, summary="The network map")
def map_page(request: Request, db: DbDep, settings: SettingsDep, today: TodayDep) -> HTMLResponse:
    data, drawing = _map(db, settings, today, MAP_TOP)
    return render(request, "map.html", data=data, result=data.result, drawing=drawing)


@router.get(
    "/suggestions/paths/{person_id}", response_class=HTMLResponse, summary="Paths to a person"
)
def paths_page(request: Request, person_id: PersonId, db: DbDep) -> HTMLResponse:
    result = suggest_service.warm_paths(db, str(person_id))
    return render(request, "paths.html", result=result)
