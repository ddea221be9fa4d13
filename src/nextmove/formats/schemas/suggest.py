"""People to meet and warm paths to them: `nextmove suggest --json`, `nextmove path --json`."""

from __future__ import annotations

from pydantic import BaseModel, Field

from nextmove.formats.schemas.core import PersonBriefPublic


class SuggestedPersonPublic(PersonBriefPublic):
    id: int | None = Field(description="null for a member of an org chart (see `member`).")  # type: ignore[assignment]
    city: str
    member: str | None = Field(
        None, description='A member of one of your org charts: their reference ("northwind:NW3").'
    )


class ReasonPublic(BaseModel):
    code: str
    text: str
    contribution: float


class DirectPublic(BaseModel):
    strength: int
    how: str


class HopPublic(BaseModel):
    person_id: int
    name: str
    relation: str
    strength: int


class WarmPathPublic(BaseModel):
    hops: list[HopPublic]
    text: str
    quality: float


class SuggestionPublic(BaseModel):
    rank: int
    person: SuggestedPersonPublic
    score: float
    reasons: list[ReasonPublic]
    direct: DirectPublic | None
    path: WarmPathPublic | None


class SuggestionsPublic(BaseModel):
    people: int
    considered: int
    linked: bool
    suggestions: list[SuggestionPublic]


class PathTargetPublic(BaseModel):
    id: int
    name: str


class PathsPublic(BaseModel):
    person: PathTargetPublic
    direct: DirectPublic | None
    paths: list[WarmPathPublic]
