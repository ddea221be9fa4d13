"""The workspace an edge (CLI, web) works on: its database, and what to tell the user about it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from nextmove.config import Settings
from nextmove.store.db import Database, normalize_url

__all__ = ["Database", "WorkspaceInfo", "describe_workspace", "open_database"]


def open_database(settings: Settings) -> Database:
    """The settings' database, migrated to the newest schema."""
    return Database.open(settings.resolved_database_url, busy_timeout=settings.busy_timeout_seconds)


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
