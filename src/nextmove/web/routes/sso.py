"""Single sign-on's two pages (server mode, when configured): /login/sso sends the browser to
the organization's OpenID Connect provider, /login/sso/callback brings it back signed in.

What the browser must bring back — the `state`, the ID token's `nonce`, the PKCE verifier and
the page to return to — travels in a short-lived cookie signed with the server's secret,
HttpOnly and only sent to /login/sso: a callback whose state is not the one this browser was
given (a forged or replayed link, another browser, an expired start) signs no one in."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from nextmove.errors import NextmoveError, NotFound, NotSignedIn
from nextmove.services import single_sign_on as sso
from nextmove.web.auth import ServerMode
from nextmove.web.deps import ContextDep, NowDep
from nextmove.web.render import render
from nextmove.web.routes.accounts import safe_next, signed_in

router = APIRouter(include_in_schema=False)

FLOW_COOKIE = "nextmove_sso"
FLOW_PATH = "/login/sso"
FLOW_MINUTES = 10
Param = Annotated[str | None, Query(max_length=2000)]


def _mode(request: Request) -> tuple[ServerMode, sso.SsoConfig]:
    server: ServerMode | None = request.app.state.nextmove.server
    if server is None or server.sso is None:
        raise NotFound(
            "single sign-on is not set up on this server",
            hint="Sign in with your e-mail and password.",
        )
    return server, server.sso


def _sign(secret: bytes, payload: bytes) -> str:
    return hmac.new(secret, b"sso-flow:" + payload, hashlib.sha256).hexdigest()


def _pack(secret: bytes, flow: dict[str, str]) -> str:
    payload = base64.urlsafe_b64encode(json.dumps(flow).encode())
    return payload.decode() + "." + _sign(secret, payload)


def _unpack(secret: bytes, value: str | None, now: datetime) -> dict[str, str] | None:
    if not value or len(value) > 2000 or "." not in value:
        return None
    payload, _, signature = value.rpartition(".")
    if not hmac.compare_digest(signature, _sign(secret, payload.encode())):
        return None
    try:
        flow = json.loads(base64.urlsafe_b64decode(payload.encode()))
        expires = datetime.fromisoformat(flow["expires"])
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(flow, dict) or expires <= now:
        return None
    return {k: str(v) for k, v in flow.items()}


@router.get("/login/sso", summary="Sign in through the organization's provider")
def start(request: Request, now: NowDep, next: Param = None) -> Response:
    server, config = _mode(request)
    begun = sso.start_sign_in(config)
    flow = {
        "state": begun.state,
        "nonce": begun.nonce,
        "verifier": begun.verifier,
        "next": safe_next(next),
        "expires": (now + timedelta(minutes=FLOW_MINUTES)).isoformat(),
    }
    response = RedirectResponse(begun.url, status_code=303)
    response.set_cookie(
        FLOW_COOKIE,
        _pack(server.secret, flow),
        max_age=FLOW_MINUTES * 60,
        httponly=True,
        secure=server.secure_cookies,
        samesite="lax",  # the provider sends the browser back with a top-level GET
        path=FLOW_PATH,
    )
    return response


def _failed(request: Request, error: NextmoveError) -> Response:
    page = render(
        request, "login.html", status_code=error.http_status, next="/", error=error, email=""
    )
    page.delete_cookie(FLOW_COOKIE, path=FLOW_PATH)
    return page


@router.get("/login/sso/callback", summary="Back from the organization's provider")
def callback(
    request: Request,
    context: ContextDep,
    now: NowDep,
    code: Param = None,
    state: Param = None,
    error: Param = None,
) -> Response:
    server, config = _mode(request)
    flow = _unpack(server.secret, request.cookies.get(FLOW_COOKIE), datetime.now(UTC))
    if flow is None or not state or not hmac.compare_digest(state, flow.get("state", "")):
        return _failed(
            request,
            NotSignedIn(
                "this sign-in did not start in this browser, or took longer than "
                f"{FLOW_MINUTES} minutes",
                hint=f"Choose “Sign in with {config.name}” again.",
            ),
        )
    if error or not code:
        return _failed(
            request,
            NotSignedIn(
                f"{config.name} did not sign you in ({(error or 'no code')[:60]})",
                hint="Try again, or sign in with your e-mail and password.",
            ),
        )
    try:
        signed = sso.finish_sign_in(
            context.database,
            config,
            code=code,
            verifier=flow["verifier"],
            nonce=flow["nonce"],
            now=now,
            lifetime=server.session_lifetime,
        )
    except NextmoveError as exc:
        return _failed(request, exc)
    response = signed_in(server, signed.token, flow.get("next"))
    response.delete_cookie(FLOW_COOKIE, path=FLOW_PATH)
    return response
