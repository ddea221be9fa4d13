"""The meetings migration goes down and up again cleanly on both backends."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from nextmove.store.db import alembic_config, current_revision, head_revision, make_engine

MEETING_TABLES = {
    "meeting",
    "meeting_insight",
    "meeting_referral",
    "meeting_task",
    "research_round",
    "board_seat",
    "keep_in_touch",
}


def test_downgrading_below_0004_removes_the_meeting_tables_and_upgrading_restores_them(
    db_url: str,
) -> None:
    engine = make_engine(db_url)
    config = alembic_config(engine)
    command.downgrade(config, "0003")
    assert not MEETING_TABLES & set(inspect(engine).get_table_names())
    assert {"person", "opportunity"} <= set(inspect(engine).get_table_names())
    command.upgrade(config, "head")
    assert set(inspect(engine).get_table_names()) >= MEETING_TABLES
    assert current_revision(engine) == head_revision()
    engine.dispose()
