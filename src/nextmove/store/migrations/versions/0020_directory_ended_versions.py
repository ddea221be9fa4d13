"""an index of the directory's ended versions

A member's version ends (`until_snapshot` is set) when an import changes or removes them: about
1% of a chart per weekly refresh. The "moves" mining and `suggest` read the members with more
than one version; without an index that was a scan of every version of the organization (0.6 s
on SQLite, 1.4 s on PostgreSQL at 1,000,000 members). A partial index holds only the ended
versions, so it costs nothing on a first import and stays small.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 04:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

NAME = "ix_directory_member_ended"
ENDED = sa.text("until_snapshot IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        NAME,
        "directory_member",
        ["organization_id", "until_snapshot", "employee_id"],
        sqlite_where=ENDED,
        postgresql_where=ENDED,
    )


def downgrade() -> None:
    op.drop_index(NAME, table_name="directory_member")
