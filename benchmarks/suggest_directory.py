"""`suggest` over a large organization directory, against one scan of the columns the ranking
needs, side by side in one run (SQLite).

A generated chart (default 1,000,000 people; bench_orgchart.write_chart) is imported into
the directory, the user is linked to a member deep in it (`--me`), and `nextmove suggest
--limit 20` is timed in a child process, against the floor: one scan of the current members'
ranking columns (title, level, function, department, manager, depth) with sqlite3. Target
(issue 13): ≤ 1×. The ratio is printed as measured.

Usage: python benchmarks/suggest_directory.py [PEOPLE] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import sqlite3
import tempfile
import time
from pathlib import Path

from bench_orgchart import write_chart
from common import best, measure, status, tool

TARGET = 1.0
VISION = """version = 1
priorities = ["career trajectory", "skills development", "family life"]

[me]
name = "Bench Person"
title = "{title}"
organization = "Bench Corp"

[[steps]]
title = "Engineering Manager"
function = "engineering"
level = "manager"
scope = "Lead a team."
"""


def scan(db: Path) -> float:
    """One scan of the ranking's columns of the current members."""
    start = time.perf_counter()
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT m.employee_id, m.name, m.title, m.level, m.function, m.department, "
            "m.manager_employee_id, m.depth FROM directory_member m JOIN organization o "
            "ON o.id = m.organization_id WHERE m.since_snapshot <= o.current_snapshot_id "
            "AND (m.until_snapshot IS NULL OR m.until_snapshot > o.current_snapshot_id)"
        ).fetchall()
    assert rows
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("people", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    nextmove = tool("nextmove")
    with tempfile.TemporaryDirectory(prefix="nextmove-suggest-dir-") as tmp:
        folder = Path(tmp)
        chart = folder / "chart.csv"
        write_chart(chart, args.people)
        with chart.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        deep = max(rows[: min(len(rows), 50_000)], key=lambda r: r["title"].count(" "))
        me, title = deep["employee_id"], deep["title"]
        db = folder / "nextmove.db"
        url = f"sqlite:///{db}"
        (folder / "vision.toml").write_text(VISION.format(title=title), encoding="utf-8")
        base = [nextmove, "--db", url]
        for command in (
            [*base, "vision", "import", str(folder / "vision.toml")],
            [*base, "import", "orgchart", str(chart), "--organization", "Bench Corp", "--me", me],
        ):
            run = measure(command)
            print(f"setup: {' '.join(command[3:5])} {run.wall:.1f} s")
        suggest = [*base, "suggest", "--limit", "20", "--json", "--as-of", "2026-11-22"]
        measure(suggest)  # warm-up: compiled modules, the page cache
        timed = best([measure(suggest) for _ in range(args.repeat)])
        floor = min(scan(db) for _ in range(args.repeat))
        ratio = timed.wall / floor
        print(f"chart: {args.people:,} members; you: {title} ({me})")
        print(f"suggest --limit 20: {timed.wall:.2f} s wall, {timed.peak_mb:.0f} MB peak")
        print(f"floor (one scan of the ranking's columns): {floor:.2f} s")
        print(f"ratio: {ratio:.2f}× (target ≤ {TARGET}×: {status(ratio, TARGET)})")


if __name__ == "__main__":
    main()
