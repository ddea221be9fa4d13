"""JSON shapes of /api/plans, one model per direction (as `plan … --json`, docs/json.md)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from nextmove.domain.vision import GAUGE_MAX, GAUGE_MIN, PLAN_NAME_MAX
from nextmove.formats.schemas.core import ChoicesPublic, FindingPublic, Public, StepPublic, _In

GaugeValue = Annotated[int, Field(ge=GAUGE_MIN, le=GAUGE_MAX)]


class PlanCheckOnlyPublic(Public):
    ok: bool
    weaknesses: int
    notes: int
    findings: list[FindingPublic]


class GaugesPublic(Public):
    resources: int | None
    likeability: int | None
    confidence: int | None
    coherence: int | None


class ServedPublic(Public):
    id: int | None
    title: str
    organization: str
    status: str
    kind: Literal["step", "partial"]
    why: str


class PersonToMeetPublic(Public):
    id: int
    name: str
    title: str
    organization: str
    score: float
    why: str


class PlanPublic(Public):
    name: str
    main: bool
    rank: int = Field(description="0 the main plan, 1–3 the alternatives.")
    note: str
    gauges: GaugesPublic
    choices: ChoicesPublic
    steps: list[StepPublic]
    check: PlanCheckOnlyPublic
    serves: list[ServedPublic]
    meetings: int
    people: list[PersonToMeetPublic] | None = None


class PlanListPublic(Public):
    plans: list[PlanPublic]


class PlanComparePublic(Public):
    gauges: dict[str, str]
    best_by_gauge: dict[str, str | None]
    plans: list[PlanPublic]


class PlanCreate(_In):
    name: str = Field(min_length=1, max_length=PLAN_NAME_MAX * 2)
    from_plan: str | None = Field(
        default=None,
        max_length=PLAN_NAME_MAX * 2,
        alias="from",
        description="Start from a copy of this plan's steps and choices ('main' for yours).",
    )


class PlanEdit(_In):
    """Only the fields given change."""

    name: str | None = Field(default=None, min_length=1, max_length=PLAN_NAME_MAX * 2)
    note: str | None = Field(default=None, max_length=10_000)
    resources: GaugeValue | None = None
    likeability: GaugeValue | None = None
    confidence: GaugeValue | None = None
    coherence: GaugeValue | None = None


class MeetingPlanEdit(_In):
    plan: str | None = Field(
        default=None,
        max_length=PLAN_NAME_MAX * 2,
        description="The plan the meeting explores ('main' for your main plan); null clears it.",
    )


class MeetingPlanPublic(Public):
    meeting_id: int
    plan: str | None
