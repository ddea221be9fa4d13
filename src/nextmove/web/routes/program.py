"""The internal-mobility program's page for its admin (server mode): aggregate, anonymous
figures only (services/program.py). In local mode there is no program (404)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from nextmove.errors import NotFound
from nextmove.services import program as service
from nextmove.web.auth import principal_of
from nextmove.web.deps import ContextDep, TodayDep
from nextmove.web.render import render

router = APIRouter(include_in_schema=False)


def figures_for(request: Request, context: ContextDep, today: TodayDep) -> service.ProgramFigures:
    principal = principal_of(request)
    if principal is None:
        raise NotFound(
            "an internal-mobility program exists only in server mode",
            hint="Run `nextmove server`; a program admin signs in there.",
        )
    return service.program_figures(context.database, principal.account, today=today)


@router.get("/program", response_class=HTMLResponse, summary="The program's figures")
def program_page(request: Request, context: ContextDep, today: TodayDep) -> HTMLResponse:
    figures = figures_for(request, context, today)
    return render(request, "program.html", figures=figures)
