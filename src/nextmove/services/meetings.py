"""Use cases for research meetings: ideas, requests, scheduling, the meeting itself and what
comes after it (notes, insights, referrals, follow-up tasks), drafts and agendas, and the
chain of introductions that led to a person. One transaction per user action.

Rounds of informational interviews are saved as meeting ideas in ``meeting_rounds``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from nextmove.config import Settings
from nextmove.domain import limits
from nextmove.domain import meetings as dm
from nextmove.domain.agenda import PersonBrief, build_agenda
from nextmove.domain.cadence import NudgeStatus, nudge_status
from nextmove.domain.drafts import DraftKind, parse_draft_kind, why_this_person
from nextmove.domain.links import check_link
from nextmove.domain.meetings import (
    ChainLink,
    Insight,
    Meeting,
    MeetingKind,
    MeetingMode,
    MeetingState,
    Referral,
    Task,
)
from nextmove.domain.people import Interaction as InteractionValue
from nextmove.domain.people import InteractionKind, Labeled, Person, Tie, TieSource, org_key
from nextmove.domain.slots import Interval, slot_phrase
from nextmove.domain.vision import Vision
from nextmove.errors import Ambiguous, NeedsConfirmation, NotFound, UserError
from nextmove.formats.drafts import Draft
from nextmove.services import members, scheduling
from nextmove.services.drafts import write_draft
from nextmove.services.people import new_person, picked_person, resolve_id
from nextmove.services.workspace import Workspace
from nextmove.store import board as board_repo
from nextmove.store import meetings as repo
from nextmove.store import people as people_repo
from nextmove.store.network import add_interaction, add_tie, my_person_id
from nextmove.store.vision import load_vision

MAX_CHAIN = 20
MIN_YEAR, MAX_YEAR = 1900, 2999  # times a meeting can be scheduled at


# ---------------------------------------------------------------------------- people


def resolve_person(session: Session, ref: str, *, act: bool = True) -> Person:
    """A person by id (``12`` or ``#12``) or by name, through the network's resolver: an
    unknown reference is NotFound, a name shared by several people Ambiguous (listed). A
    member of your org charts becomes one of your people unless `act` is False (a read)."""
    person = people_repo.get_person(session, resolve_id(session, ref, act=act))
    assert person is not None
    return person


def planning_for(db: Workspace, ref: str) -> tuple[Person, str]:
    """The person a meeting is planned with, and why to ask them in a sentence (what the
    request draft says when the meeting has no `why` of its own)."""
    with db.session() as session:
        person = resolve_person(session, ref)
        return person, why_this_person(load_vision(session), brief_of(person))


def brief_of(person: Person) -> PersonBrief:
    past = tuple(j.title for j in person.history if j.title and j.title != person.title)
    return PersonBrief(
        name=person.name,
        title=person.title,
        organization=person.organization,
        function=person.function,
        level=person.level,
        past_titles=past,
        offered_to_help=person.offered_help,
        navigated_transition=person.navigated_transition,
    )


def _meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = repo.get_meeting(session, meeting_id)
    if meeting is None:
        raise NotFound(f"no meeting {meeting_id}", hint="See `nextmove meeting list`.")
    return meeting


# ---------------------------------------------------------------------------- ideas and states


def refuse_me(session: Session, person_id: int, name: str) -> None:
    """No meeting with yourself: your own record (the one `me link` chose) is refused."""
    if my_person_id(session) == person_id:
        raise UserError(
            f"{name} is you: a meeting needs someone else",
            hint="Choose a person who knows the role you want, 2–3 levels above you.",
        )


def add_meeting(
    db: Workspace,
    ref: str,
    *,
    why: str = "",
    mode: str | None = None,
    kind: str = MeetingKind.RESEARCH.value,
    today: date,
    now: datetime,
) -> Meeting:
    """A new meeting idea with a person."""
    limits.check_length(why.strip(), limits.NOTES, field="why")
    with db.session() as session:
        person = resolve_person(session, ref)
        assert person.id is not None
        refuse_me(session, person.id, person.name)
        parsed_kind = dm.parse_kind(kind)
        for other in repo.list_meetings(session, person_id=person.id):
            if other.is_open and other.kind is parsed_kind:
                raise UserError(
                    f"{person.name} already has an open meeting: #{other.id} ({other.state.value})",
                    hint=f"See `nextmove meeting show {other.id}`; close it (declined, "
                    "no-reply) or hold it before planning another.",
                )
        meeting = Meeting(
            person_id=person.id,
            idea_on=today,
            kind=parsed_kind,
            mode=dm.parse_mode(mode) if mode else MeetingMode.VIDEO,
            why=why.strip(),
            person_name=person.name,
        )
        meeting.id = repo.add_meeting(session, meeting, now=now)
        return meeting


def list_meetings(db: Workspace, *, state: str | None = None) -> list[Meeting]:
    states = [dm.parse_state(state)] if state else None
    with db.session() as session:
        return repo.list_meetings(session, states=states)


def nudge_of(meeting: Meeting, today: date, after_days: int) -> NudgeStatus | None:
    """For a request awaiting a reply: when a nudge is due."""
    if meeting.state is not MeetingState.REQUESTED or meeting.requested_on is None:
        return None
    return nudge_status(meeting.requested_on, today, after_days=after_days)


def advance(
    db: Workspace,
    meeting_id: int,
    target: str | MeetingState,
    *,
    day: date,
    now: datetime,
    early: bool = False,
    timezone: str = "UTC",
) -> Meeting:
    """Move a meeting to ``target`` (requested, held, followed-up, declined, no-reply) on
    ``day``. A held meeting is logged as an interaction with the person (a touch); an
    advisor check-in held in person is also the seat's last in-person chat. Marking a
    meeting held before its scheduled start needs ``early`` (the user confirmed it):
    otherwise NeedsConfirmation, and nothing changes."""
    state = dm.parse_state(target) if isinstance(target, str) else target
    if state is MeetingState.SCHEDULED:
        raise UserError("use `nextmove meeting schedule ID --at …` to schedule a meeting")
    with db.session() as session:
        meeting = _meeting(session, meeting_id)
        dm.check_transition(meeting.id, meeting.state, state)
        if state is MeetingState.HELD and not early:
            _refuse_early(meeting, now=now, timezone=timezone)
        _reached(meeting, state, day)
        repo.save_meeting(session, meeting, now=now)
        if state is MeetingState.HELD:
            add_interaction(
                session,
                InteractionValue(
                    meeting.person_id,
                    InteractionKind.MEETING.value,
                    day,
                    f"{meeting.kind.value} meeting #{meeting.id}",
                ),
                now=now,
            )
            if (
                meeting.kind is MeetingKind.ADVISOR_CHECKIN
                and meeting.mode is MeetingMode.IN_PERSON
            ):
                for seat in board_repo.seats(session):
                    if seat.person_id == meeting.person_id:
                        board_repo.set_last_chat(session, seat.seat, day)
        return meeting


def _refuse_early(meeting: Meeting, *, now: datetime, timezone: str) -> None:
    if meeting.starts_at is None or now >= meeting.starts_at:
        return
    start = meeting.starts_at.astimezone(ZoneInfo(timezone))
    raise NeedsConfirmation(
        f"meeting {meeting.id} with {meeting.person_name} is scheduled for "
        f"{start:%Y-%m-%d %H:%M} ({timezone}), which has not come yet",
        hint="If it took place early, confirm that it was held.",
    )


def delete_meeting(db: Workspace, meeting_id: int) -> Meeting:
    """Delete a meeting with its notes, insights, tasks and referral records (the people
    and ties a referral created stay)."""
    with db.session() as session:
        meeting = _meeting(session, meeting_id)
        repo.delete_meeting(session, meeting_id)
        return meeting


def _reached(meeting: Meeting, state: MeetingState, day: date) -> None:
    if day < meeting.idea_on:
        raise UserError(
            f"meeting {meeting.id}: {day} is before the idea ({meeting.idea_on})",
            hint="Give a date on or after the day the meeting was added.",
        )
    meeting.state = state
    setattr(meeting, dm.STATE_DATE[state], day)


def parse_start(text: str, timezone: str) -> datetime:
    """``YYYY-MM-DD HH:MM`` on the wall clock of ``timezone``, as an aware datetime. A time
    that does not exist there (skipped by a daylight-saving change) is a UserError."""
    try:
        naive = datetime.strptime(text.strip().replace("T", " "), "%Y-%m-%d %H:%M")
    except ValueError:
        raise UserError(
            f"{text!r} is not a date and time", hint='Write it as "YYYY-MM-DD HH:MM".', field="at"
        ) from None
    if not MIN_YEAR <= naive.year <= MAX_YEAR:
        raise UserError(
            f"{text!r}: the year is out of range",
            hint=f"Give a year from {MIN_YEAR} to {MAX_YEAR}.",
            field="at",
        )
    tz = ZoneInfo(timezone)
    local = naive.replace(tzinfo=tz)
    back = local.astimezone(ZoneInfo("UTC")).astimezone(tz)
    if back.replace(tzinfo=None) != naive:
        raise UserError(
            f"{text!r}: that time does not exist in {timezone} (the clocks change)",
            hint="Pick a time an hour later or earlier.",
            field="at",
        )
    return local


def schedule_meeting(
    db: Workspace,
    meeting_id: int,
    *,
    settings: Settings,
    at: str | datetime,
    minutes: int | None = None,
    mode: str | None = None,
    place: str | None = None,
    link: str | None = None,
    day: date,
    now: datetime,
) -> Meeting:
    """Schedule (or reschedule) a meeting at a time in the user's time zone. Changing the
    time, length, mode, place or link of a scheduled meeting bumps its SEQUENCE."""
    start = parse_start(at, settings.timezone) if isinstance(at, str) else at
    if minutes is not None and not 5 <= minutes <= 480:
        raise UserError(f"{minutes}: use 5 to 480", hint="For example 30.", field="minutes")
    with db.session() as session:
        meeting = _meeting(session, meeting_id)
        dm.check_transition(meeting.id, meeting.state, MeetingState.SCHEDULED)
        before = (meeting.starts_at, meeting.minutes, meeting.mode, meeting.place, meeting.link)
        was_scheduled = meeting.state is MeetingState.SCHEDULED
        meeting.starts_at = start
        if minutes is not None:
            meeting.minutes = minutes
        if mode is not None:
            meeting.mode = dm.parse_mode(mode)
        if place is not None:
            meeting.place = place.strip()
        if link is not None:
            meeting.link = check_link(link, "link")
        after = (meeting.starts_at, meeting.minutes, meeting.mode, meeting.place, meeting.link)
        if was_scheduled and before != after:
            meeting.sequence += 1
        if not was_scheduled:
            _reached(meeting, MeetingState.SCHEDULED, day)
        repo.save_meeting(session, meeting, now=now)
        return meeting


# ---------------------------------------------------------------------------- one meeting


@dataclass(slots=True)
class MeetingDetail:
    meeting: Meeting
    person: Person
    insights: list[Insight]
    referrals: list[Referral]
    tasks: list[Task]
    drafts: list[str]
    nudge: NudgeStatus | None
    thanks_due_on: date | None
    chain: list[ChainLink]
    vision: Vision = field(default_factory=Vision)


def drafts_available(meeting: Meeting) -> list[str]:
    """The draft kinds that make sense for a meeting in its state."""
    if meeting.kind is MeetingKind.ADVISOR_CHECKIN:
        return [DraftKind.CHECKIN.value]
    return {
        MeetingState.IDEA: ["request"],
        MeetingState.REQUESTED: ["request", "nudge"],
        MeetingState.SCHEDULED: [],
        MeetingState.HELD: ["thanks"],
        MeetingState.FOLLOWED_UP: ["thanks"],
        MeetingState.NO_REPLY: ["nudge"],
        MeetingState.DECLINED: [],
    }[meeting.state]


def show_meeting(
    db: Workspace, meeting_id: int, *, settings: Settings, today: date
) -> MeetingDetail:
    with db.session() as session:
        meeting = _meeting(session, meeting_id)
        person = people_repo.get_person(session, meeting.person_id)
        assert person is not None
        return MeetingDetail(
            meeting=meeting,
            person=person,
            insights=repo.insights_of(session, meeting_id),
            referrals=repo.referrals_of(session, meeting_id),
            tasks=repo.tasks_of(session, meeting_id),
            drafts=drafts_available(meeting),
            nudge=nudge_of(meeting, today, settings.nudge_after_days),
            thanks_due_on=dm.thanks_due_on(meeting),
            chain=introduction_chain(session, meeting.person_id),
            vision=load_vision(session),
        )


def meeting_agenda(db: Workspace, meeting_id: int) -> str:
    """The meeting's agenda: the one the user saved, else one written from the vision and
    the person on the spot. Reading it never stores it (a page view is not a change; the
    generated agenda follows the vision until the user saves their own)."""
    with db.session() as session:
        meeting = _meeting(session, meeting_id)
        if meeting.agenda is not None:
            return meeting.agenda
        person = people_repo.get_person(session, meeting.person_id)
        assert person is not None
        agenda = build_agenda(load_vision(session), brief_of(person), minutes=meeting.minutes)
        return agenda.as_markdown()


def set_agenda(db: Workspace, meeting_id: int, text: str, *, now: datetime) -> None:
    limits.check_length(text, limits.NOTES, field="agenda")
    with db.session() as session:
        meeting = _meeting(session, meeting_id)
        meeting.agenda = text
        repo.save_meeting(session, meeting, now=now)


def add_note(db: Workspace, meeting_id: int, text: str, *, today: date, now: datetime) -> Meeting:
    limits.check_length(text.strip(), limits.NOTES, field="note")
    """Append a dated note to the meeting's notes."""
    if not text.strip():
        raise UserError("the note is empty", hint="Write what you want to remember.")
    with db.session() as session:
        meeting = _meeting(session, meeting_id)
        line = f"{today.isoformat()}: {text.strip()}"
        meeting.notes = f"{meeting.notes.rstrip()}\n{line}".strip()
        repo.save_meeting(session, meeting, now=now)
        return meeting


def add_insight(
    db: Workspace, meeting_id: int, text: str, *, affects: str | None, today: date
) -> Insight:
    if not text.strip():
        raise UserError("the insight is empty", hint="Write what you learned.")
    with db.session() as session:
        _meeting(session, meeting_id)
        kind, key = (None, "")
        if affects:
            kind, key = dm.parse_affects(affects, load_vision(session))
        insight = Insight(text.strip(), kind, key, meeting_id=meeting_id, created_on=today)
        new_id = repo.add_insight(session, meeting_id, insight, today=today)
        return Insight(insight.text, kind, key, id=new_id, meeting_id=meeting_id, created_on=today)


@dataclass(frozen=True, slots=True)
class ReferralResult:
    person_id: int
    name: str
    created_person: bool
    meeting_id: int | None  # the meeting idea with the referred person
    already_referred: bool


def refer(
    db: Workspace,
    meeting_id: int,
    name: str,
    *,
    organization: str = "",
    title: str = "",
    email: str = "",
    today: date,
    now: datetime,
) -> ReferralResult:
    """ "Talk to Maria at X": find Maria (by e-mail, then by name and organization) or create
    her, record a tie introduced-by the person met, and add a meeting idea with her. Saying
    it again changes nothing."""
    if not name.strip():
        raise UserError("the referral needs a name", hint='For example "Maria Lopez" --org X.')
    with db.session() as session:
        meeting = _meeting(session, meeting_id)
        referrer = people_repo.get_person(session, meeting.person_id)
        assert referrer is not None and referrer.id is not None
        # A name picked from the suggestions ("Maria Lopez #12") is that person.
        person_id = (
            resolve_id(session, name)
            if picked_person(name)
            else _match_person(session, name, organization, email)
        )
        created = person_id is None
        if person_id is None:
            person_id = people_repo.add_person(
                session,
                new_person(
                    name.strip(),
                    organization=organization.strip(),
                    title=title.strip(),
                    emails=[Labeled(email.strip())] if email.strip() else [],
                    how_known=f"introduced by {referrer.name}",
                    known_since=today,
                ),
                now=now,
            )
        if person_id == referrer.id:
            raise UserError(f"{referrer.name} cannot refer you to themselves")
        refuse_me(session, person_id, name.strip())
        existing = repo.find_referral(session, meeting_id, person_id)
        if existing is not None:
            return ReferralResult(
                person_id, existing.person_name, False, existing.new_meeting_id, True
            )
        add_tie(
            session,
            Tie(
                person_id, referrer.id, TieSource.INTRODUCED_BY.value, note=f"meeting #{meeting_id}"
            ),
            now=now,
        )
        open_ids = [m.id for m in repo.list_meetings(session, person_id=person_id) if m.is_open]
        new_meeting_id = open_ids[0] if open_ids else None
        if new_meeting_id is None:
            new_meeting_id = repo.add_meeting(
                session,
                Meeting(
                    person_id=person_id,
                    idea_on=today,
                    why=f"{referrer.name} suggested I talk to you",
                ),
                now=now,
            )
        repo.add_referral(
            session, meeting_id, person_id, new_meeting_id=new_meeting_id, today=today
        )
        person = people_repo.get_person(session, person_id)
        assert person is not None
        return ReferralResult(person_id, person.name, created, new_meeting_id, False)


def _match_person(session: Session, name: str, organization: str, email: str) -> int | None:
    if email.strip():
        found = people_repo.ids_by_email(session, [email.strip().lower()])
        if found:
            return next(iter(found.values()))
    candidates = people_repo.ids_named(session, name)
    if organization.strip():
        key = org_key(organization)
        candidates = [c for c in candidates if org_key(c[3]) == key]
    if len(candidates) > 1:
        listed = "; ".join(f"#{c[0]} {c[1]}" + (f" at {c[3]}" if c[3] else "") for c in candidates)
        raise Ambiguous(
            f"{len(candidates)} people match {name!r}: {listed}",
            hint="Add --org or --email to say which one, or use their #.",
        )
    if candidates:
        return candidates[0][0]
    # Someone in your org charts: referred to you, they become one of your people.
    in_chart = [
        m
        for m in members.members_named(session, name)
        if not organization.strip() or org_key(m.organization) == org_key(organization)
    ]
    if email.strip():
        in_chart = [m for m in in_chart if (m.email or "") == email.strip().lower()] or in_chart
    return members.person_for(session, in_chart[0]) if len(in_chart) == 1 else None


def add_task(db: Workspace, meeting_id: int, text: str, *, due: date, now: datetime) -> Task:
    limits.check_length(text.strip(), limits.SHORT, field="task")
    if not text.strip():
        raise UserError("the task is empty", hint="Write what you will do.")
    with db.session() as session:
        meeting = _meeting(session, meeting_id)
        task = Task(meeting_id, text.strip(), due, person_name=meeting.person_name)
        return Task(
            meeting_id,
            task.text,
            due,
            id=repo.add_task(session, task, now=now),
            person_name=meeting.person_name,
        )


def complete_task(db: Workspace, task_id: int, *, day: date) -> Task:
    with db.session() as session:
        task = repo.get_task(session, task_id)
        if task is None:
            raise NotFound(f"no task {task_id}", hint="See the tasks in `nextmove today`.")
        repo.set_task_done(session, task_id, day)
        return Task(task.meeting_id, task.text, task.due_on, task.id, day, task.person_name)


# ---------------------------------------------------------------------------- drafts


def draft_for_meeting(
    db: Workspace,
    meeting_id: int,
    kind: str,
    *,
    settings: Settings,
    now: datetime,
    busy_file: Path | None = None,
) -> Draft:
    """A draft for the meeting: the request (why this person, your outline, proposed slots),
    the nudge, the thank-you (naming the insights) or the advisor check-in."""
    draft_kind = parse_draft_kind(kind)
    with db.session() as session:
        meeting = _meeting(session, meeting_id)
        person = people_repo.get_person(session, meeting.person_id)
        assert person is not None
        vision = load_vision(session)
        chain = introduction_chain(session, meeting.person_id)
        introduced_by = chain[-2].name if len(chain) > 1 else ""
        learned = [i.text for i in repo.insights_of(session, meeting_id)]
        last_chat = _last_chat(session, meeting.person_id)
        offers_slots = draft_kind in (DraftKind.REQUEST, DraftKind.NUDGE, DraftKind.CHECKIN)
        booked = scheduling.booked_times(session) if offers_slots else []
    slots: list[str] = []
    if offers_slots:
        proposed = scheduling.slots_of_length(
            settings, meeting.minutes, now=now, booked=booked, busy_file=busy_file
        )
        slots = [slot_phrase(s) for s in proposed[:3]]
    return write_draft(
        settings,
        draft_kind,
        vision,
        brief_of(person),
        why=meeting.why,
        learned=learned,
        slots=slots,
        minutes=meeting.minutes,
        requested_on=meeting.requested_on,
        met_on=meeting.held_on,
        introduced_by=introduced_by,
        last_chat_on=last_chat,
    )


def _last_chat(session: Session, person_id: int) -> date | None:
    for seat in board_repo.seats(session):
        if seat.person_id == person_id and seat.last_chat_on:
            return seat.last_chat_on
    return repo.last_held(session).get(person_id)


def meeting_slots(
    db: Workspace,
    meeting_id: int,
    *,
    settings: Settings,
    now: datetime,
    busy_file: Path | None = None,
    days: int = 10,
) -> tuple[Meeting, list[Interval]]:
    """Slots of the meeting's length within working hours, avoiding busy times."""
    with db.session() as session:
        meeting = _meeting(session, meeting_id)
        booked = scheduling.booked_times(session)
    proposed = scheduling.slots_of_length(
        settings, meeting.minutes, now=now, booked=booked, busy_file=busy_file, days=days
    )
    return meeting, proposed


# ---------------------------------------------------------------------------- introductions


def introduction_chain(session_or_db: Session | Workspace, person_id: int) -> list[ChainLink]:
    """The chain of introductions that led to a person, first contact first: you met A →
    A introduced B → B introduced C gives [A, B, C] for C; just [C] when nobody
    introduced C. Introductions are ties `introduced-by` (made by referrals, or imported)."""
    if isinstance(session_or_db, Workspace):
        with session_or_db.session() as session:
            return introduction_chain(session, person_id)
    session = session_or_db
    introducer_of: dict[int, int] = {}
    current: int | None = person_id
    seen = {person_id}
    while current is not None and len(seen) <= MAX_CHAIN:
        before = repo.introducer_of(session, current)
        if before is None or before in seen:
            break
        introducer_of[current] = before
        seen.add(before)
        current = before
    names = people_repo.names_of(session, seen)
    return dm.introduction_chain(person_id, introducer_of, names)


def person_chain(db: Workspace, ref: str) -> tuple[Person, list[ChainLink]]:
    with db.session() as session:
        person = resolve_person(session, ref, act=False)
        assert person.id is not None
        return person, introduction_chain(session, person.id)
