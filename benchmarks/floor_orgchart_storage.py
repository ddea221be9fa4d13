"""What storing nextmove's org chart rows costs in SQLite with nothing else: no CSV, no Python
per row. The rows an import stored (people, their chart positions, the import's record) are
copied by SQLite itself from that database into an empty one with nextmove's schema, with the
settings an import uses (WAL, synchronous=NORMAL, foreign keys on, a 128 MB cache while
loading, the person table's lookup indexes dropped and built again after the load), in one
transaction.

An import has to do all of this and more, so this is a lower bound for it: bench_orgchart.py
sets it against the floor of the target.

Usage: python floor_orgchart_storage.py IMPORTED_DATABASE EMPTY_DATABASE_WITH_SCHEMA
"""

from __future__ import annotations

import sqlite3
import sys

TABLES = ("import_run", "person", "org_position", "org_snapshot")


def main(source: str, target: str) -> None:
    connection = sqlite3.connect(target, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
        connection.execute(f"PRAGMA {pragma}")
    connection.execute("ATTACH DATABASE ? AS source", (f"file:{source}?mode=ro",))
    indexes = connection.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND tbl_name = 'person' "
        "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"
    ).fetchall()
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("PRAGMA main.cache_size=-131072")
    for name, _ in indexes:
        connection.execute(f'DROP INDEX main."{name}"')
    for table in TABLES:
        connection.execute(f'INSERT INTO main."{table}" SELECT * FROM source."{table}"')
    connection.execute("PRAGMA threads=4")
    for _, sql in indexes:
        connection.execute(sql)
    connection.execute("COMMIT")
    connection.execute("DETACH DATABASE source")
    connection.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
