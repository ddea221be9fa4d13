"""Opening the database: engines with the right settings per backend, migrations, sessions."""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Delete,
    Engine,
    Join,
    Select,
    Table,
    Update,
    and_,
    create_engine,
    event,
    inspect,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    OperationalError,
    ProgrammingError,
    SQLAlchemyError,
)
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker, with_loader_criteria
from sqlalchemy.sql import visitors
from sqlalchemy.util import LRUCache

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
SCHEMA_HEAD = "0020"
VERSION_TABLE = "alembic_version"
# The workspace every database has from the start (0.1's single user became it).
DEFAULT_WORKSPACE_ID = 1
DEFAULT_WORKSPACE_NAME = "default"


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
        connection.execute(
            text(
                "INSERT INTO workspace (id, name, preferences, created_at) "
                "VALUES (:id, :name, '{}', :now)"
            ),
            {"id": DEFAULT_WORKSPACE_ID, "name": DEFAULT_WORKSPACE_NAME, "now": datetime.now(UTC)},
        )
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT setval('workspace_id_seq', 1)"))
            from nextmove.store.row_security import enable_row_security

            enable_row_security(connection)


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


class WorkspaceSession(Session):
    """A session for one workspace (``info["workspace_id"]``): `get` takes a per-workspace
    row's key without the workspace, which it adds. Without a workspace (the shared tables:
    workspaces, the directory), a statement on a per-workspace table is refused unless the
    session was opened for every workspace (``info["all_workspaces"]``: upgrades, deleting
    a workspace)."""

    def get(self, entity: Any, ident: Any, **kwargs: Any) -> Any:
        if _is_scoped(entity):
            workspace_id = self.info.get("workspace_id")
            if workspace_id is not None and not isinstance(ident, dict):
                rest = tuple(ident) if isinstance(ident, (tuple, list)) else (ident,)
                ident = (workspace_id, *rest)
        return super().get(entity, ident, **kwargs)


def _is_scoped(entity: Any) -> bool:
    from nextmove.store.base import WorkspaceScoped

    return isinstance(entity, type) and issubclass(entity, WorkspaceScoped)


@event.listens_for(WorkspaceSession, "do_orm_execute")
def _filter_by_workspace(state: ORMExecuteState) -> None:
    """Every ORM select, update and delete on per-workspace models sees only the session's
    workspace (lazy loads and `get` included)."""
    if not (state.is_select or state.is_update or state.is_delete):
        return
    from nextmove.store.base import WorkspaceScoped

    workspace_id = state.session.info.get("workspace_id")
    if workspace_id is None:
        if state.session.info.get("all_workspaces"):
            return
        if any(_is_scoped(mapper.class_) for mapper in state.all_mappers):
            raise RuntimeError("a per-workspace table was queried outside a workspace")
        return
    if not state.all_mappers:  # Core: scoped as the connection runs it (_scope_core)
        return
    state.statement = state.statement.options(
        with_loader_criteria(
            WorkspaceScoped,
            lambda cls: cls.workspace_id == workspace_id,
            include_aliases=True,
        )
    )


def _scoped_table(table: Any) -> bool:
    from nextmove.store.base import is_per_workspace

    return isinstance(table, Table) and is_per_workspace(table)


# A select's shape (its cache key) → the per-workspace tables of its FROM list that take a
# condition in its WHERE clause, for shapes whose joins need no rewriting; bounded like
# SQLAlchemy's own compiled cache.
_PLAIN_FROMS: LRUCache[Any, tuple[Any, ...]] = LRUCache(500)


def scoped_core(statement: Any, workspace_id: int) -> Any:
    """A Core select, update or delete on per-workspace tables, limited to one workspace:
    each such table in its FROM list (and in its joins: in the ON clause of an outer join's
    inner side) gets ``workspace_id = :ws``. Subqueries are the writer's to scope (the
    statement guard in the tests finds any left out)."""
    if isinstance(statement, (Update, Delete)):
        if _scoped_table(statement.table):
            return statement.where(statement.table.c.workspace_id == workspace_id)
        return statement
    if not isinstance(statement, Select):
        return statement
    # Working out a select's FROM list builds the ORM's compile state (milliseconds a
    # statement); statements of one shape have one FROM list, so it is remembered by the
    # statement's cache key and only the conditions are built anew.
    cache_key = statement._generate_cache_key()
    key = cache_key.key if cache_key is not None else None
    tables = _PLAIN_FROMS.get(key) if key is not None else None
    if tables is None:
        froms = statement.get_final_froms()
        orm = statement._propagate_attrs.get("compile_state_plugin") == "orm"
        joins = [frm for frm in froms if isinstance(frm, Join)]
        if joins and not orm:  # the ORM's loader criteria scope its joins; Core's are ours
            return _scoped_joins(statement, froms, workspace_id)
        tables = tuple(frm for frm in froms if _scoped_table(frm))
        if key is not None:
            _PLAIN_FROMS[key] = tables
    if not tables:
        return statement
    return statement.where(*(t.c.workspace_id == workspace_id for t in tables))


def _scoped_joins(statement: Select[Any], froms: Sequence[Any], workspace_id: int) -> Any:
    """A Core select whose FROM list has joins: every per-workspace table in them is
    compared, in the WHERE clause, or in the ON clause of an outer join's inner side."""
    conditions = []

    def scope_join(join: Join) -> Join:
        left = scope_join(join.left) if isinstance(join.left, Join) else join.left
        if _scoped_table(left) and not isinstance(join.left, Join):
            conditions.append(left.c.workspace_id == workspace_id)
        right = join.right
        onclause = join.onclause
        if _scoped_table(right):
            if join.isouter or join.full:
                onclause = and_(onclause, right.c.workspace_id == workspace_id)  # type: ignore[arg-type]
            else:
                conditions.append(right.c.workspace_id == workspace_id)
        return Join(left, right, onclause, isouter=join.isouter, full=join.full)

    replaced = {}
    for frm in froms:
        if isinstance(frm, Join):
            replaced[frm] = scope_join(frm)
        elif _scoped_table(frm):
            conditions.append(frm.c.workspace_id == workspace_id)
    statement = visitors.replacement_traverse(  # type: ignore[call-overload]
        statement, {}, lambda element: replaced.get(element)
    )
    return statement.where(*conditions) if conditions else statement


def _scope_core(
    conn: Any, statement: Any, multiparams: Any, params: Any, _options: Any
) -> tuple[Any, Any, Any]:
    """Core selects, updates and deletes run by a workspace's session (through
    `session.execute` or `session.connection()`) see only that workspace."""
    from nextmove.store.ids import bound_workspace

    bound, workspace_id, _every = bound_workspace(conn)
    if bound and workspace_id is not None and isinstance(statement, (Select, Update, Delete)):
        statement = scoped_core(statement, workspace_id)
    return statement, multiparams, params


@event.listens_for(WorkspaceSession, "before_flush")
def _stamp_workspace(session: Session, _context: Any, _instances: Any) -> None:
    """New per-workspace rows belong to the session's workspace; a row of another workspace
    cannot be added through it."""
    from nextmove.store.base import WorkspaceScoped

    workspace_id = session.info.get("workspace_id")
    for obj in session.new:
        if not isinstance(obj, WorkspaceScoped):
            continue
        if workspace_id is None:
            if obj.workspace_id is None or not session.info.get("all_workspaces"):
                raise RuntimeError("a per-workspace row was added outside a workspace")
        elif obj.workspace_id is None:
            obj.workspace_id = workspace_id
        elif obj.workspace_id != workspace_id:
            raise RuntimeError("a row of another workspace was added to this one")


@event.listens_for(WorkspaceSession, "before_commit")
def _move_revision_on(session: Session) -> None:
    """A transaction that wrote in a workspace moves its revision on (store/revision.py)."""
    from nextmove.store.revision import move_revision_on

    move_revision_on(session)


@event.listens_for(WorkspaceSession, "after_commit")
@event.listens_for(WorkspaceSession, "after_rollback")
def _forget_connection(session: Session) -> None:
    from nextmove.store.revision import forget_connection

    forget_connection(session)


@event.listens_for(WorkspaceSession, "after_begin")
def _bind_workspace(session: Session, _transaction: Any, connection: Any) -> None:
    from nextmove.store.ids import bind_workspace
    from nextmove.store.revision import remember_connection

    remember_connection(session, connection)
    bind_workspace(
        connection,
        session.info.get("workspace_id"),
        all_workspaces=bool(session.info.get("all_workspaces")),
    )


@event.listens_for(WorkspaceSession, "after_begin")
def _bind_row_security(session: Session, _transaction: Any, connection: Any) -> None:
    """PostgreSQL's row-level security sees the same workspace (store/row_security.py)."""
    from nextmove.store.row_security import bind_transaction

    bind_transaction(
        connection,
        session.info.get("workspace_id"),
        all_workspaces=bool(session.info.get("all_workspaces")),
    )


_OPENED = itertools.count(1)


class Database:
    """An engine and a session factory; `session()` is one transaction. `key` tells this
    database from others opened in the same process (what is kept between requests is
    kept per database)."""

    def __init__(self, engine: Engine):
        from nextmove.store.ids import forget_ids_on_begin
        from nextmove.store.revision import track_writes

        self.key = next(_OPENED)
        self.engine = engine
        forget_ids_on_begin(engine)
        track_writes(engine)
        event.listen(engine, "before_execute", _scope_core, retval=True)
        self._factory = sessionmaker(engine, class_=WorkspaceSession, expire_on_commit=False)

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
    def session(
        self, workspace_id: int | None = None, *, all_workspaces: bool = False
    ) -> Iterator[Session]:
        """One unit of work: commits at the end, rolls everything back on any error. Another
        writer holding the database past the busy timeout is DatabaseBusy. With a
        `workspace_id`, per-workspace tables are read and written in that workspace only
        (services get their sessions from a `Workspace`); without one, only the shared
        tables can be used, or every workspace's rows with `all_workspaces`."""
        session = self._factory(
            info={
                "workspace_id": workspace_id,
                "all_workspaces": all_workspaces,
                "database": self.key,
            }
        )
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
