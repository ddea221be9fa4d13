"""Benchmark for `nextmove moves` (issue 14, item 7), printing figures and ratios.

30,000 contacts, every one with an employment history (two to four past positions with
dates, titles as people write them): `nextmove moves` (where people in your role went next)
and `nextmove moves --to …` as whole commands vs `nextmove --help`, measured side by side.
Target: at most 1x — mining every history costs no more than starting the program.

Beside them, the floors (benchmarks/common.py): what importing SQLAlchemy Core, Core with one
select, the ORM, and nextmove's tables and settings cost alone, each as a ratio to `--help` —
a target below a floor's ratio cannot be met by a command that reads through that layer.

Usage: python benchmarks/moves.py [--contacts 30000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import textwrap
from datetime import UTC, date, datetime
from pathlib import Path

from common import FLOOR_NOTE, best, floors, measure, status
from sqlalchemy import text

from nextmove.domain.vision import Position, RoleOutline, Vision
from nextmove.services.workspace import Workspace
from nextmove.store import vision as vision_repo

NOW = datetime(2026, 11, 22, tzinfo=UTC)
NEXTMOVE = str(Path(sys.executable).with_name("nextmove"))
TARGET = 1.0
TITLES = [
    "Data Analyst", "Data Scientist", "Senior Data Scientist", "Machine Learning Engineer",
    "Product Manager", "Senior Product Manager", "Group Product Manager", "Director of Product",
    "Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager",
    "Director of Engineering", "VP Engineering", "Account Executive", "Sales Manager",
    "Marketing Manager", "Head of Marketing", "Financial Analyst", "Finance Manager",
    "Controller", "VP Finance", "CFO", "Registered Nurse", "Nurse Manager",
    "Director of Clinical Operations", "Recruiter", "HR Business Partner", "Consultant",
    "Senior Consultant", "Project Manager", "Operations Manager", "UX Designer",
    "Customer Success Manager", "Business Analyst", "Analytics Manager", "Head of Data",
]  # fmt: skip
TEAMS = ["", "", "", ", Growth", ", Platform", " – EMEA", ", Payments", " (Remote)"]
ORGS = [f"Company {i}" for i in range(600)]


def build(url: str, n: int) -> int:
    db = Workspace.open(url)
    rng = random.Random(14)
    people, jobs = [], []
    for i in range(1, n + 1):
        career = [rng.choice(TITLES) + rng.choice(TEAMS) for _ in range(rng.randint(3, 5))]
        year = rng.randint(2006, 2014)
        starts = []
        for _ in career:
            starts.append(date(year, rng.randint(1, 12), 1))
            year += rng.randint(1, 4)
        name = f"Person {i}"
        people.append(
            {"id": i, "name": name, "name_key": name.lower(), "org": rng.choice(ORGS),
             "title": career[-1], "start": starts[-1], "now": NOW}
        )  # fmt: skip
        past = list(zip(career[:-1], starts[:-1], starts[1:], strict=True))
        for position, (title, start, end) in enumerate(reversed(past)):
            jobs.append(
                {"p": i, "pos": position, "org": rng.choice(ORGS), "t": title, "s": start, "e": end}
            )
    with db.session() as session:
        session.execute(
            text(
                "INSERT INTO person (workspace_id, id, name, name_key, organization, org_key, "
                "title, changed_jobs_on, created_at, updated_at) VALUES (:ws, :id, :name, "
                ":name_key, :org, lower(:org), :title, :start, :now, :now)"
            ),
            [{"ws": db.id, **p} for p in people],
        )
        session.execute(
            text(
                "INSERT INTO employment (workspace_id, id, person_id, position, organization, "
                "title, start_date, end_date, source) VALUES (:ws, :id, :p, :pos, :org, :t, :s, :e, "
                "'linkedin')"
            ),
            [{"ws": db.id, "id": k, **j} for k, j in enumerate(jobs, start=1)],
        )
        vision_repo.save_vision(
            session,
            Vision(
                me=Position(name="Bench Me", title="Data Scientist", function="data", level=2),
                steps=[RoleOutline(title="Product Manager", function="product", level=2)],
            ),
            now=NOW,
        )
    db.dispose()
    return len(jobs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="nextmove-bench-moves-"))
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    url = f"sqlite:///{tmp / 'contacts.db'}"
    jobs = build(url, args.contacts)
    print(f"{args.contacts:,} contacts with {jobs:,} past positions")
    commands = {
        "--help": [NEXTMOVE, "--help"],
        "moves": [NEXTMOVE, "--db", url, "moves", "--as-of", "2026-11-22"],
        "moves --to": [
            NEXTMOVE, "--db", url, "moves", "--to", "Product Manager", "--as-of", "2026-11-22",
        ],
    }  # fmt: skip
    commands.update(floors(url))
    for command in commands.values():
        measure(command)  # warm-up: compiled modules cached, the file in the page cache
    runs: dict[str, list] = {name: [] for name in commands}  # type: ignore[type-arg]
    for _ in range(args.runs):  # side by side, interleaved
        for name, command in commands.items():
            runs[name].append(measure(command))
    base = best(runs["--help"])
    print(f"nextmove --help: {base.wall:.3f} s wall, {base.cpu:.3f} s CPU (best of {args.runs})")
    for name in ("moves", "moves --to"):
        run = best(runs[name])
        ratio, cpu_ratio = run.wall / base.wall, run.cpu / base.cpu
        print(
            f"nextmove {name}: {run.wall:.3f} s wall, {run.cpu:.3f} s CPU, {run.peak_mb:.0f} MB; "
            f"{ratio:.2f}x --help wall, {cpu_ratio:.2f}x CPU (target ≤ {TARGET:g}x: "
            f"{status(ratio, TARGET)})"
        )
    for name in commands:
        if name.startswith("floor"):
            run = best(runs[name])
            print(
                f"{name}: {run.wall:.3f} s wall, {run.cpu:.3f} s CPU; "
                f"{run.wall / base.wall:.2f}x --help wall, {run.cpu / base.cpu:.2f}x CPU"
            )
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(textwrap.fill(FLOOR_NOTE, width=96))


if __name__ == "__main__":
    main()
