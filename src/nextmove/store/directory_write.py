"""Writing the organization directory: the store side of an import, in short transactions on
one connection the import holds for its whole run.

The import holds the rows it will write in memory (services/directory_plan.py) until the
whole file is read and checked; then each `insert_versions` / `apply_*` call is one short
transaction; `finish` moves the organization's `current_snapshot_id` last, and
`undo_snapshot` takes back what a failed or interrupted import wrote. Nothing here drops an
index or locks a table.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, bindparam, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError

from nextmove.errors import DatabaseBusy
from nextmove.store.db import is_busy
from nextmove.store.directory import LINK, ORG, SNAP

STAGE_COLUMNS = (
    "employee_id",
    "name",
    "title",
    "level",
    "function",
    "department",
    "manager_employee_id",
    "city",
    "email",
)
MEMBER_VALUES = ", ".join(STAGE_COLUMNS)
# How often a short transaction that found the database busy is tried again, and the pause
# between tries.
RETRIES = 4
RETRY_PAUSE = 0.25
UNDO_CHUNK = 20_000
# (16 MB measured slower: pages spilled and read again; 48 MB keeps a million-row import's
# peak under 500 MB.)
IMPORT_CACHE_KIB = 48 * 1024
BUSY_MESSAGE = "the database is busy with an import; try again in a moment"
# A lock key for PostgreSQL's advisory locks: "nextmove directory import".
PG_LOCK_KEY = 0x6E6D_6469

T = TypeVar("T")


def is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


# ---------------------------------------------------------------------- the import's lock


@contextmanager
def import_lock(engine: Engine, conn: Connection) -> Iterator[None]:
    """One directory import at a time per database, held for the import's whole run and
    released by the operating system or the server if the process dies — so a snapshot
    left 'applying' when this lock is taken is stale (its import is gone). Another import
    already running is DatabaseBusy, at once.

    SQLite: an advisory lock (flock) on a file beside the database; PostgreSQL: a
    session-level advisory lock on the import's connection."""
    if is_sqlite(conn):
        database = engine.url.database
        if not database or database == ":memory:":
            yield
            return
        path = Path(database + ".import-lock")
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise DatabaseBusy(
                    "another org-chart import is running on this database; try again when it "
                    "has finished"
                ) from None
            yield
        finally:
            os.close(fd)  # releases the lock
        return
    got = conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": PG_LOCK_KEY}).scalar()
    conn.commit()
    if not got:
        raise DatabaseBusy(
            "another org-chart import is running on this database; try again when it has finished"
        )
    try:
        yield
    finally:
        try:
            conn.rollback()
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": PG_LOCK_KEY})
            conn.commit()
        except DBAPIError:  # the connection is gone: so is the lock
            pass


def short(conn: Connection, work: Callable[[], T], *, pause: float = RETRY_PAUSE) -> T:
    """Run `work` as one transaction on `conn`, tried again a few times when another writer
    holds the database; then DatabaseBusy."""
    for attempt in range(RETRIES):
        try:
            with conn.begin():
                return work()
        except DBAPIError as exc:
            if not is_busy(exc) or attempt == RETRIES - 1:
                if is_busy(exc):
                    raise DatabaseBusy(BUSY_MESSAGE) from exc
                raise
            time.sleep(pause * (attempt + 1))
    raise AssertionError("unreachable")


@contextmanager
def import_cache(conn: Connection) -> Iterator[None]:
    """A larger page cache for the import's connection (SQLite): the directory's B-trees
    stay in memory instead of being spilled and read again; the default again afterwards
    (the connection goes back to the pool)."""
    if not is_sqlite(conn):
        yield
        return
    conn.exec_driver_sql(f"PRAGMA main.cache_size=-{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        with suppress(DBAPIError):
            conn.exec_driver_sql("PRAGMA main.cache_size=-2000")


# ---------------------------------------------------------------------- organizations


def ensure_organization(conn: Connection, key: str, name: str, now: datetime) -> int:
    """The organization's id, created on first import (two at once make one row)."""
    insert = pg_insert if not is_sqlite(conn) else sqlite_insert
    conn.execute(
        insert(ORG)
        .values(key=key, name=name, current_snapshot_id=None, created_at=now)
        .on_conflict_do_nothing(index_elements=["key"])
    )
    return int(
        conn.execute(text("SELECT id FROM organization WHERE key = :k"), {"k": key}).scalar_one()
    )


def link_workspace(conn: Connection, workspace_id: int, org_id: int, now: datetime) -> None:
    insert = pg_insert if not is_sqlite(conn) else sqlite_insert
    conn.execute(
        insert(LINK)
        .values(workspace_id=workspace_id, organization_id=org_id, linked_at=now)
        .on_conflict_do_nothing(index_elements=["workspace_id", "organization_id"])
    )


def find_organization(conn: Connection, key: str) -> tuple[int, str] | None:
    row = conn.execute(text("SELECT id, name FROM organization WHERE key = :k"), {"k": key}).first()
    return (int(row[0]), str(row[1])) if row else None


def current_of(conn: Connection, org_id: int) -> int | None:
    return conn.execute(
        text("SELECT current_snapshot_id FROM organization WHERE id = :o"), {"o": org_id}
    ).scalar_one_or_none()


# ---------------------------------------------------------------------- snapshots


def begin_snapshot(
    conn: Connection, org_id: int, *, file: str, taken_on: date, now: datetime
) -> tuple[int, int]:
    """A new snapshot in state 'applying': (id, number)."""
    number = int(
        conn.execute(
            text(
                "SELECT coalesce(max(number), 0) + 1 FROM directory_snapshot WHERE organization_id = :o"
            ),
            {"o": org_id},
        ).scalar_one()
    )
    snap_id = conn.execute(
        SNAP.insert()
        .values(
            organization_id=org_id,
            number=number,
            file=file[:255],
            taken_on=taken_on,
            imported_at=now,
            status="applying",
        )
        .returning(SNAP.c.id)
    ).scalar_one()
    return int(snap_id), number


def stale_snapshots(conn: Connection) -> list[tuple[int, int]]:
    """(snapshot, organization) of imports that never finished (call under import_lock)."""
    rows = conn.execute(
        text(
            "SELECT id, organization_id FROM directory_snapshot WHERE status = 'applying' ORDER BY id"
        )
    )
    return [(int(a), int(b)) for a, b in rows]


def undo_snapshot(conn: Connection, snap_id: int, org_id: int, *, pause: float = 0.0) -> None:
    """Take back what an unfinished import wrote — its new versions deleted, the versions it
    closed reopened, its team sizes deleted — in short transactions walking the
    organization's members by employee id; then the snapshot row itself, so the directory
    is exactly as it was. Readers saw none of it (the organization's pointer never
    moved)."""
    last = ""
    while True:
        upto = conn.execute(
            text(
                "SELECT employee_id FROM directory_member WHERE organization_id = :o "
                "AND employee_id > :last ORDER BY employee_id LIMIT 1 OFFSET :n"
            ),
            {"o": org_id, "last": last, "n": UNDO_CHUNK},
        ).scalar_one_or_none()
        conn.rollback()
        bounds = "employee_id > :last" + (" AND employee_id <= :upto" if upto is not None else "")
        params = {"o": org_id, "s": snap_id, "last": last, "upto": upto}

        def step(bounds: str = bounds, params: dict[str, Any] = params) -> None:
            conn.execute(
                text(
                    f"DELETE FROM directory_member WHERE organization_id = :o AND {bounds} "
                    "AND since_snapshot = :s"
                ),
                params,
            )
            conn.execute(
                text(
                    "UPDATE directory_member SET until_snapshot = NULL WHERE organization_id = :o "
                    f"AND {bounds} AND until_snapshot = :s"
                ),
                params,
            )

        short(conn, step)
        if upto is None:
            break
        last = upto
        if pause:
            time.sleep(pause)

    def close() -> None:
        conn.execute(
            text("DELETE FROM directory_team_size WHERE organization_id = :o AND snapshot_id = :s"),
            {"o": org_id, "s": snap_id},
        )
        conn.execute(text("DELETE FROM directory_snapshot WHERE id = :s"), {"s": snap_id})

    short(conn, close)


def finish_snapshot(
    conn: Connection,
    org_id: int,
    snap_id: int,
    counts: dict[str, int],
    *,
    analyzed_after: bool = False,
) -> None:
    """The import's last step (inside its last transaction): the snapshot complete, and the
    organization's readers moved to it. `analyzed_after`: the caller runs `analyze` once this
    transaction is committed (PostgreSQL: not twice, and not inside the last transaction)."""
    conn.execute(
        text(
            "UPDATE directory_snapshot SET status = 'complete', members = :members, "
            "joiners = :joiners, leavers = :leavers, moves = :moves, "
            "title_changes = :title_changes WHERE id = :s"
        ),
        {"s": snap_id, **counts},
    )
    conn.execute(
        text("UPDATE organization SET current_snapshot_id = :s WHERE id = :o"),
        {"s": snap_id, "o": org_id},
    )
    # Fresh statistics for the planner. Without them SQLite reads a whole organization by
    # its key to find one manager's team (store.directory.reports and holders: seconds at a
    # million members instead of a millisecond). A sample on SQLite (milliseconds); on
    # PostgreSQL its usual sample, before autovacuum would get to it.
    if is_sqlite(conn):
        conn.exec_driver_sql("PRAGMA analysis_limit = 1000")
        conn.exec_driver_sql("ANALYZE directory_member")
        conn.exec_driver_sql("PRAGMA analysis_limit = 0")
    elif not analyzed_after:
        conn.exec_driver_sql("ANALYZE directory_member")


# ---------------------------------------------------------------------- reading the last snapshot


# (employee_id, name, title, department, manager or '', city, email): a row as the file gives
# it, to compare with the file's.
ROW_VALUES = "employee_id, name, title, department, coalesce(manager_employee_id, ''), city, email"
VISIBLE = "since_snapshot <= :s AND (until_snapshot IS NULL OR until_snapshot > :s)"
# The same row as one string (name, title, department, manager or '', city, e-mail or ''),
# its cells joined by the unit separator: one object per member to read and hash, not six.
ROW_SEPARATOR = "\x1f"
_JOINED = " || {sep} || ".join(
    (
        "name",
        "title",
        "department",
        "coalesce(manager_employee_id, '')",
        "city",
        "coalesce(email, '')",
    )
)


def current_rows(conn: Connection, org_id: int, snapshot: int) -> Iterator[Sequence[Any]]:
    """(employee_id, the row as one string (ROW_SEPARATOR between its cells), depth) of
    every member at `snapshot`, streamed in lists of up to 20,000."""
    joined = _JOINED.format(sep="char(31)" if is_sqlite(conn) else "chr(31)")
    query = (
        f"SELECT employee_id, {joined}, depth FROM directory_member "
        f"WHERE organization_id = :o AND {VISIBLE}"
    )
    params = {"o": org_id, "s": snapshot}
    # Plain tuples from the driver: a million rows through result rows cost seconds.
    conn.execute(text("SELECT 1"))  # in a transaction the caller ends
    raw = conn.connection.driver_connection
    assert raw is not None
    if is_sqlite(conn):
        cursor = raw.execute(query, params)  # sqlite3 takes the :named parameters as they are
        while part := cursor.fetchmany(20_000):
            yield part
        return
    # A server-side cursor: the rows come 20,000 at a time, not all at once.
    with raw.cursor(name="directory_current_rows") as cursor:
        cursor.execute(query.replace(":o", "%(o)s").replace(":s", "%(s)s"), params)
        while part := cursor.fetchmany(20_000):
            yield part


def versions_of(
    conn: Connection, org_id: int, snapshot: int, employee_ids: Sequence[str]
) -> Iterator[Sequence[Any]]:
    """(employee_id, name, title, department, manager or '', city, email) of these members at
    `snapshot`."""
    for start in range(0, len(employee_ids), 500):
        wanted = list(employee_ids[start : start + 500])
        yield from conn.execute(
            text(
                f"SELECT {ROW_VALUES} FROM directory_member WHERE organization_id = :o "
                f"AND {VISIBLE} AND employee_id IN :e"
            ).bindparams(bindparam("e", expanding=True)),
            {"o": org_id, "s": snapshot, "e": wanted},
        )


def latest_team_sizes(conn: Connection, org_id: int, snapshot: int) -> dict[str, tuple[int, int]]:
    """manager -> (direct, size) as of `snapshot` (managers whose team is 0 left out)."""
    out: dict[str, tuple[int, int]] = {}
    rows = conn.execute(
        text(
            "SELECT manager_employee_id, direct, size FROM directory_team_size "
            "WHERE organization_id = :o AND snapshot_id <= :s "
            "ORDER BY manager_employee_id, snapshot_id"
        ),
        {"o": org_id, "s": snapshot},
    )
    for manager, direct, size in rows:
        out[manager] = (direct, size)
    return {m: v for m, v in out.items() if v[1] > 0}


# ---------------------------------------------------------------------- applying

MEMBER_COPY = f"organization_id, since_snapshot, {MEMBER_VALUES}, depth"


def insert_versions(
    conn: Connection, org_id: int, snap_id: int, rows: Iterable[tuple[Any, ...]]
) -> None:
    """New versions from this snapshot on: (employee_id, name, title, level, function,
    department, manager, city, email, depth) rows, in employee-id order so the directory's
    key grows in order (in the caller's transaction). SQLite: executemany on the driver;
    PostgreSQL: COPY into the table (no statement per row, and no lock beyond the rows')."""
    raw = conn.connection.driver_connection
    assert raw is not None
    if is_sqlite(conn):
        marks = ", ".join("?" * (len(STAGE_COLUMNS) + 1))
        raw.executemany(
            f"INSERT INTO directory_member ({MEMBER_COPY}) VALUES ({org_id}, {snap_id}, {marks})",
            rows,
        )
        return
    head: tuple[Any, ...] = (org_id, snap_id)
    with (
        raw.cursor() as cursor,
        cursor.copy(f"COPY directory_member ({MEMBER_COPY}) FROM STDIN") as copy,
    ):
        # (a loop run in C: each row written with the organization and snapshot before it)
        deque(map(copy.write_row, map(head.__add__, rows)), maxlen=0)


def apply_copies(
    conn: Connection, org_id: int, snap_id: int, rows: Sequence[tuple[str, int, bool]]
) -> None:
    """Members whose row did not change but whose depth did (someone above them moved), or
    whose manager --partial cut: (employee id, depth, cut). A new version — a copy of the
    current one at the new depth, without the manager where cut — and the old one closed."""
    if not rows:
        return
    if not is_sqlite(conn):
        # One statement for the lot: the members joined to their new depths.
        copied = ", ".join(
            "CASE WHEN c.cut THEN NULL ELSE m.manager_employee_id END"
            if col == "manager_employee_id"
            else f"m.{col}"
            for col in STAGE_COLUMNS
        )
        emps, depths, cuts = (list(x) for x in zip(*rows, strict=True))
        conn.execute(
            text(
                "INSERT INTO directory_member (organization_id, since_snapshot, until_snapshot, "
                f"{MEMBER_VALUES}, depth) SELECT m.organization_id, :s, NULL, {copied}, c.d "
                "FROM unnest(CAST(:e AS text[]), CAST(:d AS integer[]), CAST(:c AS boolean[])) "
                # LATERAL: each member looked up by its key, whatever the planner's statistics
                # say of a table a first import has just filled.
                "AS c(e, d, cut) CROSS JOIN LATERAL (SELECT * FROM directory_member x "
                "WHERE x.organization_id = :o AND x.employee_id = c.e "
                "AND x.until_snapshot IS NULL AND x.since_snapshot < :s) AS m"
            ),
            {"o": org_id, "s": snap_id, "e": emps, "d": depths, "c": cuts},
        )
    else:
        copied = ", ".join(
            "CASE WHEN ? = 1 THEN NULL ELSE manager_employee_id END"
            if col == "manager_employee_id"
            else col
            for col in STAGE_COLUMNS
        )
        raw = conn.connection.driver_connection
        assert raw is not None
        # (the parameters in the order they appear: cut, depth, employee id)
        raw.executemany(
            "INSERT INTO directory_member (organization_id, since_snapshot, until_snapshot, "
            f"{MEMBER_VALUES}, depth) SELECT organization_id, {snap_id}, NULL, {copied}, ? "
            f"FROM directory_member WHERE organization_id = {org_id} AND employee_id = ? "
            f"AND until_snapshot IS NULL AND since_snapshot < {snap_id}",
            [(int(cut), depth, emp) for emp, depth, cut in rows],
        )
    apply_leavers(conn, org_id, snap_id, [emp for emp, _, _ in rows])


def apply_leavers(conn: Connection, org_id: int, snap_id: int, employee_ids: Sequence[str]) -> None:
    """Close the current versions of these members (they left, or a new version replaces
    them)."""
    if not employee_ids:
        return
    if not is_sqlite(conn):  # one statement for the lot, by the primary key
        conn.execute(
            text(
                "UPDATE directory_member SET until_snapshot = :s WHERE organization_id = :o "
                "AND employee_id = ANY(:e) AND until_snapshot IS NULL AND since_snapshot < :s"
            ),
            {"o": org_id, "s": snap_id, "e": list(employee_ids)},
        )
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    raw.executemany(
        f"UPDATE directory_member SET until_snapshot = {snap_id} WHERE organization_id = "
        f"{org_id} AND employee_id = ? AND until_snapshot IS NULL AND since_snapshot < {snap_id}",
        zip(employee_ids),
    )


def analyze(conn: Connection) -> None:
    """PostgreSQL: fresh planner statistics for the directory once an import has written it
    (autovacuum gets to a table a million rows just filled later; the next import's lookups
    by key would otherwise be planned as scans). ANALYZE blocks no reader or writer. A
    failure here is no failure of the import, which is complete."""
    try:
        conn.rollback()
        conn.exec_driver_sql("ANALYZE directory_member, directory_team_size")
        conn.commit()
    except DBAPIError:
        conn.rollback()


def apply_team_sizes(
    conn: Connection, org_id: int, snap_id: int, rows: Sequence[tuple[str, int, int]]
) -> None:
    """(manager, direct, size) from this snapshot on."""
    if not rows:
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    columns = "organization_id, snapshot_id, manager_employee_id, direct, size"
    if is_sqlite(conn):
        raw.executemany(
            f"INSERT INTO directory_team_size ({columns}) VALUES ({org_id}, {snap_id}, ?, ?, ?)",
            rows,
        )
        return
    with (
        raw.cursor() as cursor,
        cursor.copy(f"COPY directory_team_size ({columns}) FROM STDIN") as copy,
    ):
        deque(map(copy.write_row, map((org_id, snap_id).__add__, rows)), maxlen=0)
