"""Suggestions → the moves people made: where people in your role went next, and who made
the move you want (as `nextmove moves`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from nextmove.errors import UserError
from nextmove.formats.moves_json import ONET_CREDIT, why_meet
from nextmove.services import moves as service
from nextmove.web.deps import DbDep, TodayDep
from nextmove.web.render import render

router = APIRouter(include_in_schema=False)

Title = Annotated[str, Query(max_length=service.MAX_TITLE, description="A job title.")]


@router.get("/suggestions/moves", response_class=HTMLResponse, summary="Moves people made")
def moves_page(
    request: Request,
    db: DbDep,
    today: TodayDep,
    from_: Annotated[str, Query(alias="from", max_length=service.MAX_TITLE)] = "",
    to: Title = "",
) -> HTMLResponse:
    report, problem = None, ""
    try:
        report = service.find_moves(
            db, from_title=from_.strip() or None, to_title=to.strip() or None, as_of=today
        )
    except UserError as exc:
        problem = f"{exc} {exc.hint or ''}".strip()
    return render(
        request,
        "moves.html",
        report=report,
        problem=problem,
        from_title=from_,
        to_title=to,
        why_meet=why_meet,
        onet_credit=ONET_CREDIT,
    )
