"""Concurrent writers: many `nextmove` processes writing to one database at once.

A stress test, not a timing test: real OS processes run the real CLI against one SQLite file
and one PostgreSQL database. Each process imports nextmove first and then waits for a common
start signal, so their writes overlap as closely as the machine allows. Nothing may be lost,
and no process may fail (0.1 lost 2 of 32 `people add` to `UNIQUE constraint failed:
person.id`: both read max(id) before either held the write lock).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from nextmove.services.people import add_person
from nextmove.services.workspace import Workspace
from tests.conftest import NOW, TODAY

# Each process loads the CLI, says it is ready, waits for the start file, then runs one
# command line through the same entry point users run (`nextmove …`).
RUNNER = """
import os, sys, time
from nextmove.cli.app import main
go = sys.argv[1]
open(go + ".ready." + str(os.getpid()), "w").close()
while not os.path.exists(go):
    time.sleep(0.005)
main(sys.argv[2:])
"""

ROUNDS = 1
WRITERS = 10  # people add, touch, journal add and me set, interleaved


ME_SET = [["me", "set", "--title", "Director of Product"], ["me", "set", "--city", "Berlin"]]


def _command(i: int, url: str) -> list[str]:
    day = TODAY.isoformat()
    if i % WRITERS >= 8:  # two edits of your position at once: both must land
        return ["--db", url, *ME_SET[i % WRITERS - 8]]
    kind = 0 if i % 4 < 2 else i % 4 - 1  # half of them add people: the id race
    if kind == 0:
        args = ["people", "add", f"Writer {i}", "--organization", "Acme", "--email", f"w{i}@x.org"]
    elif kind == 1:
        args = ["touch", "Target Person", "--note", f"touch {i}", "--as-of", day]
    else:
        args = ["journal", "add", f"activity {i}", "--energy", "1", "--as-of", day]
    return ["--db", url, *args]


def _run_round(url: str, first: int, tmp_path: Path) -> list[subprocess.CompletedProcess[str]]:
    go = tmp_path / f"go{first}"
    env = {**os.environ, "NEXTMOVE_BUSY_TIMEOUT_SECONDS": "60"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", RUNNER, str(go), *_command(i, url)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for i in range(first, first + WRITERS)
    ]
    deadline = time.monotonic() + 120
    while len(list(tmp_path.glob(f"go{first}.ready.*"))) < WRITERS:
        assert time.monotonic() < deadline, "the writer processes did not start"
        assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
        time.sleep(0.01)
    go.touch()
    results = []
    for i, proc in enumerate(procs):
        out, err = proc.communicate(timeout=180)
        results.append(
            subprocess.CompletedProcess(_command(first + i, url), proc.returncode, out, err)
        )
    return results


def test_concurrent_cli_writers_lose_nothing_and_never_fail(db_url: str, tmp_path: Path) -> None:
    db = Workspace.open(db_url)
    try:
        add_person(db, {"name": "Target Person"}, now=NOW, today=TODAY)
    finally:
        db.dispose()

    results = []
    for r in range(ROUNDS):
        results += _run_round(db_url, r * WRITERS, tmp_path)

    failed = [(r.args, r.returncode, r.stderr) for r in results if r.returncode != 0]
    assert failed == []

    count = ROUNDS * WRITERS
    plain = [i for i in range(count) if i % WRITERS < 8]
    added = {f"Writer {i}" for i in plain if i % 4 < 2}
    touches = {f"touch {i}" for i in plain if i % 4 == 2}
    activities = {f"activity {i}" for i in plain if i % 4 == 3}

    db = Workspace.open(db_url)
    try:
        with db.db.session(all_workspaces=True) as s:  # everything written, as stored
            names = set(s.execute(text("SELECT name FROM person")).scalars())
            notes = set(s.execute(text("SELECT note FROM interaction")).scalars())
            journal = set(s.execute(text("SELECT activity FROM journal_entry")).scalars())
            ids = list(s.execute(text("SELECT id FROM person")).scalars())
            me = s.execute(text("SELECT title, city FROM profile")).all()
    finally:
        db.dispose()
    assert added <= names
    assert len(names) == len(added) + 1
    assert touches <= notes
    assert activities <= journal
    assert len(ids) == len(set(ids))
    assert [tuple(row) for row in me] == [("Director of Product", "Berlin")]
