"""`nextmove me`: your current position."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from nextmove.cli.context import JsonFlag, console, now, print_json, state
from nextmove.cli.render import position_line
from nextmove.domain.edits import PositionEdit
from nextmove.domain.functions import FUNCTIONS
from nextmove.domain.levels import LADDER
from nextmove.formats.json_shapes import position_json
from nextmove.services import vision as vision_service

app = typer.Typer(
    help="Your current position: title, organization, level, function, city.", no_args_is_help=True
)

LEVEL_HELP = "Seniority: " + ", ".join(lv.key for lv in LADDER) + " (or 0–11)."
FUNCTION_HELP = "Kind of work: " + ", ".join(FUNCTIONS) + "."


@app.command("show")
def show(ctx: typer.Context, json: JsonFlag = False) -> None:
    """Show your current position."""
    me = vision_service.get_vision(state(ctx).db()).me
    if json:
        print_json(position_json(me))
        return
    if not (me.name or me.title):
        console.print(
            "No position yet. Set it with `nextmove me set --title … --level …`, "
            "or import a vision file."
        )
        return
    console.print(f"[bold]{escape(me.name or 'You')}[/]: {position_line(me)}")


@app.command("set")
def set_(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option(help="Your name.")] = None,
    title: Annotated[str | None, typer.Option(help="Your job title today.")] = None,
    organization: Annotated[str | None, typer.Option(help="Where you work today.")] = None,
    function: Annotated[str | None, typer.Option(help=FUNCTION_HELP)] = None,
    level: Annotated[str | None, typer.Option(help=LEVEL_HELP)] = None,
    industry: Annotated[str | None, typer.Option(help="Your industry today.")] = None,
    city: Annotated[str | None, typer.Option(help="Where you live and work today.")] = None,
) -> None:
    """Change fields of your current position; fields you leave out keep their value."""
    edit = PositionEdit(
        name=name,
        title=title,
        organization=organization,
        function=function,
        level=level,
        industry=industry,
        city=city,
    )
    if edit.empty:
        raise typer.BadParameter("give at least one field, e.g. --title 'Senior PM'")
    me = vision_service.set_position(state(ctx).db(), edit, now=now())
    console.print(f"Saved: {position_line(me)}")


@app.command("link")
def link(
    ctx: typer.Context,
    ref: Annotated[
        str | None, typer.Argument(help="Your own person record (id or name) in your network.")
    ] = None,
    unlink: Annotated[bool, typer.Option("--unlink", help="Remove the link.")] = False,
) -> None:
    """Link you to your own person record, so an org chart can place you (`import orgchart
    --me EMPLOYEE_ID` does it too)."""
    from nextmove.services import people as people_service

    if unlink:
        people_service.link_me(state(ctx).db(), None)
        console.print("You are no longer linked to a person record.")
        return
    if ref is None:
        raise typer.BadParameter("give your person record's id or name, or --unlink")
    person = people_service.link_me(state(ctx).db(), ref)
    assert person is not None
    console.print(f"You are #{person.id} {person.name}.")
