"""`nextmove today`: one digest of what needs you today — meetings today and this week,
requests awaiting a reply, thank-yous and follow-ups due, overdue advisors and contacts, the
current round's progress, and the next people to reach out to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from nextmove.config import Settings
from nextmove.domain.cadence import TouchState
from nextmove.domain.meetings import Meeting, MeetingState, RoundProgress, Task, thanks_due_on
from nextmove.domain.suggest import Suggestion
from nextmove.services import board as board_service
from nextmove.services import keep as keep_service
from nextmove.services import meeting_rounds
from nextmove.services import meetings as meeting_service
from nextmove.services.board import Seat
from nextmove.services.keep import Contact
from nextmove.services.suggest import suggest_people
from nextmove.store import meetings as repo
from nextmove.store.db import Database

SUGGEST_LIMIT = 3


@dataclass(slots=True)
class Digest:
    today: date
    meetings_today: list[Meeting] = field(default_factory=list)
    meetings_this_week: list[Meeting] = field(default_factory=list)
    nudges_due: list[Meeting] = field(default_factory=list)
    thanks_due: list[Meeting] = field(default_factory=list)
    tasks_due: list[Task] = field(default_factory=list)
    advisors_due: list[Seat] = field(default_factory=list)
    contacts_due: list[Contact] = field(default_factory=list)
    round: RoundProgress | None = None
    next_people: list[Suggestion] = field(default_factory=list)


def build_digest(db: Database, *, settings: Settings, today: date, now: datetime) -> Digest:
    tz = ZoneInfo(settings.timezone)
    digest = Digest(today)
    week_end = today + timedelta(days=7)
    with db.session() as session:
        for meeting in repo.list_meetings(
            session, states=[MeetingState.SCHEDULED, MeetingState.REQUESTED, MeetingState.HELD]
        ):
            if meeting.state is MeetingState.SCHEDULED and meeting.starts_at is not None:
                day = meeting.starts_at.astimezone(tz).date()
                if day == today:
                    digest.meetings_today.append(meeting)
                elif today < day < week_end:
                    digest.meetings_this_week.append(meeting)
            nudge = meeting_service.nudge_of(meeting, today, settings.nudge_after_days)
            if nudge is not None and nudge.due:
                digest.nudges_due.append(meeting)
            due = thanks_due_on(meeting)
            if due is not None and due <= today:
                digest.thanks_due.append(meeting)
        digest.tasks_due = [t for t in repo.open_tasks(session) if t.is_due(today)]
        round_id = repo.latest_round_id(session)
    for bucket in (digest.meetings_today, digest.meetings_this_week):
        bucket.sort(key=lambda m: m.starts_at or now)
    digest.advisors_due = [
        s
        for s in board_service.show_board(
            db, settings=settings, today=today, now=now, with_extras=False
        )
        if s.status is not None and s.status.state is not TouchState.OK
    ]
    digest.contacts_due = [
        c
        for c in keep_service.list_contacts(db, settings=settings, today=today)
        if c.status.state is not TouchState.OK
    ]
    if round_id is not None:
        digest.round = meeting_rounds.round_progress(db, round_id)
    digest.next_people = next_people(db, settings=settings, today=today)
    return digest


def next_people(db: Database, *, settings: Settings, today: date) -> list[Suggestion]:
    """The next people to reach out to: the best few suggestions (`nextmove suggest`)."""
    return suggest_people(
        db,
        today=today,
        limit=SUGGEST_LIMIT,
        weights=settings.weights(),
        cooldown_days=settings.suggest_cooldown_days,
    ).suggestions
