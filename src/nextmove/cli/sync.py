"""`nextmove sync`: two-way sync with your address book (CardDAV) and calendar (CalDAV)
(docs/sync.md)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from nextmove.cli.context import AsOf, JsonFlag, console, now, print_json, state, today_from
from nextmove.errors import UserError
from nextmove.formats.schemas.sync import SyncAccountsPublic, SyncRunsPublic

app = typer.Typer(
    help="Two-way sync of your contacts with a CardDAV address book, and of meetings with a "
    "CalDAV calendar (docs/sync.md).",
    no_args_is_help=True,
)
Name = Annotated[str, typer.Argument(help="The account's name, e.g. phone.")]


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.read(4096)
    if sys.stdin.isatty():
        return str(typer.prompt("Password", hide_input=True))
    raise UserError(
        "give the password on standard input with --password-stdin",
        hint='printf %s "$PASSWORD" | nextmove sync add NAME --carddav URL --user USER '
        "--password-stdin",
    )


@app.command("add")
def add(
    ctx: typer.Context,
    name: Name,
    carddav: Annotated[
        str,
        typer.Option(
            "--carddav",
            metavar="URL",
            help="The address book's URL, or the server's (its address book is found).",
        ),
    ],
    user: Annotated[str, typer.Option("--user", help="Your user name on the server.")],
    caldav: Annotated[
        str | None,
        typer.Option("--caldav", metavar="URL", help="A calendar's URL: meetings go there."),
    ] = None,
    push_new: Annotated[
        bool,
        typer.Option(
            "--push-new/--no-push-new",
            help="Also create cards for the people you have in nextmove that the address "
            "book lacks (default); with --no-push-new only the address book's people sync.",
        ),
    ] = True,
    password_stdin: Annotated[
        bool,
        typer.Option(
            "--password-stdin",
            help="Read the password (or app password) from standard input; it is kept in "
            "the OS keyring, or where there is none in a file only you can read — never in "
            "the database.",
        ),
    ] = False,
) -> None:
    """Add an address book to sync with; it is checked before anything is saved."""
    from nextmove.services.sync_accounts import add_account

    st = state(ctx)
    view = add_account(
        st.db(),
        name,
        carddav_url=carddav,
        caldav_url=caldav,
        username=user,
        password=_password(password_stdin),
        config_dir=st.settings.config_dir,
        now=now(),
        push_new=push_new,
    )
    console.print(f"Added {escape(view.name)}: {escape(view.carddav_url)}")
    console.print(f"The password is kept in the {escape(view.password_kept)}")
    console.print(f"Sync it: nextmove sync run {escape(view.name)} (--dry-run to see first)")


@app.command("list")
def list_(ctx: typer.Context, json: JsonFlag = False) -> None:
    """List the sync accounts, their last run and any conflicts (never a password)."""
    from nextmove.services.sync_accounts import list_accounts

    st = state(ctx)
    views = list_accounts(st.db(), config_dir=st.settings.config_dir)
    if json:
        print_json(SyncAccountsPublic.model_validate({"accounts": [v.to_json() for v in views]}))
        return
    if not views:
        console.print(
            "No sync account. Add one: nextmove sync add phone --carddav URL --user USER "
            "--password-stdin"
        )
        return
    table = Table()
    for column in ("name", "address book", "user", "cards", "last run", "conflicts"):
        table.add_column(column)
    for v in views:
        table.add_row(
            escape(v.name),
            escape(v.carddav_url),
            escape(v.username),
            str(v.cards),
            v.last_run_at.strftime("%Y-%m-%d %H:%M") if v.last_run_at else "never",
            str(len(v.conflicts)),
        )
    console.print(table)
    for v in views:
        console.print(f"{escape(v.name)}: the password is kept in the {escape(v.password_kept)}")
    for v in views:
        for c in v.conflicts:
            for f in c.fields:
                console.print(
                    f"[yellow]conflict[/] {escape(v.name)} · {escape(c.person)}: {f['field']} — "
                    f"kept {escape(str(f['kept']))} ({f['winner']}), "
                    f"not kept {escape(str(f['lost']))}"
                )


@app.command("run")
def run(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(help="The account to sync (default: every account).")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would change on both sides; change nothing.")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Sync even when one side lost every synced contact (a wiped phone or "
            "database would otherwise stop the run).",
        ),
    ] = False,
    as_of: AsOf = None,
    json: JsonFlag = False,
) -> None:
    """Sync contacts both ways: changes, deletions and new people on either side."""
    from nextmove.services.sync import run_sync

    st = state(ctx)
    reports = run_sync(
        st.db(),
        name,
        config_dir=st.settings.config_dir,
        now=now(),
        today=today_from(as_of),
        dry_run=dry_run,
        force=force,
        settings=st.settings,
    )
    if json:
        print_json(SyncRunsPublic.model_validate({"runs": [r.to_json() for r in reports]}))
        return
    for r in reports:
        counts = r.counts()
        head = "Would sync" if r.dry_run else "Synced"
        console.print(
            f"{head} {escape(r.account)}"
            + (" (changes only)" if r.incremental else "")
            + f": in nextmove {counts['created_in_nextmove']} new, "
            f"{counts['updated_in_nextmove']} updated, {counts['deleted_in_nextmove']} deleted; "
            f"on the server {counts['created_on_server']} new, "
            f"{counts['updated_on_server']} updated, {counts['deleted_on_server']} deleted; "
            f"{counts['unchanged']} unchanged."
        )
        for c in r.conflicts:
            for f in c.fields:
                console.print(
                    f"[yellow]conflict[/] {escape(c.person)}: {f.field} changed on both sides — "
                    f"kept {escape(str(f.kept))} ({f.winner}), not kept {escape(str(f.lost))}"
                )
            if c.note:
                console.print(f"[yellow]note[/] {escape(c.person)}: {escape(c.note)}")
        if r.calendar is not None:
            cal = r.calendar
            console.print(
                f"Calendar: {cal.created} meetings added, {cal.updated} changed, "
                f"{cal.deleted} removed, {cal.unchanged} unchanged."
            )
        for p in [*r.problems, *(r.calendar.problems if r.calendar else [])]:
            console.print(f"[yellow]problem[/] {escape(p)}")


@app.command("dismiss")
def dismiss(ctx: typer.Context, name: Name) -> None:
    """Mark an account's conflicts as seen: `sync list` stops showing them."""
    from nextmove.services.sync_accounts import clear_conflicts

    cleared = clear_conflicts(state(ctx).db(), name)
    console.print(f"{escape(name)}: the conflicts of {cleared} contact(s) are marked as seen.")


@app.command("remove")
def remove(ctx: typer.Context, name: Name) -> None:
    """Stop syncing with an account: its status and password go; people and cards stay."""
    from nextmove.services.sync_accounts import remove_account

    st = state(ctx)
    left = remove_account(st.db(), name, config_dir=st.settings.config_dir)
    console.print(f"Removed {escape(name)}. Your people and the server's cards are unchanged.")
    if left:
        console.print(f"[yellow]Note[/]: {escape(left)}; delete it there.", soft_wrap=True)
