"""`nextmove people …`, `nextmove touch`: the people you know."""

from __future__ import annotations

import sys
from pathlib import Path
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
from nextmove.cli.org_facts import print_org_facts
from nextmove.domain.edits import PersonEdit
from nextmove.domain.functions import FUNCTIONS
from nextmove.domain.levels import LADDER, level_label
from nextmove.domain.merge import describe_position
from nextmove.domain.people import InteractionKind, TieSource
from nextmove.formats.json_shapes import (
    person_detail_public,
    person_json,
    person_line_json,
    person_list_json,
    person_public,
    tie_public,
    touch_public,
)
from nextmove.services import meetings as meetings_service
from nextmove.services import people as people_service

app = typer.Typer(
    help="The people you know: list, show, add, edit, merge, delete, tie.", no_args_is_help=True
)

LEVEL_HELP = (
    "Seniority (your word wins over inference): "
    + ", ".join(lv.key for lv in LADDER)
    + "; '' clears."
)
FUNCTION_HELP = (
    "Kind of work (your word wins over inference): " + ", ".join(FUNCTIONS) + "; '' clears."
)
Ref = Annotated[str, typer.Argument(help="The person's id or name.")]

TIE_WORDS = {
    TieSource.ORGCHART_MANAGER.value: "their manager",
    TieSource.ORGCHART_REPORT.value: "reports to them",
    TieSource.SAME_TEAM.value: "same team",
    TieSource.INTRODUCED_BY.value: "introduced by them",
    TieSource.MET_AT.value: "met at",
    TieSource.STATED.value: "knows them (you said)",
}


@app.command("list")
def list_(
    ctx: typer.Context,
    query: Annotated[
        str | None,
        typer.Option(
            "--query", "-q", help="Words to find in name, title, organization, city or email."
        ),
    ] = None,
    tag: Annotated[str | None, typer.Option(help="Only people with this tag.")] = None,
    tier: Annotated[
        str | None, typer.Option(help="Only this keep-in-touch tier (A, B or C).")
    ] = None,
    organization: Annotated[
        str | None, typer.Option(help="Only people at this organization.")
    ] = None,
    flag: Annotated[
        list[str] | None,
        typer.Option(
            help="Only people with this flag (repeatable): " + ", ".join(people_service.FLAGS) + "."
        ),
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many (0: all).")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
    json: JsonFlag = False,
) -> None:
    """List people, by name, with filters."""
    lines, total = people_service.list_people(
        state(ctx).db(),
        query=query,
        tag=tag,
        tier=tier,
        organization=organization,
        flags=flag,
        limit=limit or None,
        offset=offset,
    )
    if json:
        print_json(person_list_json(total, lines))
        return
    if not lines:
        console.print("Nobody found." if total == 0 else f"No more people (total {total}).")
        if total == 0 and not (query or tag or tier or organization or flag):
            console.print("Import your network: `nextmove import linkedin Connections.csv`.")
        return
    table = Table(
        title=(f"{total} people" if total != 1 else "1 person")
        + (f" (showing {len(lines)})" if total > len(lines) else "")
    )
    for column in ("#", "Name", "Position", "Level", "Tier", "Last contact", "Flags"):
        table.add_column(column)
    for p in lines:
        flags = person_line_json(p)["flags"]
        table.add_row(
            p.member_ref or str(p.id),
            escape(p.name) + ("\n[dim]from the org chart[/]" if p.member_ref else ""),
            escape(describe_position(p.organization, p.title))
            if (p.organization or p.title)
            else "",
            level_label(p.level) if p.level is not None else "",
            p.tier or "",
            p.last_contact.isoformat() if p.last_contact else "",
            ", ".join(flags),
        )
    console.print(table)


@app.command("show")
def show(ctx: typer.Context, ref: Ref, json: JsonFlag = False) -> None:
    """Show a person: position, history, how you know them, ties, interactions, sources."""
    detail = people_service.show_person(state(ctx).db(), ref)
    if json:
        print_json(person_detail_public(detail))
        return
    p = detail.person
    if detail.member_ref:
        console.print(
            f"[bold]{escape(p.name)}[/] [dim]{escape(detail.member_ref)}[/] — "
            f"from the {escape(detail.org.organization if detail.org else '')} org chart, "
            "not one of your people yet"
        )
    else:
        console.print(f"[bold]#{p.id} {escape(p.name)}[/]" + (" (you)" if detail.is_me else ""))
    if p.organization or p.title:
        console.print(
            f"  {describe_position(p.organization, p.title)}"
            + (f" · {p.department}" if p.department else ""),
            markup=False,
        )
    facts = []
    if p.level is not None:
        facts.append(f"level {level_label(p.level)} ({p.level_source}, {p.level_confidence:.0%})")
    if p.function:
        facts.append(f"function {p.function} ({p.function_source}, {p.function_confidence:.0%})")
    for label, value in (("industry", p.industry), ("city", p.city), ("tier", p.tier)):
        if value:
            facts.append(f"{label} {value}")
    if facts:
        console.print("  " + " · ".join(facts), markup=False)
    for e in p.emails:
        console.print(f"  email {e.value}" + (f" ({e.label})" if e.label else ""), markup=False)
    for ph in p.phones:
        console.print(f"  phone {ph.value}" + (f" ({ph.label})" if ph.label else ""), markup=False)
    if p.profile_url:
        console.print(f"  LinkedIn {p.profile_url}", markup=False)
    for link in p.links:
        console.print(f"  link {link.value}", markup=False)
    if p.how_known or p.known_since:
        console.print(
            f"  How you know them: {p.how_known or '—'}"
            + (f", since {p.known_since}" if p.known_since else ""),
            markup=False,
        )
    flags = person_json(p)["flags"]
    if flags:
        console.print(
            "  Flags: "
            + ", ".join(flags)
            + (f" (changed jobs noticed {p.changed_jobs_on})" if p.changed_jobs_on else ""),
            markup=False,
        )
    if p.tags:
        console.print("  Tags: " + ", ".join(p.tags), markup=False)
    if detail.org is not None:
        print_org_facts(detail.org)
    elif p.employee_id is not None:
        console.print(f"  Org chart: employee {p.employee_id}, depth {p.org_depth}")
    if p.history:
        console.print("[bold]History[/]")
        for job in p.history:
            dates = (
                " – ".join(d.isoformat() if d else "?" for d in (job.start, job.end))
                if (job.start or job.end)
                else ""
            )
            console.print(
                f"  {describe_position(job.organization, job.title)}"
                + (f" ({dates})" if dates else ""),
                markup=False,
            )
    if detail.ties:
        console.print("[bold]Ties[/]")
        for tie in detail.ties:
            note = f" — {tie.note}" if tie.note else ""
            console.print(
                f"  #{tie.other_id} {tie.other_name}: {TIE_WORDS.get(tie.source, tie.source)}{note}",
                markup=False,
            )
    console.print(f"[bold]Last contact[/] {p.last_contact or 'never'}")
    for item in detail.interactions[:10]:
        console.print(
            f"  {item.day} {item.kind}" + (f": {item.note}" if item.note else ""), markup=False
        )
    if len(detail.interactions) > 10:
        console.print(f"  … {len(detail.interactions) - 10} earlier (`--json` lists all)")
    if p.notes:
        console.print("[bold]Notes[/]\n  " + escape(p.notes).replace("\n", "\n  "))
    if detail.sources:
        console.print(
            "[dim]From: "
            + escape("; ".join(f"{s.kind} {s.file} {s.where}".strip() for s in detail.sources))
            + "[/]"
        )


Name = Annotated[str | None, typer.Option(help="Full name.")]
Org = Annotated[str | None, typer.Option(help="Current organization.")]
Title = Annotated[
    str | None, typer.Option(help="Current title (level and function are inferred from it).")
]
Level = Annotated[str | None, typer.Option(help=LEVEL_HELP)]
Function = Annotated[str | None, typer.Option(help=FUNCTION_HELP)]
Email = Annotated[list[str] | None, typer.Option("--email", help="An email address (repeatable).")]
Phone = Annotated[list[str] | None, typer.Option("--phone", help="A phone number (repeatable).")]
Link = Annotated[list[str] | None, typer.Option("--link", help="A web link (repeatable).")]
LinkedIn = Annotated[str | None, typer.Option("--linkedin", help="LinkedIn profile URL.")]
Tag = Annotated[list[str] | None, typer.Option("--tag", help="A tag (repeatable).")]
Tier = Annotated[str | None, typer.Option(help="Keep-in-touch tier: A, B or C ('' clears).")]
Industry = Annotated[str | None, typer.Option(help="Industry.")]
City = Annotated[str | None, typer.Option(help="City.")]
Department = Annotated[str | None, typer.Option(help="Department or team.")]
HowKnown = Annotated[str | None, typer.Option("--how-known", help="How you know them.")]
Since = Annotated[str | None, typer.Option("--since", metavar="YYYY-MM-DD", help="Known since.")]
Notes = Annotated[str | None, typer.Option(help="Notes (replaces the notes).")]


def _flag_option(name: str, text: str) -> object:
    return typer.Option(f"--{name}/--not-{name}", help=text)


OfferedHelp = Annotated[
    bool | None,
    _flag_option("offered-help", "Offered to help (e.g. 'let's talk about your plans')."),
]
Navigated = Annotated[
    bool | None, _flag_option("navigated-transition", "Has navigated a what's-next transition.")
]
Peer = Annotated[bool | None, _flag_option("peer", "A peer (same level as you).")]


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Full name.")],
    organization: Org = None,
    title: Title = None,
    level: Level = None,
    function: Function = None,
    email: Email = None,
    phone: Phone = None,
    link: Link = None,
    linkedin: LinkedIn = None,
    tag: Tag = None,
    tier: Tier = None,
    industry: Industry = None,
    city: City = None,
    department: Department = None,
    how_known: HowKnown = None,
    since: Since = None,
    notes: Notes = None,
    offered_help: OfferedHelp = None,
    navigated_transition: Navigated = None,
    peer: Peer = None,
    json: JsonFlag = False,
    as_of: AsOf = None,
) -> None:
    """Add a person by hand."""
    person = people_service.add_person(
        state(ctx).db(),
        PersonEdit(
            name=name,
            organization=organization,
            title=title,
            level=level,
            function=function,
            add_emails=tuple(email or ()),
            add_phones=tuple(phone or ()),
            add_links=tuple(link or ()),
            profile_url=linkedin,
            add_tags=tuple(tag or ()),
            tier=tier,
            industry=industry,
            city=city,
            department=department,
            how_known=how_known,
            known_since=parse_date(since, option="--since") if since else None,
            notes=notes,
            offered_help=offered_help or None,
            navigated_transition=navigated_transition or None,
            peer=peer or None,
        ),
        now=now(),
        today=today_from(as_of),
    )
    if json:
        print_json(person_public(person))
        return
    console.print(f"Added #{person.id} {escape(person.name)}.")


@app.command("edit")
def edit(
    ctx: typer.Context,
    ref: Ref,
    name: Name = None,
    organization: Org = None,
    title: Title = None,
    level: Level = None,
    function: Function = None,
    email: Email = None,
    phone: Phone = None,
    link: Link = None,
    linkedin: LinkedIn = None,
    tag: Tag = None,
    untag: Annotated[
        list[str] | None, typer.Option("--untag", help="Remove a tag (repeatable).")
    ] = None,
    tier: Tier = None,
    industry: Industry = None,
    city: City = None,
    department: Department = None,
    how_known: HowKnown = None,
    since: Since = None,
    notes: Notes = None,
    offered_help: OfferedHelp = None,
    navigated_transition: Navigated = None,
    peer: Peer = None,
    clear_changed_jobs: Annotated[
        bool,
        typer.Option(
            "--clear-changed-jobs", help="You have reconnected: clear the changed-jobs flag."
        ),
    ] = False,
    json: JsonFlag = False,
    as_of: AsOf = None,
) -> None:
    """Change a person's fields; the others keep their value. Level, function and position
    you set are yours: imports never overwrite them."""
    edit = PersonEdit(
        name=name,
        organization=organization,
        title=title,
        level=level,
        function=function,
        add_emails=tuple(email or ()),
        add_phones=tuple(phone or ()),
        add_links=tuple(link or ()),
        profile_url=linkedin,
        add_tags=tuple(tag or ()),
        remove_tags=tuple(untag or ()),
        tier=tier,
        industry=industry,
        city=city,
        department=department,
        how_known=how_known,
        known_since=parse_date(since, option="--since") if since else None,
        notes=notes,
        offered_help=offered_help,
        navigated_transition=navigated_transition,
        peer=peer,
        clear_changed_jobs=clear_changed_jobs,
    )
    if edit.empty:
        raise typer.BadParameter("give at least one field to change, e.g. --tier A")
    person = people_service.edit_person(
        state(ctx).db(), ref, edit, now=now(), today=today_from(as_of)
    )
    if json:
        print_json(person_public(person))
        return
    console.print(f"Saved #{person.id} {escape(person.name)}.")


@app.command("merge")
def merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="The person to keep (id or name).")],
    other: Annotated[str, typer.Argument(help="The duplicate to merge into it and remove.")],
    as_of: AsOf = None,
) -> None:
    """Merge a duplicate into a person: details, history, ties, interactions and sources."""
    person = people_service.merge_people(
        state(ctx).db(), keep, other, now=now(), today=today_from(as_of)
    )
    console.print(f"Merged into #{person.id} {escape(person.name)}.")


@app.command("delete")
def delete(
    ctx: typer.Context,
    ref: Ref,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a person everywhere, and wipe them from the database file and its log.

    Their ties, contacts, sources, history, meetings and board seat go; texts elsewhere that
    named them (who introduced whom, a meeting's why, notes) say "a deleted contact", and texts
    about them (linked opportunities, people they introduced) lose their first name too. Says
    how many texts will be and were rewritten, and where."""
    st = state(ctx)
    if not yes:
        who, would = people_service.preview_delete(st.db(), ref)
        console.print(
            f"Texts to rewrite (their name becomes “a deleted contact”): {would.summary()}."
        )
        typer.confirm(f"Delete #{who.id} {who.name} and everything about them?", abort=True)
        ref = str(who.id)
    person, rewrites = people_service.delete_person_reported(st.db(), ref)
    console.print(f"Deleted #{person.id} {escape(person.name)}.")
    console.print(f"Rewritten: {escape(rewrites.summary())}.")


@app.command("export")
def export(
    ctx: typer.Context,
    ref: Ref,
    file: Annotated[
        Path,
        typer.Argument(
            help="The JSON file to write (replaced if it exists; mode 0600); - for the terminal."
        ),
    ],
) -> None:
    """Write everything nextmove holds about one person to a JSON file (their right of access).

    Details, ties, contacts, sources, meetings with notes and insights, board seat,
    keep-in-touch settings, opportunities; the shape is in docs/json.md."""
    from nextmove.services import person_export  # its JSON models load only for an export

    if str(file) == "-":
        sys.stdout.write(person_export.export_text(state(ctx).db(), ref, now=now()))
        return
    name = person_export.export_person(state(ctx).db(), ref, file, now=now())
    console.print(f"Wrote everything about {escape(name)} to {escape(str(file))}.")


@app.command("tie")
def tie(
    ctx: typer.Context,
    ref: Ref,
    other: Annotated[str, typer.Argument(help="The other person's id or name.")],
    source: Annotated[
        str,
        typer.Option(
            help="How they know each other: " + ", ".join(s.value for s in TieSource) + "."
        ),
    ] = "stated",
    strength: Annotated[int, typer.Option(min=1, max=5, help="1 weak … 5 strong.")] = 3,
    note: Annotated[str, typer.Option(help="Where they met, who introduced whom…")] = "",
    json: JsonFlag = False,
) -> None:
    """Record that two people know each other (for warm introductions later)."""
    result = people_service.add_tie(
        state(ctx).db(), ref, other, source=source, strength=strength, note=note, now=now()
    )
    if json:
        print_json(tie_public(result))
        return
    console.print(
        f"Tie: #{result.person_id} — #{result.other_id} {result.other_name} ({result.source})."
    )


def touch(
    ctx: typer.Context,
    ref: Ref,
    kind: Annotated[
        str,
        typer.Option(help="Kind of contact: " + ", ".join(k.value for k in InteractionKind) + "."),
    ] = "met",
    note: Annotated[str, typer.Option(help="What you talked about.")] = "",
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="When; default: --as-of or today."),
    ] = None,
    as_of: AsOf = None,
    json: JsonFlag = False,
) -> None:
    """Log a contact with someone (a call, a coffee, a message): their last-contact date."""
    when = parse_date(day, option="--date") if day else today_from(as_of)
    person, item = people_service.touch(
        state(ctx).db(), ref, kind=kind, note=note, day=when, now=now()
    )
    if json:
        print_json(touch_public(person, item))
        return
    console.print(f"Logged {item.kind} with #{person.id} {escape(person.name)} on {item.day}.")


@app.command("chain")
def chain(ctx: typer.Context, ref: Ref, json: JsonFlag = False) -> None:
    """Show the chain of introductions that led to a person (you met A → A introduced B …)."""
    person, links = meetings_service.person_chain(state(ctx).db(), ref)
    if json:
        from nextmove.formats.meeting_json import person_chain_json

        print_json(person_chain_json(person, links))
        return
    if len(links) <= 1:
        console.print(f"Nobody introduced you to {escape(person.name)}: you know them directly.")
        return
    console.print("you → " + " → ".join(escape(c.name) for c in links))
