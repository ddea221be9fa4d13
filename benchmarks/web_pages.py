"""Server time per page of the web app on the demo workspace (goal: under 100 ms each).

Runs the real app in-process (no network): builds a fresh demo workspace in a temporary
SQLite file (or the database given with --db), warms each page up once, then requests it
--repeat times and prints a table of median, 95th percentile and maximum.

    .venv/bin/python benchmarks/web_pages.py [--repeat 30] [--db URL] [--pages /,/map]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import warnings
from datetime import UTC, date, datetime
from pathlib import Path

from nextmove.config import load_settings
from nextmove.services.demo import create_demo
from nextmove.services.workspace import Workspace
from nextmove.web.app import create_app

GOAL_MS = 100.0
PORT = 8765
PAGES = [
    "/",
    "/vision",
    "/vision/edit",
    "/journal",
    "/journal?days=365",
    "/settings",
    "/demo",
    "/people",
    "/opportunities",
    "/opportunities/3",
    "/opportunities/new",
    "/opportunities/compare?ids=3&ids=4",
    "/suggestions",
    "/map",
    "/suggestions/paths/13",
    "/api/vision",
    "/api/vision/check",
    "/api/journal/entries",
    "/api/journal/summary",
    "/api/opportunities",
    "/api/opportunities/evaluation",
    "/api/opportunities/compare?ids=3&ids=4",
    "/api/suggestions",
    "/api/people/13/paths",
    "/round",
    "/board",
    "/opportunities/4",
    "/people?q=chen",
    "/people?keep=due",
    "/people?level=director&function=product",
    "/people/38",
    "/people/38/edit",
    "/people/new",
    "/meetings",
    "/meetings/1",
    "/meetings/new?person_id=13",
    "/import",
    "/calendar.ics",
    "/api/today",
    "/api/round",
    "/api/board",
    "/api/people",
    "/api/people/38",
    "/api/keep",
    "/api/meetings",
    "/api/meetings/1",
    "/api/opportunities/4/people",
    "/api/people/picks?q=no",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30, help="requests per page")
    parser.add_argument("--db", help="database URL (default: a fresh SQLite file)")
    parser.add_argument(
        "--pages", help="only these pages, comma-separated (default: every page listed above)"
    )
    args = parser.parse_args()
    pages = args.pages.split(",") if args.pages else PAGES
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

    with tempfile.TemporaryDirectory(prefix="nextmove-bench-") as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'demo.db'}"
        db = Workspace.open(url)
        create_demo(db, today=date.today(), now=datetime.now(UTC), replace=True)
        settings = load_settings(database_url=url, email="maya.chen@example.com")
        app = create_app(settings, port=PORT, db=db)
        rows = []
        with TestClient(app, base_url=f"http://127.0.0.1:{PORT}") as client:
            for page in pages:
                first = client.get(page)
                assert first.status_code == 200, (page, first.status_code)
                times = []
                for _ in range(args.repeat):
                    start = time.perf_counter()
                    response = client.get(page)
                    times.append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 200
                times.sort()
                p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
                rows.append((page, statistics.median(times), p95, times[-1], len(first.content)))
        db.dispose()

    backend = url.split(":", 1)[0]
    print(f"Server time per page, demo workspace on {backend}, {args.repeat} requests each")
    print(f"{'page':<40} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'bytes':>8}  goal")
    for page, median, p95, worst, size in rows:
        verdict = "ok" if p95 < GOAL_MS else f"over {GOAL_MS:.0f} ms"
        print(f"{page:<40} {median:>10.1f} {p95:>8.1f} {worst:>8.1f} {size:>8}  {verdict}")
    slowest = max(rows, key=lambda r: r[2])
    print(
        f"Slowest p95: {slowest[0]} at {slowest[2]:.1f} ms "
        f"({slowest[2] / GOAL_MS:.2f}× the {GOAL_MS:.0f} ms goal)"
    )


if __name__ == "__main__":
    main()
