"""Comments on a plan or an opportunity: what a coach with comment (or edit) access writes in
a client's workspace, and the client reads and resolves.

Who may do what is the edges' business (web/auth.py decides from the grant): this module is
told who the author is and trusts it. A comment is bounded (COMMENT_MAX characters), never
empty, and written in one transaction with a check that its subject exists in the workspace,
so a comment can never point into another workspace (the composite foreign keys say so too)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.orm import Session

from nextmove.domain import limits
from nextmove.domain.limits import check_length
from nextmove.domain.vision import plan_key
from nextmove.errors import NotFound, UserError
from nextmove.services.workspace import Workspace
from nextmove.store import comments as repo
from nextmove.store import vision as vision_repo

Subject = Literal["plan", "opportunity"]
SUBJECTS: tuple[Subject, ...] = ("plan", "opportunity")
COMMENT_MAX = limits.COMMENT
ROLES = ("owner", "coach")


@dataclass(frozen=True, slots=True)
class Author:
    """Who writes: the workspace's owner (a reply) or a coach of theirs."""

    name: str
    email: str
    role: str  # "owner" | "coach"


@dataclass(frozen=True, slots=True)
class CommentView:
    id: int
    subject: Subject
    subject_id: int
    subject_name: str
    author: Author
    body: str
    created_at: datetime
    resolved_at: datetime | None
    resolved_by: str | None

    @property
    def open(self) -> bool:
        return self.resolved_at is None


def _view(row: repo.CommentRow) -> CommentView:
    subject: Subject = "plan" if row.plan_id is not None else "opportunity"
    subject_id = row.plan_id if row.plan_id is not None else row.opportunity_id
    assert subject_id is not None
    return CommentView(
        id=row.id,
        subject=subject,
        subject_id=subject_id,
        subject_name=row.subject_name,
        author=Author(row.author_name, row.author_email, row.author_role),
        body=row.body,
        created_at=row.created_at,
        resolved_at=row.resolved_at,
        resolved_by=row.resolved_by,
    )


def _body(text: str) -> str:
    body = text.strip()
    if not body:
        raise UserError("the comment is empty", field="body", hint="Write what you noticed.")
    return check_length(body, COMMENT_MAX, field="body")


def _subject(subject: str) -> Subject:
    for known in SUBJECTS:
        if subject == known:
            return known
    raise UserError(
        f"cannot comment on {subject[:40]!r}",
        field="subject",
        hint=f"Comments go on one of: {', '.join(SUBJECTS)}.",
    )


def _plan_id(session: Session, name: str, *, now: datetime | None) -> int | None:
    """The plan's row id; with `now`, the main plan of a vision never saved gets its row."""
    plan_id = vision_repo.plan_ids(session).get(plan_key(name))
    if plan_id is not None or now is None:
        return plan_id
    vision = vision_repo.load_vision(session)
    if plan_key(name) not in {plan_key(p.name) for p in vision.plans}:
        return None
    vision_repo.hold_for_update(session)
    vision_repo.save_plans(session, vision, now=now)
    return vision_repo.plan_ids(session).get(plan_key(name))


def _opportunity_id(session: Session, about: str | int) -> int:
    raw = str(about).strip().lstrip("#")
    if raw.isdigit() and len(raw) <= 10 and repo.opportunity_title(session, int(raw)) is not None:
        return int(raw)
    raise NotFound(
        f"there is no opportunity {raw[:20]!r}", hint="The Opportunities page lists them."
    )


def add_comment(
    ws: Workspace, *, subject: str, about: str | int, author: Author, body: str, now: datetime
) -> CommentView:
    """Comment on the plan named `about` or the opportunity with id `about`."""
    kind = _subject(subject)
    text = _body(body)
    if author.role not in ROLES:
        raise ValueError(f"unknown author role {author.role!r}")
    with ws.session() as session:
        plan_id = opportunity_id = None
        if kind == "plan":
            plan_id = _plan_id(session, str(about), now=now)
            if plan_id is None:
                raise NotFound(
                    f"there is no plan named {str(about)[:60]!r}",
                    hint="The Plans page lists them; it may have been renamed.",
                )
        else:
            opportunity_id = _opportunity_id(session, about)
        return _view(
            repo.add_comment(
                session,
                plan_id=plan_id,
                opportunity_id=opportunity_id,
                author_name=author.name,
                author_email=author.email,
                author_role=author.role,
                body=text,
                now=now,
            )
        )


def list_comments(
    ws: Workspace,
    *,
    subject: str | None = None,
    about: str | int | None = None,
    include_resolved: bool = True,
) -> list[CommentView]:
    """The workspace's comments, oldest first: all, or on one kind of subject, or on one
    subject (a plan by name, an opportunity by id); open ones only unless `include_resolved`."""
    kind = None if subject is None else _subject(subject)
    with ws.session() as session:
        subject_id = None
        if kind is not None and about is not None:
            if kind == "plan":
                subject_id = _plan_id(session, str(about), now=None)
                if subject_id is None:
                    return []
            else:
                subject_id = _opportunity_id(session, about)
        rows = repo.list_comments(
            session, subject=kind, subject_id=subject_id, include_resolved=include_resolved
        )
    return [_view(r) for r in rows]


def comments_by_plan(ws: Workspace) -> dict[str, list[CommentView]]:
    """A plan's name -> its comments (for the Plans page)."""
    found: dict[str, list[CommentView]] = {}
    for comment in list_comments(ws, subject="plan"):
        found.setdefault(comment.subject_name, []).append(comment)
    return found


def resolve_comment(
    ws: Workspace, comment_id: int, *, by: str, now: datetime, reopen: bool = False
) -> CommentView:
    """Mark a comment resolved (or open again)."""
    with ws.session() as session:
        row = repo.set_resolved(
            session, comment_id, by=None if reopen else by, at=None if reopen else now
        )
    if row is None:
        raise NotFound(f"there is no comment {comment_id}", hint="It may have been deleted.")
    return _view(row)


def open_comments(ws: Workspace) -> int:
    """How many of a coach's comments wait for the owner to resolve them (the owner's own
    replies wait for no one)."""
    return sum(1 for c in list_comments(ws, include_resolved=False) if c.author.role == "coach")
