"""The board of three: each seat with who, why, cadence, the last in-person chat and its
state; a check-in draft and times for an overdue seat, candidates for an empty one; forms to
seat someone, clear a seat and log a chat; and the contacts due to keep in touch with."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextmove.config import Settings
from nextmove.domain.cadence import BOARD_CADENCE_DAYS, TouchState
from nextmove.errors import UserError
from nextmove.services import board as board_service
from nextmove.services import keep as keep_service
from nextmove.services.workspace import Workspace
from nextmove.web.board_forms import (
    CADENCE_MAX,
    SeatForm,
    parse_day,
    place_seat_error,
    seat_input_from_form,
)
from nextmove.web.clock import moment
from nextmove.web.deps import DbDep, NowDep, SettingsDep, TodayDep
from nextmove.web.render import link_for, render

router = APIRouter(include_in_schema=False)

SeatNumber = Annotated[int, Path(ge=1, le=3, description="The seat: 1, 2 or 3.")]
CONTACTS_SHOWN = 20


def _page(
    request: Request,
    db: Workspace,
    settings: Settings,
    today: date,
    now: datetime,
    *,
    form: SeatForm | None = None,
    chat_errors: dict[int, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    seats = board_service.show_board(
        db, settings=settings, today=today, now=moment(today, now, settings.timezone)
    )
    contacts = [
        c
        for c in keep_service.list_contacts(db, settings=settings, today=today)
        if c.status.state is not TouchState.OK
    ]
    return render(
        request,
        "board.html",
        status_code=status_code,
        seats=seats,
        contacts=contacts[:CONTACTS_SHOWN],
        contacts_total=len(contacts),
        form=form or SeatForm(),
        chat_errors=chat_errors or {},
        today=today,
        default_cadence=BOARD_CADENCE_DAYS,
        cadence_max=CADENCE_MAX,
        notice=request.query_params.get("done"),
        notice_seat=request.query_params.get("seat"),
    )


def _back(request: Request, done: str, seat: int) -> RedirectResponse:
    return RedirectResponse(
        link_for(request, "/board", done=done, seat=seat) + f"#seat-{seat}", status_code=303
    )


@router.get("/board", response_class=HTMLResponse, summary="Your board of three")
def board_page(
    request: Request, db: DbDep, settings: SettingsDep, today: TodayDep, now: NowDep
) -> HTMLResponse:
    return _page(request, db, settings, today, now)


@router.post("/board/{seat}", response_class=HTMLResponse, summary="Seat someone")
async def set_seat(
    request: Request,
    seat: SeatNumber,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> Response:
    data, form = seat_input_from_form(seat, await request.form())
    if data is not None:
        try:
            board_service.set_seat(
                db,
                seat,
                data.person,
                why=data.why,
                cadence_days=data.cadence_days,
                last_chat_on=data.last_chat_on,
                today=today,
            )
        except UserError as exc:
            place_seat_error(form, exc)
        else:
            return _back(request, "set", seat)
    return _page(request, db, settings, today, now, form=form, status_code=400)


@router.post("/board/{seat}/clear", response_class=HTMLResponse, summary="Empty a seat")
def clear_seat(request: Request, seat: SeatNumber, db: DbDep) -> Response:
    board_service.clear_seat(db, seat)
    return _back(request, "cleared", seat)


@router.post("/board/{seat}/chat", response_class=HTMLResponse, summary="We met")
async def log_chat(
    request: Request,
    seat: SeatNumber,
    db: DbDep,
    settings: SettingsDep,
    today: TodayDep,
    now: NowDep,
) -> Response:
    text = (await request.form()).get("date")
    text = text.strip() if isinstance(text, str) else ""
    day = parse_day(text) if text else today
    if day is None:
        return _page(
            request,
            db,
            settings,
            today,
            now,
            chat_errors={seat: "A date like 2026-11-20."},
            status_code=400,
        )
    board_service.log_chat(db, seat, day=day, now=now)
    return _back(request, "chat", seat)
