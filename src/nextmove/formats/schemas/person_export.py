"""The shape of `GET /api/people/{id}/export` (as `nextmove people export`; docs/json.md)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from nextmove.formats.schemas.core import Instant, Public
from nextmove.formats.schemas.meetings import (
    InsightPublic,
    MeetingPublic,
    ReferralPublic,
    TaskPublic,
)
from nextmove.formats.schemas.people import PersonDetailPublic


class ExportedMeetingPublic(MeetingPublic):
    agenda: str | None
    notes: str
    insights: list[InsightPublic]
    referrals: list[ReferralPublic]
    tasks: list[TaskPublic]


class ReferredInPublic(Public):
    meeting_id: int
    by: str


class ExportedSeatPublic(Public):
    seat: int
    why: str
    cadence_days: int
    last_chat_on: dt.date | None
    since: dt.date | None


class ExportedKeepPublic(Public):
    tier: str | None
    ideal_days: int | None
    max_days: int | None
    snooze_until: dt.date | None


class ExportedOpportunityPublic(Public):
    id: int
    title: str
    organization: str
    status: str
    role: str


class PersonExportPublic(Public):
    """Everything nextmove holds about one person."""

    format: Literal["nextmove-person-export"]
    version: int
    exported_at: Instant
    person: PersonDetailPublic
    meetings: list[ExportedMeetingPublic]
    referred_in_meetings: list[ReferredInPublic]
    board_seat: ExportedSeatPublic | None
    keep_in_touch: ExportedKeepPublic | None
    opportunities: list[ExportedOpportunityPublic]
