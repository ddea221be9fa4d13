"""Research meetings and advisor check-ins: their states, what may follow what, what is due,
and the chain of introductions that led to a person. Plain values, no I/O, no clock.

A meeting moves idea → requested → scheduled → held → followed-up (the thank-you was sent),
or ends declined or without a reply. A request waits for a reply; a nudge is due
``nudge_after_days`` after it (``domain.cadence.nudge_status``). A thank-you is due the day
after the meeting was held.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TypeVar

from nextmove.domain.vision import Vision
from nextmove.errors import UserError

DEFAULT_MINUTES = 30
THANKS_AFTER_DAYS = 1
E = TypeVar("E", bound=StrEnum)


class MeetingState(StrEnum):
    IDEA = "idea"
    REQUESTED = "requested"
    SCHEDULED = "scheduled"
    HELD = "held"
    FOLLOWED_UP = "followed-up"
    DECLINED = "declined"
    NO_REPLY = "no-reply"


class MeetingKind(StrEnum):
    RESEARCH = "research"
    ADVISOR_CHECKIN = "advisor-checkin"


class MeetingMode(StrEnum):
    IN_PERSON = "in-person"
    VIDEO = "video"
    PHONE = "phone"


# Meetings still ahead of you: a person with one of these is "planned".
OPEN_STATES = frozenset({MeetingState.IDEA, MeetingState.REQUESTED, MeetingState.SCHEDULED})

# target state -> the states it may follow
ALLOWED_FROM: Mapping[MeetingState, frozenset[MeetingState]] = {
    MeetingState.REQUESTED: frozenset({MeetingState.IDEA, MeetingState.NO_REPLY}),
    MeetingState.SCHEDULED: frozenset(
        {MeetingState.IDEA, MeetingState.REQUESTED, MeetingState.SCHEDULED}
    ),
    MeetingState.HELD: frozenset(
        {MeetingState.IDEA, MeetingState.REQUESTED, MeetingState.SCHEDULED}
    ),
    MeetingState.FOLLOWED_UP: frozenset({MeetingState.HELD}),
    MeetingState.DECLINED: frozenset(
        {MeetingState.IDEA, MeetingState.REQUESTED, MeetingState.SCHEDULED}
    ),
    MeetingState.NO_REPLY: frozenset({MeetingState.REQUESTED}),
}

# The column holding the date each state was reached.
STATE_DATE = {
    MeetingState.IDEA: "idea_on",
    MeetingState.REQUESTED: "requested_on",
    MeetingState.SCHEDULED: "scheduled_on",
    MeetingState.HELD: "held_on",
    MeetingState.FOLLOWED_UP: "followed_up_on",
    MeetingState.DECLINED: "declined_on",
    MeetingState.NO_REPLY: "no_reply_on",
}


def _parse(enum: type[E], value: str, what: str) -> E:
    try:
        return enum(value.strip().lower())
    except ValueError:
        raise UserError(
            f"unknown {what} {value!r}", hint=f"Use one of: {', '.join(e.value for e in enum)}."
        ) from None


def parse_state(value: str) -> MeetingState:
    return _parse(MeetingState, value, "meeting state")


def parse_mode(value: str) -> MeetingMode:
    return _parse(MeetingMode, value, "meeting mode")


def parse_kind(value: str) -> MeetingKind:
    return _parse(MeetingKind, value, "meeting kind")


@dataclass(slots=True)
class Meeting:
    """One meeting with one person. ``starts_at`` is aware (UTC from storage); ``agenda`` is
    None until first generated; ``sequence`` counts changes of a scheduled time or place."""

    person_id: int
    idea_on: date
    id: int | None = None
    kind: MeetingKind = MeetingKind.RESEARCH
    state: MeetingState = MeetingState.IDEA
    minutes: int = DEFAULT_MINUTES
    mode: MeetingMode = MeetingMode.VIDEO
    place: str = ""
    link: str = ""
    starts_at: datetime | None = None
    sequence: int = 0
    agenda: str | None = None
    notes: str = ""
    why: str = ""
    round_id: int | None = None
    week: int | None = None
    reach_out_by: date | None = None
    requested_on: date | None = None
    scheduled_on: date | None = None
    held_on: date | None = None
    followed_up_on: date | None = None
    declined_on: date | None = None
    no_reply_on: date | None = None
    person_name: str = ""

    @property
    def ends_at(self) -> datetime | None:
        return self.starts_at + timedelta(minutes=self.minutes) if self.starts_at else None

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    def history(self) -> list[tuple[str, date]]:
        """The states reached so far, with their dates, in order."""
        out = [(s.value, getattr(self, col)) for s, col in STATE_DATE.items()]
        return sorted([(s, d) for s, d in out if d is not None], key=lambda x: (x[1], _ORDER[x[0]]))


_ORDER = {s.value: i for i, s in enumerate(MeetingState)}


def check_transition(meeting_id: int | None, current: MeetingState, target: MeetingState) -> None:
    """A UserError unless ``target`` may follow ``current``."""
    allowed = ALLOWED_FROM.get(target, frozenset())
    if current not in allowed:
        froms = ", ".join(sorted(s.value for s in allowed)) or "nothing"
        raise UserError(
            f"meeting {meeting_id} is {current.value}; it cannot become {target.value}",
            hint=f"A meeting becomes {target.value} from: {froms}.",
        )


def thanks_due_on(meeting: Meeting) -> date | None:
    """The day a thank-you is due: the day after a held research meeting not yet followed
    up (an advisor check-in needs none)."""
    if meeting.kind is not MeetingKind.RESEARCH:
        return None
    if meeting.state is not MeetingState.HELD or meeting.held_on is None:
        return None
    return meeting.held_on + timedelta(days=THANKS_AFTER_DAYS)


# ---------------------------------------------------------------------------- insights


class Affects(StrEnum):
    STEP = "step"
    PRIORITY = "priority"
    CHOICE = "choice"


CHOICE_SUBJECTS = ("industry", "company", "city")


@dataclass(frozen=True, slots=True)
class Insight:
    """Something learned, linked to the part of the vision it affects (or to nothing)."""

    text: str
    affects: Affects | None = None
    key: str = ""  # "1" (step 1 = the next job, or priority rank 1) or a choice subject
    id: int | None = None
    meeting_id: int | None = None
    created_on: date | None = None

    @property
    def target(self) -> str:
        return f"{self.affects.value}:{self.key}" if self.affects else ""


def parse_affects(value: str, vision: Vision) -> tuple[Affects, str]:
    """``step:1`` (1 = the next job), ``priority:2`` (a rank) or ``choice:city``, checked
    against the vision."""
    kind_text, _, key = value.strip().partition(":")
    hint = "Write step:N (1 = the next job), priority:N (its rank) or choice:industry|company|city."
    try:
        kind = Affects(kind_text.strip().lower())
    except ValueError:
        raise UserError(
            f"{value!r}: unknown part of the vision", hint=hint, field="affects"
        ) from None
    key = key.strip().lower()
    if kind is Affects.CHOICE:
        if key not in CHOICE_SUBJECTS:
            raise UserError(f"{value!r}: no such stay-or-change choice", hint=hint, field="affects")
        return kind, key
    if not key.isdigit():
        raise UserError(f"{value!r}: {kind.value} needs a number", hint=hint, field="affects")
    number = int(key)
    count = len(vision.steps) if kind is Affects.STEP else len(vision.priorities)
    if not 1 <= number <= count:
        raise UserError(
            f"{value!r}: your vision has {count} {kind.value}(s)",
            hint="See `nextmove vision show`.",
            field="affects",
        )
    return kind, str(number)


def describe_target(insight: Insight, vision: Vision) -> str:
    """The part of the vision an insight affects, in words."""
    if insight.affects is Affects.STEP:
        index = int(insight.key) - 1
        name = "next job" if index == 0 else "two jobs from now" if index == 1 else f"step {index}"
        title = vision.steps[index].title if index < len(vision.steps) else ""
        return f"{name}: {title}" if title else name
    if insight.affects is Affects.PRIORITY:
        rank = int(insight.key)
        name = vision.priorities[rank - 1].name if rank <= len(vision.priorities) else ""
        return f"priority {rank}: {name}" if name else f"priority {rank}"
    if insight.affects is Affects.CHOICE:
        return f"stay or change {insight.key}: {vision.choices.get(insight.key).value}"
    return ""


# ---------------------------------------------------------------------------- tasks, referrals


@dataclass(frozen=True, slots=True)
class Task:
    meeting_id: int
    text: str
    due_on: date
    id: int | None = None
    done_on: date | None = None
    person_name: str = ""

    def is_due(self, today: date) -> bool:
        return self.done_on is None and self.due_on <= today


@dataclass(frozen=True, slots=True)
class Referral:
    """``referrer`` (met in ``meeting_id``) suggested talking to ``person``."""

    meeting_id: int
    referrer_id: int
    person_id: int
    person_name: str = ""
    new_meeting_id: int | None = None
    id: int | None = None
    created_on: date | None = None


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One person on the way to someone: who introduced them (None for the first)."""

    person_id: int
    name: str
    introduced_by: int | None = None


@dataclass(slots=True)
class RoundProgress:
    """How a round of research meetings is going: counts per state, per week."""

    round_id: int
    size: int
    weeks: int
    created_on: date
    per_week: dict[int, dict[str, int]] = field(default_factory=dict)
    totals: dict[str, int] = field(default_factory=dict)


def introduction_chain(
    person_id: int, introducer_of: Mapping[int, int], names: Mapping[int, str]
) -> list[ChainLink]:
    """The chain of introductions that led to ``person_id``, first contact first:
    you met A → A introduced B → B introduced C gives [A, B, C]. ``introducer_of`` maps a
    person to who introduced them. A cycle stops the chain where it would repeat."""
    chain = [person_id]
    seen = {person_id}
    current = person_id
    while current in introducer_of:
        before = introducer_of[current]
        if before in seen:
            break
        chain.append(before)
        seen.add(before)
        current = before
    chain.reverse()
    return [
        ChainLink(pid, names.get(pid, f"#{pid}"), chain[i - 1] if i else None)
        for i, pid in enumerate(chain)
    ]
