"""The `nextmove` command: one Typer app, one error boundary."""

from __future__ import annotations

import sys
import traceback
from typing import Annotated

import typer

from nextmove import __version__
from nextmove.cli import (
    board,
    calendar,
    demo,
    export,
    imports,
    journal,
    keep,
    me,
    meeting,
    opp,
    people,
    rounds,
    serve,
    slots,
    suggest,
    today,
    vision,
)
from nextmove.cli.context import AppState, console, err_console, state
from nextmove.errors import NextmoveError
from nextmove.store.db import current_revision, migrate

app = typer.Typer(
    name="nextmove",
    help="Strategize your next career move: a plan two jobs out, evidence of what energizes "
    "you, and the people who can help you get there.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
app.add_typer(me.app, name="me")
app.add_typer(vision.app, name="vision")
app.add_typer(journal.app, name="journal")
app.add_typer(calendar.app, name="calendar")
app.command("slots")(slots.slots)
app.add_typer(opp.app, name="opp")
app.command("suggest")(suggest.suggest)
app.command("path")(suggest.path)
app.add_typer(rounds.app, name="round")
app.add_typer(meeting.app, name="meeting")
app.add_typer(meeting.task_app, name="task")
app.add_typer(board.app, name="board")
app.add_typer(keep.app, name="keep")
app.command("today")(today.today)
app.add_typer(people.app, name="people")
people.app.command("chain")(meeting.chain)
app.add_typer(imports.app, name="import")
app.add_typer(export.app, name="export")
app.command("touch")(people.touch)
app.command("demo")(demo.demo)
app.command("serve")(serve.serve)


def _version(value: bool) -> None:
    if value:
        console.print(f"nextmove {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="URL",
            help="Database URL (sqlite:///file.db or postgresql+psycopg://…); "
            "default: $NEXTMOVE_DATABASE_URL, then a SQLite file in your data directory.",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Global options come before the command: `nextmove --db URL vision show`."""
    ctx.obj = AppState(db_url=db, debug=debug)
    ctx.call_on_close(ctx.obj.close)


@app.command()
def init(ctx: typer.Context) -> None:
    """Create the database, or migrate it to this version's schema."""
    st = state(ctx)
    from nextmove.store.db import make_engine

    engine = make_engine(st.settings.resolved_database_url)
    try:
        before, after = migrate(engine)
        where = engine.url.render_as_string(hide_password=True)
        if before == after:
            console.print(f"Database is up to date (schema {after}): {where}")
        elif before is None:
            console.print(f"Created the database (schema {after}): {where}")
        else:
            console.print(f"Migrated the database from schema {before} to {after}: {where}")
        assert current_revision(engine) == after
    finally:
        engine.dispose()


def _report(exc: NextmoveError) -> None:
    err_console.print(f"[bold red]Error:[/] {exc.message}", markup=True, soft_wrap=True)
    if exc.hint:
        err_console.print(f"[dim]Hint:[/] {exc.hint}", soft_wrap=True)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: words every error for users; --debug adds the traceback."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        result = app(args=args, prog_name="nextmove", standalone_mode=False)
        if isinstance(result, int) and result:
            sys.exit(result)
    except NextmoveError as exc:
        if debug:
            traceback.print_exc()
        _report(exc)
        sys.exit(exc.exit_code)
    except typer.Abort:
        err_console.print("Aborted; nothing was changed.")
        sys.exit(1)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.TyperException as exc:
        # Usage errors and bad parameters. Typer >= 0.29 carries its own copy of click, so
        # they arrive as typer exceptions rather than click.ClickException.
        show = getattr(exc, "show", None)
        if callable(show) and exc.format_message():
            show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        err_console.print("Interrupted; nothing was changed.")
        sys.exit(130)
    except Exception as exc:  # a bug: say so plainly, show the traceback only when asked
        if debug:
            traceback.print_exc()
        else:
            err_console.print(
                f"[bold red]Internal error:[/] {type(exc).__name__}: {exc}\n"
                "[dim]Hint:[/] run again with --debug for the traceback, and please report it.",
                soft_wrap=True,
            )
        sys.exit(70)
