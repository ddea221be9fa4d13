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
    code: str
    text: str
    contribution: float


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
    rank: int
    person: SuggestedPersonPublic
    score: float
    reasons: list[ReasonPublic]
    direct: DirectPublic | None
    path: WarmPathPublic | None


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
