"""The workspaces of a database: list, find, create, rename, delete."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nextmove.store.account_models import Account
from nextmove.store.base import Base, is_per_workspace
from nextmove.store.db import DEFAULT_WORKSPACE_ID
from nextmove.store.models import Person, Workspace

__all__ = [
    "DEFAULT_WORKSPACE_ID",
    "NAME_PATTERN",
    "WorkspaceRow",
    "create",
    "delete",
    "find",
    "find_any_case",
    "get",
    "list_all",
    "list_names",
    "preferences_for_update",
    "rename",
    "row_counts",
    "set_preferences",
]

# A name a user types after --workspace: letters, digits, dot, dash, underscore, 1–60.
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$")


@dataclass(frozen=True, slots=True)
class WorkspaceRow:
    id: int
    name: str
    preferences: dict[str, Any]
    created_at: datetime
    people: int = 0

    @property
    def is_default(self) -> bool:
        return self.id == DEFAULT_WORKSPACE_ID


def _row(ws: Workspace, people: int = 0) -> WorkspaceRow:
    return WorkspaceRow(ws.id, ws.name, dict(ws.preferences or {}), ws.created_at, people)


def list_all(session: Session) -> list[WorkspaceRow]:
    counts: dict[int, int] = {
        workspace_id: count
        for workspace_id, count in session.execute(
            select(Person.workspace_id, func.count()).group_by(Person.workspace_id)
        )
    }
    return [
        _row(ws, counts.get(ws.id, 0))
        for ws in session.scalars(select(Workspace).order_by(Workspace.id))
    ]


def list_names(session: Session) -> list[WorkspaceRow]:
    """Every workspace without counting its people (cheap: for a page's header)."""
    return [_row(ws) for ws in session.scalars(select(Workspace).order_by(Workspace.id))]


def find(session: Session, name: str) -> WorkspaceRow | None:
    """The workspace called `name`; else the one whose name it is in another letter case
    (`-w acme` finds "Acme": no two names differ only in case)."""
    ws = session.scalars(select(Workspace).where(Workspace.name == name)).first()
    if ws is not None:
        return _row(ws)
    found = find_any_case(session, name)
    return found[0] if len(found) == 1 else None


def find_any_case(session: Session, name: str) -> list[WorkspaceRow]:
    """The workspaces whose name is `name` in any letter case (names are ASCII)."""
    return [
        _row(ws)
        for ws in session.scalars(
            select(Workspace).where(func.lower(Workspace.name) == name.lower())
        )
    ]


def account_of(session: Session, workspace_id: int) -> str | None:
    """The e-mail of the server account whose own workspace this is (None: nobody's)."""
    return session.scalar(select(Account.email).where(Account.workspace_id == workspace_id))


def get(session: Session, workspace_id: int) -> WorkspaceRow | None:
    ws = session.get(Workspace, workspace_id)
    return None if ws is None else _row(ws)


def create(
    session: Session, name: str, *, now: datetime, preferences: dict[str, Any] | None = None
) -> WorkspaceRow:
    ws = Workspace(name=name, preferences=dict(preferences or {}), created_at=now)
    session.add(ws)
    session.flush()
    return _row(ws)


def rename(session: Session, workspace_id: int, new_name: str) -> None:
    ws = session.get(Workspace, workspace_id)
    if ws is not None:
        ws.name = new_name


def set_preferences(session: Session, workspace_id: int, preferences: dict[str, Any]) -> None:
    ws = session.get(Workspace, workspace_id)
    if ws is not None:
        ws.preferences = dict(preferences)


def preferences_for_update(session: Session, workspace_id: int) -> dict[str, Any] | None:
    """The workspace's stored preferences, its row locked until the transaction ends (so two
    writers changing different preferences both keep their change); None: no workspace."""
    stored = session.execute(
        select(Workspace.preferences).where(Workspace.id == workspace_id).with_for_update()
    ).first()
    return None if stored is None else dict(stored[0] or {})


def delete(session: Session, workspace_id: int) -> None:
    """Every row of the workspace, table by table (children first, so it does not depend on
    the database cascading), then the workspace."""
    from sqlalchemy import delete as sql_delete

    for table in reversed(Base.metadata.sorted_tables):
        if is_per_workspace(table):
            session.execute(sql_delete(table).where(table.c.workspace_id == workspace_id))
    session.execute(sql_delete(Workspace).where(Workspace.id == workspace_id))


def row_counts(session: Session, workspace_id: int) -> dict[str, int]:
    """How many rows each per-workspace table holds for the workspace (empty tables left
    out): what deleting it would remove."""
    counts: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        if is_per_workspace(table):
            count = session.execute(
                select(func.count()).select_from(table).where(table.c.workspace_id == workspace_id)
            ).scalar_one()
            if count:
                counts[table.name] = int(count)
    return counts
