"""Calendars that crashed, hung or were misread on 0.1, in `import ics` (parse_calendar) and
`slots --busy` (read_busy): each built from the input that showed the bug."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from nextmove.config import Settings
from nextmove.errors import InvalidInput, Problem, UserError
from nextmove.formats.ics import read_busy
from nextmove.formats.ics_events import CalendarEvent, parse_calendar
from nextmove.formats.ics_series import CheckBudget, expand_events, parse_ical
from nextmove.services.scheduling import propose_meeting_slots

TODAY = date(2026, 11, 22)
START = datetime(2026, 11, 1, tzinfo=UTC)
END = datetime(2026, 11, 30, tzinfo=UTC)


def calendar(*events: str, zones: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        + zones
        + "".join(events)
        + "END:VCALENDAR\r\n"
    )


def event(uid: str, start: str = "DTSTART:20261102T100000Z", *lines: str) -> str:
    end = () if any(x.startswith(("DTEND", "DURATION")) for x in lines) else ("DURATION:PT1H",)
    body = "\r\n".join(
        (f"UID:{uid}", "DTSTAMP:20260101T000000Z", start, *end, *lines, "SUMMARY:" + uid)
    )
    return f"BEGIN:VEVENT\r\n{body}\r\nATTENDEE:mailto:ana@example.org\r\nEND:VEVENT\r\n"


def imported(text: str) -> list[CalendarEvent | Problem]:
    return list(parse_calendar(text, "cal.ics", today=TODAY, tz=UTC))


def busy(text: str, timezone: str = "UTC") -> list[tuple[datetime, datetime]]:
    found = read_busy(text.encode(), start=START, end=END, timezone=timezone, source="cal.ics")
    return [(b.utc_start, b.utc_end) for b in found]


def test_a_tzid_of_300_characters_reads_as_floating_time_not_a_file_system_error() -> None:
    text = calendar(event("long-tzid", "DTSTART;TZID=" + "X" * 300 + ":20261102T100000"))
    assert busy(text) == [
        (datetime(2026, 11, 2, 10, tzinfo=UTC), datetime(2026, 11, 2, 11, tzinfo=UTC))
    ]
    (occurrence,) = imported(text)
    assert isinstance(occurrence, CalendarEvent) and occurrence.day == date(2026, 11, 2)


@pytest.mark.parametrize("where", ["before the events", "inside an event"])
def test_a_stray_end_vtimezone_is_one_clear_error(where: str) -> None:
    if where == "before the events":
        text = calendar(event("a"), zones="END:VTIMEZONE\r\n")
    else:
        text = calendar(event("a", "DTSTART:20261102T100000Z", "END:VTIMEZONE"))
    with pytest.raises(UserError, match=r"cal\.ics"):
        imported(text)
    with pytest.raises(InvalidInput, match=r"cal\.ics"):
        busy(text)


HANGING_RULES = {
    "RRULE:FREQ=DAILY;INTERVAL=0": "INTERVAL=0: the interval must be 1 or more",
    "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30": "never falls on a day the calendar has",
    # Every seventh day from a Monday (5 January 1970) is never a Tuesday.
    "RRULE:FREQ=DAILY;INTERVAL=7;BYDAY=TU": "never falls on a day the calendar has",
    "RRULE:FREQ=SECONDLY": "repeats too often to read",
}


@pytest.mark.parametrize("rule", HANGING_RULES)
def test_a_rule_that_would_spin_forever_is_a_problem_of_its_event_and_returns_at_once(
    rule: str,
) -> None:
    text = calendar(event("fine"), event("spins", "DTSTART:19700105T100000Z", rule))
    found = imported(text)
    (problem,) = [p for p in found if isinstance(p, Problem)]
    assert problem.where == "line 13: event 2 'spins'"
    assert HANGING_RULES[rule] in problem.message
    assert [e.key for e in found if isinstance(e, CalendarEvent)] == [
        "ics:fine:2026-11-02T10:00:00+00:00"
    ]
    with pytest.raises(InvalidInput, match=HANGING_RULES[rule].replace("(", r"\(")):
        busy(text)


def test_checking_a_files_rules_is_bounded_however_many_never_match() -> None:
    never = "RRULE:FREQ=MINUTELY;BYMONTH=4;BYMONTHDAY=31"
    text = calendar(*(event(f"spin{i}", "DTSTART:20260105T100000Z", never) for i in range(12)))
    (cal,) = parse_ical(text)
    found = list(
        expand_events(cal, date(2026, 1, 1), TODAY, text=text, budget=CheckBudget(seconds=0.5))
    )
    assert all(isinstance(p, Problem) for p in found) and len(found) == 12
    messages = [p.message for p in found if isinstance(p, Problem)]
    assert "never falls on a day the calendar has" in messages[0]
    assert "was not checked: this calendar's recurring events took more than" in messages[-1]


def test_a_recurring_series_that_cannot_be_read_is_reported_not_silently_dropped() -> None:
    text = calendar(event("weekly", "DTSTART:20261102T100000Z", "RRULE:FREQ=WEEKLY;BYDAY=XX"))
    (problem,) = imported(text)
    assert isinstance(problem, Problem)
    assert str(problem) == (
        "line 5: event 1 'weekly': RRULE cannot be read: Expected weekday abbreviation, got: XX"
    )


def customized_zone(offset: str) -> str:
    """Outlook's "Customized Time Zone": a TZID that names no IANA zone, defined in the file."""
    return (
        "BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\nBEGIN:STANDARD\r\n"
        f"DTSTART:16010101T000000\r\nTZOFFSETFROM:{offset}\r\nTZOFFSETTO:{offset}\r\n"
        "END:STANDARD\r\nEND:VTIMEZONE\r\n"
    )


def test_each_file_is_read_with_its_own_definition_of_a_customized_time_zone() -> None:
    start = 'DTSTART;TZID="Customized Time Zone":20261102T100000'
    auckland = calendar(event("nz", start), zones=customized_zone("+1200"))
    london = calendar(event("uk", start), zones=customized_zone("+0000"))
    assert busy(auckland)[0][0] == datetime(2026, 11, 1, 22, tzinfo=UTC)
    # On 0.1 the first definition seen in the process won: London was read 12 hours off.
    assert busy(london)[0][0] == datetime(2026, 11, 2, 10, tzinfo=UTC)
    (nz,) = imported(auckland)
    (uk,) = imported(london)
    assert isinstance(nz, CalendarEvent) and isinstance(uk, CalendarEvent)
    assert (nz.day, uk.day) == (date(2026, 11, 1), date(2026, 11, 2))


def test_a_moved_instance_with_its_own_duration_keeps_its_length() -> None:
    series = event(
        "standup", "DTSTART:20261102T090000Z", "DURATION:PT30M", "RRULE:FREQ=DAILY;COUNT=3"
    )
    workshop = event(
        "standup",
        "DTSTART:20261103T130000Z",
        "RECURRENCE-ID:20261103T090000Z",
        "DURATION:PT3H",
    )
    assert busy(calendar(series, workshop)) == [
        (datetime(2026, 11, 2, 9, tzinfo=UTC), datetime(2026, 11, 2, 9, 30, tzinfo=UTC)),
        (datetime(2026, 11, 3, 13, tzinfo=UTC), datetime(2026, 11, 3, 16, tzinfo=UTC)),
        (datetime(2026, 11, 4, 9, tzinfo=UTC), datetime(2026, 11, 4, 9, 30, tzinfo=UTC)),
    ]


def test_the_buffer_holds_for_a_busy_time_that_ends_just_before_the_search_starts(
    tmp_path: Path,
) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    now = datetime(2026, 11, 23, 10, 0, tzinfo=berlin)  # a Monday, in working hours
    path = tmp_path / "cal.ics"
    path.write_text(calendar(event("call", "DTSTART:20261123T084000Z", "DTEND:20261123T085500Z")))
    # No notice asked (slot_lead_hours=0): this is about the buffer alone.
    settings = Settings(
        timezone="Europe/Berlin", meeting_buffer_minutes=30, meeting_minutes=30, slot_lead_hours=0
    )
    slots = propose_meeting_slots(settings, now=now, busy_file=path, days=1, count=50)
    # The call ends at 09:55 Berlin time; with 30 minutes of buffer nothing starts before 10:25.
    assert min(s.start for s in slots) == datetime(2026, 11, 23, 10, 30, tzinfo=berlin)


def test_a_utf16_calendar_with_an_odd_byte_count_is_read(tmp_path: Path) -> None:
    data = b"\xff\xfe" + calendar(event("a")).encode("utf-16-le") + b"\x0a"
    found = read_busy(data, start=START, end=END, timezone="UTC", source="cal.ics")
    assert len(found) == 1
    assert timedelta(hours=1) == found[0].duration


# Found by benchmarks/fuzz_imports.py: damage icalendar raises for while parsing, or only
# when a value is used (a lazily parsed DTSTART).
PARSER_CRASHES = {
    # An END:VTIMEZONE closing an event that has a TZID property: icalendar tries to read the
    # event as a time zone (AttributeError: 'Event' object has no attribute 'to_tz').
    "event closed as a time zone": calendar(
        event("a", "DTSTART:20261102T100000Z", "TZID:Customized Time Zone", "END:VTIMEZONE")
    ),
    # A free/busy period cut short by a broken line fold (TypeError in icalendar's vPeriod).
    "period cut short": calendar(
        event("a"), zones="BEGIN:VFREEBUSY\r\nFREEBUSY:20120103T091500Z/201201\r\nEND:VFREEBUSY\r\n"
    ),
}


@pytest.mark.parametrize("case", PARSER_CRASHES)
def test_text_the_calendar_parser_crashes_on_is_one_clear_error(case: str) -> None:
    with pytest.raises(UserError, match=r"cal\.ics: not a readable iCalendar file"):
        imported(PARSER_CRASHES[case])
    with pytest.raises(InvalidInput, match=r"cal\.ics: 1 problem\n  not an iCalendar file"):
        busy(PARSER_CRASHES[case])


def test_a_recurring_event_whose_start_cannot_be_read_is_a_problem_of_that_event() -> None:
    broken = event("weekly", "DTSTART:20260BEGIN:VTIMEZONE", "RRULE:FREQ=WEEKLY")
    text = calendar(event("fine"), broken)
    found = imported(text)
    assert [e.key for e in found if isinstance(e, CalendarEvent)] == [
        "ics:fine:2026-11-02T10:00:00+00:00"
    ]
    (problem,) = [p for p in found if isinstance(p, Problem)]
    assert str(problem) == (
        "line 13: event 2 'weekly': DTSTART cannot be read: '20260BEGIN:VTIMEZONE' is not a "
        "date or time"
    )
    with pytest.raises(InvalidInput, match="DTSTART cannot be read"):
        busy(text)
