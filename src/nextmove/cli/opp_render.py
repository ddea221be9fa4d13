"""Rich renderings of opportunities, their evaluation, the comparison and the source mix."""

from __future__ import annotations

from rich.console import Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from nextmove.domain.evaluate import Evaluation
from nextmove.domain.levels import level_label
from nextmove.domain.opportunities import Opportunity, SourceMix

VERDICT_STYLE = {
    "strong-fit": "bold green",
    "worth-exploring": "green",
    "weak-fit": "yellow",
    "think-twice": "bold yellow",
    "misaligned": "bold red",
    "unknown": "dim",
}
OUTCOME_MARK = {"kept": "[green]✓ kept[/]", "broken": "[red]✗ broken[/]", "open": "open"}


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}/5"


def place(opp: Opportunity) -> str:
    return ", ".join(x for x in (opp.city, "remote" if opp.remote else "") if x) or "—"


def opportunity_table(opportunities: list[Opportunity]) -> Table:
    """Title with organization and level beneath it, so the table reads at 80 columns."""
    table = Table(title="Opportunities", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("Role", min_width=24)
    table.add_column("Place")
    table.add_column("Source")
    table.add_column("Status")
    for o in opportunities:
        details = " · ".join(x for x in (o.organization, level_label(o.level)) if x)
        table.add_row(
            str(o.id),
            f"{escape(o.title)}\n[dim]{escape(details)}[/]",
            escape(place(o)),
            o.source.value,
            o.status.value,
        )
    return table


def source_mix_lines(mix: SourceMix) -> list[str]:
    if not mix.total:
        return []
    counts = ", ".join(f"{n} {s}" for s, n in mix.by_source.items() if n)
    lines = [
        f"[bold]Where your options come from[/] ({mix.total}): {counts}.",
        f"From your network or self-created: {mix.own} of {mix.total}; "
        f"HR proposals and job boards: {mix.passive} of {mix.total}.",
    ]
    if mix.advice:
        style = "yellow" if mix.mostly_passive else "dim"
        lines.append(f"[{style}]{escape(mix.advice)}[/]")
    return lines


def opportunity_detail(opp: Opportunity) -> Group:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold cyan", no_wrap=True)
    grid.add_column()
    grid.add_row("Title", escape(opp.title))
    grid.add_row("Organization", escape(opp.organization or "—"))
    grid.add_row(
        "Role",
        f"{level_label(opp.level)} · {opp.function or 'no function'} · "
        f"{escape(opp.industry or 'no industry')}",
    )
    grid.add_row("Place", escape(place(opp)))
    grid.add_row("Source", opp.source.value)
    grid.add_row("Status", f"{opp.status.value} (added {opp.added_on})")
    if opp.brand:
        grid.add_row("Brand", "a well-known name")
    if opp.involves:
        grid.add_row("Work involves", escape("; ".join(opp.involves)))
    if opp.ratings:
        grid.add_row(
            "Your ratings", ", ".join(f"{escape(k)}: {v}/5" for k, v in sorted(opp.ratings.items()))
        )
    if opp.link:
        grid.add_row("Link", escape(opp.link))
    if opp.notes:
        grid.add_row("Notes", escape(opp.notes))
    parts: list[object] = [grid]
    if opp.history:
        history = Table(title="Status history", title_justify="left")
        for column in ("Date", "Status", "Note"):
            history.add_column(column)
        for h in opp.history:
            history.add_row(h.day.isoformat(), h.status.value, escape(h.note))
        parts.append(history)
    if opp.decisions:
        decisions = Table(title="Decisions", title_justify="left")
        for column in ("Date", "Choice", "Why"):
            decisions.add_column(column)
        for d in opp.decisions:
            decisions.add_row(d.day.isoformat(), escape(d.choice), escape(d.why))
        parts.append(decisions)
    return Group(*parts)  # type: ignore[arg-type]


PLAN_MARK = {"step": "[green]✓[/]", "partial": "[yellow]~[/]", "detour": "[red]✗[/]"}


def evaluation_panel(e: Evaluation) -> Panel:
    opp = e.opportunity
    style = VERDICT_STYLE[e.verdict.key]
    lines = [f"[{style}]{escape(e.verdict.text)}[/]", ""]
    lines.append(
        f"Overall {_score(e.overall)} · priority fit {_score(e.fit)} · "
        f"energy {_score(e.energy.score)} · path {_score(e.reach.score)}"
    )
    lines.append("")
    lines.append("[bold]Priorities[/] (weights 3/2/1 by rank)")
    for p in e.priorities:
        rating = f"{p.rating}/5" if p.rating is not None else "—"
        lines.append(f"  {p.rank}. {escape(p.name)}: {rating} [dim]({p.basis}: {escape(p.why)})[/]")
    if e.energy.items:
        lines.append("[bold]The work[/]")
        for item in e.energy.items:
            lines.append(f"  {escape(item.name)}: {item.kind} [dim]— {escape(item.why)}[/]")
    else:
        lines.append(
            "[dim]Say what the work involves (`opp edit ID --involves …`) to weigh energy.[/]"
        )
    lines.append(f"[bold]Reach[/] {escape(e.reach.description)}")
    for part in e.reach.path:
        mark = "?" if part.on_path is None else ("✓" if part.on_path else "✗")
        lines.append(f"  {mark} {part.part}: {escape(part.why)}")
    if e.impressive:
        lines.append(f"[bold]Looks impressive[/]: {escape(', '.join(e.impressive))}")
    if e.plans is not None and len(e.plans.fits) > 1:
        lines.append(f"[bold]Your plans[/] {escape(e.plans.text)}")
        for fit in e.plans.fits:
            mark = PLAN_MARK.get(fit.kind, "?")
            lines.append(f"  {mark} {escape(fit.why)}")
    lines.append("[bold]Stay-or-change choices[/]")
    for c in e.choices:
        lines.append(
            f"  {c.subject} ({c.choice}): {OUTCOME_MARK.get(c.outcome, c.outcome)} "
            f"[dim]— {escape(c.why)}[/]"
        )
    if e.flags:
        lines.append("[bold]Flags[/]")
        for f in e.flags:
            mark = "[red]✗[/]" if f.severity == "serious" else "[yellow]![/]"
            lines.append(f"  {mark} [bold]{escape(f.title)}[/]: {escape(f.explanation)}")
            lines.append(f"     [dim]threshold: {escape(f.threshold)}[/]")
    where = f" at {opp.organization}" if opp.organization else ""
    return Panel(
        "\n".join(lines),
        title=f"#{opp.id} {escape(opp.title)}{escape(where)}",
        title_align="left",
        subtitle=f"{opp.source.value} · {opp.status.value}",
        subtitle_align="right",
    )


def compare_table(evaluations: list[Evaluation]) -> Table:
    table = Table(title="Side by side (best first)", title_justify="left", show_lines=True)
    table.add_column("", style="bold cyan")
    for e in evaluations:
        table.add_column(f"#{e.opportunity.id} {escape(e.opportunity.title)}")

    def row(label: str, cells: list[str]) -> None:
        table.add_row(label, *cells)

    row("Organization", [escape(e.opportunity.organization or "—") for e in evaluations])
    row("Source", [e.opportunity.source.value for e in evaluations])
    row(
        "Verdict",
        [f"[{VERDICT_STYLE[e.verdict.key]}]{escape(e.verdict.text)}[/]" for e in evaluations],
    )
    row("Overall", [_score(e.overall) for e in evaluations])
    row("Priority fit", [_score(e.fit) for e in evaluations])
    names = [p.name for p in evaluations[0].priorities] if evaluations else []
    for rank, name in enumerate(names, start=1):
        cells = []
        for e in evaluations:
            p = e.priorities[rank - 1]
            cells.append(f"{p.rating}/5 ({p.basis})" if p.rating is not None else "unrated")
        row(f"{rank}. {escape(name)}", cells)
    row("Energy", [_score(e.energy.score) for e in evaluations])
    row(
        "Strengths used",
        [
            "—" if e.energy.strengths_share is None else f"{e.energy.strengths_share:.0%}"
            for e in evaluations
        ],
    )
    row("Reach", [escape(e.reach.description) for e in evaluations])
    if evaluations and evaluations[0].plans is not None and len(evaluations[0].plans.fits) > 1:
        row("Plans", [escape(e.plans.text) if e.plans else "—" for e in evaluations])
    row("Path", [_score(e.reach.score) for e in evaluations])
    for subject in ("city", "industry", "company"):
        cells = []
        for e in evaluations:
            c = next(c for c in e.choices if c.subject == subject)
            cells.append(OUTCOME_MARK.get(c.outcome, c.outcome))
        row(f"Choice: {subject}", cells)
    row(
        "Flags",
        [escape(", ".join(f.title for f in e.flags)) or "none" for e in evaluations],
    )
    return table
