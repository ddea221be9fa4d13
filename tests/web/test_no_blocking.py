"""A write waiting for the database lock does not hold up anyone else's page.

Routes doing blocking database work are plain `def` (FastAPI runs them in its threadpool), so
the event loop stays free while one of them waits. Shown with the real app under a real uvicorn
on loopback, on a SQLite file whose write lock another connection holds (BEGIN IMMEDIATE): a
form write starts and waits for the lock; today's page (`/`) is asked for after it and answers while the
write is still waiting; the write then goes through once the lock is released. Ordering, not
timing: the busy timeout is a minute, far longer than the test ever waits."""

from __future__ import annotations

import inspect
import re
import socket
import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi.routing import APIRoute
from sqlalchemy import event

from nextmove.config import load_settings
from nextmove.services.workspace import DEFAULT_WORKSPACE_ID, Database
from nextmove.web.app import create_app

BUSY_TIMEOUT = 60.0  # seconds a write waits for the lock: far past anything awaited below
WAIT = 30.0  # the most the test waits for any one step (only reached when it fails)
# What a write sends first: its own BEGIN IMMEDIATE (to number new rows), or the write itself.
WRITES = ("BEGIN IMMEDIATE", "INSERT", "UPDATE", "DELETE")
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _endpoints(routes: list[Any]) -> Iterator[Callable[..., Any]]:
    """Every route's endpoint, through included routers (FastAPI keeps those as branches)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route.endpoint
        elif hasattr(route, "original_router"):
            yield from _endpoints(route.original_router.routes)


def test_no_route_runs_blocking_work_in_the_event_loop(tmp_path: Path) -> None:
    """Every route is plain `def`: what must be awaited (the form, the body) is read by async
    dependencies in nextmove.web.deps before the route runs in the threadpool."""
    settings = load_settings(database_url=f"sqlite:///{tmp_path / 'nextmove.db'}")
    endpoints = list(_endpoints(create_app(settings).router.routes))
    assert len(endpoints) > 100  # the pages and the API, not only the app's own routes
    coroutines = [
        f"{e.__module__}.{e.__qualname__}"
        for e in endpoints
        if inspect.iscoroutinefunction(e) and not e.__module__.startswith("fastapi.")
    ]
    assert coroutines == [], "async routes doing database work block every other request"


class Served:
    def __init__(self, base: str, db: Database, path: Path):
        self.base, self.db, self.path = base, db, path


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    path = tmp_path / "nextmove.db"
    url = f"sqlite:///{path}"
    db = Database.open(url, busy_timeout=BUSY_TIMEOUT)
    port = _free_port()
    app = create_app(load_settings(database_url=url), port=port, db=db)
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(600):
            if server.started:
                break
            threading.Event().wait(0.05)
        assert server.started, "uvicorn did not start"
        yield Served(f"http://127.0.0.1:{port}", db, path)
    finally:
        server.should_exit = True
        thread.join(timeout=WAIT)
        db.dispose()


def test_a_page_loads_while_a_form_write_waits_for_the_lock(served: Served) -> None:
    finished: list[str] = []
    results: dict[str, Any] = {}
    writing = threading.Event()

    def on_execute(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(WRITES):
            writing.set()  # the route is about to wait for the lock

    event.listen(served.db.engine, "before_cursor_execute", on_execute)
    headers = {"Origin": served.base, "Sec-Fetch-Site": "same-origin"}
    with httpx.Client(base_url=served.base, timeout=WAIT + BUSY_TIMEOUT) as client:
        page = client.get("/journal")
        assert page.status_code == 200
        token = TOKEN.search(page.text)
        assert token
        holder = sqlite3.connect(served.path, isolation_level=None, timeout=WAIT)
        try:
            holder.execute("BEGIN IMMEDIATE")  # another writer holds the database

            def write() -> None:
                results["write"] = client.post(
                    "/journal",
                    data={
                        "csrf_token": token.group(1),
                        "date": "2026-11-20",
                        "activity": "customer interviews",
                        "energy": "2",
                        "engagement": "4",
                    },
                    headers=headers,
                    follow_redirects=False,
                )
                finished.append("write")

            def read() -> None:
                results["today"] = client.get("/", params={"as_of": "2026-11-20"})
                finished.append("today")

            writer = threading.Thread(target=write)
            writer.start()
            while not writing.wait(0.05):
                assert writer.is_alive(), f"the form write did not reach the database: {results}"
            reader = threading.Thread(target=read)
            reader.start()
            reader.join(WAIT)  # returns at once unless the event loop is held up
            assert "write" not in finished, "the write did not wait for the lock"
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        writer.join(WAIT + BUSY_TIMEOUT)
        reader.join(WAIT)
    event.remove(served.db.engine, "before_cursor_execute", on_execute)
    assert finished == ["today", "write"], "the page waited for the write's lock"
    assert results["today"].status_code == 200
    assert results["write"].status_code == 303, results["write"].text[:500]
    with served.db.engine.connect() as connection:
        count = connection.exec_driver_sql(
            "SELECT count(*) FROM journal_entry "
            f"WHERE workspace_id = {DEFAULT_WORKSPACE_ID} AND activity = 'customer interviews'"
        ).scalar()
    assert count == 1
