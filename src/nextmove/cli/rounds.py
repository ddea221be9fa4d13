"""`nextmove round`: a round of informational interviews, planned and tracked."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from nextmove.cli.context import AsOf, JsonFlag, console, print_json, state, today_from
from nextmove.formats.digest_json import round_plan_json, round_progress_json
from nextmove.services import meeting_rounds
from nextmove.services import suggest as suggest_service

app = typer.Typer(
    help="A round of 30-minute informational interviews: a diverse handful of people, paced "
    "over a few weeks.",
    no_args_is_help=True,
)


@app.command("plan")
def plan(
    ctx: typer.Context,
    size: Annotated[int, typer.Option(help="How many people to meet in the round.")] = 6,
    weeks: Annotated[int, typer.Option(help="Over how many weeks.")] = 3,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the plan; save nothing.")
    ] = False,
    as_of: AsOf = None,
    json: JsonFlag = False,
    plan_name: Annotated[
        str | None,
        typer.Option(
            "--plan",
            metavar="NAME",
            help="Aim the round at this plan (default: your main plan); its meetings record it.",
        ),
    ] = None,
) -> None:
    """Plan a round from your suggestions and save it as meeting ideas to turn into requests."""
    st = state(ctx)
    result = suggest_service.plan_research_round(
        st.db(),
        today=today_from(as_of),
        size=size,
        weeks=weeks,
        weights=st.settings.weights(),
        cooldown_days=st.settings.suggest_cooldown_days,
        save=not dry_run,
        plan=plan_name,
    )
    if json:
        print_json(round_plan_json(result))
        return
    table = Table(title="Your round of research meetings", title_justify="left")
    for column in ("Week", "Reach out by", "Person", "Why"):
        table.add_column(column)
    for s in result.slots:
        c = s.suggestion.candidate
        who = escape(c.name) + (f"\n[dim]{escape(c.title)}[/]" if c.title else "")
        why = "\n".join(escape(r.text) for r in s.suggestion.reasons[:2])
        table.add_row(
            str(s.week), s.reach_out_by.isoformat(), who, f"{escape(s.why_chosen)}\n{why}"
        )
    console.print(table)
    if result.round_id is None:
        console.print("Dry run: nothing saved. Run without --dry-run to save the round.")
    else:
        console.print(
            f"Saved as round #{result.round_id}: a meeting idea for each person. Next: "
            "`nextmove meeting list --state idea`, then `nextmove meeting draft ID --kind request`."
        )


@app.command("show")
def show(ctx: typer.Context, json: JsonFlag = False) -> None:
    """How the current round is going: ideas, requests, scheduled and held meetings per week."""
    db = state(ctx).db()
    round_id = meeting_rounds.current_round_id(db)
    if round_id is None:
        if json:
            print_json(None)
            return
        console.print("No round yet. Plan one with `nextmove round plan`.")
        return
    progress = meeting_rounds.round_progress(db, round_id)
    if json:
        print_json(round_progress_json(progress))
        return
    states = sorted(
        {state for counts in progress.per_week.values() for state in counts} | set(progress.totals)
    )
    table = Table(
        title=f"Round #{progress.round_id} (planned {progress.created_on}, "
        f"{progress.size} people over {progress.weeks} weeks)",
        title_justify="left",
    )
    table.add_column("Week")
    for name in states:
        table.add_column(name)
    for week, counts in sorted(progress.per_week.items()):
        table.add_row(str(week), *(str(counts.get(name, 0)) for name in states))
    table.add_row("all", *(str(progress.totals.get(name, 0)) for name in states))
    console.print(table)
