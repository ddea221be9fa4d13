"""The organization directory: an organization's chart stored once, shared by every workspace
that works with the organization, with its history across imports. Every change here comes
with an Alembic migration.

These tables are shared (no workspace_id): what a workspace knows of an organization is which
organizations it is linked to (`workspace_organization`); nothing personal is stored here.

History is kept as versions. Each import is a snapshot (`directory_snapshot`, ids only grow);
a member's row is one *version* — what the chart said about them from snapshot `since_snapshot`
until (not including) `until_snapshot` (NULL: still true). A version is visible at snapshot s
when ``since_snapshot <= s AND (until_snapshot IS NULL OR until_snapshot > s)``. Readers read at
the organization's `current_snapshot_id`, so an import under way (new versions with since = its
snapshot, old ones closed with until = its snapshot) stays invisible until its last short
transaction moves the pointer; an import that fails is undone by deleting the versions with
since = s and reopening those with until = s.
"""

# No `from __future__ import annotations`: SQLAlchemy would evaluate every `Mapped[...]`
# string at import, a cost every command pays (docs/cli.md, Start-up time).

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from nextmove.store.base import Base, UTCDateTime

SNAPSHOT_STATES = ("applying", "complete", "failed")


class Organization(Base):
    """An organization whose chart is in the directory. `key` is the normalised name (the
    same organization imported by two workspaces is one row)."""

    __tablename__ = "organization"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # The snapshot readers see. Deliberately not a foreign key (the snapshot names the
    # organization: a cycle); the import moves it last, in one short transaction.
    current_snapshot_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The organization's industry ("healthcare software"), shown on its members' pages; ""
    # when unknown. A fact of the organization, not of each member.
    industry: Mapped[str] = mapped_column(String(200), default="", server_default="")


class DirectorySnapshot(Base):
    """One import of an organization's chart, numbered 1, 2, … per organization, with what
    changed since the snapshot before. `file` is the file's name only, never a path."""

    __tablename__ = "directory_snapshot"
    __table_args__ = (
        UniqueConstraint("organization_id", "number"),
        CheckConstraint(
            "status IN (" + ", ".join(f"'{s}'" for s in SNAPSHOT_STATES) + ")", name="status"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    file: Mapped[str] = mapped_column(String(255))
    taken_on: Mapped[date] = mapped_column(Date)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(10))
    members: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    joiners: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    leavers: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    moves: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    title_changes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class DirectoryMember(Base):
    """One version of one member of an organization's chart (see the module's docstring).
    Lean on purpose: a million of these are one organization. On SQLite the table is
    clustered by its key (WITHOUT ROWID): a member's versions sit together and the key is
    not stored twice."""

    __tablename__ = "directory_member"
    __table_args__ = (
        PrimaryKeyConstraint("organization_id", "employee_id", "since_snapshot"),
        # reports(): the members under a manager.
        Index("ix_directory_member_manager", "organization_id", "manager_employee_id"),
        # The ended versions only (about 1% of a chart per weekly refresh): the members with
        # several versions, for the "moves" mining and suggest, without reading every version.
        Index(
            "ix_directory_member_ended",
            "organization_id",
            "until_snapshot",
            "employee_id",
            sqlite_where=text("until_snapshot IS NOT NULL"),
            postgresql_where=text("until_snapshot IS NOT NULL"),
        ),
        # No index on e-mail: it would cost 40% more disk than the rows themselves (measured
        # by benchmarks/directory_import.py); e-mail lookups read an organization's members
        # once for a whole set of addresses (store.directory.emails_in).
        {"sqlite_with_rowid": False},
    )

    # No foreign key (0017): a check per row written cost more than half of what PostgreSQL
    # spends on an import; only the import writes these rows, after creating the organization,
    # and organizations are never deleted.
    organization_id: Mapped[int] = mapped_column(Integer)
    employee_id: Mapped[str] = mapped_column(String(64))
    since_snapshot: Mapped[int] = mapped_column(Integer)
    until_snapshot: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    level: Mapped[int | None] = mapped_column(SmallInteger)
    function: Mapped[str | None] = mapped_column(Text)
    department: Mapped[str] = mapped_column(Text)
    manager_employee_id: Mapped[str | None] = mapped_column(String(64))
    city: Mapped[str] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    depth: Mapped[int] = mapped_column(Integer)


class DirectoryTeamSize(Base):
    """A manager's team size from snapshot `snapshot_id` on (until the manager's next row):
    `direct` reports and `size`, everyone below them (direct and indirect). A row is written
    only when a size changes (0 when the team is gone), so a weekly import of a stable chart
    adds few rows."""

    __tablename__ = "directory_team_size"
    __table_args__ = (
        PrimaryKeyConstraint("organization_id", "manager_employee_id", "snapshot_id"),
        {"sqlite_with_rowid": False},
    )

    organization_id: Mapped[int] = mapped_column(Integer)  # (no foreign key: as members)
    manager_employee_id: Mapped[str] = mapped_column(String(64))
    snapshot_id: Mapped[int] = mapped_column(Integer)
    direct: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)


class WorkspaceOrganization(Base):
    """Which organizations a workspace works with: importing a chart links it. Deleting the
    workspace deletes its links; the organization's chart stays (other workspaces may share
    it)."""

    __tablename__ = "workspace_organization"
    __table_args__ = (PrimaryKeyConstraint("workspace_id", "organization_id"),)

    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    linked_at: Mapped[datetime] = mapped_column(UTCDateTime)
