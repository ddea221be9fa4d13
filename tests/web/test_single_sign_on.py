# ruff: noqa: F811  (the fixtures of test_server_mode, imported by name)
"""Single sign-on against a real OpenID Connect provider on loopback (oidc-provider-mock, a
Flask provider built on Authlib, started by the test), on both backends: the code flow with
PKCE, state and nonce; a verified e-mail signs in its account; a refused domain, a tampered
or foreign state, a disabled account, an unverified or unknown e-mail sign no one in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient
from oidc_provider_mock import User, run_server_in_thread

from nextmove.config import load_settings
from nextmove.errors import UserError
from nextmove.services import accounts
from nextmove.services.single_sign_on import SsoConfig, sso_config
from nextmove.services.workspace import Database
from nextmove.web.app import create_app
from nextmove.web.auth import SESSION_COOKIE, ServerMode
from tests.web.test_server_mode import BASE, PASSWORD, PORT, Browser, server_db  # noqa: F401

NOW = datetime(2026, 12, 5, 9, tzinfo=UTC)
CLIENT_SECRET = "s3cret-of-the-client-" + "x" * 20
USERS = [
    User(sub="ann", claims={"email": "Ann@Example.org", "email_verified": True, "name": "Ann"}),
    User(sub="bob", claims={"email": "bob@example.org", "email_verified": True}),
    User(sub="eve", claims={"email": "eve@elsewhere.example", "email_verified": True}),
    User(sub="una", claims={"email": "una@example.org", "email_verified": False}),
    User(sub="new", claims={"email": "new@example.org", "email_verified": True, "name": "Nia New"}),
]


@pytest.fixture(scope="module")
def issuer() -> Iterator[str]:
    with run_server_in_thread(port=0, user_claims=USERS) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture
def sso_app(server_db: Database, db_url: str, issuer: str):  # type: ignore[no-untyped-def]
    for key in ("ann", "bob"):
        accounts.create_account(
            server_db,
            email=f"{key}@example.org",
            name=key.title(),
            role="member",
            password=PASSWORD,
            now=NOW,
        )
    made: list[TestClient] = []

    def make(*, new_accounts: str = "refuse", domains: tuple[str, ...] = ("example.org",)):  # type: ignore[no-untyped-def]
        config = SsoConfig(
            issuer=issuer,
            client_id="nextmove-test",
            client_secret=CLIENT_SECRET,
            name="Example Corp",
            domains=domains,
            new_accounts=new_accounts,
            redirect_uri=BASE + "/login/sso/callback",
        )
        mode = ServerMode(
            secret=b"s" * 32,
            secure_cookies=False,
            session_lifetime=timedelta(hours=12),
            sso=config,
        )
        app = create_app(
            load_settings(database_url=db_url),
            port=PORT,
            db=server_db,
            server=mode,
            base_url=BASE,
            hosts=frozenset({f"127.0.0.1:{PORT}"}),
        )
        client = TestClient(app, base_url=BASE)
        client.__enter__()
        made.append(client)
        return Browser(client)

    yield make
    for client in made:
        client.__exit__(None, None, None)


def _authorize(browser: Browser, next: str = "/journal") -> str:
    """Start at /login/sso; the provider's URL it sends the browser to."""
    start = browser.client.get("/login/sso", params={"next": next}, follow_redirects=False)
    assert start.status_code == 303, start.text
    return start.headers["location"]


def _provider_says(url: str, sub: str) -> str:
    """The person picks their account at the provider; the callback path it sends back to."""
    answer = httpx.post(url, data={"sub": sub}, follow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    back = answer.headers["location"]
    assert back.startswith(BASE + "/login/sso/callback?")
    return back.removeprefix(BASE)


def _sign_in(browser: Browser, sub: str):  # type: ignore[no-untyped-def]
    return browser.client.get(_provider_says(_authorize(browser), sub), follow_redirects=False)


def _session_set(response) -> bool:  # type: ignore[no-untyped-def]
    return any(SESSION_COOKIE + "=" in c for c in response.headers.get_list("set-cookie"))


def test_a_verified_email_signs_in_its_account_with_pkce_state_and_nonce(sso_app) -> None:  # type: ignore[no-untyped-def]
    browser = sso_app()
    login = browser.client.get("/login")
    assert "Sign in with Example Corp" in login.text
    url = _authorize(browser)
    query = parse_qs(urlsplit(url).query)
    assert query["code_challenge_method"] == ["S256"] and len(query["code_challenge"][0]) == 43
    assert query["response_type"] == ["code"] and "openid" in query["scope"][0].split()
    assert query["state"][0] and query["nonce"][0] and query["state"] != query["nonce"]
    assert "code_verifier" not in query and CLIENT_SECRET not in url
    back = _provider_says(url, "ann")
    done = browser.client.get(back, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/journal"
    assert _session_set(done)
    me = browser.client.get("/api/me").json()
    assert me["account"]["email"] == "ann@example.org"
    # The flow's cookie is spent: the same callback again signs no one in.
    replay = browser.client.get(back, follow_redirects=False)
    assert replay.status_code == 401 and not _session_set(replay)


def test_a_tampered_or_foreign_state_signs_no_one_in(sso_app) -> None:  # type: ignore[no-untyped-def]
    browser = sso_app()
    back = _provider_says(_authorize(browser), "ann")
    parts = urlsplit(back)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    tampered = {
        **query,
        "state": query["state"][:-2] + ("AA" if query["state"][-2:] != "AA" else "BB"),
    }
    refused = browser.client.get(f"{parts.path}?{urlencode(tampered)}", follow_redirects=False)
    assert refused.status_code == 401 and "did not start in this browser" in refused.text.lower()
    assert not _session_set(refused)
    # The genuine callback, but in another browser (no flow cookie): refused as well.
    other = sso_app()
    foreign = other.client.get(back, follow_redirects=False)
    assert foreign.status_code == 401 and not _session_set(foreign)
    assert other.client.get("/api/me").status_code == 401
    # The provider's refusal is said plainly.
    denied = browser.client.get(
        f"{parts.path}?{urlencode({'error': 'access_denied', 'state': query['state']})}"
    )
    assert denied.status_code == 401


def test_a_refused_domain_a_disabled_account_and_an_unverified_email_stay_out(  # type: ignore[no-untyped-def]
    sso_app, server_db: Database
) -> None:
    elsewhere = _sign_in(sso_app(), "eve")
    assert (
        elsewhere.status_code == 403
        and "at elsewhere.example cannot sign in here" in elsewhere.text.lower()
    )
    assert not _session_set(elsewhere)
    accounts.disable_account(server_db, "bob@example.org")
    disabled = _sign_in(sso_app(), "bob")
    assert disabled.status_code == 403 and "this account is disabled" in disabled.text.lower()
    assert not _session_set(disabled)
    unverified = _sign_in(sso_app(), "una")
    assert (
        unverified.status_code == 403 and "has not verified the e-mail" in unverified.text.lower()
    )
    unknown = _sign_in(sso_app(), "new")
    assert unknown.status_code == 403 and "no account for new@example.org" in unknown.text.lower()
    assert accounts.account_for_email(server_db, "new@example.org") is None


def test_unknown_people_become_members_when_configured(sso_app, server_db: Database) -> None:  # type: ignore[no-untyped-def]
    browser = sso_app(new_accounts="member")
    done = _sign_in(browser, "new")
    assert done.status_code == 303 and _session_set(done)
    made = accounts.account_for_email(server_db, "new@example.org")
    assert made is not None and (made.name, made.role) == ("Nia New", "member")
    assert browser.client.get("/api/me").json()["workspace"]["id"] == made.workspace_id
    # Any domain, when none is configured; still only verified e-mails.
    assert _sign_in(sso_app(domains=()), "eve").status_code == 403  # no account: refused


def test_the_configuration_keeps_the_secret_out_of_sight(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    secret_file = tmp_path / "client-secret"
    secret_file.write_text(CLIENT_SECRET + "\n")
    settings = load_settings(
        sso_issuer="https://login.example.org/realms/staff/",
        sso_client_id="nextmove",
        sso_client_secret_file=str(secret_file),
        sso_email_domains=["@Example.org"],
    )
    config = sso_config(settings, "https://career.example.org")
    assert config is not None and config.client_secret == CLIENT_SECRET
    assert CLIENT_SECRET not in repr(config) and CLIENT_SECRET not in repr(settings)
    assert config.issuer == "https://login.example.org/realms/staff"
    assert config.domains == ("example.org",)
    assert config.redirect_uri == "https://career.example.org/login/sso/callback"
    monkeypatch.delenv("NEXTMOVE_SSO_CLIENT_SECRET", raising=False)
    with pytest.raises(UserError, match="has no client secret"):
        sso_config(load_settings(sso_issuer="https://login.example.org", sso_client_id="n"), "x")
    monkeypatch.setenv("NEXTMOVE_SSO_CLIENT_SECRET", CLIENT_SECRET)
    from_env = sso_config(
        load_settings(sso_issuer="https://login.example.org", sso_client_id="n"), "x"
    )
    assert from_env is not None and from_env.client_secret == CLIENT_SECRET
    with pytest.raises(UserError, match="must be an https address"):
        sso_config(load_settings(sso_issuer="http://login.example.org", sso_client_id="n"), "x")
    assert sso_config(load_settings(), "x") is None


def test_an_id_token_for_another_nonce_signs_no_one_in(sso_app) -> None:  # type: ignore[no-untyped-def]
    """The browser's flow cookie carries the nonce the ID token must name: re-signed with a
    different nonce (as if the token were replayed into another sign-in), it is refused."""
    from nextmove.web.routes.sso import FLOW_COOKIE, _pack, _unpack

    browser = sso_app()
    back = _provider_says(_authorize(browser), "ann")
    jar = browser.client.cookies
    raw = next(c.value for c in jar.jar if c.name == FLOW_COOKIE).strip('"')
    flow = _unpack(b"s" * 32, raw, datetime.now(UTC))
    assert flow is not None and flow["nonce"]
    domain = next(c.domain for c in jar.jar if c.name == FLOW_COOKIE)
    jar.delete(FLOW_COOKIE, domain=domain, path="/login/sso")
    jar.set(
        FLOW_COOKIE,
        _pack(b"s" * 32, {**flow, "nonce": "another-nonce"}),
        domain=domain,
        path="/login/sso",
    )
    refused = browser.client.get(back, follow_redirects=False)
    assert refused.status_code == 401 and "id token was refused" in refused.text.lower()
    assert not _session_set(refused)
    assert browser.client.get("/api/me").status_code == 401
