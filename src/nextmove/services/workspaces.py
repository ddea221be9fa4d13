"""The workspaces of a database, as a user manages them: list, create, rename, delete.

Each workspace is a separate set of plans, journal, people, meetings, board and
opportunities (a coach's clients, or one person's private and work planning); the default
workspace (id 1) is where nextmove works without `--workspace` and cannot be deleted."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from nextmove.errors import NotFound, UserError
from nextmove.store import workspaces as store
from nextmove.store.db import DEFAULT_WORKSPACE_ID, Database
from nextmove.store.workspaces import WorkspaceRow

__all__ = [
    "WorkspaceContents",
    "WorkspaceRow",
    "check_name",
    "create_workspace",
    "delete_workspace",
    "find_workspace",
    "list_workspaces",
    "preview_delete",
    "rename_workspace",
    "workspace_names",
]

NAME_RULE = (
    "1–60 plain ASCII letters, digits, dots, dashes or underscores, starting with a letter or "
    "digit (no spaces or accents)"
)

# What a deletion is worded by: a table's rows as people say them (the rest count as rows).
NOUNS: tuple[tuple[str, str, str], ...] = (
    ("person", "person", "people"),
    ("journal_entry", "journal entry", "journal entries"),
    ("meeting", "meeting", "meetings"),
    ("opportunity", "opportunity", "opportunities"),
    ("interaction", "logged contact", "logged contacts"),
    ("board_seat", "board seat", "board seats"),
    ("plan", "plan", "plans"),
)


@dataclass(frozen=True, slots=True)
class WorkspaceContents:
    """What a workspace holds: rows per table."""

    name: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        """'12 people, 3 meetings, 30 journal entries (412 rows in all)', or 'nothing'."""
        if not self.total:
            return "nothing"
        parts = []
        for table, one, many in NOUNS:
            count = self.counts.get(table, 0)
            if count:
                parts.append(f"{count} {one if count == 1 else many}")
        rows = f"{self.total} row{'' if self.total == 1 else 's'} in all"
        return f"{', '.join(parts)} ({rows})" if parts else rows


def check_name(name: str, *, field: str | None = None) -> str:
    """A workspace name as typed, or a UserError saying the rule."""
    cleaned = name.strip()
    if not store.NAME_PATTERN.fullmatch(cleaned):
        shown = cleaned if len(cleaned) <= 70 else cleaned[:67] + "…"
        raise UserError(
            f"{shown!r} is not a valid workspace name: use {NAME_RULE}",
            hint=f"For example: {_example(cleaned)}acme, client-ana, 2027_search.",
            field=field,
        )
    return cleaned


def _example(name: str) -> str:
    """The name as it could be written ('Zoë Müller' -> 'Zoe-Muller, '), or ''."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = re.sub(r"[^A-Za-z0-9._-]+", "-", plain).strip("-._")[:60]
    return f"{plain}, " if plain and store.NAME_PATTERN.fullmatch(plain) else ""


def list_workspaces(database: Database) -> list[WorkspaceRow]:
    """Every workspace with its number of people, oldest first (the default one first)."""
    with database.session(all_workspaces=True) as session:
        return store.list_all(session)


def workspace_names(database: Database) -> list[WorkspaceRow]:
    """Every workspace, oldest first, without counting anything (for a page's header)."""
    with database.session() as session:
        return store.list_names(session)


def find_workspace(database: Database, name: str) -> WorkspaceRow:
    with database.session() as session:
        row = store.find(session, name)
    if row is None:
        raise _not_found(name)
    return row


def create_workspace(database: Database, name: str, *, now: datetime) -> WorkspaceRow:
    """A new, empty workspace. A name in use (in any letter case) is refused."""
    name = check_name(name)
    with database.session() as session:
        _refuse_taken(session, name)
        return store.create(session, name, now=now)


def rename_workspace(database: Database, old: str, new: str) -> WorkspaceRow:
    new = check_name(new)
    with database.session() as session:
        row = store.find(session, old)
        if row is None:
            raise _not_found(old)
        if new != row.name:
            _refuse_taken(session, new, but=row.id)
            store.rename(session, row.id, new)
        return store.get(session, row.id) or row


def preview_delete(database: Database, name: str) -> WorkspaceContents:
    """What deleting the workspace would remove (nothing is changed)."""
    row = _deletable(database, name)
    with database.session(all_workspaces=True) as session:
        return WorkspaceContents(row.name, store.row_counts(session, row.id))


def delete_workspace(database: Database, name: str) -> WorkspaceContents:
    """Delete the workspace and every row of it in one transaction, then wipe the deleted
    rows from the database file and its log (SQLite). Returns what was removed."""
    row = _deletable(database, name)
    with database.session(all_workspaces=True) as session:
        contents = WorkspaceContents(row.name, store.row_counts(session, row.id))
        store.delete(session, row.id)
    database.forget_deleted()
    return contents


def _deletable(database: Database, name: str) -> WorkspaceRow:
    row = find_workspace(database, name)
    if row.id == DEFAULT_WORKSPACE_ID:
        raise UserError(
            f"{row.name!r} is the default workspace, which cannot be deleted",
            hint="It is where nextmove works without --workspace. To empty it, delete its "
            "people (`nextmove people delete`), or start afresh with another database (--db).",
        )
    with database.session() as session:
        owner = store.account_of(session, row.id)
    if owner is not None:
        raise UserError(
            f"{row.name!r} is the workspace of the account {owner}, which cannot be deleted "
            "while the account exists",
            hint=f"`nextmove admin disable {owner}` stops the account from signing in; the "
            "workspace stays with it.",
        )
    return row


def _refuse_taken(session: Session, name: str, *, but: int | None = None) -> None:
    for row in store.find_any_case(session, name):
        if row.id != but:
            raise UserError(
                f"a workspace called {row.name!r} exists already",
                hint="Choose another name; `nextmove workspace list` shows the names in use.",
            )


def _not_found(name: str) -> NotFound:
    return NotFound(
        f"no workspace {name!r}",
        hint="`nextmove workspace list` shows them; `nextmove workspace create NAME` makes one.",
    )
