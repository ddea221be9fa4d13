"""Resolving a comment (or opening it again): the workspace's owner only. Leaving one is on
the page of its subject (routes/plans.py, routes/opportunities.py)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import RedirectResponse, Response

from nextmove.services import comments as service
from nextmove.web.auth import comment_author, require_owner
from nextmove.web.deps import DbDep, FormDep, NowDep
from nextmove.web.render import link_for

router = APIRouter(include_in_schema=False)

CommentId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.post("/comments/{comment_id}/resolve", summary="Resolve a comment")
def resolve(
    request: Request, form: FormDep, comment_id: CommentId, db: DbDep, now: NowDep
) -> Response:
    require_owner(request, "resolve comments")
    reopen = form.get("reopen") == "1"
    done = service.resolve_comment(
        db, comment_id, by=comment_author(request).name, now=now, reopen=reopen
    )
    anchor = f"#comment-{done.id}"
    if done.subject == "plan":
        target = link_for(request, "/plans", done=f"{'reopened' if reopen else 'resolved'}:")
    else:
        target = link_for(
            request,
            f"/opportunities/{done.subject_id}",
            saved="reopened" if reopen else "resolved",
        )
    return RedirectResponse(target + anchor, status_code=303)
