"""Opening the database: engines with the right settings per backend, migrations, sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

from nextmove.errors import DatabaseNotReady, UserError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# The newest migration. Kept here so that opening an up-to-date database does not load
# Alembic (a large import) on every command; tests/store check it against the scripts.
HEAD_REVISION = "0003"
SQLITE_BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def normalize_url(url: str) -> str:
    """Accept the URLs people paste: postgres:// and postgresql:// mean psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise UserError(
            f"database URL {url!r} is not a valid URL",
            hint="Use sqlite:///path/to/file.db or postgresql+psycopg://user@host/db.",
        ) from exc
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
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
    """The newest revision according to the migration scripts themselves."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config_no_engine())
    head = script.get_current_head()
    if head is None:
        raise DatabaseNotReady("nextmove ships no migrations", hint="Reinstall nextmove.")
    return head


def alembic_config_no_engine() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def current_revision(engine: Engine) -> str | None:
    """The schema revision recorded in the database (None for an empty one)."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def migrate(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to the newest revision. Returns (before, after)."""
    from alembic import command

    before = _checked_revision(engine)
    head = head_revision()
    if before != head:
        command.upgrade(alembic_config(engine), "head")
    return before, head


def _checked_revision(engine: Engine) -> str | None:
    try:
        revision = current_revision(engine)
    except OperationalError as exc:
        raise DatabaseNotReady(
            f"cannot open the database {engine.url.render_as_string(hide_password=True)}: "
            f"{exc.orig}",
            hint="Check the path or server, and the --db / NEXTMOVE_DATABASE_URL setting.",
        ) from exc
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config_no_engine())
    known = {rev.revision for rev in script.walk_revisions()}
    if revision is not None and revision not in known:
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
    def open(cls, url: str, *, auto_migrate: bool = True) -> Database:
        engine = make_engine(url)
        try:
            up_to_date = current_revision(engine) == HEAD_REVISION
        except OperationalError:
            up_to_date = False  # _checked_revision below words the error
        if up_to_date:
            return cls(engine)
        if auto_migrate:
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
        """One unit of work: commits at the end, rolls everything back on any error."""
        session = self._factory()
        try:
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

    def dispose(self) -> None:
        self.engine.dispose()
