"""A real `nextmove server` with two worker processes on PostgreSQL: the secret key made on
first start (0600), sign-in with real cookies across workers, the lock after ten failures,
the Host check, signing out."""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from nextmove.services import accounts
from nextmove.services.workspace import Database
from tests.pg_server import PostgresServer
from tests.server_process import new_pg_database, run_server

PASSWORD = "correct horse battery staple"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def server(tmp_path: Path, pg_server: PostgresServer) -> Iterator[str]:
    url = new_pg_database(pg_server)
    db = Database.open(url)
    accounts.create_account(
        db,
        email="ann@example.org",
        name="Ann",
        role="member",
        password=PASSWORD,
        now=datetime.now(UTC),
    )
    db.dispose()
    yield from run_server(tmp_path, url, workers=2)


def _sign_in(client: httpx.Client, base: str, email: str, password: str) -> httpx.Response:
    token = _TOKEN.search(client.get("/login").text)
    assert token
    return client.post(
        "/login",
        data={"csrf_token": token.group(1), "email": email, "password": password, "next": "/"},
        headers={"Origin": base, "Sec-Fetch-Site": "same-origin"},
    )


def test_a_real_server_signs_in_across_workers_and_locks_after_ten_failures(
    server: str, tmp_path: Path
) -> None:
    key = tmp_path / "config" / "secret_key"
    assert key.exists() and stat.S_IMODE(key.stat().st_mode) == 0o600
    with httpx.Client(base_url=server, timeout=10) as client:
        assert client.get("/api/vision").status_code == 401
        assert client.get("/", follow_redirects=False).headers["location"] == "/login?next=%2F"
        signed = _sign_in(client, server, "ann@example.org", PASSWORD)
        assert signed.status_code == 303
        cookie = signed.headers["set-cookie"]
        assert "nextmove_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
        assert "Secure" not in cookie  # base_url is http here
        # Many requests: whichever worker answers knows the session and the form secret.
        for _ in range(8):
            assert client.get("/api/me").json()["account"]["email"] == "ann@example.org"
        csrf = client.get("/api/me").json()["csrf_token"]
        entry = {"activity": "research meeting", "energy": 2, "date": "2026-11-20"}
        made = client.post("/api/journal/entries", json=entry, headers={"X-CSRF-Token": csrf})
        assert made.status_code == 201
        page = client.get("/settings")
        token = _TOKEN.search(page.text)
        assert token
        out = client.post(
            "/logout",
            data={"csrf_token": token.group(1)},
            headers={"Origin": server, "Sec-Fetch-Site": "same-origin"},
        )
        assert out.status_code == 303
        assert client.get("/api/me").status_code == 401
    with httpx.Client(base_url=server, timeout=10) as guesser:
        for _ in range(10):
            assert (
                _sign_in(guesser, server, "ann@example.org", "guess guess guess").status_code == 401
            )
        locked = _sign_in(guesser, server, "ann@example.org", PASSWORD)
        assert locked.status_code == 429
        assert "Too many failed sign-ins" in locked.text
        assert int(locked.headers["retry-after"]) > 800
    other_host = httpx.get(server + "/login", headers={"Host": "evil.example"})
    assert other_host.status_code == 400
