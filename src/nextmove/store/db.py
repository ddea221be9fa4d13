"""Opening the database: engines with the right settings per backend, migrations, sessions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session, sessionmaker

from nextmove.errors import DatabaseBusy, DatabaseNotReady, UserError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
BUSY_TIMEOUT_SECONDS = 5.0
# SQLite's primary result codes for "another connection holds the lock" (extended codes such
# as SQLITE_BUSY_SNAPSHOT keep them in their low byte).
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
# PostgreSQL's SQLSTATEs for the same: lock_timeout ran out, a serializable transaction lost,
# a deadlock was broken by cancelling this side. Trying again is the remedy for each.
PG_BUSY_STATES = frozenset({"55P03", "40001", "40P01"})
# The newest migration. A test checks it against Alembic's head, so it cannot go stale; keeping
# it here lets every command start without importing Alembic (a second of start-up).
SCHEMA_HEAD = "0008"
VERSION_TABLE = "alembic_version"


def is_busy(error: BaseException) -> bool:
    """Whether a driver error means "another writer holds the database": the action did not
    happen and will when tried again."""
    orig = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(orig, sqlite3.OperationalError):
        code = getattr(orig, "sqlite_errorcode", None)
        if code is not None:
            return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
        return str(orig).startswith(("database is locked", "database table is locked"))
    return getattr(orig, "sqlstate", None) in PG_BUSY_STATES


@contextmanager
def busy_translated() -> Iterator[None]:
    """The one place a busy database becomes DatabaseBusy (a message and exit code 75 / HTTP
    503), never an internal error."""
    try:
        yield
    except DBAPIError as exc:
        if is_busy(exc):
            raise DatabaseBusy() from exc
        raise


def _sqlite_pragmas(busy_timeout_ms: int) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # Deleted rows are overwritten with zeros, not left in free pages (delete means delete).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    return on_connect


def _create_private(path: Path) -> None:
    """Create the SQLite file (and its folder) readable by its owner only: 0600 in 0700.
    SQLite gives the -wal and -shm files the database file's mode. An existing file or
    folder is left as it is."""
    path = path.expanduser()
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    except OSError as exc:
        raise UserError(
            f"cannot create the database file {path}: {exc.strerror}",
            hint="Check the folder exists and is writable, or choose another with --db.",
        ) from None


def normalize_url(url: str) -> str:
    """Accept the URLs people paste: postgres:// and postgresql:// mean psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str, *, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> Engine:
    """An engine for `url`. A write waits up to `busy_timeout` seconds for another writer:
    SQLite's busy timeout; on PostgreSQL the session's lock_timeout."""
    url = normalize_url(url)
    busy_timeout_ms = max(1, round(busy_timeout * 1000))
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise UserError(
            f"database URL {url!r} is not a valid URL",
            hint="Use sqlite:///path/to/file.db or postgresql+psycopg://user@host/db.",
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            _create_private(Path(parsed.database))
        engine = create_engine(parsed, connect_args={"timeout": busy_timeout_ms / 1000})
        event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_ms))
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(
            parsed,
            pool_pre_ping=True,
            connect_args={"options": f"-c lock_timeout={busy_timeout_ms}"},
        )
    raise UserError(
        f"database URL {url!r}: backend {parsed.get_backend_name()!r} is not supported",
        hint="nextmove runs on SQLite (the default) and PostgreSQL.",
    )


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    return SCHEMA_HEAD


def alembic_head_revision() -> str:
    """The head according to Alembic's scripts (SCHEMA_HEAD must equal it)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config_no_engine()).get_current_head()
    if head is None:
        raise DatabaseNotReady("nextmove ships no migrations", hint="Reinstall nextmove.")
    return head


def alembic_config_no_engine() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database; None for a database without one."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        try:
            return connection.execute(
                text(f"SELECT version_num FROM {VERSION_TABLE}")
            ).scalar_one_or_none()
        except ProgrammingError:
            return None


def migrate(engine: Engine, *, via_alembic: bool = False) -> tuple[str | None, str]:
    """Bring the schema to the newest revision. Returns (before, after).

    An empty database is created from the models in one step and stamped with the head
    revision (what Alembic's documentation recommends for new databases; a test checks that
    both ways give the same schema). `via_alembic` forces the migrations even then."""
    before = _checked_revision(engine)
    head = head_revision()
    if before == head:
        return before, head
    if before is None and not via_alembic and _is_empty(engine):
        _create_from_models(engine)
        return before, head
    from alembic import command

    command.upgrade(alembic_config(engine), "head")
    return before, head


def _is_empty(engine: Engine) -> bool:
    with engine.connect() as connection:
        return not inspect(connection).get_table_names()


def _create_from_models(engine: Engine) -> None:
    from nextmove.store import models  # noqa: F401  (registers the tables)
    from nextmove.store.base import Base

    with engine.begin() as connection:
        Base.metadata.create_all(connection)
        connection.execute(
            text(
                f"CREATE TABLE {VERSION_TABLE} (version_num VARCHAR(32) NOT NULL, "
                f"CONSTRAINT {VERSION_TABLE}_pkc PRIMARY KEY (version_num))"
            )
        )
        connection.execute(
            text(f"INSERT INTO {VERSION_TABLE} (version_num) VALUES (:head)"),
            {"head": head_revision()},
        )


def _checked_revision(engine: Engine) -> str | None:
    try:
        revision = current_revision(engine)
    except OperationalError as exc:
        raise DatabaseNotReady(
            f"cannot open the database {engine.url.render_as_string(hide_password=True)}: "
            f"{exc.orig}",
            hint="Check the path or server, and the --db / NEXTMOVE_DATABASE_URL setting.",
        ) from exc
    if revision is None or revision == head_revision():
        return revision
    from alembic.script import ScriptDirectory

    known = {
        rev.revision
        for rev in ScriptDirectory.from_config(alembic_config_no_engine()).walk_revisions()
    }
    if revision not in known:
        raise DatabaseNotReady(
            f"the database is at schema revision {revision}, which this nextmove does not know",
            hint="It was written by a newer nextmove: upgrade nextmove to use it.",
        )
    return revision


class Database:
    """An engine and a session factory; `session()` is one transaction."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(
        cls, url: str, *, auto_migrate: bool = True, busy_timeout: float = BUSY_TIMEOUT_SECONDS
    ) -> Database:
        engine = make_engine(url, busy_timeout=busy_timeout)
        if auto_migrate:
            with busy_translated():
                migrate(engine)
        else:
            revision = _checked_revision(engine)
            if revision != head_revision():
                raise DatabaseNotReady(
                    "the database is not initialized or needs a migration",
                    hint="Run `nextmove init`.",
                )
        return cls(engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits at the end, rolls everything back on any error. Another
        writer holding the database past the busy timeout is DatabaseBusy."""
        session = self._factory()
        try:
            with busy_translated():
                yield session
                session.commit()
        except SQLAlchemyError:
            session.rollback()
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def forget_deleted(self) -> None:
        """After a deletion: on SQLite, copy the write-ahead log (which still holds the pages
        as they were before) into the database file and truncate it to zero bytes, so what
        was deleted is gone from disk, not only from the tables. Best effort: a reader that
        holds an old snapshot keeps the log until the next deletion or checkpoint."""
        if self.engine.dialect.name != "sqlite":
            return
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def dispose(self) -> None:
        self.engine.dispose()
