"""The organization directory against its floor, side by side in one run.

- First import of a generated chart (default 1,000,000 people) into the directory, against
  the floor: the same CSV parsed with the csv module and its raw rows inserted with sqlite3
  executemany into one unindexed table (floor_orgchart.py). Target ≤ 2×.
- The weekly refresh: the same chart with 1% changed (titles, moves, leavers, joiners),
  history kept. Target ≤ 1× the floor.
- Peak memory of the import (the child's max RSS). Target < 500 MB.
- The directory's size on disk against the floor's table. Target ≤ 1.5×.
- With --postgresql: the same against COPY of the raw rows into an unindexed table, on a
  throwaway server started here (port 8612).

With --baseline SRC (another checkout's src folder, e.g. main's worktree), the same imports
run with that code too, alternating with this one, so a change is measured before and after
under the same load. The load average is printed with the figures.

Usage: python benchmarks/directory_import.py [PEOPLE] [--postgresql] [--repeat N] [--baseline SRC]
"""

from __future__ import annotations

import argparse
import csv
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_orgchart import write_chart
from common import ROOT, Run, best, fresh, measure, status, tool

TARGET_FIRST = 2.0
TARGET_REFRESH = 1.0
TARGET_MB = 500
TARGET_SIZE = 1.5
PG_PORT = 8612
HERE = Path(__file__).resolve().parent


def write_refresh(source: Path, target: Path) -> dict[str, int]:
    """The same chart a week later, 1% of it changed: a quarter each new titles, moves (to a
    new manager: the root, never below themselves), leavers (people nobody reports to) and
    joiners."""
    with source.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}
    ei, mi, ti = col["employee_id"], col["manager_id"], col["title"]
    managers = {r[mi] for r in body if r[mi]}
    root = next(r[ei] for r in body if not r[mi])
    next_id = max(int(r[ei]) for r in body) + 1
    counts = {"titles": 0, "moves": 0, "leavers": 0, "joiners": 0}
    out = [header]
    for i, row in enumerate(body):
        if i % 100 or row[ei] == root:
            out.append(row)
            continue
        kind = (i // 100) % 4
        if kind == 0:
            out.append([*row[:ti], "Principal " + row[ti], *row[ti + 1 :]])
            counts["titles"] += 1
        elif kind == 1:
            out.append([*row[:mi], root, *row[mi + 1 :]])
            counts["moves"] += 1
        elif kind == 2 and row[ei] not in managers:
            counts["leavers"] += 1
        else:
            out.append(row)
            joiner = list(row)
            joiner[ei] = str(next_id)
            joiner[col["email"]] = f"new.{next_id}@example.com"
            next_id += 1
            out.append(joiner)
            counts["joiners"] += 1
    with target.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(out)
    return counts


def sqlite_size(path: Path, tables: tuple[str, ...]) -> int:
    """Bytes of these tables and their indexes (dbstat), after a checkpoint."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    try:
        marks = ",".join("?" * len(tables))
        names = [
            r[0]
            for r in connection.execute(
                f"SELECT name FROM sqlite_master WHERE tbl_name IN ({marks})", tables
            )
        ]
        marks = ",".join("?" * len(names))
        size = connection.execute(
            f"SELECT sum(pgsize) FROM dbstat WHERE name IN ({marks})", names
        ).fetchone()[0]
    except sqlite3.OperationalError:  # no dbstat: the whole file
        size = path.stat().st_size
    connection.close()
    return int(size or 0)


def nextmove_command(baseline: Path | None) -> tuple[list[str], dict[str, str] | None]:
    """The command that runs nextmove — this checkout's, or the code in `baseline` — and the
    environment it needs."""
    if baseline is None:
        return [tool("nextmove")], None
    code = "import sys; sys.argv[0] = 'nextmove'; from nextmove.cli.app import main; main()"
    return [sys.executable, "-c", code], {"PYTHONPATH": str(baseline)}


def load() -> str:
    return "load average " + " / ".join(f"{x:.1f}" for x in os.getloadavg())


def line(label: str, run: Run, floor: Run) -> str:
    return (
        f"  {label:<34} wall {run.wall:6.2f} s  cpu {run.cpu:6.2f} s  peak {run.peak_mb:5.0f} MB"
        f"  ({run.wall / floor.wall:.2f}× the floor's wall)"
    )


def bench_sqlite(
    folder: Path, chart: Path, refresh: Path, people: int, repeat: int, baseline: Path | None
) -> None:
    python = sys.executable
    ours_db, floor_db, base_db = folder / "nextmove.db", folder / "floor.db", folder / "base.db"

    def run(code: Path | None, db_path: Path, path: Path, new: bool) -> Run:
        command, env = nextmove_command(code)
        db = fresh(db_path) if new else db_path
        return measure(
            [*command, "--db", f"sqlite:///{db}", "import", "orgchart", str(path),
             "--organization", "Benchmark Corp", "--as-of", "2026-11-02" if new else "2026-11-09"],
            env=env,
        )  # fmt: skip

    floor_cmd = [python, str(HERE / "floor_orgchart.py"), str(chart), str(floor_db)]
    measure([python, str(HERE / "floor_orgchart.py"), str(chart), str(fresh(floor_db))])  # warm-up
    floors, firsts, refreshes = [], [], []
    base_firsts, base_refreshes = [], []
    print(f"SQLite: {load()} before")
    for _ in range(repeat):
        fresh(floor_db)
        floors.append(measure(floor_cmd))
        if baseline is not None:
            base_firsts.append(run(baseline, base_db, chart, True))
            base_refreshes.append(run(baseline, base_db, refresh, False))
        firsts.append(run(None, ours_db, chart, True))
        refreshes.append(run(None, ours_db, refresh, False))
    f, o, r = best(floors), best(firsts), best(refreshes)
    print(f"SQLite: {load()} after")
    size_ours = sqlite_size(ours_db, ("directory_member", "directory_team_size"))
    size_floor = sqlite_size(floor_db, ("raw",))
    print(f"Directory import, {people:,} people, SQLite (best of {repeat})")
    print(
        f"  {'floor: csv + executemany, no index':<34} wall {f.wall:6.2f} s  cpu {f.cpu:6.2f} s  peak {f.peak_mb:5.0f} MB"
    )
    if baseline is not None:
        print(line("baseline: first import", best(base_firsts), f))
        print(line("baseline: weekly refresh", best(base_refreshes), f))
    print(line("first import (snapshot 1)", o, f))
    print(line("weekly refresh, 1% changed", r, f))
    print(
        f"  first import: {o.wall / f.wall:.2f}× (target ≤ {TARGET_FIRST:g}×: {status(o.wall / f.wall, TARGET_FIRST)})"
    )
    print(
        f"  refresh:      {r.wall / f.wall:.2f}× (target ≤ {TARGET_REFRESH:g}×: {status(r.wall / f.wall, TARGET_REFRESH)})"
    )
    peak = max(o.peak_mb, r.peak_mb)
    print(
        f"  peak memory:  {peak:.0f} MB (target < {TARGET_MB} MB: {'meets the target' if peak < TARGET_MB else 'MISSES the target'})"
    )
    ratio = size_ours / size_floor
    print(
        f"  size on disk: directory {size_ours / 2**20:.1f} MB (both snapshots), floor table "
        f"{size_floor / 2**20:.1f} MB: {ratio:.2f}× (target ≤ {TARGET_SIZE:g}×: {status(ratio, TARGET_SIZE)})"
    )  # fmt: skip


def bench_postgresql(
    folder: Path,
    chart: Path,
    refresh: Path,
    people: int,
    repeat: int,
    port: int = PG_PORT,
    baseline: Path | None = None,
) -> None:
    sys.path.insert(0, str(ROOT))
    import psycopg
    from tests.pg_server import PostgresServer, find_bindir

    bindir = find_bindir()
    if bindir is None:
        print("PostgreSQL: no server binaries found; skipped")
        return
    server = PostgresServer(bindir)
    server.port = port
    server.start()
    try:
        admin = server.url().replace("+psycopg", "")
        python = sys.executable
        floors, firsts, refreshes = [], [], []
        base_firsts, base_refreshes = [], []
        print(f"PostgreSQL: {load()} before")

        def run(code: Path | None, url: str, path: Path, day: str) -> Run:
            command, env = nextmove_command(code)
            return measure(
                [*command, "--db", url, "import", "orgchart", str(path),
                 "--organization", "Benchmark Corp", "--as-of", day],
                env=env,
            )  # fmt: skip

        for n in range(repeat):
            with psycopg.connect(admin, autocommit=True) as conn:
                for name in (f"ours{n}", f"floor{n}", f"base{n}"):
                    conn.execute(f"DROP DATABASE IF EXISTS {name}")
                    conn.execute(f"CREATE DATABASE {name}")
            url = server.url(f"ours{n}")
            floors.append(
                measure(
                    [
                        python,
                        str(HERE / "floor_directory_pg.py"),
                        str(chart),
                        server.url(f"floor{n}"),
                    ]
                )
            )
            if baseline is not None:
                base_url = server.url(f"base{n}")
                base_firsts.append(run(baseline, base_url, chart, "2026-11-02"))
                base_refreshes.append(run(baseline, base_url, refresh, "2026-11-09"))
            firsts.append(run(None, url, chart, "2026-11-02"))
            refreshes.append(run(None, url, refresh, "2026-11-09"))
        f, o, r = best(floors), best(firsts), best(refreshes)
        print(f"PostgreSQL: {load()} after")
        last = repeat - 1
        with psycopg.connect(
            server.url(f"ours{last}").replace("+psycopg", ""), autocommit=True
        ) as conn:
            conn.execute("VACUUM")
            ours_size = conn.execute(
                "SELECT pg_total_relation_size('directory_member') + "
                "pg_total_relation_size('directory_team_size')"
            ).fetchone()[0]  # type: ignore[index]
        with psycopg.connect(server.url(f"floor{last}").replace("+psycopg", "")) as conn:
            floor_size = conn.execute("SELECT pg_total_relation_size('raw')").fetchone()[0]  # type: ignore[index]
        print(f"Directory import, {people:,} people, PostgreSQL (best of {repeat})")
        print(
            f"  {'floor: csv + COPY, no index':<34} wall {f.wall:6.2f} s  cpu {f.cpu:6.2f} s  peak {f.peak_mb:5.0f} MB"
        )
        if baseline is not None:
            print(line("baseline: first import", best(base_firsts), f))
            print(line("baseline: weekly refresh", best(base_refreshes), f))
        print(line("first import (snapshot 1)", o, f))
        print(line("weekly refresh, 1% changed", r, f))
        print(
            f"  first import: {o.wall / f.wall:.2f}× (target ≤ {TARGET_FIRST:g}×: {status(o.wall / f.wall, TARGET_FIRST)})"
        )
        print(
            f"  refresh:      {r.wall / f.wall:.2f}× (target ≤ {TARGET_REFRESH:g}×: {status(r.wall / f.wall, TARGET_REFRESH)})"
        )
        peak = max(o.peak_mb, r.peak_mb)
        print(
            f"  peak memory:  {peak:.0f} MB (target < {TARGET_MB} MB: {'meets the target' if peak < TARGET_MB else 'MISSES the target'})"
        )
        ratio = ours_size / floor_size
        print(
            f"  size on disk: directory {ours_size / 2**20:.1f} MB, floor table {floor_size / 2**20:.1f} MB: "
            f"{ratio:.2f}× (target ≤ {TARGET_SIZE:g}×: {status(ratio, TARGET_SIZE)})"
        )  # fmt: skip
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("people", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--postgresql", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--only-postgresql", action="store_true", help="only on PostgreSQL")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--port", type=int, default=PG_PORT, help="the throwaway PostgreSQL's port")
    parser.add_argument(
        "--baseline", metavar="SRC", type=Path, help="also run the code in this src folder"
    )
    parser.add_argument("--write", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        folder = Path(args.write)
        write_chart(folder / "chart.csv", args.people)
        counts = write_refresh(folder / "chart.csv", folder / "chart-week2.csv")
        print(f"Refresh: {', '.join(f'{v:,} {k}' for k, v in counts.items())}")
        return
    with tempfile.TemporaryDirectory(prefix="nextmove-directory-") as tmp:
        folder = Path(tmp)
        chart, refresh = folder / "chart.csv", folder / "chart-week2.csv"
        # Written by a child process: a child's peak memory (ru_maxrss) counts what it shared
        # with this process when it was forked, so this one stays small.
        written = subprocess.run(
            [sys.executable, __file__, "--write", str(folder), str(args.people)],
            check=True, capture_output=True, text=True,
        )  # fmt: skip
        print(written.stdout.strip())
        if not args.only_postgresql:
            bench_sqlite(folder, chart, refresh, args.people, args.repeat, args.baseline)
        if args.postgresql or args.only_postgresql:
            bench_postgresql(
                folder, chart, refresh, args.people, args.repeat, args.port, args.baseline
            )


if __name__ == "__main__":
    main()
