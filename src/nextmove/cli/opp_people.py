"""`nextmove opp people|link|unlink|meet`: the people at each opportunity."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from nextmove.cli.context import AsOf, JsonFlag, console, now, print_json, state, today_from
from nextmove.domain.levels import level_label
from nextmove.domain.opportunities import ROLES, PersonNear
from nextmove.formats.opportunity_json import opportunity_people_json
from nextmove.services import opportunity_people as service

OppId = Annotated[int, typer.Argument(help="The opportunity's # (see `nextmove opp list`).")]
PersonRef = Annotated[str, typer.Argument(help="The person: an id or a name.")]
ROLE_HELP = "Their part in it: " + ", ".join(ROLES) + "."


def _line(p: PersonNear) -> str:
    ref = escape(p.member_ref) if p.member_ref else f"#{p.person_id}"
    who = f"{ref} [bold]{escape(p.name)}[/]"
    if p.title or p.organization:
        who += " — " + escape(" at ".join(x for x in (p.title, p.organization) if x))
    if p.level is not None:
        who += f" [dim]({level_label(p.level)})[/]"
    if p.roles:
        who += " · " + ", ".join(r.replace("-", " ") for r in p.roles)
    if p.member_ref:
        reach = f"from the org chart, not one of your people yet: {escape(p.why)}"
    elif p.direct:
        reach = f"you know them ({escape(p.direct[1])})"
    elif p.path:
        reach = "warm path: " + escape(" → ".join(("you", *p.path)))
    else:
        reach = "no warm path yet: ask who knows them"
    return f"  {who}\n      {reach}"


def people(ctx: typer.Context, opp_id: OppId, json: JsonFlag = False) -> None:
    """The people at an opportunity or near it, and how to reach each one."""
    found = service.people_for(state(ctx).db(), opp_id)
    if json:
        print_json(opportunity_people_json(found))
        return
    console.print(f"People for #{opp_id} {escape(found.title)} at {escape(found.organization)}")
    sections = (
        ("Involved", found.involved),
        (f"You know at {found.organization or 'the organization'}", found.at_organization),
        ("Doing this kind of work elsewhere", found.nearby),
        (f"In {found.organization}'s org chart", found.in_chart),
    )
    shown = False
    for title, group in sections:
        if group:
            shown = True
            console.print(f"[bold]{escape(title)}[/]")
            for p in group:
                console.print(_line(p))
    if not shown:
        console.print(
            "No one yet. Link the hiring manager with `nextmove opp link ID REF "
            "--role hiring-manager`, or import your network."
        )
    else:
        console.print(f"Plan a research meeting: `nextmove opp meet {opp_id} REF`.")


def link(
    ctx: typer.Context,
    opp_id: OppId,
    ref: PersonRef,
    role: Annotated[str, typer.Option(help=ROLE_HELP)] = "contact",
) -> None:
    """Link a person to an opportunity: its hiring manager, who referred you, a contact."""
    name, added = service.link_person(state(ctx).db(), opp_id, ref, role=role, now=now())
    verb = "Linked" if added else "Already linked:"
    console.print(f"{verb} {escape(name)} to #{opp_id} as {role.replace('-', ' ')}.")


def unlink(
    ctx: typer.Context,
    opp_id: OppId,
    ref: PersonRef,
    role: Annotated[str | None, typer.Option(help="Only this role; default: every role.")] = None,
) -> None:
    """Remove a person's link to an opportunity."""
    service.unlink_person(state(ctx).db(), opp_id, ref, role=role)
    console.print(f"Unlinked {escape(ref)} from #{opp_id}.")


def meet(
    ctx: typer.Context,
    opp_id: OppId,
    ref: PersonRef,
    why: Annotated[
        str, typer.Option(help="Why them; default: their part in the opportunity.")
    ] = "",
    as_of: AsOf = None,
) -> None:
    """Plan a 30-minute research meeting with someone at or near the opportunity."""
    meeting = service.plan_meeting(
        state(ctx).db(), opp_id, ref, why=why, today=today_from(as_of), now=now()
    )
    console.print(
        f"Meeting idea #{meeting.id} with {escape(meeting.person_name)}: {escape(meeting.why)}\n"
        f"Next: `nextmove meeting draft {meeting.id} --kind request`."
    )
