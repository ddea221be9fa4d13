"""The meeting API's shapes: the same as `nextmove meeting … --json` (docs/json.md)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from nextmove.formats.schemas.core import ChainLinkPublic, PersonRefPublic, Public

StateValue = Literal[
    "idea", "requested", "scheduled", "held", "followed-up", "declined", "no-reply"
]
StepValue = Literal["requested", "held", "followed-up", "declined", "no-reply"]
KindValue = Literal["research", "advisor-checkin"]
ModeValue = Literal["in-person", "video", "phone"]
DraftKindValue = Literal["request", "nudge", "thanks", "checkin"]
MAX_ID = 2**31 - 1
# Text a database can keep: no NUL characters (PostgreSQL refuses them).
_NO_NUL = r"^[^\x00]*$"
Short = Annotated[str, Field(max_length=300, pattern=_NO_NUL)]
Long = Annotated[str, Field(max_length=10_000, pattern=_NO_NUL)]


class RoundRefPublic(Public):
    id: int | None
    week: int | None
    reach_out_by: dt.date | None


class StateDatePublic(Public):
    state: StateValue
    on: dt.date


class MeetingPublic(Public):
    id: int
    person: PersonRefPublic
    kind: KindValue
    state: StateValue
    minutes: int
    mode: ModeValue
    place: str
    link: str
    starts_at: str | None = Field(description="ISO 8601 with its UTC offset, as stored.")
    sequence: int
    why: str
    round: RoundRefPublic | None
    history: list[StateDatePublic]
    nudge_due: bool
    nudge_on: dt.date | None


class MeetingListPublic(Public):
    meetings: list[MeetingPublic]


class InsightPublic(Public):
    id: int | None
    text: str
    affects: str | None = Field(description="step:N, priority:N or choice:SUBJECT, or null.")
    affects_label: str
    on: dt.date | None


class ReferralPublic(Public):
    person: PersonRefPublic
    meeting_id: int | None
    on: dt.date | None


class TaskPublic(Public):
    id: int | None
    meeting_id: int
    person: str
    text: str
    due: dt.date | None
    done: dt.date | None


class MeetingDetailPublic(MeetingPublic):
    agenda: str | None
    notes: str
    drafts: list[DraftKindValue]
    thanks_due_on: dt.date | None
    insights: list[InsightPublic]
    referrals: list[ReferralPublic]
    tasks: list[TaskPublic]
    chain: list[ChainLinkPublic]
    plan: str | None = Field(description="The plan this meeting explores, by name, or null.")


class SlotPublic(Public):
    start: str = Field(description="ISO 8601 with the offset of your time zone.")
    end: str
    minutes: int


class SlotsPublic(Public):
    meeting_id: int
    timezone: str
    minutes: int
    slots: list[SlotPublic]


class DraftPublic(Public):
    meeting_id: int
    kind: DraftKindValue
    subject: str
    body: str
    text: str = Field(description="'Subject: …', a blank line, then the body.")


class AgendaPublic(Public):
    meeting_id: int
    agenda: str


class NotesPublic(Public):
    meeting_id: int
    notes: str = Field(description="Every note, one dated line each ('2026-11-22: …').")


class ReferralResultPublic(Public):
    person: PersonRefPublic
    created_person: bool = Field(description="False when the person was already known.")
    meeting_id: int | None = Field(description="The meeting idea with the referred person.")
    already_referred: bool


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MeetingCreate(_In):
    """A meeting idea with a person: give `person_id`, or `person` (an id or a name)."""

    person_id: int | None = Field(default=None, ge=1, le=MAX_ID)
    person: Short | None = Field(default=None, description="A person's id or name.")
    why: Long = ""
    kind: KindValue = "research"
    mode: ModeValue | None = Field(default=None, description="Default: video.")


class MeetingStepCreate(_In):
    state: StepValue
    date: dt.date | None = Field(default=None, description="Default: today (or ?as_of).")
    early: bool = Field(
        default=False,
        description="Confirm a meeting was held although its scheduled time has not come "
        "yet; without it such a step answers 409 and changes nothing.",
    )


class ScheduleCreate(_In):
    at: Annotated[str, Field(min_length=1, max_length=40, pattern=_NO_NUL)] = Field(
        description="'YYYY-MM-DD HH:MM' on the wall clock of your `timezone` setting."
    )
    minutes: int | None = Field(default=None, ge=5, le=480)
    mode: ModeValue | None = None
    place: Short | None = None
    link: Annotated[str, Field(max_length=2000, pattern=_NO_NUL)] | None = None
    date: dt.date | None = Field(
        default=None, description="The day it was scheduled; default: today (or ?as_of)."
    )


class AgendaUpdate(_In):
    agenda: Annotated[str, Field(max_length=50_000, pattern=_NO_NUL)]


class NoteCreate(_In):
    text: Annotated[str, Field(min_length=1, max_length=10_000, pattern=_NO_NUL)]
    date: dt.date | None = Field(default=None, description="Default: today (or ?as_of).")


class InsightCreate(_In):
    text: Annotated[str, Field(min_length=1, max_length=10_000, pattern=_NO_NUL)]
    affects: Annotated[str, Field(max_length=40, pattern=_NO_NUL)] | None = Field(
        default=None, description="step:N (1 = the next job), priority:N or choice:SUBJECT."
    )


class ReferralCreate(_In):
    name: Annotated[str, Field(min_length=1, max_length=300, pattern=_NO_NUL)]
    organization: Short = ""
    title: Short = ""
    email: Short = ""


class TaskCreate(_In):
    text: Annotated[str, Field(min_length=1, max_length=2000, pattern=_NO_NUL)]
    due: dt.date


class TaskDone(_In):
    date: dt.date | None = Field(default=None, description="Default: today (or ?as_of).")
