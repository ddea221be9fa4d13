"""workspace.revision: a number every write in the workspace moves on

What is worked out from a workspace's rows and kept between requests (the ranking of whom to
meet, services/ranking_cache.py) is keyed by it: a transaction that wrote in the workspace
adds one to it as it commits (store/revision.py), so a cached answer is never older than
the workspace. Existing workspaces start at 0. Going down drops the column.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 04:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "workspace", sa.Column("revision", sa.BigInteger(), server_default="0", nullable=False)
    )


def downgrade() -> None:
    # On SQLite, never a batch (copy, drop, rename) of `workspace`: with foreign keys on,
    # dropping the old table would cascade to every row of every workspace. SQLite drops a
    # plain column in place (3.35 on).
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE workspace DROP COLUMN revision")
    else:
        op.drop_column("workspace", "revision")
