"""Proposed meeting slots: inside working hours and time zone, never over a busy time,
spread over days, right across daylight-saving changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextmove.domain.slots import (
    Interval,
    WorkingHours,
    merge_intervals,
    parse_working_days,
    parse_working_hours,
    propose_slots,
    slot_phrase,
)
from nextmove.errors import UserError

BERLIN = ZoneInfo("Europe/Berlin")
CHICAGO = ZoneInfo("America/Chicago")
WEEKDAYS_BERLIN = WorkingHours(timezone="Europe/Berlin")
# Monday 2026-11-23, 08:00 in Berlin.
MONDAY_MORNING = datetime(2026, 11, 23, 8, 0, tzinfo=BERLIN)


def at(day: date, hh: int, mm: int = 0, tz: ZoneInfo = BERLIN) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=tz)


def busy(
    day: date, start: tuple[int, int], end: tuple[int, int], tz: ZoneInfo = BERLIN
) -> Interval:
    return Interval(at(day, *start, tz=tz), at(day, *end, tz=tz), "busy")


def test_five_slots_land_on_five_different_weekdays_inside_working_hours() -> None:
    slots = propose_slots(MONDAY_MORNING, WEEKDAYS_BERLIN, count=5, days=10)

    assert len(slots) == 5
    days = [s.start.date() for s in slots]
    assert len(set(days)) == 5
    assert all(d.weekday() < 5 for d in days)
    for s in slots:
        assert s.duration == timedelta(minutes=30)
        assert time(9, 0) <= s.start.timetz().replace(tzinfo=None)
        assert s.end.timetz().replace(tzinfo=None) <= time(17, 30)
        assert s.start.tzinfo is not None and s.start.utcoffset() == timedelta(hours=1)


def test_proposals_vary_between_morning_and_afternoon() -> None:
    slots = propose_slots(MONDAY_MORNING, WEEKDAYS_BERLIN, count=4, days=10)

    hours = {s.start.hour for s in slots}
    assert any(h < 12 for h in hours) and any(h >= 13 for h in hours)


def test_weekend_is_skipped_and_slots_come_back_in_time_order() -> None:
    friday_evening = datetime(2026, 11, 27, 18, 0, tzinfo=BERLIN)
    slots = propose_slots(friday_evening, WEEKDAYS_BERLIN, count=3, days=7)

    assert [s.start.date() for s in slots] == [
        date(2026, 11, 30),
        date(2026, 12, 1),
        date(2026, 12, 2),
    ]
    assert slots == sorted(slots, key=lambda s: s.start)


def test_no_slot_starts_before_now() -> None:
    monday_noon = datetime(2026, 11, 23, 12, 10, tzinfo=BERLIN)
    slots = propose_slots(monday_noon, WEEKDAYS_BERLIN, count=10, days=1)

    assert slots and all(s.start >= monday_noon for s in slots)
    assert min(s.start for s in slots) == at(date(2026, 11, 23), 12, 30)


def test_a_slot_never_overlaps_a_busy_time_or_its_buffer() -> None:
    monday = date(2026, 11, 23)
    # Busy all day except 11:00-12:00 and 15:00-15:45.
    taken = [
        busy(monday, (9, 0), (11, 0)),
        busy(monday, (12, 0), (15, 0)),
        busy(monday, (15, 45), (17, 30)),
    ]
    slots = propose_slots(MONDAY_MORNING, WEEKDAYS_BERLIN, taken, count=10, days=1)
    assert [(s.start.hour, s.start.minute) for s in slots] == [(11, 0), (11, 30), (15, 0)]

    buffered = propose_slots(
        MONDAY_MORNING,
        WEEKDAYS_BERLIN,
        taken,
        count=10,
        days=1,
        buffer=timedelta(minutes=10),
        step=timedelta(minutes=5),
    )
    # Only 11:10-11:50 is free once each busy time is widened by 10 minutes: one slot fits.
    assert len(buffered) == 1
    assert at(monday, 11, 10) <= buffered[0].start and buffered[0].end <= at(monday, 11, 50)


def test_a_busy_time_in_another_zone_blocks_the_same_instant() -> None:
    monday = date(2026, 11, 23)
    # 03:00-10:30 in Chicago is 10:00-17:30 in Berlin: only 09:00-10:00 Berlin is free.
    taken = [busy(monday, (3, 0), (10, 30), tz=CHICAGO)]
    slots = propose_slots(MONDAY_MORNING, WEEKDAYS_BERLIN, taken, count=10, days=1)
    assert [(s.start.hour, s.start.minute) for s in slots] == [(9, 0), (9, 30)]


def test_a_full_calendar_gives_no_slots() -> None:
    everything = [Interval(MONDAY_MORNING, MONDAY_MORNING + timedelta(days=30))]
    assert propose_slots(MONDAY_MORNING, WEEKDAYS_BERLIN, everything) == []


def test_more_slots_than_days_puts_a_second_slot_on_a_day() -> None:
    slots = propose_slots(MONDAY_MORNING, WEEKDAYS_BERLIN, count=4, days=2)
    assert len(slots) == 4
    assert sorted({s.start.date() for s in slots}) == [date(2026, 11, 23), date(2026, 11, 24)]
    assert not any(a.overlaps(b) for a in slots for b in slots if a is not b)


def test_working_hours_follow_the_wall_clock_across_spring_forward_in_berlin() -> None:
    every_day = WorkingHours(timezone="Europe/Berlin", days=frozenset(range(7)))
    saturday = datetime(2026, 3, 28, 7, 0, tzinfo=BERLIN)
    slots = propose_slots(saturday, every_day, count=20, days=3, length=timedelta(minutes=30))

    by_day = {s.start.date(): s for s in slots}
    assert set(by_day) == {date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30)}
    for s in slots:
        local = s.start.astimezone(BERLIN)
        assert time(9, 0) <= local.time() and s.end.astimezone(BERLIN).time() <= time(17, 30)
        assert s.end - s.start == timedelta(minutes=30)
    # The first slot of the day is 09:00 local on both sides of the change: 08:00Z then 07:00Z.
    full = propose_slots(saturday, every_day, count=100, days=3)
    firsts = sorted({min(s.start for s in full if s.start.date() == d) for d in by_day})
    assert [f.astimezone(UTC).hour for f in firsts] == [8, 7, 7]


def test_working_hours_follow_the_wall_clock_across_fall_back_in_chicago() -> None:
    every_day = WorkingHours(timezone="America/Chicago", days=frozenset(range(7)))
    saturday = datetime(2026, 10, 31, 6, 0, tzinfo=CHICAGO)
    full = propose_slots(saturday, every_day, count=100, days=3)

    for d, utc_hour in [(date(2026, 10, 31), 14), (date(2026, 11, 1), 15), (date(2026, 11, 2), 15)]:
        day_slots = [s for s in full if s.start.date() == d]
        assert len(day_slots) == 17  # 09:00-17:30 holds seventeen 30-minute slots
        assert min(s.start for s in day_slots).astimezone(UTC).hour == utc_hour


def test_working_hours_that_span_the_missing_hour_still_give_real_instants() -> None:
    night_owl = WorkingHours(
        timezone="Europe/Berlin", days=frozenset(range(7)), start=time(1, 0), end=time(4, 0)
    )
    night = propose_slots(datetime(2026, 3, 29, 0, 0, tzinfo=BERLIN), night_owl, count=100, days=1)
    # 01:00-04:00 on spring-forward day is only two real hours.
    assert sum((s.duration for s in night), timedelta()) == timedelta(hours=2)


def test_working_days_and_hours_are_read_from_plain_text() -> None:
    assert parse_working_days("mon-fri") == frozenset({0, 1, 2, 3, 4})
    assert parse_working_days("Mon, Wed,fri") == frozenset({0, 2, 4})
    assert parse_working_days("fri-mon") == frozenset({4, 5, 6, 0})
    assert parse_working_hours("09:00-17:30") == (time(9), time(17, 30))
    assert parse_working_hours(" 8:15 - 12:00 ") == (time(8, 15), time(12))


@pytest.mark.parametrize("text", ["", "funday", "mon-xyz"])
def test_bad_working_days_are_a_user_error_with_a_hint(text: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_working_days(text)
    assert caught.value.hint


@pytest.mark.parametrize("text", ["9-5", "17:00-09:00", "25:00-26:00", "09:00"])
def test_bad_working_hours_are_a_user_error_with_a_hint(text: str) -> None:
    with pytest.raises(UserError) as caught:
        parse_working_hours(text)
    assert "working hours" in caught.value.message and caught.value.hint


def test_an_unknown_time_zone_is_a_user_error() -> None:
    with pytest.raises(UserError, match="Mars/Olympus"):
        WorkingHours(timezone="Mars/Olympus")


def test_merged_intervals_cover_the_same_time_without_overlaps() -> None:
    d = date(2026, 11, 23)
    merged = merge_intervals(
        [busy(d, (10, 0), (11, 0)), busy(d, (9, 0), (10, 0)), busy(d, (13, 0), (14, 0))]
    )
    assert [(m.start.astimezone(BERLIN).hour, m.end.astimezone(BERLIN).hour) for m in merged] == [
        (9, 11),
        (13, 14),
    ]


ZONES = [
    "UTC",
    "Europe/Berlin",
    "America/Chicago",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "America/St_Johns",
]
START = datetime(2026, 1, 1, tzinfo=UTC)


@st.composite
def busy_intervals(draw: st.DrawFn) -> list[Interval]:
    items = []
    for _ in range(draw(st.integers(0, 25))):
        start = START + timedelta(minutes=draw(st.integers(0, 60 * 24 * 400)))
        length = timedelta(minutes=draw(st.integers(1, 60 * 30)))
        items.append(Interval(start, start + length))
    return items


@settings(max_examples=150, deadline=None)
@given(
    tz=st.sampled_from(ZONES),
    offset_minutes=st.integers(0, 60 * 24 * 390),
    taken=busy_intervals(),
    days=st.frozensets(st.integers(0, 6), min_size=1),
    start_minute=st.integers(0, 20 * 60),
    span=st.integers(30, 10 * 60),
    count=st.integers(1, 12),
    search_days=st.integers(1, 14),
    buffer=st.integers(0, 30),
    length=st.sampled_from([15, 30, 45, 60]),
)
def test_no_proposed_slot_overlaps_busy_time_or_leaves_working_hours(
    tz: str,
    offset_minutes: int,
    taken: list[Interval],
    days: frozenset[int],
    start_minute: int,
    span: int,
    count: int,
    search_days: int,
    buffer: int,
    length: int,
) -> None:
    end_minute = min(start_minute + span, 24 * 60 - 1)
    hours = WorkingHours(
        timezone=tz,
        days=days,
        start=time(start_minute // 60, start_minute % 60),
        end=time(end_minute // 60, end_minute % 60),
    )
    now = START + timedelta(minutes=offset_minutes)
    pad = timedelta(minutes=buffer)
    slots = propose_slots(
        now,
        hours,
        taken,
        count=count,
        days=search_days,
        length=timedelta(minutes=length),
        buffer=pad,
    )

    assert len(slots) <= count
    zone = ZoneInfo(tz)
    last_day = now.astimezone(zone).date() + timedelta(days=search_days - 1)
    for i, slot in enumerate(slots):
        assert slot.duration == timedelta(minutes=length)
        assert slot.start >= now
        local = slot.start.astimezone(zone)
        assert local.date() <= last_day
        window = hours.window(local.date())
        assert window is not None, "slot on a day off"
        assert window.start <= slot.start and slot.end <= window.end
        for b in taken:
            assert not slot.overlaps(Interval(b.start - pad, b.end + pad))
        for other in slots[i + 1 :]:
            assert not slot.overlaps(other)


def test_a_slot_is_worded_for_a_message_in_its_own_zone() -> None:
    slot = Interval(at(date(2026, 11, 24), 10), at(date(2026, 11, 24), 10, 30))
    assert slot_phrase(slot) == "Tuesday 24 November, 10:00–10:30"
    assert (
        slot_phrase(slot, zone_label="Berlin") == "Tuesday 24 November, 10:00–10:30 (Berlin time)"
    )
    late = Interval(at(date(2026, 11, 24), 23, 45), at(date(2026, 11, 25), 0, 15))
    assert slot_phrase(late) == "Tuesday 24 November, 23:45–Wednesday 00:15"
