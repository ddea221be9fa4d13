"""Printed documents: a JSON view model set in a Typst template, out comes a PDF/A-2a.

The templates (``nextmove/templates/typst/*.typ``) read nothing but the view model, which
reaches them as one JSON string through ``sys.inputs``: everything a user wrote stays plain
text there, never Typst markup. Typst runs in-process (the ``typst`` wheel, no system
libraries) with only the fonts it embeds — Libertinus Serif for text, DejaVu Sans Mono —
so the same data gives the same PDF on every machine. Text those fonts cannot show (Chinese,
Arabic, …) falls back to the machine's fonts, then to a plain PDF (see render_pdf)."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Final

import typst

from nextmove.errors import NextmoveError

TEMPLATES = ("career_plan", "meeting_brief")
PDF_STANDARD: Final = "a-2a"  # archival and tagged (accessible); Typst checks it while writing
_MISSING_GLYPH = "could not be displayed with font"


def _folder() -> Path:
    folder = resources.files("nextmove").joinpath("templates", "typst")
    assert isinstance(folder, Path), "nextmove must be installed as files, not zipped"
    return folder


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _clean(value: Any) -> Any:
    """Values Typst can set: in every string a surrogate pair that came in halves is joined,
    a lone half becomes U+FFFD, and control characters (but new lines and tabs) become
    spaces — no font has a glyph for them, and PDF/A forbids a missing glyph."""
    if isinstance(value, str):
        text = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        return _CONTROL.sub(" ", text)
    if isinstance(value, dict):
        return {key: _clean(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(item) for item in value]
    return value


def _compile(path: Path, data: str, stamp: datetime, *, system_fonts: bool, pdf_a: bool) -> bytes:
    pdf = typst.compile(
        path,
        root=path.parent,
        format="pdf",
        ignore_system_fonts=not system_fonts,
        sys_inputs={"data": data},
        pdf_standards=[PDF_STANDARD] if pdf_a else [],
        timestamp=stamp,
    )
    assert isinstance(pdf, bytes)
    return pdf


def render_pdf(template: str, view: dict[str, Any], *, as_of: date) -> bytes:
    """The PDF of ``view`` set in ``template``. The document's date is ``as_of`` (noon UTC),
    so a report is reproducible byte for byte."""
    if template not in TEMPLATES:
        raise ValueError(f"unknown template {template!r}")
    folder = _folder()
    data = json.dumps(_clean(view), ensure_ascii=False, default=str)
    stamp = datetime(as_of.year, as_of.month, as_of.day, 12, tzinfo=UTC)
    path = folder / f"{template}.typ"
    # Text in a script the embedded fonts lack (Chinese, Arabic, …) cannot be PDF/A: the
    # fonts installed on this machine are tried next, then a plain PDF (those characters may
    # show as boxes) rather than no document at all.
    attempts = ((False, True), (True, True), (True, False))
    for system_fonts, pdf_a in attempts:
        try:
            return _compile(path, data, stamp, system_fonts=system_fonts, pdf_a=pdf_a)
        except typst.TypstError as exc:
            if pdf_a and _MISSING_GLYPH in exc.message:
                continue
            raise NextmoveError(  # a bug in a template or the view model, not user input
                f"could not typeset the {template.replace('_', ' ')}: {exc.message}",
                hint="Run again with --debug and report it.",
            ) from exc
    raise AssertionError("the last attempt either returns or raises")
