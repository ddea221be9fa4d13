"""The comments migration (0016), on both backends: the table comes with its sequence and,
on PostgreSQL, the forced row-level security policy of every per-workspace table; it goes
down leaving nothing behind and up again; a comment cannot point into another workspace."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from nextmove.domain.edits import OpportunityInput
from nextmove.services import comments
from nextmove.services.opportunities import add_opportunity
from nextmove.services.workspace import Workspace
from nextmove.store.db import alembic_config, make_engine
from nextmove.store.row_security import POLICY

NOW = datetime(2026, 12, 5, 9, tzinfo=UTC)


def _security(engine) -> tuple[bool, bool, int] | None:  # type: ignore[no-untyped-def]
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        enabled, forced = conn.execute(
            text(
                "SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'comment'"
            )
        ).one()
        policies = conn.execute(
            text(
                "SELECT count(*) FROM pg_policies WHERE tablename = 'comment' AND policyname = :p"
            ),
            {"p": POLICY},
        ).scalar_one()
    return bool(enabled), bool(forced), int(policies)


def test_the_comments_migration_goes_down_and_up_on_both_backends(db_url: str) -> None:
    engine = make_engine(db_url)
    assert "comment" in inspect(engine).get_table_names()
    security = _security(engine)
    assert security in (None, (True, True, 1))
    config = alembic_config(engine)
    command.downgrade(config, "0011")
    inspector = inspect(engine)
    assert "comment" not in inspector.get_table_names()
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            assert (
                conn.execute(
                    text("SELECT count(*) FROM pg_class WHERE relname = 'comment_id_seq'")
                ).scalar_one()
                == 0
            )
    command.upgrade(config, "head")
    assert "comment" in inspect(engine).get_table_names()
    assert _security(engine) == security
    engine.dispose()


def test_a_comment_belongs_to_a_subject_of_its_own_workspace(db_url: str) -> None:
    ws = Workspace.open(db_url)
    opp = _opportunity(ws)
    made = comments.add_comment(
        ws,
        subject="opportunity",
        about=opp,
        author=comments.Author("Cat", "cat@example.org", "coach"),
        body="Ask who had the role before.",
        now=NOW,
    )
    assert made.subject_name == "Head of Data" and made.open
    engine = ws.engine
    with engine.begin() as conn:  # workspace 1 has the opportunity; no workspace 2 has it
        conn.execute(
            text(
                "INSERT INTO workspace (id, name, preferences, created_at) "
                "VALUES (2, 'other', '{}', :now)"
            ),
            {"now": NOW},
        )
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO comment (id, workspace_id, opportunity_id, author_name, "
                "author_email, author_role, body, created_at) "
                "VALUES (999, 2, :opp, 'x', '', 'coach', 'x', :now)"
            ),
            {"opp": opp, "now": NOW},
        )
    ws.dispose()


def _opportunity(ws: Workspace) -> int:
    opp = add_opportunity(
        ws,
        OpportunityInput(title="Head of Data", source="recruiter"),
        today=date(2026, 12, 5),
        now=NOW,
    )
    return opp.id
