"""`nextmove suggest` and `nextmove path`: who to talk to next, and how to reach them."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from nextmove.cli.context import AsOf, JsonFlag, console, print_json, state, today_from
from nextmove.domain.levels import level_label
from nextmove.formats.json_shapes import paths_json, suggestions_json
from nextmove.services import suggest as suggest_service


def suggest(
    ctx: typer.Context,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="How many people to list.")
    ] = 10,
    why: Annotated[int, typer.Option(help="How many reasons to show per person.")] = 3,
    as_of: AsOf = None,
    json: JsonFlag = False,
    plan: Annotated[
        str | None,
        typer.Option("--plan", metavar="NAME", help="Aim at this plan (default: your main plan)."),
    ] = None,
) -> None:
    """The people to meet next for a 30-minute research meeting, best first, with reasons."""
    st = state(ctx)
    result = suggest_service.suggest_people(
        st.db(),
        today=today_from(as_of),
        limit=limit,
        weights=st.settings.weights(),
        cooldown_days=st.settings.suggest_cooldown_days,
        plan=plan,
    )
    if json:
        print_json(suggestions_json(result))
        return
    if not result.suggestions:
        console.print(
            "No one to suggest yet. Import your network (`nextmove import linkedin FILE`, "
            "`nextmove import orgchart FILE`) and set your vision (`nextmove vision edit`)."
        )
        return
    table = Table(title="Who to talk to next", show_lines=True, title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("Person")
    table.add_column("Score", justify="right")
    table.add_column("Why")
    for rank, s in enumerate(result.suggestions, start=1):
        c = s.candidate
        who = f"[bold]{escape(c.name)}[/]\n{escape(c.title)}" + (
            f"\n{escape(c.organization)}" if c.organization else ""
        )
        if c.level is not None:
            who += f"\n[dim]{level_label(c.level)}{' · ' + c.function if c.function else ''}[/]"
        if c.member_ref:
            who += f"\n[dim]from the {escape(c.source_org)} org chart · {escape(c.member_ref)}[/]"
        reasons = [r for r in s.reasons if r.contribution][:why]
        lines = [
            f"{'[green]+[/]' if r.contribution > 0 else '[red]−[/]'} {escape(r.text)}"
            for r in reasons
        ]
        table.add_row(str(rank), who, f"{s.score:.1f}", "\n".join(lines))
    console.print(table)
    if not result.linked and result.charted:
        console.print(
            "[dim]Tip: link yourself to your record in the org chart (`nextmove me link REF`) "
            "for exact levels and warm paths through your manager.[/]"
        )


def path(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(help="The person: an id or a name.")],
    limit: Annotated[int, typer.Option(min=1, max=10, help="How many paths to show.")] = 3,
    json: JsonFlag = False,
) -> None:
    """The best warm-introduction paths to a person, up to three hops, with tie strengths."""
    result = suggest_service.warm_paths(state(ctx).db(), ref, limit=limit)
    if json:
        print_json(paths_json(result))
        return
    if result.direct:
        console.print(f"You know {escape(result.name)} directly ({escape(result.direct[1])}).")
    if not result.paths:
        if not result.direct:
            console.print(
                f"No warm path to {escape(result.name)} within three hops. Ask the people you "
                "meet who knows them."
            )
        return
    console.print(f"Warm paths to [bold]{escape(result.name)}[/]:")
    for number, described in enumerate(result.described, start=1):
        console.print(f"  {number}. " + escape(" → ".join(("you", *described))))
