"""iCalendar (RFC 5545): busy times read from a calendar export, and invitations and a
calendar feed written for other calendar programs. See docs/calendar.md.

Reading expands recurrences with recurring-ical-events (RRULE, RDATE, EXDATE and instances
moved or cancelled through RECURRENCE-ID). Writing uses icalendar, with a VTIMEZONE for
every zone used, so the files import with correct times in any calendar program.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events

from nextmove.domain.links import safe_link
from nextmove.domain.slots import Interval, local_instant, zone
from nextmove.errors import InvalidInput, Problem, UserError
from nextmove.formats.ics_series import (
    CheckBudget,
    parse_ical,
    series_problem,
    value_problems,
    where_of,
)
from nextmove.formats.textfile import decode
from nextmove.formats.vtimezone import vtimezone

PRODID = "-//nextmove//nextmove//EN"
DEFAULT_ALARM_MINUTES = 15
# An all-day "due" item's reminder fires at this local time of its day.
DUE_ALARM_TIME = time(9, 0)

_HINT_READ = (
    "Export your calendar as an .ics (iCalendar) file: Google Calendar → Settings → "
    "Import & export; Outlook → Save calendar; Apple Calendar → File → Export."
)


# --- reading busy times ---------------------------------------------------------------


def read_busy(
    data: bytes | str,
    *,
    start: datetime,
    end: datetime,
    timezone: str,
    source: str = "calendar file",
) -> list[Interval]:
    """The busy intervals of an iCalendar export that overlap [start, end), in time order.

    - Recurring events are expanded: RRULE, RDATE, EXDATE, and single instances moved or
      cancelled by an override with RECURRENCE-ID.
    - Times with a TZID (an IANA name or the file's own VTIMEZONE) and UTC times keep their
      instant; floating times (no zone) and all-day events are read in ``timezone``, the
      user's IANA zone. An all-day event is busy from local midnight to local midnight.
    - Events marked TRANSP:TRANSPARENT ("free") or STATUS:CANCELLED are not busy, nor are
      events without a duration. Only VEVENTs count (not tasks or journal entries).

    Returned intervals are in ``timezone`` with the event's SUMMARY as their summary; they
    are not clipped to the window. A file that is not iCalendar, holds no VCALENDAR, or has
    events that cannot be read raises InvalidInput naming ``source`` and each bad event.
    """
    tz = zone(timezone)
    text = decode(data, source, what="an iCalendar file") if isinstance(data, bytes) else data
    calendars = _parse_calendars(text, source)
    # Query a day wider on each side: floating and all-day times are matched by wall clock.
    lo, hi = start - timedelta(days=1), end + timedelta(days=1)
    budget = CheckBudget()
    problems = [p for c in calendars for p in _event_problems(c, text, until=hi, budget=budget)]
    if problems:
        raise InvalidInput(
            source,
            problems,
            hint="Fix or delete those events in your calendar program and export again.",
        )
    busy: list[Interval] = []
    for cal in calendars:
        try:
            occurrences = recurring_ical_events.of(cal).between(lo, hi)
        except Exception as exc:  # the library raises many kinds for one broken series
            raise InvalidInput(
                source,
                [Problem("", f"cannot expand the recurring events: {exc}")],
                hint="Fix or delete that event in your calendar program and export again.",
            ) from None
        lengths = _exact_lengths(cal, tz)
        for event in occurrences:
            interval = _busy_interval(event, tz, lengths)
            if interval is not None and interval.overlaps(Interval(start, end)):
                busy.append(interval)
    return sorted(busy, key=lambda i: (i.utc_start, i.utc_end, i.summary))


def _parse_calendars(text: str, source: str) -> list[icalendar.Calendar]:
    try:
        components = parse_ical(text.removeprefix("\ufeff"))
    except (ValueError, IndexError, KeyError) as exc:
        raise InvalidInput(
            source, [Problem("", f"not an iCalendar file ({exc})")], hint=_HINT_READ
        ) from None
    calendars = [c for c in components if isinstance(c, icalendar.Calendar)]
    if not calendars:
        what = f"a {components[0].name}" if components else "nothing"
        raise InvalidInput(
            source,
            [Problem("", f"not an iCalendar file: it holds {what}, no BEGIN:VCALENDAR")],
            hint=_HINT_READ,
        )
    return calendars


def _event_problems(
    cal: icalendar.Calendar, text: str, *, until: datetime, budget: CheckBudget
) -> list[Problem]:
    problems = []
    for index, event in enumerate(cal.walk("VEVENT"), start=1):
        where = where_of(index, event, text)
        unreadable = value_problems(event)
        if unreadable:
            problems += [Problem(where, message) for message in unreadable]
            continue
        if "RRULE" in event:
            _tolerate_spaces_in_rrule(event)
            problem = series_problem(event, until=until, budget=budget)
            if problem:
                problems.append(Problem(where, problem))
    return problems


def _tolerate_spaces_in_rrule(event: icalendar.Component) -> None:
    """Microsoft Exchange writes ``BYDAY=MO, TU, WE``; the spaces are not valid but the
    meaning is clear, so read it as ``BYDAY=MO,TU,WE``."""
    rule = event.get("RRULE")
    if isinstance(rule, list):
        return
    try:
        raw = rule.to_ical().decode()
    except Exception:
        return
    cleaned = re.sub(r"\s+", "", raw.replace("\\", ""))
    if cleaned != raw:
        try:
            fixed = icalendar.vRecur.from_ical(cleaned)
        except ValueError:
            return  # not only spaces: reported as a rule that cannot be read
        event.pop("RRULE")
        event.add("RRULE", fixed)


_Key = tuple[str, datetime | date | None]


def _exact_lengths(cal: icalendar.Calendar, tz: ZoneInfo) -> dict[_Key, timedelta]:
    """The exact length of each timed event with a DTEND or a DURATION, by (UID,
    RECURRENCE-ID).

    RFC 5545 gives every instance of a series the exact length DTEND − DTSTART; the
    expansion library adds it as wall-clock time, which is an hour off for an event that
    spans a daylight-saving change. A moved instance keeps its own length (a 3-hour workshop
    in a series of 30-minute meetings). Keys with None are series masters."""
    lengths: dict[_Key, timedelta] = {}
    for event in cal.walk("VEVENT"):
        start, end = event.get("DTSTART"), event.get("DTEND")
        if start is None or not isinstance(start.dt, datetime):
            continue
        duration = event.get("DURATION")
        if end is not None and isinstance(end.dt, datetime):
            length = _aware(end.dt, tz).astimezone(UTC) - _aware(start.dt, tz).astimezone(UTC)
        elif end is None and isinstance(getattr(duration, "dt", None), timedelta):
            length = duration.dt
        else:
            continue
        lengths[(str(event.get("UID", "")), _recurrence_key(event, tz))] = length
    return lengths


def _recurrence_key(event: icalendar.Component, tz: ZoneInfo) -> datetime | date | None:
    rid = event.get("RECURRENCE-ID")
    if rid is None:
        return None
    moment = rid.dt
    return _aware(moment, tz).astimezone(UTC) if isinstance(moment, datetime) else moment


def _busy_interval(
    event: icalendar.Event, tz: ZoneInfo, lengths: dict[_Key, timedelta]
) -> Interval | None:
    if str(event.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
        return None
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return None
    start, end = event.DTSTART, event.end
    summary = str(event.get("SUMMARY", "")).strip()
    if not isinstance(start, datetime):  # an all-day event: busy whole local days
        last = end if isinstance(end, date) and not isinstance(end, datetime) else start
        last = max(last, start + timedelta(days=1))
        return Interval(
            local_instant(start, time(0), tz), local_instant(last, time(0), tz), summary
        )
    begin = _aware(start, tz).astimezone(tz)
    finish = _aware(end, tz).astimezone(tz) if isinstance(end, datetime) else begin
    uid = str(event.get("UID", ""))
    length = lengths.get((uid, _recurrence_key(event, tz)), lengths.get((uid, None)))
    if length is not None and uid:
        finish = (begin.astimezone(UTC) + length).astimezone(tz)
    if finish.astimezone(UTC) <= begin.astimezone(UTC):
        return None
    return Interval(begin, finish, summary)


def _aware(moment: datetime, tz: ZoneInfo) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=tz)


# --- writing ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attendee:
    """A person on an invitation: an e-mail address and a display name (CN)."""

    email: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class Invitation:
    """One meeting to write as a VEVENT.

    ``start``/``end`` are timezone-aware; they are written as local times of ``timezone``
    (an IANA name, with its VTIMEZONE) or, when ``timezone`` is ``"UTC"``, as UTC times.
    ``meeting_id`` and the namespace given to the writer make the UID: the same meeting
    always gets the same UID. Bump ``sequence`` whenever the meeting changes (time, place),
    so calendar programs replace the old copy. ``alarm_minutes`` before the start a
    reminder fires; None writes no alarm.
    """

    meeting_id: str | int
    start: datetime
    end: datetime
    summary: str
    organizer: Attendee | None
    attendees: tuple[Attendee, ...] = ()
    timezone: str = "UTC"
    description: str = ""
    location: str = ""
    url: str = ""
    sequence: int = 0
    alarm_minutes: int | None = DEFAULT_ALARM_MINUTES
    categories: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class DueItem:
    """Something due on a date (an advisor check-in, a follow-up): an all-day VEVENT, or a
    VTODO with a DUE date when ``as_todo``. ``key`` is its stable identity within the
    namespace (for example ``"board-checkin:2"`` or ``"follow-up:17"``); the UID derives
    from it. All-day events are written as free time (TRANSP:TRANSPARENT) with a reminder
    at 09:00 of the day when ``alarm`` is set."""

    key: str
    summary: str
    due: date
    description: str = ""
    as_todo: bool = False
    alarm: bool = True


def meeting_uid(meeting_id: str | int, namespace: str) -> str:
    """A UID that is the same for the same meeting in the same namespace, and differs
    between namespaces (two workspaces' meeting 1 are different meetings)."""
    return _uid(f"meeting:{meeting_id}", namespace)


def due_uid(key: str, namespace: str) -> str:
    """The stable UID of a DueItem's key in a namespace."""
    return _uid(f"due:{key}", namespace)


def _uid(key: str, namespace: str) -> str:
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, f'nextmove:{namespace}:{key}')}@nextmove"


def render_invitation(invitation: Invitation, *, now: datetime, namespace: str) -> bytes:
    """A METHOD:REQUEST calendar with one meeting: organizer, attendees (CN, RSVP), a
    reminder, a stable UID and the given SEQUENCE; DTSTAMP is ``now``. Bytes, CRLF lines."""
    if invitation.organizer is None:
        raise ValueError("an invitation (METHOD:REQUEST) needs an organizer")
    cal = _calendar(method="REQUEST")
    cal.add_component(_meeting_event(invitation, now=now, namespace=namespace))
    return _finish(cal)


def render_feed(
    meetings: Sequence[Invitation],
    due: Sequence[DueItem] = (),
    *,
    now: datetime,
    namespace: str,
    name: str = "nextmove",
) -> bytes:
    """One METHOD:PUBLISH calendar (to import or subscribe to) holding every meeting as a
    VEVENT and every due item as an all-day VEVENT or a VTODO. Bytes, CRLF lines."""
    cal = _calendar(method="PUBLISH")
    cal.add("X-WR-CALNAME", name)
    # How often subscribers should fetch the feed again (RFC 7986, and its older name).
    cal.add("REFRESH-INTERVAL", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add("X-PUBLISHED-TTL", "PT1H")
    for invitation in meetings:
        cal.add_component(_meeting_event(invitation, now=now, namespace=namespace))
    for item in due:
        cal.add_component(_due_component(item, now=now, namespace=namespace))
    return _finish(cal)


def render_calendar_object(invitation: Invitation, *, now: datetime, namespace: str) -> bytes:
    """One meeting as a CalDAV calendar object (RFC 4791: no METHOD, one event, its
    VTIMEZONE), for the user's own calendar: neither ORGANIZER nor ATTENDEE, so no server
    sends an invitation on the user's behalf. Same UID and SEQUENCE as the invitation."""
    cal = _calendar(method=None)
    cal.add_component(
        _meeting_event(
            replace(invitation, organizer=None, attendees=()), now=now, namespace=namespace
        )
    )
    return _finish(cal)


def _calendar(*, method: str | None) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    if method:
        cal.add("METHOD", method)
    return cal


def _finish(cal: icalendar.Calendar) -> bytes:
    """Add one VTIMEZONE per zone used (before the events, as some readers want)."""
    years: dict[str, set[int]] = {}  # zone -> years it is used in
    for component in cal.walk():
        for name in ("DTSTART", "DTEND", "DUE"):
            value = component.get(name)
            moment = getattr(value, "dt", None)
            tz = getattr(moment, "tzinfo", None)
            if isinstance(moment, datetime) and isinstance(tz, ZoneInfo) and tz.key != "UTC":
                years.setdefault(tz.key, set()).add(moment.year)
    for key in sorted(years):
        cal.subcomponents.insert(0, vtimezone(key, max(years[key]) + 1))
    return bytes(cal.to_ical())


def _stamp(now: datetime) -> datetime:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(UTC).replace(microsecond=0)


def _written(start: datetime, end: datetime, timezone: str) -> tuple[datetime, datetime]:
    """Start and end as local times of ``timezone``, or both in UTC when either is a wall
    time the clock shows twice (the hour repeated when DST ends): readers would take the
    first one. Both in one zone, because some readers add the length as wall-clock time."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("meeting times must be timezone-aware")
    tz = UTC if timezone.upper() == "UTC" else zone(timezone)
    local = [m.astimezone(tz).replace(microsecond=0) for m in (start, end)]
    if tz is not UTC and not all(_clear_wall_time(m) for m in local):
        local = [m.astimezone(UTC) for m in local]
    return local[0], local[1]


def _clear_wall_time(local: datetime) -> bool:
    """False for a wall time in, or at the closing edge of, a repeated or skipped hour:
    readers disagree about which instant such a time means."""
    wall = local.replace(tzinfo=None)
    for moment in (wall, wall - timedelta(minutes=1)):
        first = moment.replace(tzinfo=local.tzinfo, fold=0)
        second = moment.replace(tzinfo=local.tzinfo, fold=1)
        if first.utcoffset() != second.utcoffset():
            return False
    return True


def _address(person: Attendee, **params: Any) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{person.email}")
    if person.name:
        address.params["CN"] = person.name
    for key, value in params.items():
        address.params[key.replace("_", "-").upper()] = value
    return address


def _meeting_event(invitation: Invitation, *, now: datetime, namespace: str) -> icalendar.Event:
    start, end = _written(invitation.start, invitation.end, invitation.timezone)
    if end.astimezone(UTC) <= start.astimezone(UTC):
        raise UserError(
            f"meeting {invitation.meeting_id}: it ends ({end:%Y-%m-%d %H:%M}) before it starts "
            f"({start:%Y-%m-%d %H:%M})",
            hint="Give the meeting a positive length, e.g. 30 minutes.",
        )
    event = icalendar.Event()
    event.add("UID", meeting_uid(invitation.meeting_id, namespace))
    event.add("DTSTAMP", _stamp(now))
    event.add("SEQUENCE", invitation.sequence)
    event.add("DTSTART", start)
    event.add("DTEND", end)
    event.add("SUMMARY", invitation.summary)
    if invitation.description:
        event.add("DESCRIPTION", invitation.description)
    if invitation.location:
        event.add("LOCATION", invitation.location)
    if safe_link(invitation.url):  # one stored before links were checked may be unsafe
        event.add("URL", invitation.url)
    if invitation.categories:
        event.add("CATEGORIES", list(invitation.categories))
    event.add("STATUS", "CONFIRMED")
    event.add("TRANSP", "OPAQUE")
    if invitation.organizer is not None:
        event.add("ORGANIZER", _address(invitation.organizer))
    for person in invitation.attendees if invitation.organizer is not None else ():
        event.add(
            "ATTENDEE",
            _address(
                person,
                cutype="INDIVIDUAL",
                role="REQ-PARTICIPANT",
                partstat="NEEDS-ACTION",
                rsvp="TRUE",
            ),
        )
    if invitation.alarm_minutes is not None:
        event.add_component(
            _alarm(timedelta(minutes=-invitation.alarm_minutes), invitation.summary)
        )
    return event


def _due_component(item: DueItem, *, now: datetime, namespace: str) -> icalendar.Component:
    component: icalendar.Component
    if item.as_todo:
        component = icalendar.Todo()
        component.add("DUE", item.due)
        component.add("STATUS", "NEEDS-ACTION")
    else:
        component = icalendar.Event()
        component.add("DTSTART", item.due)
        component.add("DTEND", item.due + timedelta(days=1))
        component.add("TRANSP", "TRANSPARENT")
    component.add("UID", due_uid(item.key, namespace))
    component.add("DTSTAMP", _stamp(now))
    component.add("SUMMARY", item.summary)
    if item.description:
        component.add("DESCRIPTION", item.description)
    if item.alarm:
        offset = datetime.combine(date.min, DUE_ALARM_TIME) - datetime.min
        if item.as_todo:
            component.add_component(_alarm(offset, item.summary, related="END"))
        else:
            component.add_component(_alarm(offset, item.summary))
    return component


def _alarm(trigger: timedelta, summary: str, *, related: str | None = None) -> icalendar.Alarm:
    alarm = icalendar.Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", summary or "Reminder")
    if related:
        alarm.add("TRIGGER", trigger, parameters={"RELATED": related})
    else:
        alarm.add("TRIGGER", trigger)
    return alarm
