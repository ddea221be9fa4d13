"""Where people in a role moved next: `nextmove moves --json`."""

from __future__ import annotations

from pydantic import BaseModel, Field


class RolePublic(BaseModel):
    title: str
    family: str
    level: str | None
    function: str | None


class MovePersonPublic(BaseModel):
    id: int
    name: str


class PlacePublic(BaseModel):
    title: str
    organization: str


class MovePublic(BaseModel):
    person: MovePersonPublic
    from_: PlacePublic = Field(alias="from")
    to: PlacePublic
    when: str | None
    months_in_role: int | None
    plan: str


class DestinationPublic(BaseModel):
    title: str
    level: str | None
    function: str | None
    people: int
    typical_months_in_role: int | None
    last_year: int | None
    moves: list[MovePublic]


class RelatedPublic(BaseModel):
    code: str
    title: str


class OnetPublic(BaseModel):
    occupation: str
    related: list[RelatedPublic]
    target_related: bool | None
    source: str


class MovesPublic(BaseModel):
    from_: RolePublic = Field(alias="from")
    to: RolePublic | None
    careers: int
    observed: int
    destinations: list[DestinationPublic]
    moves: list[MovePublic]
    nearest: list[MovePublic]
    onet: OnetPublic | None
