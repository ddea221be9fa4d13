"""`suggest` over a large organization directory, against one scan of the columns the ranking
needs, side by side in one run, on SQLite and (with --postgresql) PostgreSQL.

A generated chart (default 1,000,000 people; bench_orgchart.write_chart) is imported into
the directory, then the same chart a week later with 1% changed (directory_import's refresh:
new titles, moves, leavers, joiners — teams that grew, careers to tell), and the user is
linked to a member deep in it (`--me`). Then, interleaved, best of `--repeat`:

- in process: `suggest_people(limit=20)` against the floor, one scan of the ranking's
  columns (floor_suggest_scan.SCAN) of every current member fetched into Python with the
  database's driver;
- as commands: `nextmove suggest --limit 20 --json` against the floor as a command
  (`python floor_suggest_scan.py URL`: Python's start-up, the driver's import and the scan).
  The user runs the command; the floor of a command cannot skip starting Python.

Targets: ≤ 1× (issue 13), ≤ 5× (issue 14). The ratios are printed as measured, with the
machine's load.

With `--compare SRC` (a `src` folder of another version of nextmove, e.g. from `git archive
main src | tar -x -C /tmp/before`) that version is timed too, the same way, for before/after
figures in one run. An older version refuses a database migrated past its own schema head
(0020 here): compare versions of the same schema.

Usage: python benchmarks/suggest_directory.py [PEOPLE] [--repeat N] [--postgresql]
       [--only-postgresql] [--pg-port PORT] [--compare SRC]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bench_orgchart import write_chart
from common import ROOT, Run, best, measure, status, tool
from directory_import import write_refresh
from floor_suggest_scan import scan

TARGET = 1.0
TARGET_14 = 5.0
HERE = Path(__file__).resolve().parent
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


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (5 min {five:.2f}) on {os.cpu_count()} cores"


def in_process(url: str, repeat: int) -> float:
    """suggest_people(limit=20) in this process, after a warm-up: the best time."""
    from nextmove.services.suggest import suggest_people
    from nextmove.services.workspace import Workspace

    db = Workspace.open(url)
    today = date(2026, 11, 22)
    suggest_people(db, today=today, limit=20)
    best_time = min(timed(lambda: suggest_people(db, today=today, limit=20)) for _ in range(repeat))
    db.dispose()
    return best_time


def other_version(src: str | None, command: list[str]) -> Run | None:
    """Run a command with another version of nextmove first on the path."""
    if src is None:
        return None
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = src
    try:
        return measure(command)
    finally:
        if before is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = before


def bench(
    url: str, folder: Path, chart: Path, refresh: Path, me: str, repeat: int, compare: str | None
) -> None:
    from nextmove.services.suggest import suggest_people
    from nextmove.services.workspace import Workspace

    nextmove = tool("nextmove")
    base = [nextmove, "--db", url]
    for command in (
        [*base, "vision", "import", str(folder / "vision.toml")],
        [*base, "import", "orgchart", str(chart), "--organization", "Bench Corp", "--me", me,
         "--as-of", "2026-11-02"],
        [*base, "import", "orgchart", str(refresh), "--organization", "Bench Corp",
         "--as-of", "2026-11-09"],
    ):  # fmt: skip
        run = measure(command)
        print(f"  setup: {' '.join(command[3:5])} {run.wall:.1f} s")
    suggest = [*base, "suggest", "--limit", "20", "--json", "--as-of", "2026-11-22"]
    floor_command = [sys.executable, str(HERE / "floor_suggest_scan.py"), url]
    db = Workspace.open(url)
    today = date(2026, 11, 22)
    result = suggest_people(db, today=today, limit=20)  # warm-up: imports, caches
    rows = scan(url)
    measure(suggest), measure(floor_command)  # warm-up: compiled modules, the page cache
    floors, ours, floor_runs, our_runs = [], [], [], []  # type: ignore[var-annotated]
    old_runs, old_times = [], []  # type: ignore[var-annotated]
    probe = [sys.executable, __file__, "--time-in-process", url, "--repeat", "1"]
    for _ in range(repeat):  # side by side, interleaved
        floors.append(timed(lambda: scan(url)))
        ours.append(timed(lambda: suggest_people(db, today=today, limit=20)))
        floor_runs.append(measure(floor_command))
        our_runs.append(measure(suggest))
        if compare is not None:
            old_runs.append(other_version(compare, suggest))
            old_times.append(
                float((folder / "in-process.txt").read_text())
                if other_version(compare, [*probe, "--out", str(folder / "in-process.txt")])
                else 0.0
            )
    db.dispose()
    floor, mine = min(floors), min(ours)
    f: Run = best(floor_runs)
    o: Run = best(our_runs)
    top = result.suggestions[0].candidate
    print(
        f"  {rows:,} current members; {result.considered:,} scored; first: {top.name}, {top.title}"
    )
    print(f"  {load()}")
    print(f"  in process (best of {repeat}):")
    print(f"    floor, one scan of the ranking's columns  {floor:7.3f} s")
    print(f"    suggest_people(limit=20)                   {mine:7.3f} s")
    if old_times:
        old = min(old_times)
        print(f"    before ({compare}): {old:7.3f} s, {old / floor:.2f}×")
    print(
        f"    ratio {mine / floor:.2f}× (target ≤ {TARGET:g}×: {status(mine / floor, TARGET)}; "
        f"issue 14 ≤ {TARGET_14:g}×: {status(mine / floor, TARGET_14)})"
    )
    print(f"  as commands (best of {repeat}):")
    print(f"    floor: python + driver + the scan          {f.wall:7.3f} s ")
    print(f"    nextmove suggest --limit 20 --json         {o.wall:7.3f} s ")
    if old_runs:
        old_run = best(old_runs)
        print(f"    before ({compare}): {old_run.wall:7.3f} s, {old_run.wall / f.wall:.2f}×")
    ratio = o.wall / f.wall
    print(
        f"    ratio {ratio:.2f}× (target ≤ {TARGET:g}×: {status(ratio, TARGET)}; "
        f"issue 14 ≤ {TARGET_14:g}×: {status(ratio, TARGET_14)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("people", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--postgresql", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--only-postgresql", action="store_true", help="only on PostgreSQL")
    parser.add_argument("--pg-port", type=int, default=8722, help="the PostgreSQL server's port")
    parser.add_argument("--compare", metavar="SRC", help="also time the nextmove in SRC")
    parser.add_argument("--time-in-process", metavar="URL", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time_in_process:  # a child of --compare: this version, in its own process
        Path(args.out).write_text(str(in_process(args.time_in_process, args.repeat)))
        return
    with tempfile.TemporaryDirectory(prefix="nextmove-suggest-dir-") as tmp:
        folder = Path(tmp)
        chart, refresh = folder / "chart.csv", folder / "refresh.csv"
        write_chart(chart, args.people)
        write_refresh(chart, refresh)
        with chart.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        deep = max(rows[: min(len(rows), 50_000)], key=lambda r: r["title"].count(" "))
        me, title = deep["employee_id"], deep["title"]
        del rows
        (folder / "vision.toml").write_text(VISION.format(title=title), encoding="utf-8")
        print(f"suggest over a {args.people:,}-person org chart; you: {title} ({me})")
        if not args.only_postgresql:
            print("SQLite")
            bench(f"sqlite:///{folder / 'nextmove.db'}", folder, chart, refresh, me,
                  args.repeat, args.compare)  # fmt: skip
        if args.postgresql or args.only_postgresql:
            sys.path.insert(0, str(ROOT))
            from tests.pg_server import PostgresServer, find_bindir

            bindir = find_bindir()
            if bindir is None:
                print("PostgreSQL: no server binaries found; skipped")
                return
            server = PostgresServer(bindir)
            server.port = args.pg_port
            server.start()
            try:
                import psycopg

                with psycopg.connect(server.url().replace("+psycopg", ""), autocommit=True) as c:
                    c.execute("CREATE DATABASE suggest_bench")
                print("PostgreSQL")
                bench(server.url("suggest_bench"), folder, chart, refresh, me,
                      args.repeat, args.compare)  # fmt: skip
            finally:
                server.stop()


if __name__ == "__main__":
    main()
