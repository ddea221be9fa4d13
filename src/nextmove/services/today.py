"""`nextmove today`: one digest of what needs you today — meetings today and this week,
requests awaiting a reply, thank-yous and follow-ups due, overdue advisors and contacts, the
current round's progress, and the next people to reach out to."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from nextmove.config import Settings
from nextmove.domain.cadence import TouchState, keep_in_touch_key
from nextmove.domain.meetings import Meeting, MeetingState, RoundProgress, Task, thanks_due_on
from nextmove.domain.suggest import Candidate, Suggestion, closeness
from nextmove.domain.vision import Vision
from nextmove.services import board as board_service
from nextmove.services import keep as keep_service
from nextmove.services import meeting_rounds
from nextmove.services import meetings as meeting_service
from nextmove.services.board import Seat
from nextmove.services.keep import Contact
from nextmove.services.suggest import suggest_people
from nextmove.services.workspace import Workspace
from nextmove.store import meetings as repo
from nextmove.store import people as people_repo
from nextmove.store import suggest as suggest_repo
from nextmove.store import vision as vision_repo

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
    contacts_due: list[Contact] = field(default_factory=list)  # who to reach first, first
    # Per person due: the strength of your tie (0: not a direct one) and how close their role
    # is to the next two steps of your plan (0…1) — part of the order above.
    contact_strength: dict[int, int] = field(default_factory=dict)
    contact_relevance: dict[int, float] = field(default_factory=dict)
    round: RoundProgress | None = None
    next_people: list[Suggestion] = field(default_factory=list)


def build_digest(db: Workspace, *, settings: Settings, today: date, now: datetime) -> Digest:
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
    rank_contacts_due(
        db,
        digest,
        [
            c
            for c in keep_service.list_contacts(db, settings=settings, today=today)
            if c.status.state is not TouchState.OK
        ],
    )
    if round_id is not None:
        digest.round = meeting_rounds.round_progress(db, round_id)
    digest.next_people = next_people(db, settings=settings, today=today)
    return digest


@dataclass(frozen=True, slots=True)
class GuideStep:
    key: str  # you | plan | people | meet
    title: str
    text: str
    done: bool


def first_run_guide(db: Workspace, vision: Vision | None = None) -> list[GuideStep]:
    """The four steps of the method a new workspace walks through — who you are, your plan two
    jobs out, your people, whom to meet — each ticked once done. (`vision`: when the caller
    has it already.)"""
    with db.session() as session:
        vision = vision or vision_repo.load_vision(session)
        has_people = people_repo.any_people(session)
        met = bool(repo.open_meeting_person_ids(session) or repo.last_held(session))
        met = met or repo.latest_round_id(session) is not None
    return [
        GuideStep(
            "you",
            "You",
            "Your name, role, level and function: where you stand today.",
            bool(vision.me.name and (vision.me.title or vision.me.level is not None)),
        ),
        GuideStep(
            "plan",
            "Your plan",
            "The next job and the one after it, and your top three priorities.",
            bool(vision.steps),
        ),
        GuideStep(
            "people",
            "Your people",
            "Your LinkedIn connections, address book or an org chart, or people added by hand.",
            has_people,
        ),
        GuideStep(
            "meet",
            "Whom to meet",
            "Plan 30-minute research meetings with people two or three levels above you.",
            met,
        ),
    ]


def rank_contacts_due(db: Workspace, digest: Digest, due: list[Contact]) -> None:
    """Order the contacts due the way to reach them: by tier, how overdue, the strength of your
    tie and how relevant their role is to your plan (`domain.cadence.keep_in_touch_key`)."""
    if due:
        ids = [c.person_id for c in due]
        with db.session() as session:
            direct = suggest_repo.direct_ties(session, suggest_repo.load_me(session), among=ids)
            roles = suggest_repo.plan_roles(session, ids)
            steps = vision_repo.load_vision(session).steps[:2]
        for c in due:
            p = roles.get(c.person_id)
            role = Candidate(
                c.person_id,
                c.name,
                organization=p.organization or "" if p else "",
                function=p.function if p else None,
                level=p.level if p else None,
                industry=p.industry or "" if p else "",
                city=p.city or "" if p else "",
            )
            digest.contact_strength[c.person_id] = direct.get(c.person_id, (0, ""))[0]
            digest.contact_relevance[c.person_id] = round(
                max((closeness(role, step) for step in steps), default=0.0), 2
            )
    digest.contacts_due = sorted(
        due,
        key=lambda c: (
            *keep_in_touch_key(
                tier=c.tier,
                status=c.status,
                today=digest.today,
                strength=digest.contact_strength[c.person_id],
                relevance=digest.contact_relevance[c.person_id],
            ),
            c.name,
        ),
    )


def next_people(db: Workspace, *, settings: Settings, today: date) -> list[Suggestion]:
    """The next people to reach out to: the best few suggestions (`nextmove suggest`)."""
    return suggest_people(
        db,
        today=today,
        limit=SUGGEST_LIMIT,
        weights=settings.weights(),
        cooldown_days=settings.suggest_cooldown_days,
    ).suggestions
