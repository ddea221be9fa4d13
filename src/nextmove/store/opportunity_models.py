"""The opportunity tables. Every change here comes with an Alembic migration.

People at an opportunity are linked by the network part with an
`opportunity_person(opportunity_id → opportunity.id, person_id, role)` table.
"""

# No `from __future__ import annotations`: SQLAlchemy would evaluate every `Mapped[...]`
# string at import, a cost every command pays (docs/cli.md, Start-up time).

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKeyConstraint,
    Index,
    Integer,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from nextmove.store.base import Base, JSONType, UTCDateTime, WorkspaceScoped
from nextmove.store.ids import allocate_id

SOURCES = "'hr-proposal','job-board','recruiter','network-referral','self-created'"
STATUSES = (
    "'considering','exploring','applied','interviewing','offer','accepted','declined','passed'"
)


class Opportunity(WorkspaceScoped, Base):
    """One option the person is weighing, whatever its source."""

    __tablename__ = "opportunity"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        Index("ix_opportunity_source", "workspace_id", "source"),
        Index("ix_opportunity_status", "workspace_id", "status"),
        CheckConstraint(f"source IN ({SOURCES})", name="source"),
        CheckConstraint(f"status IN ({STATUSES})", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    title: Mapped[str] = mapped_column(String(300))
    organization: Mapped[str] = mapped_column(String(300), default="")
    function: Mapped[str | None] = mapped_column(String(40))
    level: Mapped[int | None] = mapped_column(SmallInteger)
    industry: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(20))
    link: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    brand: Mapped[bool] = mapped_column(Boolean, default=False)
    involves: Mapped[list[str]] = mapped_column(JSONType, default=list)
    status: Mapped[str] = mapped_column(String(20), default="considering")
    added_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    ratings: Mapped[list["OpportunityRating"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    history: Mapped[list["OpportunityStatus"]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(OpportunityStatus.day, OpportunityStatus.id)",
    )
    decisions: Mapped[list["OpportunityDecision"]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="(OpportunityDecision.day, OpportunityDecision.id)",
    )


class OpportunityRating(WorkspaceScoped, Base):
    """The person's own 1–5 rating of an opportunity against one priority (kept by name)."""

    __tablename__ = "opportunity_rating"
    __identity__ = ("opportunity_id", "priority")
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "opportunity_id", "priority"),
        ForeignKeyConstraint(
            ["workspace_id", "opportunity_id"],
            ["opportunity.workspace_id", "opportunity.id"],
            ondelete="CASCADE",
            name="fk_opportunity_rating_opportunity_id_opportunity",
        ),
        CheckConstraint("rating BETWEEN 1 AND 5", name="rating_range"),
    )

    opportunity_id: Mapped[int] = mapped_column(Integer)
    priority: Mapped[str] = mapped_column(String(200))
    rating: Mapped[int] = mapped_column(SmallInteger)


class OpportunityStatus(WorkspaceScoped, Base):
    """One dated step of an opportunity's status history."""

    __tablename__ = "opportunity_status"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        Index("ix_opportunity_status_opportunity_id", "workspace_id", "opportunity_id"),
        ForeignKeyConstraint(
            ["workspace_id", "opportunity_id"],
            ["opportunity.workspace_id", "opportunity.id"],
            ondelete="CASCADE",
            name="fk_opportunity_status_opportunity_id_opportunity",
        ),
        CheckConstraint(f"status IN ({STATUSES})", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    opportunity_id: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    day: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OpportunityDecision(WorkspaceScoped, Base):
    """A decision about an opportunity and why, kept for later reflection."""

    __tablename__ = "opportunity_decision"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        Index("ix_opportunity_decision_opportunity_id", "workspace_id", "opportunity_id"),
        ForeignKeyConstraint(
            ["workspace_id", "opportunity_id"],
            ["opportunity.workspace_id", "opportunity.id"],
            ondelete="CASCADE",
            name="fk_opportunity_decision_opportunity_id_opportunity",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    opportunity_id: Mapped[int] = mapped_column(Integer)
    day: Mapped[date] = mapped_column(Date)
    choice: Mapped[str] = mapped_column(String(100))
    why: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


PERSON_ROLES = "'hiring-manager','referrer','contact','interviewer','recruiter'"


class OpportunityPerson(WorkspaceScoped, Base):
    """Someone involved in an opportunity: its hiring manager, who referred you, a contact
    there. Deleting either side deletes the link."""

    __tablename__ = "opportunity_person"
    __identity__ = ("opportunity_id", "person_id", "role")
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "opportunity_id", "person_id", "role"),
        Index("ix_opportunity_person_person_id", "workspace_id", "person_id"),
        ForeignKeyConstraint(
            ["workspace_id", "opportunity_id"],
            ["opportunity.workspace_id", "opportunity.id"],
            ondelete="CASCADE",
            name="fk_opportunity_person_opportunity_id_opportunity",
        ),
        ForeignKeyConstraint(
            ["workspace_id", "person_id"],
            ["person.workspace_id", "person.id"],
            ondelete="CASCADE",
            name="fk_opportunity_person_person_id_person",
        ),
        CheckConstraint(f"role IN ({PERSON_ROLES})", name="role"),
    )

    opportunity_id: Mapped[int] = mapped_column(Integer)
    person_id: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
