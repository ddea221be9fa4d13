"""Single sign-on through the organization's OpenID Connect provider (server mode).

The authorization code flow with PKCE (S256), a `state` bound to the browser and a `nonce`
bound to the ID token, through Authlib's OAuth 2 client; the ID token's signature (the
provider's published keys), issuer, audience, expiry and nonce are checked with joserfc.
The provider's word is taken only for a verified e-mail (`email_verified`), in an allowed
domain; it signs in the account with that e-mail — a disabled account stays out, and an
e-mail without an account is refused or becomes a member account, as configured.

Only addresses the configuration names are ever contacted (the issuer's discovery document
and the endpoints it lists), with a timeout and a bound on what is read. The client secret
comes from a file or the environment (config.py), is kept in memory only, never in the
database, a log or a message."""

from __future__ import annotations

import json
import secrets
import threading
import time
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import authlib.deprecate  # noqa: F401  (sets its own filter first, which the next overrides)
import httpx
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from nextmove.config import Settings, sso_client_secret
from nextmove.errors import AccessDenied, NotSignedIn, ProviderUnavailable, UserError
from nextmove.services import accounts
from nextmove.services.accounts import AccountInfo
from nextmove.services.sign_in import SignedIn, open_session
from nextmove.store.db import Database

with warnings.catch_warnings():  # Authlib would rather have httpx2; plain httpx works the same
    warnings.simplefilter("ignore")
    from authlib.integrations.httpx_client import OAuth2Client

SCOPE = "openid email profile"
TIMEOUT = 10.0
MAX_RESPONSE = 1_000_000  # bytes of one answer from the provider
METADATA_TTL = 3600.0  # seconds a discovery document and its keys are kept
LEEWAY = 60  # seconds of clock difference allowed on the ID token's times
ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512")
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
CALLBACK = "/login/sso/callback"


@dataclass(frozen=True, slots=True)
class SsoConfig:
    issuer: str
    client_id: str
    client_secret: str = field(repr=False)
    name: str
    domains: tuple[str, ...]
    new_accounts: str  # "refuse" | "member"
    redirect_uri: str


def sso_config(settings: Settings, base_url: str) -> SsoConfig | None:
    """Single sign-on as configured; None when `sso_issuer` is not set. A half-made
    configuration is a UserError naming what is missing (at start, not at first sign-in)."""
    issuer = settings.sso_issuer.strip().rstrip("/")
    if not issuer:
        return None
    parts = urlsplit(issuer)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise UserError(f"sso_issuer {issuer[:100]!r} is not a URL", field="sso_issuer")
    if parts.scheme == "http" and parts.hostname not in LOOPBACK:
        raise UserError(
            "sso_issuer must be an https address",
            field="sso_issuer",
            hint="Plain http is accepted only for a provider on this machine (testing).",
        )
    if not settings.sso_client_id.strip():
        raise UserError(
            "single sign-on needs sso_client_id", hint="The client id the provider gave nextmove."
        )
    domains = tuple(sorted({d.strip().lower().lstrip("@") for d in settings.sso_email_domains}))
    return SsoConfig(
        issuer=issuer,
        client_id=settings.sso_client_id.strip(),
        client_secret=sso_client_secret(settings),
        name=settings.sso_name.strip() or "your organization",
        domains=tuple(d for d in domains if d),
        new_accounts=settings.sso_new_accounts,
        redirect_uri=base_url.rstrip("/") + CALLBACK,
    )


def _get_json(url: str) -> dict[str, Any]:
    try:
        with (
            httpx.Client(timeout=TIMEOUT, follow_redirects=False) as client,
            client.stream("GET", url, headers={"Accept": "application/json"}) as response,
        ):
            body = b""
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_RESPONSE:
                    raise ProviderUnavailable(
                        f"the sign-in provider's answer from {url} is too large"
                    )
            status = response.status_code
    except httpx.HTTPError as exc:
        raise ProviderUnavailable(
            f"the sign-in provider did not answer ({type(exc).__name__})",
            hint="Try again in a moment, or sign in with your password.",
        ) from None
    if status != 200:
        raise ProviderUnavailable(
            f"the sign-in provider answered {status} for {url}",
            hint="Check sso_issuer; try again in a moment, or sign in with your password.",
        )
    try:
        data = json.loads(body)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise ProviderUnavailable(f"the sign-in provider's answer from {url} is not JSON")
    return data


_cache: dict[str, tuple[float, dict[str, Any], KeySet | None]] = {}
_cache_lock = threading.Lock()


def _metadata(config: SsoConfig, *, fresh: bool = False) -> tuple[dict[str, Any], KeySet]:
    """The provider's discovery document and signing keys (kept METADATA_TTL seconds)."""
    with _cache_lock:
        cached = _cache.get(config.issuer)
    if cached is not None and not fresh and time.monotonic() - cached[0] < METADATA_TTL:
        meta, keys = cached[1], cached[2]
        if keys is not None:
            return meta, keys
    meta = _get_json(config.issuer + "/.well-known/openid-configuration")
    if str(meta.get("issuer", "")).rstrip("/") != config.issuer:
        raise ProviderUnavailable(
            "the sign-in provider's discovery document names another issuer",
            hint="sso_issuer must be exactly the provider's issuer URL.",
        )
    for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
        value = meta.get(key)
        if not isinstance(value, str) or urlsplit(value).scheme not in ("https", "http"):
            raise ProviderUnavailable(f"the sign-in provider's discovery document has no {key}")
    try:
        keys = KeySet.import_key_set(_get_json(meta["jwks_uri"]))  # type: ignore[arg-type]
    except (JoseError, ValueError, TypeError, KeyError):
        raise ProviderUnavailable("the sign-in provider's keys cannot be read") from None
    with _cache_lock:
        _cache[config.issuer] = (time.monotonic(), meta, keys)
    return meta, keys


@dataclass(frozen=True, slots=True)
class SsoStart:
    """Where to send the browser, and what it must bring back (kept in a cookie)."""

    url: str
    state: str
    nonce: str
    verifier: str = field(repr=False)


def _client(config: SsoConfig) -> OAuth2Client:
    return OAuth2Client(
        client_id=config.client_id,
        client_secret=config.client_secret,
        scope=SCOPE,
        redirect_uri=config.redirect_uri,
        code_challenge_method="S256",
        token_endpoint_auth_method="client_secret_basic",
        timeout=TIMEOUT,
        follow_redirects=False,
    )


def start_sign_in(config: SsoConfig) -> SsoStart:
    meta, _keys = _metadata(config)
    state, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    verifier = secrets.token_urlsafe(64)  # 86 characters: within PKCE's 43–128
    with _client(config) as client:
        url, _ = client.create_authorization_url(
            meta["authorization_endpoint"], state=state, code_verifier=verifier, nonce=nonce
        )
    return SsoStart(str(url), state, nonce, verifier)


def _refused(message: str, hint: str | None = None) -> AccessDenied:
    return AccessDenied(message, hint=hint or "Sign in with your e-mail and password instead.")


def _id_claims(
    config: SsoConfig, keys: KeySet, id_token: str, *, nonce: str, now: datetime
) -> dict[str, Any]:
    try:
        token = jwt.decode(id_token, keys, algorithms=list(ALGORITHMS))
        jwt.JWTClaimsRegistry(
            now=int(now.timestamp()),
            leeway=LEEWAY,
            iss={"essential": True, "value": config.issuer},
            aud={"essential": True, "value": config.client_id},
            sub={"essential": True},
            exp={"essential": True},
            nonce={"essential": True, "value": nonce},
        ).validate(token.claims)
    except (JoseError, ValueError, TypeError) as exc:
        raise NotSignedIn(
            f"the sign-in provider's ID token was refused ({type(exc).__name__})",
            hint="Start the sign-in again.",
        ) from None
    return dict(token.claims)


def finish_sign_in(
    db: Database,
    config: SsoConfig,
    *,
    code: str,
    verifier: str,
    nonce: str,
    now: datetime,
    lifetime: timedelta,
) -> SignedIn:
    """Exchange the code (with the PKCE verifier), check the ID token, and sign in the
    account of its verified e-mail."""
    meta, keys = _metadata(config)
    try:
        with _client(config) as client:
            token = client.fetch_token(
                meta["token_endpoint"],
                grant_type="authorization_code",
                code=code,
                code_verifier=verifier,
            )
    except httpx.HTTPError as exc:
        raise ProviderUnavailable(
            f"the sign-in provider did not answer ({type(exc).__name__})",
            hint="Try again in a moment, or sign in with your password.",
        ) from None
    except Exception as exc:  # Authlib's OAuth errors: the code was refused
        raise NotSignedIn(
            f"the sign-in provider refused the sign-in ({getattr(exc, 'error', type(exc).__name__)})",
            hint="Start the sign-in again.",
        ) from None
    id_token = token.get("id_token")
    if not isinstance(id_token, str) or len(id_token) > MAX_RESPONSE:
        raise NotSignedIn("the sign-in provider sent no ID token", hint="Start the sign-in again.")
    try:
        claims = _id_claims(config, keys, id_token, nonce=nonce, now=now)
    except NotSignedIn:
        _meta, keys = _metadata(config, fresh=True)  # the provider may have rotated its keys
        claims = _id_claims(config, keys, id_token, nonce=nonce, now=now)
    return _account_of(db, config, claims, now=now, lifetime=lifetime)


def _account_of(
    db: Database, config: SsoConfig, claims: dict[str, Any], *, now: datetime, lifetime: timedelta
) -> SignedIn:
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email or len(email) > accounts.MAX_EMAIL:
        raise _refused("the sign-in provider did not give an e-mail address")
    email = email.strip().lower()
    if claims.get("email_verified") is not True:
        raise _refused(f"the sign-in provider has not verified the e-mail {email}")
    domain = email.rsplit("@", 1)[1]
    if config.domains and domain not in config.domains:
        raise _refused(
            f"e-mail addresses at {domain} cannot sign in here",
            hint=f"Single sign-on accepts addresses at {', '.join(config.domains)}.",
        )
    account: AccountInfo | None = accounts.account_for_email(db, email)
    if account is None:
        if config.new_accounts != "member":
            raise _refused(
                f"there is no account for {email} on this server",
                hint="Ask the server's admin to create one; then sign in again.",
            )
        name = claims.get("name")
        name = (
            name.strip()[: accounts.MAX_NAME] if isinstance(name, str) and name.strip() else email
        )
        try:
            account = accounts.create_account(
                db,
                email=email,
                name=name,
                role="member",
                password=secrets.token_urlsafe(32),  # unknown to anyone: SSO or a reset only
                now=now,
            )
        except UserError:  # made meanwhile by another request: use it
            account = accounts.account_for_email(db, email)
            if account is None:
                raise
    if account.disabled:
        raise AccessDenied(
            "this account is disabled", hint="Ask the server's admin to enable it again."
        )
    return open_session(db, account, now=now, lifetime=lifetime)
