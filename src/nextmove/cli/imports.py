"""`nextmove import <kind> PATH`: LinkedIn, vCard, Google Contacts, org charts, calendars."""

from __future__ import annotations

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
from nextmove.domain.imports import ImportReport
from nextmove.formats.json_shapes import import_report_json
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
        print_json(import_report_json(report))
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
    if report.interactions or report.kind in ("ics",):
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


@app.command("linkedin")
def linkedin(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="Connections.csv, or LinkedIn's whole export ZIP.")],
    dry_run: DryRun = False,
    partial: Partial = False,
    json: JsonFlag = False,
    as_of: AsOf = None,
) -> None:
    """Import LinkedIn connections (Connections.csv in any of its shapes), or the export ZIP
    with invitations and messages as interactions."""
    _run(ctx, "linkedin", path, dry_run=dry_run, partial=partial, json=json, as_of=as_of)


@app.command("vcard")
def vcard(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(help="A .vcf file (one or many cards) or a folder of them.")
    ],
    dry_run: DryRun = False,
    partial: Partial = False,
    json: JsonFlag = False,
    as_of: AsOf = None,
) -> None:
    """Import vCards (2.1, 3.0, 4.0) from any address book: Apple, Google, Outlook, Android…"""
    _run(ctx, "vcard", path, dry_run=dry_run, partial=partial, json=json, as_of=as_of)


@app.command("google")
def google(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A Google Contacts CSV export (current or legacy).")],
    dry_run: DryRun = False,
    partial: Partial = False,
    json: JsonFlag = False,
    as_of: AsOf = None,
) -> None:
    """Import a Google Contacts CSV export."""
    _run(ctx, "google", path, dry_run=dry_run, partial=partial, json=json, as_of=as_of)


@app.command("orgchart")
def orgchart(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A CSV of the organization, one row per employee.")],
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
    """Import an org chart: people, manager/report ties and exact depth in the tree. Cycles,
    unknown managers and duplicate ids are reported with their lines."""
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


@app.command("ics")
def ics(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="A calendar export (.ics).")],
    dry_run: DryRun = False,
    partial: Partial = False,
    json: JsonFlag = False,
    as_of: AsOf = None,
) -> None:
    """Import a calendar: past events with people in your network become interactions, so
    last-contact dates come from your real calendar."""
    _run(ctx, "ics", path, dry_run=dry_run, partial=partial, json=json, as_of=as_of)
