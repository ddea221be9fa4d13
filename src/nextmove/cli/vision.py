"""`nextmove vision`: where you want to be two jobs from now."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

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
from nextmove.cli.editor import edit_text
from nextmove.cli.files import read_text
from nextmove.cli.render import findings_table, plural, vision_table
from nextmove.domain.check import weaknesses
from nextmove.errors import InvalidInput, UserError
from nextmove.formats.json_shapes import vision_json
from nextmove.services import vision as vision_service

app = typer.Typer(
    help="Your vision: the next job, the one after it, priorities and choices.",
    no_args_is_help=True,
)


@app.command("show")
def show(ctx: typer.Context, json: JsonFlag = False) -> None:
    """Show your vision: position, steps, priorities, stay-or-change choices, energizers."""
    vision = vision_service.get_vision(state(ctx).db())
    if json:
        print_json(vision_json(vision))
        return
    me = vision.me
    console.print(f"[bold]{me.name or 'You'}[/] — where you want to be two jobs from now\n")
    console.print(vision_table(vision))
    if vision.priorities:
        console.print("[bold]Priorities[/]")
        for rank, p in enumerate(vision.priorities, start=1):
            console.print(f"  {rank}. {p.name}" + (f" — {p.note}" if p.note else ""))
    c = vision.choices
    console.print(
        f"[bold]Choices[/]  industry: {c.industry}   company: {c.company}   city: {c.city}"
    )
    if vision.energizers:
        console.print("[bold]Energizers[/]  " + "; ".join(vision.energizers))
    if vision.strengths:
        console.print("[bold]Strengths[/]   " + "; ".join(vision.strengths))
    if not vision.steps:
        console.print("\nNo steps yet: write them in a vision file (`nextmove vision edit`).")
    if vision.alternatives:
        names = ", ".join(p.name for p in vision.alternatives)
        console.print(
            f"\n[bold]Main plan[/] {escape(vision.plan_name)}; alternatives: {escape(names)} "
            "(`nextmove plan compare`)."
        )


@app.command("check")
def check(
    ctx: typer.Context,
    json: JsonFlag = False,
    as_of: AsOf = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit with code 1 when there are weaknesses.")
    ] = False,
) -> None:
    """Name every weakness of your vision, with concrete advice: the main plan, then each
    alternative plan's own steps and choices."""
    checks = vision_service.run_plan_checks(state(ctx).db(), today=today_from(as_of))
    weak = [w for c in checks for w in weaknesses(c.findings)]
    if json:
        from nextmove.formats.plan_json import checks_json

        print_json(checks_json(checks))
    else:
        for c in checks:
            if len(checks) > 1:
                label = "main plan" if c.main else "alternative plan"
                console.print(f"\n[bold]{escape(c.plan.name)}[/] ({label})")
            if not c.findings:
                console.print(
                    "[green]✓[/] Your vision is clear: no weaknesses found."
                    if c.main
                    else "[green]✓[/] No weaknesses in this plan's steps and choices."
                )
                continue
            console.print(findings_table(c.findings))
            own_weak = len(weaknesses(c.findings))
            console.print(
                f"{plural(own_weak, 'weakness', 'weaknesses')}, "
                f"{plural(len(c.findings) - own_weak, 'note', 'notes')}."
            )
    if strict and weak:
        raise typer.Exit(1)


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[
        Path, typer.Argument(help="A vision TOML file (docs/vision-file.md); - for stdin.")
    ],
) -> None:
    """Replace your vision with the one in a TOML file. Nothing changes if it has errors."""
    text, source = read_text(file, what="A vision file (TOML)")
    vision = vision_service.import_vision(state(ctx).db(), text, source=source, now=now())
    console.print(
        f"Imported {source}: {len(vision.steps)} step(s), "
        f"{len(vision.priorities)} priorities. Run `nextmove vision check` next."
    )


@app.command("export")
def export(
    ctx: typer.Context,
    file: Annotated[
        Path | None, typer.Argument(help="Where to write; default: standard output.")
    ] = None,
) -> None:
    """Write your vision as a TOML file you can edit and import again."""
    text = vision_service.export_vision(state(ctx).db())
    if file is None or str(file) == "-":
        sys.stdout.write(text)
        return
    _write_atomically(file, text)
    err_console.print(f"Wrote {file}")


@app.command("edit")
def edit(ctx: typer.Context) -> None:
    """Open your vision in $EDITOR; it is validated on save, and reopened if it has errors."""
    st = state(ctx)
    db = st.db()
    original = vision_service.export_vision(db)
    text = original
    while True:
        text = edit_text(st.settings.editor, text, "vision.toml")
        if text == original:
            console.print("No changes.")
            return
        try:
            vision = vision_service.import_vision(db, text, source="vision.toml", now=now())
        except InvalidInput as exc:
            err_console.print(f"[bold red]Not saved:[/] {exc.message}", soft_wrap=True)
            if typer.confirm("Reopen the editor to fix it?", default=True):
                continue
            raise UserError("nothing was saved") from None
        console.print(
            f"Saved your vision: {len(vision.steps)} step(s). Run `nextmove vision check` next."
        )
        return


def _write_atomically(path: Path, text: str) -> None:
    path = path.expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
