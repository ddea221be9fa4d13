"""`nextmove board`: your board of three advisors (docs/meetings.md)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from nextmove.cli.context import (
    AsOf,
    JsonFlag,
    console,
    now,
    now_from,
    parse_date,
    print_json,
    state,
    today_from,
)
from nextmove.formats.digest_json import board_json
from nextmove.services import board as service

app = typer.Typer(
    help="Your board of three: people you would ask for career advice, seen in person "
    "every so often (docs/meetings.md).",
    no_args_is_help=True,
)

SeatNumber = Annotated[int, typer.Argument(help="The seat: 1, 2 or 3.")]


@app.command("show")
def show(ctx: typer.Context, as_of: AsOf = None, json: JsonFlag = False) -> None:
    """Show the three seats: who, why, when you last met and whether a chat is due; an
    overdue seat with a check-in draft and slots, an empty one with candidates."""
    st = state(ctx)
    seats = service.show_board(
        st.db(),
        settings=st.settings,
        today=today_from(as_of),
        now=now_from(as_of, st.settings.timezone),
    )
    if json:
        print_json(board_json(seats))
        return
    for seat in seats:
        if seat.empty:
            console.print(f"[bold]Seat {seat.seat}[/]: empty")
            for c in seat.candidates:
                role = ", ".join(x for x in (c.title, c.organization) if x)
                console.print(
                    f"  candidate {escape(c.ref)} {escape(c.name)}"
                    + (f" ({escape(role)})" if role else "")
                    + f": {', '.join(c.reasons)}"
                )
            if not seat.candidates:
                console.print("  Fill it: `nextmove board set N REF --why …`.")
            continue
        assert seat.status is not None
        last = seat.last_chat_on.isoformat() if seat.last_chat_on else "never"
        console.print(
            f"[bold]Seat {seat.seat}[/]: {escape(seat.name)} — {seat.status.state.value} "
            f"(last in-person chat {last}, every {seat.cadence_days} days; "
            f"due {seat.status.due_on})"
        )
        console.print(f"  Why: {escape(seat.why)}")
        if seat.slots:
            console.print("  Slots: " + "; ".join(f"{s.start:%a %d %b %H:%M}" for s in seat.slots))
        if seat.checkin:
            console.print("  Check-in draft:")
            console.print(escape(seat.checkin.text), soft_wrap=True)


@app.command("set")
def set_(
    ctx: typer.Context,
    seat: SeatNumber,
    ref: Annotated[str, typer.Argument(help="The person: their # or their name.")],
    why: Annotated[str, typer.Option("--why", help="Why you would ask them for advice.")],
    cadence: Annotated[
        int, typer.Option("--cadence", min=1, help="Days between in-person chats (default 90).")
    ] = 90,
    last_chat: Annotated[
        str | None,
        typer.Option("--last-chat", metavar="YYYY-MM-DD", help="When you last met in person."),
    ] = None,
    as_of: AsOf = None,
) -> None:
    """Put a person in a seat of your board."""
    placed = service.set_seat(
        state(ctx).db(),
        seat,
        ref,
        why=why,
        cadence_days=cadence,
        last_chat_on=parse_date(last_chat, option="--last-chat") if last_chat else None,
        today=today_from(as_of),
    )
    console.print(f"Seat {placed.seat}: {escape(placed.name)}, every {placed.cadence_days} days.")


@app.command("clear")
def clear(ctx: typer.Context, seat: SeatNumber) -> None:
    """Empty a seat."""
    service.clear_seat(state(ctx).db(), seat)
    console.print(f"Seat {seat} is empty.")


@app.command("chat")
def chat(
    ctx: typer.Context,
    seat: SeatNumber,
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="When; default: --as-of or today."),
    ] = None,
    as_of: AsOf = None,
) -> None:
    """Log an in-person chat with an advisor: resets the seat's cadence, logs a touch."""
    when = parse_date(day, option="--date") if day else today_from(as_of)
    seated = service.log_chat(state(ctx).db(), seat, day=when, now=now())
    console.print(f"Logged a chat with {escape(seated.name)} on {when}.")
