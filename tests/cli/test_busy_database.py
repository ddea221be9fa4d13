"""A busy database is a message, never "internal error".

Another connection holds a real write lock (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: the lock
an org-chart import holds on `person`, and one on `journal_entry`) while a CLI command and an
HTTP request try to write. The busy timeout is made short through the setting
`busy_timeout_seconds` (NEXTMOVE_BUSY_TIMEOUT_SECONDS), as a user would."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from fastapi.testclient import TestClient
from sqlalchemy.engine import make_url

from nextmove.config import load_settings
from nextmove.errors import DatabaseBusy
from nextmove.services.workspace import open_database
from nextmove.store.db import normalize_url
from nextmove.web.app import create_app
from tests.conftest import Cli

BUSY_WORDS = "the database is busy with another task (an import?); try again in a moment"
BASE = "http://127.0.0.1:8765"
JSON = {"Origin": BASE, "Sec-Fetch-Site": "same-origin"}


@contextmanager
def write_locked(url: str) -> Iterator[None]:
    """Hold the database's write lock from another connection, as an import does."""
    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() == "sqlite":
        conn = sqlite3.connect(parsed.database or "", isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            conn.execute("ROLLBACK")
            conn.close()
        return
    dsn = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn) as conn:
        conn.execute("LOCK TABLE person IN SHARE ROW EXCLUSIVE MODE")
        conn.execute("LOCK TABLE journal_entry IN SHARE ROW EXCLUSIVE MODE")
        yield
        conn.rollback()


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEXTMOVE_BUSY_TIMEOUT_SECONDS", "0.2")


@pytest.mark.parametrize(
    "command",
    ["people add 'Ada Lovelace' --organization Acme", "journal add planning --energy 1"],
)
def test_cli_write_on_a_busy_database_says_so_with_exit_75(
    cli: Cli, short_wait: None, command: str
) -> None:
    assert cli("people list").exit_code == 0  # the database exists and is migrated
    with write_locked(str(cli.url)):
        result = cli(command)
    assert result.exit_code == DatabaseBusy.exit_code == 75
    assert BUSY_WORDS in " ".join(result.stderr.split())
    assert "Internal error" not in result.output and "Traceback" not in result.output
    # Nothing was half-written, and the same command works once the lock is gone.
    assert "Ada Lovelace" not in cli("people list").stdout
    assert cli(command).exit_code == 0


def test_reads_go_on_while_a_writer_holds_the_lock(cli: Cli, short_wait: None) -> None:
    assert cli("people add 'Grace Hopper'").exit_code == 0
    with write_locked(str(cli.url)):
        listed = cli("people list")
    assert listed.exit_code == 0 and "Grace Hopper" in listed.stdout


def test_http_write_on_a_busy_database_is_503_with_retry_after(
    db_url: str, short_wait: None
) -> None:
    settings = load_settings(database_url=db_url)
    db = open_database(settings)
    try:
        app = create_app(settings, port=8765, db=db)
        with TestClient(app, base_url=BASE) as client:
            token_page = client.get("/journal")
            assert token_page.status_code == 200
            with write_locked(db_url):
                api = client.post(
                    "/api/journal/entries?as_of=2026-11-22",
                    json={"activity": "planning", "energy": 1},
                    headers=JSON,
                )
                token = token_page.text.split('name="csrf_token" value="')[1].split('"')[0]
                page = client.post(
                    "/journal",
                    data={
                        "csrf_token": token,
                        "activity": "planning",
                        "energy": "1",
                        "engagement": "3",
                        "date": "2026-11-20",
                    },
                    headers=JSON,
                    follow_redirects=False,
                )
            assert api.status_code == 503
            assert api.headers["Retry-After"] == "5"
            assert api.json()["error"] == BUSY_WORDS
            assert page.status_code == 503
            assert page.headers["Retry-After"] == "5"
            assert "try again in a moment" in page.text
            assert "internal error" not in page.text.lower()
            # Nothing was written; once the lock is gone the same request succeeds.
            assert client.get("/api/journal/entries?as_of=2026-11-22").json() == []
            again = client.post(
                "/api/journal/entries?as_of=2026-11-22",
                json={"activity": "planning", "energy": 1},
                headers=JSON,
            )
            assert again.status_code == 201
    finally:
        db.dispose()
