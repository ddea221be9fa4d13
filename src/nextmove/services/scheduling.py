"""Use cases for finding meeting times: busy times from a calendar export, and slots
proposed within the user's working hours around them. No database needed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy.orm import Session

from nextmove.config import Settings
from nextmove.domain.meetings import MeetingState
from nextmove.domain.slots import (
    DEFAULT_SLOT_COUNT,
    Interval,
    WorkingHours,
    parse_working_days,
    parse_working_hours,
    propose_slots,
)
from nextmove.errors import UserError
from nextmove.services.workspace import Workspace
from nextmove.store import meetings as meetings_repo


def working_hours(settings: Settings) -> WorkingHours:
    """The user's working hours from the settings (working_days, working_hours, timezone)."""
    start, end = parse_working_hours(settings.working_hours)
    return WorkingHours(
        timezone=settings.timezone,
        days=parse_working_days(settings.working_days),
        start=start,
        end=end,
    )


def read_busy_file(path: Path, *, start: datetime, end: datetime, timezone: str) -> list[Interval]:
    """Busy intervals of an .ics file that overlap [start, end); a UserError naming the
    file when it cannot be read, InvalidInput when it is not a readable calendar."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(
            f"{path}: cannot read the calendar file: {exc.strerror or exc}",
            hint="Check the path; export your calendar as an .ics file first.",
        ) from None
    from nextmove.formats.ics import read_busy  # icalendar loads only when a file is read

    return read_busy(data, start=start, end=end, timezone=timezone, source=str(path))


def busy_times(
    settings: Settings, path: Path, *, now: datetime, days: int
) -> tuple[datetime, datetime, list[Interval]]:
    """The window [now, now + days) and the busy intervals of ``path`` in it."""
    _check_days(days)
    end = now + timedelta(days=days)
    return now, end, read_busy_file(path, start=now, end=end, timezone=settings.timezone)


def propose_meeting_slots(
    settings: Settings,
    *,
    now: datetime,
    busy_file: Path | None = None,
    days: int = 10,
    count: int = DEFAULT_SLOT_COUNT,
    booked: Sequence[Interval] = (),
) -> list[Interval]:
    """Slots of ``meeting_minutes`` within working hours over ``days`` days from ``now``,
    none sooner than ``slot_lead_hours`` from ``now``, avoiding the meetings already
    ``booked`` and the busy times of ``busy_file`` (each widened by
    ``meeting_buffer_minutes``)."""
    _check_days(days)
    hours = working_hours(settings)
    busy: list[Interval] = list(booked)
    buffer = timedelta(minutes=settings.meeting_buffer_minutes)
    if busy_file is not None:
        # Busy times up to a buffer before now still push the first slot back; up to a day
        # more at the end: the last local day of the search may end after now + days.
        busy += read_busy_file(
            busy_file,
            start=now - buffer,
            end=now + timedelta(days=days + 1) + buffer,
            timezone=settings.timezone,
        )
    return propose_slots(
        now,
        hours,
        busy,
        count=count,
        days=days,
        length=timedelta(minutes=settings.meeting_minutes),
        buffer=buffer,
        notice=timedelta(hours=settings.slot_lead_hours),
    )


def _check_days(days: int) -> None:
    if not 1 <= days <= 366:
        raise UserError(f"{days}: use 1 to 366 days", hint="For example 10.", field="days")


def booked_times(session: Session) -> list[Interval]:
    """The times of every scheduled meeting: slots never double-book you (nor offer a
    meeting the time it already has)."""
    return [
        Interval(m.starts_at, m.starts_at + timedelta(minutes=m.minutes), m.person_name)
        for m in meetings_repo.list_meetings(session, states=[MeetingState.SCHEDULED])
        if m.starts_at is not None
    ]


def scheduled_times(db: Workspace) -> list[Interval]:
    """`booked_times` in a unit of work of its own."""
    with db.session() as session:
        return booked_times(session)


def slots_of_length(
    settings: Settings,
    minutes: int,
    *,
    now: datetime,
    booked: list[Interval],
    busy_file: Path | None = None,
    days: int = 10,
) -> list[Interval]:
    """Slots of `minutes` (not the setting's default length)."""
    tuned = settings.model_copy(update={"meeting_minutes": minutes})
    return propose_meeting_slots(tuned, now=now, busy_file=busy_file, days=days, booked=booked)
