"""/api/moves: as `nextmove moves --json`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from nextmove.formats.moves_json import moves_json
from nextmove.services import moves as service
from nextmove.web.api.models import ErrorPublic
from nextmove.web.deps import DbDep, TodayDep

router = APIRouter(tags=["suggestions"])

Title = Annotated[str | None, Query(max_length=service.MAX_TITLE, description="A job title.")]


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


@router.get(
    "/moves",
    summary="Moves people in your network made",
    response_model=MovesPublic,
    responses={400: {"model": ErrorPublic}},
)
def get_moves(
    db: DbDep,
    today: TodayDep,
    from_: Annotated[
        str | None, Query(alias="from", max_length=service.MAX_TITLE, description="A job title.")
    ] = None,
    to: Title = None,
) -> dict[str, Any]:
    """Where people in your role (or `from`) went next; with `to`, exactly who made that
    move. The shape of `nextmove moves --json` (docs/json.md)."""
    return moves_json(service.find_moves(db, from_title=from_, to_title=to, as_of=today))
