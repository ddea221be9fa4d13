"""`nextmove report FILE.pdf`: the career-plan report to share with a coach or mentor
(docs/report.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nextmove.cli.context import AsOf, console, now_from, state, today_from
from nextmove.services import report as service

PdfTarget = Annotated[
    Path, typer.Argument(metavar="FILE.pdf", help="The PDF to write (replaced if it exists).")
]


def report(
    ctx: typer.Context,
    path: PdfTarget,
    plan: Annotated[
        str | None,
        typer.Option("--plan", metavar="NAME", help="Only this plan (default: every plan)."),
    ] = None,
    private: Annotated[
        bool,
        typer.Option(
            "--private", help="Leave every other person's name out; describe them by role."
        ),
    ] = False,
    as_of: AsOf = None,
) -> None:
    """Write your career-plan report as a PDF: the plan and its check, the energy evidence,
    the board of three, the research meetings and their insights, the opportunities
    compared and the next steps — a few pages to share with a coach or mentor."""
    st = state(ctx)
    written = service.write_report(
        st.db(),
        path,
        settings=st.settings,
        today=today_from(as_of),
        now=now_from(as_of, st.settings.timezone),
        plan=plan,
        private=private,
    )
    pages = f"{written.pages} page" + ("s" if written.pages != 1 else "")
    edition = ", private edition" if private else ""
    console.print(f"Wrote {written.path} ({pages}{edition}).")
