"""Printed documents: a JSON view model set in a Typst template, out comes a PDF/A-2a.

The templates (``nextmove/templates/typst/*.typ``) read nothing but the view model, which
reaches them as one JSON string through ``sys.inputs``: everything a user wrote stays plain
text there, never Typst markup. Typst runs in-process (the ``typst`` wheel, no system
libraries) with only the fonts it embeds — Libertinus Serif for text, DejaVu Sans Mono —
so the same data gives the same PDF on every machine."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Final

import typst

from nextmove.errors import NextmoveError

TEMPLATES = ("career_plan", "meeting_brief")
PDF_STANDARD: Final = "a-2a"  # archival and tagged (accessible); Typst checks it while writing


def _folder() -> Path:
    folder = resources.files("nextmove").joinpath("templates", "typst")
    assert isinstance(folder, Path), "nextmove must be installed as files, not zipped"
    return folder


def render_pdf(template: str, view: dict[str, Any], *, as_of: date) -> bytes:
    """The PDF of ``view`` set in ``template``. The document's date is ``as_of`` (noon UTC),
    so a report is reproducible byte for byte."""
    if template not in TEMPLATES:
        raise ValueError(f"unknown template {template!r}")
    folder = _folder()
    data = json.dumps(view, ensure_ascii=False, default=str)
    stamp = datetime(as_of.year, as_of.month, as_of.day, 12, tzinfo=UTC)
    try:
        pdf = typst.compile(
            folder / f"{template}.typ",
            root=folder,
            format="pdf",
            ignore_system_fonts=True,
            sys_inputs={"data": data},
            pdf_standards=[PDF_STANDARD],
            timestamp=stamp,
        )
    except typst.TypstError as exc:  # a bug in a template or the view model, not user input
        raise NextmoveError(
            f"could not typeset the {template.replace('_', ' ')}: {exc.message}",
            hint="Run again with --debug and report it.",
        ) from exc
    assert isinstance(pdf, bytes)
    return pdf
