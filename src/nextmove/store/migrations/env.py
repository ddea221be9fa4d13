"""Alembic environment: the engine comes from nextmove (store.db.alembic_config)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import context

from nextmove.store import models  # noqa: F401  (registers the tables)
from nextmove.store.base import Base, UTCDateTime

target_metadata = Base.metadata


def render_item(type_: str, obj: Any, autogen_context: Any) -> Any:
    """Render nextmove's column types as plain SQLAlchemy ones, so migrations do not import
    the package (they must keep working when the models move on)."""
    if type_ != "type":
        return False
    if isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    if isinstance(obj, sa.JSON):
        autogen_context.imports.add("from sqlalchemy.dialects import postgresql")
        return 'sa.JSON().with_variant(postgresql.JSONB(), "postgresql")'
    return False


def run_migrations_online() -> None:
    engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            # Migrations work on every workspace's rows (store/row_security.py).
            connection.exec_driver_sql("SELECT set_config('nextmove.all_workspaces', 'on', false)")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            render_item=render_item,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
