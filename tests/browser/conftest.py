"""Browser tests: a real `nextmove serve` on a free port, driven by Debian's Chromium through
Playwright. Screenshots go to artifacts/screenshots/."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from nextmove.services.demo import create_demo
from nextmove.services.workspace import Workspace
from tests.conftest import NOW, ROOT, TODAY

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but /usr/bin/chromium is missing; .ci/run must install chromium")
        pytest.skip(
            "browser tests need Debian's Chromium at /usr/bin/chromium (apt install chromium)"
        )
    return CHROMIUM


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """`nextmove serve` on the demo workspace, as a real process; yields its base URL."""
    yield from _serve(tmp_path, demo=True)


@pytest.fixture
def empty_server(tmp_path: Path) -> Iterator[str]:
    """`nextmove serve` on a new, empty database."""
    yield from _serve(tmp_path, demo=False)


@pytest.fixture
def configured_server(tmp_path: Path) -> Iterator[str]:
    """`nextmove serve` on a new, empty database, for someone who set their e-mail address and
    time zone (invitations need the organizer's address)."""
    yield from _serve(
        tmp_path,
        demo=False,
        env={"NEXTMOVE_EMAIL": "maya.chen@example.com", "NEXTMOVE_TIMEZONE": "America/Chicago"},
    )


def _serve(tmp_path: Path, *, demo: bool, env: dict[str, str] | None = None) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    db = Workspace.open(url)
    if demo:
        create_demo(db, today=TODAY, now=NOW)
    db.dispose()
    port = _free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from nextmove.cli.app import main; main()",
            "--db",
            url,
            "serve",
            "--port",
            str(port),
            "--no-browser",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError((tmp_path / "serve.log").read_text())
            try:
                if httpx.get(base + "/settings", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("nextmove serve did not start within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
