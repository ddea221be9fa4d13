"""The web app factory. Nothing is built at import time: `create_app(settings)` opens the
database, makes the per-process CSRF secret and wires routes, guards and the error boundary."""

from __future__ import annotations

import json
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from nextmove import __version__
from nextmove.config import Settings, load_settings, server_secret, workspace_from_environment
from nextmove.errors import (
    DatabaseBusy,
    InvalidInput,
    NextmoveError,
    NotSignedIn,
    TooManyAttempts,
    UserError,
)
from nextmove.services.single_sign_on import sso_config
from nextmove.services.workspace import Database, Workspace, open_database, open_workspace
from nextmove.web import api, routes
from nextmove.web.auth import ServerMode, authenticate
from nextmove.web.deps import WebContext
from nextmove.web.import_jobs import ImportJobs
from nextmove.web.render import STATIC_DIR, make_templates, render
from nextmove.web.security import (
    UNSAFE_METHODS,
    CsrfTokens,
    LocalGuard,
    allowed_hosts,
    allowed_origins,
    check_api_request,
    check_form_token,
)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


def is_api(path: str) -> bool:
    return path == "/api" or path.startswith("/api/")


def error_json(error: NextmoveError) -> dict[str, Any]:
    body: dict[str, Any] = {"error": error.message, "hint": error.hint}
    if error.field is not None:
        body["field"] = error.field
    if isinstance(error, InvalidInput):
        body["problems"] = [{"field": p.where, "message": p.message} for p in error.problems]
    return body


async def guard_request(request: Request) -> None:
    """Runs before every route: state-changing requests must come from this app's own pages
    (forms: a valid CSRF token; /api: JSON from the same origin)."""
    if request.method not in UNSAFE_METHODS:
        return
    context: WebContext = request.app.state.nextmove
    if is_api(request.url.path):
        check_api_request(request, context.origins)
    else:
        await check_form_token(request, context.tokens, context.origins)


# A refused value is named by its place and length, never repeated whole to the caller.
ECHO_LIMIT = 200


def _bounded_errors(errors: Any) -> list[dict[str, Any]]:
    """FastAPI's validation errors as JSON, each offending `input` cut to ECHO_LIMIT
    characters (a 20 MB upload is not sent back in a 422)."""
    out: list[dict[str, Any]] = []
    for error in json.loads(json.dumps(list(errors), default=str)):
        value = error.get("input")
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if len(text) > ECHO_LIMIT:
            error["input"] = f"{text[:ECHO_LIMIT]}… ({len(text):,} characters)"
        out.append(error)
    return out


def create_app(
    settings: Settings,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    db: Database | Workspace | None = None,
    server: ServerMode | None = None,
    base_url: str | None = None,
    hosts: frozenset[str] | None = None,
    workspace: str | None = None,
) -> FastAPI:
    """The nextmove web app for one database, answering only at http://HOST:PORT (local
    mode), or with `server` at `base_url` to the Host values `hosts` (server mode: accounts
    sign in, each works in their own workspace). Local mode works in the default workspace
    (or `db`'s, when a workspace is given, or the one named `workspace`) until the user
    switches."""
    owns_db = db is None
    database = db.db if isinstance(db, Workspace) else db
    if database is None:
        database = open_database(settings)
    try:
        start = db if isinstance(db, Workspace) else open_workspace(database, workspace)
    except BaseException:
        if owns_db:
            database.dispose()
        raise

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owns_db:
            database.dispose()

    app = FastAPI(
        title="nextmove",
        version=__version__,
        summary="Your career plan two jobs out, and the evidence of what energizes you.",
        docs_url=None,  # Swagger UI loads from a CDN; the app must work offline
        redoc_url=None,
        openapi_url="/api/openapi.json",
        dependencies=[Depends(guard_request), Depends(authenticate)],
        lifespan=lifespan,
    )
    if server is None:
        hosts = allowed_hosts(host, port)
        origins = allowed_origins(host, port)
        base_url = f"http://{'[' + host + ']' if ':' in host else host}:{port}"
        secret = secrets.token_bytes(32)
    else:
        assert base_url is not None and hosts is not None
        origins = frozenset({base_url.rstrip("/")})
        secret = server.secret  # shared by every worker process
    app.state.nextmove = WebContext(
        settings=settings,
        database=database,
        workspace_id=start.id,
        tokens=CsrfTokens(secret, port),
        origins=origins,
        base_url=base_url.rstrip("/"),
        server=server,
    )
    app.state.templates = make_templates()
    app.state.import_jobs = ImportJobs()
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for router in routes.ROUTERS:
        app.include_router(router)
    app.include_router(api.router)
    _install_error_boundary(app)

    def render_refusal(
        path: str, error: NextmoveError
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        if is_api(path):
            return (
                error.http_status,
                [(b"content-type", b"application/json")],
                json.dumps(error_json(error)).encode(),
            )
        template = app.state.templates.get_template("refused.html")
        body = template.render(error=error, version=__version__).encode()
        return error.http_status, [(b"content-type", b"text/html; charset=utf-8")], body

    app.add_middleware(
        LocalGuard,
        hosts=hosts,
        max_body=int(settings.upload_limit_mb * 1_000_000),
        render_error=render_refusal,
        extra_headers=SECURITY_HEADERS,
    )
    return app


def _install_error_boundary(app: FastAPI) -> None:
    """One place words every error: on the page, or as JSON under /api."""

    async def on_nextmove_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, NextmoveError)
        response: Response
        if isinstance(exc, NotSignedIn) and not is_api(request.url.path):
            return _to_login(request, exc)
        if is_api(request.url.path):
            response = JSONResponse(error_json(exc), status_code=exc.http_status)
        else:
            response = render(request, "error.html", status_code=exc.http_status, error=exc)
        if isinstance(exc, DatabaseBusy | TooManyAttempts):
            response.headers["Retry-After"] = str(exc.retry_after_seconds)
        if isinstance(exc, NotSignedIn):
            response.headers["WWW-Authenticate"] = "Bearer"
        return response

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        if is_api(request.url.path):
            return JSONResponse(
                {
                    "error": "the request is not valid",
                    "hint": "See the API schema at /api/openapi.json.",
                    "detail": _bounded_errors(exc.errors()),
                },
                status_code=422,
            )
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors()
        )
        error = UserError(f"this address is not valid: {problems}", hint="Check the address.")
        return render(request, "error.html", status_code=400, error=error)

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        message = {404: "there is no page at this address", 405: "this page cannot do that"}.get(
            exc.status_code, str(exc.detail)
        )
        if is_api(request.url.path):
            return JSONResponse(
                {"error": message, "hint": None},
                status_code=exc.status_code,
                headers=getattr(exc, "headers", None),
            )
        error = NextmoveError(message, hint="Use the navigation to find your way.")
        return render(request, "error.html", status_code=exc.status_code, error=error)

    async def on_bug(request: Request, exc: Exception) -> Response:
        error = NextmoveError(
            f"internal error: {type(exc).__name__}",
            hint="This is a bug in nextmove; the server log has the details. Please report it.",
        )
        if is_api(request.url.path):
            return JSONResponse(error_json(error), status_code=500)
        return render(request, "error.html", status_code=500, error=error)

    app.add_exception_handler(Exception, on_bug)
    app.add_exception_handler(NextmoveError, on_nextmove_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)


def _to_login(request: Request, error: NotSignedIn) -> Response:
    """A page asked for without signing in: to /login, coming back here afterwards."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    query = urlencode({"next": target, **({"why": error.message} if request.cookies else {})})
    return RedirectResponse(f"/login?{query}", status_code=303)


def app_from_environment() -> FastAPI:
    """The factory `nextmove serve` hands to uvicorn (`factory=True`): everything comes from
    the settings (environment and config.toml), read when the server starts, not at import."""
    settings = load_settings()
    return create_app(
        settings,
        host=settings.web_host,
        port=settings.web_port,
        workspace=workspace_from_environment(),
    )


def server_mode(settings: Settings) -> tuple[ServerMode, str, frozenset[str]]:
    """Server mode's options from the settings: (mode, public base URL, Host values)."""
    shown = f"[{settings.web_host}]" if ":" in settings.web_host else settings.web_host
    base_url = (settings.base_url or f"http://{shown}:{settings.web_port}").rstrip("/")
    parsed = urlsplit(base_url)  # checked by the setting's validator
    hosts = frozenset({parsed.netloc.lower(), *(h.lower() for h in settings.allowed_hosts)})
    mode = ServerMode(
        secret=server_secret(settings),
        secure_cookies=parsed.scheme == "https",
        session_lifetime=timedelta(hours=settings.session_hours),
        sso=sso_config(settings, base_url),
    )
    return mode, base_url, hosts


def server_app_from_environment() -> FastAPI:
    """The factory `nextmove server` hands to uvicorn: one per worker process, each reading
    the same settings and the same secret key."""
    settings = load_settings()
    mode, base_url, hosts = server_mode(settings)
    return create_app(
        settings,
        host=settings.web_host,
        port=settings.web_port,
        server=mode,
        base_url=base_url,
        hosts=hosts,
    )
