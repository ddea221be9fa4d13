"""`nextmove demo`: a realistic workspace to explore."""

from __future__ import annotations

from typing import Annotated

import typer

from nextmove.cli.context import AsOf, console, now, state, today_from
from nextmove.services import demo as demo_service


def demo(
    ctx: typer.Context,
    replace: Annotated[
        bool, typer.Option("--replace", help="Overwrite the workspace in this database.")
    ] = False,
    as_of: AsOf = None,
) -> None:
    """Create a demo workspace: a mid-career product manager with a vision, a month of journal entries and her network (an org chart and a few hundred contacts).

    Use a separate database for it: `nextmove --db sqlite:///demo.db demo`."""
    st = state(ctx)
    counts = demo_service.create_demo(
        st.db(),
        today=today_from(as_of),
        now=now(),
        replace=replace,
        timezone=st.settings.timezone,
    )
    where = st.settings.resolved_database_url
    console.print(
        f"Demo workspace ready in {where}: "
        + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items())
        + "."
    )
    console.print(
        "Try: `nextmove vision show`, `nextmove vision check`, `nextmove journal summary`, "
        "`nextmove today`, `nextmove suggest`, `nextmove meeting list`, `nextmove board show`, "
        "`nextmove people show 'Tom Becker'`."
    )
