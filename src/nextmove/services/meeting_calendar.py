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
from nextmove.services.workspace import Workspace
from nextmove.store import meetings as repo
from nextmove.store import people as people_repo
from nextmove.store.network import my_email, my_person_id
from nextmove.store.vision import load_vision

FEED_FOLLOW_UP_DAYS = 60  # due items shown from this many days back


def namespace(db: Workspace) -> str:
    """What makes UIDs unique to this workspace: its database (without any password)."""
    return db.engine.url.render_as_string(hide_password=True)


NO_EMAIL_HINT = (
    "Set the `email` preference (`nextmove settings set email you@example.com`, or on the "
    "Settings page), or give your own person record (`nextmove me link REF`) an e-mail address."
)


def organizer_email(db: Workspace, settings: Settings) -> str:
    """Your address as the organizer of invitations: the `email` setting, else the first
    e-mail on your own person record; "" when neither is known."""
    if settings.email:
        return settings.email
    with db.session() as session:
        return my_email(session)


def where_to_set_email(db: Workspace) -> int | None:
    """Your own person record's id (where the web sends you to add an e-mail), if linked."""
    with db.session() as session:
        return my_person_id(session)


def meeting_event(
    meeting: Meeting, person: Person, *, me_name: str, email: str, settings: Settings
) -> Invitation:
    """The meeting as a calendar event; with no organizer address (a feed of your own
    meetings) it has neither ORGANIZER nor ATTENDEE, as RFC 5545 wants."""
    assert meeting.starts_at is not None and meeting.ends_at is not None
    organizer = Attendee(email, me_name) if email else None
    attendees = (Attendee(person.email, person.name),) if person.email and organizer else ()
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


def invitation(db: Workspace, meeting_id: int, *, settings: Settings, now: datetime) -> bytes:
    """An invitation (METHOD:REQUEST) for a scheduled meeting: you as organizer (the
    `email` setting), the person as attendee, an alarm, a stable UID and the meeting's
    SEQUENCE."""
    with db.session() as session:
        meeting = repo.get_meeting(session, meeting_id)
        if meeting is None:
            raise NotFound(f"no meeting {meeting_id}", hint="See `nextmove meeting list`.")
    email = organizer_email(db, settings)
    if not email:
        raise UserError(
            "an invitation needs your e-mail address as its organizer", hint=NO_EMAIL_HINT
        )
    with db.session() as session:
        meeting = repo.get_meeting(session, meeting_id)
        if meeting is None:  # deleted meanwhile
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
        meeting_event(meeting, person, me_name=me, email=email, settings=settings),
        now=now,
        namespace=namespace(db),
    )


def due_items(db: Workspace, *, settings: Settings, today: date, now: datetime) -> list[DueItem]:
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


def export_feed(db: Workspace, *, settings: Settings, today: date, now: datetime) -> bytes:
    """One calendar (METHOD:PUBLISH) with every scheduled meeting and everything due. A feed
    of your own meetings needs no organizer: with your e-mail known it carries you as the
    organizer and the person as attendee, without it neither."""
    email = organizer_email(db, settings)
    with db.session() as session:
        meetings = repo.list_meetings(session, states=[MeetingState.SCHEDULED])
        people = people_repo.load_people(session, [m.person_id for m in meetings])
        me = load_vision(session).me.name
    invitations = [
        meeting_event(m, people[m.person_id], me_name=me, email=email, settings=settings)
        for m in meetings
        if m.starts_at is not None
    ]
    return render_feed(
        invitations,
        due_items(db, settings=settings, today=today, now=now),
        now=now,
        namespace=namespace(db),
    )
