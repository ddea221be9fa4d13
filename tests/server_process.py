"""A real `nextmove server` (several uvicorn workers) on a throwaway PostgreSQL database,
for the tests that need real cookies, real processes and a real browser."""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psycopg

from tests.pg_server import PostgresServer

_counter = itertools.count()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def new_pg_database(server: PostgresServer) -> str:
    """A fresh database cloned from the migrated template; its URL."""
    name = f"srv{os.getpid()}_{next(_counter)}"
    with psycopg.connect(server.url().replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE nextmove_template')
    return server.url(name)


def run_server(
    tmp_path: Path, db_url: str, *, workers: int = 2, env: dict[str, str] | None = None
) -> Iterator[str]:
    """`nextmove server` as a process; yields its base URL, stops it afterwards."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "server.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from nextmove.cli.app import main; main()",
            "--db",
            db_url,
            "server",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NEXTMOVE_BASE_URL": base, **(env or {})},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(log_path.read_text())
            try:
                if httpx.get(base + "/login", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("nextmove server did not start within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
