"""What every route shares, as `Annotated` dependencies: the database, settings and the clock."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import Depends, Query, Request

from nextmove.config import Settings
from nextmove.errors import NotFound
from nextmove.services.preferences import settings_for
from nextmove.services.workspace import Database, Workspace, open_workspace
from nextmove.web.auth import MAX_ID, ServerMode, principal_of
from nextmove.web.security import CsrfTokens


@dataclass(frozen=True, slots=True)
class WebContext:
    """Everything create_app builds once per app (never at import time)."""

    settings: Settings
    database: Database
    workspace_id: int
    tokens: CsrfTokens
    origins: frozenset[str]
    base_url: str
    server: ServerMode | None = None  # None: local mode (no sign-in, one person)


def get_context(request: Request) -> WebContext:
    context: WebContext = request.app.state.nextmove
    return context


# Local mode: the workspace the user switched to (the web app's workspace switch) is kept in
# this cookie, by name, one per port (cookies do not separate ports: two nextmove servers on
# one machine, each with its own database, must not switch each other); without it, or when
# it names no workspace, the app's own.
WORKSPACE_COOKIE = "nextmove_workspace"


def workspace_cookie(request: Request) -> str:
    """The name of this server's workspace cookie."""
    csrf = get_context(request).tokens.cookie_name  # nextmove_csrf_<port>
    return f"{WORKSPACE_COOKIE}_{csrf.rsplit('_', 1)[-1]}"


def get_db(
    request: Request,
    workspace: Annotated[
        int | None,
        Query(
            ge=1,
            le=MAX_ID,
            description="Work in this workspace instead of your own: in server mode one whose "
            "owner granted you access (a coach's client, ids from /api/coach/clients); in "
            "local mode any workspace of the database.",
        ),
    ] = None,
) -> Workspace:
    """The workspace this request works in, with its preferences as stored now: the one
    place a route's workspace is resolved (once per request; the page header shows it).
    Server mode: the signed-in account's own or a granted client's (web/auth.py checked the
    grant before any route ran). Local mode: `?workspace=ID`, else the one switched to (the
    header's switch, a cookie by name), else the app's own."""
    cached = getattr(request.state, "workspace", None)
    if isinstance(cached, Workspace) and workspace is None:
        return cached
    context = get_context(request)
    principal = principal_of(request)
    resolved: Workspace | None = None
    if principal is not None:
        resolved = open_workspace(context.database, workspace_id=principal.workspace_id)
    elif context.server is not None:  # a public page in server mode: no workspace at all
        raise NotFound("this page needs a signed-in account", hint="Sign in at /login.")
    elif workspace is not None:
        resolved = open_workspace(context.database, workspace_id=workspace)
    else:
        name = request.cookies.get(workspace_cookie(request))
        if name:
            with suppress(NotFound):
                resolved = open_workspace(context.database, name)
        if resolved is None:
            resolved = open_workspace(context.database, workspace_id=context.workspace_id)
    request.state.workspace = resolved
    return resolved


def get_settings(request: Request, db: Annotated[Workspace, Depends(get_db)]) -> Settings:
    """The settings in effect for this request's workspace: its preferences (time zone,
    working hours, e-mail, …) as stored now, over config.toml's."""
    return settings_for(get_context(request).settings, db)


def get_today(
    as_of: Annotated[
        date | None,
        Query(
            description="Reason as if today were this date (YYYY-MM-DD); default: the clock.",
            ge=date(1900, 1, 1),
            le=date(2999, 12, 31),
        ),
    ] = None,
) -> date:
    """The date pages and the API reason about: `?as_of=YYYY-MM-DD`, else today."""
    return as_of or date.today()


def get_now() -> datetime:
    return datetime.now(UTC)


ContextDep = Annotated[WebContext, Depends(get_context)]
DbDep = Annotated[Workspace, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
TodayDep = Annotated[date, Depends(get_today)]
NowDep = Annotated[datetime, Depends(get_now)]
