"""the organization directory

An organization's chart stored once and shared by the workspaces that work with it, with its
history: `organization`, `directory_snapshot` (one per import), `directory_member` (one row
per version of a member: since/until snapshot), `directory_team_size` (a manager's team size
from a snapshot on) and `workspace_organization` (which organizations a workspace works
with). `person.directory_org_id` / `person.directory_employee_id` link a workspace person to
their directory entry.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 22:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organization",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("current_snapshot_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization")),
        sa.UniqueConstraint("key", name=op.f("uq_organization_key")),
    )
    op.create_table(
        "directory_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("file", sa.String(length=255), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("members", sa.Integer(), server_default="0", nullable=False),
        sa.Column("joiners", sa.Integer(), server_default="0", nullable=False),
        sa.Column("leavers", sa.Integer(), server_default="0", nullable=False),
        sa.Column("moves", sa.Integer(), server_default="0", nullable=False),
        sa.Column("title_changes", sa.Integer(), server_default="0", nullable=False),
        sa.CheckConstraint(
            "status IN ('applying', 'complete', 'failed')",
            name=op.f("ck_directory_snapshot_status"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_directory_snapshot_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_directory_snapshot")),
        sa.UniqueConstraint(
            "organization_id", "number", name=op.f("uq_directory_snapshot_organization_id")
        ),
    )
    op.create_table(
        "directory_member",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("employee_id", sa.String(length=64), nullable=False),
        sa.Column("since_snapshot", sa.Integer(), nullable=False),
        sa.Column("until_snapshot", sa.Integer(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("level", sa.SmallInteger(), nullable=True),
        sa.Column("function", sa.Text(), nullable=True),
        sa.Column("department", sa.Text(), nullable=False),
        sa.Column("manager_employee_id", sa.String(length=64), nullable=True),
        sa.Column("city", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_directory_member_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "organization_id", "employee_id", "since_snapshot", name=op.f("pk_directory_member")
        ),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_directory_member_manager",
        "directory_member",
        ["organization_id", "manager_employee_id"],
        unique=False,
    )
    op.create_table(
        "directory_team_size",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("manager_employee_id", sa.String(length=64), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("direct", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_directory_team_size_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "organization_id",
            "manager_employee_id",
            "snapshot_id",
            name=op.f("pk_directory_team_size"),
        ),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "workspace_organization",
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_workspace_organization_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_workspace_organization_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "workspace_id", "organization_id", name=op.f("pk_workspace_organization")
        ),
    )
    op.create_index(
        op.f("ix_workspace_organization_organization_id"),
        "workspace_organization",
        ["organization_id"],
        unique=False,
    )
    # Nullable columns without a constraint: SQLite adds them in place (no table rebuild).
    op.add_column("person", sa.Column("directory_org_id", sa.Integer(), nullable=True))
    op.add_column("person", sa.Column("directory_employee_id", sa.String(length=64), nullable=True))
    op.create_index(
        "ix_person_directory",
        "person",
        ["workspace_id", "directory_org_id", "directory_employee_id"],
        unique=False,
        sqlite_where=sa.text("directory_org_id IS NOT NULL"),
        postgresql_where=sa.text("directory_org_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_person_directory", table_name="person")
    # In place on both backends (SQLite 3.35+): a batch copy of `person` would cascade to
    # every row that names a person.
    op.execute("ALTER TABLE person DROP COLUMN directory_employee_id")
    op.execute("ALTER TABLE person DROP COLUMN directory_org_id")
    op.drop_index(
        op.f("ix_workspace_organization_organization_id"), table_name="workspace_organization"
    )
    op.drop_table("workspace_organization")
    op.drop_table("directory_team_size")
    op.drop_index("ix_directory_member_manager", table_name="directory_member")
    op.drop_table("directory_member")
    op.drop_table("directory_snapshot")
    op.drop_table("organization")
