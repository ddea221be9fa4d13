"""directory rows without a foreign key per row

`directory_member` and `directory_team_size` no longer reference `organization` with a
foreign key. Only a directory import writes these rows, and it creates the organization first,
in its own transaction; organizations are never deleted. The check cost PostgreSQL a trigger
and a row lock per member written — measured, more than half of what the server spends on a
first import of 200,000 people (benchmarks/directory_import.py) — and SQLite a lookup per row.

On SQLite the tables are rebuilt (kept WITHOUT ROWID); on PostgreSQL the constraints are
dropped in place. The downgrade puts both back.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05 01:50:00
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# table -> its foreign key's name (the naming convention's, as 0008 created them)
KEYS = {
    "directory_member": "fk_directory_member_organization_id_organization",
    "directory_team_size": "fk_directory_team_size_organization_id_organization",
}


def upgrade() -> None:
    for table, name in KEYS.items():
        with op.batch_alter_table(table, table_kwargs={"sqlite_with_rowid": False}) as batch:
            batch.drop_constraint(name, type_="foreignkey")


def downgrade() -> None:
    for table, name in KEYS.items():
        with op.batch_alter_table(table, table_kwargs={"sqlite_with_rowid": False}) as batch:
            batch.create_foreign_key(
                name, "organization", ["organization_id"], ["id"], ondelete="CASCADE"
            )
