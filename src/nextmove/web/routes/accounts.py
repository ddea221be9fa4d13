"""Server mode's pages: sign in and out, the account's part of Settings (API tokens, coaches
and their access, the audit log), and the coach's dashboard. In local mode none of these
exists (404): nobody signs in."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from nextmove.errors import NextmoveError, UserError
from nextmove.services import accounts as account_service
from nextmove.services import coach_dashboard, coaching
from nextmove.services import sign_in as sign_in_service
from nextmove.web.auth import (
    CLIENT_COOKIE,
    MAX_ID,
    SESSION_COOKIE,
    Principal,
    ServerMode,
    principal_of,
)
from nextmove.web.deps import ContextDep, NowDep, TodayDep
from nextmove.web.render import render

RowId = Annotated[int, PathParam(ge=1, le=MAX_ID)]
router = APIRouter(include_in_schema=False)

Text = Annotated[str, Form(max_length=2000)]


def _server(request: Request) -> ServerMode:
    server: ServerMode | None = request.app.state.nextmove.server
    if server is None:
        raise HTTPException(404)
    return server


def _principal(request: Request) -> Principal:
    _server(request)
    principal = principal_of(request)
    assert principal is not None  # authenticate() has run
    return principal


def safe_next(value: str | None) -> str:
    """Where to go after signing in: a path on this site only (never `//evil.example`)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.path.startswith("/login"):
        return "/"
    return value[:1000]


@router.get("/login", response_class=HTMLResponse, summary="Sign in")
def login_page(request: Request, next: str | None = None, why: str | None = None) -> Response:
    _server(request)
    notice = why[:200] if why else None
    return render(request, "login.html", next=safe_next(next), notice=notice, email="")


@router.post("/login", summary="Sign in")
def login(
    request: Request,
    context: ContextDep,
    now: NowDep,
    email: Text = "",
    password: Text = "",
    next: Text = "/",
) -> Response:
    server = _server(request)
    address = request.client.host if request.client else "unknown"
    try:
        signed = sign_in_service.sign_in(
            context.database,
            email=email,
            password=password,
            address=address,
            now=now,
            lifetime=server.session_lifetime,
        )
    except NextmoveError as error:
        page = render(
            request,
            "login.html",
            status_code=error.http_status,
            next=safe_next(next),
            error=error,
            email=email.strip()[:320],
        )
        retry = getattr(error, "retry_after_seconds", None)
        if retry:
            page.headers["Retry-After"] = str(retry)
        return page
    return signed_in(server, signed.token, next)


def signed_in(server: ServerMode, token: str, target: str | None) -> RedirectResponse:
    """Where a sign-in (by password or single sign-on) goes: to the page asked for, with the
    new session's cookie, and no client chosen from an earlier session."""
    response = RedirectResponse(safe_next(target), status_code=303)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(server.session_lifetime.total_seconds()),
        httponly=True,
        secure=server.secure_cookies,
        samesite="lax",
        path="/",
    )
    response.delete_cookie(CLIENT_COOKIE, path="/")
    return response


@router.post("/logout", summary="Sign out")
def logout(request: Request, context: ContextDep, everywhere: Text = "") -> Response:
    server = _server(request)
    principal = _principal(request)
    if everywhere == "yes":
        sign_in_service.sign_out_everywhere(context.database, principal.account.id)
    elif principal.session_token:
        sign_in_service.sign_out(context.database, principal.session_token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(
        SESSION_COOKIE, path="/", secure=server.secure_cookies, httponly=True, samesite="lax"
    )
    response.delete_cookie(CLIENT_COOKIE, path="/")
    return response


def account_settings(request: Request, **extra: Any) -> dict[str, Any]:
    """What the Settings page shows of the signed-in account (server mode)."""
    principal = _principal(request)
    db = request.app.state.nextmove.database
    account = principal.account
    return {
        "account": account,
        "tokens": account_service.list_api_tokens(db, account.id),
        "coaches": coaching.grants_of_client(db, account.id),
        "invitations": coaching.invitations_of_client(db, account.id),
        "audit": coaching.audit_log(db, account.workspace_id, limit=100),
        "sessions": sign_in_service.session_count(db, account.id, now=datetime.now(UTC)),
        "access_levels": account_service.ACCESS_LEVELS,
        **extra,
    }


def _settings_error(request: Request, error: NextmoveError) -> Response:
    return render(
        request,
        "settings.html",
        status_code=error.http_status,
        info=None,
        error=error,
        **account_settings(request),
    )


@router.post("/settings/tokens", summary="Create a personal API token")
def create_token(request: Request, context: ContextDep, now: NowDep, name: Text = "") -> Response:
    principal = _principal(request)
    token = account_service.create_own_api_token(
        context.database, principal.account.id, name=name or "API token", now=now
    )
    return render(request, "settings.html", info=None, new_token=token, **account_settings(request))


@router.post("/settings/tokens/{token_id}/delete", summary="Delete a personal API token")
def delete_token(request: Request, context: ContextDep, token_id: RowId) -> Response:
    principal = _principal(request)
    account_service.delete_api_token(context.database, principal.account.id, token_id)
    return RedirectResponse("/settings#tokens-h", status_code=303)


@router.post("/settings/coaches", summary="Give a coach access to your workspace")
def grant_coach(
    request: Request, context: ContextDep, now: NowDep, coach: Text = "", access: Text = "view"
) -> Response:
    principal = _principal(request)
    try:
        coaching.grant_access(
            context.database,
            client_email=principal.account.email,
            coach_email=coach,
            access=access,
            now=now,
        )
    except UserError as error:
        return _settings_error(request, error)
    return RedirectResponse("/settings#coaches-h", status_code=303)


@router.post("/settings/coaches/revoke", summary="Revoke a coach's access")
def revoke_coach(request: Request, context: ContextDep, coach: Text = "") -> Response:
    principal = _principal(request)
    coaching.revoke_access(
        context.database, client_email=principal.account.email, coach_email=coach
    )
    return RedirectResponse("/settings#coaches-h", status_code=303)


@router.post("/settings/invitations/{invitation_id}", summary="Answer a coach's invitation")
def answer_invitation(
    request: Request, context: ContextDep, now: NowDep, invitation_id: RowId, answer: Text = ""
) -> Response:
    principal = _principal(request)
    coaching.answer_invitation(
        context.database,
        client_id=principal.account.id,
        invitation_id=invitation_id,
        accept=answer == "accept",
        now=now,
    )
    return RedirectResponse("/settings#coaches-h", status_code=303)


@router.post("/coach/invitations", summary="Invite a client")
def invite_client(
    request: Request,
    context: ContextDep,
    today: TodayDep,
    now: NowDep,
    email: Text = "",
    access: Text = "view",
) -> Response:
    principal = _principal(request)
    try:
        message = coaching.invite_client(
            context.database, coach=principal.account, client_email=email, access=access, now=now
        )
    except UserError as error:
        return _coach_page(request, context, today, now, error=error, status_code=error.http_status)
    return _coach_page(request, context, today, now, invited=message)


@router.get("/coach", response_class=HTMLResponse, summary="Your clients")
def coach_page(request: Request, context: ContextDep, today: TodayDep, now: NowDep) -> Response:
    return _coach_page(request, context, today, now)


def _coach_page(
    request: Request,
    context: ContextDep,
    today: TodayDep,
    now: NowDep,
    *,
    status_code: int = 200,
    **extra: Any,
) -> Response:
    principal = _principal(request)
    clients = coach_dashboard.client_overview(
        context.database, principal.account.id, settings=context.settings, today=today, now=now
    )
    response = render(
        request,
        "coach.html",
        status_code=status_code,
        clients=clients,
        account=principal.account,
        access_levels=account_service.ACCESS_LEVELS,
        **extra,
    )
    response.delete_cookie(CLIENT_COOKIE, path="/")
    return response


@router.get("/coach/clients/{workspace_id}", response_class=HTMLResponse, summary="A client")
def coach_client_page(request: Request, context: ContextDep, workspace_id: RowId) -> Response:
    principal = _principal(request)
    access = coaching.workspace_access(context.database, principal.account, workspace_id)
    note = coaching.coach_note(context.database, principal.account.id, workspace_id)
    return render(request, "coach_client.html", access=access, workspace_id=workspace_id, note=note)


@router.post("/coach/clients/{workspace_id}/open", summary="Work in a client's workspace")
def open_client(request: Request, context: ContextDep, workspace_id: RowId) -> Response:
    principal = _principal(request)
    coaching.workspace_access(
        context.database, principal.account, workspace_id
    )  # 404 without a grant
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        CLIENT_COOKIE,
        str(workspace_id),
        httponly=True,
        secure=_server(request).secure_cookies,
        samesite="lax",
        path="/",
    )
    return response


@router.post("/coach/clients/{workspace_id}/notes", summary="Save private notes on a client")
def save_notes(
    request: Request,
    context: ContextDep,
    now: NowDep,
    workspace_id: RowId,
    body: Annotated[str, Form(max_length=coaching.MAX_NOTE)] = "",
) -> Response:
    principal = _principal(request)
    coaching.save_coach_note(context.database, principal.account.id, workspace_id, body, now=now)
    return RedirectResponse(f"/coach/clients/{workspace_id}?saved=1", status_code=303)
