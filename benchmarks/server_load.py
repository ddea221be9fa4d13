"""An internal-mobility program under load: a live `nextmove server` on PostgreSQL with a
shared directory (default 100,000 people), 500 employee accounts (each with a plan, people,
journal entries and a marker text of their own) and a coach with 30 clients; 100 concurrent
sessions browse pages and write (journal entries, people) for 60 s over loopback, each with
its own Bearer token (the coach in its clients' workspaces). Side by side in the same run,
the same sessions call a trivial endpoint of the same server (`GET /api/me`: the token's
lookup and a few bytes of JSON).

Prints p50/p95/p99 per page and for the trivial endpoint, the ratio of the worst page p95 to
the trivial p95 (target ≤ 3×), errors (target 0) and cross-workspace results — a response
carrying another employee's marker (target 0) — with the load average.

Everything runs on this machine (PostgreSQL on --pg-port, the server on --port, both on
127.0.0.1), which also runs the load generator: on a loaded machine run it smaller, e.g.

    .venv/bin/python benchmarks/server_load.py --people 20000 --accounts 100 --sessions 30 --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, date, datetime
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench_orgchart import write_chart  # noqa: E402

from nextmove.domain.edits import PersonEdit  # noqa: E402
from nextmove.domain.journal import JournalEntry  # noqa: E402
from nextmove.services import accounts, coaching, people, vision  # noqa: E402
from nextmove.services.directory_import import import_directory  # noqa: E402
from nextmove.services.workspace import Database, open_workspace  # noqa: E402
from nextmove.store import directory as directory_store  # noqa: E402
from nextmove.store import directory_write  # noqa: E402

TARGET_RATIO = 3.0
PASSWORD = "correct horse battery staple"
MARKER = re.compile(r"mk(\d{5})z")
EMPLOYEE_PAGES = (
    "/",
    "/plans",
    "/people",
    "/opportunities",
    "/meetings",
    "/journal",
    "/suggestions",
)
COACH_PAGES = ("/coach", "/plans", "/people", "/journal")
TRIVIAL = "/api/me"


def marker(i: int) -> str:
    return f"mk{i:05d}z"


def setup(url: str, folder: Path, args: argparse.Namespace) -> tuple[list[str], str, list[int]]:
    """The program's data; (employee tokens, the coach's token, the coach's client indexes)."""
    now = datetime.now(UTC)
    today = date.today()
    db = Database.open(url)
    chart = folder / "chart.csv"
    write_chart(chart, args.people)
    admin = accounts.create_account(
        db, email="admin@example.org", name="Admin", role="admin", password=PASSWORD, now=now
    )
    started = time.perf_counter()
    import_directory(
        open_workspace(db, workspace_id=admin.workspace_id),
        chart,
        organization="Benchmark Corp",
        column_map=None,
        me=None,
        now=now,
        today=today,
    )
    print(f"  directory of {args.people:,} imported in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    with db.session() as session:
        (org,) = directory_store.organization_ids_of(session, admin.workspace_id)
    tokens = []
    for i in range(args.accounts):
        made = accounts.create_account(
            db, email=f"e{i}@example.org", name=f"Employee {i}", role="member",
            password=PASSWORD, now=now,
        )  # fmt: skip
        ws = open_workspace(db, workspace_id=made.workspace_id)
        vision.save_vision_data(
            ws,
            {"me": {"name": f"Me {marker(i)}"}, "steps": [{"title": f"Head of {marker(i)}"}]},
            source="benchmark",
            now=now,
        )
        for k in range(3):
            people.add_person(ws, PersonEdit(name=f"Contact {k} {marker(i)}"), now=now, today=today)
        vision.add_journal_entry(
            ws, JournalEntry(day=today, activity=f"Talk {marker(i)}", energy=1), now=now
        )
        with db.engine.begin() as conn:
            directory_write.link_workspace(conn, made.workspace_id, org, now)
        tokens.append(accounts.create_api_token(db, f"e{i}@example.org", name="load", now=now))
    coach = accounts.create_account(
        db, email="coach@example.org", name="Coach", role="coach", password=PASSWORD, now=now
    )
    clients = list(range(min(args.clients, args.accounts)))
    workspaces = []
    for i in clients:
        coaching.grant_access(
            db, client_email=f"e{i}@example.org", coach_email=coach.email, access="edit", now=now
        )
        found = accounts.account_for_email(db, f"e{i}@example.org")
        assert found is not None
        workspaces.append(found.workspace_id)
    coach_token = accounts.create_api_token(db, coach.email, name="load", now=now)
    db.dispose()
    print(
        f"  {args.accounts} accounts with their workspaces in {time.perf_counter() - started:.1f} s"
    )
    return tokens, coach_token, workspaces


class Tally:
    def __init__(self) -> None:
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.crossed: list[str] = []


async def session(
    client: httpx.AsyncClient,
    token: str,
    own: set[int],
    pages: tuple[str, ...],
    workspaces: list[int | None],
    deadline: float,
    think: float,
    tally: Tally,
    rng: random.Random,
    number: int,
) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    while time.monotonic() < deadline:
        roll = rng.random()
        target = rng.choice(workspaces)
        params = {"workspace": str(target)} if target is not None else {}
        if roll < 0.25:
            label, method, path, body = "trivial " + TRIVIAL, "GET", TRIVIAL, None
        elif roll < 0.35:
            label, method, path = "write journal entry", "POST", "/api/journal/entries"
            body = {"activity": f"Load {number}", "energy": rng.choice([-2, -1, 1, 2])}
        elif roll < 0.40:
            label, method, path = "write person", "POST", "/api/people"
            body = {"name": f"Load Person {number}-{rng.randrange(10**6)}"}
        else:
            path = rng.choice(pages)
            label, method, body = f"page {path}", "GET", None
            if path == "/coach":
                params = {}
        started = time.perf_counter()
        try:
            response = await client.request(method, path, params=params, json=body, headers=headers)
        except httpx.HTTPError as exc:
            tally.errors.append(f"{label}: {type(exc).__name__}")
            continue
        tally.times[label].append(time.perf_counter() - started)
        if response.status_code >= 400:
            tally.errors.append(f"{label}: {response.status_code} {response.text[:120]}")
        foreign = {int(m) for m in MARKER.findall(response.text)} - own
        if foreign:
            tally.crossed.append(f"{label} showed {sorted(foreign)[:5]}")
        await asyncio.sleep(rng.uniform(0, 2 * think))


async def load(
    base: str, tokens: list[str], coach: tuple[str, list[int], set[int]], args: argparse.Namespace
) -> Tally:
    tally = Tally()
    limits = httpx.Limits(max_connections=args.sessions, max_keepalive_connections=args.sessions)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        # Warm up (not measured): every page once per worker-ish, so a worker's first
        # template compilation and connection setup are not counted as load.
        warm = {"Authorization": f"Bearer {tokens[0]}"}
        for _ in range(args.workers):
            for path in (*EMPLOYEE_PAGES, TRIVIAL):
                await client.get(path, headers=warm)
        deadline = time.monotonic() + args.seconds
        rng = random.Random(1)
        jobs = []
        for n in range(args.sessions - 1):
            i = n % len(tokens)
            jobs.append(
                session(
                    client,
                    tokens[i],
                    {i},
                    EMPLOYEE_PAGES,
                    [None],
                    deadline,
                    args.think,
                    tally,
                    random.Random(n),
                    n,
                )
            )
        coach_token, coach_workspaces, coach_clients = coach
        jobs.append(
            session(
                client,
                coach_token,
                coach_clients,
                COACH_PAGES,
                list(coach_workspaces),
                deadline,
                args.think,
                tally,
                rng,
                10**6,
            )
        )
        await asyncio.gather(*jobs)
    return tally


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] * 1000


def start_server(url: str, folder: Path, args: argparse.Namespace) -> subprocess.Popen[bytes]:
    base = f"http://127.0.0.1:{args.port}"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("NEXTMOVE_")},
        "NEXTMOVE_BASE_URL": base,
        "NEXTMOVE_CONFIG_DIR": str(folder / "config"),
        "NEXTMOVE_DATA_DIR": str(folder / "data"),
    }
    log = (folder / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-c", "from nextmove.cli.app import main; main()", "--db", url,
         "server", "--port", str(args.port), "--workers", str(args.workers)],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            raise RuntimeError((folder / "server.log").read_text())
        try:
            if httpx.get(base + "/login", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            process.kill()
            raise RuntimeError("nextmove server did not start within 60 s")
        time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--accounts", type=int, default=500)
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=0.5, help="mean pause between requests (s)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8752)
    parser.add_argument("--pg-port", type=int, default=8753)
    args = parser.parse_args()

    import psycopg
    from tests.pg_server import PostgresServer, find_bindir

    bindir = find_bindir()
    if bindir is None:
        sys.exit("no PostgreSQL server binaries found")
    pg = PostgresServer(bindir)
    pg.port = args.pg_port
    pg.start()
    server = None
    try:
        with psycopg.connect(pg.url().replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute("CREATE DATABASE load")
        url = pg.url("load")
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            print(f"Server load: {args.people:,} directory people, {args.accounts} accounts, "
                  f"a coach with {args.clients} clients, {args.sessions} sessions for "
                  f"{args.seconds:g} s, {args.workers} workers")  # fmt: skip
            tokens, coach_token, coach_workspaces = setup(url, folder, args)
            server = start_server(url, folder, args)
            before = os.getloadavg()
            coach = (coach_token, coach_workspaces, set(range(min(args.clients, args.accounts))))
            tally = asyncio.run(load(f"http://127.0.0.1:{args.port}", tokens, coach, args))
            after = os.getloadavg()
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        pg.stop()

    total = sum(len(v) for v in tally.times.values())
    print(f"  {total:,} requests in {args.seconds:g} s ({total / args.seconds:.0f}/s)")
    print(f"  {'':<28}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for label in sorted(tally.times):
        values = tally.times[label]
        print(f"  {label:<28}{len(values):>7}{statistics.median(values) * 1000:>9.0f}"
              f"{percentile(values, .95):>9.0f}{percentile(values, .99):>9.0f}")  # fmt: skip
    trivial = percentile(tally.times["trivial " + TRIVIAL], 0.95)
    pages = {k: percentile(v, 0.95) for k, v in tally.times.items() if k.startswith("page ")}
    worst_label, worst = max(pages.items(), key=lambda kv: kv[1])
    ratio = worst / trivial if trivial else float("inf")
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(f"  worst page p95 ({worst_label}) / trivial p95: {ratio:.2f}× "
          f"(target ≤ {TARGET_RATIO:g}×: {verdict})")  # fmt: skip
    print(f"  errors: {len(tally.errors)} (target 0)")
    for line in tally.errors[:10]:
        print(f"    {line}")
    print(f"  cross-workspace results: {len(tally.crossed)} (target 0)")
    for line in tally.crossed[:10]:
        print(f"    {line}")
    print(f"  load average before {before[0]:.2f}, after {after[0]:.2f} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
