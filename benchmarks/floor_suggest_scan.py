"""The floor for `suggest` over the directory: one scan of the columns the ranking reads
(store.directory_reads.RANKING_COLUMNS) of an organization's current members, fetched into
Python with the database's own driver. Nothing can rank every member faster.

Run as a command it is the floor of `nextmove suggest` as a command: Python's start-up, the
driver's import and the scan (benchmarks/suggest_directory.py).

Usage: python floor_suggest_scan.py DATABASE_URL
"""

from __future__ import annotations

import sys

COLUMNS = (
    "m.organization_id, m.employee_id, m.name, m.title, m.level, m.function, m.department, "
    "m.manager_employee_id, m.city, m.depth"
)
SCAN = (
    f"SELECT {COLUMNS} FROM directory_member m JOIN organization o "
    "ON o.id = m.organization_id WHERE m.since_snapshot <= o.current_snapshot_id "
    "AND (m.until_snapshot IS NULL OR m.until_snapshot > o.current_snapshot_id)"
)


def scan(url: str) -> int:
    """Fetch the ranking's columns of every current member; how many rows."""
    if url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(url.split("///", 1)[1]) as conn:
            return len(conn.execute(SCAN).fetchall())
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg", "postgresql")) as conn:
        return len(conn.execute(SCAN).fetchall())


if __name__ == "__main__":
    print(scan(sys.argv[1]))
