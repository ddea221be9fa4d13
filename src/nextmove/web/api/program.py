"""/api/program: an internal-mobility program's aggregate, anonymous figures (a program admin
only; server mode). A figure counting fewer than `min_group` people is null."""

from __future__ import annotations

from fastapi import APIRouter, Request

from nextmove.formats.schemas.core import ErrorPublic
from nextmove.formats.schemas.program import (
    ProgramMonthPublic,
    ProgramPublic,
    ProgramSnapshotPublic,
)
from nextmove.web.deps import ContextDep, TodayDep
from nextmove.web.routes.program import figures_for

router = APIRouter(tags=["program"])


@router.get(
    "/program",
    response_model=ProgramPublic,
    summary="The program's figures (a program admin only)",
    responses={403: {"model": ErrorPublic, "description": "Not a program admin."}},
)
def program(request: Request, context: ContextDep, today: TodayDep) -> ProgramPublic:
    f = figures_for(request, context, today)
    return ProgramPublic(
        as_of=f.as_of,
        min_group=f.min_group,
        employees=f.employees,
        with_plan=f.with_plan,
        months=[
            ProgramMonthPublic(month=m.month, research_meetings_held=m.meetings, people=m.people)
            for m in f.months
        ],
        snapshots=[
            ProgramSnapshotPublic(
                organization=s.organization,
                number=s.number,
                taken_on=s.taken_on,
                members=s.members,
                joiners=s.joiners,
                leavers=s.leavers,
                internal_moves=s.moves,
                title_changes=s.title_changes,
            )
            for s in f.snapshots
        ],
    )
