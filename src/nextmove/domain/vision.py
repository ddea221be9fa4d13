"""The person's own plan: where they are, where they want to be two jobs from now, what they
will and won't trade, and their top three priorities. Plain values, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Choice(StrEnum):
    STAY = "stay"
    CHANGE = "change"
    OPEN = "open"


CHOICE_SUBJECTS = ("industry", "company", "city")

SUGGESTED_PRIORITIES = (
    "family life",
    "career trajectory",
    "skills development",
    "compensation",
    "location",
    "flexibility",
    "mission",
    "autonomy",
    "stability",
    "recognition",
)


@dataclass(slots=True)
class Position:
    """Where the person is today."""

    name: str = ""
    title: str = ""
    organization: str = ""
    function: str | None = None
    level: int | None = None
    industry: str = ""
    city: str = ""


@dataclass(slots=True)
class RoleOutline:
    """A rough outline of a role: one step of the vision."""

    title: str = ""
    function: str | None = None
    level: int | None = None
    industry: str = ""
    organization: str = ""  # a named organization, if the person has one in mind
    organization_kind: str = ""  # "scale-up", "large enterprise", "non-profit", ...
    city: str = ""
    remote: bool = False
    scope: str = ""
    problems: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Priority:
    name: str
    note: str = ""


@dataclass(slots=True)
class Choices:
    industry: Choice = Choice.OPEN
    company: Choice = Choice.OPEN
    city: Choice = Choice.OPEN

    def get(self, subject: str) -> Choice:
        return Choice(getattr(self, subject))


@dataclass(slots=True)
class Vision:
    me: Position = field(default_factory=Position)
    steps: list[RoleOutline] = field(default_factory=list)
    priorities: list[Priority] = field(default_factory=list)
    choices: Choices = field(default_factory=Choices)
    energizers: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)

    @property
    def next_step(self) -> RoleOutline | None:
        return self.steps[0] if self.steps else None

    @property
    def two_jobs_out(self) -> RoleOutline | None:
        return self.steps[1] if len(self.steps) > 1 else None


STEP_NAMES = ("next job", "two jobs from now")


def step_name(index: int) -> str:
    """Human name of a step by its 0-based position."""
    return STEP_NAMES[index] if index < len(STEP_NAMES) else f"step {index + 1}"
