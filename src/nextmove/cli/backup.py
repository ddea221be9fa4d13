"""`nextmove backup FILE` and `nextmove restore FILE`: a whole workspace as one archive
(docs/backup.md)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from nextmove.cli.context import console, now, state

PassphraseStdin = Annotated[
    bool,
    typer.Option(
        "--passphrase-stdin",
        help="Read a passphrase from the first line of standard input: the backup is "
        "encrypted with it (age), or decrypted with it on restore.",
    ),
]


def _passphrase(wanted: bool) -> str | None:
    if not wanted:
        return None
    from nextmove.services.backup import MAX_PASSPHRASE, read_passphrase

    return read_passphrase(sys.stdin.read(MAX_PASSPHRASE + 2))


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, size // 1000)} KB"


def backup(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(help="The archive to write, e.g. nextmove-backup.zip (replaced).")
    ],
    workspace: Annotated[
        str | None,
        typer.Option(
            "--workspace",
            "-w",
            metavar="NAME",
            help="The workspace to back up; default: the global --workspace, then the "
            "default workspace.",
        ),
    ] = None,
    passphrase_stdin: PassphraseStdin = False,
    charts: Annotated[
        bool,
        typer.Option(
            "--charts/--linked-only",
            help="Carry the whole org charts of the organizations the workspace works with, "
            "with their history (the default), or only the chart members your people are "
            "linked to.",
        ),
    ] = True,
) -> None:
    """Back up the workspace (--workspace) to one archive: plan, journal, people with their
    history, ties, interactions, meetings with notes, insights, tasks and referrals, board,
    cadences, opportunities with their history and decisions, preferences, and the org
    charts you imported with their history (--linked-only: only the members your people are
    linked to).

    The archive is a ZIP of JSON Lines files with a manifest (docs/backup.md); with
    --passphrase-stdin it is encrypted with age. `nextmove restore FILE` brings it back, into
    this database or another (SQLite or PostgreSQL)."""
    from nextmove.services.backup import backup_workspace

    passphrase = _passphrase(passphrase_stdin)
    st = state(ctx)
    if workspace:
        st.workspace_name = workspace
    ws = st.db()
    summary = backup_workspace(ws, file, now=now(), passphrase=passphrase, charts=charts)
    how = "encrypted, " if summary.encrypted else ""
    console.print(
        f"Backed up the workspace {escape(summary.workspace)!r} to {escape(str(file))} "
        f"({how}{_size(summary.size)}): {summary.headline()}."
    )


def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The archive `nextmove backup` wrote.")],
    workspace: Annotated[
        str | None,
        typer.Option(
            "--workspace",
            "-w",
            metavar="NAME",
            help="The workspace to restore into: created when missing, refused when it holds "
            "anything; default: the global --workspace, then the default workspace.",
        ),
    ] = None,
    passphrase_stdin: PassphraseStdin = False,
) -> None:
    """Restore a backup into an empty workspace, in one transaction (on any problem nothing
    is written).

    Every row gets a new id, so a backup can be restored beside the workspace it came from;
    backing up on SQLite and restoring with `--db postgresql://…` moves a workspace to
    PostgreSQL."""
    from nextmove.services.backup import restore_workspace
    from nextmove.services.workspace import open_database
    from nextmove.store.db import DEFAULT_WORKSPACE_NAME

    st = state(ctx)
    name = workspace or st.workspace_name or DEFAULT_WORKSPACE_NAME
    passphrase = _passphrase(passphrase_stdin)
    database = open_database(st.settings)
    try:
        summary = restore_workspace(database, file, name=name, now=now(), passphrase=passphrase)
    finally:
        database.dispose()
    where = "the new workspace" if summary.created else "the workspace"
    console.print(
        f"Restored {escape(str(file))} into {where} {escape(summary.workspace)!r} "
        f"(backed up {summary.backed_up_at:%Y-%m-%d %H:%M} UTC by nextmove "
        f"{escape(summary.written_by)}): {summary.headline()}."
    )
    said = []
    if summary.relinked_organizations:
        said.append(
            f"{summary.relinked_organizations} organization(s) already in this database, "
            "your people re-linked to their members by employee id"
        )
    if summary.recreated_charts:
        said.append(
            f"{summary.recreated_charts} organization(s) added from the backup with their "
            "whole chart and its history"
        )
    if summary.recreated_organizations > summary.recreated_charts:
        said.append(
            f"{summary.recreated_organizations - summary.recreated_charts} organization(s) "
            "added from the backup with only the members your people are linked to"
        )
    if said:
        console.print(f"Organization directory: {'; '.join(said)}.")
    if summary.cleared_references:
        console.print(
            f"{summary.cleared_references} references named rows that were not in the backup "
            "(already gone when it was taken) and were left empty."
        )
    if summary.workspace != DEFAULT_WORKSPACE_NAME:
        console.print(
            f"Work in it with `nextmove --workspace {escape(summary.workspace)} …`.",
            soft_wrap=True,
        )
