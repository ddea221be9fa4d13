"""`nextmove workspace`: the workspaces of a database — list, create, rename, delete."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from nextmove.cli.context import JsonFlag, console, now, print_json, state
from nextmove.formats.schemas.workspaces import WorkspaceListPublic, WorkspaceRowPublic
from nextmove.services import workspaces as service

app = typer.Typer(
    help="Workspaces: separate plans, journals, people and meetings in one database (a "
    "coach's clients, work and private planning); choose one with --workspace NAME.",
    no_args_is_help=True,
)
Name = Annotated[str, typer.Argument(help="The workspace's name.")]


def _current(ctx: typer.Context) -> str | None:
    """The name --workspace or $NEXTMOVE_WORKSPACE chose (None: the default workspace)."""
    return state(ctx).workspace_name


def workspace_json(row: service.WorkspaceRow, current: bool) -> WorkspaceRowPublic:
    return WorkspaceRowPublic(
        id=row.id,
        name=row.name,
        people=row.people,
        created_at=row.created_at,
        default=row.is_default,
        current=current,
    )


@app.command("list")
def list_(ctx: typer.Context, json: JsonFlag = False) -> None:
    """List the workspaces: name, id, people, when created; the current one is marked *
    (chosen with --workspace or $NEXTMOVE_WORKSPACE, else the default one)."""
    chosen = _current(ctx)
    rows = service.list_workspaces(state(ctx).database())

    named = [r for r in rows if chosen is not None and r.name == chosen] or [
        r for r in rows if chosen is not None and r.name.lower() == chosen.lower()
    ]  # as --workspace finds it: exactly, else in another letter case

    def is_current(row: service.WorkspaceRow) -> bool:
        return row in named[:1] if chosen is not None else row.is_default

    if json:
        print_json(WorkspaceListPublic(workspaces=[workspace_json(r, is_current(r)) for r in rows]))
        return
    table = Table(caption="* the current workspace", caption_justify="left")
    table.add_column("")
    table.add_column("name")
    table.add_column("#", justify="right")
    table.add_column("people", justify="right")
    table.add_column("created")
    for row in rows:
        table.add_row(
            "*" if is_current(row) else "",
            escape(row.name) + (" (default)" if row.is_default and row.name != "default" else ""),
            str(row.id),
            str(row.people),
            row.created_at.date().isoformat(),
        )
    console.print(table)
    if chosen is not None and len(named) != 1:
        console.print(
            f"[yellow]No workspace is called {escape(chosen)!r}[/] (from --workspace or "
            "$NEXTMOVE_WORKSPACE): other commands will refuse to run until you create it "
            "or choose another."
        )


@app.command("create")
def create(ctx: typer.Context, name: Name) -> None:
    """Create an empty workspace. Names are 1–60 letters, digits, dots, dashes or
    underscores; a name in use (in any letter case) is refused."""
    row = service.create_workspace(state(ctx).database(), name, now=now())
    console.print(
        f"Created workspace {escape(row.name)!r} (#{row.id}). Work in it with "
        f"`nextmove --workspace {escape(row.name)} …` or NEXTMOVE_WORKSPACE={escape(row.name)}."
    )


@app.command("rename")
def rename(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(help="The workspace's name now.")],
    new: Annotated[str, typer.Argument(help="Its new name.")],
) -> None:
    """Rename a workspace; its contents stay as they are. Update NEXTMOVE_WORKSPACE or
    scripts that name it."""
    row = service.rename_workspace(state(ctx).database(), old, new)
    console.print(f"Renamed workspace {escape(old)!r} to {escape(row.name)!r}.")


@app.command("delete")
def delete(
    ctx: typer.Context,
    name: Name,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete a workspace and everything in it — its plan, journal, people, meetings, board
    and opportunities — and wipe them from the database file and its log. The default
    workspace cannot be deleted. Asks first unless --yes is given."""
    database = state(ctx).database()
    if not yes:
        contents = service.preview_delete(database, name)
        console.print(f"Workspace {escape(contents.name)!r} holds {escape(contents.summary())}.")
        typer.confirm(
            f"Delete workspace {contents.name!r} and everything in it? This cannot be undone",
            abort=True,
        )
    removed = service.delete_workspace(database, name)
    console.print(
        f"Deleted workspace {escape(removed.name)!r}: {escape(removed.summary())} removed."
    )
