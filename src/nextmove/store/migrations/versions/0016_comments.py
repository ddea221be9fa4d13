"""comments

`comment`: what a coach with comment (or edit) access writes on a client's plan or
opportunity, and the client resolves. Per workspace, with PostgreSQL's row-level security
like every per-workspace table; nothing existing changes.

Revision ID: 0016
Revises: 0011
Create Date: 2026-12-05 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from nextmove.store.base import UTCDateTime
from nextmove.store.row_security import POLICY, enable_row_security

revision = "0016"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "comment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("opportunity_id", sa.Integer(), nullable=True),
        sa.Column("author_name", sa.String(length=200), nullable=False),
        sa.Column("author_email", sa.String(length=320), nullable=False),
        sa.Column("author_role", sa.String(length=10), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "(plan_id IS NULL) <> (opportunity_id IS NULL)", name=op.f("ck_comment_one_subject")
        ),
        sa.CheckConstraint("author_role IN ('owner','coach')", name=op.f("ck_comment_author_role")),
        sa.ForeignKeyConstraint(
            ["workspace_id", "plan_id"],
            ["plan.workspace_id", "plan.id"],
            name="fk_comment_plan_id_plan",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id", "opportunity_id"],
            ["opportunity.workspace_id", "opportunity.id"],
            name="fk_comment_opportunity_id_opportunity",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_comment_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_comment")),
    )
    op.create_index("ix_comment_plan_id", "comment", ["workspace_id", "plan_id"])
    op.create_index("ix_comment_opportunity_id", "comment", ["workspace_id", "opportunity_id"])
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":  # ids unique across a table (store/ids.py)
        op.execute("CREATE SEQUENCE comment_id_seq")
        enable_row_security(bind)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f'DROP POLICY IF EXISTS {POLICY} ON "comment"')
        op.execute("DROP SEQUENCE IF EXISTS comment_id_seq")
    op.drop_index("ix_comment_opportunity_id", table_name="comment")
    op.drop_index("ix_comment_plan_id", table_name="comment")
    op.drop_table("comment")
