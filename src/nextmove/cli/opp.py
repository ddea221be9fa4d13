"""`nextmove opp`: every option you are weighing, judged against your own plan."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from nextmove.cli import opp_people
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
from nextmove.cli.files import read_bytes
from nextmove.cli.opp_render import (
    compare_table,
    evaluation_panel,
    opportunity_detail,
    opportunity_table,
    source_mix_lines,
)
from nextmove.domain.edits import OpportunityInput
from nextmove.domain.functions import FUNCTIONS
from nextmove.domain.levels import LADDER, level_label
from nextmove.domain.opportunities import Source, Status
from nextmove.errors import UserError
from nextmove.formats.opportunity_json import (
    compare_json,
    evaluate_json,
    list_json,
    opportunity_json,
)
from nextmove.services import opportunities as service

app = typer.Typer(
    help="Opportunities: every option, whatever its source, judged against your own plan.",
    no_args_is_help=True,
)

OppId = Annotated[int, typer.Argument(help="The opportunity's # (see `nextmove opp list`).")]
Organization = Annotated[
    str | None, typer.Option("--organization", "-o", help="The organization hiring.")
]
Function = Annotated[str | None, typer.Option(help="Kind of work: " + ", ".join(FUNCTIONS) + ".")]
Level = Annotated[
    str | None,
    typer.Option(help="Seniority: " + ", ".join(lv.key for lv in LADDER) + " (or 0–11)."),
]
Industry = Annotated[str | None, typer.Option(help="The role's industry.")]
City = Annotated[str | None, typer.Option(help="Where the role is based.")]
Remote = Annotated[
    bool | None, typer.Option("--remote/--on-site", help="Whether the role is remote.")
]
SourceOpt = Annotated[
    str | None,
    typer.Option(help="Where it came from: " + ", ".join(Source) + "."),
]
Link = Annotated[str | None, typer.Option(help="A link to the posting or your notes.")]
Notes = Annotated[str | None, typer.Option(help="Anything worth remembering.")]
Brand = Annotated[
    bool | None,
    typer.Option("--brand/--no-brand", help="A famous name or a title that impresses people."),
]
Involves = Annotated[
    list[str] | None,
    typer.Option(
        "--involves",
        "-i",
        help="What the work is made of (repeatable): 'customer interviews', 'coaching'.",
    ),
]
Day = Annotated[
    str | None,
    typer.Option("--date", metavar="YYYY-MM-DD", help="When; default: --as-of or today."),
]


def _fields(involves: list[str] | None = None, **values: Any) -> OpportunityInput:
    return OpportunityInput(involves=tuple(involves) if involves is not None else None, **values)


@app.command("add")
def add(
    ctx: typer.Context,
    title: Annotated[
        str | None, typer.Argument(help="The role's title (optional with --from-text).")
    ] = None,
    organization: Organization = None,
    function: Function = None,
    level: Level = None,
    industry: Industry = None,
    city: City = None,
    remote: Remote = None,
    source: SourceOpt = None,
    link: Link = None,
    notes: Notes = None,
    brand: Brand = None,
    involves: Involves = None,
    from_text: Annotated[
        Path | None,
        typer.Option(
            "--from-text",
            metavar="FILE",
            help="A pasted job posting (text file, - for stdin): fills title, organization, "
            "level, function and location where it can; options you give win.",
        ),
    ] = None,
    day: Day = None,
    as_of: AsOf = None,
) -> None:
    """Add an opportunity, by hand or from a pasted job posting."""
    given = _fields(
        title=title,
        organization=organization,
        function=function,
        level=level,
        industry=industry,
        city=city,
        remote=remote,
        source=source,
        link=link,
        notes=notes,
        brand=brand,
        involves=involves,
    )
    raw, where = read_bytes(from_text) if from_text is not None else (None, "")
    if raw is None and not given.title:
        raise UserError(
            "give the role's title",
            hint="e.g. `nextmove opp add 'Director of Product' --source recruiter`",
        )
    when = parse_date(day, option="--date") if day else today_from(as_of)
    added = service.add_from_input(
        state(ctx).db(), given, posting=raw, posting_source=where, today=when, now=now()
    )
    opp, found, missing, filled = added.opportunity, added.found, added.missing, added.filled
    console.print(
        escape(
            f"Added #{opp.id}: {opp.title}"
            + (f" at {opp.organization}" if opp.organization else "")
            + f" ({level_label(opp.level)}, {opp.source.value})."
        )
    )
    if found:
        console.print("[dim]From the posting: " + escape("; ".join(found)) + ".[/]")
    if filled:
        console.print(
            "[dim]From the title: "
            + escape("; ".join(filled))
            + f". Change with `nextmove opp edit {opp.id} --level … --function …`.[/]"
        )
    if missing:
        console.print(
            "[yellow]Not found in the posting:[/] "
            + ", ".join(missing)
            + f". Fill in with `nextmove opp edit {opp.id} --{missing[0]} …`."
        )
    console.print(f"Next: `nextmove opp evaluate {opp.id}`.")


@app.command("edit")
def edit(
    ctx: typer.Context,
    opp_id: OppId,
    title: Annotated[str | None, typer.Option(help="The role's title.")] = None,
    organization: Organization = None,
    function: Function = None,
    level: Level = None,
    industry: Industry = None,
    city: City = None,
    remote: Remote = None,
    source: SourceOpt = None,
    link: Link = None,
    notes: Notes = None,
    brand: Brand = None,
    involves: Involves = None,
) -> None:
    """Change fields of an opportunity; --involves replaces the whole list."""
    opp = service.edit_opportunity(
        state(ctx).db(),
        opp_id,
        _fields(
            title=title,
            organization=organization,
            function=function,
            level=level,
            industry=industry,
            city=city,
            remote=remote,
            source=source,
            link=link,
            notes=notes,
            brand=brand,
            involves=involves,
        ),
        now=now(),
    )
    console.print(escape(f"Saved #{opp.id}: {opp.title}."))


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[
        str | None, typer.Option(help="Only this status: " + ", ".join(Status) + ".")
    ] = None,
    json: JsonFlag = False,
) -> None:
    """List your opportunities and where they come from (the source mix)."""
    opportunities, mix = service.list_opportunities(state(ctx).db(), status=status)
    if json:
        print_json(list_json(opportunities, mix))
        return
    if not opportunities:
        console.print(
            "No opportunities yet. Add one with `nextmove opp add TITLE --source …` "
            "or `nextmove opp add --from-text posting.txt`."
        )
    else:
        console.print(opportunity_table(opportunities))
    for line in source_mix_lines(mix):
        console.print(line)


@app.command("show")
def show(ctx: typer.Context, opp_id: OppId, json: JsonFlag = False) -> None:
    """Show one opportunity with its status history, ratings and decisions."""
    opp = service.get_opportunity(state(ctx).db(), opp_id)
    if json:
        print_json(opportunity_json(opp))
        return
    console.print(opportunity_detail(opp))


@app.command("status")
def status(
    ctx: typer.Context,
    opp_id: OppId,
    new_status: Annotated[str, typer.Argument(help="One of: " + ", ".join(Status) + ".")],
    note: Annotated[str, typer.Option(help="Why, or what happened.")] = "",
    day: Day = None,
    as_of: AsOf = None,
) -> None:
    """Move an opportunity to a new status; the change is kept, dated, in its history."""
    when = parse_date(day, option="--date") if day else today_from(as_of)
    opp = service.set_status(state(ctx).db(), opp_id, new_status, day=when, note=note, now=now())
    console.print(escape(f"#{opp.id} {opp.title}: {opp.status.value} since {when}."))


@app.command("rate")
def rate(
    ctx: typer.Context,
    opp_id: OppId,
    priority: Annotated[str, typer.Argument(help="A priority by name or rank (1–3).")],
    rating: Annotated[
        int | None,
        typer.Argument(help="1 works against it, 3 neutral, 5 serves it fully."),
    ] = None,
    clear: Annotated[
        bool, typer.Option("--clear", help="Remove your rating (back to the inferred default).")
    ] = False,
) -> None:
    """Rate how well an opportunity serves one of your priorities (1–5)."""
    if rating is None and not clear:
        raise UserError(
            "give a rating from 1 to 5, or --clear", hint="e.g. `nextmove opp rate 3 1 4`"
        )
    name, opp = service.rate_opportunity(
        state(ctx).db(), opp_id, priority, None if clear else rating, now=now()
    )
    if clear:
        console.print(
            f"#{opp.id}: your rating for {name} is cleared (an inferred default applies)."
        )
    else:
        console.print(f"#{opp.id}: {name} rated {rating}/5.")


@app.command("delete")
def delete(ctx: typer.Context, opp_id: OppId) -> None:
    """Delete an opportunity with its history, ratings and decisions."""
    service.delete_opportunity(state(ctx).db(), opp_id)
    console.print(f"Deleted opportunity #{opp_id}.")


@app.command("decide")
def decide(
    ctx: typer.Context,
    opp_id: OppId,
    choice: Annotated[
        str,
        typer.Option(
            help="What you decided: apply, explore, accept, decline, pass (these also set the "
            "status), or your own words."
        ),
    ],
    why: Annotated[str, typer.Option(help="Your reasons, kept for later reflection.")],
    day: Day = None,
    as_of: AsOf = None,
) -> None:
    """Record a decision and why, for later reflection."""
    when = parse_date(day, option="--date") if day else today_from(as_of)
    decision, new_status = service.decide(
        state(ctx).db(), opp_id, choice=choice, why=why, day=when, now=now()
    )
    console.print(escape(f"Recorded on {decision.day}: {decision.choice} — {decision.why}"))
    if new_status is not None:
        console.print(f"Status of #{opp_id} is now {new_status.value}.")


@app.command("evaluate")
def evaluate(
    ctx: typer.Context,
    opp_ids: Annotated[
        list[int] | None,
        typer.Argument(help="Opportunities to evaluate; default: every one not yet closed."),
    ] = None,
    as_of: AsOf = None,
    json: JsonFlag = False,
) -> None:
    """Judge opportunities against your plan: priority fit, energy, reach, choices, flags, and
    a verdict."""
    evaluations, mix = service.evaluate(
        state(ctx).db(), list(opp_ids or []), today=today_from(as_of)
    )
    if json:
        print_json(evaluate_json(evaluations, mix))
        return
    if not evaluations:
        console.print("No open opportunities to evaluate. Add one with `nextmove opp add`.")
    for e in evaluations:
        console.print(evaluation_panel(e))
    for line in source_mix_lines(mix):
        console.print(line)


@app.command("compare")
def compare(
    ctx: typer.Context,
    opp_ids: Annotated[list[int], typer.Argument(help="Two or more opportunities.")],
    as_of: AsOf = None,
    json: JsonFlag = False,
) -> None:
    """Compare opportunities side by side on every criterion, best first."""
    evaluations = service.compare(state(ctx).db(), list(opp_ids), today=today_from(as_of))
    if json:
        print_json(compare_json(evaluations))
        return
    console.print(compare_table(evaluations))
    best = evaluations[0]
    console.print(
        f"Best against your plan: [bold]#{best.opportunity.id} {escape(best.opportunity.title)}[/]"
        f" — {escape(best.verdict.text)}"
    )


app.command("people")(opp_people.people)
app.command("link")(opp_people.link)
app.command("unlink")(opp_people.unlink)
app.command("meet")(opp_people.meet)
