"""Opportunities: every option the person is weighing, whatever its source, with a dated status
history, their own ratings against their priorities, and the decisions they took. Plain values,
no I/O.

People at an opportunity (hiring manager, referrer, contacts there) are kept by the network
part as `opportunity_person(opportunity_id, person_id, role)` rows pointing at `Opportunity.id`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from nextmove.domain.levels import layers_between
from nextmove.errors import UserError


class Source(StrEnum):
    HR_PROPOSAL = "hr-proposal"
    JOB_BOARD = "job-board"
    RECRUITER = "recruiter"
    NETWORK_REFERRAL = "network-referral"
    SELF_CREATED = "self-created"


SOURCE_HELP = {
    Source.HR_PROPOSAL: "proposed by your company's HR or your manager",
    Source.JOB_BOARD: "found on a job board or careers page",
    Source.RECRUITER: "brought by a recruiter or headhunter",
    Source.NETWORK_REFERRAL: "came through someone you know",
    Source.SELF_CREATED: "a role you pitched or shaped yourself",
}

# Options the person did not go looking for in their own network.
PASSIVE_SOURCES = (Source.HR_PROPOSAL, Source.JOB_BOARD)
# Options that came from the person's own initiative.
OWN_SOURCES = (Source.NETWORK_REFERRAL, Source.SELF_CREATED)


class Status(StrEnum):
    CONSIDERING = "considering"
    EXPLORING = "exploring"
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    PASSED = "passed"


CLOSED_STATUSES = (Status.ACCEPTED, Status.DECLINED, Status.PASSED)

_SOURCE_ALIASES = {
    "hr": Source.HR_PROPOSAL,
    "hr proposal": Source.HR_PROPOSAL,
    "internal": Source.HR_PROPOSAL,
    "board": Source.JOB_BOARD,
    "job board": Source.JOB_BOARD,
    "posting": Source.JOB_BOARD,
    "headhunter": Source.RECRUITER,
    "network": Source.NETWORK_REFERRAL,
    "referral": Source.NETWORK_REFERRAL,
    "network referral": Source.NETWORK_REFERRAL,
    "self": Source.SELF_CREATED,
    "self created": Source.SELF_CREATED,
    "pitched": Source.SELF_CREATED,
}

RATING_MIN, RATING_MAX = 1, 5


def parse_source(value: str, *, field: str = "source") -> Source:
    text = re.sub(r"[\s_]+", " ", str(value).strip().lower())
    if text in _SOURCE_ALIASES:
        return _SOURCE_ALIASES[text]
    try:
        return Source(text.replace(" ", "-"))
    except ValueError:
        raise UserError(
            f"unknown source {value!r}", hint="Sources: " + ", ".join(Source) + ".", field=field
        ) from None


def parse_status(value: str, *, field: str = "status") -> Status:
    try:
        return Status(str(value).strip().lower())
    except ValueError:
        raise UserError(
            f"unknown status {value!r}", hint="Statuses: " + ", ".join(Status) + ".", field=field
        ) from None


def priority_key(name: str) -> str:
    """Ratings are kept by priority name, so reordering priorities keeps them."""
    return re.sub(r"\s+", " ", name.strip().lower())


def check_rating(value: int, *, field: str = "rating") -> int:
    if isinstance(value, bool) or not RATING_MIN <= int(value) <= RATING_MAX:
        raise UserError(
            f"{field}: {value} is outside {RATING_MIN}…{RATING_MAX}",
            hint="1 works against this priority, 3 neutral, 5 serves it fully.",
        )
    return int(value)


@dataclass(slots=True)
class StatusChange:
    status: Status
    day: date
    note: str = ""


@dataclass(slots=True)
class Decision:
    day: date
    choice: str
    why: str
    id: int | None = None


@dataclass(slots=True)
class Opportunity:
    title: str
    source: Source
    organization: str = ""
    function: str | None = None
    level: int | None = None
    industry: str = ""
    city: str = ""
    remote: bool = False
    link: str = ""
    notes: str = ""
    brand: bool = False  # a famous name or a title that impresses people
    involves: list[str] = field(default_factory=list)  # what the work is made of
    status: Status = Status.CONSIDERING
    ratings: dict[str, int] = field(default_factory=dict)  # priority_key -> 1..5
    history: list[StatusChange] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    added_on: date | None = None
    id: int | None = None

    @property
    def label(self) -> str:
        where = f" at {self.organization}" if self.organization else ""
        return f"#{self.id} {self.title}{where}" if self.id is not None else self.title + where


# What a decision's choice means for the status, when it names one.
DECISION_STATUS = {
    "apply": Status.APPLIED,
    "accept": Status.ACCEPTED,
    "decline": Status.DECLINED,
    "pass": Status.PASSED,
    "explore": Status.EXPLORING,
}


# --- source mix --------------------------------------------------------------------------

# "Most options" means strictly more than this share come from HR proposals and job boards.
MOSTLY_PASSIVE_ABOVE = 0.5


@dataclass(frozen=True, slots=True)
class SourceMix:
    total: int
    by_source: dict[str, int]
    passive: int  # hr-proposal + job-board
    own: int  # network-referral + self-created
    mostly_passive: bool
    advice: str

    @property
    def passive_share(self) -> float:
        return self.passive / self.total if self.total else 0.0


SOURCE_MIX_ADVICE = (
    "Most of your options come from HR proposals and job boards: roles others chose for you, "
    "often not a big enough reach. Find people who do the job you want two jobs from now "
    "(`nextmove suggest`) and plan a round of informational interviews "
    "(`nextmove round plan`); the best options tend to come from those conversations, or "
    "from a role you shape yourself."
)


def source_mix(opportunities: Iterable[Opportunity]) -> SourceMix:
    """Where the options come from; `mostly_passive` when more than half are HR proposals or
    job-board finds (MOSTLY_PASSIVE_ABOVE)."""
    counts = Counter(o.source for o in opportunities)
    total = sum(counts.values())
    passive = sum(counts[s] for s in PASSIVE_SOURCES)
    own = sum(counts[s] for s in OWN_SOURCES)
    mostly = total > 0 and passive / total > MOSTLY_PASSIVE_ABOVE
    if mostly:
        advice = SOURCE_MIX_ADVICE
    elif total and own == 0:
        advice = (
            "None of your options came from your network or a role you shaped: try "
            "`nextmove suggest` and `nextmove round plan`."
        )
    else:
        advice = ""
    return SourceMix(
        total=total,
        by_source={s.value: counts[s] for s in Source},
        passive=passive,
        own=own,
        mostly_passive=mostly,
        advice=advice,
    )


# The people at an opportunity: their part in it, and how you reach them.
ROLES = ("hiring-manager", "referrer", "contact", "interviewer", "recruiter")


@dataclass(slots=True)
class PersonNear:
    person_id: int
    name: str
    title: str
    organization: str
    function: str | None
    level: int | None
    roles: list[str] = field(default_factory=list)  # roles in this opportunity, if involved
    direct: tuple[int, str] | None = None  # (strength, how) when you know them directly
    path: tuple[str, ...] = ()  # names along the best warm path otherwise
    # A member of the organization's chart who is not one of your people yet (person_id 0):
    # their reference (services/members.py) and why they are worth 30 minutes.
    member_ref: str = ""
    why: str = ""


@dataclass(slots=True)
class OpportunityPeople:
    opportunity_id: int
    title: str
    organization: str
    involved: list[PersonNear]
    at_organization: list[PersonNear]
    nearby: list[PersonNear]
    # Members of the organization's chart close to the role, not your people yet.
    in_chart: list[PersonNear] = field(default_factory=list)


def _gap(level: int | None, role_level: int | None) -> int | None:
    """Management layers between the role and someone (domain/levels.py LAYERS)."""
    if level is None or role_level is None:
        return None
    return layers_between(role_level, level)


def member_priority(level: int | None, role_level: int | None) -> int:
    """Whom to meet first about a role, by where they sit: one or two layers above it
    (where its hiring manager is) 0, three above 1, at its layer 2, higher 3, below 4.
    Unknown levels come after those one to three above."""
    gap = _gap(level, role_level)
    if gap is None:
        return 2
    if gap in (1, 2):
        return 0
    if gap == 3:
        return 1
    if gap == 0:
        return 2
    return 3 if gap > 3 else 4


def why_meet_member(
    level: int | None, function: str | None, role_level: int | None, role_function: str | None
) -> str:
    """Why a member of the organization's chart is worth 30 minutes about a role there, from
    where they sit relative to it."""
    where = f"in {function.replace('-', ' ')}" if function and function == role_function else ""
    gap = _gap(level, role_level)
    if gap is not None:
        if gap in (1, 2):
            said = "one or two levels above the role: could be its hiring manager, or know who is"
        elif gap == 0 and level == role_level:
            said = "at the role's level: knows what the work is really like"
        elif gap == 0:  # the same management layer, a step from the role's title
            said = "a step from the role's level: knows the work day to day"
        elif gap < 0:
            said = "below the role's level: sees the team from inside"
        elif gap == 3:
            said = "three levels above the role: likely leads the part of it the role is in"
        else:
            said = "a senior leader: sees where that part of the organization is going"
        return f"{where}, {said}" if where else said
    return f"works {where} there" if where else "works there"
