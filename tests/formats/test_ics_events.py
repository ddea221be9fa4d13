"""Calendar exports: past events with their attendees, recurring ones per occurrence."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from nextmove.errors import UserError
from nextmove.formats.ics_events import CalendarEvent, parse_calendar
from nextmove.formats.textfile import decode

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 11, 22)


def events(name: str, today: date = TODAY) -> list[CalendarEvent]:
    path = FIXTURES / name
    text = decode(path.read_bytes(), name)
    return [
        e
        for e in parse_calendar(text, name, today=today, tz=ZoneInfo("America/Chicago"))
        if isinstance(e, CalendarEvent)
    ]


def test_each_occurrence_of_a_weekly_one_on_one_up_to_today_is_an_event() -> None:
    one_on_ones = [e for e in events("ics/google-calendar-export.ics") if "1:1" in e.summary]
    assert [e.day for e in one_on_ones] == [
        date(2026, 10, 2), date(2026, 10, 9), date(2026, 10, 16), date(2026, 10, 23),
        date(2026, 10, 30), date(2026, 11, 6), date(2026, 11, 13), date(2026, 11, 20),
    ]  # fmt: skip
    assert len({e.key for e in one_on_ones}) == 8
    assert "priya.nayak@northwind.example" in one_on_ones[0].attendees


def test_cancelled_future_and_declined_are_left_out() -> None:
    found = events("ics/google-calendar-export.ics")
    assert not any("cancelled" in e.summary or "next month" in e.summary for e in found)
    offsite = next(e for e in found if e.summary == "Product offsite")
    assert offsite.day == date(2026, 11, 10)
    assert "ben.schmidt@contoso.example" not in offsite.attendees
    assert "priya.nayak@northwind.example" in offsite.attendees


def test_attendee_addresses_are_normalized_and_the_organizer_counts() -> None:
    coffee = next(
        e for e in events("ics/google-calendar-export.ics") if e.summary.startswith("Coffee")
    )
    assert coffee.attendees[0] == "ana.okafor@example.com"
    assert coffee.day == date(2026, 11, 5)


def test_a_time_is_read_in_the_users_time_zone() -> None:
    text = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:late\r\n"
        "DTSTART:20261106T030000Z\r\nATTENDEE:mailto:a@example.com\r\nSUMMARY:Late call\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (event,) = parse_calendar(text, "x", today=TODAY, tz=ZoneInfo("America/Chicago"))
    assert isinstance(event, CalendarEvent) and event.day == date(2026, 11, 5)


def test_sample_calendars_from_icalendar_parse() -> None:
    assert len(events("ics/icalendar-example.ics")) == 3
    khal = events("ics/icalendar-khal-rdate-with-attendees.ics")
    assert khal and all(e.attendees == ("xyz@xyz.com",) for e in khal)


@pytest.mark.parametrize(
    ("name", "message"),
    [("bad/truncated.ics", "truncated calendar"), ("bad/not-a-vcard.vcf", "not an iCalendar file")],
)
def test_broken_calendars_are_one_clear_error(name: str, message: str) -> None:
    with pytest.raises(UserError, match=message):
        events(name)
