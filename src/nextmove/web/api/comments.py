"""/api/comments: a coach's comments on a client's plan or opportunity (comment or edit
access; view cannot), the owner's replies, and resolving them (the owner only)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from nextmove.formats.schemas.comments import (
    CommentAuthorPublic,
    CommentCreate,
    CommentPublic,
    CommentResolve,
    SubjectKind,
)
from nextmove.formats.schemas.core import ErrorPublic
from nextmove.services import comments as service
from nextmove.web.auth import comment_author, require_owner
from nextmove.web.deps import DbDep, NowDep

router = APIRouter(prefix="/comments", tags=["comments"])

CommentId = Annotated[int, Path(ge=1, le=2**31 - 1, description="The comment's id.")]


def _public(c: service.CommentView) -> CommentPublic:
    return CommentPublic(
        id=c.id,
        subject=c.subject,
        subject_id=c.subject_id,
        subject_name=c.subject_name,
        author=CommentAuthorPublic(
            name=c.author.name,
            email=c.author.email,
            role="coach" if c.author.role == "coach" else "owner",
        ),
        body=c.body,
        created_at=c.created_at,
        open=c.open,
        resolved_at=c.resolved_at,
        resolved_by=c.resolved_by,
    )


ERRORS = {
    400: {"model": ErrorPublic, "description": "A field is not valid."},
    403: {"model": ErrorPublic, "description": "Your access does not allow it."},
    404: {"model": ErrorPublic, "description": "No such plan, opportunity or comment."},
}


@router.get("", response_model=list[CommentPublic], summary="Comments, oldest first")
def list_comments(
    db: DbDep,
    subject: Annotated[
        SubjectKind | None, Query(description="Only on plans or opportunities.")
    ] = None,
    about: Annotated[
        str | None,
        Query(max_length=200, description="With subject: one plan (name) or opportunity (id)."),
    ] = None,
    open_only: Annotated[bool, Query(alias="open", description="Only open comments.")] = False,
) -> list[CommentPublic]:
    return [
        _public(c)
        for c in service.list_comments(
            db, subject=subject, about=about if subject else None, include_resolved=not open_only
        )
    ]


@router.post(
    "",
    response_model=CommentPublic,
    status_code=201,
    summary="Comment on a plan or an opportunity",
    responses=ERRORS,  # type: ignore[arg-type]
)
def add_comment(body: CommentCreate, request: Request, db: DbDep, now: NowDep) -> CommentPublic:
    return _public(
        service.add_comment(
            db,
            subject=body.subject,
            about=body.about,
            author=comment_author(request),
            body=body.body,
            now=now,
        )
    )


@router.post(
    "/{comment_id}/resolve",
    response_model=CommentPublic,
    summary="Resolve a comment (or reopen it): the owner only",
    responses=ERRORS,  # type: ignore[arg-type]
)
def resolve_comment(
    comment_id: CommentId,
    request: Request,
    db: DbDep,
    now: NowDep,
    body: CommentResolve | None = None,
) -> CommentPublic:
    require_owner(request, "resolve comments")
    return _public(
        service.resolve_comment(
            db,
            comment_id,
            by=comment_author(request).name,
            now=now,
            reopen=bool(body and body.reopen),
        )
    )
