"""Settings (where things are) and the demo workspace."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextmove.services import demo as demo_service
from nextmove.services import vision as vision_service
from nextmove.services.workspace import describe_workspace
from nextmove.web.deps import DbDep, NowDep, SettingsDep, TodayDep
from nextmove.web.render import link_for, render

router = APIRouter(include_in_schema=False)


@router.get("/settings", response_class=HTMLResponse, summary="Settings")
def settings_page(
    request: Request,
    settings: SettingsDep,
    db: DbDep,
    restored: Annotated[str | None, Query(max_length=60)] = None,
    people: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    return render(
        request,
        "settings.html",
        info=describe_workspace(settings),
        workspace_name=db.name,
        restored=restored,
        restored_people=people,
    )


@router.get("/demo", response_class=HTMLResponse, summary="The demo workspace")
def demo_page(request: Request, db: DbDep) -> HTMLResponse:
    vision = vision_service.get_vision(db)
    return render(request, "demo.html", has_workspace=bool(vision.me.name or vision.steps))


@router.post("/demo", summary="Create the demo workspace")
async def create_demo(request: Request, db: DbDep, today: TodayDep, now: NowDep) -> Response:
    form = await request.form()
    demo_service.create_demo(db, today=today, now=now, replace=form.get("replace") == "yes")
    return RedirectResponse(link_for(request, "/", demo="created"), status_code=303)
