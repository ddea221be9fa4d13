"""Meetings in the user's CalDAV calendar, through the `caldav` library (docs/sync.md).

Pushing: every scheduled research meeting and advisor check-in becomes an event with the
same stable UID its invitation has. A new event is created with `If-None-Match: *`; a
meeting whose time, length, place or link changed is written with `If-Match` and a bumped
SEQUENCE; a meeting that is no longer going to happen (declined, no reply, unscheduled,
deleted) has its event deleted (`If-Match`). Held meetings stay in the calendar as they
were. An event edited in the calendar meanwhile (HTTP 412) is left alone and reported.

Reading: the busy times of a CalDAV calendar over a window, for slot proposals — the same
rules as an .ics export (formats.ics.read_busy)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from sqlalchemy.orm import Session

from nextmove.config import Settings
from nextmove.domain.meetings import MeetingState
from nextmove.domain.slots import Interval
from nextmove.errors import RemoteError, UserError
from nextmove.formats.ics import meeting_uid, read_busy, render_calendar_object
from nextmove.services.meeting_calendar import meeting_event, namespace
from nextmove.services.workspace import Workspace
from nextmove.store import meetings as meetings_repo
from nextmove.store import people as people_repo
from nextmove.store import sync as repo
from nextmove.store.sync_models import SyncAccount, SyncEvent
from nextmove.store.vision import load_vision

KEEP_STATES = {MeetingState.HELD, MeetingState.FOLLOWED_UP}  # happened: the event stays
_HASH_STAMP = datetime(2000, 1, 1, tzinfo=UTC)
ICS_TYPE = "text/calendar; charset=utf-8"


@dataclass(slots=True)
class CalendarReport:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "created": self.created,
            "updated": self.updated,
            "deleted": self.deleted,
            "unchanged": self.unchanged,
            "problems": self.problems,
        }


def _where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


@contextmanager
def _client(url: str, username: str, password: str) -> Iterator[Any]:
    from caldav.davclient import DAVClient

    client = DAVClient(url=url, username=username or None, password=password or None)
    try:
        yield client
    finally:
        client.close()


def _request(client: Any, url: str, method: str, body: str, headers: dict[str, str]) -> Any:
    """One request through caldav's client; anything but an HTTP answer is a RemoteError."""
    try:
        response = client.request(url, method, body, headers)
    except Exception as exc:  # the transport's errors (connection refused, timeout, TLS …)
        raise RemoteError(
            f"{_where(url)}: cannot reach the calendar ({type(exc).__name__})",
            hint="Check the --caldav address and your connection; nothing was changed.",
        ) from None
    if response.status == 401:
        raise RemoteError(
            f"{_where(url)}: the calendar refused the user name or password (HTTP 401)",
            hint="Remove the account and add it again with the right password.",
        )
    return response


def push_meetings(
    db: Workspace,
    account: SyncAccount,
    password: str,
    *,
    settings: Settings,
    now: datetime,
    dry_run: bool = False,
) -> CalendarReport:
    """Bring the account's calendar in line with the scheduled meetings."""
    assert account.caldav_url
    report = CalendarReport()
    base = account.caldav_url if account.caldav_url.endswith("/") else account.caldav_url + "/"
    space = namespace(db)
    with db.session() as session:
        wanted = _wanted_events(session, settings=settings, now=now, space=space)
        events = {e.meeting_id: e for e in repo.events_of(session, account.id)}
        states = meetings_repo.states_of(session, list(events))
    with _client(base, account.username, password) as client, db.session() as session:
        for meeting_id, (sequence, body, digest) in wanted.items():
            event = events.get(meeting_id)
            if event is not None and event.content_hash == digest:
                report.unchanged += 1
                continue
            if dry_run:
                report.created += event is None
                report.updated += event is not None
                continue
            if event is None:
                uid = meeting_uid(meeting_id, space)
                href = urlsplit(urljoin(base, f"{uid}.ics")).path
                response = _request(
                    client,
                    urljoin(base, href),
                    "PUT",
                    body,
                    {"If-None-Match": "*", "Content-Type": ICS_TYPE},
                )
                if response.status == 412:
                    report.problems.append(f"{href}: an event with this UID is already there")
                    continue
                _check(response, href)
                session.add(
                    SyncEvent(
                        account_id=account.id,
                        meeting_id=meeting_id,
                        uid=uid,
                        href=href,
                        etag=response.headers.get("etag", ""),
                        sequence=sequence,
                        content_hash=digest,
                        updated_at=now,
                    )
                )
                report.created += 1
                continue
            event = session.get(SyncEvent, event.id)
            assert event is not None
            sequence = max(sequence, event.sequence + 1)
            body = _render(
                session, meeting_id, settings=settings, now=now, space=space, sequence=sequence
            )
            headers = {"Content-Type": ICS_TYPE}
            if event.etag:
                headers["If-Match"] = event.etag
            response = _request(client, urljoin(base, event.href), "PUT", body, headers)
            if response.status == 412:
                report.problems.append(
                    f"{event.href}: the event was changed in the calendar; not overwritten"
                )
                continue
            _check(response, event.href)
            event.etag = response.headers.get("etag", "")
            event.sequence, event.content_hash, event.updated_at = sequence, digest, now
            report.updated += 1
        for meeting_id, event in events.items():
            if meeting_id in wanted or states.get(meeting_id) in KEEP_STATES:
                continue
            if dry_run:
                report.deleted += 1
                continue
            headers = {"If-Match": event.etag} if event.etag else {}
            response = _request(client, urljoin(base, event.href), "DELETE", "", headers)
            if response.status == 412:
                report.problems.append(
                    f"{event.href}: the event was changed in the calendar; not deleted"
                )
                continue
            if response.status not in (200, 204, 404):
                _check(response, event.href)
            session.delete(session.get(SyncEvent, event.id))
            report.deleted += 1
    return report


def _check(response: Any, href: str) -> None:
    if response.status not in (200, 201, 204):
        raise RemoteError(
            f"{href}: the calendar answered HTTP {response.status}",
            hint="Check the --caldav address is a calendar (CalDAV) you may write to.",
        )


def _wanted_events(
    session: Session, *, settings: Settings, now: datetime, space: str
) -> dict[int, tuple[int, str, str]]:
    """meeting id -> (SEQUENCE, calendar object, content hash) of every scheduled meeting."""
    meetings = meetings_repo.list_meetings(session, states=[MeetingState.SCHEDULED])
    people = people_repo.load_people(session, [m.person_id for m in meetings])
    me = load_vision(session).me.name
    wanted: dict[int, tuple[int, str, str]] = {}
    for m in meetings:
        if m.starts_at is None or m.id is None or m.person_id not in people:
            continue
        invitation = meeting_event(m, people[m.person_id], me_name=me, email="", settings=settings)
        stable = render_calendar_object(invitation, now=_HASH_STAMP, namespace=space)
        body = render_calendar_object(invitation, now=now, namespace=space)
        wanted[m.id] = (m.sequence, body.decode(), hashlib.sha256(stable).hexdigest())
    return wanted


def _render(
    session: Session,
    meeting_id: int,
    *,
    settings: Settings,
    now: datetime,
    space: str,
    sequence: int,
) -> str:
    meeting = meetings_repo.get_meeting(session, meeting_id)
    assert meeting is not None
    meeting.sequence = sequence
    person = people_repo.get_person(session, meeting.person_id)
    assert person is not None
    me = load_vision(session).me.name
    invitation = meeting_event(meeting, person, me_name=me, email="", settings=settings)
    return render_calendar_object(invitation, now=now, namespace=space).decode()


def read_calendar_busy(
    url: str, username: str, password: str, *, start: datetime, end: datetime, timezone: str
) -> list[Interval]:
    """Busy intervals of a CalDAV calendar overlapping [start, end): the server is asked for
    the events in the window (a time-range REPORT), and each is read like an .ics file."""
    from caldav.collection import Calendar

    busy: list[Interval] = []
    with _client(url, username, password) as client:
        try:
            calendar = Calendar(client=client, url=url)
            objects: list[Any] = calendar.search(  # type: ignore[assignment]
                start=start, end=end, event=True, expand=False
            )
        except Exception as exc:  # caldav's errors and the transport's
            reason = (
                "refused the user name or password"
                if "401" in str(exc) or (type(exc).__name__ == "AuthorizationError")
                else f"could not be read ({type(exc).__name__})"
            )
            raise RemoteError(
                f"{_where(url)}: the calendar {reason}",
                hint="Check the --caldav address, user and password (nextmove sync list).",
            ) from None
        for obj in objects:
            data = obj.data
            if not data:
                continue
            try:
                busy += read_busy(
                    data.encode() if isinstance(data, str) else data,
                    start=start,
                    end=end,
                    timezone=timezone,
                    source=_where(str(obj.url)),
                )
            except UserError as exc:
                raise RemoteError(
                    f"{_where(url)}: an event cannot be read: {exc.message}"
                ) from None
    return busy


def account_busy(
    db: Workspace, name: str, *, settings: Settings, now: datetime, days: int
) -> list[Interval]:
    """The busy times of a sync account's calendar from `now` over `days` days (and a day
    more: the last local day may end after now + days), for slot proposals."""
    from datetime import timedelta

    from nextmove.services.secrets import read_secret

    with db.session() as session:
        account = repo.get_account(session, name)
    if account is None:
        raise UserError(
            f"no sync account named {name!r}", hint="See them with `nextmove sync list`."
        )
    if not account.caldav_url:
        raise UserError(
            f"the sync account {name!r} has no calendar",
            hint="Add it again with --caldav URL (nextmove sync remove NAME; sync add …).",
        )
    password = read_secret(settings.config_dir, account.secret_ref)
    buffer = timedelta(minutes=settings.meeting_buffer_minutes)
    return read_calendar_busy(
        account.caldav_url,
        account.username,
        password,
        start=now - buffer,
        end=now + timedelta(days=days + 1) + buffer,
        timezone=settings.timezone,
    )
