"""Comment rows: written, listed with the names of their subjects, resolved. The caller's
session is a workspace's, so every statement here sees that workspace's rows only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from nextmove.store.comment_models import Comment
from nextmove.store.opportunity_models import Opportunity
from nextmove.store.vision import plan_names


@dataclass(frozen=True, slots=True)
class CommentRow:
    id: int
    plan_id: int | None
    opportunity_id: int | None
    subject_name: str
    author_name: str
    author_email: str
    author_role: str
    body: str
    created_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None


def opportunity_title(session: Session, opp_id: int) -> str | None:
    return session.scalar(select(Opportunity.title).where(Opportunity.id == opp_id))


def _rows(session: Session, comments: list[Comment]) -> list[CommentRow]:
    plans = plan_names(session) if any(c.plan_id is not None for c in comments) else {}
    opp_ids = {c.opportunity_id for c in comments if c.opportunity_id is not None}
    titles: dict[int, str] = {}
    if opp_ids:
        titles = {
            int(id_): str(title)
            for id_, title in session.execute(
                select(Opportunity.id, Opportunity.title).where(Opportunity.id.in_(opp_ids))
            )
        }
    return [
        CommentRow(
            id=c.id,
            plan_id=c.plan_id,
            opportunity_id=c.opportunity_id,
            subject_name=plans.get(c.plan_id, "")
            if c.plan_id is not None
            else titles.get(c.opportunity_id or 0, ""),
            author_name=c.author_name,
            author_email=c.author_email,
            author_role=c.author_role,
            body=c.body,
            created_at=c.created_at,
            resolved_at=c.resolved_at,
            resolved_by=c.resolved_by,
        )
        for c in comments
    ]


def add_comment(
    session: Session,
    *,
    plan_id: int | None,
    opportunity_id: int | None,
    author_name: str,
    author_email: str,
    author_role: str,
    body: str,
    now: datetime,
) -> CommentRow:
    row = Comment(
        plan_id=plan_id,
        opportunity_id=opportunity_id,
        author_name=author_name[:200],
        author_email=author_email[:320],
        author_role=author_role,
        body=body,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return _rows(session, [row])[0]


def list_comments(
    session: Session,
    *,
    subject: str | None = None,
    subject_id: int | None = None,
    include_resolved: bool = True,
) -> list[CommentRow]:
    """Oldest first: all, or those on plans / opportunities, or on one of them."""
    query = select(Comment).order_by(Comment.created_at, Comment.id)
    column = {"plan": Comment.plan_id, "opportunity": Comment.opportunity_id}.get(subject or "")
    if column is not None:
        query = query.where(column.is_not(None) if subject_id is None else column == subject_id)
    if not include_resolved:
        query = query.where(Comment.resolved_at.is_(None))
    return _rows(session, list(session.scalars(query)))


def set_resolved(
    session: Session, comment_id: int, *, by: str | None, at: datetime | None
) -> CommentRow | None:
    row = session.get(Comment, comment_id)
    if row is None:
        return None
    row.resolved_at = at
    row.resolved_by = by[:200] if by is not None else None
    session.flush()
    return _rows(session, [row])[0]
