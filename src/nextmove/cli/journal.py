"""`nextmove journal`: what energizes you and what drains you, from evidence."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from nextmove.cli.context import (
    AsOf,
    JsonFlag,
    console,
    now,
    parse_date,
    print_json,
    state,
    today_from,
)
from nextmove.domain.journal import JournalEntry, JournalSummary, Tally
from nextmove.formats.json_shapes import journal_entry_json, journal_summary_json
from nextmove.services import vision as vision_service

app = typer.Typer(
    help="The energy journal: log activities, rate their energy, see what energizes you.",
    no_args_is_help=True,
)


@app.command("add")
def add(
    ctx: typer.Context,
    activity: Annotated[str, typer.Argument(help="What you did, e.g. 'customer interviews'.")],
    energy: Annotated[
        int, typer.Option("--energy", "-e", min=-2, max=2, help="−2 draining … +2 energizing.")
    ],
    engagement: Annotated[
        int, typer.Option("--engagement", "-g", min=1, max=5, help="1 bored … 5 fully absorbed.")
    ] = 3,
    flow: Annotated[bool, typer.Option("--flow", help="You lost track of time.")] = False,
    theme: Annotated[
        list[str] | None,
        typer.Option("--theme", "-t", help="A theme (repeatable): 'writing', 'people'."),
    ] = None,
    note: Annotated[str, typer.Option(help="Anything worth remembering.")] = "",
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="When; default: --as-of or today."),
    ] = None,
    as_of: AsOf = None,
) -> None:
    """Log an activity with how much energy it gave or took."""
    when = parse_date(day, option="--date") if day else today_from(as_of)
    entry = vision_service.add_journal_entry(
        state(ctx).db(),
        JournalEntry(
            day=when,
            activity=activity,
            energy=energy,
            engagement=engagement,
            flow=flow,
            themes=list(theme or []),
            note=note,
        ),
        now=now(),
    )
    console.print(
        f"Logged #{entry.id} on {entry.day}: {entry.activity} (energy {entry.energy:+d})."
    )


@app.command("list")
def list_(
    ctx: typer.Context,
    days: Annotated[int, typer.Option(help="How many days back from --as-of.")] = 30,
    as_of: AsOf = None,
    json: JsonFlag = False,
) -> None:
    """List journal entries of the last N days."""
    start, end = vision_service.journal_window(today_from(as_of), days)
    entries = vision_service.list_journal(state(ctx).db(), start=start, end=end)
    if json:
        print_json([journal_entry_json(e) for e in entries])
        return
    if not entries:
        console.print(
            f"No journal entries from {start} to {end}. Add one with `nextmove journal add`."
        )
        return
    table = Table(title=f"Journal {start} – {end}")
    for column in ("#", "Date", "Activity", "Energy", "Engagement", "Flow", "Themes"):
        table.add_column(column)
    for e in entries:
        table.add_row(
            str(e.id),
            e.day.isoformat(),
            escape(e.activity),
            f"{e.energy:+d}",
            str(e.engagement),
            "✓" if e.flow else "",
            escape(", ".join(e.themes)),
        )
    console.print(table)


@app.command("delete")
def delete(
    ctx: typer.Context, entry_id: Annotated[int, typer.Argument(help="The entry's #.")]
) -> None:
    """Delete one journal entry."""
    vision_service.delete_journal_entry(state(ctx).db(), entry_id)
    console.print(f"Deleted entry #{entry_id}.")


def _tallies(title: str, tallies: list[Tally]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("", "Entries", "Mean energy", "Engagement", "Flow"):
        table.add_column(column)
    for t in tallies:
        table.add_row(
            escape(t.name),
            str(t.count),
            f"{t.mean_energy:+.1f}",
            f"{t.mean_engagement:.1f}",
            str(t.flow_count),
        )
    return table


@app.command("summary")
def summary(
    ctx: typer.Context,
    days: Annotated[int, typer.Option(help="How many days back from --as-of.")] = 30,
    limit: Annotated[int, typer.Option(help="How many activities and themes per list.")] = 5,
    as_of: AsOf = None,
    json: JsonFlag = False,
) -> None:
    """What energizes you and what drains you most, from your journal."""
    result: JournalSummary = vision_service.summarize(
        state(ctx).db(), today=today_from(as_of), days=days, limit=limit
    )
    if json:
        print_json(journal_summary_json(result))
        return
    if not result.entries:
        console.print("No journal entries in this period. Add some with `nextmove journal add`.")
        return
    console.print(
        f"[bold]{result.entries} entries[/] from {result.start} to {result.end}; "
        f"mean energy {result.mean_energy:+.1f}; flow in {result.flow_entries}."
    )
    console.print(_tallies("Energizes you most", result.energizing))
    console.print(_tallies("Drains you most", result.draining))
    if result.themes_energizing or result.themes_draining:
        console.print(_tallies("Energizing themes", result.themes_energizing))
        console.print(_tallies("Draining themes", result.themes_draining))
