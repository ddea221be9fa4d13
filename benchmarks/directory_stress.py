"""Writers during an org-chart import: nobody is locked out.

4 CLI writers (`nextmove people add` and `nextmove journal add` processes, one after the
other) and 4 HTTP writers (POST /api/people and /api/journal/entries to a real `nextmove
serve` on 127.0.0.1:8611) write while a 200,000-person org chart is imported into the
directory; a reader times queries on the people and on the directory all along. Printed:
writes that succeeded and how many of them are missing afterwards (lost), "database is
locked" errors, busy refusals (exit 75 / HTTP 503), HTTP 5xx, the longest CLI and HTTP write
against their time before the import, the longest reader query, and whether the import
completed.

Usage: python benchmarks/directory_stress.py [PEOPLE] [--postgresql]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench_orgchart import write_chart
from common import ROOT, child_env, tool

PORT = 8611
PG_PORT = 8613
WRITERS = 4


@dataclass
class Tally:
    ok: list[str] = field(default_factory=list)  # names of the people written
    journal_ok: int = 0
    locked: int = 0
    busy: int = 0
    http_5xx: int = 0
    other_failures: list[str] = field(default_factory=list)
    before: list[float] = field(default_factory=list)  # durations before the import started
    during: list[float] = field(default_factory=list)  # durations while it ran
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, seconds: float, importing: bool) -> None:
        with self.lock:
            (self.during if importing else self.before).append(seconds)


def cli_writer(
    k: int, url: str, stop: threading.Event, phase: dict[str, bool], tally: Tally
) -> None:
    nextmove = tool("nextmove")
    env = {**child_env(), "NEXTMOVE_CONFIG_DIR": "/nonexistent-nextmove-config"}
    n = 0
    while not stop.is_set():
        n += 1
        name = f"cli-{k}-{n}"
        if n % 2:
            args = ["people", "add", name, "--organization", "Elsewhere"]
        else:
            args = ["journal", "add", f"stress {name}", "--energy", "1"]
        importing = phase["importing"]
        started = time.perf_counter()
        done = subprocess.run(
            [nextmove, "--db", url, *args], env=env, capture_output=True, text=True
        )
        tally.record(time.perf_counter() - started, importing)
        with tally.lock:
            if done.returncode == 0:
                if n % 2:
                    tally.ok.append(name)
                else:
                    tally.journal_ok += 1
            elif "database is locked" in done.stderr:
                tally.locked += 1
            elif done.returncode == 75:
                tally.busy += 1
            else:
                tally.other_failures.append(
                    f"{args[0]} exit {done.returncode}: {done.stderr[-300:]}"
                )


def http_writer(k: int, stop: threading.Event, phase: dict[str, bool], tally: Tally) -> None:
    n = 0
    while not stop.is_set():
        n += 1
        name = f"http-{k}-{n}"
        if n % 2:
            path, body = "/api/people", {"name": name, "organization": "Elsewhere"}
        else:
            path, body = "/api/journal/entries", {"activity": f"stress {name}", "energy": 1}
        request = urllib.request.Request(
            f"http://127.0.0.1:{PORT}{path}",
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        importing = phase["importing"]
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, text = response.status, response.read().decode(errors="replace")
        except urllib.error.HTTPError as exc:
            status, text = exc.code, exc.read().decode(errors="replace")
        except OSError as exc:
            status, text = 0, str(exc)
        tally.record(time.perf_counter() - started, importing)
        with tally.lock:
            if 200 <= status < 300:
                if n % 2:
                    tally.ok.append(name)
                else:
                    tally.journal_ok += 1
            else:
                if "database is locked" in text:
                    tally.locked += 1
                if status == 503:
                    tally.busy += 1
                elif status >= 500:
                    tally.http_5xx += 1
                elif status != 503:
                    tally.other_failures.append(f"{path} {status}: {text[:300]}")
        time.sleep(0.05)


def reader(
    url: str, stop: threading.Event, phase: dict[str, bool], times: dict[str, list[float]]
) -> None:
    """Reader queries straight on the database: a page of people, a manager's reports."""
    if url.startswith("sqlite"):
        import sqlite3

        conn: object = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=60)
    else:
        import psycopg

        conn = psycopg.connect(url.replace("+psycopg", ""), autocommit=True)
    queries = [
        "SELECT id, name FROM person ORDER BY id DESC LIMIT 50",
        "SELECT m.employee_id, m.name FROM directory_member m JOIN organization o "
        "ON o.id = m.organization_id WHERE m.manager_employee_id = (SELECT min(manager_employee_id) "
        "FROM directory_member) AND m.since_snapshot <= coalesce(o.current_snapshot_id, 0) "
        "AND (m.until_snapshot IS NULL OR m.until_snapshot > o.current_snapshot_id) LIMIT 50",
    ]
    while not stop.is_set():
        for q in queries:
            started = time.perf_counter()
            conn.execute(q).fetchall()  # type: ignore[attr-defined]
            times["during" if phase["importing"] else "before"].append(
                time.perf_counter() - started
            )
        time.sleep(0.05)
    conn.close()  # type: ignore[attr-defined]


def lock_probe(
    url: str, stop: threading.Event, phase: dict[str, bool], waits: dict[str, list[float]]
) -> None:
    """How long a writer waits for the database itself, apart from the CPU the machine has to
    spare: every 50 ms, take the write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: update a row
    the import never touches) and give it back, timing the wait."""
    if url.startswith("sqlite"):
        import sqlite3

        conn: Any = sqlite3.connect(
            url.removeprefix("sqlite:///"), timeout=60, isolation_level=None
        )
        take, give = "BEGIN IMMEDIATE", "ROLLBACK"
    else:
        import psycopg

        conn = psycopg.connect(url.replace("+psycopg", ""), autocommit=True)
        conn.execute("BEGIN")
        conn.execute("ROLLBACK")
        take, give = "BEGIN; UPDATE workspace SET name = name WHERE id = 1", "ROLLBACK"
    while not stop.is_set():
        started = time.perf_counter()
        conn.execute(take)
        waits["during" if phase["importing"] else "before"].append(time.perf_counter() - started)
        conn.execute(give)
        time.sleep(0.05)
    conn.close()


def wait_for_server() -> None:
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/api/people", timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("nextmove serve did not start")


def people_named(url: str, names: list[str]) -> int:
    query = "SELECT name FROM person WHERE name LIKE 'cli-%' OR name LIKE 'http-%'"
    if url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            found = {r[0] for r in conn.execute(query)}
    else:
        import psycopg

        with psycopg.connect(url.replace("+psycopg", "")) as conn:
            found = {r[0] for r in conn.execute(query)}
    return sum(1 for n in names if n in found)


def stress(url: str, chart: Path, label: str) -> None:
    nextmove = tool("nextmove")
    env = child_env()
    subprocess.run(
        [nextmove, "--db", url, "people", "list"], env=env, check=True, capture_output=True
    )
    server = subprocess.Popen(
        [nextmove, "--db", url, "serve", "--port", str(PORT), "--host", "127.0.0.1", "--no-browser"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    cli, http = Tally(), Tally()
    reads: dict[str, list[float]] = {"before": [], "during": []}
    waits: dict[str, list[float]] = {"before": [], "during": []}
    try:
        wait_for_server()
        stop = threading.Event()
        phase = {"importing": False}
        threads = [
            threading.Thread(target=cli_writer, args=(k, url, stop, phase, cli))
            for k in range(WRITERS)
        ]
        threads += [
            threading.Thread(target=http_writer, args=(k, stop, phase, http))
            for k in range(WRITERS)
        ]
        threads.append(threading.Thread(target=reader, args=(url, stop, phase, reads)))
        threads.append(threading.Thread(target=lock_probe, args=(url, stop, phase, waits)))
        for t in threads:
            t.start()
        time.sleep(6)  # the writers' times without an import
        phase["importing"] = True
        started = time.perf_counter()
        imported = subprocess.run(
            [nextmove, "--db", url, "import", "orgchart", str(chart), "--organization", "Stress Corp"],
            env=env, capture_output=True, text=True,
        )  # fmt: skip
        import_seconds = time.perf_counter() - started
        phase["importing"] = False
        time.sleep(1)
        stop.set()
        for t in threads:
            t.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    found = people_named(url, cli.ok + http.ok)
    written = len(cli.ok) + len(http.ok)

    def worst(t: Tally) -> str:
        base = statistics.median(t.before) if t.before else 0.0
        top = max(t.during, default=0.0)
        return (
            f"max {top:.2f} s during the import (median {base:.2f} s before; {top - base:+.2f} s)"
        )

    print(
        f"{label}: {chart.stat().st_size / 2**20:.0f} MB chart imported while 4 CLI and 4 HTTP writers wrote"
    )
    print(
        f"  import: {'completed' if imported.returncode == 0 else f'FAILED (exit {imported.returncode})'} in {import_seconds:.1f} s"
    )
    if imported.returncode:
        print("   ", imported.stderr[-500:])
    print(f"  writes that succeeded: {written} people, {cli.journal_ok + http.journal_ok} journal entries; "
          f"lost: {written - found}")  # fmt: skip
    print(f"  'database is locked': {cli.locked + http.locked}; busy refusals (75/503): {cli.busy + http.busy}; "
          f"HTTP 5xx: {http.http_5xx}; other failures: {len(cli.other_failures) + len(http.other_failures)}")  # fmt: skip
    for failure in (cli.other_failures + http.other_failures)[:5]:
        print("   ", failure)
    print(f"  CLI writes ({len(cli.during)} during the import): {worst(cli)}")
    print(f"  HTTP writes ({len(http.during)} during the import): {worst(http)}")
    print(f"  write-lock probe ({len(waits['during'])} during the import): longest wait "
          f"{max(waits['during'], default=0) * 1000:.0f} ms (before: {max(waits['before'], default=0) * 1000:.0f} ms)")  # fmt: skip
    print(f"  reader queries ({len(reads['during'])} during the import): max {max(reads['during'], default=0) * 1000:.0f} ms "
          f"(max {max(reads['before'], default=0) * 1000:.0f} ms before)")  # fmt: skip


def main() -> None:
    global PORT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("people", nargs="?", type=int, default=200_000)
    parser.add_argument("--postgresql", action="store_true", help="on PostgreSQL (else SQLite)")
    parser.add_argument("--port", type=int, default=PORT, help="the web app's port")
    parser.add_argument("--pg-port", type=int, default=PG_PORT, help="the throwaway PostgreSQL's")
    args = parser.parse_args()
    PORT = args.port
    with tempfile.TemporaryDirectory(prefix="nextmove-stress-") as tmp:
        folder = Path(tmp)
        chart = folder / "chart.csv"
        write_chart(chart, args.people)
        if not args.postgresql:
            stress(f"sqlite:///{folder / 'stress.db'}", chart, f"SQLite, {args.people:,} people")
            return
        sys.path.insert(0, str(ROOT))
        import psycopg
        from tests.pg_server import PostgresServer, find_bindir

        bindir = find_bindir()
        if bindir is None:
            raise SystemExit("no PostgreSQL binaries")
        server = PostgresServer(bindir)
        server.port = args.pg_port
        server.start()
        try:
            with psycopg.connect(server.url().replace("+psycopg", ""), autocommit=True) as conn:
                conn.execute("CREATE DATABASE stress")
            stress(server.url("stress"), chart, f"PostgreSQL, {args.people:,} people")
        finally:
            server.stop()
    os.environ.pop("NEXTMOVE_DATABASE_URL", None)


if __name__ == "__main__":
    main()
