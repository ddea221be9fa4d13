"""Busy times read from real calendar exports: recurrences with their exceptions, all-day
events, every way of writing a time, free and cancelled events, and broken files."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextmove.domain.slots import Interval, WorkingHours, propose_slots
from nextmove.errors import InvalidInput
from nextmove.formats.ics import read_busy

FIXTURES = Path(__file__).parent / "fixtures" / "ics"
BERLIN = ZoneInfo("Europe/Berlin")
CHICAGO = ZoneInfo("America/Chicago")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def read(name: str, start: datetime, end: datetime, timezone: str = "UTC") -> list[Interval]:
    path = FIXTURES / name
    return read_busy(path.read_bytes(), start=start, end=end, timezone=timezone, source=str(path))


def spans(busy: list[Interval]) -> list[tuple[datetime, datetime, str]]:
    return [(b.utc_start, b.utc_end, b.summary) for b in busy]


def test_weekly_series_keeps_local_time_across_dst_and_honours_every_exception() -> None:
    busy = read(
        "google_style_weekly_standup_with_exceptions.ics",
        utc(2026, 3, 16),
        utc(2026, 4, 9),
        "Europe/Berlin",
    )
    assert spans(busy) == [
        (utc(2026, 3, 16, 9), utc(2026, 3, 16, 9, 30), "Team standup"),
        (utc(2026, 3, 18, 9), utc(2026, 3, 18, 9, 30), "Team standup"),
        (utc(2026, 3, 23, 9), utc(2026, 3, 23, 9, 30), "Team standup"),
        # 25 March is an EXDATE; 27 March (a Friday) is an RDATE.
        (utc(2026, 3, 27, 9), utc(2026, 3, 27, 9, 30), "Team standup"),
        # After the change to summer time, 10:00 in Berlin is 08:00 UTC; 30 March was moved.
        (utc(2026, 3, 30, 13), utc(2026, 3, 30, 13, 30), "Team standup (moved)"),
        # 1 April was cancelled.
        (utc(2026, 4, 6, 8), utc(2026, 4, 6, 8, 30), "Team standup"),
        (utc(2026, 4, 8, 8), utc(2026, 4, 8, 8, 30), "Team standup"),
    ]
    assert all(b.start.tzinfo == BERLIN and b.start.hour in (10, 15) for b in busy)


def test_only_events_overlapping_the_window_are_returned() -> None:
    busy = read(
        "google_style_weekly_standup_with_exceptions.ics",
        utc(2026, 3, 18, 9, 15),
        utc(2026, 3, 23, 9, 1),
    )
    assert [b.utc_start for b in busy] == [utc(2026, 3, 18, 9), utc(2026, 3, 23, 9)]


def test_all_day_floating_utc_and_tzid_times_each_mean_the_right_instant() -> None:
    busy = read(
        "every_kind_of_time.ics",
        datetime(2026, 11, 23, tzinfo=CHICAGO),
        datetime(2026, 12, 1, tzinfo=CHICAGO),
        "America/Chicago",
    )
    chicago = lambda *a: datetime(*a, tzinfo=CHICAGO)  # noqa: E731
    assert [(b.start, b.end, b.summary) for b in busy] == [
        # Floating: read in the user's zone.
        (chicago(2026, 11, 23, 12), chicago(2026, 11, 23, 13), "Lunch (floating time)"),
        # UTC with a DURATION.
        (chicago(2026, 11, 23, 14), chicago(2026, 11, 23, 15), "Call in UTC"),
        # An IANA TZID with no VTIMEZONE in the file: 09:00 Tokyo is 18:00 the day before.
        (chicago(2026, 11, 23, 18), chicago(2026, 11, 23, 19), "Tokyo review"),
        # All-day: busy from local midnight to local midnight, DTEND exclusive.
        (chicago(2026, 11, 25), chicago(2026, 11, 27), "Vacation"),
        # All-day without DTEND: one day.
        (chicago(2026, 11, 30), chicago(2026, 12, 1), "Conference day"),
    ]


def test_free_cancelled_zero_length_events_and_tasks_are_not_busy() -> None:
    busy = read("every_kind_of_time.ics", utc(2026, 11, 24, 12), utc(2026, 11, 24, 23))
    assert busy == []


def test_holidays_marked_as_free_do_not_block_anything() -> None:
    assert read("icalendar_example.ics", utc(2022, 1, 1), utc(2023, 1, 1)) == []


def test_an_event_in_a_custom_vtimezone_keeps_its_instant() -> None:
    busy = read("icalendar_america_new_york.ics", utc(2014, 8, 29), utc(2014, 8, 30))
    assert spans(busy) == [
        (utc(2014, 8, 29, 12), utc(2014, 8, 29, 14), "an event with a custom tz name")
    ]


def test_an_exchange_daily_standup_with_spaces_in_its_rule_is_read() -> None:
    busy = read("icalendar_issue_165_missing_event.ics", utc(2015, 7, 1), utc(2015, 8, 1))
    # Weekdays from Friday 3 July until 22 July, 10:00-10:30 at UTC+2.
    days = [b.utc_start.day for b in busy]
    assert days == [3, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 20, 21, 22]
    assert {(b.utc_start.time(), b.duration) for b in busy} == {(time(8, 0), timedelta(minutes=30))}


def test_windows_zone_names_are_understood_and_unknown_zones_read_as_local_time() -> None:
    busy = read(
        "outlook_windows_zone_names.ics", utc(2026, 3, 1), utc(2026, 3, 5), "America/Chicago"
    )
    assert spans(busy) == [
        # W. Europe Standard Time is Berlin's zone: 09:00 there is 08:00 UTC in winter.
        (utc(2026, 3, 2, 8), utc(2026, 3, 2, 9), "Steering committee"),
        # A TZID without a definition is read like a floating time, in the user's zone.
        (utc(2026, 3, 3, 15), utc(2026, 3, 3, 15, 30), "Zone nobody defined"),
    ]


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("not_a_calendar.csv", "not an iCalendar file"),
        ("a_contact_not_a_calendar.vcf", "it holds a VCARD"),
        ("empty.ics", "it holds nothing"),
        ("icalendar_broken_dtstart.ics", "DTSTART cannot be read"),
        ("icalendar_broken_ical.ics", "no DTSTART"),
    ],
)
def test_a_file_that_is_not_a_readable_calendar_is_one_clear_error_naming_it(
    name: str, says: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        read(name, utc(2014, 1, 1), utc(2030, 1, 1))
    error = caught.value
    assert error.source.endswith(name)
    assert says in error.message
    assert error.hint


def test_a_broken_event_is_named_by_its_line_and_title() -> None:
    with pytest.raises(InvalidInput) as caught:
        read("icalendar_broken_ical.ics", utc(2014, 1, 1), utc(2030, 1, 1))
    assert caught.value.problems[0].where == "line 5: event 1 'An Event with too many semicolons'"


def test_slots_proposed_around_a_recurring_calendar_never_overlap_it() -> None:
    start = datetime(2026, 3, 23, 8, tzinfo=BERLIN)
    busy = read(
        "google_style_weekly_standup_with_exceptions.ics",
        start,
        start + timedelta(days=14),
        "Europe/Berlin",
    )
    hours = WorkingHours(timezone="Europe/Berlin", start=time(10), end=time(11))
    slots = propose_slots(start, hours, busy, count=20, days=14)
    assert slots
    assert not any(s.overlaps(b) for s in slots for b in busy)
    # Mondays and Wednesdays lose their 10:00 slot, except the cancelled 1 April.
    starts = {s.start.replace(tzinfo=None) for s in slots}
    assert datetime(2026, 3, 23, 10) not in starts
    assert datetime(2026, 4, 1, 10) in starts
    assert datetime(2026, 3, 30, 10) in starts  # that instance moved to 15:00


ZONES = ["Europe/Berlin", "America/Chicago", "Asia/Tokyo", "Australia/Lord_Howe", "UTC"]
FIRST_DAY = datetime(2026, 3, 1).date()


@st.composite
def series(draw: st.DrawFn) -> dict[str, object]:
    return {
        "zone": draw(st.sampled_from(ZONES)),
        "day": FIRST_DAY + timedelta(days=draw(st.integers(0, 270))),
        "at": time(draw(st.integers(8, 19)), draw(st.sampled_from([0, 15, 30, 45]))),
        "minutes": draw(st.integers(15, 180)),
        "every": draw(st.sampled_from([1, 7])),
        "count": draw(st.integers(1, 10)),
        "skip": draw(st.one_of(st.none(), st.integers(0, 9))),
    }


@st.composite
def all_day(draw: st.DrawFn) -> tuple[object, int]:
    return FIRST_DAY + timedelta(days=draw(st.integers(0, 270))), draw(st.integers(1, 3))


def _calendar_text(timed: list[dict[str, object]], whole_days: list[tuple[object, int]]) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//nextmove property test//EN"]
    for n, s in enumerate(timed):
        tz = ZoneInfo(str(s["zone"]))
        start = datetime.combine(s["day"], s["at"], tzinfo=tz)  # type: ignore[arg-type]
        end = (start.astimezone(UTC) + timedelta(minutes=int(s["minutes"]))).astimezone(tz)  # type: ignore[call-overload]
        freq = "DAILY" if s["every"] == 1 else "WEEKLY"
        lines += [
            "BEGIN:VEVENT",
            f"UID:series-{n}",
            "DTSTAMP:20260101T000000Z",
            f"DTSTART;TZID={s['zone']}:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID={s['zone']}:{end:%Y%m%dT%H%M%S}",
            f"RRULE:FREQ={freq};COUNT={s['count']}",
        ]
        if s["skip"] is not None and int(s["skip"]) < int(s["count"]):  # type: ignore[call-overload]
            skipped = start.replace(tzinfo=None) + timedelta(days=int(s["every"]) * int(s["skip"]))  # type: ignore[call-overload]
            lines.append(f"EXDATE;TZID={s['zone']}:{skipped:%Y%m%dT%H%M%S}")
        lines += [f"SUMMARY:series {n}", "END:VEVENT"]
    for n, (day, days) in enumerate(whole_days):
        lines += [
            "BEGIN:VEVENT",
            f"UID:all-day-{n}",
            "DTSTAMP:20260101T000000Z",
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + timedelta(days=days):%Y%m%d}",  # type: ignore[operator]
            f"SUMMARY:away {n}",
            "END:VEVENT",
        ]
    return "\r\n".join([*lines, "END:VCALENDAR", ""])


def _expected(
    timed: list[dict[str, object]], whole_days: list[tuple[object, int]], user_zone: ZoneInfo
) -> set[tuple[datetime, datetime]]:
    """The busy instants, worked out by hand from the same description (the oracle)."""
    expected = set()
    for s in timed:
        tz = ZoneInfo(str(s["zone"]))
        for i in range(int(s["count"])):  # type: ignore[call-overload]
            if s["skip"] == i:
                continue
            day = s["day"] + timedelta(days=int(s["every"]) * i)  # type: ignore[operator, call-overload]
            start = datetime.combine(day, s["at"], tzinfo=tz).astimezone(UTC)  # type: ignore[arg-type]
            expected.add((start, start + timedelta(minutes=int(s["minutes"]))))  # type: ignore[call-overload]
    for day, days in whole_days:
        start = datetime.combine(day, time(0), tzinfo=user_zone).astimezone(UTC)  # type: ignore[call-overload]
        end = datetime.combine(day + timedelta(days=days), time(0), tzinfo=user_zone)  # type: ignore[operator]
        expected.add((start, end.astimezone(UTC)))
    return expected


@settings(max_examples=60, deadline=None)
@given(
    timed=st.lists(series(), max_size=6),
    whole_days=st.lists(all_day(), max_size=3),
    user_zone=st.sampled_from(ZONES),
    working=st.tuples(st.integers(0, 12), st.integers(13, 23)),
)
def test_recurring_and_all_day_events_are_read_exactly_and_slots_never_overlap_them(
    timed: list[dict[str, object]],
    whole_days: list[tuple[object, int]],
    user_zone: str,
    working: tuple[int, int],
) -> None:
    text = _calendar_text(timed, whole_days)
    zone = ZoneInfo(user_zone)
    start, end = datetime(2026, 2, 20, tzinfo=UTC), datetime(2027, 1, 10, tzinfo=UTC)
    busy = read_busy(text, start=start, end=end, timezone=user_zone, source="generated.ics")
    expected = {(a, b) for a, b in _expected(timed, whole_days, zone) if a < end and start < b}
    assert {(b.utc_start, b.utc_end) for b in busy} == expected

    hours = WorkingHours(
        timezone=user_zone, days=frozenset(range(7)), start=time(working[0]), end=time(working[1])
    )
    for first in {b.utc_start.date() for b in busy} or {FIRST_DAY}:
        now = datetime.combine(first, time(0), tzinfo=zone)
        for slot in propose_slots(now, hours, busy, count=8, days=3):
            assert not any(slot.overlaps(b) for b in busy)


def test_a_series_whose_only_instance_is_excluded_is_not_busy_and_not_an_error() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:gone\r\n"
        "DTSTAMP:20260101T000000Z\r\nDTSTART:20260302T090000Z\r\nDTEND:20260302T100000Z\r\n"
        "RRULE:FREQ=DAILY;COUNT=1\r\nEXDATE:20260302T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert read_busy(text, start=utc(2026, 3, 1), end=utc(2026, 3, 5), timezone="UTC") == []
