"""The shapes of /api/today, /api/round and /api/board: the same as `nextmove today --json`,
`round show|plan --json` and `board show --json` (docs/json.md)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from nextmove.domain.days import FIRST_DAY, LAST_DAY
from nextmove.formats.schemas.core import PersonRefPublic, Public
from nextmove.formats.schemas.meetings import MeetingPublic, SlotPublic, TaskPublic
from nextmove.formats.schemas.suggest import SuggestionPublic

TouchStateValue = Literal["ok", "due", "overdue"]
Day = Annotated[dt.date, Field(ge=FIRST_DAY, le=LAST_DAY)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SeatCadencePublic(Public):
    state: TouchStateValue
    due_on: dt.date | None
    overdue_on: dt.date | None
    days_since: int | None
    snoozed: bool


class CheckinPublic(Public):
    subject: str
    body: str


class CandidatePublic(Public):
    id: int | None = Field(description="null for a member of your org chart (see `member`).")
    member: str | None = None
    name: str
    title: str
    organization: str
    reasons: list[str]


class SeatPublic(Public):
    seat: int = Field(ge=1, le=3)
    person: PersonRefPublic | None = Field(description="Null for an empty seat.")
    why: str
    cadence_days: int
    last_chat_on: dt.date | None
    status: SeatCadencePublic | None
    checkin: CheckinPublic | None = Field(description="A check-in draft for an overdue seat.")
    slots: list[SlotPublic] = Field(description="Proposed 30-minute times for an overdue seat.")
    candidates: list[CandidatePublic] = Field(description="For an empty seat.")


class BoardPublic(Public):
    seats: list[SeatPublic]


class SeatUpdate(_In):
    """Who sits in the seat (their id, or a name), why, how often you meet in person."""

    person: (
        Annotated[int, Field(ge=1, le=2**31 - 1)]
        | Annotated[str, Field(min_length=1, max_length=200)]
    ) = Field(description="The person's id, or their name.")
    why: Annotated[str, Field(min_length=1, max_length=500)]
    cadence_days: Annotated[int, Field(ge=1, le=3650)] = 90
    last_chat_on: Day | None = None


class ChatCreate(_In):
    date: Day | None = Field(default=None, description="When you met; default: today.")


class ContactDuePublic(Public):
    person: PersonRefPublic
    state: TouchStateValue
    due_on: dt.date | None
    overdue_on: dt.date | None
    days_since: int | None
    snoozed: bool


class TodayContactPublic(ContactDuePublic):
    """A contact due, in the order to reach them: tier, how overdue, tie, plan."""

    tier: str | None = Field(description="A, B or C; null with a personal cadence only.")
    tie_strength: int = Field(description="1…5 when you know them directly, else 0.")
    plan_relevance: float = Field(
        description="0…1: how close their role is to the next two steps of your plan."
    )


class DigestRoundPublic(Public):
    id: int
    created_on: dt.date | None
    size: int
    weeks: int
    totals: dict[str, int]
    weeks_progress: list[dict[str, int]] = Field(description="Per week: `week` and the counts.")


class TodayPublic(Public):
    today: dt.date
    meetings_today: list[MeetingPublic]
    meetings_this_week: list[MeetingPublic]
    nudges_due: list[MeetingPublic]
    thanks_due: list[MeetingPublic]
    tasks_due: list[TaskPublic]
    advisors_due: list[SeatPublic]
    contacts_due: list[TodayContactPublic]
    round: DigestRoundPublic | None
    next_people: list[SuggestionPublic]


class RoundProgressPublic(Public):
    round_id: int
    created_on: dt.date
    size: int
    weeks: int
    totals: dict[str, int]
    per_week: dict[str, dict[str, int]]


class RoundSlotPublic(Public):
    week: int
    reach_out_by: dt.date
    why_chosen: str
    suggestion: SuggestionPublic


class RoundPlanPublic(Public):
    round_id: int | None = Field(description="Null for a dry run.")
    slots: list[RoundSlotPublic]


class RoundCreate(_In):
    size: Annotated[int, Field(ge=1, le=30)] = 6
    weeks: Annotated[int, Field(ge=1, le=12)] = 3
    dry_run: bool = False
    plan: str | None = Field(
        default=None,
        max_length=120,
        description="Aim the round at this plan (default: the main plan); its meetings record it.",
    )
