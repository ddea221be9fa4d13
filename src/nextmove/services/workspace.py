"""The workspace an edge (CLI, web) works on: its database, its id, its preferences.

Services receive a `Workspace` where they once received a bare database: its `session()`
reads and writes that workspace's rows only (store/db.py), so nothing of another workspace
is ever in reach."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from nextmove.config import Settings
from nextmove.errors import NotFound
from nextmove.store import workspaces as store
from nextmove.store.db import DEFAULT_WORKSPACE_ID, Database, normalize_url

__all__ = [
    "DEFAULT_WORKSPACE_ID",
    "Database",
    "Workspace",
    "WorkspaceInfo",
    "describe_workspace",
    "open_database",
    "open_workspace",
]


@dataclass(frozen=True, slots=True)
class Workspace:
    """One workspace of a database."""

    db: Database
    id: int = DEFAULT_WORKSPACE_ID
    name: str = "default"
    preferences: Mapping[str, Any] = field(default_factory=dict)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work in this workspace (see Database.session)."""
        with self.db.session(workspace_id=self.id) as session:
            yield session

    @property
    def engine(self) -> Engine:
        return self.db.engine

    def forget_deleted(self) -> None:
        self.db.forget_deleted()

    def dispose(self) -> None:
        self.db.dispose()

    @classmethod
    def open(cls, url: str, name: str | None = None, **options: Any) -> Workspace:
        """The workspace `name` (default: the default one) of the database at `url`."""
        database = Database.open(url, **options)
        try:
            return open_workspace(database, name)
        except BaseException:
            database.dispose()
            raise

    def reloaded(self) -> Workspace:
        """The same workspace with its name and preferences as stored now."""
        return open_workspace(self.db, workspace_id=self.id)


def open_database(settings: Settings) -> Database:
    """The settings' database, migrated to the newest schema."""
    return Database.open(settings.resolved_database_url, busy_timeout=settings.busy_timeout_seconds)


def open_workspace(
    db: Database, name: str | None = None, *, workspace_id: int | None = None
) -> Workspace:
    """The workspace called `name` (or with `workspace_id`; neither: the default one)."""
    with db.session() as session:
        if name is not None:
            row = store.find(session, name)
        else:
            row = store.get(session, workspace_id or DEFAULT_WORKSPACE_ID)
    if row is None:
        label = name if name is not None else f"#{workspace_id}"
        raise NotFound(
            f"no workspace {label!r}",
            hint="`nextmove workspace list` shows them; `nextmove workspace create NAME` "
            "makes one.",
        )
    return Workspace(db, row.id, row.name, row.preferences)


@dataclass(frozen=True, slots=True)
class WorkspaceInfo:
    """What the Settings page shows: where things are, never a password."""

    database: str
    backend: str
    data_dir: Path
    config_dir: Path
    config_file: Path
    config_file_exists: bool
    timezone: str
    upload_limit_mb: float


def describe_workspace(settings: Settings) -> WorkspaceInfo:
    url = make_url(normalize_url(settings.resolved_database_url))
    return WorkspaceInfo(
        database=url.render_as_string(hide_password=True),
        backend=url.get_backend_name(),
        data_dir=settings.data_dir,
        config_dir=settings.config_dir,
        config_file=settings.config_file,
        config_file_exists=settings.config_file.exists(),
        timezone=settings.timezone,
        upload_limit_mb=settings.upload_limit_mb,
    )
