"""Rich renderings shared by commands."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.markup import escape

from nextmove.domain.check import Finding
from nextmove.domain.levels import level_label
from nextmove.domain.vision import Position, RoleOutline, Vision, step_name

if TYPE_CHECKING:  # Rich's tables load when a table is drawn (not for --json)
    from rich.table import Table


def plural(n: int, one: str, many: str) -> str:
    """'1 weakness', '2 weaknesses', '0 notes'."""
    return f"{n} {one if n == 1 else many}"


def position_line(me: Position) -> str:
    parts = [me.title or "(no title)"]
    if me.organization:
        parts.append(f"at {me.organization}")
    detail = ", ".join(
        x
        for x in (
            level_label(me.level) if me.level is not None else "",
            me.function or "",
            me.industry,
            me.city,
        )
        if x
    )
    return escape(" ".join(parts) + (f" ({detail})" if detail else ""))


def _outline_lines(step: RoleOutline) -> str:
    facts = " · ".join(
        x
        for x in (
            level_label(step.level) if step.level is not None else "no level",
            step.function or "no function",
            step.industry,
            step.organization or step.organization_kind,
            ", ".join(x for x in (step.city, "remote" if step.remote else "") if x),
        )
        if x
    )
    lines = [f"[bold]{escape(step.title or '(no title)')}[/]", f"[dim]{escape(facts)}[/]"]
    if step.scope:
        lines.append(f"Scope: {escape(step.scope)}")
    lines.extend(f"• {escape(problem)}" for problem in step.problems)
    return "\n".join(lines)


def vision_table(vision: Vision) -> Table:
    """Today, then each step, one block each: readable at 80 columns."""
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    table.add_row("Today", position_line(vision.me))
    for index, step in enumerate(vision.steps):
        table.add_row("", "")
        table.add_row(step_name(index).capitalize(), _outline_lines(step))
    return table


def steps_table(steps: list[RoleOutline]) -> Table:
    """A plan's steps, one block each."""
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for index, step in enumerate(steps):
        if index:
            table.add_row("", "")
        table.add_row(step_name(index).capitalize(), _outline_lines(step))
    return table


def findings_table(findings: list[Finding]) -> Table:
    from rich.table import Table

    table = Table(show_header=True, header_style="bold", expand=False)
    table.add_column("", width=2)
    table.add_column("Where")
    table.add_column("What")
    table.add_column("What to do")
    for f in findings:
        mark = "[red]✗[/]" if f.severity == "weakness" else "[yellow]•[/]"
        table.add_row(mark, escape(f.field), escape(f.message), escape(f.advice))
    return table
