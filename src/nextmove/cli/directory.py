"""`nextmove directory`: the organizations whose charts you imported, and their history."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from nextmove.cli.context import JsonFlag, console, print_json, state
from nextmove.formats.schemas.directory import (
    OrganizationHistoryPublic,
    OrganizationListPublic,
    OrganizationPublic,
    SnapshotPublic,
)
from nextmove.services import directory as service

app = typer.Typer(
    help="The organization directory: the org charts you imported, stored once with their "
    "history (docs/directory.md).",
    no_args_is_help=True,
)


def _organization_json(org: service.OrganizationSummary) -> OrganizationPublic:
    return OrganizationPublic(
        id=org.id,
        name=org.name,
        members=org.members,
        snapshots=org.snapshots,
        last_import=org.last_import,
        last_file=org.last_file,
    )


def _snapshot_json(snap: service.Snapshot) -> SnapshotPublic:
    return SnapshotPublic(
        number=snap.number,
        taken_on=snap.taken_on,
        file=snap.file,
        status=snap.status,
        members=snap.members,
        joiners=snap.joiners,
        leavers=snap.leavers,
        moves=snap.moves,
        title_changes=snap.title_changes,
    )


@app.command("list")
def list_(ctx: typer.Context, json: JsonFlag = False) -> None:
    """The organizations whose org chart you imported: members now, snapshots (one per
    import) and the last import."""
    orgs = service.list_organizations(state(ctx).db())
    if json:
        print_json(OrganizationListPublic(organizations=[_organization_json(o) for o in orgs]))
        return
    if not orgs:
        console.print(
            "No org charts yet. Import one with `nextmove import orgchart FILE "
            "--organization NAME`."
        )
        return
    table = Table(box=None, pad_edge=False)
    for column in ("Organization", "Members", "Snapshots", "Last import", "File"):
        table.add_column(column, justify="right" if column in ("Members", "Snapshots") else "left")
    for org in orgs:
        table.add_row(
            escape(org.name),
            f"{org.members:,}",
            str(org.snapshots),
            org.last_import.isoformat() if org.last_import else "—",
            escape(org.last_file or "—"),
        )
    console.print(table)


@app.command("history")
def history(
    ctx: typer.Context,
    organization: Annotated[
        str, typer.Argument(metavar="ORG", help="The organization's name (or its id).")
    ],
    json: JsonFlag = False,
) -> None:
    """One organization's imports, oldest first: for each snapshot its date (the import's
    --as-of), file, members, joiners, leavers, moves (a new manager or department) and title
    changes."""
    found = service.organization_history(state(ctx).db(), organization)
    if json:
        print_json(
            OrganizationHistoryPublic(
                organization=_organization_json(found.organization),
                snapshots=[_snapshot_json(s) for s in found.snapshots],
            )
        )
        return
    console.print(
        f"[bold]{escape(found.organization.name)}[/]: {found.organization.members:,} members"
    )
    table = Table(box=None, pad_edge=False)
    for column in ("#", "Date", "File", "Members", "Joined", "Left", "Moved", "New title"):
        table.add_column(column, justify="left" if column in ("Date", "File") else "right")
    for snap in found.snapshots:
        table.add_row(
            str(snap.number),
            snap.taken_on.isoformat(),
            escape(snap.file),
            f"{snap.members:,}",
            f"{snap.joiners:,}",
            f"{snap.leavers:,}",
            f"{snap.moves:,}",
            f"{snap.title_changes:,}",
        )
    console.print(table)
