"""The shapes of /api/comments: a coach's comments on a client's plan or opportunity, the
owner's replies, and resolving them. docs/api.md lists them."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from nextmove.domain import limits
from nextmove.formats.schemas.core import Public

SubjectKind = Literal["plan", "opportunity"]


class CommentAuthorPublic(Public):
    name: str
    email: str = Field(description="Empty in local mode.")
    role: Literal["owner", "coach"]


class CommentPublic(Public):
    id: int
    subject: SubjectKind
    subject_id: int = Field(description="The plan's or the opportunity's id.")
    subject_name: str = Field(description="The plan's name or the opportunity's title.")
    author: CommentAuthorPublic
    body: str
    created_at: dt.datetime
    open: bool
    resolved_at: dt.datetime | None
    resolved_by: str | None


class CommentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject: SubjectKind
    about: str = Field(
        min_length=1,
        max_length=200,
        description="The plan's name, or the opportunity's id (as from /api/opportunities).",
    )
    body: str = Field(min_length=1, max_length=limits.COMMENT)


class CommentResolve(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reopen: bool = Field(default=False, description="Open a resolved comment again.")
