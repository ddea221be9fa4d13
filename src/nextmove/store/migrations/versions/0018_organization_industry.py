"""organization.industry for databases that passed 0011 before it added the column

0011 adds `organization.industry` since this release's demo and upgrade work; a database
that reached 0011 earlier (a development build of this release) has no such column, and
every directory import would fail on it. This adds it where it is missing and does nothing
elsewhere. Going down leaves it: the column is 0011's, which removes it.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 02:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

INDUSTRY_LENGTH = 200


def upgrade() -> None:
    columns = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("organization")}
    if "industry" not in columns:
        op.add_column(
            "organization",
            sa.Column(
                "industry", sa.String(length=INDUSTRY_LENGTH), server_default="", nullable=False
            ),
        )


def downgrade() -> None:
    pass
