"""The floor for importing an org chart on PostgreSQL: parse the CSV with the csv module and
COPY its raw rows into one unindexed table, in one transaction. Nothing can import the file
faster.

Usage: python floor_directory_pg.py CSV DATABASE_URL
"""

from __future__ import annotations

import csv
import sys

import psycopg


def main(csv_path: str, url: str) -> None:
    with psycopg.connect(url.replace("+psycopg", "")) as connection:
        with open(csv_path, newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            columns = ", ".join(f'"{name}" text' for name in header)
            connection.execute(f"CREATE TABLE raw ({columns})")
            with connection.cursor() as cursor, cursor.copy("COPY raw FROM STDIN") as copy:
                for row in reader:
                    copy.write_row(row)
        connection.commit()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
