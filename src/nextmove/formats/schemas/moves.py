"""Where people in a role moved next: `nextmove moves --json`."""

from __future__ import annotations

from pydantic import Field

from nextmove.formats.schemas.core import Public


class RolePublic(Public):
    title: str
    family: str
    level: str | None
    function: str | None


class MovePersonPublic(Public):
    id: int
    name: str


class PlacePublic(Public):
    title: str
    organization: str


class MovePublic(Public):
    person: MovePersonPublic
    from_: PlacePublic = Field(alias="from")
    to: PlacePublic
    when: str | None
    months_in_role: int | None
    plan: str


class DestinationPublic(Public):
    title: str
    level: str | None
    function: str | None
    people: int
    typical_months_in_role: int | None
    last_year: int | None
    moves: list[MovePublic]


class RelatedPublic(Public):
    code: str
    title: str


class OnetPublic(Public):
    occupation: str
    related: list[RelatedPublic]
    target_related: bool | None
    source: str


class MovesPublic(Public):
    from_: RolePublic = Field(alias="from")
    to: RolePublic | None
    careers: int
    observed: int
    destinations: list[DestinationPublic]
    moves: list[MovePublic]
    nearest: list[MovePublic]
    onet: OnetPublic | None
