"""The tables. Every change here comes with an Alembic migration (store/migrations)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Integer,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from nextmove.store.base import Base, JSONType, UTCDateTime


class Profile(Base):
    """The person using nextmove: their current position and the parts of their vision that
    are not lists of rows. There is one row (id = 1) per database."""

    __tablename__ = "profile"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("choice_industry IN ('stay','change','open')", name="choice_industry"),
        CheckConstraint("choice_company IN ('stay','change','open')", name="choice_company"),
        CheckConstraint("choice_city IN ('stay','change','open')", name="choice_city"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    name: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    organization: Mapped[str] = mapped_column(String(300), default="")
    function: Mapped[str | None] = mapped_column(String(40))
    level: Mapped[int | None] = mapped_column(SmallInteger)
    industry: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    choice_industry: Mapped[str] = mapped_column(String(10), default="open")
    choice_company: Mapped[str] = mapped_column(String(10), default="open")
    choice_city: Mapped[str] = mapped_column(String(10), default="open")
    energizers: Mapped[list[str]] = mapped_column(JSONType, default=list)
    strengths: Mapped[list[str]] = mapped_column(JSONType, default=list)
    updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class VisionStep(Base):
    """One role outline of the vision; position 0 is the next job, 1 two jobs from now."""

    __tablename__ = "vision_step"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(SmallInteger, unique=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    function: Mapped[str | None] = mapped_column(String(40))
    level: Mapped[int | None] = mapped_column(SmallInteger)
    industry: Mapped[str] = mapped_column(String(200), default="")
    organization: Mapped[str] = mapped_column(String(300), default="")
    organization_kind: Mapped[str] = mapped_column(String(200), default="")
    city: Mapped[str] = mapped_column(String(200), default="")
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    scope: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[list[str]] = mapped_column(JSONType, default=list)


class Priority(Base):
    """One of the (at most) three ranked priorities."""

    __tablename__ = "priority"
    __table_args__ = (CheckConstraint("rank BETWEEN 1 AND 3", name="rank_range"),)

    rank: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")


class JournalEntry(Base):
    """A dated activity rated for energy (−2 … +2) and engagement (1 … 5)."""

    __tablename__ = "journal_entry"
    __table_args__ = (
        CheckConstraint("energy BETWEEN -2 AND 2", name="energy_range"),
        CheckConstraint("engagement BETWEEN 1 AND 5", name="engagement_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    activity: Mapped[str] = mapped_column(String(300))
    energy: Mapped[int] = mapped_column(SmallInteger)
    engagement: Mapped[int] = mapped_column(SmallInteger, default=3)
    flow: Mapped[bool] = mapped_column(Boolean, default=False)
    themes: Mapped[list[str]] = mapped_column(JSONType, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


# Tables split by noun; imported here so Alembic and `Base.metadata` see them all.
from nextmove.store.opportunity_models import (  # noqa: E402
    Opportunity,
    OpportunityDecision,
    OpportunityRating,
    OpportunityStatus,
)

__all__ = [
    "JournalEntry",
    "Opportunity",
    "OpportunityDecision",
    "OpportunityRating",
    "OpportunityStatus",
    "Priority",
    "Profile",
    "VisionStep",
]
