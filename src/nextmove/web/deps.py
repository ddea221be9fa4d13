"""What every route shares, as `Annotated` dependencies: the database, settings and the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import Depends, Query, Request

from nextmove.config import Settings
from nextmove.services.workspace import Database
from nextmove.web.auth import ServerMode, request_workspace_id
from nextmove.web.security import CsrfTokens


@dataclass(frozen=True, slots=True)
class WebContext:
    """Everything create_app builds once per app (never at import time)."""

    settings: Settings
    db: Database
    tokens: CsrfTokens
    origins: frozenset[str]
    base_url: str
    server: ServerMode | None = None  # None: local mode (no sign-in, one person)


def get_context(request: Request) -> WebContext:
    context: WebContext = request.app.state.nextmove
    return context


def get_db(request: Request) -> Database:
    """The database of the request's workspace. The one place a route's workspace is
    resolved: in server mode, the signed-in account's own or a granted client's (see
    web/auth.py, which has checked access before any route runs)."""
    request.state.workspace_id = request_workspace_id(request)
    return get_context(request).db


def get_settings(request: Request) -> Settings:
    return get_context(request).settings


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
DbDep = Annotated[Database, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
TodayDep = Annotated[date, Depends(get_today)]
NowDep = Annotated[datetime, Depends(get_now)]
