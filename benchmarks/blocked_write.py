"""Page loads while form writes wait for the database lock (issue 16 item 6).

Runs the real app under uvicorn on loopback (--port, default a free one) on a
fresh demo workspace in a temporary SQLite file. First today's page (`/`) is loaded --repeat
times with nothing locked. Then another connection takes SQLite's write lock (BEGIN
IMMEDIATE) and keeps it for --hold seconds while --writers form writes (journal entries) wait
for it, and the page is loaded again and again until the lock is released. The table prints
median, 95th percentile and maximum of both, the ratio of the medians, and how many page loads
finished while the lock was held. When routes ran blocking work in the event loop (0.1), no
page load finished until the lock was released (every one froze for the whole hold).

    .venv/bin/python benchmarks/blocked_write.py [--repeat 10] [--writers 4] [--hold 5]
"""

from __future__ import annotations

import argparse
import re
import socket
import sqlite3
import statistics
import tempfile
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import uvicorn

from nextmove.config import load_settings
from nextmove.services.demo import create_demo
from nextmove.services.workspace import Workspace
from nextmove.web.app import create_app

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def _times(client: httpx.Client, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get("/", params={"as_of": "2026-11-22"})
        out.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return out


def _row(label: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return f"{label:<34} {statistics.median(ordered):>9.1f} {p95:>9.1f} {ordered[-1]:>9.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--hold", type=float, default=5.0, help="seconds the lock is held")
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    args = parser.parse_args()
    if not args.port:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            args.port = probe.getsockname()[1]

    with tempfile.TemporaryDirectory(prefix="nextmove-bench-") as tmp:
        path = Path(tmp) / "nextmove.db"
        url = f"sqlite:///{path}"
        ws = Workspace.open(url, busy_timeout=args.hold + 30)
        create_demo(ws, today=date(2026, 11, 22), now=datetime(2026, 11, 22, 9, tzinfo=UTC))
        app = create_app(load_settings(database_url=url), port=args.port, db=ws)
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=args.port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        base = f"http://127.0.0.1:{args.port}"
        headers = {"Origin": base, "Sec-Fetch-Site": "same-origin"}
        try:
            with httpx.Client(base_url=base, timeout=args.hold + 60) as client:
                _times(client, 3)  # warm up
                free = _times(client, args.repeat)
                token = TOKEN.search(client.get("/journal").text)
                assert token
                holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
                holder.execute("BEGIN IMMEDIATE")
                released = threading.Event()

                def release() -> None:
                    time.sleep(args.hold)
                    holder.execute("ROLLBACK")
                    holder.close()
                    released.set()

                statuses: list[int] = []

                def write(i: int) -> None:
                    response = client.post(
                        "/journal",
                        data={
                            "csrf_token": token.group(1),
                            "date": "2026-11-20",
                            "activity": f"waiting write {i}",
                            "energy": "1",
                            "engagement": "3",
                        },
                        headers=headers,
                        follow_redirects=False,
                    )
                    statuses.append(response.status_code)

                writers = [threading.Thread(target=write, args=(i,)) for i in range(args.writers)]
                for w in writers:
                    w.start()
                time.sleep(0.2)  # let the writes reach the lock
                releaser = threading.Thread(target=release)
                releaser.start()
                busy: list[float] = []
                while not released.is_set():
                    busy += _times(client, 1)
                during = sum(busy[:-1]) / 1000  # the last load may have ended after the release
                finished_while_held = len(busy) - 1 if released.is_set() else len(busy)
                releaser.join()
                for w in writers:
                    w.join()
        finally:
            server.should_exit = True
            thread.join(timeout=30)
            ws.dispose()

    print(f"today's page (/); {args.writers} form writes waiting while the lock is held")
    print(f"{'':<34} {'median ms':>9} {'p95 ms':>9} {'max ms':>9}")
    print(_row("nothing locked", free))
    print(_row(f"lock held {args.hold:.0f} s, writes waiting", busy))
    ratio = statistics.median(busy) / statistics.median(free)
    print(f"median ratio (waiting / free): {ratio:.2f}")
    print(
        f"page loads that finished while the lock was held: at least {finished_while_held} "
        f"(of {len(busy)}; {during:.2f} s of loading); "
        f"the waiting writes then answered {sorted(statuses)}"
    )


if __name__ == "__main__":
    main()
