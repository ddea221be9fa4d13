"""How long a sign-in takes at the documented Argon2 cost (goal: 300 ms or less).

Times the whole sign-in (rate-limit reads, the Argon2id verification, the session insert)
through the service the `/login` page calls, on a temporary SQLite file or the database
given with --db, and, side by side, the Argon2 verification alone and a wrong password
(which also verifies, and records a failure). Prints median, 95th percentile and maximum.

    .venv/bin/python benchmarks/login.py [--repeat 30] [--db URL]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from nextmove.errors import NotSignedIn
from nextmove.services import accounts, sign_in
from nextmove.services.workspace import Database

GOAL_MS = 300.0
PASSWORD = "correct horse battery staple"


def _figures(times: list[float]) -> tuple[float, float, float]:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000, ordered[-1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'login.db'}"
        db = Database.open(url)
        now = datetime.now(UTC)
        email = f"bench-{time.time_ns()}@example.org"
        accounts.create_account(
            db, email=email, name="Bench", role="member", password=PASSWORD, now=now
        )
        stored = accounts.hasher().hash(PASSWORD)
        rows: dict[str, list[float]] = {"sign-in": [], "argon2 verify": [], "wrong password": []}
        for i in range(args.repeat):
            moment = now + timedelta(hours=i)  # each attempt in its own window: never locked
            start = time.perf_counter()
            sign_in.sign_in(
                db,
                email=email,
                password=PASSWORD,
                address="bench",
                now=moment,
                lifetime=timedelta(hours=1),
            )
            rows["sign-in"].append(time.perf_counter() - start)
            start = time.perf_counter()
            accounts.hasher().verify(PASSWORD, stored)
            rows["argon2 verify"].append(time.perf_counter() - start)
            start = time.perf_counter()
            with contextlib.suppress(NotSignedIn):
                sign_in.sign_in(
                    db,
                    email=email,
                    password="wrong",
                    address=f"bench{i}",
                    now=moment,
                    lifetime=timedelta(hours=1),
                )
            rows["wrong password"].append(time.perf_counter() - start)
        db.dispose()
    print(
        f"Argon2id cost: {accounts.ARGON2_MEMORY_KIB} KiB, {accounts.ARGON2_TIME_COST} passes, "
        f"{accounts.ARGON2_PARALLELISM} lane; {args.repeat} runs on {url.split(':')[0]}"
    )
    print(f"{'':16} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    for name, times in rows.items():
        median, p95, worst = _figures(times)
        print(f"{name:16} {median:10.1f} {p95:8.1f} {worst:8.1f}")
    median, p95, _ = _figures(rows["sign-in"])
    verify = statistics.median(rows["argon2 verify"]) * 1000
    print(f"sign-in / verify alone (median): {median / verify:.2f}x")
    print(f"goal: p95 sign-in <= {GOAL_MS:.0f} ms: {'met' if p95 <= GOAL_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
