"""A workspace's revision: a number that moves on with every transaction that writes in the
workspace, so what is worked out from its rows can be kept and known to be current
(services/ranking_cache.py).

No write path has to remember it. Every statement a connection sends is seen before it
runs (`before_cursor_execute`); a write (INSERT, UPDATE, DELETE, or a WITH that holds one)
marks the transaction. When a session's transaction that wrote commits, its workspace's
`workspace.revision` goes up by one in that same transaction: the write and the new
revision become visible together, on both backends and to every server worker. A session
on every workspace (a restore, a workspace's deletion) moves every revision on. Sessions on
the shared tables only (accounts, grants, the directory) move none: what depends on the
directory is keyed by its snapshots instead.

Writes that bypass the connection's statements (PostgreSQL's COPY) are the directory's
bulk loads, which write shared tables."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, event, text
from sqlalchemy.orm import Session

_WROTE = "nextmove_wrote"
_CONNECTION = "nextmove_connection"
_WRITE = re.compile(r"^\s*(?:INSERT|UPDATE|DELETE|REPLACE|MERGE)\b", re.IGNORECASE)
_WRITE_IN_WITH = re.compile(r"\b(?:INSERT|UPDATE|DELETE|MERGE)\b", re.IGNORECASE)


def _note_write(
    conn: Connection, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
) -> None:
    if conn.info.get(_WROTE):
        return
    if _WRITE.match(statement) or (
        statement.lstrip()[:4].upper() == "WITH" and _WRITE_IN_WITH.search(statement)
    ):
        conn.info[_WROTE] = True


def _forget(conn: Connection) -> None:
    conn.info.pop(_WROTE, None)


def track_writes(engine: Engine) -> None:
    """Note on each connection whether its transaction has written."""
    event.listen(engine, "before_cursor_execute", _note_write)
    event.listen(engine, "begin", _forget)
    event.listen(engine, "commit", _forget)
    event.listen(engine, "rollback", _forget)


def wrote(conn: Connection) -> bool:
    """Whether the connection's transaction has written anything."""
    return bool(conn.info.get(_WROTE))


def remember_connection(session: Session, conn: Connection) -> None:
    """The connection of the session's transaction (when it begins)."""
    session.info[_CONNECTION] = conn


def forget_connection(session: Session) -> None:
    session.info.pop(_CONNECTION, None)


def move_revision_on(session: Session) -> None:
    """Before a session commits: if its transaction wrote, its workspace's revision (every
    workspace's, for a session on all of them) goes up by one in the same transaction."""
    workspace_id = session.info.get("workspace_id")
    every = bool(session.info.get("all_workspaces"))
    if workspace_id is None and not every:
        return
    if session.new or session.dirty or session.deleted:
        session.flush()  # the commit's own flush comes after this hook
    conn = session.info.get(_CONNECTION)
    if conn is None or not wrote(conn):
        return
    if workspace_id is not None:
        conn.execute(
            text("UPDATE workspace SET revision = revision + 1 WHERE id = :ws"),
            {"ws": workspace_id},
        )
    else:
        conn.execute(text("UPDATE workspace SET revision = revision + 1"))


def revision_of(session: Session, workspace_id: int) -> tuple[int, Any] | None:
    """(revision, created_at) of a workspace — created_at tells a workspace from a later one
    that got the same id — or None when there is no such workspace."""
    row = session.execute(
        text("SELECT revision, created_at FROM workspace WHERE id = :ws"), {"ws": workspace_id}
    ).first()
    return None if row is None else (int(row[0]), row[1])


def revisions_of(session: Session, workspace_ids: list[int]) -> dict[int, tuple[int, Any]]:
    """`revision_of` for many workspaces at once."""
    rows = session.execute(
        text("SELECT id, revision, created_at FROM workspace WHERE id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        ),
        {"ids": list(workspace_ids)},
    )
    return {int(r[0]): (int(r[1]), r[2]) for r in rows}
