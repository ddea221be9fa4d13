"""`nextmove slots`: meeting times to offer, within your working hours."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nextmove.cli.context import AsOf, JsonFlag, console, now_from, print_json, state
from nextmove.formats.json_shapes import free_slots_json
from nextmove.services import scheduling


def slots(
    ctx: typer.Context,
    busy: Annotated[
        Path | None,
        typer.Option(
            "--busy",
            metavar="FILE.ics",
            help="An .ics export of your calendar; its busy times are avoided.",
        ),
    ] = None,
    calendar: Annotated[
        str | None,
        typer.Option(
            "--calendar",
            metavar="ACCOUNT",
            help="A sync account's CalDAV calendar (nextmove sync add … --caldav URL); its "
            "busy times are avoided.",
        ),
    ] = None,
    days: Annotated[
        int, typer.Option("--days", min=1, max=366, help="How many days to look ahead.")
    ] = 10,
    count: Annotated[int, typer.Option("--count", min=1, max=50, help="How many slots.")] = 5,
    as_of: AsOf = None,
    json: JsonFlag = False,
) -> None:
    """Propose meeting slots within your working hours, spread over the coming days."""
    settings = state(ctx).settings
    start = now_from(as_of, settings.timezone)
    booked = scheduling.scheduled_times(state(ctx).db())
    if calendar:
        from nextmove.services.calendar_sync import account_busy

        booked += account_busy(state(ctx).db(), calendar, settings=settings, now=start, days=days)
    proposed = scheduling.propose_meeting_slots(
        settings,
        now=start,
        busy_file=busy,
        days=days,
        count=count,
        booked=booked,
    )
    if json:
        print_json(free_slots_json(settings.timezone, settings.meeting_minutes, proposed))
        return
    hours = f"{settings.working_days} {settings.working_hours}"
    if not proposed:
        console.print(
            f"No free {settings.meeting_minutes}-minute slot within your working hours "
            f"({hours}) in the next {days} day(s). Try --days {days * 2}."
        )
        return
    console.print(
        f"{len(proposed)} {settings.meeting_minutes}-minute slot(s), {settings.timezone} "
        f"(working hours {hours}):"
    )
    for slot in proposed:
        console.print(f"  • {slot.start:%a %d %b, %H:%M}–{slot.end:%H:%M}")
