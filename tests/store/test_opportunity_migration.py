"""The opportunities migration goes down and up again cleanly on both backends."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from nextmove.store.db import alembic_config, current_revision, head_revision, make_engine

OPPORTUNITY_TABLES = {
    "opportunity",
    "opportunity_rating",
    "opportunity_status",
    "opportunity_decision",
}


def test_downgrading_below_0003_removes_the_opportunity_tables_and_upgrading_restores_them(
    db_url: str,
) -> None:
    engine = make_engine(db_url)
    config = alembic_config(engine)
    command.downgrade(config, "0003-1")
    assert not OPPORTUNITY_TABLES & set(inspect(engine).get_table_names())
    assert "profile" in inspect(engine).get_table_names()
    command.upgrade(config, "head")
    assert set(inspect(engine).get_table_names()) >= OPPORTUNITY_TABLES
    assert current_revision(engine) == head_revision()
    engine.dispose()
