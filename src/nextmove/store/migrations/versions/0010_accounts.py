"""accounts

PostgreSQL row-level security on every per-workspace table (store/row_security.py). Server
mode: `account` (each owning a workspace), `login_session`, `api_token`,
`login_attempt`, `coach_grant`, `coach_invitation`, `coach_note` and `audit_entry`. Shared tables (not
per-workspace); nothing existing changes.

Revision ID: 0010
Revises: 0007
Create Date: 2026-12-04 22:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from nextmove.store.row_security import disable_row_security, enable_row_security

revision = "0010"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("disabled", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role IN ('member','coach','admin')", name=op.f("ck_account_role")),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_account_workspace_id_workspace"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account")),
        sa.UniqueConstraint("email", name=op.f("uq_account_email")),
        sa.UniqueConstraint("workspace_id", name=op.f("uq_account_workspace_id")),
    )
    for table in ("login_session", "api_token"):
        columns: list[sa.schema.SchemaItem] = [
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("token_hash", sa.String(length=64), nullable=False),
            sa.Column("account_id", sa.Integer(), nullable=False),
        ]
        if table == "api_token":
            columns.append(sa.Column("name", sa.String(length=100), nullable=False))
        columns.append(sa.Column("created_at", sa.DateTime(timezone=True), nullable=False))
        columns.append(
            sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False)
            if table == "login_session"
            else sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True)
        )
        op.create_table(
            table,
            *columns,
            sa.ForeignKeyConstraint(
                ["account_id"],
                ["account.id"],
                name=op.f(f"fk_{table}_account_id_account"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
            sa.UniqueConstraint("token_hash", name=op.f(f"uq_{table}_token_hash")),
        )
        op.create_index(op.f(f"ix_{table}_account_id"), table, ["account_id"])
    op.create_table(
        "login_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_attempt")),
    )
    op.create_index("ix_login_attempt_email_at", "login_attempt", ["email", "at"])
    op.create_index("ix_login_attempt_address_at", "login_attempt", ["address", "at"])
    op.create_table(
        "coach_grant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_account_id", sa.Integer(), nullable=False),
        sa.Column("coach_account_id", sa.Integer(), nullable=False),
        sa.Column("access", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "access IN ('view','comment','edit')", name=op.f("ck_coach_grant_access")
        ),
        sa.ForeignKeyConstraint(
            ["client_account_id"],
            ["account.id"],
            name=op.f("fk_coach_grant_client_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_account_id"],
            ["account.id"],
            name=op.f("fk_coach_grant_coach_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach_grant")),
        sa.UniqueConstraint(
            "client_account_id", "coach_account_id", name=op.f("uq_coach_grant_client_account_id")
        ),
    )
    op.create_index(op.f("ix_coach_grant_coach_account_id"), "coach_grant", ["coach_account_id"])
    op.create_table(
        "coach_invitation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_account_id", sa.Integer(), nullable=False),
        sa.Column("client_account_id", sa.Integer(), nullable=False),
        sa.Column("access", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "access IN ('view','comment','edit')", name=op.f("ck_coach_invitation_access")
        ),
        sa.ForeignKeyConstraint(
            ["client_account_id"],
            ["account.id"],
            name=op.f("fk_coach_invitation_client_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_account_id"],
            ["account.id"],
            name=op.f("fk_coach_invitation_coach_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach_invitation")),
        sa.UniqueConstraint(
            "coach_account_id",
            "client_account_id",
            name=op.f("uq_coach_invitation_coach_account_id"),
        ),
    )
    op.create_index(
        op.f("ix_coach_invitation_client_account_id"), "coach_invitation", ["client_account_id"]
    )
    op.create_table(
        "coach_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("coach_account_id", sa.Integer(), nullable=False),
        sa.Column("client_account_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_account_id"],
            ["account.id"],
            name=op.f("fk_coach_note_client_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_account_id"],
            ["account.id"],
            name=op.f("fk_coach_note_coach_account_id_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach_note")),
        sa.UniqueConstraint(
            "coach_account_id", "client_account_id", name=op.f("uq_coach_note_coach_account_id")
        ),
    )
    op.create_index(op.f("ix_coach_note_client_account_id"), "coach_note", ["client_account_id"])
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("actor_account_id", sa.Integer(), nullable=True),
        sa.Column("actor_email", sa.String(length=320), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("path", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_account_id"],
            ["account.id"],
            name=op.f("fk_audit_entry_actor_account_id_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_audit_entry_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
    )
    op.create_index("ix_audit_entry_workspace_id_at", "audit_entry", ["workspace_id", "at"])
    op.create_index(op.f("ix_audit_entry_actor_account_id"), "audit_entry", ["actor_account_id"])
    # PostgreSQL: row-level security on every per-workspace table, as a backstop.
    enable_row_security(op.get_bind())


def downgrade() -> None:
    disable_row_security(op.get_bind())
    for table in (
        "audit_entry",
        "coach_note",
        "coach_invitation",
        "coach_grant",
        "login_attempt",
        "api_token",
        "login_session",
        "account",
    ):
        op.drop_table(table)
