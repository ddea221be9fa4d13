"""Exports of the whole network in open formats: vCard 3.0 (for any address book; it imports
back into nextmove without duplicates) and CSV (every field)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy.orm import Session

from nextmove.errors import UserError
from nextmove.formats.people_csv import render_people_csv
from nextmove.formats.vcard import render_vcard
from nextmove.services.workspace import Workspace
from nextmove.store import people as repo


def _write(path: Path, chunks: object) -> int:
    path = path.expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        count = 0
        # Everyone's contact details: readable by the owner only, like the database.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:  # type: ignore[attr-defined]
                handle.write(chunk)
                count += 1
        os.replace(tmp, path)
    except OSError as exc:
        raise UserError(f"{path}: cannot write: {exc.strerror}") from None
    return count


def _vcards(session: Session) -> Iterable[str]:
    return (render_vcard(p) for p in repo.iter_people(session))


def export_vcard(db: Workspace, path: Path) -> int:
    """Write every person as a vCard; returns how many."""
    with db.session() as session:
        return _write(path, _vcards(session))


def export_csv(db: Workspace, path: Path) -> int:
    with db.session() as session:
        count = repo.count_people(session)
        _write(path, render_people_csv(repo.iter_people(session)))
        return count


def vcard_text(db: Workspace) -> str:
    """Every person as vCards, in one text (for a download)."""
    with db.session() as session:
        return "".join(_vcards(session))


def csv_text(db: Workspace) -> str:
    """Every person, every field, as one CSV text (for a download)."""
    with db.session() as session:
        return "".join(render_people_csv(repo.iter_people(session)))
