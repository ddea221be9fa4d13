"""`nextmove import <kind> PATH`: one command per kind of file in the registry
(domain.import_kinds)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from nextmove.cli.context import (
    AsOf,
    JsonFlag,
    console,
    err_console,
    now,
    print_json,
    state,
    today_from,
)
from nextmove.domain.import_kinds import FILE_KINDS, KINDS_BY_NAME, ImportKind
from nextmove.domain.imports import ImportReport
from nextmove.formats.json_shapes import import_report_public
from nextmove.services import imports as import_service

app = typer.Typer(
    help="Import the people you know: LinkedIn, vCard, Google Contacts, an org chart, a calendar.",
    no_args_is_help=True,
)

DryRun = Annotated[
    bool, typer.Option("--dry-run", help="Show what the import would do; change nothing.")
]
Partial = Annotated[
    bool,
    typer.Option(
        "--partial",
        help="Import the good rows even when some have problems (default: all or nothing).",
    ),
]


class RichProgress:
    """A progress bar on standard error, only when it is a terminal and the file is large."""

    MIN_TOTAL = 2000

    def __init__(self) -> None:
        self.progress: Progress | None = None
        self.task: object = None

    def start(self, label: str, total: int | None) -> None:
        if not err_console.is_terminal or (total is not None and total < self.MIN_TOTAL):
            return
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        )
        self.progress.start()
        self.task = self.progress.add_task(label, total=total)

    def advance(self, amount: int) -> None:
        if self.progress is not None:
            self.progress.advance(self.task, amount)  # type: ignore[arg-type]

    def finish(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def _run(
    ctx: typer.Context,
    kind: str,
    path: Path,
    *,
    dry_run: bool,
    partial: bool,
    json: bool,
    as_of: str | None,
    **options: object,
) -> None:
    st = state(ctx)
    report = import_service.import_file(
        st.db(),
        kind,
        path,
        now=now(),
        today=today_from(as_of),
        dry_run=dry_run,
        partial=partial,
        timezone=st.settings.timezone,
        progress=RichProgress(),
        **options,  # type: ignore[arg-type]
    )
    if json:
        print_json(import_report_public(report))
    else:
        print_report(report)


def print_report(report: ImportReport) -> None:
    verb = "Would import" if report.dry_run else "Imported"
    # Names, sources and problems are the file's own text: a cell holding `[/]` is shown as
    # written, never read as Rich markup (which raised after the rows were committed).
    console.print(
        f"[bold]{verb} {escape(report.source)}[/] ({report.kind}): {report.records} records"
    )
    parts = [
        f"{report.created} created",
        f"{report.updated} updated",
        f"{report.unchanged} unchanged",
        f"{len(report.skipped)} skipped",
    ]
    kind = KINDS_BY_NAME.get(report.kind)
    if report.interactions or (kind is not None and kind.interactions):
        parts.append(f"{report.interactions} interactions added")
    console.print("  " + ", ".join(parts) + ".")
    for reason, count in report.skipped_by_reason().items():
        console.print(f"  skipped {count}: {escape(reason)}")
    if report.job_changes:
        console.print(f"[bold]{len(report.job_changes)} changed jobs[/] — a reason to reconnect:")
        for change in report.job_changes[:20]:
            console.print(
                f"  #{change.person_id} {escape(change.name)}: "
                f"{escape(change.before)} → {escape(change.after)}"
            )
        if len(report.job_changes) > 20:
            console.print(
                f"  … and {len(report.job_changes) - 20} more (`people list --flag changed-jobs`)"
            )
    for note in report.notes:
        console.print(f"  {escape(note)}")
    if report.problems:
        console.print(f"[yellow]{len(report.problems)} problem(s), rows left out (--partial):[/]")
        for problem in report.problems[:50]:
            console.print(f"  {escape(str(problem))}")
        if len(report.problems) > 50:
            console.print(f"  … and {len(report.problems) - 50} more (`--json` lists them all)")
    if report.dry_run:
        console.print("[dim]Dry run: nothing was changed.[/]")


def _file_command(kind: ImportKind) -> Callable[..., None]:
    """The `nextmove import KIND PATH` command of a kind that takes no options of its own."""

    def command(
        ctx: typer.Context,
        path: Path = typer.Argument(..., help=kind.path_help),
        dry_run: DryRun = False,
        partial: Partial = False,
        json: JsonFlag = False,
        as_of: AsOf = None,
    ) -> None:
        _run(ctx, kind.name, path, dry_run=dry_run, partial=partial, json=json, as_of=as_of)

    command.__name__ = kind.name
    command.__doc__ = kind.summary
    return command


ORGCHART = KINDS_BY_NAME["orgchart"]


def orgchart(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help=ORGCHART.path_help),
    organization: Annotated[
        str | None,
        typer.Option(
            "--organization", "-o", help="Whose chart it is; default: your own organization."
        ),
    ] = None,
    column_map: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="FIELD=COLUMN",
            help="Read FIELD from a differently named column, e.g. --map manager_id=Boss "
            "(fields: employee_id, name, first_name, last_name, email, title, manager_id, "
            "department, city).",
        ),
    ] = None,
    me: Annotated[
        str | None,
        typer.Option("--me", metavar="EMPLOYEE_ID", help="Your own employee id: links you."),
    ] = None,
    dry_run: DryRun = False,
    partial: Partial = False,
    json: JsonFlag = False,
    as_of: AsOf = None,
) -> None:
    from nextmove.formats.orgchart import parse_column_map

    _run(
        ctx,
        "orgchart",
        path,
        dry_run=dry_run,
        partial=partial,
        json=json,
        as_of=as_of,
        organization=organization,
        column_map=parse_column_map(column_map),
        me=me,
    )


# Kinds with options of their own have their own command; every other kind of file in the
# registry gets the plain one. The commands follow the registry's order.
WITH_OPTIONS: dict[str, Callable[..., None]] = {"orgchart": orgchart}
for _kind in FILE_KINDS:
    if _kind.options and _kind.name not in WITH_OPTIONS:
        raise RuntimeError(f"import kind {_kind.name!r} has options but no command for them")
    app.command(_kind.name, help=_kind.summary)(
        WITH_OPTIONS.get(_kind.name) or _file_command(_kind)
    )
