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


# "main" always names the main plan (whatever it is called); no plan may take it as a name.
MAIN_PLAN = "main"
DEFAULT_PLAN_NAME = "current path"
MAX_ALTERNATIVES = 3
PLAN_NAME_MAX = 60
# Designing Your Life's four gauges of an Odyssey plan, each 0–100.
GAUGES = ("resources", "likeability", "confidence", "coherence")
GAUGE_MIN, GAUGE_MAX = 0, 100
GAUGE_MEANINGS = {
    "resources": "do you have the time, money, skills and contacts it takes?",
    "likeability": "how much do you like it?",
    "confidence": "how sure are you that you can make it work?",
    "coherence": "does it fit who you are and what you believe?",
}


@dataclass(slots=True)
class Gauges:
    """How a plan rates on Designing Your Life's dashboard; None is not yet rated."""

    resources: int | None = None
    likeability: int | None = None
    confidence: int | None = None
    coherence: int | None = None

    def as_dict(self) -> dict[str, int | None]:
        return {name: getattr(self, name) for name in GAUGES}


@dataclass(slots=True)
class Plan:
    """One Odyssey plan: its own steps (two jobs out), stay-or-change choices, a note and
    gauges. The position, priorities and energizers stay the person's own (on the Vision)."""

    name: str = DEFAULT_PLAN_NAME
    steps: list[RoleOutline] = field(default_factory=list)
    choices: Choices = field(default_factory=Choices)
    note: str = ""
    gauges: Gauges = field(default_factory=Gauges)


def plan_key(name: str) -> str:
    """Plan names compare without case or surrounding and repeated spaces."""
    return " ".join(name.split()).casefold()


@dataclass(slots=True)
class Vision:
    """The person's plan. `steps` and `choices` (with `plan_name`, `plan_note`, `gauges`) are
    the main plan; `alternatives` holds up to three other plans."""

    me: Position = field(default_factory=Position)
    steps: list[RoleOutline] = field(default_factory=list)
    priorities: list[Priority] = field(default_factory=list)
    choices: Choices = field(default_factory=Choices)
    energizers: list[str] = field(default_factory=list)
    strengths: list[str] = field(default_factory=list)
    plan_name: str = DEFAULT_PLAN_NAME
    plan_note: str = ""
    gauges: Gauges = field(default_factory=Gauges)
    alternatives: list[Plan] = field(default_factory=list)

    @property
    def main_plan(self) -> Plan:
        return Plan(self.plan_name, self.steps, self.choices, self.plan_note, self.gauges)

    @property
    def plans(self) -> list[Plan]:
        """The main plan first, then the alternatives in order."""
        return [self.main_plan, *self.alternatives]

    def find_plan(self, name: str) -> Plan | None:
        """A plan by its name (any case); "main" also names the main plan unless an
        alternative is called that."""
        key = plan_key(name)
        for plan in self.plans:
            if plan_key(plan.name) == key:
                return plan
        return self.main_plan if key == MAIN_PLAN else None

    def following(self, plan: Plan) -> Vision:
        """This vision with `plan` as its main plan: what checks, evaluations and
        suggestions read to aim at one plan."""
        return Vision(
            me=self.me,
            steps=plan.steps,
            priorities=self.priorities,
            choices=plan.choices,
            energizers=self.energizers,
            strengths=self.strengths,
            plan_name=plan.name,
            plan_note=plan.note,
            gauges=plan.gauges,
            alternatives=[],
        )

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
