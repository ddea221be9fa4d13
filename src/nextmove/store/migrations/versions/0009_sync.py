"""address-book and calendar sync

`sync_account` (a CardDAV address book and optional CalDAV calendar; the password is kept
outside the database), `sync_card` (the status of each synced card: href, etag, both sides'
content hashes, the shared fields at the last sync, the raw card) and `sync_event` (meetings
pushed to the calendar: UID, href, etag, SEQUENCE).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 22:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from nextmove.store.base import JSONType, UTCDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLES = ("sync_account", "sync_card", "sync_event")


def upgrade() -> None:
    op.create_table(
        "sync_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("carddav_url", sa.Text(), nullable=False),
        sa.Column("caldav_url", sa.Text(), nullable=True),
        sa.Column("username", sa.Text(), nullable=False),
        sa.Column("push_new", sa.Boolean(), nullable=False),
        sa.Column("secret_ref", sa.String(length=80), nullable=False),
        sa.Column("sync_token", sa.Text(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_run_at", UTCDateTime(), nullable=True),
        sa.Column("last_summary", JSONType, nullable=True),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_sync_account_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_sync_account")),
        sa.UniqueConstraint("workspace_id", "name", name=op.f("uq_sync_account_workspace_id")),
    )
    op.create_table(
        "sync_card",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Text(), nullable=False),
        sa.Column("href", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=False),
        sa.Column("remote_hash", sa.String(length=64), nullable=False),
        sa.Column("local_hash", sa.String(length=64), nullable=False),
        sa.Column("base", JSONType, nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("conflicts", JSONType, nullable=True),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id", "account_id"],
            ["sync_account.workspace_id", "sync_account.id"],
            name="fk_sync_card_account_id_sync_account",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_sync_card_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_sync_card")),
        sa.UniqueConstraint(
            "workspace_id", "account_id", "href", name=op.f("uq_sync_card_workspace_id")
        ),
    )
    op.create_index("ix_sync_card_account_uid", "sync_card", ["workspace_id", "account_id", "uid"])
    op.create_table(
        "sync_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.Text(), nullable=False),
        sa.Column("href", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["workspace_id", "account_id"],
            ["sync_account.workspace_id", "sync_account.id"],
            name="fk_sync_event_account_id_sync_account",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["workspace_id"],
            ["workspace.id"],
            name=op.f("fk_sync_event_workspace_id_workspace"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("workspace_id", "id", name=op.f("pk_sync_event")),
        sa.UniqueConstraint(
            "workspace_id", "account_id", "meeting_id", name=op.f("uq_sync_event_workspace_id")
        ),
    )

    if op.get_bind().dialect.name == "postgresql":  # ids unique across a table (store/ids.py)
        for table in TABLES:
            op.execute(f"CREATE SEQUENCE {table}_id_seq")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP SEQUENCE IF EXISTS {table}_id_seq")
    op.drop_table("sync_event")
    op.drop_index("ix_sync_card_account_uid", table_name="sync_card")
    op.drop_table("sync_card")
    op.drop_table("sync_account")
