"""`nextmove export vcard|csv PATH`: your network in open formats."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nextmove.cli.context import console, state
from nextmove.services import export as export_service

app = typer.Typer(help="Export your network in open formats: vCard or CSV.", no_args_is_help=True)

Target = Annotated[Path, typer.Argument(help="The file to write (replaced if it exists).")]


@app.command("vcard")
def vcard(ctx: typer.Context, path: Target) -> None:
    """Write every person as a vCard 3.0 (any address book reads it; it imports back into
    nextmove without duplicates)."""
    count = export_service.export_vcard(state(ctx).db(), path)
    console.print(f"Wrote {count} cards to {path}.")


@app.command("csv")
def csv(ctx: typer.Context, path: Target) -> None:
    """Write every person, every field, as CSV."""
    count = export_service.export_csv(state(ctx).db(), path)
    console.print(f"Wrote {count} people to {path}.")
