"""Local safety: the web app serves one person on their own machine, and nothing else may use it.

- **DNS rebinding**: a request whose Host header is not the bound host and port is refused (400).
- **Cross-site requests**: every state-changing form carries a signed double-submit token
  (a cookie and a form field holding the same value, signed with a per-process secret); a POST
  without a valid token, or one a browser marks as coming from another site, is refused (403).
  The JSON API under /api takes only `application/json` bodies (file uploads: only
  `application/octet-stream`, see API_BODY_TYPES) and refuses requests a browser marks as
  cross-site, so no other page can call it.
- **No CORS**: the app never sends Access-Control-* headers.
- **Upload size**: a request body larger than the configured limit is refused (413) before any
  route reads it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

from starlette.requests import Request

from nextmove.errors import NextmoveError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
# API operations whose body is a file's bytes, not JSON: octet-stream is no more sendable by a
# form on another site than JSON is (both need a CORS preflight, which this app never answers).
API_BODY_TYPES = {("POST", "/api/imports"): "application/octet-stream"}
# Sec-Fetch-Site values a browser sends for requests this app's own pages make, or that the
# user typed. "same-site" is refused too: another port on localhost is the same site.
TRUSTED_FETCH_SITES = frozenset({"same-origin", "none"})


class Forbidden(NextmoveError):
    """A request the local-safety rules refuse."""

    http_status = 403


class BadHost(NextmoveError):
    http_status = 400


class TooLarge(NextmoveError):
    http_status = 413


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """Host header values that name this server: the bound host, plus both loopback names
    when bound to loopback. The port must be present (a browser always sends it for non-80)."""
    names = {host.lower()}
    if host in ("127.0.0.1", "localhost", "::1"):
        names |= {"127.0.0.1", "localhost"}
    values = set()
    for name in names:
        shown = f"[{name}]" if ":" in name else name
        values.add(f"{shown}:{port}")
        if port == 80:
            values.add(shown)
    return frozenset(values)


def allowed_origins(host: str, port: int) -> frozenset[str]:
    return frozenset(f"http://{value}" for value in allowed_hosts(host, port))


class CsrfTokens:
    """Signed double-submit tokens: `nonce.signature`, signed with a per-process secret."""

    def __init__(self, secret: bytes, port: int):
        self._secret = secret
        # Cookies do not separate ports; two nextmove servers must not overwrite each other's.
        self.cookie_name = f"nextmove_csrf_{port}"

    def _sign(self, nonce: str) -> str:
        return hmac.new(self._secret, nonce.encode(), hashlib.sha256).hexdigest()

    def new(self) -> str:
        nonce = secrets.token_urlsafe(18)
        return f"{nonce}.{self._sign(nonce)}"

    def valid(self, token: str | None) -> bool:
        if not token or "." not in token:
            return False
        nonce, _, signature = token.partition(".")
        return hmac.compare_digest(signature, self._sign(nonce))

    def for_request(self, request: Request) -> str:
        """The token a page should embed: the request's valid cookie, or a new one (which the
        response then sets; see `pages.render`)."""
        cached = getattr(request.state, "csrf_token", None)
        if cached:
            return str(cached)
        token = request.cookies.get(self.cookie_name)
        if not self.valid(token):
            token = self.new()
            request.state.csrf_new = True
        request.state.csrf_token = token
        return str(token)


def refuse_cross_site(request: Request, origins: frozenset[str]) -> None:
    """Refuse what a browser marks as coming from another site or origin."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in TRUSTED_FETCH_SITES:
        raise Forbidden(
            "this request came from another site and was refused",
            hint="nextmove only accepts changes made on its own pages.",
        )
    origin = request.headers.get("origin")
    if origin is not None and origin not in origins:
        raise Forbidden(
            f"requests from {origin} are refused",
            hint="nextmove only accepts changes made on its own pages.",
        )


async def check_form_token(request: Request, tokens: CsrfTokens, origins: frozenset[str]) -> None:
    """For every state-changing request to a page: same site, and a valid double-submit token."""
    refuse_cross_site(request, origins)
    cookie = request.cookies.get(tokens.cookie_name)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()  # cached on the request; the route reads it again
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not (cookie and sent and hmac.compare_digest(cookie, sent) and tokens.valid(sent)):
        raise Forbidden(
            "this form was refused: its security token is missing or out of date",
            hint="Reload the page and try again (tokens change when nextmove restarts).",
        )


def check_api_request(request: Request, origins: frozenset[str]) -> None:
    """For every state-changing request to /api: same site, and a JSON body (a plain HTML form
    on another site cannot send one without a CORS preflight, which this app never answers);
    file uploads (API_BODY_TYPES) take their bytes as application/octet-stream instead."""
    refuse_cross_site(request, origins)
    if request.method in ("POST", "PUT", "PATCH"):
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        wanted = API_BODY_TYPES.get((request.method, request.url.path.rstrip("/")))
        if wanted is not None and content_type != wanted:
            raise Forbidden(
                f"this operation takes the file's bytes (Content-Type: {wanted})",
                hint=f"Send the file itself as the request body, with Content-Type: {wanted}.",
            )
        if wanted is None and content_type != "application/json":
            raise Forbidden(
                "the API accepts only JSON bodies (Content-Type: application/json)",
                hint="Send the request body as JSON.",
            )


class LocalGuard:
    """Pure ASGI middleware: Host header check and request body limit, before any route runs.

    `render_error(request_path, error)` turns a refusal into (status, headers, body).
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        hosts: frozenset[str],
        max_body: int,
        render_error: Callable[[str, NextmoveError], tuple[int, list[tuple[bytes, bytes]], bytes]],
        extra_headers: Sequence[tuple[bytes, bytes]] = (),
    ):
        self.app = app
        self.hosts = hosts
        self.max_body = max_body
        self.render_error = render_error
        self.extra_headers = list(extra_headers)

    async def _refuse(self, scope: Scope, send: Send, error: NextmoveError) -> None:
        status, headers, body = self.render_error(scope.get("path", "/"), error)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [*headers, *self.extra_headers],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, outer_send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, outer_send)
            return

        async def send(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.extra_headers]
            await outer_send(message)

        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "").lower()
        if host not in self.hosts:
            if scope["type"] == "http":
                await self._refuse(
                    scope,
                    send,
                    BadHost(
                        f"this server does not answer to the host name {host or '(none)'!r}",
                        hint="Open nextmove at the address `nextmove serve` printed, e.g. "
                        f"http://{sorted(self.hosts)[0]}/.",
                    ),
                )
            return
        if scope["type"] != "http" or scope["method"] not in UNSAFE_METHODS:
            await self.app(scope, receive, send)
            return
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self._refuse(scope, send, self._too_large())
            return
        # Read the body up to the limit, then replay it to the app.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._refuse(scope, send, self._too_large())
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _too_large(self) -> TooLarge:
        limit_mb = self.max_body / 1_000_000
        return TooLarge(
            f"the upload is larger than the limit of {limit_mb:g} MB",
            hint="Upload a smaller file, or raise `upload_limit_mb` in config.toml "
            "(NEXTMOVE_UPLOAD_LIMIT_MB).",
        )


def json_error_body(error: NextmoveError) -> bytes:
    return json.dumps({"error": error.message, "hint": error.hint}).encode()
