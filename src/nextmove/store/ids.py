"""New ids for per-workspace rows, and the workspace a session works on.

A per-workspace table's primary key is ``(workspace_id, id)``, so neither backend numbers
`id` by itself; ids stay unique across the whole table (a row keeps its id if its workspace
moves to another server). PostgreSQL draws them from the table's sequence
(``<table>_id_seq``, created with the table). SQLite numbers from ``max(id)`` after taking
the write lock, so two writers never read the same maximum; within one transaction the next
id is remembered on the connection and forgotten when the transaction ends."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, Table, and_, event, text
from sqlalchemy.orm import Session

_CACHE = "nextmove_next_ids"
_WORKSPACE = "nextmove_workspace_id"
_ALL = "nextmove_all_workspaces"


def sequence_name(table: str) -> str:
    return f"{table}_id_seq"


def take_write_lock(conn: Connection) -> None:
    """SQLite: make this transaction the writer before it reads what it will number from.
    The driver opens its transaction only at the first write, so a read before it (max(id))
    would be outside any lock; `BEGIN IMMEDIATE` takes the write lock first (waiting up to
    the busy timeout). A transaction that has written already holds it."""
    if conn.dialect.name != "sqlite":
        return
    raw = conn.connection.driver_connection
    if raw is not None and not raw.in_transaction:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def next_ids(conn: Connection, table: str, count: int) -> Sequence[int]:
    """`count` new ids for rows of `table`, never handed out twice."""
    if count <= 0:
        return range(0)
    if conn.dialect.name == "postgresql":
        return list(
            conn.execute(
                text("SELECT nextval(CAST(:seq AS regclass)) FROM generate_series(1, :n)"),
                {"seq": sequence_name(table), "n": count},
            ).scalars()
        )
    take_write_lock(conn)
    cache: dict[str, int] = conn.info.setdefault(_CACHE, {})
    last = cache.get(table)
    if last is None:
        last = int(conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {table}").scalar() or 0)
    cache[table] = last + count
    return range(last + 1, last + count + 1)


def forget_next_id(conn: Connection, table: str) -> None:
    """Rows were numbered by other means (a bulk load): read the maximum again next time."""
    cache = conn.info.get(_CACHE)
    if cache:
        cache.pop(table, None)


def allocate_id(context: Any) -> int:
    """The column default of a per-workspace table's `id` (see the module's docstring)."""
    table: Table = context.current_column.table
    return next_ids(context.connection, table.name, 1)[0]


def is_numbered(table: Table) -> bool:
    """Whether the table's ids come from `allocate_id` (and, on PostgreSQL, `<table>_id_seq`)."""
    column = table.c.get("id")
    default = None if column is None else column.default
    return default is not None and getattr(default, "arg", None) is allocate_id


def current_workspace(context: Any) -> int:
    """The column default of `workspace_id`: the workspace of the session whose transaction
    runs the insert (set on its connection when the transaction begins), so Core inserts
    (bulk imports) land in the right workspace too."""
    workspace_id = context.connection.info.get(_WORKSPACE)
    if workspace_id is None:
        raise RuntimeError("a per-workspace row was inserted outside a workspace")
    return int(workspace_id)


def bind_workspace(conn: Connection, workspace_id: int | None, *, all_workspaces: bool) -> None:
    """Mark the connection as working for a session: its workspace (None for a session on
    the shared tables) or, with `all_workspaces`, an upgrade or a workspace's deletion."""
    conn.info[_WORKSPACE] = workspace_id
    conn.info[_ALL] = all_workspaces


def bound_workspace(conn: Connection) -> tuple[bool, int | None, bool]:
    """(bound to a session?, its workspace, every workspace?) — what tests inspect."""
    return _WORKSPACE in conn.info, conn.info.get(_WORKSPACE), bool(conn.info.get(_ALL))


def forget_ids_on_begin(engine: Engine) -> None:
    """What a transaction remembered (the next ids, its workspace) is not true in the next."""

    def clear(conn: Connection) -> None:
        conn.info.pop(_CACHE, None)
        conn.info.pop(_WORKSPACE, None)
        conn.info.pop(_ALL, None)

    event.listen(engine, "begin", clear)
    event.listen(engine, "rollback", clear)
    event.listen(engine, "commit", clear)


def workspace_of(session: Session) -> int:
    """The workspace `session` works on; Core and text() statements on per-workspace tables
    add ``workspace_id = :ws`` with it."""
    workspace_id = session.info.get("workspace_id")
    if workspace_id is None:
        raise RuntimeError("this session is not opened for a workspace")
    return int(workspace_id)


def same_row(parent: Any, child: Any, column: str) -> Any:
    """The join condition of a reference inside a workspace: ``child.column`` names
    ``parent.id`` in the same workspace. Works for models and tables alike."""
    p = getattr(parent, "c", parent)
    c = getattr(child, "c", child)
    return and_(p.workspace_id == c.workspace_id, p.id == getattr(c, column))
