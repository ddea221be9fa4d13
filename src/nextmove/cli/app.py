"""The `nextmove` command: one Typer app, one error boundary."""

from __future__ import annotations

import gc
import importlib
import inspect
import os
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
    ("directory", "directory", "app", "group"),
    ("export", "export", "app", "group"),
    ("sync", "sync", "app", "group"),
    ("backup", "backup", "backup", "command"),
    ("restore", "backup", "restore", "command"),
    ("touch", "people", "touch", "command"),
    ("settings", "settings", "app", "group"),
    ("demo", "demo", "demo", "command"),
    ("workspace", "workspace", "app", "group"),
    ("serve", "serve", "serve", "command"),
    ("server", "server", "server", "command"),
    ("admin", "admin", "app", "group"),
)
WORDS = frozenset(word for word, *_ in COMMANDS) | {"init"}

# What `nextmove --help` says of each command word: the first paragraph of its own help,
# kept here so the full help needs none of the command modules (and none of SQLAlchemy,
# pydantic or the title data they load). tests/cli/test_cli_startup.py checks that this
# help is the same as the one the loaded commands give.
SUMMARIES: dict[str, str] = {
    "me": "Your current position: title, organization, level, function, city.",
    "vision": "Your vision: the next job, the one after it, priorities and choices.",
    "journal": "The energy journal: log activities, rate their energy, see what energizes you.",
    "calendar": "Your calendar: busy times read from an .ics export (docs/calendar.md).",
    "slots": "Propose meeting slots within your working hours, spread over the coming days.",
    "opp": "Opportunities: every option, whatever its source, judged against your own plan.",
    "suggest": "The people to meet next for a 30-minute research meeting, best first, with "
    "reasons.",
    "path": "The best warm-introduction paths to a person, up to three hops, with tie strengths.",
    "round": "A round of 30-minute informational interviews: a diverse handful of people, "
    "paced over a few weeks.",
    "meeting": "Research meetings: idea → requested → scheduled → held → followed up "
    "(docs/meetings.md).",
    "task": "Follow-up tasks from meetings.",
    "board": "Your board of three: people you would ask for career advice, seen in person "
    "every so often (docs/meetings.md).",
    "keep": "Keep in touch: tiers or personal cadences; any logged touch resets them.",
    "today": "Today's digest: meetings today and this week, requests awaiting a reply, "
    "thank-yous and follow-ups due, advisors and contacts due, the round's progress, who to "
    "reach out to.",
    "people": "The people you know: list, show, add, edit, merge, delete, tie.",
    "import": "Import the people you know: LinkedIn, vCard, Google Contacts, an org chart, a "
    "calendar.",
    "directory": "The organization directory: the org charts you imported, stored once with "
    "their history (docs/directory.md).",
    "export": "Export your network in open formats: vCard or CSV.",
    "sync": "Two-way sync of your contacts with a CardDAV address book, and of meetings with a "
    "CalDAV calendar (docs/sync.md).",
    "backup": "Back up the workspace (--workspace) to one archive: plan, journal, people with "
    "their history, ties, interactions, meetings with notes, insights, tasks and referrals, "
    "board, cadences, opportunities with their history and decisions, preferences, and the org "
    "charts you imported with their history (--linked-only: only the members your people are "
    "linked to).",
    "restore": "Restore a backup into an empty workspace, in one transaction (on any problem "
    "nothing is written).",
    "touch": "Log a contact with someone (a call, a coffee, a message): their last-contact date.",
    "settings": "Your preferences in this workspace: time zone, e-mail, working hours and "
    "days, meeting length, keep-in-touch tiers, suggestion weights.",
    "demo": "Create a demo workspace: a mid-career product manager with a vision, a month of "
    "journal entries and her network (an org chart and a few hundred contacts).",
    "workspace": "Workspaces: separate plans, journals, people and meetings in one database (a "
    "coach's clients, work and private planning); choose one with --workspace NAME.",
    "serve": "Start the web app on this machine and open it in your browser (Ctrl+C stops it).",
    "server": "Serve the web app to many people: accounts sign in, each to their own workspace "
    "(PostgreSQL only; docs/deploy.md).",
    "admin": "Accounts of a `nextmove server`: create, list, disable, reset a password, API "
    "tokens, and coaches' access to clients' workspaces (docs/deploy.md).",
    "plan": "Alternative plans side by side: your main plan and up to three others (the path "
    "you're on, what you'd do if it vanished, the wild card), each with its own steps, "
    "choices, note and four gauges.",
    "moves": "The moves people in your network actually made: where people in your role went "
    "next (with counts, typical time in role and who did it), or with --to exactly who made "
    "that move — each a candidate for a research meeting.",
    "report": "Write your career-plan report as a PDF: the plan and its check, the energy "
    "evidence, the board of three, the research meetings and their insights, the "
    "opportunities compared and the next steps — a few pages to share with a coach or mentor.",
}


def build_app(only: str | None = None) -> typer.Typer:
    """The `nextmove` app with every command, or with the one command word `only` (and
    `init`): the same commands, options and help either way."""
    app = _root_app()
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
    _reflow_help(app)
    return app


def reflow(doc: str) -> str:
    """A docstring as help text: each paragraph one line, so the terminal wraps it (Typer's
    rich mode keeps a docstring's line breaks, which cut sentences in two in `--help`)."""
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def _reflow_help(app: typer.Typer) -> None:
    for command in app.registered_commands:
        if command.help is None and command.callback is not None and command.callback.__doc__:
            command.help = reflow(command.callback.__doc__)
    for group in app.registered_groups:
        if group.typer_instance is not None:
            _reflow_help(group.typer_instance)


def build_help_app() -> typer.Typer:
    """The `nextmove` app as `nextmove --help` shows it, without loading any command: each
    word is a stand-in with its summary (running one never happens: a command line with a
    known word builds the real app)."""
    if any(word not in SUMMARIES for word, *_ in COMMANDS):
        return build_app()  # a command without a summary yet: the slow, always-right way
    app = _root_app()
    app.command()(init)
    kinds = {word: kind for word, _module, _attribute, kind in COMMANDS}
    # Typer lists plain commands before groups: the same order here.
    ordered = [w for w, *_ in COMMANDS if kinds[w] == "command"]
    ordered += [w for w, *_ in COMMANDS if kinds[w] == "group"]
    for word in ordered:
        app.command(word, help=SUMMARIES[word], add_help_option=False)(_stand_in)
    return app


def _stand_in() -> None:  # pragma: no cover - main() never runs it
    raise AssertionError("a stand-in command ran")


def _root_app() -> typer.Typer:
    app = typer.Typer(
        name="nextmove",
        help=HELP,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
    )
    app.callback()(root)
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
    workspace: Annotated[
        str | None,
        typer.Option(
            "--workspace",
            "-w",
            metavar="NAME",
            envvar="NEXTMOVE_WORKSPACE",
            show_envvar=False,
            help="The workspace to work in (`nextmove workspace list`); "
            "default: $NEXTMOVE_WORKSPACE, then the default workspace.",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Global options come before the command: `nextmove --db URL vision show`."""
    ctx.obj = AppState(db_url=db, debug=debug, workspace_name=workspace or None)
    ctx.call_on_close(ctx.obj.close)


def init(ctx: typer.Context) -> None:
    """Create the database, or migrate it to this version's schema."""
    st = state(ctx)
    from nextmove.store.db import busy_translated, current_revision, make_engine, migrate

    engine = make_engine(
        st.config.resolved_database_url, busy_timeout=st.config.busy_timeout_seconds
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


# Global options that take a value (the word after them is not a command).
OPTIONS_WITH_VALUES = frozenset({"--db", "--workspace", "-w"})


def _command_word(args: list[str]) -> str | None:
    """The command word of a command line (`nextmove --db X import …` -> 'import'), or None
    when there is none we know (then every command is loaded, for help and suggestions)."""
    rest = iter(args)
    for arg in rest:
        if arg in OPTIONS_WITH_VALUES:
            next(rest, None)
        elif not arg.startswith("-"):
            return arg if arg in WORDS else None
    return None


def _mentions_a_word(args: list[str]) -> bool:
    """Whether the command line names something that may be a command (a mistyped word:
    the real app answers it, with its suggestions)."""
    rest = iter(args)
    for arg in rest:
        if arg in OPTIONS_WITH_VALUES:
            next(rest, None)
        elif not arg.startswith("-"):
            return True
    return False


def _report(exc: NextmoveError) -> None:
    """The error in the CLI's words: the field it is about as its option (--level), what the
    user typed shown as typed (never read as Rich markup)."""
    message = f"--{exc.field.replace('_', '-')}: {exc.detail}" if exc.field else exc.message
    err_console.print(f"[bold red]Error:[/] {escape(message)}", soft_wrap=True)
    if exc.hint:
        err_console.print(f"[dim]Hint:[/] {escape(exc.hint)}", soft_wrap=True)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: words every error for users; --debug adds the traceback."""
    # nextmove uses no pydantic plugins, and looking for them reads the metadata of every
    # installed package (a tenth of a read command's start-up). Setting the variable keeps
    # the lookup, for whoever wants a plugin.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    # Loading a command allocates tens of thousands of objects that live as long as the
    # process (modules, classes, tables, mappers) and makes next to no garbage: the cycle
    # collector would walk them again and again, a tenth of a read command's time. As the
    # process's entry point (not when a caller runs commands in its own process), collection
    # waits until the command is loaded, and what loading made is then left out of it.
    own_process = argv is None
    if own_process:
        gc.disable()
    try:
        word = _command_word(args)
        try:
            app = (
                build_app(word) if word is not None or _mentions_a_word(args) else build_help_app()
            )
        finally:
            if own_process:
                gc.freeze()
                gc.enable()
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
