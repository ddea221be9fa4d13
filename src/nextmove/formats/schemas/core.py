"""The API's shapes, one model per direction: `…Public` is what the API returns (the same
shapes as the CLI's `--json`, docs/json.md), `…Create` is what it accepts."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

ChoiceValue = Literal["stay", "change", "open"]


# An instant: written as Python's isoformat() writes it ("2026-11-22T09:00:00+00:00").
Instant = Annotated[
    dt.datetime, PlainSerializer(lambda v: v.isoformat(), return_type=str, when_used="json")
]


class Public(BaseModel):
    """A shape the API returns and `--json` prints. Every key is declared: a builder that adds
    a key the model does not have fails, so no output can carry an undocumented key."""

    model_config = ConfigDict(extra="forbid")

    def __eq__(self, other: object) -> bool:
        # A shape equals its JSON document too (`response.json() == vision_json(v)`).
        if isinstance(other, dict):
            return bool(self.model_dump(mode="json", by_alias=True) == other)
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]


class LevelPublic(Public):
    """A rung of the seniority ladder (docs/levels.md); `null` where it is unknown."""

    rank: int = Field(description="0 (intern) … 11 (C-level).")
    key: str = Field(description="The ladder key, e.g. `director`.")
    label: str = Field(description="As people read it, e.g. `Director`.")


class PersonBriefPublic(BaseModel):
    """Who someone is, as lists of people show them."""

    id: int
    name: str
    title: str
    organization: str
    function: str | None
    level: LevelPublic | None


class PersonRefPublic(BaseModel):
    id: int
    name: str


class ChainLinkPublic(BaseModel):
    """One link of a chain of introductions: who, and who introduced them (null: you)."""

    id: int
    name: str
    introduced_by: int | None


class PositionPublic(Public):
    name: str
    title: str
    organization: str
    function: str | None
    level: LevelPublic | None
    industry: str
    city: str


class StepPublic(Public):
    position: int
    name: str = Field(description="'next job', 'two jobs from now', then 'step N'.")
    title: str
    function: str | None
    level: LevelPublic | None
    industry: str
    organization: str
    organization_kind: str
    city: str
    remote: bool
    scope: str
    problems: list[str]


class PriorityPublic(Public):
    rank: int
    name: str
    note: str


class ChoicesPublic(Public):
    industry: ChoiceValue
    company: ChoiceValue
    city: ChoiceValue


class VisionPublic(Public):
    me: PositionPublic
    steps: list[StepPublic]
    priorities: list[PriorityPublic]
    choices: ChoicesPublic
    energizers: list[str]
    strengths: list[str]


# Input: the same shape, more forgiving. A level may be given as its object (as returned), a
# ladder key ("director") or a rank (7); keys the API returns but does not need (a step's
# `position` and `name`, a priority's `rank`, a level's `label`) are accepted and ignored.


class LevelRef(BaseModel):
    rank: int | None = None
    key: str | None = None
    label: str | None = None


LevelIn = Annotated[
    LevelRef | int | str | None,
    Field(description="A level object, a ladder key like 'director', or a rank 0–11."),
]


def _level_value(level: LevelRef | int | str | None) -> int | str | None:
    if isinstance(level, LevelRef):
        return level.key if level.key is not None else level.rank
    return level


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PositionCreate(_In):
    name: str = ""
    title: str = ""
    organization: str = ""
    function: str | None = None
    level: LevelIn = None
    industry: str = ""
    city: str = ""


class StepCreate(_In):
    position: int | None = Field(default=None, description="Ignored: steps keep list order.")
    name: str | None = Field(default=None, description="Ignored: named by position.")
    title: str = ""
    function: str | None = None
    level: LevelIn = None
    industry: str = ""
    organization: str = ""
    organization_kind: str = ""
    city: str = ""
    remote: bool = False
    scope: str = ""
    problems: list[str] = Field(default_factory=list)


class PriorityCreate(_In):
    rank: int | None = Field(default=None, description="Ignored: priorities keep list order.")
    name: str
    note: str = ""


class ChoicesCreate(_In):
    industry: ChoiceValue = "open"
    company: ChoiceValue = "open"
    city: ChoiceValue = "open"


class VisionCreate(_In):
    """A whole vision; it replaces the saved one. Validated like the vision file."""

    me: PositionCreate = Field(default_factory=PositionCreate)
    steps: list[StepCreate] = Field(default_factory=list)
    priorities: list[PriorityCreate] = Field(default_factory=list)
    choices: ChoicesCreate = Field(default_factory=ChoicesCreate)
    energizers: list[str] = Field(default_factory=list)
    strengths: list[str] = Field(default_factory=list)

    def as_vision_data(self) -> dict[str, Any]:
        """The vision file's shape, which the service validates."""
        me = self.me.model_dump()
        me["level"] = _level_value(self.me.level)
        steps = []
        for step in self.steps:
            data = step.model_dump(exclude={"position", "name"})
            data["level"] = _level_value(step.level)
            steps.append(data)
        return {
            "me": me,
            "steps": steps,
            "priorities": [{"name": p.name, "note": p.note} for p in self.priorities],
            "choices": self.choices.model_dump(),
            "energizers": list(self.energizers),
            "strengths": list(self.strengths),
        }


class FindingPublic(Public):
    code: str
    severity: Literal["weakness", "note"]
    field: str
    message: str
    advice: str


class PlanCheckPublic(Public):
    name: str
    main: bool
    ok: bool
    weaknesses: int
    notes: int
    findings: list[FindingPublic]


class CheckPublic(Public):
    ok: bool = Field(description="True when no plan has a weakness (notes may remain).")
    weaknesses: int = Field(description="The main plan's.")
    notes: int
    findings: list[FindingPublic] = Field(description="The main plan's.")
    plans: list[PlanCheckPublic] | None = Field(
        default=None, description="The check of every plan, the main plan first."
    )


class JournalEntryCreate(_In):
    date: dt.date | None = Field(default=None, description="Default: today (or ?as_of).")
    activity: str = Field(min_length=1, max_length=300)
    energy: int = Field(ge=-2, le=2, description="−2 draining … +2 energizing.")
    engagement: int = Field(default=3, ge=1, le=5, description="1 bored … 5 fully absorbed.")
    flow: bool = False
    themes: list[Annotated[str, Field(max_length=100)]] = Field(default_factory=list)
    note: str = Field(default="", max_length=10_000)


class JournalEntryPublic(Public):
    id: int
    date: dt.date
    activity: str
    energy: int = Field(description="−2 draining … +2 energizing.")
    engagement: int = Field(description="1 bored … 5 fully absorbed.")
    flow: bool = Field(description="Time flew: you lost track of it.")
    themes: list[str]
    note: str


class TallyPublic(Public):
    name: str
    entries: int
    mean_energy: float
    mean_engagement: float
    flow: int
    last: dt.date | None


class ThemesPublic(Public):
    energizing: list[TallyPublic]
    draining: list[TallyPublic]


class JournalSummaryPublic(Public):
    model_config = ConfigDict(populate_by_name=True)

    from_: dt.date | None = Field(alias="from")
    to: dt.date | None
    entries: int
    mean_energy: float
    flow_entries: int
    energizing: list[TallyPublic]
    draining: list[TallyPublic]
    themes: ThemesPublic


class ErrorPublic(BaseModel):
    error: str
    hint: str | None
    field: str | None = Field(
        default=None, description="The request field the error is about, when it is one."
    )
