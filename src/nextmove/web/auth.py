"""Server mode's sign-in: who makes a request, and which workspace it works on.

`authenticate` runs before every route (an app-level dependency). In local mode it does
nothing (the database's default workspace). In server mode its database reads run in the
threadpool, never in the event loop, and:

- the account comes from `Authorization: Bearer <personal API token>` or from the session
  cookie; none (or an expired, forged or signed-out one) is 401 for /api and a redirect to
  /login for pages;
- the workspace is the account's own, or `?workspace=ID` (a browser also remembers the
  client a coach opened, in a cookie, for the pages and their scripts; a Bearer call never
  does) when a grant lets the account in — checked on every request, so a revoked grant
  stops the very next one; a write needs `edit`, but for leaving a comment, which
  `comment` allows too;
- an API write made with the session cookie carries `X-CSRF-Token` (from GET /api/me), a
  Bearer call needs none; every request a coach makes in a client's workspace is written
  to that workspace's audit log.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from nextmove.errors import AccessDenied, NotSignedIn, UserError
from nextmove.services import coaching
from nextmove.services.accounts import AccountInfo, token_account
from nextmove.services.comments import Author
from nextmove.services.sign_in import session_account
from nextmove.services.single_sign_on import SsoConfig
from nextmove.web.security import CSRF_HEADER, UNSAFE_METHODS

SESSION_COOKIE = "nextmove_session"
MAX_ID = 2**31 - 1  # ids are 32-bit integers in both databases
CLIENT_COOKIE = "nextmove_client"
# Reachable without signing in (static files are a mount and never pass here).
PUBLIC_PATHS = frozenset({"/login", "/login/sso", "/login/sso/callback", "/api/openapi.json"})
# The account's own pages: always its own workspace, whatever client a coach has open.
ACCOUNT_PATHS = (
    "/coach",
    "/api/coach",
    "/api/me",
    "/api/audit",
    "/api/invitations",
    "/program",
    "/api/program",
    "/logout",
    "/settings",
    "/account",
)
# Writes that comment access allows (leaving a comment); every other write needs edit.
COMMENT_WRITES = re.compile(r"/plans/comments|/opportunities/\d{1,10}/comments|/api/comments")


@dataclass(frozen=True, slots=True)
class ServerMode:
    """What create_app knows in server mode."""

    secret: bytes
    secure_cookies: bool
    session_lifetime: timedelta
    sso: SsoConfig | None = None  # the organization's single sign-on, when configured

    def api_csrf_token(self, session_token: str) -> str:
        """The session's API CSRF token: derived from the session, so it needs no storage
        and dies with the session."""
        return hmac.new(
            self.secret, b"api-csrf:" + session_token.encode(), hashlib.sha256
        ).hexdigest()


@dataclass(frozen=True, slots=True)
class Principal:
    """The signed-in account of a request and the workspace it works on."""

    account: AccountInfo
    via: str  # "session" | "token"
    session_token: str | None
    workspace_id: int
    access: coaching.Access

    @property
    def in_own_workspace(self) -> bool:
        return self.access.level == coaching.OWN


def is_account_path(path: str) -> bool:
    """One of ACCOUNT_PATHS or under one, by whole segments (/api/me, not /api/meetings)."""
    return any(path == p or path.startswith(p + "/") for p in ACCOUNT_PATHS)


def _is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def principal_of(request: Request) -> Principal | None:
    value = getattr(request.state, "principal", None)
    return value if isinstance(value, Principal) else None


def _requested_workspace(request: Request, via: str) -> int | None:
    """`?workspace=ID`, else (for a browser, not a Bearer token: the pages and the scripts on
    them) the client a coach opened."""
    raw = request.query_params.get("workspace")
    if raw is None and via == "session":
        raw = request.cookies.get(CLIENT_COOKIE) or None
    if raw is None:
        return None
    if not raw.isdigit() or len(raw) > 10 or not 1 <= int(raw) <= MAX_ID:
        raise UserError(
            f"workspace {raw[:20]!r} is not a workspace id",
            field="workspace",
            hint="GET /api/coach/clients lists the workspaces of your clients.",
        )
    return int(raw)


async def authenticate(request: Request) -> None:
    """Runs before every route; see the module's docstring."""
    if request.app.state.nextmove.server is not None:
        await run_in_threadpool(_authenticate, request)


def _authenticate(request: Request) -> None:
    context = request.app.state.nextmove
    server: ServerMode = context.server
    path = request.url.path
    if path in PUBLIC_PATHS:
        return
    api = _is_api(path)
    now = datetime.now(UTC)
    db = context.database
    authorization = request.headers.get("authorization", "")
    if authorization:
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise NotSignedIn(
                "the Authorization header must be `Bearer <token>`",
                hint="Create a personal API token on the Settings page.",
            )
        account = token_account(db, value.strip(), now=now)
        via, session_token = "token", None
    else:
        session_token = request.cookies.get(SESSION_COOKIE)
        if not session_token:
            raise NotSignedIn("you are not signed in", hint="Sign in at /login.")
        account = session_account(db, session_token, now=now)
        via = "session"
        if api and request.method in UNSAFE_METHODS:
            sent = request.headers.get(CSRF_HEADER, "")
            if not hmac.compare_digest(sent, server.api_csrf_token(session_token)):
                raise AccessDenied(
                    "this API write has no valid X-CSRF-Token header",
                    hint="Send the csrf_token from GET /api/me as the X-CSRF-Token header "
                    "(calls with a Bearer token need none).",
                )
    try:
        own_page = is_account_path(path)
        requested = None if own_page else _requested_workspace(request, via)
        access = coaching.workspace_access(db, account, requested)
    except UserError:
        if request.query_params.get("workspace") is not None:
            raise
        # A remembered client workspace that is gone (revoked): back to one's own.
        requested = None
        access = coaching.workspace_access(db, account, None)
        request.state.forget_workspace = True
    workspace_id = account.workspace_id if requested is None else requested
    principal = Principal(account, via, session_token, workspace_id, access)
    request.state.principal = principal
    if access.level == coaching.OWN:
        return
    coaching.record_visit(
        db, workspace_id=workspace_id, actor=account, method=request.method, path=path, now=now
    )
    if request.method in UNSAFE_METHODS:
        if COMMENT_WRITES.fullmatch(path):
            coaching.check_comment(access.level)
        else:
            coaching.check_write(access.level)


def request_workspace_id(request: Request) -> int | None:
    """The workspace this request works on: the principal's in server mode; None in local
    mode (the database's default workspace)."""
    principal = principal_of(request)
    return principal.workspace_id if principal is not None else None


def comment_author(request: Request) -> Author:
    """Who writes a comment made by this request: the workspace's owner (local mode's one
    person, or an account in its own workspace) or a coach in a client's."""
    principal = principal_of(request)
    if principal is None:
        return Author("You", "", "owner")
    role = "owner" if principal.in_own_workspace else "coach"
    return Author(principal.account.name, principal.account.email, role)


def require_owner(request: Request, what: str) -> None:
    """Some things only the workspace's owner does (resolving a comment), whatever a grant."""
    principal = principal_of(request)
    if principal is not None and not principal.in_own_workspace:
        raise AccessDenied(
            f"only {principal.access.owner_name} can {what}",
            hint="It is their workspace; leave a comment instead.",
        )
