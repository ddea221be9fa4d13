"""Bulk writing for imports of 30,000 to 1,000,000 rows: Core `insert()` statements run with
executemany in batches (never one ORM object per row), ids reserved up front so rows that point
at each other can be written in one pass, and secondary indexes rebuilt once after a large
load instead of updated row by row.

On SQLite the compiled insert goes straight to the driver's executemany with positional
tuples (the columns' bind processors applied only where a type has one); on PostgreSQL Core's
own executemany (psycopg 3 "insertmanyvalues") does the work.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache, lru_cache
from itertools import repeat
from operator import itemgetter, ne
from typing import Any, TypeVar

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    Index,
    Table,
    bindparam,
    insert,
    literal_column,
    text,
    update,
)
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateIndex

from nextmove.store.ids import forget_next_id, is_numbered, next_ids, sequence_name, workspace_of


def connection(session: Session) -> Connection:
    return session.connection()


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _sqlite_literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


@cache
def _processor(dialect: Dialect, table: Table, column: str) -> Any:
    type_ = table.c[column].type
    if isinstance(type_, Boolean | Float) and dialect.name == "sqlite":
        # bool is an int: the driver stores 1 and 0 as SQLAlchemy would; an int or float
        # is stored as a REAL by the column's affinity, as SQLAlchemy's float() would.
        return None
    proc = type_.dialect_impl(dialect).bind_processor(dialect)
    if proc is not None and isinstance(type_, JSON):
        # Most JSON lists of a bulk row are empty: skip the encoder for them.
        def json_processor(value: Any, proc: Any = proc) -> Any:
            return "[]" if value == [] else proc(value)

        return json_processor
    return proc


@lru_cache(maxsize=256)
def _sqlite_statement(
    dialect: Dialect, table: Table, columns: tuple[str, ...], constants: tuple[tuple[str, Any], ...]
) -> str:
    """A Core insert() compiled for SQLite: the columns as positional parameters in the order
    given, the constants inlined as SQL literals (bound once, not once per row)."""
    values: dict[str, Any] = {name: bindparam(name) for name in columns}
    for name, value in constants:
        proc = _processor(dialect, table, name)
        values[name] = literal_column(_sqlite_literal(proc(value) if proc else value))
    # A lightweight table of just these columns: the model's Python-side defaults stay out.
    target = sql_table(table.name, *(sql_column(name) for name in values))
    compiled = insert(target).values(values).compile(dialect=dialect)
    order = tuple(compiled.positiontup or ())
    if order != columns:  # Core orders parameters by table column; keep the caller's order
        raise AssertionError(f"parameter order {order} differs from {columns}")
    return str(compiled)


T = TypeVar("T")
_NO_DEFAULT = object()
BULK_CACHE_KIB = 128 * 1024


@cache
def _default(table: Table, column: str) -> Any:
    """The value a column gets when an insert leaves it out (None for nullable columns, the
    server default where there is one), or _NO_DEFAULT."""
    col = table.c[column]
    server = col.server_default
    if server is not None:
        arg = getattr(server, "arg", None)
        text_value = arg if isinstance(arg, str) else getattr(arg, "text", None)
        if isinstance(col.type, Boolean):
            return text_value not in (None, "0", "false")
        if isinstance(col.type, JSON) and text_value == "[]":
            return []
        if text_value == "0":
            return 0
        if isinstance(text_value, str):
            return text_value
        return _NO_DEFAULT
    if col.nullable and not col.primary_key:
        return None
    return _NO_DEFAULT


def _without_defaults(
    table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> tuple[Sequence[str], Sequence[Sequence[Any]]]:
    """Leave out the columns where every row holds the column's default: fewer parameters to
    bind per row (binding, not writing, is what a wide insert spends its time on)."""
    keep = []
    for i, name in enumerate(columns):
        default = _default(table, name)
        if default is _NO_DEFAULT or any(map(ne, map(itemgetter(i), rows), repeat(default))):
            keep.append(i)
    if len(keep) == len(columns):
        return columns, rows
    if len(keep) == 1:
        only = keep[0]
        return [columns[only]], [(row[only],) for row in rows]
    pick = itemgetter(*keep)
    return [columns[i] for i in keep], [pick(row) for row in rows]


def bulk_insert(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    constants: dict[str, Any] | None = None,
    json_text: Sequence[str] = (),
    checked: bool = False,
) -> None:
    """Insert many rows (tuples in `columns` order) with one executemany; `constants` are
    columns with the same value in every row; `json_text` columns hold JSON already
    serialized (the hot paths build it faster than a generic encoder)."""
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    constants = _in_workspace(session, table, columns, constants)
    if "id" in columns:
        forget_next_id(conn, table.name)
    elif is_numbered(table):
        # Rows that leave their id to the database: numbered here (store/ids.py).
        hold_write_lock(session, table)
        numbers = next_ids(conn, table.name, len(rows))
        columns = ["id", *columns]
        rows = [(number, *row) for number, row in zip(numbers, rows, strict=True)]
        checked = False
    consts = tuple((constants or {}).items())
    if dialect.name != "sqlite":
        names = tuple(columns)
        extra = dict(consts)
        decoded = [names.index(c) for c in json_text]
        dicts = []
        for row in rows:
            values = dict(zip(names, row, strict=True))
            for i in decoded:
                values[names[i]] = json.loads(row[i])
            dicts.append(values | extra)
        conn.execute(insert(table), dicts)
        return
    if not checked:
        columns, rows = _without_defaults(table, columns, rows)
    sql = _sqlite_statement(dialect, table, tuple(columns), consts)
    procs = [
        (i, proc)
        for i, name in enumerate(columns)
        if name not in json_text and (proc := _processor(dialect, table, name)) is not None
    ]
    if procs:
        rows = [_processed(row, procs) for row in rows]
    conn.exec_driver_sql(sql, list(rows) if not isinstance(rows, list) else rows)


def _in_workspace(
    session: Session, table: Table, columns: Sequence[str], constants: dict[str, Any] | None
) -> dict[str, Any] | None:
    """A per-workspace table's rows go to the session's workspace."""
    if "workspace_id" not in table.c or "workspace_id" in columns:
        return constants
    if constants and "workspace_id" in constants:
        return constants
    return {**(constants or {}), "workspace_id": workspace_of(session)}


def insert_columns(
    session: Session,
    table: Table,
    columns: dict[str, Sequence[Any]],
    *,
    constants: dict[str, Any] | None = None,
    json_text: Sequence[str] = (),
) -> None:
    """bulk_insert for data held column by column (lists of equal length): columns where
    every value is the column's default are left out before the rows are assembled."""
    names = []
    values = []
    for name, column in columns.items():
        default = _default(table, name)
        if default is not _NO_DEFAULT and column.count(default) == len(column):  # type: ignore[attr-defined]
            continue
        names.append(name)
        values.append(column)
    if not values:
        return
    rows = list(zip(*values, strict=True))
    bulk_insert(session, table, names, rows, constants=constants, json_text=json_text, checked=True)


JSON_EACH = (3, 38)  # JSON functions built into SQLite by default from here on


def insert_numbered(
    session: Session,
    table: Table,
    columns: tuple[str, str],
    first: int,
    values: Sequence[int],
    *,
    skip: int,
) -> None:
    """Insert (first + i, values[i]) into the two columns for every i where values[i] is not
    `skip`. On SQLite one statement reads the values from a JSON array (json_each): no
    Python object per row."""
    conn = session.connection()
    if conn.dialect.name == "sqlite" and sqlite3.sqlite_version_info >= JSON_EACH:
        quote = conn.dialect.identifier_preparer.quote
        conn.exec_driver_sql(
            f"INSERT INTO {quote(table.name)} "
            f"(workspace_id, {quote(columns[0])}, {quote(columns[1])}) "
            "SELECT ?, ? + key, value FROM json_each(?) WHERE value <> ?",
            (workspace_of(session), first, "[" + ",".join(map(str, values)) + "]", skip),
        )
        return
    ids: Sequence[int] = range(first, first + len(values))
    if skip in values:
        keep = [i for i, v in enumerate(values) if v != skip]
        ids, values = [ids[i] for i in keep], [values[i] for i in keep]
    if ids:
        insert_columns(session, table, {columns[0]: ids, columns[1]: values})


def _processed(row: Sequence[Any], procs: list[tuple[int, Any]]) -> tuple[Any, ...]:
    values = list(row)
    for i, proc in procs:
        if values[i] is not None:
            values[i] = proc(values[i])
    return tuple(values)


def hold_write_lock(session: Session, table: Table) -> None:
    """Make this transaction the only one that can add rows to `table` from here until it
    ends, so what it reads next (the highest id) is still true when it writes.

    SQLite: the driver opens its transaction only at the first write, so a read before it
    (max(id)) is outside any lock: two processes read the same max(id) and one of them
    fails on the primary key. `BEGIN IMMEDIATE` takes the write lock first (waiting up to the
    busy timeout); a transaction that has written already holds it. PostgreSQL: ROW
    EXCLUSIVE is what every INSERT takes; taken before `nextval` it waits for an org-chart
    import (which holds SHARE ROW EXCLUSIVE and numbers its rows from max(id)) to commit and
    move the sequence past its ids, instead of drawing an id the import is about to use."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        raw = conn.connection.driver_connection
        if raw is not None and not raw.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        return
    conn.execute(text(f"LOCK TABLE {table.name} IN ROW EXCLUSIVE MODE"))


def serialize_writers(session: Session, table: Table) -> None:
    """Let one transaction at a time write `table` from here until it commits, so what it
    reads before writing (does the row exist yet? what does it hold now?) is still true when
    it writes: no duplicate insert, no lost update. Readers are never blocked. SQLite: the
    write lock (`BEGIN IMMEDIATE`); PostgreSQL: SHARE ROW EXCLUSIVE on the table, which only
    writers of it wait for. Call first in the transaction, before the reads."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        hold_write_lock(session, table)
        return
    conn.execute(text(f"LOCK TABLE {table.name} IN SHARE ROW EXCLUSIVE MODE"))


def reserve_ids(session: Session, table: Table, count: int) -> Sequence[int]:
    """Reserve `count` primary keys of `table` for rows about to be inserted, so rows that
    point at each other can be written in one pass. Never the same ids for two concurrent
    writers: the write lock is taken before the ids are read (hold_write_lock)."""
    if count <= 0:
        return range(0)
    hold_write_lock(session, table)
    return next_ids(session.connection(), table.name, count)


def secondary_indexes(table: Table) -> list[Index]:
    return [index for index in table.indexes if not index.unique]


class Rebuild:
    """Secondary indexes dropped for a large load, to be created again — one sort per index
    instead of a B-tree update per row. Inside the transaction, so a failed import leaves
    the indexes as they were."""

    def __init__(self, session: Session, tables: Sequence[Table], enabled: bool):
        self.conn = session.connection()
        self.sqlite = self.conn.dialect.name == "sqlite"
        self.dropped: list[Index] = []
        if not enabled:
            return
        if self.sqlite:
            # Keep the pages of the load in memory until commit: with the default 2 MB
            # cache, SQLite spills and rewrites them to the WAL again and again.
            self.conn.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
        for table in tables:
            for index in secondary_indexes(table):
                index.drop(self.conn)
                self.dropped.append(index)

    def now(self) -> None:
        self.meanwhile(lambda: None)

    def meanwhile(self, work: Callable[[], T]) -> T:
        """Create the indexes again while `work` — which must not use the database — runs.
        On SQLite they are built by a second thread on the same connection: SQLite sorts
        without holding Python's lock, so the sorting and the Python work share two cores."""
        dropped, self.dropped = self.dropped, []
        if not dropped:
            return work()
        if not self.sqlite:
            result = work()
            for index in dropped:
                index.create(self.conn)
            return result
        raw = self.conn.connection.driver_connection
        assert raw is not None
        statements = [
            str(CreateIndex(index).compile(dialect=self.conn.dialect)) for index in dropped
        ]
        failed: list[BaseException] = []

        def build() -> None:
            try:
                raw.execute("PRAGMA threads=4")
                for statement in statements:
                    raw.execute(statement)
            except BaseException as exc:  # raised again in the calling thread
                failed.append(exc)

        builder = threading.Thread(target=build, name="nextmove-indexes")
        builder.start()
        try:
            result = work()
        finally:
            builder.join()
        if failed:
            raise failed[0]
        self.conn.exec_driver_sql("PRAGMA cache_size=-2000")
        return result


@contextmanager
def indexes_rebuilt_after(
    session: Session, tables: Sequence[Table], enabled: bool
) -> Iterator[None]:
    """For a large load: drop the tables' secondary indexes, load, create them again."""
    rebuild = Rebuild(session, tables, enabled)
    yield
    rebuild.now()


def next_free_id(session: Session, table: Table) -> int:
    """The first id after every existing row: ids from here on can be handed out while
    reading a file and written in one pass (call after a first write, inside the
    transaction; on PostgreSQL the table is locked against other writers until commit and
    the id sequence is moved past what was used by sync_id_sequence)."""
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"LOCK TABLE {table.name} IN SHARE ROW EXCLUSIVE MODE"))
    else:
        hold_write_lock(session, table)
    forget_next_id(conn, table.name)
    current = conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {table.name}")).scalar()
    return int(current or 0) + 1


def sync_id_sequence(session: Session, table: Table) -> None:
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(
            text(
                "SELECT setval(CAST(:seq AS regclass), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)"
            ),
            {"seq": sequence_name(table.name)},
        )


def update_column(
    session: Session, table: Table, column: str, rows: Sequence[tuple[int, Any]]
) -> None:
    """Set one column of many rows by id: (id, value) pairs, best sorted by id."""
    if not rows:
        return
    conn = session.connection()
    workspace_id = workspace_of(session)
    if conn.dialect.name == "sqlite":
        quote = conn.dialect.identifier_preparer.quote
        sql = (
            f"UPDATE {quote(table.name)} SET {quote(column)} = ? WHERE workspace_id = ? AND id = ?"
        )
        conn.exec_driver_sql(sql, [(value, workspace_id, row_id) for row_id, value in rows])
        return
    conn.execute(
        update(table)
        .where(table.c.workspace_id == workspace_id, table.c.id == bindparam("row_id"))
        .values({column: bindparam("value")}),
        [{"row_id": row_id, "value": value} for row_id, value in rows],
    )
