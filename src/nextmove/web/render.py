"""Rendering pages: one Jinja environment per app, the navigation of the whole method, and
`render()` which every page route returns through (it embeds the CSRF token)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from nextmove import __version__
from nextmove.domain.functions import FUNCTIONS
from nextmove.domain.levels import LADDER, level_label
from nextmove.domain.limits import LIMITS, field_limit
from nextmove.domain.links import safe_link
from nextmove.domain.suggest import STRENGTH_WORDS
from nextmove.services.workspaces import WorkspaceRow, workspace_names
from nextmove.web.auth import CLIENT_COOKIE, principal_of
from nextmove.web.deps import get_db
from nextmove.web.forms import field_label
from nextmove.web.markdown import render_markdown
from nextmove.web.security import CSRF_FIELD

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"


@dataclass(frozen=True, slots=True)
class NavItem:
    label: str
    path: str


NAVIGATION: tuple[NavItem, ...] = (
    NavItem("Today", "/"),
    NavItem("Vision", "/vision"),
    NavItem("Journal", "/journal"),
    NavItem("People", "/people"),
    NavItem("Suggestions", "/suggestions"),
    NavItem("Round", "/round"),
    NavItem("Meetings", "/meetings"),
    NavItem("Board", "/board"),
    NavItem("Opportunities", "/opportunities"),
    NavItem("Import", "/import"),
    NavItem("Settings", "/settings"),
)


# Pages without their own navigation entry, shown under another one.
NAV_ALIASES = {
    "/map": "/suggestions",
    "/plans": "/vision",
    "/plans/edit": "/vision",
    "/workspace/delete": "/settings",
    "/workspace/create": "/settings",
    "/workspace/rename": "/settings",
}


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    env = templates.env
    env.globals.update(
        navigation=NAVIGATION,
        version=__version__,
        levels=LADDER,
        functions=FUNCTIONS,
        level_label=level_label,
        csrf_field=CSRF_FIELD,
        strength_words=STRENGTH_WORDS,
        limits=LIMITS,
        field_limit=field_limit,
    )
    env.filters["signed"] = lambda value, digits=1: f"{value:+.{digits}f}".replace("-", "−")
    env.filters["field_id"] = field_id
    env.filters["field_label"] = field_label
    env.filters["inline_code"] = inline_code
    env.filters["words"] = words
    env.filters["markdown"] = render_markdown
    env.filters["safe_link"] = safe_link  # a link is only made clickable when it is safe
    return templates


WORDS = {"advisor-checkin": "advisor check-in"}  # the rest: hyphens become spaces


def words(value: str) -> str:
    """A stored value as people say it ('advisor-checkin' -> 'advisor check-in')."""
    return WORDS.get(value, value.replace("-", " "))


def inline_code(text: str) -> Markup:
    """Plain text with `backticks` -> escaped HTML with <code> (the domain's advice names
    commands that way)."""
    escaped = str(escape(text))
    return Markup(re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped))


def field_id(name: str) -> str:
    """A form field's name (`steps[0].level`) -> an HTML id (`f-steps-0-level`)."""
    cleaned = "".join(c if c.isalnum() else "-" for c in name).strip("-")
    while "--" in cleaned:
        cleaned = cleaned.replace("--", "-")
    return f"f-{cleaned}"


def link_for(request: Request, path: str, **params: Any) -> str:
    """A link inside the app that keeps `?as_of=` (so a page seen as of a date stays there)."""
    query = {k: v for k, v in params.items() if v is not None}
    as_of = request.query_params.get("as_of")
    if as_of and "as_of" not in query:
        query["as_of"] = as_of
    path, hash_, fragment = path.partition("#")
    return path + ("?" + urlencode(query, doseq=True) if query else "") + hash_ + fragment


@dataclass(frozen=True, slots=True)
class WorkspaceSwitch:
    """What the header shows: the current workspace and the others to switch to."""

    current: str
    current_id: int
    all: list[WorkspaceRow]


def workspace_switch(request: Request) -> WorkspaceSwitch | None:
    """The header's workspace switch; None when the database cannot say (an error page about
    the database itself must still render), and in server mode (an account works in its
    own workspace, or a client's through the coach's pages)."""
    if request.app.state.nextmove.server is not None:
        return None
    try:
        workspace = get_db(request)
        rows = workspace_names(workspace.db)
    except Exception:  # the header is not worth a second error
        return None
    return WorkspaceSwitch(workspace.name, workspace.id, rows)


def render(
    request: Request, template: str, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    state = request.app.state.nextmove
    templates: Jinja2Templates = request.app.state.templates
    token = state.tokens.for_request(request)
    path = NAV_ALIASES.get(request.url.path, request.url.path)
    current = next(
        (item for item in NAVIGATION if item.path == path),
        next(
            (item for item in NAVIGATION if item.path != "/" and path.startswith(item.path)),
            None,
        ),
    )
    response = templates.TemplateResponse(
        request,
        template,
        {
            "csrf_token": token,
            "current": current,
            "as_of": request.query_params.get("as_of"),
            "link": lambda p, **params: link_for(request, p, **params),
            "workspace_switch": workspace_switch(request),
            "principal": principal_of(request),
            "server_mode": state.server is not None,
            **context,
        },
        status_code=status_code,
    )
    if getattr(request.state, "csrf_new", False):
        response.set_cookie(
            state.tokens.cookie_name,
            token,
            httponly=True,
            samesite="strict",
            path="/",
            secure=bool(state.server and state.server.secure_cookies),
        )
    if getattr(request.state, "forget_workspace", False):
        response.delete_cookie(CLIENT_COOKIE, path="/")
    return response
