"""The workspaces, in local mode: switch (the header's form), create, rename and delete (the
Settings page). The current workspace is a cookie holding its name (web/deps.py)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextmove.errors import NotFound, UserError
from nextmove.services import workspaces as service
from nextmove.services.workspace import Workspace
from nextmove.web.deps import DbDep, NowDep, get_context, workspace_cookie
from nextmove.web.render import NAVIGATION, link_for, render

router = APIRouter(include_in_schema=False)


def settings_context(request: Request, db: Workspace) -> dict[str, Any]:
    """What the Settings page shows of the workspaces (with any notice after a change)."""
    query = request.query_params
    return {
        "workspaces": service.list_workspaces(db.db),
        "current_workspace": db,
        "workspace_notice": {
            key: query.get(key)
            for key in ("created", "renamed", "deleted", "switched")
            if query.get(key)
        },
    }


def _text(form: Any, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def _back_to(path: str) -> str:
    """Where to go after a switch: the section the user was on (the same address might be a
    record of the workspace left behind), else Today."""
    return path if any(item.path == path for item in NAVIGATION) else "/"


def _remember(response: Response, request: Request, name: str) -> None:
    response.set_cookie(workspace_cookie(request), name, httponly=True, samesite="strict", path="/")


def _settings_with_error(
    request: Request, db: Workspace, error: UserError, form: str, typed: str
) -> HTMLResponse:
    from nextmove.web.routes.workspace import settings_view  # imports this module

    return settings_view(
        request,
        db,
        get_context(request),
        status_code=error.http_status,
        workspace_error=error,
        error_form=form,
        typed=typed[:200],  # shown back in the field it came from
    )


@router.post("/workspace/switch", summary="Switch to another workspace")
async def switch(request: Request, db: DbDep) -> Response:
    form = await request.form()
    row = service.find_workspace(db.db, _text(form, "workspace"))
    target = _back_to(_text(form, "next"))
    response = RedirectResponse(link_for(request, target), status_code=303)
    _remember(response, request, row.name)
    return response


@router.post("/workspace/create", summary="Create a workspace and switch to it")
async def create(request: Request, db: DbDep, now: NowDep) -> Response:
    form = await request.form()
    name = _text(form, "name")
    try:
        row = service.create_workspace(db.db, name, now=now)
    except UserError as exc:
        return _settings_with_error(request, db, exc, "create", name)
    response = RedirectResponse(
        link_for(request, "/settings", created=row.name) + "#workspaces-h", status_code=303
    )
    _remember(response, request, row.name)
    return response


@router.post("/workspace/rename", summary="Rename a workspace")
async def rename(request: Request, db: DbDep) -> Response:
    form = await request.form()
    old, new = _text(form, "old"), _text(form, "new")
    try:
        row = service.rename_workspace(db.db, old, new)
    except UserError as exc:
        if isinstance(exc, NotFound):  # no form to show it on
            raise
        return _settings_with_error(request, db, exc, f"rename-{old}", new)
    response = RedirectResponse(
        link_for(request, "/settings", renamed=row.name) + "#workspaces-h", status_code=303
    )
    if row.id == db.id:  # the current one: keep working in it under its new name
        _remember(response, request, row.name)
    return response


@router.get("/workspace/delete", response_class=HTMLResponse, summary="Delete a workspace?")
def delete_page(request: Request, db: DbDep, name: str = "") -> HTMLResponse:
    contents = service.preview_delete(db.db, name)
    return render(request, "workspace_delete.html", contents=contents)


@router.post("/workspace/delete", summary="Delete a workspace and everything in it")
async def delete(request: Request, db: DbDep) -> Response:
    form = await request.form()
    name = _text(form, "name")
    typed = _text(form, "confirm")
    if typed != name:
        contents = service.preview_delete(db.db, name)
        error = UserError(
            "type the workspace's name to confirm: nothing was deleted",
            hint=f"Type {name} in the box, exactly, then press Delete.",
        )
        return render(
            request, "workspace_delete.html", status_code=400, contents=contents, error=error
        )
    removed = service.delete_workspace(db.db, name)
    response = RedirectResponse(
        link_for(request, "/settings", deleted=removed.name) + "#workspaces-h", status_code=303
    )
    if removed.name == db.name:  # it was the current one: back to the app's own
        response.delete_cookie(workspace_cookie(request), path="/")
    return response
