"""`nextmove calendar`: your calendar as nextmove sees it (busy times from an .ics export)."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from nextmove.cli.context import (
    AsOf,
    JsonFlag,
    console,
    err_console,
    now_from,
    print_json,
    state,
    today_from,
)
from nextmove.formats.json_shapes import busy_json
from nextmove.services import meeting_calendar, scheduling

app = typer.Typer(
    help="Your calendar: busy times read from an .ics export (docs/calendar.md).",
    no_args_is_help=True,
)

IcsFile = Annotated[
    Path,
    typer.Argument(
        metavar="FILE.ics",
        help="An iCalendar export of your calendar (Google, Outlook, Apple, Thunderbird…).",
    ),
]
Days = Annotated[int, typer.Option("--days", min=1, max=366, help="How many days to look ahead.")]


@app.command("busy")
def busy(
    ctx: typer.Context,
    file: IcsFile,
    days: Days = 10,
    as_of: AsOf = None,
    json: JsonFlag = False,
) -> None:
    """List the busy times in a calendar file, recurring and all-day events included."""
    settings = state(ctx).settings
    start, end, intervals = scheduling.busy_times(
        settings, file, now=now_from(as_of, settings.timezone), days=days
    )
    if json:
        print_json(busy_json(settings.timezone, start, end, intervals))
        return
    if not intervals:
        console.print(f"No busy times in {file} in the next {days} day(s).")
        return
    console.print(f"Busy times in {file} ({settings.timezone}):")
    table = Table()
    for column in ("day", "from", "to", "what"):
        table.add_column(column)
    for interval in intervals:
        table.add_row(*_row(interval.start, interval.end), escape(interval.summary))
    console.print(table)


def _row(start: datetime, end: datetime) -> tuple[str, str, str]:
    if start.time() == time(0) and end.time() == time(0):
        last = end.date().toordinal() - start.date().toordinal()
        span = "all day" if last == 1 else f"{last} days"
        return f"{start:%a %d %b}", span, ""
    until = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%a %d %b %H:%M}"
    return f"{start:%a %d %b}", f"{start:%H:%M}", until


@app.command("export")
def export(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="Where to write the calendar (.ics).")],
    as_of: AsOf = None,
) -> None:
    """Write every scheduled meeting, advisor check-in due and follow-up due as one
    calendar to import or subscribe to."""
    st = state(ctx)
    data = meeting_calendar.export_feed(
        st.db(),
        settings=st.settings,
        today=today_from(as_of),
        now=now_from(as_of, st.settings.timezone),
    )
    path.expanduser().write_bytes(data)
    err_console.print(f"Wrote {path}")
