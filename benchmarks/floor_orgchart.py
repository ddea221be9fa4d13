"""The floor for importing an org chart: parse the CSV with the csv module and bulk-insert the
raw rows with sqlite3 executemany into one table, in one transaction, with the settings
nextmove uses for SQLite (WAL, synchronous=NORMAL). Nothing can import the file faster.

Usage: python floor_orgchart.py CSV DATABASE
"""

from __future__ import annotations

import csv
import sqlite3
import sys


def main(csv_path: str, db_path: str) -> None:
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    with open(csv_path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        columns = ", ".join(f'"{name}"' for name in header)
        connection.execute(f"CREATE TABLE raw ({columns})")
        connection.execute("BEGIN")
        placeholders = ", ".join("?" for _ in header)
        connection.executemany(f"INSERT INTO raw VALUES ({placeholders})", reader)
        connection.execute("COMMIT")
    connection.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
