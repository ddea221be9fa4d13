"""Calendar exports (iCalendar, .ics): the events you attended, with their attendees' email
addresses, each occurrence of a recurring event on its own day. Parsed with icalendar and
recurring-ical-events."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from nextmove.domain.people import clean_text, normalize_email
from nextmove.errors import Problem, UserError

LOOKBACK_YEARS = 10


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    where: str  # "event <uid>" — calendars have no stable line numbers after parsing
    key: str  # UID and occurrence: stable across exports, so re-imports add nothing
    day: date
    summary: str
    attendees: tuple[str, ...]  # email addresses (organizer included), declined ones left out


def _address(value: Any) -> str | None:
    return normalize_email(str(value)) if value is not None else None


def _day(value: Any, tz: tzinfo) -> date | None:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.astimezone(tz).date()
        return value.date()
    if isinstance(value, date):
        return value
    return None


def parse_calendar(
    text: str, source: str, *, today: date, tz: tzinfo
) -> Iterator[CalendarEvent | Problem]:
    """Events (occurrences) up to and including `today`; future ones are not contacts yet."""
    from nextmove.formats.ics_series import CheckBudget, expand_events, parse_ical

    if "BEGIN:VCALENDAR" not in text.upper():
        raise UserError(
            f"{source}: not an iCalendar file: no BEGIN:VCALENDAR",
            hint="Export the calendar as .ics (iCalendar) and import that file.",
        )
    if "END:VCALENDAR" not in text.upper():
        raise UserError(
            f"{source}: truncated calendar: no END:VCALENDAR", hint="Export the calendar again."
        )
    try:
        calendars = parse_ical(text)
    except (ValueError, IndexError, KeyError) as exc:
        raise UserError(f"{source}: not a readable iCalendar file: {exc}") from None
    start = date(today.year - LOOKBACK_YEARS, 1, 1)
    end = today + timedelta(days=1)
    budget = CheckBudget()  # for the whole file
    for calendar in calendars:
        for event in expand_events(calendar, start, end, text=text, budget=budget):
            if isinstance(event, Problem):
                yield event
                continue
            uid = str(event.get("UID", "")).strip()
            where = f"event {uid}" if uid else "event without UID"
            if str(event.get("STATUS", "")).upper() == "CANCELLED":
                continue
            day = _day(event.decoded("DTSTART", None) if "DTSTART" in event else None, tz)
            if day is None:
                yield Problem(where, "no start date")
                continue
            if day > today:
                continue
            attendees: list[str] = []
            raw = event.get("ATTENDEE", [])
            for attendee in raw if isinstance(raw, list) else [raw]:
                params = getattr(attendee, "params", {}) or {}
                if str(params.get("PARTSTAT", "")).upper() == "DECLINED":
                    continue
                address = _address(attendee)
                if address and address not in attendees:
                    attendees.append(address)
            organizer = _address(event.get("ORGANIZER"))
            if organizer and organizer not in attendees:
                attendees.append(organizer)
            start_value = event.get("DTSTART")
            moment = start_value.dt.isoformat() if start_value is not None else day.isoformat()
            key = f"ics:{uid or clean_text(str(event.get('SUMMARY', '')))}:{moment}"
            yield CalendarEvent(
                where, key, day, clean_text(str(event.get("SUMMARY", ""))), tuple(attendees)
            )
