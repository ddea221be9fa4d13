"""`nextmove settings`: the workspace's preferences, where each comes from, and changing them
(docs/configuration.md)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from nextmove.cli.context import JsonFlag, console, print_json, state
from nextmove.errors import UserError

app = typer.Typer(
    help="Your preferences in this workspace: time zone, e-mail, working hours and days, "
    "meeting length, keep-in-touch tiers, suggestion weights.",
    no_args_is_help=True,
)
Key = Annotated[
    str,
    typer.Argument(metavar="KEY", help="The setting, e.g. timezone or suggest_weights.level_gap."),
]


@app.command("show")
def show(ctx: typer.Context, json: JsonFlag = False) -> None:
    """Show each preference of the workspace, its value and where it comes from: the
    workspace, config.toml (or NEXTMOVE_*), or the built-in default."""
    from nextmove.services import preferences as service
    from nextmove.services.workspace import describe_workspace

    st = state(ctx)
    ws = st.db()
    resolved = service.resolve(ws, st.config)
    if json:
        print_json(service.preferences_json(ws, resolved, st.config))
        return
    info = describe_workspace(st.config)
    table = Table(title=f"Preferences of workspace {escape(ws.name)}", title_justify="left")
    for column in ("setting", "value", "from"):
        table.add_column(column)
    for r in resolved:
        shown = escape(r.shown) if r.shown else "[dim](none)[/]"
        source = r.source if r.source != "workspace" else "[bold]workspace[/]"
        table.add_row(r.key, shown, source)
    console.print(table)
    console.print(
        f"Deployment (config.toml, read-only here): {escape(info.database)}, "
        f"web {escape(st.config.web_host)}:{st.config.web_port}.\n"
        "Change one with `nextmove settings set KEY VALUE`; "
        "`nextmove settings unset KEY` goes back to config.toml's or the default.",
        soft_wrap=True,
    )


# A value may start with a dash (a weight of -1 is refused by name, not as an unknown option).
@app.command("set", context_settings={"ignore_unknown_options": True})
def set_(
    ctx: typer.Context,
    key: Key,
    value: Annotated[str, typer.Argument(metavar="VALUE", help="The new value.")],
) -> None:
    """Set a preference of this workspace; it applies at once to every command and page of the
    workspace (the web app too, without a restart)."""
    from nextmove.services import preferences as service

    st = state(ctx)
    try:
        result = service.set_preference(st.db(), st.config, key, value)
    except UserError as exc:
        raise _keyed(exc) from None
    shown = result.shown or "(none)"
    console.print(f"{result.key} = {escape(shown)} (workspace {escape(st.db().name)})")


@app.command("unset")
def unset(ctx: typer.Context, key: Key) -> None:
    """Forget this workspace's own value of a preference: config.toml's or the default
    applies again."""
    from nextmove.services import preferences as service

    st = state(ctx)
    try:
        result = service.unset_preference(st.db(), st.config, key)
    except UserError as exc:
        raise _keyed(exc) from None
    shown = result.shown or "(none)"
    console.print(f"{result.key} = {escape(shown)} (from {result.source})")


def _keyed(exc: UserError) -> UserError:
    """The error about a setting worded for this command: the setting's key, not an option."""
    if not exc.field:
        return exc
    return UserError(f"setting {exc.field!r}: {exc.detail}", hint=exc.hint)
