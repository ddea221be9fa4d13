"""/api/board: the board of three, as `nextmove board show|set|clear|chat`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response

from nextmove.config import Settings
from nextmove.formats.digest_json import board_json, seat_json
from nextmove.formats.schemas.board import BoardPublic, ChatCreate, SeatPublic, SeatUpdate
from nextmove.formats.schemas.core import ErrorPublic
from nextmove.services import board as board_service
from nextmove.services.workspace import Workspace
from nextmove.web.clock import moment
from nextmove.web.deps import DbDep, NowDep, SettingsDep, TodayDep

router = APIRouter(prefix="/board", tags=["board"])

SeatNumber = Annotated[int, Path(ge=1, le=3, description="The seat: 1, 2 or 3.")]
EMPTY: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorPublic, "description": "The seat is empty."}
}


def _seat(db: Workspace, settings: Settings, today: date, now: datetime, number: int) -> SeatPublic:
    seats = board_service.show_board(
        db, settings=settings, today=today, now=moment(today, now, settings.timezone)
    )
    return SeatPublic.model_validate(seat_json(seats[number - 1]))


@router.get("", response_model=BoardPublic, summary="The three seats (as `board show --json`)")
def get_board(db: DbDep, settings: SettingsDep, today: TodayDep, now: NowDep) -> BoardPublic:
    seats = board_service.show_board(
        db, settings=settings, today=today, now=moment(today, now, settings.timezone)
    )
    return board_json(seats)


@router.put(
    "/{seat}",
    response_model=SeatPublic,
    summary="Put a person in a seat (as `board set`)",
    responses={
        400: {"model": ErrorPublic, "description": "A field is not valid."},
        404: {"model": ErrorPublic, "description": "No such person."},
        409: {"model": ErrorPublic, "description": "Several people have that name."},
    },
)
def put_seat(
    seat: SeatNumber,
    body: SeatUpdate,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> SeatPublic:
    board_service.set_seat(
        db,
        seat,
        str(body.person),
        why=body.why,
        cadence_days=body.cadence_days,
        last_chat_on=body.last_chat_on,
        today=today,
    )
    return _seat(db, settings, today, now, seat)


@router.delete("/{seat}", status_code=204, summary="Empty a seat", responses=EMPTY)
def delete_seat(seat: SeatNumber, db: DbDep) -> Response:
    board_service.clear_seat(db, seat)
    return Response(status_code=204)


@router.post(
    "/{seat}/chat",
    response_model=SeatPublic,
    summary="Log an in-person chat with the seat's advisor (as `board chat`)",
    responses=EMPTY,
)
def post_chat(
    seat: SeatNumber,
    body: ChatCreate,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> SeatPublic:
    board_service.log_chat(db, seat, day=body.date or today, now=now)
    return _seat(db, settings, today, now, seat)
