"""The `nextmove` command: one Typer app, one error boundary."""

from __future__ import annotations

import importlib
import sys
import traceback
from typing import Annotated

import typer
from rich.markup import escape

from nextmove import __version__
from nextmove.cli.context import AppState, console, err_console, state
from nextmove.errors import NextmoveError

HELP = (
    "Strategize your next career move: a plan two jobs out, evidence of what energizes "
    "you, and the people who can help you get there."
)

# Every command word, in the order `nextmove --help` lists them: (word, module, attribute,
# group or command). A command's module is imported only when that command runs (or for the
# full help), so `nextmove import …` does not pay for the web server or the meeting drafts.
COMMANDS: tuple[tuple[str, str, str, str], ...] = (
    ("me", "me", "app", "group"),
    ("vision", "vision", "app", "group"),
    ("plan", "plans", "app", "group"),
    ("journal", "journal", "app", "group"),
    ("calendar", "calendar", "app", "group"),
    ("slots", "slots", "slots", "command"),
    ("opp", "opp", "app", "group"),
    ("suggest", "suggest", "suggest", "command"),
    ("path", "suggest", "path", "command"),
    ("moves", "moves", "moves", "command"),
    ("round", "rounds", "app", "group"),
    ("meeting", "meeting", "app", "group"),
    ("task", "meeting", "task_app", "group"),
    ("board", "board", "app", "group"),
    ("keep", "keep", "app", "group"),
    ("today", "today", "today", "command"),
    ("report", "report", "report", "command"),
    ("people", "people", "app", "group"),
    ("import", "imports", "app", "group"),
    ("export", "export", "app", "group"),
    ("touch", "people", "touch", "command"),
    ("demo", "demo", "demo", "command"),
    ("serve", "serve", "serve", "command"),
)
WORDS = frozenset(word for word, *_ in COMMANDS) | {"init"}


def build_app(only: str | None = None) -> typer.Typer:
    """The `nextmove` app with every command, or with the one command word `only` (and
    `init`): the same commands, options and help either way."""
    app = typer.Typer(
        name="nextmove",
        help=HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
    )
    app.callback()(root)
    app.command()(init)
    for word, module_name, attribute, kind in COMMANDS:
        if only is not None and word != only:
            continue
        module = importlib.import_module(f"nextmove.cli.{module_name}")
        target = getattr(module, attribute)
        if kind == "group":
            app.add_typer(target, name=word)
        else:
            app.command(word)(target)
    return app


def _version(value: bool) -> None:
    if value:
        console.print(f"nextmove {__version__}")
        raise typer.Exit()


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


def init(ctx: typer.Context) -> None:
    """Create the database, or migrate it to this version's schema."""
    st = state(ctx)
    from nextmove.store.db import busy_translated, current_revision, make_engine, migrate

    engine = make_engine(
        st.settings.resolved_database_url, busy_timeout=st.settings.busy_timeout_seconds
    )
    try:
        with busy_translated():
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


def _command_word(args: list[str]) -> str | None:
    """The command word of a command line (`nextmove --db X import …` -> 'import'), or None
    when there is none we know (then every command is loaded, for help and suggestions)."""
    rest = iter(args)
    for arg in rest:
        if arg == "--db":
            next(rest, None)
        elif not arg.startswith("-"):
            return arg if arg in WORDS else None
    return None


def _report(exc: NextmoveError) -> None:
    """The error in the CLI's words: the field it is about as its option (--level), what the
    user typed shown as typed (never read as Rich markup)."""
    message = f"--{exc.field.replace('_', '-')}: {exc.detail}" if exc.field else exc.message
    err_console.print(f"[bold red]Error:[/] {escape(message)}", soft_wrap=True)
    if exc.hint:
        err_console.print(f"[dim]Hint:[/] {escape(exc.hint)}", soft_wrap=True)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: words every error for users; --debug adds the traceback."""
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        app = build_app(_command_word(args))
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
                f"[bold red]Internal error:[/] {type(exc).__name__}: {escape(str(exc))}\n"
                "[dim]Hint:[/] run again with --debug for the traceback, and please report it.",
                soft_wrap=True,
            )
        sys.exit(70)
