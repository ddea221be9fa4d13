"""Calendar files for meetings: an invitation per scheduled meeting, and one feed with every
scheduled meeting, advisor check-in due and follow-up due (docs/calendar.md)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from nextmove.config import Settings
from nextmove.domain.meetings import Meeting, MeetingState, thanks_due_on
from nextmove.domain.people import Person
from nextmove.errors import NotFound, UserError
from nextmove.formats.ics import Attendee, DueItem, Invitation, render_feed, render_invitation
from nextmove.services import board as board_service
from nextmove.store import meetings as repo
from nextmove.store import people as people_repo
from nextmove.store.db import Database
from nextmove.store.vision import load_vision

FEED_FOLLOW_UP_DAYS = 60  # due items shown from this many days back


def namespace(db: Database) -> str:
    """What makes UIDs unique to this workspace: its database (without any password)."""
    return db.engine.url.render_as_string(hide_password=True)


def _invitation(
    meeting: Meeting, person: Person, *, me_name: str, settings: Settings
) -> Invitation:
    assert meeting.starts_at is not None and meeting.ends_at is not None
    organizer = Attendee(settings.email, me_name)
    attendees = (Attendee(person.email, person.name),) if person.email else ()
    what = "Research meeting" if meeting.kind.value == "research" else "Advisor check-in"
    return Invitation(
        meeting_id=meeting.id or 0,
        start=meeting.starts_at,
        end=meeting.ends_at,
        summary=f"{what}: {me_name or 'me'} and {person.name}",
        organizer=organizer,
        attendees=attendees,
        timezone=settings.timezone,
        description=meeting.agenda or meeting.why,
        location=meeting.place,
        url=meeting.link,
        sequence=meeting.sequence,
    )


def invitation(db: Database, meeting_id: int, *, settings: Settings, now: datetime) -> bytes:
    """An invitation (METHOD:REQUEST) for a scheduled meeting: you as organizer (the
    `email` setting), the person as attendee, an alarm, a stable UID and the meeting's
    SEQUENCE."""
    if not settings.email:
        raise UserError(
            "an invitation needs your e-mail address as its organizer",
            hint="Set `email` in config.toml (or NEXTMOVE_EMAIL).",
        )
    with db.session() as session:
        meeting = repo.get_meeting(session, meeting_id)
        if meeting is None:
            raise NotFound(f"no meeting {meeting_id}", hint="See `nextmove meeting list`.")
        if meeting.starts_at is None or meeting.state is not MeetingState.SCHEDULED:
            raise UserError(
                f"meeting {meeting_id} is {meeting.state.value}, not scheduled",
                hint=f"Schedule it first: `nextmove meeting schedule {meeting_id} --at …`.",
            )
        person = people_repo.get_person(session, meeting.person_id)
        assert person is not None
        me = load_vision(session).me.name
    return render_invitation(
        _invitation(meeting, person, me_name=me, settings=settings),
        now=now,
        namespace=namespace(db),
    )


def due_items(db: Database, *, settings: Settings, today: date, now: datetime) -> list[DueItem]:
    """Everything due on a date: advisor check-ins, thank-yous and follow-up tasks."""
    items: list[DueItem] = []
    for seat in board_service.show_board(
        db, settings=settings, today=today, now=now, with_extras=False
    ):
        if seat.status is not None:
            items.append(
                DueItem(
                    key=f"board-checkin:{seat.seat}:{seat.person_id}",
                    summary=f"Check in with {seat.name} (board seat {seat.seat})",
                    due=max(seat.status.overdue_on, today),
                    description=f"30 minutes in person. Why they are on your board: {seat.why}",
                )
            )
    since = today - timedelta(days=FEED_FOLLOW_UP_DAYS)
    with db.session() as session:
        for meeting in repo.list_meetings(session, states=[MeetingState.HELD]):
            due = thanks_due_on(meeting)
            if due is not None and due >= since:
                items.append(
                    DueItem(
                        key=f"thanks:{meeting.id}",
                        summary=f"Thank {meeting.person_name} (meeting #{meeting.id})",
                        due=due,
                    )
                )
        for task in repo.open_tasks(session):
            items.append(
                DueItem(
                    key=f"follow-up:{task.id}",
                    summary=f"{task.text} ({task.person_name})",
                    due=task.due_on,
                    as_todo=True,
                )
            )
    return items


def export_feed(db: Database, *, settings: Settings, today: date, now: datetime) -> bytes:
    """One calendar (METHOD:PUBLISH) with every scheduled meeting and everything due."""
    with db.session() as session:
        meetings = repo.list_meetings(session, states=[MeetingState.SCHEDULED])
        people = people_repo.load_people(session, [m.person_id for m in meetings])
        me = load_vision(session).me.name
    invitations = [
        _invitation(m, people[m.person_id], me_name=me, settings=settings)
        for m in meetings
        if m.starts_at is not None
    ]
    if invitations and not settings.email:
        raise UserError(
            "the calendar's meetings need your e-mail address as their organizer",
            hint="Set `email` in config.toml (or NEXTMOVE_EMAIL).",
        )
    return render_feed(
        invitations,
        due_items(db, settings=settings, today=today, now=now),
        now=now,
        namespace=namespace(db),
    )
