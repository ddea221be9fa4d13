"""`nextmove keep`: keeping in touch with the people who matter (docs/meetings.md)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from nextmove.cli.context import AsOf, JsonFlag, console, parse_date, print_json, state, today_from
from nextmove.formats.meeting_json import keep_list_json
from nextmove.services import keep as service

app = typer.Typer(
    help="Keep in touch: tiers or personal cadences; any logged touch resets them.",
    no_args_is_help=True,
)
Ref = Annotated[str, typer.Argument(help="The person: their # or their name.")]


@app.command("list")
def list_(
    ctx: typer.Context,
    state_: Annotated[
        str | None, typer.Option("--state", help="Only ok, due or overdue contacts.")
    ] = None,
    as_of: AsOf = None,
    json: JsonFlag = False,
) -> None:
    """List the people you keep in touch with: overdue first, then due, then ok."""
    st = state(ctx)
    contacts = service.list_contacts(
        st.db(), settings=st.settings, today=today_from(as_of), state=state_
    )
    if json:
        print_json(keep_list_json(contacts))
        return
    if not contacts:
        console.print("Nobody to show. Give people a tier: `nextmove keep set REF --tier A`.")
        return
    table = Table()
    for column in ("#", "name", "cadence", "last touch", "state", "due"):
        table.add_column(column)
    for c in contacts:
        cadence = f"tier {c.tier}" if not c.personal else f"every {c.cadence.ideal_days}d"
        state_text = c.status.state.value + (" (snoozed)" if c.status.snoozed else "")
        table.add_row(
            str(c.person_id),
            escape(c.name),
            cadence,
            c.last_touch.isoformat() if c.last_touch else "never",
            state_text,
            c.status.due_on.isoformat(),
        )
    console.print(table)


@app.command("set")
def set_(
    ctx: typer.Context,
    ref: Ref,
    tier: Annotated[
        str | None, typer.Option("--tier", help="A, B or C (default 30, 90, 180 days).")
    ] = None,
    every: Annotated[
        str | None,
        typer.Option(
            "--every", metavar="IDEAL[:MAX]", help="A personal cadence in days, e.g. 45:60."
        ),
    ] = None,
) -> None:
    """Give a person a tier or a personal cadence."""
    st = state(ctx)
    name, cadence = service.set_keep(st.db(), ref, tier=tier, every=every, settings=st.settings)
    console.print(
        f"{escape(name)}: due after {cadence.ideal_days} days, overdue after {cadence.max_days}."
    )


@app.command("snooze")
def snooze(
    ctx: typer.Context,
    ref: Ref,
    until: Annotated[
        str, typer.Option("--until", metavar="YYYY-MM-DD", help="Not due before this date.")
    ],
) -> None:
    """Snooze a person: not due before a date."""
    day = parse_date(until, option="--until")
    name = service.snooze(state(ctx).db(), ref, until=day)
    console.print(f"{escape(name)}: snoozed until {day}.")
