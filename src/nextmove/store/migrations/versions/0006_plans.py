"""alternative plans

The vision's steps become the steps of a plan: a `plan` table (rank 0 the main plan, 1-3 the
alternatives, with a note and four gauges), `vision_step.plan_id`, and `meeting.plan_id` for
the plan a research meeting explored. An existing vision becomes the main plan, unchanged.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 19:10:00
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

DEFAULT_PLAN_NAME = "current path"
# Tables whose rows go with a meeting (ON DELETE CASCADE or SET NULL to meeting.id).
MEETING_CHILDREN = ("meeting_insight", "meeting_task", "meeting_referral")


def upgrade() -> None:
    op.create_table(
        "plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("rank", sa.SmallInteger(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("choice_industry", sa.String(length=10), nullable=False),
        sa.Column("choice_company", sa.String(length=10), nullable=False),
        sa.Column("choice_city", sa.String(length=10), nullable=False),
        sa.Column("resources", sa.SmallInteger(), nullable=True),
        sa.Column("likeability", sa.SmallInteger(), nullable=True),
        sa.Column("confidence", sa.SmallInteger(), nullable=True),
        sa.Column("coherence", sa.SmallInteger(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "choice_industry IN ('stay','change','open')", name=op.f("ck_plan_choice_industry")
        ),
        sa.CheckConstraint(
            "choice_company IN ('stay','change','open')", name=op.f("ck_plan_choice_company")
        ),
        sa.CheckConstraint(
            "choice_city IN ('stay','change','open')", name=op.f("ck_plan_choice_city")
        ),
        sa.CheckConstraint(
            "(resources IS NULL OR resources BETWEEN 0 AND 100) AND "
            "(likeability IS NULL OR likeability BETWEEN 0 AND 100) AND "
            "(confidence IS NULL OR confidence BETWEEN 0 AND 100) AND "
            "(coherence IS NULL OR coherence BETWEEN 0 AND 100)",
            name=op.f("ck_plan_gauges_range"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
        sa.UniqueConstraint("name", name=op.f("uq_plan_name")),
        sa.UniqueConstraint("rank", name=op.f("uq_plan_rank")),
    )
    conn = op.get_bind()
    profile = conn.execute(
        sa.text("SELECT choice_industry, choice_company, choice_city FROM profile WHERE id = 1")
    ).first()
    has_steps = conn.execute(sa.text("SELECT 1 FROM vision_step")).first() is not None
    if profile is not None or has_steps:
        # The existing vision becomes the main plan, with the profile's choices.
        industry, company, city = profile if profile is not None else ("open", "open", "open")
        conn.execute(
            sa.text(
                "INSERT INTO plan (id, name, rank, note, choice_industry, choice_company, "
                "choice_city) VALUES (1, :name, 0, '', :industry, :company, :city)"
            ),
            {"name": DEFAULT_PLAN_NAME, "industry": industry, "company": company, "city": city},
        )
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT setval(pg_get_serial_sequence('plan', 'id'), 1)"))

    with op.batch_alter_table("vision_step", schema=None) as batch_op:
        batch_op.add_column(sa.Column("plan_id", sa.Integer(), nullable=True))
    conn.execute(sa.text("UPDATE vision_step SET plan_id = 1"))
    with op.batch_alter_table("vision_step", schema=None) as batch_op:
        batch_op.alter_column("plan_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_constraint(batch_op.f("uq_vision_step_position"), type_="unique")
        batch_op.create_unique_constraint("uq_vision_step_plan_position", ["plan_id", "position"])
        batch_op.create_foreign_key(
            batch_op.f("fk_vision_step_plan_id_plan"),
            "plan",
            ["plan_id"],
            ["id"],
            ondelete="CASCADE",
        )

    if conn.dialect.name == "sqlite":
        with _meeting_children_kept(), op.batch_alter_table("meeting") as batch_op:
            batch_op.add_column(sa.Column("plan_id", sa.Integer(), nullable=True))
            batch_op.create_index(batch_op.f("ix_meeting_plan_id"), ["plan_id"], unique=False)
            batch_op.create_foreign_key(
                batch_op.f("fk_meeting_plan_id_plan"),
                "plan",
                ["plan_id"],
                ["id"],
                ondelete="SET NULL",
            )
    else:
        op.add_column("meeting", sa.Column("plan_id", sa.Integer(), nullable=True))
        op.create_index(op.f("ix_meeting_plan_id"), "meeting", ["plan_id"], unique=False)
        op.create_foreign_key(
            op.f("fk_meeting_plan_id_plan"),
            "meeting",
            "plan",
            ["plan_id"],
            ["id"],
            ondelete="SET NULL",
        )


@contextmanager
def _meeting_children_kept() -> Iterator[None]:
    """SQLite changes a table by copying it; with foreign keys on, dropping the old `meeting`
    would cascade to its insights, tasks and referrals. They are kept aside and put back."""
    for table in MEETING_CHILDREN:
        op.execute(f"CREATE TEMP TABLE keep_{table} AS SELECT * FROM {table}")
    yield
    for table in MEETING_CHILDREN:
        op.execute(f"DELETE FROM {table}")
        op.execute(f"INSERT INTO {table} SELECT * FROM keep_{table}")
        op.execute(f"DROP TABLE keep_{table}")


def downgrade() -> None:
    """Back to one vision: the main plan's steps stay; the alternatives' steps go."""
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        with _meeting_children_kept(), op.batch_alter_table("meeting") as batch_op:
            batch_op.drop_constraint(batch_op.f("fk_meeting_plan_id_plan"), type_="foreignkey")
            batch_op.drop_index(batch_op.f("ix_meeting_plan_id"))
            batch_op.drop_column("plan_id")
    else:
        op.drop_constraint(op.f("fk_meeting_plan_id_plan"), "meeting", type_="foreignkey")
        op.drop_index(op.f("ix_meeting_plan_id"), table_name="meeting")
        op.drop_column("meeting", "plan_id")
    conn.execute(
        sa.text("DELETE FROM vision_step WHERE plan_id NOT IN (SELECT id FROM plan WHERE rank = 0)")
    )
    with op.batch_alter_table("vision_step", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_vision_step_plan_id_plan"), type_="foreignkey")
        batch_op.drop_constraint("uq_vision_step_plan_position", type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_vision_step_position"), ["position"])
        batch_op.drop_column("plan_id")
    op.drop_table("plan")
