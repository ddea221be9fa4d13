"""People to meet and warm paths to them: `nextmove suggest --json`, `nextmove path --json`."""

from __future__ import annotations

from pydantic import Field

from nextmove.formats.schemas.core import LevelPublic, Public


class SuggestedPersonPublic(Public):
    id: int | None = Field(description="null for a member of an org chart (see `member`).")
    member: str | None = Field(
        None, description='A member of one of your org charts: their reference ("northwind:NW3").'
    )
    name: str
    title: str
    organization: str
    function: str | None
    level: LevelPublic | None
    city: str


class ReasonPublic(Public):
    code: str = Field(description="What kind of reason, e.g. `level_gap` (docs/suggestions.md).")
    text: str
    contribution: float = Field(description="Points it adds to the score (negative: takes).")


class DirectPublic(Public):
    strength: int
    how: str


class HopPublic(Public):
    person_id: int
    name: str
    relation: str
    strength: int


class WarmPathPublic(Public):
    hops: list[HopPublic]
    text: str
    quality: float


class SuggestionPublic(Public):
    rank: int = Field(description="1 is the best person to meet next.")
    person: SuggestedPersonPublic
    score: float = Field(description="Higher: a better person to meet next.")
    reasons: list[ReasonPublic] = Field(description="The weightiest first (by size).")
    direct: DirectPublic | None = Field(description="How you know them, if directly.")
    path: WarmPathPublic | None = Field(description="The best warm path to them otherwise.")


class SuggestionsPublic(Public):
    people: int
    considered: int
    linked: bool
    suggestions: list[SuggestionPublic]


class PathTargetPublic(Public):
    id: int
    name: str


class PathsPublic(Public):
    person: PathTargetPublic
    direct: DirectPublic | None
    paths: list[WarmPathPublic]
