"""Declarative base with a naming convention, so Alembic migrations name constraints stably."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, MetaData, TypeDecorator
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# JSON on SQLite, JSONB on PostgreSQL.
JSONType = JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored as UTC on both backends."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def is_per_workspace(table: Any) -> bool:
    """A per-workspace table: `workspace_id` leads its primary key (every WorkspaceScoped
    model's does). Shared tables that merely name a workspace (an account's own, an audit
    entry's) are not."""
    key = list(getattr(getattr(table, "primary_key", None), "columns", ()))
    return bool(key) and key[0].name == "workspace_id"


class WorkspaceScoped:
    """A per-workspace table: `workspace_id` leads its primary key, unique constraints and
    indexes, and references to other per-workspace rows are composite foreign keys
    ``(workspace_id, x_id) → x(workspace_id, id)`` (docs/architecture.md). A session opened
    for a workspace (``Database.session(workspace_id=…)``) filters every ORM statement on
    these models by it and stamps it on new rows; ``session.get(Model, id)`` takes the id
    without the workspace. `__identity__` names the key columns after `workspace_id`."""

    __identity__: tuple[str, ...] = ("id",)

    @declared_attr
    def workspace_id(cls) -> Mapped[int]:
        from nextmove.store.ids import current_workspace

        return mapped_column(
            Integer, ForeignKey("workspace.id", ondelete="CASCADE"), default=current_workspace
        )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        table = cls.__table__  # type: ignore[attr-defined]
        return {"primary_key": [table.c.workspace_id, *(table.c[n] for n in cls.__identity__)]}
