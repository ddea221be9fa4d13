"""/api/program: an internal-mobility program's aggregate, anonymous figures (a program admin
only; server mode). A figure counting fewer than `min_group` people is null."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from nextmove.formats.schemas.core import ErrorPublic
from nextmove.web.deps import ContextDep, TodayDep
from nextmove.web.routes.program import figures_for

router = APIRouter(tags=["program"])

HIDDEN = "null when it would count fewer than min_group people"


class ProgramMonthPublic(BaseModel):
    month: str = Field(description="YYYY-MM")
    research_meetings_held: int | None = Field(description=f"Held that month; {HIDDEN}.")
    people: int | None = Field(description=f"Employees who held them; {HIDDEN}.")


class ProgramSnapshotPublic(BaseModel):
    organization: str
    number: int
    taken_on: date
    members: int | None
    joiners: int | None
    leavers: int | None
    internal_moves: int | None = Field(description=f"A new manager or department; {HIDDEN}.")
    title_changes: int | None


class ProgramPublic(BaseModel):
    as_of: date
    min_group: int = Field(description="Groups smaller than this are not shown.")
    employees: int | None = Field(description="Enabled member accounts; null below min_group.")
    with_plan: int | None = Field(
        description=f"Employees whose main plan names a next job; {HIDDEN}."
    )
    months: list[ProgramMonthPublic] = Field(description="The last 12 months, oldest first.")
    snapshots: list[ProgramSnapshotPublic] = Field(
        description="The directory's snapshots of your organizations, oldest first."
    )


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
