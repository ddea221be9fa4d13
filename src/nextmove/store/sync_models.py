"""The tables of address-book and calendar sync, per workspace: the accounts (never their
passwords, which live outside the database: services.secrets) and the status of every
synced card and event, the vdirsyncer way — what both sides looked like at the last sync."""

# No `from __future__ import annotations`: SQLAlchemy would evaluate every `Mapped[...]`
# string at import, a cost every command pays (docs/cli.md, Start-up time).

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKeyConstraint,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from nextmove.store.base import Base, JSONType, UTCDateTime, WorkspaceScoped
from nextmove.store.ids import allocate_id


def _account_fk(table: str) -> ForeignKeyConstraint:
    return ForeignKeyConstraint(
        ["workspace_id", "account_id"],
        ["sync_account.workspace_id", "sync_account.id"],
        ondelete="CASCADE",
        name=f"fk_{table}_account_id_sync_account",
    )


class SyncAccount(WorkspaceScoped, Base):
    """A CardDAV address book (and optionally a CalDAV calendar) to sync with. `secret_ref`
    names the file holding the password."""

    __tablename__ = "sync_account"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        UniqueConstraint("workspace_id", "name"),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    name: Mapped[str] = mapped_column(String(40))
    carddav_url: Mapped[str] = mapped_column(Text)
    caldav_url: Mapped[str | None] = mapped_column(Text)
    username: Mapped[str] = mapped_column(Text, default="")
    # Whether people nextmove has and the address book has not are created there; without
    # it only the address book's people are synced.
    push_new: Mapped[bool] = mapped_column(Boolean, default=True)
    secret_ref: Mapped[str] = mapped_column(String(80))
    sync_token: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_summary: Mapped[dict[str, Any] | None] = mapped_column(JSONType)


class SyncCard(WorkspaceScoped, Base):
    """One card both sides have: where it is on the server (href, etag), the raw card as last
    seen (so a patch keeps what nextmove does not model), the shared fields at the last sync
    (`base`), a content hash for each side, and the conflicts that sync resolved."""

    __tablename__ = "sync_card"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        UniqueConstraint("workspace_id", "account_id", "href"),
        Index("ix_sync_card_account_uid", "workspace_id", "account_id", "uid"),
        _account_fk("sync_card"),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    account_id: Mapped[int] = mapped_column(Integer)
    uid: Mapped[str] = mapped_column(Text)
    href: Mapped[str] = mapped_column(Text)
    etag: Mapped[str] = mapped_column(Text)
    remote_hash: Mapped[str] = mapped_column(String(64))
    local_hash: Mapped[str] = mapped_column(String(64))
    base: Mapped[dict[str, Any]] = mapped_column(JSONType)
    raw: Mapped[str] = mapped_column(Text)
    conflicts: Mapped[list[Any] | None] = mapped_column(JSONType)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncEvent(WorkspaceScoped, Base):
    """A meeting pushed to the account's CalDAV calendar: its stable UID, where it is, the
    etag and SEQUENCE it was written with, and a hash of what was written. No foreign key to
    the meeting: when the meeting is deleted, this row is what says which event to delete."""

    __tablename__ = "sync_event"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        UniqueConstraint("workspace_id", "account_id", "meeting_id"),
        _account_fk("sync_event"),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    account_id: Mapped[int] = mapped_column(Integer)
    # A plain reference (store/backup.py remaps it on restore; a deleted meeting's stays
    # naming no meeting).
    meeting_id: Mapped[int] = mapped_column(Integer, info={"references": "meeting"})
    uid: Mapped[str] = mapped_column(Text)
    href: Mapped[str] = mapped_column(Text)
    etag: Mapped[str] = mapped_column(Text, default="")
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
