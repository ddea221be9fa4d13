"""/api/moves: as `nextmove moves --json`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from nextmove.formats.moves_json import moves_json
from nextmove.formats.schemas.core import ErrorPublic
from nextmove.formats.schemas.moves import MovesPublic
from nextmove.services import moves as service
from nextmove.web.deps import DbDep, TodayDep

router = APIRouter(tags=["suggestions"])

Title = Annotated[str | None, Query(max_length=service.MAX_TITLE, description="A job title.")]


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
) -> MovesPublic:
    """Where people in your role (or `from`) went next; with `to`, exactly who made that
    move. The shape of `nextmove moves --json` (docs/json.md)."""
    return moves_json(service.find_moves(db, from_title=from_, to_title=to, as_of=today))
