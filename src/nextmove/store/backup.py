"""A workspace's rows, table by table, for a backup and its restore — derived from the
metadata, so a per-workspace table added later is backed up and restored with no change here.

- The tables: every model with the `WorkspaceScoped` mixin, in dependency order.
- A table's own ids are renumbered on restore when its `id` is numbered by
  `store.ids.allocate_id` (the same rule that gives it a sequence).
- References to renumbered rows are remapped: composite foreign keys
  ``(workspace_id, x_id) → x(workspace_id, id)`` from the metadata, and the plain integer
  columns that name a row without a foreign key, declared on the column with
  ``info={"references": "table"}`` (a test fails on an ``…_id`` column that is neither).
- Values go to and from JSON by the column's type: dates and datetimes as ISO 8601 text,
  JSON columns as JSON, the rest as JSON's own numbers, strings, booleans and null."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    insert,
    select,
)
from sqlalchemy.orm import Session

from nextmove.store import models  # registers every table
from nextmove.store.base import Base, UTCDateTime, WorkspaceScoped
from nextmove.store.db import SCHEMA_HEAD, Database
from nextmove.store.ids import is_numbered, next_ids

BATCH = 1000


class RowProblem(ValueError):
    """A value of a row that cannot go into its column: says which and why."""


@dataclass(frozen=True, slots=True)
class Reference:
    column: str
    table: str
    nullable: bool


@dataclass(frozen=True)
class TableSpec:
    """What a backup needs to know about one per-workspace table."""

    table: Table
    columns: tuple[str, ...]  # every column but workspace_id, in table order
    key: tuple[str, ...]  # the primary key without workspace_id
    renumbered: bool
    references: tuple[Reference, ...] = field(default=())

    @property
    def name(self) -> str:
        return self.table.name


def _scoped_tables() -> set[str]:
    """The WorkspaceScoped models' tables: a workspace's own rows. (workspace_organization
    also leads with workspace_id, but names the shared directory, which a backup leaves out.)"""
    return {
        mapper.local_table.name  # type: ignore[attr-defined]
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, WorkspaceScoped)
    }


def table_specs() -> list[TableSpec]:
    """Every per-workspace table, parents before the tables that reference them."""
    scoped = _scoped_tables()
    tables = [t for t in Base.metadata.sorted_tables if t.name in scoped]
    renumbered = {t.name for t in tables if is_numbered(t)}
    specs = []
    for table in tables:
        refs: dict[str, Reference] = {}
        for fk in table.foreign_key_constraints:
            target = fk.referred_table.name
            if target not in renumbered:
                continue
            for key, element in zip(fk.column_keys, fk.elements, strict=True):
                if key != "workspace_id" and element.column.name == "id":
                    refs[key] = Reference(key, target, bool(table.c[key].nullable))
        for column in table.c:
            named = column.info.get("references")
            if named is not None and column.name not in refs:
                if named not in renumbered:
                    raise RuntimeError(
                        f"{table.name}.{column.name} references {named!r}, "
                        "which is not a renumbered per-workspace table"
                    )
                refs[column.name] = Reference(column.name, named, bool(column.nullable))
        specs.append(
            TableSpec(
                table=table,
                columns=tuple(c.name for c in table.c if c.name != "workspace_id"),
                key=tuple(c.name for c in table.primary_key.columns if c.name != "workspace_id"),
                renumbered=table.name in renumbered,
                references=tuple(refs.values()),
            )
        )
    return specs


# ------------------------------------------------------------------------------ reading


def _datetime_to_json(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def _date_to_json(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _float_to_json(value: float | None) -> float | None:
    return value if value is None or math.isfinite(value) else None


def _json_writers(spec: TableSpec) -> list[tuple[int, Callable[[Any], Any]]]:
    """(position, conversion) for the columns JSON cannot take as they are read."""
    writers: list[tuple[int, Callable[[Any], Any]]] = []
    for position, name in enumerate(spec.columns):
        kind = spec.table.c[name].type
        if isinstance(kind, UTCDateTime):
            kind = kind.impl_instance
        if isinstance(kind, DateTime):
            writers.append((position, _datetime_to_json))
        elif isinstance(kind, Date):
            writers.append((position, _date_to_json))
        elif isinstance(kind, Float):
            writers.append((position, _float_to_json))
    return writers


def read_rows(conn: Connection, spec: TableSpec, workspace_id: int) -> Iterator[dict[str, Any]]:
    """The workspace's rows of one table as JSON objects, in key order, streamed."""
    table = spec.table
    statement = (
        select(*(table.c[name] for name in spec.columns))
        .where(table.c.workspace_id == workspace_id)
        .order_by(*(table.c[name] for name in spec.key))
    )
    writers = _json_writers(spec)
    columns = spec.columns
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(statement)
    for row in result:
        values = list(row)
        for position, convert in writers:
            values[position] = convert(values[position])
        yield dict(zip(columns, values, strict=True))


def count_rows(conn: Connection, spec: TableSpec, workspace_id: int) -> int:
    from sqlalchemy import func

    table = spec.table
    return int(
        conn.execute(
            select(func.count()).select_from(table).where(table.c.workspace_id == workspace_id)
        ).scalar_one()
    )


def has_rows(conn: Connection, specs: Iterable[TableSpec], workspace_id: int) -> dict[str, int]:
    """The tables where the workspace already has rows, with their counts."""
    counts = {}
    for spec in specs:
        table = spec.table
        found = conn.execute(
            select(table.c.workspace_id).where(table.c.workspace_id == workspace_id).limit(1)
        ).first()
        if found is not None:
            counts[spec.name] = count_rows(conn, spec, workspace_id)
    return counts


# ------------------------------------------------------------------------------ writing


Converter = Callable[[Any], Any]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _converter(column: Column[Any]) -> Converter:
    """JSON value → the column's Python value, or RowProblem."""
    kind = column.type
    if isinstance(kind, UTCDateTime):
        kind = kind.impl_instance
    nullable = bool(column.nullable)

    def checked(convert: Converter, expected: str) -> Converter:
        def run(value: Any) -> Any:
            if value is None:
                if nullable:
                    return None
                raise RowProblem(f"{column.name}: a value is required")
            try:
                return convert(value)
            except (TypeError, ValueError, OverflowError):
                raise RowProblem(f"{column.name}: expected {expected}, not {value!r:.60}") from None

        return run

    if isinstance(kind, DateTime):

        def to_datetime(value: Any) -> datetime:
            if not isinstance(value, str):
                raise TypeError
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise ValueError
            return moment.astimezone(UTC)

        return checked(to_datetime, "a date and time with its UTC offset")
    if isinstance(kind, Date):

        def to_date(value: Any) -> date:
            if not isinstance(value, str):
                raise TypeError
            return date.fromisoformat(value)

        return checked(to_date, "a date (YYYY-MM-DD)")
    if isinstance(kind, Boolean):

        def to_bool(value: Any) -> bool:
            if not isinstance(value, bool):
                raise TypeError
            return value

        return checked(to_bool, "true or false")
    if isinstance(kind, Integer):

        def to_int(value: Any) -> int:
            if not _is_int(value) or abs(value) >= 1 << 63:
                raise TypeError
            return int(value)

        return checked(to_int, "an integer")
    if isinstance(kind, Float):

        def to_float(value: Any) -> float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError
            return float(value)

        return checked(to_float, "a number")
    if isinstance(kind, JSON):
        return checked(lambda value: value, "JSON")
    if isinstance(kind, String):
        length = kind.length

        def to_str(value: Any) -> str:
            if not isinstance(value, str):
                raise TypeError
            if length is not None and len(value) > length:
                raise ValueError
            if "\x00" in value:
                raise ValueError
            return value

        limit = f" of at most {length} characters" if length else ""
        return checked(to_str, f"text{limit} without NUL characters")
    raise RuntimeError(f"{column.table.name}.{column.name}: no backup conversion for {kind!r}")


@dataclass
class Renumbering:
    """Old id → new id, per renumbered table."""

    ids: dict[str, dict[int, int]] = field(default_factory=dict)

    def allocate(self, conn: Connection, table: str, old_ids: list[int]) -> None:
        """New ids for `old_ids` from store/ids.py, in the same order (so rows keep their
        relative order)."""
        fresh = next_ids(conn, table, len(old_ids))
        self.ids[table] = dict(zip(sorted(old_ids), fresh, strict=True))


class TableLoader:
    """Converts archived rows of one table and inserts them into a workspace, renumbered."""

    def __init__(self, spec: TableSpec, columns: Iterable[str], workspace_id: int):
        self.spec = spec
        self.columns = list(columns)
        table = spec.table
        self._convert = {name: _converter(table.c[name]) for name in self.columns}
        self.workspace_id = workspace_id
        self._refs = {ref.column: ref for ref in spec.references}
        self.cleared = 0  # plain references whose row was not in the archive
        # Columns naming a row of a shared table (the organization directory): kept where
        # that row exists in this database, cleared elsewhere (a backup does not carry it).
        self._shared = {
            name: table.c[name].info["shared"]
            for name in self.columns
            if table.c[name].info.get("shared")
        }
        self.shared_ids: dict[str, set[int]] = {}
        # Old id → id in this database of each shared table's rows the archive carries
        # (store/backup_directory.py); None for archives that carry none (format 1).
        self.shared_map: dict[str, dict[int, int]] | None = None

    def load_shared(self, conn: Connection) -> None:
        """The ids the shared tables this table names hold in this database."""
        if self.shared_map is not None:
            return
        for target in set(self._shared.values()):
            shared = Base.metadata.tables[target]
            self.shared_ids[target] = set(conn.execute(select(shared.c.id)).scalars())

    def convert(self, row: Mapping[str, Any], numbering: Renumbering) -> dict[str, Any]:
        if row.keys() != set(self.columns):
            missing = [c for c in self.columns if c not in row]
            extra = [c for c in row if c not in self._convert]
            what = f"lacks {missing[0]}" if missing else f"has an unknown column {extra[0]}"
            raise RowProblem(f"the row {what}")
        values = {name: self._convert[name](row[name]) for name in self.columns}
        if self.spec.renumbered:
            values["id"] = numbering.ids[self.spec.name][values["id"]]
        for name, ref in self._refs.items():
            old = values.get(name)
            if old is None:
                continue
            new = numbering.ids.get(ref.table, {}).get(old)
            if new is None:
                declared_fk = ref.column not in (
                    c.name for c in self.spec.table.c if c.info.get("references")
                )
                if declared_fk:
                    raise RowProblem(f"{name}: {old} names no row of {ref.table} in the backup")
                # A plain reference to a row already gone (a deleted meeting's calendar event,
                # still to be deleted on the server): empty, or where it cannot be, the
                # negative of its old id, which names no row either.
                new = None if ref.nullable else -abs(old)
                self.cleared += 1
            values[name] = new
        for name, target in self._shared.items():
            old = values.get(name)
            if old is None:
                continue
            if self.shared_map is not None:  # format 2: where the archive's row went
                values[name] = self.shared_map.get(target, {}).get(old)
            elif old not in self.shared_ids[target]:  # format 1: kept where the id exists
                values[name] = None
            if values[name] is None:
                self.cleared += 1
        values["workspace_id"] = self.workspace_id
        return values

    def insert(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        if rows:
            conn.execute(insert(self.spec.table), rows)


# ------------------------------------------------------------------------------ sessions


@contextmanager
def snapshot(db: Database, workspace_id: int) -> Iterator[Connection]:
    """A read-only view of one workspace as of one moment, so a backup taken while the web
    app or an import writes is consistent across its tables: PostgreSQL's REPEATABLE READ;
    on SQLite, a read transaction begun before the first read (the driver would otherwise
    run each read on its own)."""
    with db.session(workspace_id=workspace_id) as session:
        if db.engine.dialect.name == "postgresql":
            conn = session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        else:
            conn = session.connection()
            raw = conn.connection.driver_connection
            if raw is not None and not raw.in_transaction:
                conn.exec_driver_sql("BEGIN")
        yield conn


@contextmanager
def restoring(db: Database) -> Iterator[Session]:
    """One transaction for a whole restore: the workspace row and every table's rows are
    written with their workspace given explicitly (the session is not bound to one, since
    the workspace may be created in it)."""
    with db.session(all_workspaces=True) as session:
        yield session


def schema_age(revision: str) -> str:
    """'current', 'older' (a revision this nextmove knows and has moved past) or 'unknown'
    (written by a newer nextmove, or not by nextmove at all)."""
    if revision == SCHEMA_HEAD:
        return "current"
    from alembic.script import ScriptDirectory

    from nextmove.store.db import alembic_config_no_engine

    known = {
        rev.revision
        for rev in ScriptDirectory.from_config(alembic_config_no_engine()).walk_revisions()
    }
    return "older" if revision in known else "unknown"


def workspace_details(
    conn: Connection, workspace_id: int
) -> tuple[datetime | None, dict[str, Any]]:
    """The workspace's creation time and preferences, read in the backup's snapshot."""
    table = models.Workspace.__table__
    row = conn.execute(
        select(table.c.created_at, table.c.preferences).where(table.c.id == workspace_id)
    ).first()
    if row is None:
        return None, {}
    return row.created_at, dict(row.preferences or {})
