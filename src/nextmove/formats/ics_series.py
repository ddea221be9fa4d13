"""Reading untrusted calendars safely, shared by `import ics` (ics_events.py) and
`slots --busy` (ics.py):

- `parse_ical`: text -> components, with the time-zone definitions (VTIMEZONE) of *this*
  file only. icalendar remembers the first VTIMEZONE it sees for a TZID for the rest of the
  process, so in the web app a second calendar defining "Customized Time Zone" differently
  would be read with the first one's offsets; the cache is emptied before every file. A TZID
  that is not a time-zone name (300 characters, a path) reads as unknown, never as an error
  of the file system.
- `series_problem`: why one event's recurrence cannot be expanded in bounded time — INTERVAL=0
  (dateutil spins forever), a rule that never matches a day (30 February: dateutil walks to
  the year 9999), or one that repeats so often that expanding it would take minutes.
- `expand_events`: the occurrences of every series in a window, one series at a time, so a
  series that cannot be read is a Problem with its place in the file, not a silent drop.
"""

from __future__ import annotations

import contextlib
import threading
import time as clock
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

import icalendar
import recurring_ical_events
from dateutil.rrule import rrulestr
from icalendar.timezone import tzp
from icalendar.timezone.zoneinfo import ZONEINFO

from nextmove.errors import Problem

# Candidate instants dateutil may walk through for one series, from its DTSTART to the end of
# the window: a daily meeting since 1990 is 13,000; an every-second rule since 1970 would be
# 1.8 billion.
MAX_STEPS = 500_000
_UNIT = {
    "SECONDLY": timedelta(seconds=1),
    "MINUTELY": timedelta(minutes=1),
    "HOURLY": timedelta(hours=1),
    "DAILY": timedelta(days=1),
    "WEEKLY": timedelta(weeks=1),
    "MONTHLY": timedelta(days=28),
    "YEARLY": timedelta(days=365),
}
_EXPANDING = ("BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO")
# The Gregorian calendar repeats every 400 years: a rule tried from the same date 400 to 800
# years before the last year dateutil reaches (9999) shows whether it ever matches a day.
_PROBE_YEARS = 9200


# Seconds one file's rules may take to check in all: a rule that never matches takes up to
# about a second to prove so (a 400-year walk), so a calendar of a thousand such rules would
# otherwise hold a web worker for many minutes. Real calendars' rules take milliseconds.
CHECK_SECONDS = 5.0


class CheckBudget:
    """The time left to check one file's recurrence rules."""

    def __init__(self, seconds: float = CHECK_SECONDS):
        self.left = seconds

    def spend(self, seconds: float) -> None:
        self.left -= seconds


class _SafeZoneInfo(ZONEINFO):  # type: ignore[misc]
    """icalendar's zoneinfo provider, reading a TZID that is no zone name (too long for the
    file system, a path) as an unknown zone instead of raising OSError."""

    def timezone(self, name: str) -> tzinfo | None:
        if len(name) > 200 or "\x00" in name:
            return None
        try:
            return super().timezone(name)  # type: ignore[no-any-return]
        except (OSError, ValueError):
            return None


_PROVIDER = _SafeZoneInfo()
_LOCK = threading.Lock()


def parse_ical(data: bytes | str) -> list[icalendar.Component]:
    """`icalendar.Calendar.from_ical(data, multiple=True)` with this file's time zones only.
    Raises ValueError for text it cannot read — whatever icalendar raised (a stray
    END:VTIMEZONE closing an event raises AttributeError inside it, a bad PERIOD TypeError)."""
    with _LOCK:
        tzp.use(_PROVIDER)  # a fresh cache: no VTIMEZONE of an earlier file is remembered
        try:
            return list(icalendar.Calendar.from_ical(data, multiple=True))
        except ValueError:
            raise
        except Exception as exc:  # the parser of untrusted text: any failure is the text's
            raise ValueError(str(exc)[:200] or type(exc).__name__) from exc


def value_problems(event: icalendar.Component) -> list[str]:
    """What cannot be read among the event's dates (icalendar parses them lazily and raises
    only when they are used): a missing start, an unreadable DTSTART, DTEND, RECURRENCE-ID,
    EXDATE or RDATE."""
    if "DTSTART" not in event and "RDATE" not in event:
        return ["no DTSTART (start time)"]
    problems = []
    for name in ("DTSTART", "DTEND", "RECURRENCE-ID", "DURATION"):
        if name in event:
            try:
                getattr(event[name], "dt")  # noqa: B009 - reading it is the check
            except Exception:
                what = "a duration" if name == "DURATION" else "a date or time"
                problems.append(f"{name} cannot be read: {_raw(event[name])!r} is not {what}")
    for name in ("EXDATE", "RDATE"):
        values = event.get(name)
        for value in values if isinstance(values, list) else [values] if values else []:
            try:
                value.dts  # noqa: B018 - reading it is the check
            except Exception:
                problems.append(f"{name} cannot be read: {_raw(value)!r} is not a list of dates")
    return problems


def _raw(value: Any) -> str:
    try:
        return bytes(value.to_ical()).decode("utf-8", "replace")[:100]
    except Exception:
        return str(value)[:100]


def series_problem(
    event: icalendar.Component, *, until: datetime | date, budget: CheckBudget
) -> str | None:
    """Why the recurrence of `event` cannot be expanded up to `until`, or None."""
    rules = event.get("RRULE")
    if rules is None:
        return None
    start = getattr(event.get("DTSTART"), "dt", None)
    if not isinstance(start, date):
        return None  # reported as a missing or unreadable DTSTART
    for rule in rules if isinstance(rules, list) else [rules]:
        problem = _rule_problem(rule, start, until, budget)
        if problem:
            return problem
    return None


def _rule_problem(
    rule: Any, start: date, until: datetime | date, budget: CheckBudget
) -> str | None:
    try:
        text = bytes(rule.to_ical()).decode("utf-8", "replace")
        interval = int((rule.get("INTERVAL") or [1])[0])
        freq = str((rule.get("FREQ") or [""])[0]).upper()
    except (ValueError, TypeError, AttributeError) as exc:
        # "Cannot access 'get' on broken property 'RRULE' (…): Expected weekday …"
        return f"RRULE cannot be read: {str(exc).rsplit('): ', 1)[-1]}"
    if interval < 1:
        return f"RRULE INTERVAL={interval}: the interval must be 1 or more"
    if freq not in _UNIT:
        return f"RRULE FREQ={freq or '(none)'}: not a frequency (use DAILY, WEEKLY, …)"
    wall = start if isinstance(start, datetime) else datetime.combine(start, time())
    wall = wall.replace(tzinfo=None)
    kept = [p for p in text.split(";") if p.split("=")[0].upper() not in ("UNTIL", "COUNT")]
    if budget.left <= 0:
        return (
            f"RRULE {text} was not checked: this calendar's recurring events took more than "
            f"{CHECK_SECONDS:.0f} seconds to check"
        )
    began = clock.monotonic()
    try:
        probe = rrulestr(";".join(kept), dtstart=wall.replace(year=_PROBE_YEARS + wall.year % 400))
        never = next(iter(probe), None) is None
    except (ValueError, TypeError, OverflowError) as exc:
        return f"RRULE cannot be read: {exc}"
    finally:
        budget.spend(clock.monotonic() - began)
    if never:
        return f"RRULE {text} never falls on a day the calendar has (such as 30 February)"
    end = _instant(until)
    rule_until = rule.get("UNTIL")
    if rule_until:
        with contextlib.suppress(TypeError, ValueError):
            end = min(end, _instant(rule_until[0]))
    width = 1
    for part in _EXPANDING:
        width *= max(1, len(rule.get(part) or []))
    steps = max(0.0, (end - _instant(start)) / (_UNIT[freq] * interval)) * width
    count = rule.get("COUNT")
    if count:
        with contextlib.suppress(TypeError, ValueError):
            steps = min(steps, int(count[0]) * width)
    if steps > MAX_STEPS:
        return (
            f"RRULE {text} repeats too often to read ({int(steps):,} times since "
            f"{wall:%Y-%m-%d}; at most {MAX_STEPS:,})"
        )
    return None


def _instant(moment: datetime | date) -> datetime:
    if not isinstance(moment, datetime):
        return datetime.combine(moment, time(), tzinfo=UTC)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def where_of(index: int, event: icalendar.Component, text: str) -> str:
    """'line 12: event 3 'Standup'' — where a person finds the event in the file."""
    uid = str(event.get("UID", ""))
    summary = str(event.get("SUMMARY", ""))
    label = f"event {index}"
    if summary:
        label += f" {summary[:80]!r}"
    if uid:
        position = text.find(f"UID:{uid}")
        if position >= 0:
            label = f"line {text.count(chr(10), 0, position) + 1}: {label}"
    return label


def expand_events(
    calendar: icalendar.Component,
    start: date | datetime,
    end: date | datetime,
    *,
    text: str,
    budget: CheckBudget,
) -> Iterator[icalendar.Component | Problem]:
    """The VEVENT occurrences of `calendar` between `start` and `end`, series by series
    (a UID and its moved instances); each series that cannot be expanded is one Problem
    naming its first event, and the others are still read."""
    timezones = list(calendar.walk("VTIMEZONE"))
    series: dict[str, list[tuple[int, icalendar.Component]]] = {}
    for index, event in enumerate(calendar.walk("VEVENT"), start=1):
        uid = str(event.get("UID", "")).strip() or f"\x00{index}"
        series.setdefault(uid, []).append((index, event))
    for members in series.values():
        index, first = members[0]
        unreadable = [m for _, e in members for m in value_problems(e)]
        if unreadable:
            yield Problem(where_of(index, first, text), "; ".join(unreadable))
            continue
        master = next((e for _, e in members if "RECURRENCE-ID" not in e), first)
        problem = series_problem(master, until=end, budget=budget)
        if problem is None:
            alone = icalendar.Calendar()
            for zone in timezones:
                alone.add_component(zone)
            for _, event in members:
                alone.add_component(event)
            try:
                yield from recurring_ical_events.of(alone).between(start, end)
                continue
            except Exception as exc:  # the library raises many kinds for one broken series
                problem = f"cannot be read: {str(exc)[:200] or type(exc).__name__}"
        yield Problem(where_of(index, first, text), problem)
