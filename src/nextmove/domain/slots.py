"""Meeting slots: propose times within the user's working hours that avoid their busy times.

Pure: the busy intervals, the working hours and the moment to start from are parameters.
All arithmetic on instants is done in UTC and every wall-clock time is built in the user's
IANA time zone, so a day with a daylight-saving change has the right working window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from nextmove.errors import UserError

DEFAULT_MEETING_MINUTES = 30
DEFAULT_SLOT_COUNT = 5
DEFAULT_SEARCH_DAYS = 10
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# Where in the working day the n-th proposed slot aims (as a fraction of the day), so that
# proposals vary between morning and afternoon instead of all being 09:00.
_DAY_TARGETS = (0.15, 0.65, 0.4, 0.9, 0.25, 0.75)


@dataclass(frozen=True, slots=True)
class Interval:
    """A half-open interval of time [start, end) between two timezone-aware instants.

    ``summary`` is a label for people (a calendar event's title); it plays no part in
    overlap checks.
    """

    start: datetime
    end: datetime
    summary: str = ""

    def __post_init__(self) -> None:
        if self.start.tzinfo is None or self.end.tzinfo is None:
            raise ValueError("Interval needs timezone-aware datetimes")
        if self.utc_end < self.utc_start:
            raise ValueError(f"Interval ends before it starts: {self.start} > {self.end}")

    # Python compares and subtracts datetimes that share a tzinfo by wall clock, which is
    # wrong across a daylight-saving change; these work on instants.
    @property
    def utc_start(self) -> datetime:
        return self.start.astimezone(UTC)

    @property
    def utc_end(self) -> datetime:
        return self.end.astimezone(UTC)

    @property
    def duration(self) -> timedelta:
        return self.utc_end - self.utc_start

    def overlaps(self, other: Interval) -> bool:
        """True when the two share any instant (touching ends do not overlap)."""
        return self.utc_start < other.utc_end and other.utc_start < self.utc_end

    def in_zone(self, tz: ZoneInfo) -> Interval:
        """The same instants shown in another zone."""
        return Interval(self.start.astimezone(tz), self.end.astimezone(tz), self.summary)


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """When the user takes meetings: the same daily window on some weekdays, in one zone.

    ``days`` holds weekday numbers (Monday 0 … Sunday 6); ``start``/``end`` are local wall
    times (``end`` after ``start``, same day); ``timezone`` is an IANA name.
    """

    timezone: str = "UTC"
    days: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    start: time = time(9, 0)
    end: time = time(17, 30)

    def __post_init__(self) -> None:
        zone(self.timezone)
        if not self.days or not self.days <= set(range(7)):
            raise UserError(
                "working days: at least one weekday is needed",
                hint="Write them like `mon-fri` or `mon,tue,thu`.",
            )
        if self.end <= self.start:
            raise UserError(
                f"working hours: {self.start:%H:%M}-{self.end:%H:%M} ends before it starts",
                hint="Write them like `09:00-17:30` (the end on the same day).",
            )

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.timezone)

    def window(self, day: date) -> Interval | None:
        """The working window of one local date as UTC instants, or None on a day off."""
        if day.weekday() not in self.days:
            return None
        start = local_instant(day, self.start, self.tz).astimezone(UTC)
        end = local_instant(day, self.end, self.tz).astimezone(UTC)
        return Interval(start, end) if end > start else None


def zone(name: str) -> ZoneInfo:
    """The ZoneInfo for an IANA name; a UserError naming the zone when it is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(
            f"unknown time zone {name!r}",
            hint="Use an IANA name such as `Europe/Berlin`, `America/Chicago` or `UTC`.",
        ) from None


def local_instant(day: date, wall: time, tz: ZoneInfo) -> datetime:
    """The instant a local wall time happens on a date, normalised through UTC.

    A wall time skipped by a spring-forward change maps to the instant just after the gap
    (02:30 on a Berlin spring-forward day is 03:30 CEST); a repeated one takes its first
    occurrence.
    """
    naive = datetime.combine(day, wall)
    return naive.replace(tzinfo=tz, fold=0).astimezone(UTC).astimezone(tz)


def parse_working_days(text: str) -> frozenset[int]:
    """``"mon-fri"``, ``"mon,tue,thu"`` or ``"mon-thu,sat"`` -> weekday numbers (Monday 0)."""
    days: set[int] = set()
    for part in (p.strip().lower() for p in text.split(",")):
        if not part:
            continue
        first, _, last = part.partition("-")
        try:
            a = WEEKDAYS.index(first.strip()[:3])
            b = WEEKDAYS.index(last.strip()[:3]) if last else a
        except ValueError:
            raise UserError(
                f"working days: {part!r} is not a weekday or range of weekdays",
                hint="Write them like `mon-fri` or `mon,tue,thu` (mon tue wed thu fri sat sun).",
            ) from None
        days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
    if not days:
        raise UserError("working days: none given", hint="Write them like `mon-fri`.")
    return frozenset(days)


_HOURS = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


def parse_working_hours(text: str) -> tuple[time, time]:
    """``"09:00-17:30"`` -> (09:00, 17:30); a UserError when malformed or backwards."""
    match = _HOURS.match(text)
    hint = "Write them like `09:00-17:30` (24-hour clock, the end on the same day)."
    if not match:
        raise UserError(f"working hours: {text!r} is not like 09:00-17:30", hint=hint)
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    try:
        start, end = time(h1, m1), time(h2, m2) if (h2, m2) != (24, 0) else time.max
    except ValueError:
        raise UserError(f"working hours: {text!r} has an impossible time", hint=hint) from None
    if end <= start:
        raise UserError(f"working hours: {text!r} ends before it starts", hint=hint)
    return start, end


def merge_intervals(
    intervals: Iterable[Interval], *, pad: timedelta = timedelta(0)
) -> list[Interval]:
    """Sorted, non-overlapping intervals covering the same time, each widened by ``pad``
    on both sides, as UTC instants. Summaries are dropped."""
    spans = sorted((i.utc_start - pad, i.utc_end + pad) for i in intervals)
    merged: list[list[datetime]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [Interval(s, e) for s, e in merged]


def free_candidates(
    window: Interval,
    blocked: Sequence[Interval],
    *,
    length: timedelta,
    step: timedelta,
    not_before: datetime,
) -> list[Interval]:
    """Every slot of ``length`` on a grid of ``step`` from the window's start that lies in
    the window, starts at or after ``not_before`` and overlaps nothing in ``blocked``
    (sorted, merged). Works in UTC."""
    slots = []
    not_before = not_before.astimezone(UTC)
    start = window.utc_start
    while start + length <= window.utc_end:
        slot = Interval(start, start + length)
        if start >= not_before and not any(slot.overlaps(b) for b in blocked):
            slots.append(slot)
        start += step
    return slots


def propose_slots(
    now: datetime,
    hours: WorkingHours,
    busy: Iterable[Interval] = (),
    *,
    count: int = DEFAULT_SLOT_COUNT,
    days: int = DEFAULT_SEARCH_DAYS,
    length: timedelta = timedelta(minutes=DEFAULT_MEETING_MINUTES),
    buffer: timedelta = timedelta(0),
    step: timedelta | None = None,
    notice: timedelta = timedelta(0),
) -> list[Interval]:
    """Up to ``count`` meeting slots of ``length`` within working hours, in time order.

    The search covers ``days`` local dates starting with the date of ``now`` in the user's
    zone; slots start no earlier than ``now + notice``. No slot overlaps a busy interval
    widened by ``buffer`` on each side. Slots start on a grid of ``step`` (default: the
    meeting length) counted from the start of the working day.

    Slots are spread: first at most one per day over the earliest days that have room, each
    aiming at a different time of day (morning, afternoon, late morning, …); only when there
    are fewer such days than ``count`` does a day get a second slot. Returned instants are
    in the user's zone. Fewer than ``count`` come back when the calendar is that full.
    """
    if now.tzinfo is None:
        raise ValueError("propose_slots needs a timezone-aware now")
    if count < 1 or days < 1:
        raise UserError(
            f"cannot propose {count} slot(s) over {days} day(s)",
            hint="Ask for at least one slot over at least one day.",
        )
    if length <= timedelta(0):
        raise UserError("a meeting needs a positive length", hint="For example 30 minutes.")
    step = step or length
    tz = hours.tz
    blocked = merge_intervals(busy, pad=buffer)
    first = now.astimezone(tz).date()
    per_day: list[list[Interval]] = []
    for offset in range(days):
        window = hours.window(first + timedelta(days=offset))
        if window is None:
            continue
        nearby = [b for b in blocked if b.overlaps(window)]
        free = free_candidates(
            window, nearby, length=length, step=step, not_before=now.astimezone(UTC) + notice
        )
        if free:
            per_day.append(free)
    chosen: list[Interval] = []
    round_number = 0
    while len(chosen) < count and any(per_day):
        for index, free in enumerate(per_day):
            if len(chosen) >= count:
                break
            target_fraction = _DAY_TARGETS[(index + round_number) % len(_DAY_TARGETS)]
            options = [s for s in free if not any(s.overlaps(c) for c in chosen)]
            if not options:
                free.clear()
                continue
            pick = _nearest(options, target_fraction, hours)
            chosen.append(pick)
            free.remove(pick)
        round_number += 1
    return [s.in_zone(tz) for s in sorted(chosen, key=lambda s: s.utc_start)]


def _nearest(options: list[Interval], fraction: float, hours: WorkingHours) -> Interval:
    window = hours.window(options[0].start.astimezone(hours.tz).date())
    assert window is not None
    target = window.utc_start + window.duration * fraction
    return min(options, key=lambda s: (abs(s.utc_start - target), s.utc_start))


def slot_phrase(slot: Interval, *, zone_label: str | None = None) -> str:
    """A slot worded for a message, in the zone its instants carry:
    ``"Tuesday 24 November, 10:00–10:30"``, with ``" (Berlin time)"`` appended when a
    ``zone_label`` is given (useful when the other person may live elsewhere)."""
    start, end = slot.start, slot.end.astimezone(slot.start.tzinfo)
    text = f"{start:%A} {start.day} {start:%B}, {start:%H:%M}–{end:%H:%M}"
    if end.date() != start.date():
        text = f"{start:%A} {start.day} {start:%B}, {start:%H:%M}–{end:%A} {end:%H:%M}"
    return f"{text} ({zone_label} time)" if zone_label else text
