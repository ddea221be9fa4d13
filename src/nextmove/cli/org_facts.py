"""How `people show` prints what an organization's chart says about someone."""

from __future__ import annotations

from nextmove.cli.context import console
from nextmove.domain.merge import describe_position
from nextmove.services.members import OrgFacts


def _day(value: object) -> str:
    return f"{value:%-d %b %Y}" if value is not None else ""


def print_org_facts(org: OrgFacts) -> None:
    m = org.member
    console.print(f"[bold]Org chart[/] ({org.organization}, {org.ref})")
    say = lambda text: console.print("  " + text, markup=False)  # noqa: E731
    say(
        describe_position(org.organization, m.title)
        + (f" · {m.department}" if m.department else "")
        + f" · depth {m.depth}"
    )
    if org.chain:
        say(
            "Reports to: "
            + " → ".join(f"{c.name} ({c.title})" if c.title else c.name for c in org.chain)
        )
    if org.reports:
        shown = ", ".join(r.name for r in org.reports[:8])
        more = f" and {len(org.reports) - 8} more" if len(org.reports) > 8 else ""
        say(f"Direct reports ({len(org.reports)}): {shown}{more}")
    if any(t.size for t in org.team):
        say(
            "Team over the imports: "
            + " → ".join(f"{t.size} ({_day(t.taken_on)})" for t in org.team)
        )
    if len(org.positions) > 1:
        say("Positions:")
        for p in org.positions:
            until = f" – {_day(p.until)}" if p.until else " – now"
            say(
                f"  {p.title}"
                + (f", {p.department}" if p.department else "")
                + f" ({_day(p.since)}{until})"
            )
    for h in org.predecessors[:3]:
        say(f"Held this seat before: {h.name} ({h.title}, until {_day(h.until)})")
