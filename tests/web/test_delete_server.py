"""The acceptance test of "delete means delete", with a real `nextmove serve` (uvicorn on
loopback): someone is used across features through the web, then deleted through the web;
the database file, its write-ahead log and every file nextmove keeps (config folder, data
folder, upload folder) hold 0 traces of her, while the server runs and after it stops. Her
import's in-memory report is gone too."""

from __future__ import annotations

import os
import re
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

NAME = "Zelda Quixote-Marwick"
EMAIL = "zelda.qm@example.org"
PHONE = "+1 555 0142 987"
TRACES = (
    "Quixote",
    "Marwick",
    "zelda.qm",
    "0142 987",
    "kayaking in Troms",
    "Xylophage",
    "budget doubles",
    "hires PMs in spring",
)
VCARD = (
    f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{NAME}\r\nEMAIL:{EMAIL}\r\nTEL:{PHONE}\r\n"
    "NOTE:met at the Xylophage summit\r\nEND:VCARD\r\n"
)
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Server:
    base: str
    home: Path  # data, config and temporary folders are inside
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    home = tmp_path / "home"
    (home / "tmp").mkdir(parents=True)  # the data folder is nextmove's to create
    port = _free_port()
    env = {
        **os.environ,
        "NEXTMOVE_DATA_DIR": str(home / "data"),
        "NEXTMOVE_CONFIG_DIR": str(home / "config"),
        "TMPDIR": str(home / "tmp"),  # where uploads are kept while they are imported
    }
    env.pop("NEXTMOVE_DATABASE_URL", None)
    log = (tmp_path / "serve.log").open("w")  # the terminal's output, not a file nextmove keeps
    process = subprocess.Popen(
        [sys.executable, "-c", "from nextmove.cli.app import main; main()", "serve",
         "--port", str(port), "--no-browser"],
        stdout=log, stderr=subprocess.STDOUT, env=env,
    )  # fmt: skip
    running = Server(f"http://127.0.0.1:{port}", home, process)
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError((tmp_path / "serve.log").read_text())
            try:
                if httpx.get(running.base + "/settings", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("nextmove serve did not start within 60 s")
            time.sleep(0.2)
        yield running
    finally:
        running.stop()
        log.close()


def scan(home: Path) -> dict[str, list[str]]:
    """Every file under the home folder holding a trace of her, with the traces found."""
    hits: dict[str, list[str]] = {}
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes().decode("utf-8", "replace").casefold()
            found = [t for t in TRACES if t.casefold() in data]
            if found:
                hits[str(path.relative_to(home))] = found
    return hits


def _form(
    client: httpx.Client, page: str, url: str, data: dict[str, str], **kw: object
) -> httpx.Response:
    token = TOKEN.search(client.get(page).text)
    assert token, page
    return client.post(url, data={"csrf_token": token.group(1), **data}, **kw)  # type: ignore[arg-type]


def test_a_person_deleted_through_the_web_leaves_no_trace_on_disk(server: Server) -> None:
    same_site = {"Origin": server.base, "Sec-Fetch-Site": "same-origin"}
    with httpx.Client(base_url=server.base, headers=same_site, timeout=30) as web:
        created = web.post(
            "/api/people",
            json={"name": NAME, "emails": [EMAIL], "phones": [PHONE],
                  "notes": "Zelda loves kayaking in Tromsø", "organization": "Acme"},
        )  # fmt: skip
        assert created.status_code == 201, created.text
        zelda = created.json()["id"]
        assert web.post(
            f"/api/people/{zelda}/touches", json={"note": "Xylophage coffee"}
        ).is_success
        meeting = web.post("/api/meetings", json={"person_id": zelda, "why": "the Xylophage team"})
        meeting_id = meeting.json()["id"]
        for part, body in (
            ("notes", {"text": "the Xylophage budget doubles"}),
            ("insights", {"text": "Xylophage hires PMs in spring"}),
            ("referrals", {"name": "Bruno Vantongerloo", "organization": "Acme"}),
        ):
            assert web.post(f"/api/meetings/{meeting_id}/{part}", json=body).is_success, part
        upload = _form(
            web, "/import", "/import", {"kind": "vcard"},
            files={"file": ("zelda_quixote-marwick.vcf", VCARD.encode(), "text/vcard")},
        )  # fmt: skip
        assert upload.status_code == 303, upload.text
        job = upload.headers["location"].split("?")[0]
        for _ in range(500):
            status = web.get(job + "/status").json()
            if status["finished"]:
                break
            time.sleep(0.02)
        assert status["state"] == "done" and status["report"]["updated"] == 1, status
        assert "quixote" in str(status).lower()  # the report names her (its file)
        for page in (f"/people/{zelda}", f"/meetings/{meeting_id}", "/import", "/"):
            assert web.get(page).status_code == 200, page
        assert scan(server.home) != {}  # the scan sees her before

        deleted = _form(web, f"/people/{zelda}/delete", f"/people/{zelda}/delete", {})
        assert deleted.status_code == 303

        assert scan(server.home) == {}, "with the server running"
        assert web.get(job + "/status").status_code == 404
        assert web.get(f"/api/people/{zelda}").status_code == 404
        bruno = web.get("/api/people", params={"q": "Bruno"}).json()["people"][0]
        assert web.get(f"/api/people/{bruno['id']}").json()["how_known"] == (
            "introduced by a deleted contact"
        )
        assert "[removed].vcf" in web.get("/import").text
    server.stop()
    assert scan(server.home) == {}, "after the server stopped"
    data = server.home / "data"
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "nextmove.db").stat().st_mode) == 0o600
