"""Server mode's shared tables: accounts, their sign-in sessions and API tokens, login
attempts (for rate limits), coach grants, a coach's private notes and the audit log.

None of these is per-workspace: an account *owns* a workspace (`account.workspace_id`) and a
grant lets a coach into a client's. Secrets are never stored: passwords as Argon2 hashes,
session cookies and API tokens as SHA-256 digests of random values."""

# No `from __future__ import annotations`: SQLAlchemy would evaluate every `Mapped[...]`
# string at import, a cost every command pays (docs/cli.md, Start-up time).

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from nextmove.store.base import Base, UTCDateTime

ROLES = ("member", "coach", "admin")
ACCESS_LEVELS = ("view", "comment", "edit")


class Account(Base):
    """A person who signs in to `nextmove server`. E-mail addresses are stored lower-case."""

    __tablename__ = "account"
    __table_args__ = (CheckConstraint("role IN ('member','coach','admin')", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(10), default="member")
    password_hash: Mapped[str] = mapped_column(String(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspace.id", ondelete="RESTRICT"), unique=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LoginSession(Base):
    """A signed-in browser: the cookie holds a random token, the row only its digest."""

    __tablename__ = "login_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ApiToken(Base):
    """A personal API token (`Authorization: Bearer …`); only its digest is kept."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LoginAttempt(Base):
    """One failed sign-in, by the e-mail typed (whether or not an account has it) and the
    address it came from: what the rate limits count."""

    __tablename__ = "login_attempt"
    __table_args__ = (
        Index("ix_login_attempt_email_at", "email", "at"),
        Index("ix_login_attempt_address_at", "address", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class CoachGrant(Base):
    """A client lets a coach into their workspace: view, comment or edit. Deleting the row
    revokes it, effective on the coach's next request."""

    __tablename__ = "coach_grant"
    __table_args__ = (
        UniqueConstraint("client_account_id", "coach_account_id"),
        CheckConstraint("access IN ('view','comment','edit')", name="access"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    coach_account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    access: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CoachInvitation(Base):
    """A coach asks a client for access; the client accepts (it becomes a grant) or
    declines (it is deleted) on their Settings page."""

    __tablename__ = "coach_invitation"
    __table_args__ = (
        UniqueConstraint("coach_account_id", "client_account_id"),
        CheckConstraint("access IN ('view','comment','edit')", name="access"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    client_account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    access: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CoachNote(Base):
    """A coach's private notes on one client: never shown to the client, kept when a grant
    is revoked (they are the coach's own)."""

    __tablename__ = "coach_note"
    __table_args__ = (UniqueConstraint("coach_account_id", "client_account_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    coach_account_id: Mapped[int] = mapped_column(ForeignKey("account.id", ondelete="CASCADE"))
    client_account_id: Mapped[int] = mapped_column(
        ForeignKey("account.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditEntry(Base):
    """One request a coach made in a client's workspace: what the client reads on Settings."""

    __tablename__ = "audit_entry"
    __table_args__ = (Index("ix_audit_entry_workspace_id_at", "workspace_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"))
    actor_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("account.id", ondelete="SET NULL"), index=True
    )
    actor_email: Mapped[str] = mapped_column(String(320))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    action: Mapped[str] = mapped_column(String(10))
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(500))
