"""`nextmove moves`: where people in your role went next, and who made the move you want."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from nextmove.cli.context import AsOf, JsonFlag, console, print_json, state, today_from
from nextmove.domain.levels import level_label
from nextmove.domain.moves import Move, MovesReport
from nextmove.formats.moves_json import ONET_CREDIT, meeting_step, moves_json
from nextmove.services import moves as service


def moves(
    ctx: typer.Context,
    from_title: Annotated[
        str | None,
        typer.Option("--from", metavar="TITLE", help="The role people left (default: yours)."),
    ] = None,
    to_title: Annotated[
        str | None,
        typer.Option(
            "--to", metavar="TITLE", help="Only the people who went to this role, by name."
        ),
    ] = None,
    as_of: AsOf = None,
    json: JsonFlag = False,
) -> None:
    """The moves people in your network actually made: where people in your role went next
    (with counts, typical time in role and who did it), or with --to exactly who made that
    move — each a candidate for a research meeting."""
    today = today_from(as_of)
    report = service.find_moves(
        state(ctx).db(), from_title=from_title, to_title=to_title, as_of=today
    )
    if json:
        print_json(moves_json(report))
        return
    if report.target is not None:
        _print_move(report)
    else:
        _print_destinations(report)
    _print_onet(report)


def _who(move: Move) -> str:
    year = f" ({move.year})" if move.year else ""
    org = f" at {move.to_organization}" if move.to_organization else ""
    return f"{move.name}: {move.from_title} → {move.to_title}{org}{year}"


def _print_destinations(report: MovesReport) -> None:
    origin = report.origin.title
    if not report.destinations:
        console.print(
            f"Nobody in your network is known to have left a role like {escape(origin)!s} "
            f"({report.observed} moves seen in {report.careers} histories)."
        )
        return
    table = Table(
        title=f"Where people in a role like {escape(origin)} went next",
        title_justify="left",
        show_lines=True,
    )
    table.add_column("Next role")
    table.add_column("People", justify="right")
    table.add_column("Typical time in role", justify="right")
    table.add_column("Who")
    for d in report.destinations:
        kind = level_label(d.level) + (f" · {d.function}" if d.function else "")
        months = f"{d.typical_months} months" if d.typical_months is not None else "—"
        who = "\n".join(escape(_who(m)) for m in d.moves[:5])
        if len(d.moves) > 5:
            who += f"\n… and {len(d.moves) - 5} more"
        table.add_row(f"{escape(d.title)}\n[dim]{escape(kind)}[/]", str(d.people), months, who)
    console.print(table)
    console.print(
        "[dim]Meet one of them: `nextmove moves --to TITLE` lists who made a move, with the "
        "step to plan the meeting.[/]"
    )


def _print_move(report: MovesReport) -> None:
    assert report.target is not None
    move = f"{report.origin.title} → {report.target.title}"
    if report.moves:
        console.print(f"[bold]{len(report.moves)} made the move {escape(move)}:[/]")
        for m in report.moves:
            console.print(f"  {escape(_who(m))}")
            console.print(f"    [dim]Plan a research meeting: `{escape(meeting_step(m))}`[/]")
        return
    console.print(f"Nobody in your network is known to have made the move {escape(move)}.")
    if report.nearest:
        console.print("The nearest moves:")
        for m in report.nearest:
            console.print(f"  {escape(_who(m))}")
            console.print(f"    [dim]Plan a research meeting: `{escape(meeting_step(m))}`[/]")


def _print_onet(report: MovesReport) -> None:
    if not report.onet_occupation:
        return
    console.print(
        f"\nO*NET files {escape(report.origin.title)} under "
        f"[bold]{escape(report.onet_occupation)}[/]; its related occupations:"
    )
    for r in report.onet_related:
        console.print(f"  {escape(r.title)}")
    if report.onet_target_related is not None and report.target is not None:
        verdict = "is" if report.onet_target_related else "is not"
        console.print(f"{escape(report.target.title)} {verdict} among them.")
    console.print(f"[dim]{ONET_CREDIT}[/]")
