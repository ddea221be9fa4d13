"""Meetings pushed to a real CalDAV calendar (Radicale and Xandikos, started on loopback),
and busy times read back from one for slot proposals."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from caldav.collection import Calendar
from caldav.davclient import DAVClient

from nextmove.config import Settings, load_settings
from nextmove.services import meetings as meetings_service
from nextmove.services import people as people_service
from nextmove.services import scheduling
from nextmove.services.calendar_sync import account_busy
from nextmove.services.sync import run_sync
from nextmove.services.sync_accounts import add_account, list_accounts
from nextmove.services.workspace import Workspace
from tests.dav_servers import DavServer, start_radicale, start_xandikos

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # a Monday
TODAY = NOW.date()
MEETING_AT = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


@pytest.fixture(scope="module", params=["radicale", "xandikos"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DavServer]:
    start = start_radicale if request.param == "radicale" else start_xandikos
    dav = start(tmp_path_factory.mktemp(request.param))
    yield dav
    dav.stop()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(timezone="UTC", working_hours="09:00-17:00", working_days="Mon-Fri")


@pytest.fixture
def calendar_url(db: Workspace, server: DavServer, settings: Settings) -> str:
    book = server.make_collection("addressbook")
    calendar = server.make_collection("calendar")
    add_account(
        db,
        "phone",
        carddav_url=book,
        caldav_url=calendar,
        username=server.user,
        password=server.password or "unused",
        config_dir=settings.config_dir,
        now=NOW,
    )
    return calendar


def sync(db: Workspace, settings: Settings) -> Any:
    (report,) = run_sync(
        db, "phone", config_dir=settings.config_dir, now=NOW, today=TODAY, settings=settings
    )
    return report.calendar


def events(server: DavServer, url: str) -> list[str]:
    client = DAVClient(url=url, username=server.user or None, password=server.password or None)
    return [e.data for e in Calendar(client=client, url=url).events()]


def scheduled(db: Workspace, settings: Settings, name: str = "Ann Lee", **kw: Any) -> int:
    people_service.add_person(db, {"name": name}, now=NOW, today=TODAY)
    meeting = meetings_service.add_meeting(db, name, today=TODAY, now=NOW, **kw)
    assert meeting.id is not None
    meetings_service.schedule_meeting(
        db, meeting.id, settings=settings, at=MEETING_AT, minutes=30, day=TODAY, now=NOW
    )
    return meeting.id


def test_a_scheduled_meeting_goes_to_the_calendar_once(
    db: Workspace, server: DavServer, settings: Settings, calendar_url: str
) -> None:
    scheduled(db, settings)
    scheduled(db, settings, "Bo Chen", kind="advisor-checkin")
    report = sync(db, settings)
    assert (report.created, report.problems) == (2, [])
    texts = events(server, calendar_url)
    assert len(texts) == 2
    research = next(t for t in texts if "Research meeting" in t)
    assert "Ann Lee" in research and "DTSTART" in research and "SEQUENCE:0" in research
    assert "ORGANIZER" not in research and "ATTENDEE" not in research and "METHOD" not in research
    assert any("Advisor check-in" in t for t in texts)
    (view,) = list_accounts(db)
    assert view.last_summary is not None and view.last_summary["calendar"]["created"] == 2
    again = sync(db, settings)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)


def test_a_rescheduled_meeting_is_updated_with_a_bumped_sequence_and_the_same_uid(
    db: Workspace, server: DavServer, settings: Settings, calendar_url: str
) -> None:
    meeting_id = scheduled(db, settings)
    sync(db, settings)
    (before,) = events(server, calendar_url)
    meetings_service.schedule_meeting(
        db, meeting_id, settings=settings, at=MEETING_AT + timedelta(days=1), day=TODAY, now=NOW
    )
    assert sync(db, settings).updated == 1
    (after,) = events(server, calendar_url)
    uid = next(line for line in before.splitlines() if line.startswith("UID:"))
    assert uid in after and "SEQUENCE:1" in after and "20261126T150000" in after.replace("Z", "")


def test_a_declined_meeting_leaves_the_calendar_and_a_held_one_stays(
    db: Workspace, server: DavServer, settings: Settings, calendar_url: str
) -> None:
    declined = scheduled(db, settings)
    held = scheduled(db, settings, "Bo Chen")
    sync(db, settings)
    meetings_service.advance(db, declined, "declined", day=TODAY, now=NOW)
    meetings_service.advance(db, held, "held", day=TODAY, now=NOW, early=True)
    report = sync(db, settings)
    assert report.deleted == 1
    (left,) = events(server, calendar_url)
    assert "Bo Chen" in left
    assert sync(db, settings).deleted == 0


def test_an_event_edited_in_the_calendar_is_not_overwritten(
    db: Workspace, server: DavServer, settings: Settings, calendar_url: str
) -> None:
    meeting_id = scheduled(db, settings)
    sync(db, settings)
    client = DAVClient(
        url=calendar_url, username=server.user or None, password=server.password or None
    )
    (event,) = Calendar(client=client, url=calendar_url).events()
    event.data = event.data.replace("DESCRIPTION", "X-EDITED-IN-PHONE:yes\r\nDESCRIPTION", 1)
    event.data = event.data.replace("END:VEVENT", "LOCATION:Cafe on the phone\r\nEND:VEVENT")
    event.save()
    meetings_service.schedule_meeting(
        db, meeting_id, settings=settings, at=MEETING_AT, place="Office", day=TODAY, now=NOW
    )
    report = sync(db, settings)
    assert report.updated == 0 and "changed in the calendar" in report.problems[0]
    (text,) = events(server, calendar_url)
    assert "Cafe on the phone" in text


def test_slots_avoid_the_busy_times_of_the_caldav_calendar(
    db: Workspace, server: DavServer, settings: Settings, calendar_url: str
) -> None:
    client = DAVClient(
        url=calendar_url, username=server.user or None, password=server.password or None
    )
    Calendar(client=client, url=calendar_url).save_event(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//phone//EN\r\nBEGIN:VEVENT\r\n"
        "UID:busy-1\r\nDTSTAMP:20261120T000000Z\r\nDTSTART:20261123T090000Z\r\n"
        "DTEND:20261124T170000Z\r\nSUMMARY:Offsite\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    busy = account_busy(db, "phone", settings=settings, now=NOW, days=5)
    assert [(b.start, b.end) for b in busy] == [
        (datetime(2026, 11, 23, 9, tzinfo=UTC), datetime(2026, 11, 24, 17, tzinfo=UTC))
    ]
    slots = scheduling.propose_meeting_slots(settings, now=NOW, days=5, booked=busy)
    assert slots and all(s.start >= datetime(2026, 11, 24, 17, tzinfo=UTC) for s in slots)


def test_a_calendar_that_refuses_the_password_is_a_clear_error(
    db: Workspace, server: DavServer, settings: Settings, calendar_url: str
) -> None:
    if not server.user:
        pytest.skip("this Xandikos runs without authentication")
    from nextmove.errors import RemoteError
    from nextmove.services.calendar_sync import read_calendar_busy

    with pytest.raises(RemoteError, match="refused the user name or password"):
        read_calendar_busy(
            calendar_url,
            server.user,
            "wrong",
            start=NOW,
            end=NOW + timedelta(days=1),
            timezone="UTC",
        )
