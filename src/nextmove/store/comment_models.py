"""Comments a coach leaves on a client's plan or opportunity, which the client reads and
resolves. Every change here comes with an Alembic migration.

A comment belongs to exactly one subject (a plan or an opportunity, composite foreign keys
so it goes with its subject). Its author is kept by name and e-mail as they were when it was
written, not as a reference to the shared `account` table: a workspace's rows move whole
(backup, restore, another server) and its comments must still say who wrote them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    ForeignKeyConstraint,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from nextmove.store.base import Base, UTCDateTime, WorkspaceScoped
from nextmove.store.ids import allocate_id


class Comment(WorkspaceScoped, Base):
    """One comment on a plan or an opportunity."""

    __tablename__ = "comment"
    __table_args__ = (
        PrimaryKeyConstraint("workspace_id", "id"),
        Index("ix_comment_plan_id", "workspace_id", "plan_id"),
        Index("ix_comment_opportunity_id", "workspace_id", "opportunity_id"),
        ForeignKeyConstraint(
            ["workspace_id", "plan_id"],
            ["plan.workspace_id", "plan.id"],
            ondelete="CASCADE",
            name="fk_comment_plan_id_plan",
        ),
        ForeignKeyConstraint(
            ["workspace_id", "opportunity_id"],
            ["opportunity.workspace_id", "opportunity.id"],
            ondelete="CASCADE",
            name="fk_comment_opportunity_id_opportunity",
        ),
        CheckConstraint("(plan_id IS NULL) <> (opportunity_id IS NULL)", name="one_subject"),
        CheckConstraint("author_role IN ('owner','coach')", name="author_role"),
    )

    id: Mapped[int] = mapped_column(Integer, default=allocate_id)
    plan_id: Mapped[int | None] = mapped_column(Integer)
    opportunity_id: Mapped[int | None] = mapped_column(Integer)
    author_name: Mapped[str] = mapped_column(String(200))
    author_email: Mapped[str] = mapped_column(String(320), default="")
    author_role: Mapped[str] = mapped_column(String(10))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_by: Mapped[str | None] = mapped_column(String(200))
