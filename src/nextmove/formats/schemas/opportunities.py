"""The opportunity API's shapes: the same as `nextmove opp … --json` (docs/json.md)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from nextmove.domain import limits
from nextmove.formats.schemas.core import LevelPublic, PersonBriefPublic, Public

SourceValue = Literal["hr-proposal", "job-board", "recruiter", "network-referral", "self-created"]
StatusValue = Literal[
    "considering",
    "exploring",
    "applied",
    "interviewing",
    "offer",
    "accepted",
    "declined",
    "passed",
]
Text = Annotated[str, Field(max_length=2000)]


class StatusChangePublic(Public):
    status: StatusValue
    date: dt.date
    note: str


class DecisionPublic(Public):
    id: int | None
    date: dt.date
    choice: str
    why: str


class OpportunityPublic(Public):
    id: int
    title: str
    organization: str
    function: str | None
    level: LevelPublic | None
    industry: str
    city: str
    remote: bool
    source: SourceValue
    link: str
    notes: str
    brand: bool
    involves: list[str]
    status: StatusValue
    added_on: dt.date | None
    ratings: dict[str, int] = Field(description="Your own 1–5 ratings, by priority name.")
    history: list[StatusChangePublic]
    decisions: list[DecisionPublic]


class SourceMixPublic(Public):
    total: int
    by_source: dict[str, int]
    hr_and_job_boards: int
    network_or_self_created: int
    mostly_hr_and_job_boards: bool
    threshold: str
    advice: str
    sources: dict[str, str]


class OpportunityListPublic(Public):
    opportunities: list[OpportunityPublic]
    source_mix: SourceMixPublic


class VerdictPublic(Public):
    key: Literal[
        "strong-fit", "worth-exploring", "weak-fit", "think-twice", "misaligned", "unknown"
    ]
    text: str


class FlagPublic(Public):
    code: str
    severity: Literal["serious", "caution"]
    title: str
    explanation: str
    threshold: str
    inputs: dict[str, Any]


class ChoiceCheckPublic(Public):
    subject: str
    choice: str
    outcome: str
    why: str


class PlanFitPublic(Public):
    plan: str
    main: bool
    kind: str = Field(description="step, partial, detour or off-plan.")
    on_path: list[str] = Field(description="What of the role is on the plan's path.")
    off_path: list[str]
    broken_choices: list[str] = Field(description="Stay/change choices the role breaks.")
    path_score: float | None = Field(
        description="1–5, as in the evaluation's path part; null when the plan gives nothing "
        "to judge the role's path by."
    )
    why: str


class PlanVerdictPublic(Public):
    best: str | None = Field(description="The plan it serves best, by name.")
    text: str
    fits: list[PlanFitPublic] = Field(description="One per plan, the main plan first.")


class EvaluationPublic(Public):
    opportunity: dict[str, Any] = Field(description="id, title, organization, source, status.")
    verdict: VerdictPublic
    plans: PlanVerdictPublic | None = Field(
        default=None, description="Which of your plans it serves best, and how it fits each."
    )
    overall: dict[str, Any] = Field(description="value (1–5 or null), method, weights, inputs.")
    priority_fit: dict[str, Any] = Field(description="value, weights by rank, per priority.")
    energy: dict[str, Any] = Field(description="value, shares, items of the work.")
    reach: dict[str, Any] = Field(description="level change, path parts, thresholds.")
    choices: list[ChoiceCheckPublic]
    flags: list[FlagPublic]


class EvaluateListPublic(Public):
    evaluations: list[EvaluationPublic]
    source_mix: SourceMixPublic


class ComparePublic(Public):
    best: int | None
    ranking: list[int]
    evaluations: list[EvaluationPublic]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OpportunityCreate(_In):
    """An opportunity by hand; with `posting`, the text of a job posting fills in what it can
    (as `opp add --from-text`), and the fields given win."""

    title: Annotated[str, Field(max_length=limits.TITLE)] = ""
    source: SourceValue | None = Field(
        default=None, description="Required unless a posting is given (then: job-board)."
    )
    organization: Annotated[str, Field(max_length=limits.NAME)] = ""
    function: str | None = Field(default=None, max_length=40)
    level: str | int | None = Field(default=None, description="A ladder key or a rank 0–11.")
    industry: Text = ""
    city: Text = ""
    remote: bool | None = None
    link: Text = ""
    notes: Annotated[str, Field(max_length=limits.NOTES)] = ""
    brand: bool | None = None
    involves: list[Annotated[str, Field(max_length=limits.TITLE)]] = Field(default_factory=list)
    posting: Annotated[str, Field(max_length=100_000)] = ""


class StatusCreate(_In):
    status: StatusValue
    note: Annotated[str, Field(max_length=2000)] = ""
    date: dt.date | None = Field(default=None, description="Default: today (or ?as_of).")


class RatingCreate(_In):
    priority: Annotated[str, Field(min_length=1, max_length=300)] = Field(
        description="A priority by name or rank (1–3)."
    )
    rating: int | None = Field(ge=1, le=5, description="1–5, or null to clear your rating.")


class RatingPublic(Public):
    priority: str
    rating: int | None
    opportunity: OpportunityPublic


class DecisionCreate(_In):
    choice: Annotated[str, Field(min_length=1, max_length=300)]
    why: Annotated[str, Field(min_length=1, max_length=10_000)]
    date: dt.date | None = Field(default=None, description="Default: today (or ?as_of).")


class DecisionResultPublic(Public):
    decision: DecisionPublic
    status: StatusValue | None = Field(description="The new status, when the choice names one.")


class OpportunityUpdate(_In):
    """The fields to change (left out: unchanged; "" clears a text, null keeps it); `involves`
    replaces the whole list."""

    title: Annotated[str, Field(max_length=limits.TITLE)] | None = None
    source: SourceValue | None = None
    organization: Annotated[str, Field(max_length=limits.NAME)] | None = None
    function: Annotated[str, Field(max_length=40)] | None = None
    level: str | int | None = Field(default=None, description="A ladder key, a rank, or ''.")
    industry: Text | None = None
    city: Text | None = None
    remote: bool | None = None
    link: Text | None = None
    notes: Annotated[str, Field(max_length=limits.NOTES)] | None = None
    brand: bool | None = None
    involves: list[Annotated[str, Field(max_length=limits.TITLE)]] | None = None


RoleValue = Literal["hiring-manager", "referrer", "contact", "interviewer", "recruiter"]
PersonRef = Annotated[str, Field(min_length=1, max_length=300)]


class DirectTiePublic(Public):
    strength: int
    how: str


class PersonNearPublic(PersonBriefPublic):
    model_config = ConfigDict(extra="forbid")

    roles: list[RoleValue] = Field(description="Their parts in this opportunity, if involved.")
    direct: DirectTiePublic | None = Field(description="How you know them, if directly.")
    path: str | None = Field(description="The best warm path otherwise: you → … → them.")


class MemberNearPublic(Public):
    """A member of the organization's chart close to the role who is not one of your people
    yet."""

    member: str = Field(
        description="Their reference (`northwind-health:NW1042`): give it to "
        "`opp meet` or `people show`."
    )
    name: str
    title: str
    organization: str
    function: str | None
    level: LevelPublic | None
    why: str = Field(description="Where they sit relative to the role, and so why meet them.")


class OpportunityRefPublic(Public):
    id: int
    title: str
    organization: str


class OpportunityPeoplePublic(Public):
    opportunity: OpportunityRefPublic
    involved: list[PersonNearPublic]
    at_organization: list[PersonNearPublic]
    nearby: list[PersonNearPublic]
    in_chart: list[MemberNearPublic] = Field(
        description="When the organization's chart is in your directory: members close to "
        "the role (its function, from one level below it up; where its hiring manager sits "
        "first) who are not your people yet."
    )


class PersonLinkCreate(_In):
    person: PersonRef = Field(description="The person: an id (`12`, `#12`) or a name.")
    role: RoleValue = "contact"


class OpportunityMeetingCreate(_In):
    person: PersonRef = Field(description="The person: an id (`12`, `#12`) or a name.")
    why: Annotated[str, Field(max_length=2000)] = Field(
        default="", description="Why them; default: their part in the opportunity."
    )
