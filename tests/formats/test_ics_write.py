"""Invitations and the calendar feed: every file parses with icalendar and with vobject
(an independent reader) and gives the same instants, daylight-saving changes included."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from nextmove.errors import UserError
from nextmove.formats.ics import (
    Attendee,
    DueItem,
    Invitation,
    meeting_uid,
    read_busy,
    render_feed,
    render_invitation,
)
from nextmove.formats.vtimezone import vtimezone

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
ME = Attendee("jordan@example.org", "Jordan Okafor")
ANA = Attendee("ana.diaz@example.com", "Ana Díaz, PhD")


def meeting(start: datetime, minutes: int = 30, **changes: object) -> Invitation:
    fields: dict[str, object] = {
        "meeting_id": 42,
        "start": start,
        # Add minutes to the instant: aware arithmetic in one zone is wall-clock arithmetic.
        "end": (start.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(start.tzinfo),
        "summary": "30 minutes: Jordan / Ana",
        "organizer": ME,
        "attendees": (ANA,),
        "timezone": str(start.tzinfo),
        "description": "Agenda\n- Your path: how you got where you are\n- Who else should I talk to?",
        "location": "Café Einstein, Kurfürstenstraße 58; Berlin",
        "sequence": 0,
    }
    fields.update(changes)
    return Invitation(**fields)  # type: ignore[arg-type]


def both_readers(data: bytes) -> tuple[icalendar.Calendar, vobject.base.Component]:
    text = data.decode("utf-8")
    return icalendar.Calendar.from_ical(data), vobject.readOne(text)


def instants_by_icalendar(data: bytes) -> list[tuple[datetime, datetime]]:
    cal = icalendar.Calendar.from_ical(data)
    return [
        (e.DTSTART.astimezone(UTC), e.DTEND.astimezone(UTC))
        for e in cal.walk("VEVENT")
        if isinstance(e.DTSTART, datetime)
    ]


def instants_by_vobject(data: bytes) -> list[tuple[datetime, datetime]]:
    cal = vobject.readOne(data.decode("utf-8"))
    return [
        (e.dtstart.value.astimezone(UTC), e.dtend.value.astimezone(UTC))
        for e in cal.vevent_list
        if isinstance(e.dtstart.value, datetime)
    ]


def test_a_meeting_on_the_berlin_spring_forward_day_has_the_same_instants_in_both_readers() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    start = datetime(2026, 3, 29, 10, 0, tzinfo=berlin)  # 08:00 UTC (CEST)
    data = render_invitation(meeting(start), now=NOW, namespace="ws")

    expected = [(datetime(2026, 3, 29, 8, 0, tzinfo=UTC), datetime(2026, 3, 29, 8, 30, tzinfo=UTC))]
    assert instants_by_icalendar(data) == expected
    assert instants_by_vobject(data) == expected
    assert b"DTSTART;TZID=Europe/Berlin:20260329T100000" in data
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin" in data


def test_a_meeting_across_the_berlin_gap_lasts_thirty_real_minutes() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    start = datetime(2026, 3, 29, 0, 45, tzinfo=UTC).astimezone(berlin)  # 01:45 CET
    data = render_invitation(meeting(start, timezone="Europe/Berlin"), now=NOW, namespace="ws")

    expected = [
        (datetime(2026, 3, 29, 0, 45, tzinfo=UTC), datetime(2026, 3, 29, 1, 15, tzinfo=UTC))
    ]
    assert instants_by_icalendar(data) == expected
    assert instants_by_vobject(data) == expected
    assert b"DTEND;TZID=Europe/Berlin:20260329T031500" in data


def test_meetings_on_the_chicago_fall_back_day_keep_their_instants_in_both_readers() -> None:
    chicago = ZoneInfo("America/Chicago")
    cases = [
        datetime(2026, 11, 1, 10, 0, tzinfo=chicago),  # after the change: CST
        datetime(2026, 11, 1, 6, 30, tzinfo=UTC).astimezone(chicago),  # 01:30 CDT, first
        datetime(2026, 11, 1, 7, 30, tzinfo=UTC).astimezone(chicago),  # 01:30 CST, repeated
    ]
    for start in cases:
        data = render_invitation(
            meeting(start, timezone="America/Chicago"), now=NOW, namespace="ws"
        )
        expected = [(start.astimezone(UTC), start.astimezone(UTC) + timedelta(minutes=30))]
        assert instants_by_icalendar(data) == expected, start
        assert instants_by_vobject(data) == expected, start


def test_an_invitation_carries_method_organizer_attendee_alarm_and_a_stable_uid() -> None:
    start = datetime(2026, 12, 2, 14, 0, tzinfo=ZoneInfo("America/Chicago"))
    data = render_invitation(
        meeting(start, url="https://meet.example.com/abc", sequence=3), now=NOW, namespace="ws"
    )
    cal, vcal = both_readers(data)

    assert str(cal["METHOD"]) == "REQUEST" and vcal.method.value == "REQUEST"
    event = cal.walk("VEVENT")[0]
    assert str(event["UID"]) == meeting_uid(42, "ws")
    assert event["SEQUENCE"] == 3
    assert event.DTSTAMP == NOW
    assert str(event["SUMMARY"]) == "30 minutes: Jordan / Ana"
    assert str(event["DESCRIPTION"]).endswith("Who else should I talk to?")
    assert str(event["LOCATION"]) == "Café Einstein, Kurfürstenstraße 58; Berlin"
    assert str(event["URL"]) == "https://meet.example.com/abc"
    assert str(event["ORGANIZER"]) == "mailto:jordan@example.org"
    assert event["ORGANIZER"].params["CN"] == "Jordan Okafor"
    attendee = event["ATTENDEE"]
    assert str(attendee) == "mailto:ana.diaz@example.com"
    assert attendee.params["CN"] == "Ana Díaz, PhD"
    assert attendee.params["RSVP"] == "TRUE"
    alarm = event.walk("VALARM")[0]
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-15)
    assert str(alarm["ACTION"]) == "DISPLAY"

    vevent = vcal.vevent
    assert vevent.uid.value == meeting_uid(42, "ws")
    assert vevent.attendee.params["CN"] == ["Ana Díaz, PhD"]
    assert vevent.organizer.value == "mailto:jordan@example.org"
    assert vevent.valarm.trigger.value == timedelta(minutes=-15)
    assert vevent.location.value == "Café Einstein, Kurfürstenstraße 58; Berlin"
    assert vevent.description.value.startswith("Agenda\n- Your path")


def test_the_same_meeting_always_gets_the_same_uid_and_a_change_bumps_only_sequence() -> None:
    start = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
    first = icalendar.Calendar.from_ical(render_invitation(meeting(start), now=NOW, namespace="ws"))
    moved = icalendar.Calendar.from_ical(
        render_invitation(
            meeting(start + timedelta(days=1), sequence=1),
            now=NOW + timedelta(days=1),
            namespace="ws",
        )
    )
    a, b = first.walk("VEVENT")[0], moved.walk("VEVENT")[0]
    assert a["UID"] == b["UID"]
    assert (a["SEQUENCE"], b["SEQUENCE"]) == (0, 1)
    assert meeting_uid(42, "ws") != meeting_uid(43, "ws")
    assert meeting_uid(42, "ws") != meeting_uid(42, "another workspace")
    assert meeting_uid("42", "ws") == meeting_uid(42, "ws")


def test_a_utc_meeting_is_written_in_utc_without_a_timezone_block() -> None:
    start = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
    data = render_invitation(
        meeting(start, timezone="UTC", alarm_minutes=None), now=NOW, namespace="ws"
    )
    assert b"DTSTART:20261202T140000Z" in data
    assert b"VTIMEZONE" not in data and b"VALARM" not in data
    assert instants_by_vobject(data) == instants_by_icalendar(data)


def test_the_feed_holds_meetings_in_several_zones_and_due_items_readable_by_both() -> None:
    berlin, chicago = ZoneInfo("Europe/Berlin"), ZoneInfo("America/Chicago")
    meetings = [
        meeting(datetime(2026, 3, 29, 10, 0, tzinfo=berlin), meeting_id=1),
        meeting(
            datetime(2026, 11, 1, 9, 0, tzinfo=chicago), meeting_id=2, timezone="America/Chicago"
        ),
    ]
    due = [
        DueItem(
            "board-checkin:2",
            "Check in with Priya (advisor)",
            date(2026, 4, 15),
            "30 minutes, in person",
        ),
        DueItem(
            "follow-up:17", "Send Ana the article you promised", date(2026, 4, 2), as_todo=True
        ),
    ]
    data = render_feed(meetings, due, now=NOW, namespace="ws", name="nextmove — Jordan")
    cal, vcal = both_readers(data)

    assert str(cal["METHOD"]) == "PUBLISH"
    assert str(cal["X-WR-CALNAME"]) == "nextmove — Jordan"
    assert cal.decoded("REFRESH-INTERVAL") == timedelta(hours=1)
    assert {str(t["TZID"]) for t in cal.walk("VTIMEZONE")} == {"Europe/Berlin", "America/Chicago"}
    assert instants_by_icalendar(data)[:2] == [
        (datetime(2026, 3, 29, 8, tzinfo=UTC), datetime(2026, 3, 29, 8, 30, tzinfo=UTC)),
        (datetime(2026, 11, 1, 15, tzinfo=UTC), datetime(2026, 11, 1, 15, 30, tzinfo=UTC)),
    ]
    assert instants_by_vobject(data)[:2] == instants_by_icalendar(data)[:2]

    checkin = cal.walk("VEVENT")[2]
    assert checkin.decoded("DTSTART") == date(2026, 4, 15)
    assert checkin.decoded("DTEND") == date(2026, 4, 16)
    assert str(checkin["TRANSP"]) == "TRANSPARENT"
    assert checkin.walk("VALARM")[0].decoded("TRIGGER") == timedelta(hours=9)
    todo = cal.walk("VTODO")[0]
    assert todo.decoded("DUE") == date(2026, 4, 2)
    assert str(todo["STATUS"]) == "NEEDS-ACTION"

    vevents = vcal.vevent_list
    assert vevents[2].dtstart.value == date(2026, 4, 15)
    assert vcal.vtodo.due.value == date(2026, 4, 2)
    assert len({e.uid.value for e in vevents} | {vcal.vtodo.uid.value}) == 4


def test_due_items_in_the_feed_are_free_time_so_slots_are_not_blocked() -> None:
    data = render_feed([], [DueItem("x", "Check in", date(2026, 4, 15))], now=NOW, namespace="ws")
    busy = read_busy(
        data,
        start=datetime(2026, 4, 14, tzinfo=UTC),
        end=datetime(2026, 4, 17, tzinfo=UTC),
        timezone="UTC",
    )
    assert busy == []


def test_the_timezone_block_says_what_the_zone_database_says_in_both_readers() -> None:
    for name in ["Europe/Berlin", "America/Chicago", "America/Sao_Paulo", "Australia/Lord_Howe"]:
        tz = ZoneInfo(name)
        block = vtimezone(name, 2030)
        text = block.to_ical().decode()
        by_icalendar = icalendar.Timezone.from_ical(text).to_tz()
        wrapped = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + text + "END:VCALENDAR\r\n"
        by_vobject = vobject.readOne(wrapped).vtimezone.gettzinfo()
        instants = [datetime(1990, 1, 1, tzinfo=UTC) + timedelta(days=11 * i) for i in range(1330)]
        for change in _zone_changes(tz, 1990, 2030):
            instants += [change + timedelta(minutes=m) for m in (-61, -1, 0, 1, 61)]
        for instant in instants:
            expected = instant.astimezone(tz).utcoffset()
            assert instant.astimezone(by_icalendar).utcoffset() == expected, (name, instant)
            assert instant.astimezone(by_vobject).utcoffset() == expected, (name, instant)


def test_a_zone_with_yearly_rules_gets_a_short_timezone_block() -> None:
    block = vtimezone("Europe/Berlin", 2030)
    current = [o for o in block.subcomponents if "RRULE" in o and "UNTIL" not in o["RRULE"]]
    assert sorted(str(o["RRULE"].to_ical(), "ascii") for o in current) == [
        "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
        "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    ]
    assert len(block.subcomponents) < 8


def _zone_changes(tz: ZoneInfo, first: int, last: int) -> list[datetime]:
    changes = []
    t = datetime(first, 1, 1, tzinfo=UTC)
    while t.year <= last:
        if (t + timedelta(days=1)).astimezone(tz).utcoffset() != t.astimezone(tz).utcoffset():
            lo, hi = t, t + timedelta(days=1)
            while hi - lo > timedelta(minutes=1):
                mid = lo + (hi - lo) / 2
                if mid.astimezone(tz).utcoffset() == lo.astimezone(tz).utcoffset():
                    lo = mid
                else:
                    hi = mid
            changes.append(hi)
        t += timedelta(days=1)
    return changes


ZONES = [
    "Europe/Berlin",
    "America/Chicago",
    "Australia/Lord_Howe",
    "America/St_Johns",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "America/Sao_Paulo",
    "UTC",
]


@settings(max_examples=120, deadline=None)
@given(
    minute=st.integers(0, 60 * 24 * 365 * 3),
    tz=st.sampled_from(ZONES),
    length=st.integers(5, 240),
)
def test_an_invitation_written_then_read_gives_the_same_instants(
    minute: int, tz: str, length: int
) -> None:
    start = (datetime(2025, 1, 1, tzinfo=UTC) + timedelta(minutes=minute)).astimezone(ZoneInfo(tz))
    end = start.astimezone(UTC) + timedelta(minutes=length)
    data = render_invitation(
        meeting(start, timezone=tz, end=end.astimezone(ZoneInfo(tz))), now=NOW, namespace="ws"
    )
    expected = [(start.astimezone(UTC), end)]
    assert instants_by_icalendar(data) == expected
    assert instants_by_vobject(data) == expected
    busy = read_busy(
        data, start=start - timedelta(hours=1), end=end + timedelta(hours=1), timezone="UTC"
    )
    assert [(b.utc_start, b.utc_end) for b in busy] == expected


def test_a_meeting_that_ends_before_it_starts_is_a_user_error() -> None:
    start = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
    with pytest.raises(UserError, match=r"ends .* before it starts"):
        render_invitation(meeting(start, minutes=-30), now=NOW, namespace="ws")
