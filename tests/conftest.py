"""Shared fixtures: a database on SQLite and on a real PostgreSQL server, the clock, and a
way to run the CLI exactly as a user would (through its error boundary)."""

from __future__ import annotations

import itertools
import os
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import psycopg
import pytest

from nextmove.cli.app import main
from nextmove.services.workspace import Workspace, open_workspace
from nextmove.store.db import Database, make_engine, migrate
from tests.pg_server import PostgresServer, find_bindir
from tests.workspace_guard import Guard

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "CI=true but no PostgreSQL binaries were found; .ci/run must install postgresql"
            )
        pytest.skip(
            "PostgreSQL binaries not found (install the `postgresql` package); "
            "skipping the PostgreSQL leg"
        )
    server = PostgresServer(bindir)
    server.start()
    # A template database migrated once; each test clones it.
    with psycopg.connect(server.url().replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute("CREATE DATABASE nextmove_template")
    engine = make_engine(server.url("nextmove_template"))
    migrate(engine)
    engine.dispose()
    yield server
    server.stop()


_counter = itertools.count()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, migrated database on each backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'nextmove.db'}"
        engine = make_engine(url)
        migrate(engine)
        engine.dispose()
        return url
    server: PostgresServer = request.getfixturevalue("pg_server")
    name = f"t{os.getpid()}_{next(_counter)}"
    with psycopg.connect(server.url().replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE nextmove_template')
    return server.url(name)


@pytest.fixture
def db(db_url: str) -> Iterator[Workspace]:
    """The default workspace of a fresh database (what services receive)."""
    database = Database.open(db_url)
    yield open_workspace(database)
    database.dispose()


@pytest.fixture(autouse=True)
def workspace_predicates(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fails the test if any statement on a per-workspace table ran without a workspace
    predicate (tests/workspace_guard.py). The guard's own test opts out with the marker
    `unscoped_on_purpose`."""
    if request.node.get_closest_marker("unscoped_on_purpose"):
        yield
        return
    guard = Guard()
    guard.install()
    yield
    guard.remove()
    if guard.violations:
        lines = [
            f"{', '.join(missing)}: {' '.join(sql.split())[:300]}"
            for sql, missing in guard.violations[:5]
        ]
        pytest.fail(
            f"{len(guard.violations)} statement(s) on per-workspace tables without a "
            "workspace predicate:\n" + "\n".join(lines),
            pytrace=False,
        )


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's own config or database."""
    for key in list(os.environ):
        if key.startswith("NEXTMOVE_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("NEXTMOVE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("NEXTMOVE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COLUMNS", "120")
    # No test writes to the developer's own keyring (sync passwords): keyring's own "no
    # keyring" backend, so they go to the private file (tests/services/test_sync_secrets.py
    # configures a real file keyring where it tests that path).
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


class Cli:
    """Runs `nextmove …` in-process through main(), the same boundary users hit."""

    def __init__(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, url: str | None
    ):
        self.capsys = capsys
        self.monkeypatch = monkeypatch
        self.url = url

    def __call__(self, args: str | list[str], *, input: str | None = None) -> Result:
        argv = shlex.split(args) if isinstance(args, str) else list(args)
        if self.url:
            argv = ["--db", self.url, *argv]
        if input is not None:
            import io

            self.monkeypatch.setattr("sys.stdin", io.StringIO(input))
        self.capsys.readouterr()
        code = 0
        try:
            main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        out, err = self.capsys.readouterr()
        return Result(code, out, err)


@pytest.fixture
def cli(db_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """The CLI against a fresh database, on each backend."""
    return Cli(capsys, monkeypatch, db_url)


@pytest.fixture
def cli_sqlite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Cli:
    """The CLI against a SQLite file only (for behaviour that does not depend on the backend)."""
    return Cli(capsys, monkeypatch, f"sqlite:///{tmp_path / 'cli.db'}")
