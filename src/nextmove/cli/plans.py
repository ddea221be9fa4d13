"""`nextmove plan`: alternative plans (Designing Your Life's Odyssey plans) side by side."""

from __future__ import annotations

import shlex
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from nextmove.cli.context import (
    AsOf,
    JsonFlag,
    console,
    err_console,
    now,
    print_json,
    state,
    today_from,
)
from nextmove.cli.editor import edit_text
from nextmove.cli.render import findings_table, plural, steps_table
from nextmove.domain.check import weaknesses
from nextmove.domain.vision import GAUGE_MEANINGS, GAUGES, Gauges
from nextmove.errors import UserError
from nextmove.formats.plan_json import compare_plans_json, plan_list_json, plan_summary_json
from nextmove.services import plans as service
from nextmove.services.plans import PlanSummary

app = typer.Typer(
    help="Alternative plans side by side: your main plan and up to three others (the path "
    "you're on, what you'd do if it vanished, the wild card), each with its own steps, "
    "choices, note and four gauges.",
    no_args_is_help=True,
)

NameArg = Annotated[str, typer.Argument(help="The plan's name ('main' is your main plan).")]


def _gauge_option(name: str) -> object:
    return typer.Option(
        f"--{name}", min=0, max=100, help=f"0–100: {GAUGE_MEANINGS[name]}", show_default=False
    )


def _gauges_line(gauges: Gauges) -> str:
    return "  ".join(
        f"{name} {value if value is not None else '–'}" for name, value in gauges.as_dict().items()
    )


def _title(summary: PlanSummary) -> str:
    return escape(summary.name) + (" (main plan)" if summary.main else "")


@app.command("list")
def list_(ctx: typer.Context, json: JsonFlag = False, as_of: AsOf = None) -> None:
    """List your plans, the main plan first, with their gauges and check."""
    summaries = service.list_plans(state(ctx).db(), today=today_from(as_of))
    if json:
        print_json(plan_list_json(summaries))
        return
    table = Table(
        show_header=True,
        header_style="bold",
        caption="Gauges 0–100: resources, likeability, confidence, coherence.",
        caption_justify="left",
    )
    table.add_column("Plan", ratio=2)
    table.add_column("Two jobs from now", ratio=2)
    table.add_column("Gauges", no_wrap=True)
    table.add_column("Check", ratio=1)
    for s in summaries:
        last = s.plan.steps[1].title if len(s.plan.steps) > 1 else "–"
        weak = len(weaknesses(s.findings))
        table.add_row(
            _title(s),
            escape(last or "(no title)"),
            " ".join(
                f"{v:>3}" if v is not None else "  –" for v in s.plan.gauges.as_dict().values()
            ),
            f"[red]{plural(weak, 'weakness', 'weaknesses')}[/]" if weak else "[green]clear[/]",
        )
    console.print(table)
    if len(summaries) == 1:
        console.print(
            "Only your main plan so far. Add an alternative: `nextmove plan add 'wild card'` "
            "(or `--from main` to start from a copy)."
        )


@app.command("show")
def show(ctx: typer.Context, name: NameArg, json: JsonFlag = False, as_of: AsOf = None) -> None:
    """Show one plan: steps, choices, note, gauges, its check and the opportunities it serves."""
    summary = service.show_plan(state(ctx).db(), name, today=today_from(as_of))
    if json:
        print_json(plan_summary_json(summary))
        return
    plan = summary.plan
    console.print(f"[bold]{_title(summary)}[/]")
    if plan.note:
        console.print(plan.note)
    console.print(f"[bold]Gauges[/]  {_gauges_line(plan.gauges)}")
    c = plan.choices
    console.print(
        f"[bold]Choices[/] industry: {c.industry}   company: {c.company}   city: {c.city}"
    )
    if plan.steps:
        console.print(steps_table(plan.steps))
    else:
        console.print(f"No steps yet: `nextmove plan edit {shlex.quote(plan.name)}`.")
    if summary.findings:
        console.print(findings_table(summary.findings))
    else:
        console.print("[green]✓[/] The check finds no weakness in this plan.")
    if summary.serves:
        console.print("[bold]Opportunities it serves[/]")
        for opp, fit in summary.serves:
            console.print(f"  {opp.label} — {fit.why}")
    if summary.meetings:
        console.print(f"{summary.meetings} research meeting(s) explored this plan.")


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="A short name, e.g. 'wild card'.")],
    from_: Annotated[
        str | None,
        typer.Option(
            "--from", metavar="PLAN", help="Start from a copy of this plan's steps and choices."
        ),
    ] = None,
) -> None:
    """Add an alternative plan (up to three besides your main plan)."""
    plan = service.create_plan(state(ctx).db(), name, source=from_, now=now())
    copied = f", a copy of {from_}'s {plural(len(plan.steps), 'step', 'steps')}" if from_ else ""
    console.print(
        f"Added the plan {plan.name!r}{copied}. Write its steps with "
        f"`nextmove plan edit {shlex.quote(plan.name)}`."
    )


@app.command("set")
def set_(
    ctx: typer.Context,
    name: NameArg,
    resources: Annotated[int | None, _gauge_option("resources")] = None,
    likeability: Annotated[int | None, _gauge_option("likeability")] = None,
    confidence: Annotated[int | None, _gauge_option("confidence")] = None,
    coherence: Annotated[int | None, _gauge_option("coherence")] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note on the plan.")] = None,
    rename: Annotated[str | None, typer.Option("--name", help="A new name.")] = None,
) -> None:
    """Set a plan's gauges (0–100), note or name; what you leave out stays."""
    given = {
        "resources": resources,
        "likeability": likeability,
        "confidence": confidence,
        "coherence": coherence,
    }
    gauges: dict[str, int | None] = {k: v for k, v in given.items() if v is not None}
    if not gauges and note is None and rename is None:
        raise UserError(
            "nothing to set",
            hint="e.g. `nextmove plan set 'wild card' --confidence 70 --likeability 90`.",
        )
    plan = service.change_plan(
        state(ctx).db(), name, gauges=gauges, note=note, rename=rename, now=now()
    )
    console.print(f"{plan.name}: {_gauges_line(plan.gauges)}")


@app.command("edit")
def edit(ctx: typer.Context, name: NameArg) -> None:
    """Open one plan as TOML in $EDITOR; validated on save, reopened if it has errors."""
    st = state(ctx)
    db = st.db()
    original = service.export_plan(db, name)
    text = original
    while True:
        text = edit_text(st.settings.editor, text, "plan.toml")
        if text == original:
            console.print("No changes.")
            return
        try:
            plan = service.import_plan(db, name, text, source="plan.toml", now=now())
        except UserError as exc:  # InvalidInput included
            err_console.print(f"[bold red]Not saved:[/] {exc.message}", soft_wrap=True)
            if typer.confirm("Reopen the editor to fix it?", default=True):
                continue
            raise UserError("nothing was saved") from None
        console.print(
            f"Saved the plan {plan.name!r}: {plural(len(plan.steps), 'step', 'steps')}. "
            "Run `nextmove plan compare` next."
        )
        return


@app.command("compare")
def compare(
    ctx: typer.Context,
    json: JsonFlag = False,
    as_of: AsOf = None,
    people: Annotated[
        int, typer.Option("--people", min=0, max=10, help="People to meet per plan.")
    ] = 3,
) -> None:
    """Your plans side by side: steps, gauges, the check, opportunities and people for each."""
    st = state(ctx)
    db = st.db()
    today = today_from(as_of)
    summaries = service.list_plans(db, today=today)
    to_meet = (
        service.people_for_plans(
            db,
            today=today,
            limit=people,
            weights=st.settings.weights(),
            cooldown_days=st.settings.suggest_cooldown_days,
        )
        if people
        else {}
    )
    if json:
        print_json(compare_plans_json(summaries, to_meet))
        return
    table = Table(show_header=True, header_style="bold", show_lines=True)
    table.add_column("")
    for s in summaries:
        table.add_column(_title(s))
    for index, label in enumerate(("Next job", "Two jobs from now")):
        table.add_row(
            label,
            *(
                escape(s.plan.steps[index].title or "(no title)")
                if len(s.plan.steps) > index
                else "–"
                for s in summaries
            ),
        )
    table.add_row(
        "Choices",
        *(
            f"industry {s.plan.choices.industry}\ncompany {s.plan.choices.company}\n"
            f"city {s.plan.choices.city}"
            for s in summaries
        ),
    )
    for gauge in GAUGES:
        table.add_row(
            gauge.capitalize(),
            *(
                str(getattr(s.plan.gauges, gauge))
                if getattr(s.plan.gauges, gauge) is not None
                else "–"
                for s in summaries
            ),
        )
    table.add_row(
        "Check",
        *(
            "\n".join(f"✗ {f.message}" for f in weaknesses(s.findings)) or "clear"
            for s in summaries
        ),
    )
    table.add_row(
        "Opportunities",
        *("\n".join(escape(o.label) for o, _f in s.serves) or "–" for s in summaries),
    )
    if people:
        table.add_row(
            "People to meet",
            *(
                "\n".join(escape(p.candidate.name) for p in to_meet.get(s.name, [])) or "–"
                for s in summaries
            ),
        )
    table.add_row("Meetings", *(str(s.meetings) for s in summaries))
    console.print(table)


@app.command("promote")
def promote(ctx: typer.Context, name: NameArg) -> None:
    """Make a plan your main plan; the old main plan is kept as an alternative."""
    db = state(ctx).db()
    vision = service.promote(db, name, now=now())
    kept = vision.alternatives
    console.print(
        f"{vision.plan_name!r} is now your main plan; "
        + ", ".join(repr(p.name) for p in kept)
        + (" stay as alternatives." if len(kept) > 1 else " stays as an alternative.")
    )


@app.command("delete")
def delete(
    ctx: typer.Context,
    name: NameArg,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")] = False,
) -> None:
    """Delete an alternative plan (its steps go; meetings that explored it stay)."""
    db = state(ctx).db()
    name = service.plan_to_delete(db, name).name
    if not yes and not typer.confirm(f"Delete the plan {name!r} and its steps?", default=False):
        raise typer.Exit(1)
    plan = service.remove_plan(db, name, now=now())
    console.print(f"Deleted the plan {plan.name!r}.")
