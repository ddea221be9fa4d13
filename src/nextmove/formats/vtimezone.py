"""VTIMEZONE components generated from the IANA zone database (zoneinfo), in the form
every reader we test agrees on: RRULEs for yearly rules, single DTSTARTs for one-off
changes, no RDATE lists. Used by ``formats/ics.py`` for invitations and the feed."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar

from nextmove.domain.slots import zone

VTIMEZONE_FIRST_YEAR = 1970


def vtimezone(name: str, last_year: int) -> icalendar.Timezone:
    """A VTIMEZONE for an IANA zone, exact from 1970 to the end of ``last_year`` and, for
    zones whose current rules repeat yearly, after it too.

    Changes that repeat every year on the same weekday rule ("last Sunday of March, 02:00")
    become one observance with a yearly RRULE (with UNTIL when the rule later stopped);
    one-off changes are observances with a single DTSTART. RDATE lists are avoided: vobject
    misreads them. A VTIMEZONE valid for all years matters because some readers (vobject)
    remember the first definition of a TZID they see and use it for later files.
    """
    tz = zone(name)
    begin = datetime(VTIMEZONE_FIRST_YEAR, 1, 1, tzinfo=UTC)
    component = icalendar.Timezone()
    component.add("TZID", name)
    first_offset = begin.astimezone(tz).utcoffset() or timedelta(0)
    component.add_component(_observance(begin.astimezone(tz), first_offset, first_offset))
    # Worked out per decade and cached: writing many files costs one scan per zone.
    decade_end = (last_year // 10 + 1) * 10
    changes = [c for c in _changes(name, decade_end) if c.wall.year <= last_year]
    for group in _yearly_groups(changes):
        first, last = group[0], group[-1]
        observance = _observance(first.after, first.offset_from, first.offset_to)
        if len(group) > 1:
            rule: dict[str, Any] = {
                "FREQ": "YEARLY",
                "BYMONTH": first.after.month,
                "BYDAY": f"{group_week(group)}{WEEKDAY_CODES[first.wall.weekday()]}",
            }
            if last.wall.year < last_year:  # the rule stopped: say when
                # A day after the last change: dateutil (behind vobject) compares UNTIL
                # with local times, so the exact UTC instant would drop the last one.
                rule["UNTIL"] = last.instant + timedelta(days=1)
            observance.add("RRULE", rule)
        component.add_component(observance)
    return component


@functools.lru_cache(maxsize=64)
def _changes(name: str, last_year: int) -> list[_Change]:
    tz = zone(name)
    begin = datetime(VTIMEZONE_FIRST_YEAR, 1, 1, tzinfo=UTC)
    finish = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    return [_Change.at(instant, tz) for instant in _transitions(tz, begin, finish)]


WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True, slots=True)
class _Change:
    instant: datetime
    after: datetime
    offset_from: timedelta
    offset_to: timedelta
    wall: datetime  # the local time of the change on the clock before it

    @classmethod
    def at(cls, instant: datetime, tz: ZoneInfo) -> _Change:
        before = (instant - timedelta(seconds=1)).astimezone(tz).utcoffset() or timedelta(0)
        after = instant.astimezone(tz)
        wall = (instant + before).replace(tzinfo=None)
        return cls(instant, after, before, after.utcoffset() or timedelta(0), wall)

    @property
    def kind(self) -> tuple[bool, timedelta, timedelta, int, int, time]:
        return (
            bool(self.after.dst()),
            self.offset_from,
            self.offset_to,
            self.wall.month,
            self.wall.weekday(),
            self.wall.time(),
        )

    @property
    def weeks(self) -> set[int]:
        """The BYDAY week numbers that name this day: its n-th weekday, and -1 if last."""
        n = (self.wall.day - 1) // 7 + 1
        following = self.wall + timedelta(days=7)
        return {n, -1} if following.month != self.wall.month else {n}


def group_week(group: list[_Change]) -> int:
    common = set.intersection(*(c.weeks for c in group))
    return -1 if -1 in common else min(common)


def _yearly_groups(changes: list[_Change]) -> list[list[_Change]]:
    """Changes of the same kind in consecutive years on one weekday rule, grouped."""
    groups: list[list[_Change]] = []
    open_groups: dict[tuple[Any, ...], list[_Change]] = {}
    for change in changes:
        group = open_groups.get(change.kind)
        if (
            group is not None
            and change.wall.year == group[-1].wall.year + 1
            and set.intersection(*(c.weeks for c in group), change.weeks)
        ):
            group.append(change)
            continue
        group = [change]
        groups.append(group)
        open_groups[change.kind] = group
    return groups


def _observance(
    after: datetime, offset_from: timedelta, offset_to: timedelta
) -> icalendar.Component:
    daylight = bool(after.dst())
    observance = icalendar.TimezoneDaylight() if daylight else icalendar.TimezoneStandard()
    # DTSTART is the local time of the change as read on the clock before it.
    wall = (after.astimezone(UTC) + offset_from).replace(tzinfo=None)
    observance.add("DTSTART", wall)
    observance.add("TZOFFSETFROM", offset_from)
    observance.add("TZOFFSETTO", offset_to)
    observance.add("TZNAME", after.tzname() or _offset_name(offset_to))
    return observance


def _offset_name(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def _transitions(tz: ZoneInfo, begin: datetime, finish: datetime) -> list[datetime]:
    """Every instant in [begin, finish) at which the zone's UTC offset changes."""
    found = []
    day = timedelta(days=1)
    moment = begin
    offset = moment.astimezone(tz).utcoffset()
    while moment < finish:
        following = moment + day
        next_offset = following.astimezone(tz).utcoffset()
        if next_offset != offset:
            lo, hi = moment, following
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                if mid.astimezone(tz).utcoffset() == offset:
                    lo = mid
                else:
                    hi = mid
            found.append(hi.replace(microsecond=0))
        moment, offset = following, next_offset
    return found
