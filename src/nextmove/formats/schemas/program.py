"""The shape of /api/program: an internal-mobility program's aggregate, anonymous figures.
A figure counting fewer than `min_group` people is null. docs/api.md lists it."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from nextmove.formats.schemas.core import Public

HIDDEN = "null when it would count fewer than min_group people"


class ProgramMonthPublic(Public):
    month: str = Field(description="YYYY-MM")
    research_meetings_held: int | None = Field(description=f"Held that month; {HIDDEN}.")
    people: int | None = Field(description=f"Employees who held them; {HIDDEN}.")


class ProgramSnapshotPublic(Public):
    organization: str
    number: int
    taken_on: dt.date
    members: int | None
    joiners: int | None
    leavers: int | None
    internal_moves: int | None = Field(description=f"A new manager or department; {HIDDEN}.")
    title_changes: int | None


class ProgramPublic(Public):
    as_of: dt.date
    min_group: int = Field(description="Groups smaller than this are not shown.")
    employees: int | None = Field(description="Enabled member accounts; null below min_group.")
    with_plan: int | None = Field(
        description=f"Employees whose main plan names a next job; {HIDDEN}."
    )
    months: list[ProgramMonthPublic] = Field(description="The last 12 months, oldest first.")
    snapshots: list[ProgramSnapshotPublic] = Field(
        description="The directory's snapshots of your organizations, oldest first."
    )
