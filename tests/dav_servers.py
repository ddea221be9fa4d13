"""Real CardDAV/CalDAV servers for the tests: Radicale (with a user name and password) and
Xandikos, each started as its own process on a free loopback port, storing in a temp folder.
Each test makes its own address book (extended MKCOL, RFC 5689), so tests share a server
without sharing data."""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from lxml import etree

USER, PASSWORD = "alice", "s3cret-pw"
_names = itertools.count()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"DAV server exited: {log.read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"DAV server did not start: {log.read_text()[-2000:]}")


@dataclass
class DavServer:
    kind: str
    root: str  # http://127.0.0.1:PORT
    home: str  # where this user's collections go
    user: str
    password: str
    process: subprocess.Popen[bytes]
    calendar_home: str = ""

    def auth(self) -> httpx.BasicAuth | None:
        return httpx.BasicAuth(self.user, self.password) if self.user else None

    def make_collection(self, kind: str = "addressbook") -> str:
        """A new, empty address book (or calendar) collection; its URL."""
        name = f"{kind}-{os.getpid()}-{next(_names)}"
        home = self.calendar_home or self.home if kind == "calendar" else self.home
        url = f"{self.root}{home}{name}/"
        d = "DAV:"
        ns = (
            "urn:ietf:params:xml:ns:carddav"
            if kind == "addressbook"
            else ("urn:ietf:params:xml:ns:caldav")
        )
        root = etree.Element(f"{{{d}}}mkcol", nsmap={"d": d, "x": ns})
        prop = etree.SubElement(etree.SubElement(root, f"{{{d}}}set"), f"{{{d}}}prop")
        rtype = etree.SubElement(prop, f"{{{d}}}resourcetype")
        etree.SubElement(rtype, f"{{{d}}}collection")
        etree.SubElement(rtype, f"{{{ns}}}{'addressbook' if kind == 'addressbook' else 'calendar'}")
        if kind == "calendar":
            comps = etree.SubElement(prop, f"{{{ns}}}supported-calendar-component-set")
            etree.SubElement(comps, f"{{{ns}}}comp", name="VEVENT")
        body = etree.tostring(root, xml_declaration=True, encoding="utf-8")
        response = httpx.request(
            "MKCOL",
            url,
            content=body,
            auth=self.auth(),
            headers={"Content-Type": "application/xml"},
        )
        assert response.status_code in (201, 200), (response.status_code, response.text)
        return url

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start_radicale(folder: Path) -> DavServer:
    folder.mkdir(parents=True, exist_ok=True)
    users = folder / "users"
    users.write_text(f"{USER}:{PASSWORD}\n")
    port = free_port()
    log = folder / "radicale.log"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "radicale",
            "--server-hosts",
            f"127.0.0.1:{port}",
            "--storage-filesystem-folder",
            str(folder / "collections"),
            "--auth-type",
            "htpasswd",
            "--auth-htpasswd-filename",
            str(users),
            "--auth-htpasswd-encryption",
            "plain",
            "--auth-delay",
            "0",
            "--rights-type",
            "owner_only",
            "--logging-level",
            "warning",
        ],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    _wait(port, process, log)
    root = f"http://127.0.0.1:{port}"
    server = DavServer("radicale", root, f"/{USER}/", USER, PASSWORD, process)
    # Radicale creates a user's principal collection on their first request.
    httpx.request("PROPFIND", f"{root}/{USER}/", auth=server.auth(), headers={"Depth": "0"})
    return server


def start_xandikos(folder: Path) -> DavServer:
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = folder / "xandikos.log"
    xandikos = Path(sys.executable).with_name("xandikos")
    process = subprocess.Popen(
        [
            str(xandikos),
            "serve",
            "--defaults",
            "-d",
            str(folder / "data"),
            "-l",
            "127.0.0.1",
            "-p",
            str(port),
            "--no-detect-systemd",
            "--state-dir",
            str(folder / "state"),
        ],
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    _wait(port, process, log)
    return DavServer("xandikos", f"http://127.0.0.1:{port}", "/user/contacts/", "", "", process)
