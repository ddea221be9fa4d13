"""The web app under TestClient, on both backends: a real database, the real app factory."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nextmove.config import load_settings
from nextmove.services.demo import create_demo
from nextmove.services.workspace import Workspace
from nextmove.web.app import create_app

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
AS_OF = "as_of=2026-11-22"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class Web:
    """A TestClient that knows how to submit forms the way the app's own pages do."""

    def __init__(self, client: TestClient):
        self.client = client

    def get(self, url: str, **kwargs: object):  # type: ignore[no-untyped-def]
        return self.client.get(url, **kwargs)  # type: ignore[arg-type]

    def token(self, page: str = "/journal") -> str:
        response = self.client.get(page)
        match = _TOKEN.search(response.text)
        assert match, f"no CSRF token on {page}"
        return match.group(1)

    def submit(self, url: str, data: dict[str, str], *, page: str = "/journal", **kwargs: object):  # type: ignore[no-untyped-def]
        token = self.token(page)
        return self.client.post(
            url,
            data={"csrf_token": token, **data},
            headers={"Origin": BASE, "Sec-Fetch-Site": "same-origin"},
            follow_redirects=False,
            **kwargs,  # type: ignore[arg-type]
        )


@pytest.fixture
def web_db(db_url: str) -> Iterator[Workspace]:
    database = Workspace.open(db_url)
    yield database
    database.dispose()


@pytest.fixture
def web(web_db: Workspace, db_url: str) -> Iterator[Web]:
    app = create_app(load_settings(database_url=db_url), port=PORT, db=web_db)
    with TestClient(app, base_url=BASE) as client:
        yield Web(client)


@pytest.fixture
def demo_web(web: Web, web_db: Workspace, today: date, now: datetime) -> Web:
    create_demo(web_db, today=today, now=now)
    return web


@pytest.fixture
def small_limit_web(db_url: str, web_db: Workspace) -> Iterator[Web]:
    """The app with an upload limit of 10 kB."""
    settings = load_settings(database_url=db_url, upload_limit_mb=0.01)
    with TestClient(create_app(settings, port=PORT, db=web_db), base_url=BASE) as client:
        yield Web(client)


@pytest.fixture
def uploads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system's temporary folder, where uploads are written while they are imported."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder
