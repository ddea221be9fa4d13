"""Benchmarks for `nextmove suggest` (issue 4), printing figures and ratios.

1. 30,000 contacts: `nextmove suggest` as a whole command vs `nextmove --help`
   (target: at most 2x — the ranking costs no more than starting the program).
2. A 1,000,000-person org chart: the top 20 with explanations and warm paths, in process, vs
   one full scan of the columns the ranking needs (target: at most 5x).

Part 1 also shows the floors (benchmarks/common.py) as ratios to `--help`, measured in the
same interleaved runs: what importing SQLAlchemy Core, Core with one select, the ORM, and
nextmove's tables and settings cost alone — a target below a floor's ratio cannot be met by a
command that reads through that layer.

Usage: python benchmarks/suggest.py [--contacts 30000] [--org 1000000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import UTC, date, datetime
from pathlib import Path

from common import FLOOR_NOTE, floors
from sqlalchemy import select, text

from nextmove.domain.functions import FUNCTIONS
from nextmove.domain.vision import Position, Priority, RoleOutline, Vision
from nextmove.services.suggest import suggest_people
from nextmove.services.workspace import Workspace
from nextmove.store import network as network_repo
from nextmove.store import vision as vision_repo
from nextmove.store.people import P
from nextmove.store.suggest import CANDIDATE_COLUMNS, WITH_POSITION

NOW = datetime(2026, 11, 22, tzinfo=UTC)
TODAY = date(2026, 11, 22)
NEXTMOVE = str(Path(sys.executable).with_name("nextmove"))
FUNCTION_NAMES = sorted(FUNCTIONS)
CITIES = ["Chicago", "Austin", "Berlin", "London", "Toronto", "Remote"]
ORGS = [f"Company {i}" for i in range(400)]
COLUMNS = (
    "id",
    "name",
    "name_key",
    "first_name",
    "last_name",
    "organization",
    "org_key",
    "title",
    "department",
    "function",
    "level",
    "level_confidence",
    "level_source",
    "city",
    "industry",
    "offered_help",
    "navigated_transition",
    "peer",
    "manager_id",
    "created_at",
    "updated_at",
    "emails",
    "phones",
    "links",
    "tags",
)


def vision() -> Vision:
    return Vision(
        me=Position(
            name="Bench Me",
            title="Senior Analyst",
            organization="Company 0",
            function="data",
            level=3,
            city="Chicago",
            industry="software",
        ),
        steps=[
            RoleOutline(title="Analytics Manager", function="data", level=5, scope="A team"),
            RoleOutline(title="Director of Data", function="data", level=7, scope="A unit"),
        ],
        priorities=[Priority("career trajectory"), Priority("family life"), Priority("skills")],
    )


def insert_rows(db: Workspace, rows: list[tuple]) -> None:  # type: ignore[type-arg]
    placeholders = ", ".join(f":{c}" for c in COLUMNS)
    statement = text(
        f"INSERT INTO person (workspace_id, {', '.join(COLUMNS)}) VALUES (:ws, {placeholders})"
    )
    with db.session() as session:
        for start in range(0, len(rows), 20_000):
            session.execute(
                statement,
                [
                    {"ws": db.id, **dict(zip(COLUMNS, r, strict=True))}
                    for r in rows[start : start + 20_000]
                ],
            )


def row(
    i: int,
    rng: random.Random,
    *,
    org: str,
    manager: int | None,
    depth: int | None,
    level: int,
    function: str,
    source: str,
) -> tuple:  # type: ignore[type-arg]
    name = f"Person {i}"
    return (
        i,
        name,
        name.lower(),
        "Person",
        str(i),
        org,
        org.lower(),
        f"{function} role {level}",
        f"Dept {i % 50}",
        function,
        level,
        0.8,
        source,
        rng.choice(CITIES),
        "software",
        rng.random() < 0.01,
        rng.random() < 0.02,
        False,
        manager,
        NOW,
        NOW,
        "[]",
        "[]",
        "[]",
        "[]",
    )


def build_contacts(url: str, n: int) -> None:
    db = Workspace.open(url)
    rng = random.Random(4)
    rows = [
        row(
            i,
            rng,
            org=rng.choice(ORGS),
            manager=None,
            depth=None,
            level=rng.choice([1, 2, 2, 3, 3, 3, 4, 5, 5, 6, 7, 7, 8, 9, 11]),
            function=rng.choice(FUNCTION_NAMES),
            source="inferred",
        )
        for i in range(1, n + 1)
    ]
    insert_rows(db, rows)
    with db.session() as session:
        session.execute(
            text(
                "INSERT INTO person_source (workspace_id, id, person_id, kind, key, file, "
                "locator, created_at) SELECT workspace_id, id, id, 'linkedin', 'k' || id, 'Connections.csv', "
                "'', :now FROM person WHERE workspace_id = :ws"
            ),
            {"now": NOW, "ws": db.id},
        )
        session.execute(
            text(
                "INSERT INTO employment (workspace_id, id, person_id, position, organization, "
                "title, source) SELECT workspace_id, id, id, 0, 'Company 0', 'Senior Analyst', 'linkedin' "
                "FROM person WHERE workspace_id = :ws AND id % 97 = 0"
            ),
            {"ws": db.id},
        )
        vision_repo.save_vision(session, vision(), now=NOW)
    db.dispose()


def build_org(url: str, n: int, fanout: int = 8) -> int:
    """A tree: depth 0 is the CEO; levels fall with depth. Returns the user's person id."""
    db = Workspace.open(url)
    rng = random.Random(7)
    rows = []
    depth_of = {1: 0}
    level_by_depth = [11, 9, 7, 5, 4, 3, 2, 1]
    rows.append(
        row(
            1,
            rng,
            org="Megacorp",
            manager=None,
            depth=0,
            level=11,
            function="executive",
            source="orgchart",
        )
    )
    next_id = 2
    frontier = [1]
    while next_id <= n and frontier:
        new = []
        for parent in frontier:
            for _ in range(fanout):
                if next_id > n:
                    break
                d = depth_of[parent] + 1
                depth_of[next_id] = d
                rows.append(
                    row(
                        next_id,
                        rng,
                        org="Megacorp",
                        manager=parent,
                        depth=d,
                        level=level_by_depth[min(d, len(level_by_depth) - 1)],
                        function=rng.choice(FUNCTION_NAMES),
                        source="orgchart",
                    )
                )
                new.append(next_id)
                next_id += 1
        frontier = new
    insert_rows(db, rows)
    with db.session() as session:
        items = list(depth_of.items())
        for start in range(0, len(items), 50_000):
            session.execute(
                text(
                    "INSERT INTO org_position (workspace_id, person_id, depth) VALUES (:ws, :p, :d)"
                ),
                [{"ws": db.id, "p": p, "d": d} for p, d in items[start : start + 50_000]],
            )
    # A senior, five levels down (or as deep as a small chart goes).
    deep = min(5, max(depth_of.values()))
    me = next(i for i, d in depth_of.items() if d == deep)
    with db.session() as session:
        vision_repo.save_vision(session, vision(), now=NOW)
        session.execute(
            text("UPDATE profile SET organization = 'Megacorp' WHERE workspace_id = :ws"),
            {"ws": db.id},
        )
        network_repo.link_me(session, me)
    db.dispose()
    return me


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds (user + system) of each command, the commands run in turn
    (side by side under the same load), after one warm-up run each."""
    for argv in commands.values():
        subprocess.run(argv, check=True, capture_output=True)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            times[name].append((wall, cpu))
    return {
        name: (statistics.median(w for w, _ in runs_), statistics.median(c for _, c in runs_))
        for name, runs_ in times.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--org", type=int, default=1_000_000, help="0 skips part 2")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="nextmove-bench-suggest-"))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")

    url = f"sqlite:///{tmp / 'contacts.db'}"
    build_contacts(url, args.contacts)
    commands = {
        "nextmove --help": [NEXTMOVE, "--help"],
        "nextmove suggest -n 20": [
            NEXTMOVE, "--db", url, "suggest", "--limit", "20", "--as-of", "2026-11-22",
        ],
        **dict(floors(url)),
    }  # fmt: skip
    times = interleaved(commands, args.runs)
    help_wall, help_cpu = times["nextmove --help"]
    print(
        f"\n1. suggest over {args.contacts:,} contacts (median of {args.runs} runs, whole command)"
    )
    print(f"   {'':<38} {'wall s':>7} {'cpu s':>7} {'÷ --help':>8} {'cpu ÷':>6}")
    for name, (wall, cpu) in times.items():
        line = (
            f"   {name:<38} {wall:7.3f} {cpu:7.3f} {wall / help_wall:7.2f}x {cpu / help_cpu:5.2f}x"
        )
        if name == "nextmove suggest -n 20":
            line += "   (target <= 2x)"
        print(line)
    print(f"   load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(textwrap.indent(textwrap.fill(FLOOR_NOTE, width=92), "   "))

    if args.org <= 0:  # --org 0: part 1 only
        return
    url = f"sqlite:///{tmp / 'org.db'}"
    start = time.perf_counter()
    build_org(url, args.org)
    print(
        f"\n2. top 20 over a {args.org:,}-person org chart (built in {time.perf_counter() - start:.0f} s)"
    )
    db = Workspace.open(url)
    scans, ranks = [], []
    for _ in range(max(1, args.runs // 2)):
        start = time.perf_counter()
        with db.session() as session:
            count = sum(
                1
                for _ in session.connection().execute(
                    select(*CANDIDATE_COLUMNS).select_from(WITH_POSITION)
                )
            )
        scans.append(time.perf_counter() - start)
        start = time.perf_counter()
        result = suggest_people(db, today=TODAY, limit=20)
        ranks.append(time.perf_counter() - start)
    scan, rank = statistics.median(scans), statistics.median(ranks)
    assert count == args.org and len(result.suggestions) == 20
    with_paths = sum(1 for s in result.suggestions if s.candidate.path is not None)
    print(f"   full scan of the ranking's columns ({count:,} rows)  {scan:7.3f} s")
    print(
        f"   suggest: top 20 with reasons and paths              {rank:7.3f} s   "
        f"({result.considered:,} scored, {with_paths} with a warm path)"
    )
    print(
        f"   ratio                                               {rank / scan:7.2f}x   (target <= 5x)"
    )
    db.dispose()
    _ = P


if __name__ == "__main__":
    main()
